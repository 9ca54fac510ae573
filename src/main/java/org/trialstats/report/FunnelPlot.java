package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.TrimAndFill;
import org.trialstats.stats.ConfidenceLevel;

/**
 * Funnel plot: study estimates (x, log scale for ratios) against their standard errors (y, inverted
 * so that the largest studies are at the top), with the pooled estimate as a vertical line and
 * pseudo-confidence limits mu +/- z_{1 - alpha/2} se as the funnel (Sterne &amp; Egger 2001, J Clin
 * Epidemiol 54:1046-1055; metafor's {@code funnel()}); after trim-and-fill the filled studies are
 * drawn as open circles. Deterministic PNG and SVG via {@link Figure}.
 */
public final class FunnelPlot {
  private static final double WIDTH = 560;
  private static final double HEIGHT = 440;
  private static final Color FUNNEL = new Color(0xEE, 0xEE, 0xEE);
  private static final Color FUNNEL_EDGE = new Color(0x77, 0x77, 0x77);
  private static final Color INK = Color.BLACK;

  private static final java.util.function.Function<MetaResult, String> MODEL_TEXT =
      r ->
          r.model() == org.trialstats.meta.MetaModel.FIXED
              ? "fixed effect, " + r.options().fixedMethod().label()
              : "random effects, "
                  + r.options().tau2Estimator().label()
                  + (r.hksj() ? ", HKSJ" : "");

  private FunnelPlot() {}

  /** Funnel plot of the studies of a meta-analysis, titled "Funnel plot". */
  public static Figure render(MetaResult result) {
    return render(result, "Funnel plot");
  }

  /** Funnel plot with the given title (null or blank for none). */
  public static Figure render(MetaResult result, String title) {
    List<Point> points =
        result.studies().stream().map(e -> new Point(e.yi(), e.se(), false)).toList();
    String caption =
        "Solid line: pooled estimate ("
            + MODEL_TEXT.apply(result)
            + "); dashed: pseudo "
            + EffectAxis.label(100 * result.level())
            + "% confidence limits";
    return render(result, result.mu(), points, title, List.of(caption));
  }

  /**
   * Funnel plot after trim-and-fill (as metafor's {@code funnel()} of a {@code trimfill()} result):
   * the observed studies as filled circles, the filled (imputed) studies as open circles, and the
   * funnel centred at the pooled estimate of the observed and filled studies together.
   *
   * @param result the analysis of the observed studies
   * @param fill its trim-and-fill result
   * @param title the title (null or blank for none)
   * @return the figure
   */
  public static Figure render(MetaResult result, TrimAndFill fill, String title) {
    List<Point> points = new ArrayList<>();
    result.studies().forEach(e -> points.add(new Point(e.yi(), e.se(), false)));
    fill.filled().forEach(f -> points.add(new Point(f.yi(), f.se(), true)));
    String filled =
        fill.k0() == 0
            ? "trim-and-fill (" + fill.estimator().label() + ") filled no study"
            : "open circles: "
                + fill.k0()
                + (fill.k0() == 1 ? " study" : " studies")
                + " filled by trim-and-fill ("
                + fill.estimator().label()
                + ", "
                + fill.side().id()
                + " side)";
    List<String> caption =
        List.of(
            "Solid line: pooled estimate with filled studies (" + MODEL_TEXT.apply(result) + ")",
            filled
                + "; dashed: pseudo "
                + EffectAxis.label(100 * result.level())
                + "% confidence limits");
    return render(result, fill.result().mu(), points, title, caption);
  }

  /** A study in the plot: its estimate, standard error, and whether it was filled. */
  private record Point(double yi, double se, boolean open) {}

  private static Figure render(
      MetaResult result, double mu, List<Point> studies, String title, List<String> captions) {
    boolean ratio = result.options().ratioScale();
    double z = ConfidenceLevel.z(result.level());
    double maxSe = 0;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Point e : studies) {
      maxSe = Math.max(maxSe, e.se());
      minY = Math.min(minY, e.yi());
      maxY = Math.max(maxY, e.yi());
    }
    double seStep = EffectAxis.niceCeiling(Math.max(maxSe, Double.MIN_NORMAL) / 4);
    EffectAxis seAxis = EffectAxis.fitted(false, 0, Math.ceil(maxSe * 1.04 / seStep) * seStep);
    double seMax = seAxis.max;
    double lo = Math.min(minY, mu - z * seMax);
    double hi = Math.max(maxY, mu + z * seMax);
    double pad = (hi - lo) * 0.04;
    EffectAxis xAxis = EffectAxis.fitted(ratio, lo - pad, hi + pad);

    boolean titled = title != null && !title.isBlank();
    PlotFrame frame = new PlotFrame(WIDTH, HEIGHT, 64, 24, titled ? 44 : 20, 76, true);
    String xTitle = ForestPlot.effectName(result) + (ratio ? " (log scale)" : "");

    return frame.figure(
        title,
        null,
        0,
        clipped -> {
          funnel(clipped, frame, xAxis, mu, z * seMax);
          // points, largest standard errors first so that precise studies stay on top
          List<Point> order =
              studies.stream().sorted((a, b) -> Double.compare(b.se(), a.se())).toList();
          for (Point e : order) {
            double px = frame.x(xAxis, e.yi());
            double py = frame.y(seAxis, e.se());
            // filled (imputed) studies are open circles, as metafor draws them
            PlotFrame.dot(clipped, px, py, 4, e.open() ? Color.WHITE : PlotFrame.DOT);
          }
        },
        xAxis,
        xTitle,
        seAxis,
        "Standard error",
        captions);
  }

  /**
   * The funnel: the region mu +/- halfWidth at the largest standard error, its dashed edges, and
   * the pooled estimate as a vertical line from the apex.
   */
  private static void funnel(
      Graphics2D g, PlotFrame frame, EffectAxis xAxis, double mu, double halfWidth) {
    double apexX = frame.x(xAxis, mu);
    double top = frame.top();
    double baseY = frame.baseY();
    double leftX = frame.x(xAxis, mu - halfWidth);
    double rightX = frame.x(xAxis, mu + halfWidth);
    Path2D.Double funnel = new Path2D.Double();
    funnel.moveTo(apexX, top);
    funnel.lineTo(leftX, baseY);
    funnel.lineTo(rightX, baseY);
    funnel.closePath();
    g.setColor(FUNNEL);
    g.fill(funnel);
    g.setColor(FUNNEL_EDGE);
    g.setStroke(
        new BasicStroke(
            0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    g.draw(new Line2D.Double(apexX, top, leftX, baseY));
    g.draw(new Line2D.Double(apexX, top, rightX, baseY));
    g.setStroke(new BasicStroke(1.1f));
    g.setColor(INK);
    g.draw(new Line2D.Double(apexX, top, apexX, baseY));
  }
}
