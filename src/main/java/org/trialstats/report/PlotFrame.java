package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plot area of a chart with two numeric axes (the funnel, Baujat and bubble plots of {@code
 * meta}) and everything drawn around it: the title, the frame, each axis's ticks and tick labels,
 * the axis titles (the y title rotated) and the caption lines at the foot. One home, so that these
 * charts share margins, fonts and offsets; each chart draws only its own marks inside the area.
 *
 * <p>Coordinates are pixels of the figure, y growing downwards. The y axis runs upwards (larger
 * values higher) unless the frame is made {@linkplain #PlotFrame downward}, as a funnel plot's
 * standard-error axis is.
 */
final class PlotFrame {
  static final Font TITLE = Charts.boldFont(13f);
  private static final Font AXIS = Charts.font(10.5f);
  private static final Font AXIS_TITLE = Charts.font(11.5f);
  private static final Font CAPTION = Charts.font(10f);
  private static final Color INK = Color.BLACK;
  private static final Color CAPTION_INK = new Color(0x44, 0x44, 0x44);

  /** The fill of the charts' study dots. */
  static final Color DOT = new Color(0x00, 0x72, 0xB2);

  /** The edge of the charts' study dots. */
  private static final Color DOT_EDGE = new Color(0x00, 0x3F, 0x66);

  /** Baseline of the title, from the top of the figure. */
  private static final double TITLE_BASELINE = 26;

  /** Length of a tick mark outside the frame. */
  private static final double TICK = 4;

  /** Distance from the frame's bottom edge to the x tick labels' and the x title's baselines. */
  private static final double X_LABEL_OFFSET = 16;

  private static final double X_TITLE_OFFSET = 36;

  /** Gap between the frame's left edge and the right end of a y tick label. */
  private static final double Y_LABEL_GAP = 7;

  /** Shift that centres a y tick label's digits on its tick (about a third of the font size). */
  private static final double Y_LABEL_DROP = 3.8;

  /** Baseline of the rotated y title, from the left edge of the figure. */
  private static final double Y_TITLE_BASELINE = 20;

  /** Baseline of the last caption line above the bottom edge, the spacing of caption lines. */
  private static final double CAPTION_FOOT = 12;

  private static final double CAPTION_LEADING = 13;

  /** Smallest margin of a caption line to the figure's left and right edges. */
  private static final double CAPTION_MARGIN = 12;

  private final double width;
  private final double height;
  private final double left;
  private final double top;
  private final double plotW;
  private final double plotH;
  private final boolean downward;

  /**
   * A frame inside a figure of the given size, with margins for the labels around it.
   *
   * @param width the figure's width
   * @param height the figure's height
   * @param left margin left of the plot area (y tick labels and title)
   * @param right margin right of the plot area
   * @param top margin above the plot area (the chart title, when there is one)
   * @param bottom margin below the plot area (x tick labels, x title and captions)
   * @param downward whether larger y values are drawn lower
   */
  PlotFrame(
      double width,
      double height,
      double left,
      double right,
      double top,
      double bottom,
      boolean downward) {
    this.width = width;
    this.height = height;
    this.left = left;
    this.top = top;
    this.plotW = width - left - right;
    this.plotH = height - top - bottom;
    this.downward = downward;
  }

  double left() {
    return left;
  }

  double top() {
    return top;
  }

  double plotWidth() {
    return plotW;
  }

  /** The y coordinate of the plot area's bottom edge (the x axis). */
  double baseY() {
    return top + plotH;
  }

  /**
   * The chart on this frame, drawn in this order: the title, a background grid at the ticks (in
   * {@code grid}; null for none), the chart's marks inside the plot area widened by {@code margin}
   * (see {@link #inside}), the frame with both axes and their titles, and the captions.
   *
   * @param title the title (null or blank: none)
   * @param grid the colour of the background grid, null for none
   * @param margin how far the marks may reach beyond the plot area
   * @param marks draws the chart's own marks
   * @param xAxis the horizontal axis
   * @param xTitle its title
   * @param yAxis the vertical axis
   * @param yTitle its title
   * @param captions the caption lines at the foot
   * @return the figure
   */
  Figure figure(
      String title,
      Color grid,
      double margin,
      Consumer<Graphics2D> marks,
      EffectAxis xAxis,
      String xTitle,
      EffectAxis yAxis,
      String yTitle,
      List<String> captions) {
    return new Figure(
        width,
        height,
        g -> {
          title(g, title);
          if (grid != null) {
            grid(g, xAxis, yAxis, grid);
          }
          inside(g, margin, marks);
          axes(g, xAxis, yAxis, xTitle, yTitle);
          captions(g, captions);
        });
  }

  /** The x pixel of a value on the x axis. */
  double x(EffectAxis axis, double value) {
    return axis.toX(value, left, plotW);
  }

  /** The y pixel of a value on the y axis. */
  double y(EffectAxis axis, double value) {
    double fromEnd = axis.toX(value, 0, plotH);
    return downward ? top + fromEnd : top + plotH - fromEnd;
  }

  /** Draws the title at the top left, when there is one (null or blank: none). */
  private void title(Graphics2D g, String title) {
    if (title != null && !title.isBlank()) {
      g.setColor(INK);
      Figure.text(g, title, TITLE, left, TITLE_BASELINE, Figure.Align.LEFT);
    }
  }

  /**
   * Draws inside the plot area, widened by a margin on every side (room for marks on the edge), and
   * restores the clip. The clip is saved and restored on {@code g} itself: VectorGraphics2D does
   * not restore its state when a graphics copy from {@code create()} is disposed.
   */
  private void inside(Graphics2D g, double margin, Consumer<Graphics2D> marks) {
    Shape saved = g.getClip();
    g.clip(
        new Rectangle2D.Double(
            left - margin, top - margin, plotW + 2 * margin, plotH + 2 * margin));
    marks.accept(g);
    g.setClip(saved);
  }

  /**
   * Draws a study's dot: a circle of {@code radius} pixels about (px, py), filled with {@code fill}
   * and edged with a thin dark line, as every chart on this frame draws its studies.
   */
  static void dot(Graphics2D g, double px, double py, double radius, Color fill) {
    Ellipse2D.Double dot = new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius);
    g.setColor(fill);
    g.fill(dot);
    g.setColor(DOT_EDGE);
    g.setStroke(new BasicStroke(0.8f));
    g.draw(dot);
  }

  /** Draws one thin line across the plot area at each tick of both axes (a background grid). */
  private void grid(Graphics2D g, EffectAxis xAxis, EffectAxis yAxis, Color colour) {
    g.setStroke(new BasicStroke(0.6f));
    g.setColor(colour);
    for (double t : xAxis.ticks) {
      double tx = x(xAxis, t);
      g.draw(new Line2D.Double(tx, top, tx, baseY()));
    }
    for (double t : yAxis.ticks) {
      double ty = y(yAxis, t);
      g.draw(new Line2D.Double(left, ty, left + plotW, ty));
    }
  }

  /**
   * Draws the frame, both axes' ticks and tick labels and the two axis titles.
   *
   * @param g where to draw
   * @param xAxis the horizontal axis
   * @param yAxis the vertical axis
   * @param xTitle the title under the x axis
   * @param yTitle the title beside the y axis, drawn rotated
   */
  private void axes(
      Graphics2D g, EffectAxis xAxis, EffectAxis yAxis, String xTitle, String yTitle) {
    double baseY = baseY();
    g.setColor(INK);
    g.setStroke(new BasicStroke(0.9f));
    g.draw(new Rectangle2D.Double(left, top, plotW, plotH));
    for (int i = 0; i < xAxis.ticks.length; i++) {
      double tx = x(xAxis, xAxis.ticks[i]);
      g.draw(new Line2D.Double(tx, baseY, tx, baseY + TICK));
      Figure.text(g, xAxis.labels[i], AXIS, tx, baseY + X_LABEL_OFFSET, Figure.Align.CENTER);
    }
    for (int i = 0; i < yAxis.ticks.length; i++) {
      double ty = y(yAxis, yAxis.ticks[i]);
      g.draw(new Line2D.Double(left - TICK, ty, left, ty));
      Figure.text(
          g, yAxis.labels[i], AXIS, left - Y_LABEL_GAP, ty + Y_LABEL_DROP, Figure.Align.RIGHT);
    }
    Figure.text(
        g, xTitle, AXIS_TITLE, left + plotW / 2, baseY + X_TITLE_OFFSET, Figure.Align.CENTER);
    AffineTransform saved = g.getTransform();
    g.transform(AffineTransform.getRotateInstance(-Math.PI / 2));
    Figure.text(g, yTitle, AXIS_TITLE, -(top + plotH / 2), Y_TITLE_BASELINE, Figure.Align.CENTER);
    g.setTransform(saved);
  }

  /**
   * Draws caption lines at the foot of the figure, the last one nearest the bottom edge; each
   * starts at the plot area's left edge, or further left when it would not fit.
   */
  private void captions(Graphics2D g, List<String> captions) {
    g.setColor(CAPTION_INK);
    for (int i = 0; i < captions.size(); i++) {
      String caption = captions.get(i);
      double captionX =
          Math.max(
              CAPTION_MARGIN,
              Math.min(left, width - CAPTION_MARGIN - Figure.textWidth(caption, CAPTION)));
      double baseline = height - CAPTION_FOOT - CAPTION_LEADING * (captions.size() - 1 - i);
      Figure.text(g, caption, CAPTION, captionX, baseline, Figure.Align.LEFT);
    }
  }
}
