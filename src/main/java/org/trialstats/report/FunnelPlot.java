package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
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
  private static final Font AXIS = Charts.font(10.5f);
  private static final Font LABEL = Charts.font(11.5f);
  private static final Font TITLE = Charts.boldFont(13f);
  private static final Font CAPTION = Charts.font(10f);
  private static final double WIDTH = 560;
  private static final double HEIGHT = 440;
  private static final Color FUNNEL = new Color(0xEE, 0xEE, 0xEE);
  private static final Color FUNNEL_EDGE = new Color(0x77, 0x77, 0x77);
  private static final Color POINT = new Color(0x00, 0x72, 0xB2);
  private static final Color POINT_EDGE = new Color(0x00, 0x3F, 0x66);
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
    double left = 64;
    double right = 24;
    double top = titled ? 44 : 20;
    double bottom = 76;
    double plotW = WIDTH - left - right;
    double plotH = HEIGHT - top - bottom;
    String xTitle = ForestPlot.effectName(result) + (ratio ? " (log scale)" : "");

    return new Figure(
        WIDTH,
        HEIGHT,
        g -> {
          g.setColor(INK);
          if (titled) {
            Figure.text(g, title, TITLE, left, 26, Figure.Align.LEFT);
          }
          // funnel region
          double apexX = xAxis.toX(mu, left, plotW);
          double baseY = top + plotH;
          Path2D.Double funnel = new Path2D.Double();
          funnel.moveTo(apexX, top);
          funnel.lineTo(xAxis.toX(mu - z * seMax, left, plotW), baseY);
          funnel.lineTo(xAxis.toX(mu + z * seMax, left, plotW), baseY);
          funnel.closePath();
          // clip and transform are saved and restored on g itself: VectorGraphics2D does not
          // restore its state when a graphics copy from create() is disposed
          Shape frame = g.getClip();
          Graphics2D clipped = g;
          clipped.clip(new Rectangle2D.Double(left, top, plotW, plotH));
          clipped.setColor(FUNNEL);
          clipped.fill(funnel);
          clipped.setColor(FUNNEL_EDGE);
          clipped.setStroke(
              new BasicStroke(
                  0.9f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  10f,
                  new float[] {4f, 3f},
                  0f));
          clipped.draw(
              new Line2D.Double(apexX, top, xAxis.toX(mu - z * seMax, left, plotW), baseY));
          clipped.draw(
              new Line2D.Double(apexX, top, xAxis.toX(mu + z * seMax, left, plotW), baseY));
          clipped.setStroke(new BasicStroke(1.1f));
          clipped.setColor(INK);
          clipped.draw(new Line2D.Double(apexX, top, apexX, baseY));
          // points, largest standard errors first so that precise studies stay on top
          List<Point> order =
              studies.stream().sorted((a, b) -> Double.compare(b.se(), a.se())).toList();
          for (Point e : order) {
            double px = xAxis.toX(e.yi(), left, plotW);
            double py = top + e.se() / seMax * plotH;
            Ellipse2D.Double dot = new Ellipse2D.Double(px - 4, py - 4, 8, 8);
            // filled (imputed) studies are open circles, as metafor draws them
            clipped.setColor(e.open() ? Color.WHITE : POINT);
            clipped.fill(dot);
            clipped.setColor(POINT_EDGE);
            clipped.setStroke(new BasicStroke(0.8f));
            clipped.draw(dot);
          }
          g.setClip(frame);

          // frame and axes
          g.setColor(INK);
          g.setStroke(new BasicStroke(0.9f));
          g.draw(new Rectangle2D.Double(left, top, plotW, plotH));
          for (int i = 0; i < xAxis.ticks.length; i++) {
            double tx = xAxis.toX(xAxis.ticks[i], left, plotW);
            g.draw(new Line2D.Double(tx, baseY, tx, baseY + 4));
            Figure.text(g, xAxis.labels[i], AXIS, tx, baseY + 16, Figure.Align.CENTER);
          }
          for (int i = 0; i < seAxis.ticks.length; i++) {
            double ty = top + seAxis.ticks[i] / seMax * plotH;
            g.draw(new Line2D.Double(left - 4, ty, left, ty));
            Figure.text(g, seAxis.labels[i], AXIS, left - 7, ty + 3.8, Figure.Align.RIGHT);
          }
          Figure.text(g, xTitle, LABEL, left + plotW / 2, baseY + 36, Figure.Align.CENTER);
          AffineTransform saved = g.getTransform();
          g.transform(AffineTransform.getRotateInstance(-Math.PI / 2));
          Figure.text(g, "Standard error", LABEL, -(top + plotH / 2), 20, Figure.Align.CENTER);
          g.setTransform(saved);
          g.setColor(new Color(0x44, 0x44, 0x44));
          for (int i = 0; i < captions.size(); i++) {
            String caption = captions.get(i);
            double captionX =
                Math.max(12, Math.min(left, WIDTH - 12 - Figure.textWidth(caption, CAPTION)));
            double baseline = HEIGHT - 12 - 13 * (captions.size() - 1 - i);
            Figure.text(g, caption, CAPTION, captionX, baseline, Figure.Align.LEFT);
          }
        });
  }
}
