package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
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
  private static final Font AXIS = Charts.font(10.5f);
  private static final Font LABEL = Charts.font(11.5f);
  private static final Font TITLE = Charts.boldFont(13f);
  private static final Font CAPTION = Charts.font(10f);
  private static final double WIDTH = 560;
  private static final double HEIGHT = 440;
  private static final double MAX_RADIUS = 14;
  private static final int LINE_POINTS = 101;
  private static final Color BAND = new Color(0xDD, 0xDD, 0xDD);
  private static final Color POINT = new Color(0x00, 0x72, 0xB2, 0xB0);
  private static final Color POINT_EDGE = new Color(0x00, 0x3F, 0x66);
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
    double left = 64;
    double right = 24;
    double top = 44;
    double bottom = 76;
    double plotW = WIDTH - left - right;
    double plotH = HEIGHT - top - bottom;
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
    return new Figure(
        WIDTH,
        HEIGHT,
        g -> {
          g.setColor(INK);
          Figure.text(g, title, TITLE, left, 26, Figure.Align.LEFT);
          double baseY = top + plotH;
          Shape frame = g.getClip();
          g.clip(new Rectangle2D.Double(left, top, plotW, plotH));
          Path2D.Double band = new Path2D.Double();
          for (int i = 0; i < LINE_POINTS; i++) {
            double px = xAxis.toX(gridX[i], left, plotW);
            double py = yPixel(yAxis, fitted[i][3], top, plotH);
            if (i == 0) {
              band.moveTo(px, py);
            } else {
              band.lineTo(px, py);
            }
          }
          for (int i = LINE_POINTS - 1; i >= 0; i--) {
            band.lineTo(xAxis.toX(gridX[i], left, plotW), yPixel(yAxis, fitted[i][2], top, plotH));
          }
          band.closePath();
          g.setColor(BAND);
          g.fill(band);
          g.setColor(INK);
          g.setStroke(new BasicStroke(1.3f));
          g.draw(
              new Line2D.Double(
                  xAxis.toX(gridX[0], left, plotW),
                  yPixel(yAxis, fitted[0][0], top, plotH),
                  xAxis.toX(gridX[LINE_POINTS - 1], left, plotW),
                  yPixel(yAxis, fitted[LINE_POINTS - 1][0], top, plotH)));
          // largest circles first so that small studies stay visible
          Integer[] order = new Integer[k];
          for (int i = 0; i < k; i++) {
            order[i] = i;
          }
          java.util.Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
          for (int i : order) {
            double radius = Math.max(2, MAX_RADIUS * Math.sqrt(w[i] / finalWMax));
            double px = xAxis.toX(x[i][column], left, plotW);
            double py = yPixel(yAxis, y[i], top, plotH);
            Ellipse2D.Double dot =
                new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius);
            g.setColor(POINT);
            g.fill(dot);
            g.setColor(POINT_EDGE);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(dot);
          }
          g.setClip(frame);
          g.setColor(INK);
          g.setStroke(new BasicStroke(0.9f));
          g.draw(new Rectangle2D.Double(left, top, plotW, plotH));
          for (int i = 0; i < xAxis.ticks.length; i++) {
            double tx = xAxis.toX(xAxis.ticks[i], left, plotW);
            g.draw(new Line2D.Double(tx, baseY, tx, baseY + 4));
            Figure.text(g, xAxis.labels[i], AXIS, tx, baseY + 16, Figure.Align.CENTER);
          }
          for (int i = 0; i < yAxis.ticks.length; i++) {
            double ty = yPixel(yAxis, yAxis.ticks[i], top, plotH);
            g.draw(new Line2D.Double(left - 4, ty, left, ty));
            Figure.text(g, yAxis.labels[i], AXIS, left - 7, ty + 3.8, Figure.Align.RIGHT);
          }
          Figure.text(g, key, LABEL, left + plotW / 2, baseY + 36, Figure.Align.CENTER);
          AffineTransform saved = g.getTransform();
          g.transform(AffineTransform.getRotateInstance(-Math.PI / 2));
          Figure.text(g, yTitle, LABEL, -(top + plotH / 2), 20, Figure.Align.CENTER);
          g.setTransform(saved);
          g.setColor(new Color(0x44, 0x44, 0x44));
          double captionX =
              Math.max(12, Math.min(left, WIDTH - 12 - Figure.textWidth(caption, CAPTION)));
          Figure.text(g, caption, CAPTION, captionX, HEIGHT - 12, Figure.Align.LEFT);
        });
  }

  private static double yPixel(EffectAxis axis, double value, double top, double height) {
    return top + height - (axis.toX(value, 0, height));
  }

  private static java.util.List<String> continuous(ModeratorDesign d) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int j = 1; j < d.p(); j++) {
      if (d.columns().get(j).equals(d.terms().get(j))) {
        out.add(d.columns().get(j));
      }
    }
    return out;
  }
}
