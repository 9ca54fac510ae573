package org.trialstats.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import org.trialstats.meta.Influence;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaResult;

/**
 * Baujat plot (Baujat, Mahe, Pignon &amp; Hill 2002, Stat Med 21:2641-2652; metafor's {@code
 * baujat()}): each study's contribution to the heterogeneity statistic, (y_i - mu)^2 / (v_i +
 * tau^2), against its influence on the pooled estimate, (mu_(-i) - mu)^2 / Var(mu_(-i)) ({@link
 * Influence}). Studies in the upper right both drive heterogeneity and move the result. Linear axes
 * from 0; each study is a dot, labelled when it lies beyond a fifth of either axis. Deterministic
 * PNG and SVG via {@link Figure}.
 */
public final class BaujatPlot {
  private static final Font POINT_LABEL = Charts.font(9f);
  private static final double WIDTH = 600;
  private static final double HEIGHT = 460;
  private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
  private static final Color INK = Color.BLACK;

  /** Studies beyond this share of either axis are labelled. */
  private static final double LABEL_SHARE = 0.2;

  private BaujatPlot() {}

  /**
   * Baujat plot of an analysis, titled "Baujat plot".
   *
   * @param result the analysis
   * @param influence its influence diagnostics
   * @return the figure
   */
  public static Figure render(MetaResult result, Influence influence) {
    return render(result, influence, "Baujat plot");
  }

  /**
   * Baujat plot with the given title.
   *
   * @param result the analysis
   * @param influence its influence diagnostics
   * @param title the title (null or blank for none)
   * @return the figure
   */
  public static Figure render(MetaResult result, Influence influence, String title) {
    List<Influence.Study> studies =
        influence.studies().stream()
            .filter(s -> Double.isFinite(s.baujatX()) && Double.isFinite(s.baujatY()))
            .toList();
    double maxX = 0;
    double maxY = 0;
    for (Influence.Study s : studies) {
      maxX = Math.max(maxX, s.baujatX());
      maxY = Math.max(maxY, s.baujatY());
    }
    EffectAxis xAxis = axis(maxX);
    EffectAxis yAxis = axis(maxY);
    boolean titled = title != null && !title.isBlank();
    PlotFrame frame = new PlotFrame(WIDTH, HEIGHT, 70, 28, titled ? 44 : 20, 76, false);
    // metafor's axis titles: the x axis is Q's contribution for a fixed-effect model
    String xTitle =
        result.model() == MetaModel.FIXED
            ? "Contribution to overall heterogeneity"
            : "Squared Pearson residual";
    String yTitle = "Influence on overall result";
    // two lines: on one the caption ran past the figure's right edge
    List<String> caption =
        List.of(
            "x: (y_i - mu)^2 / (v_i + tau^2); y: (mu without study i - mu)^2 / its variance",
            MetaOutput.methodLabel(result) + "; labels beyond 1/5 of an axis");
    // a margin of 6 so that dots on the axes are drawn whole
    return frame.figure(
        title,
        GRID,
        6,
        clipped -> {
          for (Influence.Study s : studies) {
            dot(clipped, frame, s, xAxis, yAxis);
          }
        },
        xAxis,
        xTitle,
        yAxis,
        yTitle,
        caption);
  }

  /** A study's dot, and its label when it is one of those a Baujat plot is read for. */
  private static void dot(
      Graphics2D g, PlotFrame frame, Influence.Study s, EffectAxis xAxis, EffectAxis yAxis) {
    double px = frame.x(xAxis, s.baujatX());
    double py = frame.y(yAxis, s.baujatY());
    PlotFrame.dot(g, px, py, 3.5, PlotFrame.DOT);
    if (labelled(s, xAxis, yAxis)) {
      g.setColor(INK);
      // labels to the left of points in the right third, so that they stay inside
      boolean leftSide = px > frame.left() + frame.plotWidth() * 2 / 3;
      Figure.text(
          g,
          s.study(),
          POINT_LABEL,
          leftSide ? px - 6 : px + 6,
          py + 3,
          leftSide ? Figure.Align.RIGHT : Figure.Align.LEFT);
    }
  }

  /**
   * Whether a study is labelled: those beyond {@value #LABEL_SHARE} of either axis, the ones a
   * Baujat plot is read for; the crowd near the origin stays unlabelled (the influence table lists
   * every study).
   */
  private static boolean labelled(Influence.Study s, EffectAxis xAxis, EffectAxis yAxis) {
    return s.baujatX() > LABEL_SHARE * xAxis.max || s.baujatY() > LABEL_SHARE * yAxis.max;
  }

  /** A linear axis from 0 to a round value above the largest coordinate (plus 4% room). */
  private static EffectAxis axis(double max) {
    double top = max > 0 && Double.isFinite(max) ? max * 1.04 : 1;
    double step = EffectAxis.niceCeiling(top / 5);
    return EffectAxis.fitted(false, 0, Math.ceil(top / step) * step);
  }
}
