package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A horizontal interval chart in the style of a forest plot: one row per estimate with its label on
 * the left, a square at the point estimate and a line from the lower to the upper limit, the
 * estimate and interval printed on the right, a dashed reference line at the null value (0 for
 * differences, 1 for ratios) and an optional log axis. Rows may start a new block with a heading.
 * Infinite or off-scale limits are drawn as arrows at the axis edge.
 */
public final class IntervalChart {
  /**
   * One row of the chart.
   *
   * @param label text on the left
   * @param group colour and legend entry
   * @param estimate point estimate (NaN: no marker)
   * @param lower lower limit
   * @param upper upper limit
   * @param text estimate and interval as printed on the right
   */
  public record Row(
      String label, String group, double estimate, double lower, double upper, String text) {}

  private static final int ROW_HEIGHT = 26;
  private static final int PLOT_WIDTH = 420;
  private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);

  private final String title;
  private final String xTitle;
  private final List<Object> items = new ArrayList<>();
  private Double reference;
  private boolean logScale;

  public IntervalChart(String title, String xTitle) {
    this.title = title;
    this.xTitle = xTitle;
  }

  /** Adds a row, drawn below the previous one. */
  public IntervalChart add(Row row) {
    items.add(row);
    return this;
  }

  /** Adds a bold block heading. */
  public IntervalChart heading(String text) {
    items.add(text);
    return this;
  }

  /** Draws a dashed vertical line at {@code x} (the null value). */
  public IntervalChart reference(double x) {
    this.reference = x;
    return this;
  }

  /** Uses a logarithmic x axis (for ratios). */
  public IntervalChart logScale() {
    this.logScale = true;
    return this;
  }

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Object o : items) {
      if (o instanceof Row r) {
        rows.add(r);
      }
    }
    return rows;
  }

  /** Lays the chart out and returns it as a figure. */
  public Figure build() {
    List<Row> rows = rows();
    if (rows.isEmpty()) {
      throw new IllegalStateException("an interval chart needs at least one row");
    }
    Graphics2D probe =
        new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
            .createGraphics();
    FontMetrics labelMetrics = probe.getFontMetrics(Charts.font(12f));
    FontMetrics boldMetrics = probe.getFontMetrics(Charts.boldFont(12f));
    int labelWidth = 0;
    int textWidth = 0;
    for (Object o : items) {
      if (o instanceof Row r) {
        labelWidth = Math.max(labelWidth, labelMetrics.stringWidth(r.label()));
        textWidth = Math.max(textWidth, labelMetrics.stringWidth(r.text()));
      } else {
        labelWidth = Math.max(labelWidth, boldMetrics.stringWidth((String) o));
      }
    }
    int titleWidth = probe.getFontMetrics(Charts.boldFont(14f)).stringWidth(title);
    probe.dispose();
    Map<String, Color> colours = new LinkedHashMap<>();
    for (Row r : rows) {
      colours.computeIfAbsent(
          r.group(), g -> Charts.PALETTE[colours.size() % Charts.PALETTE.length]);
    }
    int left = 16 + labelWidth + 16;
    int width = Math.max(left + PLOT_WIDTH + 20 + textWidth + 16, titleWidth + 32);
    int top = 46;
    int plotHeight = ROW_HEIGHT * items.size() + 8;
    int legendHeight = colours.size() > 1 ? 26 : 0;
    int height = top + plotHeight + 52 + legendHeight;
    double[] range = range(rows);
    EffectAxis axis = EffectAxis.intervals(logScale, range[0], range[1]);
    int finalTextWidth = textWidth;
    return new Figure(
        width, height, g -> paint(g, axis, left, colours, top, plotHeight, width, finalTextWidth));
  }

  private void paint(
      Graphics2D g,
      EffectAxis axis,
      double x0,
      Map<String, Color> colours,
      int top,
      int plotHeight,
      int width,
      int textWidth) {
    g.setColor(Color.BLACK);
    g.setFont(Charts.boldFont(14f));
    g.drawString(title, 16, 26);
    int bottom = top + plotHeight;
    double x1 = x0 + PLOT_WIDTH;
    double plotWidth = x1 - x0;
    // grid and ticks
    g.setFont(Charts.font(11f));
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i < axis.ticks.length; i++) {
      float x = (float) axis.toX(axis.ticks[i], x0, plotWidth);
      g.setColor(GRID);
      g.draw(new Line2D.Float(x, top, x, bottom));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Float(x, bottom, x, bottom + 4));
      String label = axis.labels[i];
      g.drawString(label, x - fm.stringWidth(label) / 2f, bottom + 17);
    }
    g.setColor(Color.BLACK);
    g.draw(new Line2D.Double(x0, bottom, x1, bottom));
    g.setFont(Charts.font(12f));
    fm = g.getFontMetrics();
    g.drawString(xTitle, (float) ((x0 + x1) / 2 - fm.stringWidth(xTitle) / 2.0), bottom + 36);
    if (reference != null && axis.contains(reference)) {
      float x = (float) axis.toX(axis.coordinate(reference), x0, plotWidth);
      g.setColor(Color.DARK_GRAY);
      g.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
      g.draw(new Line2D.Float(x, top, x, bottom));
      g.setStroke(new BasicStroke(1f));
    }
    // rows
    float textX = (float) x1 + 20;
    int y = top + ROW_HEIGHT / 2 + 4;
    for (Object o : items) {
      g.setColor(Color.BLACK);
      if (o instanceof String heading) {
        g.setFont(Charts.boldFont(12f));
        g.drawString(heading, 16, y + 4);
      } else {
        Row r = (Row) o;
        g.setFont(Charts.font(12f));
        g.drawString(r.label(), 16, y + 4);
        g.drawString(r.text(), textX, y + 4);
        drawInterval(g, axis, x0, plotWidth, r, y, colours.get(r.group()));
      }
      y += ROW_HEIGHT;
    }
    if (colours.size() > 1) {
      int lx = 16;
      int ly = bottom + 58;
      g.setFont(Charts.font(12f));
      for (Map.Entry<String, Color> e : colours.entrySet()) {
        g.setColor(e.getValue());
        g.fill(new Rectangle2D.Float(lx, ly - 9, 10, 10));
        g.setColor(Color.BLACK);
        g.drawString(e.getKey(), lx + 15, ly);
        lx += 15 + g.getFontMetrics().stringWidth(e.getKey()) + 24;
      }
    }
  }

  private static void drawInterval(
      Graphics2D g, EffectAxis axis, double x0, double width, Row r, int y, Color colour) {
    g.setColor(colour);
    g.setStroke(new BasicStroke(2f));
    double lo = r.lower();
    double hi = r.upper();
    if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
      double xLow = axis.clampedX(lo, x0, width);
      double xHigh = axis.clampedX(hi, x0, width);
      g.draw(new Line2D.Double(xLow, y, xHigh, y));
      if (!axis.contains(lo)) {
        arrow(g, xLow, y, -1);
      }
      if (!axis.contains(hi)) {
        arrow(g, xHigh, y, +1);
      }
    }
    if (Double.isFinite(r.estimate()) && axis.contains(r.estimate())) {
      double x = axis.toX(axis.coordinate(r.estimate()), x0, width);
      g.fill(new Rectangle2D.Double(x - 5, y - 5, 10, 10));
    }
    g.setStroke(new BasicStroke(1f));
  }

  private static void arrow(Graphics2D g, double x, double y, int direction) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(x + direction * 7, y);
    p.lineTo(x, y - 5);
    p.lineTo(x, y + 5);
    p.closePath();
    g.fill(p);
  }

  private double[] range(List<Row> rows) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      for (double v : new double[] {r.estimate(), r.lower(), r.upper()}) {
        if (Double.isFinite(v) && (!logScale || v > 0)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (reference != null) {
      lo = Math.min(lo, reference);
      hi = Math.max(hi, reference);
    }
    if (!Double.isFinite(lo)) {
      lo = logScale ? 0.1 : 0;
      hi = logScale ? 10 : 1;
    }
    return new double[] {lo, hi};
  }
}
