package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import org.trialstats.analysis.MetaModeration;
import org.trialstats.meta.MetaRegression;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.ModeratorDesign;

/**
 * Bubble plot of a meta-regression: the study estimates (y, log scale for ratios) against one
 * continuous moderator (x), each study a circle whose area is proportional to its weight 1/(v_i +
 * tau^2), with the fitted line x0'b and its confidence band, the other moderators held at their
 * means (as metafor's {@code regplot()}). Deterministic PNG and SVG via {@link Figure}.
 */
public final class BubblePlot {
  private static final double WIDTH = 560;
  private static final double HEIGHT = 440;
  private static final double MAX_RADIUS = 14;
  private static final int LINE_POINTS = 101;
  private static final Color BAND = new Color(0xDD, 0xDD, 0xDD);
  private static final Color POINT = new Color(0x00, 0x72, 0xB2, 0xB0);
  private static final Color INK = Color.BLACK;

  private BubblePlot() {}

  /**
   * The first continuous moderator of the meta-regression.
   *
   * @param m the moderator analyses
   * @return its name, or null when there is no regression or every moderator is categorical
   */
  public static String firstContinuous(MetaModeration m) {
    if (m == null || m.regression() == null) {
      return null;
    }
    ModeratorDesign d = m.regression().design();
    for (int j = 1; j < d.p(); j++) {
      if (d.columns().get(j).equals(d.terms().get(j))) {
        return d.columns().get(j);
      }
    }
    return null;
  }

  /**
   * The bubble plot of one moderator.
   *
   * @param result the meta-analysis (for the effect measure and scale)
   * @param m the moderator analyses, with a meta-regression
   * @param moderator the continuous moderator on the x axis (case-insensitive)
   * @return the figure
   * @throws IllegalArgumentException when there is no regression or the moderator is not one of its
   *     continuous columns
   */
  public static Figure render(MetaResult result, MetaModeration m, String moderator) {
    if (m == null || m.regression() == null) {
      throw new IllegalArgumentException("a bubble plot needs a meta-regression");
    }
    MetaRegression r = m.regression();
    ModeratorDesign design = r.design();
    String key = moderator.trim().toLowerCase(Locale.ROOT);
    int column = design.columns().indexOf(key);
    if (column < 1 || !design.terms().get(column).equals(key)) {
      throw new IllegalArgumentException(
          "'"
              + moderator
              + "' is not a continuous moderator of the meta-regression; continuous ones: "
              + String.join(", ", continuous(design)));
    }
    double[][] x = design.x();
    double[] y = r.yi();
    double[] w = r.weights();
    int k = y.length;
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    double wMax = 0;
    for (int i = 0; i < k; i++) {
      xMin = Math.min(xMin, x[i][column]);
      xMax = Math.max(xMax, x[i][column]);
      yMin = Math.min(yMin, y[i]);
      yMax = Math.max(yMax, y[i]);
      wMax = Math.max(wMax, w[i]);
    }
    double[] means = design.columnMeans();
    double[] gridX = new double[LINE_POINTS];
    double[][] fitted = new double[LINE_POINTS][];
    for (int g = 0; g < LINE_POINTS; g++) {
      gridX[g] = xMin + (xMax - xMin) * g / (LINE_POINTS - 1);
      double[] x0 = means.clone();
      x0[column] = gridX[g];
      fitted[g] = r.predict(x0);
      yMin = Math.min(yMin, fitted[g][2]);
      yMax = Math.max(yMax, fitted[g][3]);
    }
    boolean ratio = result.options().ratioScale();
    double yPad = (yMax - yMin) * 0.05;
    EffectAxis yAxis = EffectAxis.fitted(ratio, yMin - yPad, yMax + yPad);
    double xPad = (xMax - xMin) * 0.05;
    EffectAxis xAxis = EffectAxis.fitted(false, xMin - xPad, xMax + xPad);
    String title = "Bubble plot: " + key;
    PlotFrame frame = new PlotFrame(WIDTH, HEIGHT, 64, 24, 44, 76, false);
    String yTitle = ForestPlot.effectName(result) + (ratio ? " (log scale)" : "");
    String caption =
        "Line: fitted meta-regression ("
            + r.settings().label()
            + (r.settings().knappHartung() ? ", Knapp-Hartung" : "")
            + "), band: "
            + EffectAxis.label(100 * r.settings().level())
            + "% CI"
            + (design.p() > 2 ? "; other moderators at their means" : "")
            + "; area ~ weight";
    final double finalWMax = wMax;
    return frame.figure(
        title,
        null,
        0,
        clipped -> {
          band(clipped, frame, xAxis, yAxis, gridX, fitted);
          // largest circles first so that small studies stay visible
          Integer[] order = new Integer[k];
          for (int i = 0; i < k; i++) {
            order[i] = i;
          }
          java.util.Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
          for (int i : order) {
            double radius = Math.max(2, MAX_RADIUS * Math.sqrt(w[i] / finalWMax));
            double px = frame.x(xAxis, x[i][column]);
            double py = frame.y(yAxis, y[i]);
            PlotFrame.dot(clipped, px, py, radius, POINT);
          }
        },
        xAxis,
        key,
        yAxis,
        yTitle,
        List.of(caption));
  }

  /** The confidence band of the fitted line (grey) and the line itself. */
  private static void band(
      Graphics2D g,
      PlotFrame frame,
      EffectAxis xAxis,
      EffectAxis yAxis,
      double[] gridX,
      double[][] fitted) {
    Path2D.Double band = new Path2D.Double();
    for (int i = 0; i < LINE_POINTS; i++) {
      double px = frame.x(xAxis, gridX[i]);
      double py = frame.y(yAxis, fitted[i][3]);
      if (i == 0) {
        band.moveTo(px, py);
      } else {
        band.lineTo(px, py);
      }
    }
    for (int i = LINE_POINTS - 1; i >= 0; i--) {
      band.lineTo(frame.x(xAxis, gridX[i]), frame.y(yAxis, fitted[i][2]));
    }
    band.closePath();
    g.setColor(BAND);
    g.fill(band);
    g.setColor(INK);
    g.setStroke(new BasicStroke(1.3f));
    g.draw(
        new Line2D.Double(
            frame.x(xAxis, gridX[0]),
            frame.y(yAxis, fitted[0][0]),
            frame.x(xAxis, gridX[LINE_POINTS - 1]),
            frame.y(yAxis, fitted[LINE_POINTS - 1][0])));
  }

  private static List<String> continuous(ModeratorDesign d) {
    List<String> out = new java.util.ArrayList<>();
    for (int j = 1; j < d.p(); j++) {
      if (d.columns().get(j).equals(d.terms().get(j))) {
        out.add(d.columns().get(j));
      }
    }
    return out;
  }
}
