package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.EstimateCell;
import org.trialstats.adam.RowLevel;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.Measure;

/**
 * The adverse-event dot plot of Amit, Heiberger and Lane (2008), "Graphical approaches to the
 * analysis of safety data from clinical trials", Pharmaceutical Statistics 7:20-35, Figure 1: one
 * line per preferred term; the left panel shows the percentage of subjects with the event in each
 * arm, the right panel each treatment arm's risk difference (percentage points) or relative risk
 * (log axis) against the control arm with its confidence interval; terms are sorted by the effect
 * of the first treatment arm, largest at the top.
 *
 * <p>Drawn with Java2D in the shipped DejaVu font and rendered by {@link Figure}, so the PNG and
 * SVG are byte-identical across runs.
 */
public final class AeDotPlot {
  private static final int WIDTH = 1100;
  private static final int ROW_HEIGHT = 20;
  private static final int TOP = 70;
  private static final int BOTTOM = 95;
  private static final int GAP = 30;
  private static final int SIDE = 20;
  private static final double MARKER = 4.5;
  private static final Color GRID = new Color(0xE0, 0xE0, 0xE0);
  private static final Color AXIS = new Color(0x40, 0x40, 0x40);

  private final AeTable table;
  private final AeReportStyle style;
  private final boolean ratio;
  private final List<AeRow> rows;
  private final int labelWidth;
  private final int height;

  /**
   * The dot plot of the preferred terms of {@code table} that reach {@code style.plotMinPercent()}
   * in some arm, showing {@code style.plotMeasure()}.
   *
   * @throws IllegalArgumentException for a relative-risk plot of a table without risk ratios
   */
  public AeDotPlot(AeTable table, AeReportStyle style) {
    this.table = table;
    this.style = style;
    this.ratio = style.plotMeasure() == Measure.RR;
    if (ratio && !table.hasRiskRatios()) {
      throw new IllegalArgumentException(
          "the relative-risk dot plot needs a table with risk ratios");
    }
    List<AeRow> terms = new ArrayList<>();
    for (AeRow r : table.rows()) {
      if (r.level() == RowLevel.TERM && r.reaches(style.plotMinPercent())) {
        terms.add(r);
      }
    }
    terms.sort(Comparator.comparingDouble(this::effect).reversed().thenComparing(AeRow::term));
    this.rows = List.copyOf(terms);
    FontMetrics metrics = metrics(Charts.font(11f));
    int widest = rows.stream().mapToInt(r -> metrics.stringWidth(r.term())).max().orElse(0);
    this.labelWidth = Math.min(320, widest + 12);
    this.height = TOP + Math.max(1, rows.size()) * ROW_HEIGHT + BOTTOM;
  }

  /** The preferred terms shown, top to bottom. */
  public List<AeRow> rows() {
    return rows;
  }

  /** The plot as PNG bytes. */
  public byte[] png() {
    return figure().png();
  }

  /** The plot as an SVG document. */
  public String svg() {
    return figure().svg();
  }

  private Figure figure() {
    return new Figure(WIDTH, height, this::draw);
  }

  /** The effect used for sorting: first treatment arm's estimate; not estimable sorts last. */
  private double effect(AeRow row) {
    EstimateCell cell = cell(row.comparisons().get(0));
    return cell.estimable() && !Double.isNaN(cell.estimate().estimate())
        ? cell.estimate().estimate()
        : Double.NEGATIVE_INFINITY;
  }

  private EstimateCell cell(ArmComparison c) {
    return ratio ? c.riskRatio() : c.riskDifference();
  }

  private void draw(Graphics2D g) {
    int panelWidth = (WIDTH - SIDE - labelWidth - GAP - SIDE) / 2;
    double left1 = SIDE + labelWidth;
    double left2 = left1 + panelWidth + GAP;
    double top = TOP;
    double bottom = TOP + Math.max(1, rows.size()) * ROW_HEIGHT;

    g.setColor(Color.BLACK);
    g.setFont(Charts.boldFont(14f));
    centre(g, title(), WIDTH / 2.0, 24);
    g.setFont(Charts.font(11f));
    centre(g, subtitle(), WIDTH / 2.0, 44);
    if (rows.isEmpty()) {
      centre(
          g,
          "No preferred term reaches "
              + AeTableLayout.plain(style.plotMinPercent())
              + "% in any arm.",
          WIDTH / 2.0,
          top + ROW_HEIGHT * 0.7);
      return;
    }

    // row labels and grid lines
    for (int i = 0; i < rows.size(); i++) {
      double y = top + (i + 0.5) * ROW_HEIGHT;
      g.setColor(GRID);
      g.draw(new Line2D.Double(left1, y, left1 + panelWidth, y));
      g.draw(new Line2D.Double(left2, y, left2 + panelWidth, y));
      g.setColor(Color.BLACK);
      g.setFont(Charts.font(11f));
      String label = fit(g, rows.get(i).term(), labelWidth - 8);
      g.drawString(
          label, (float) (left1 - 8 - g.getFontMetrics().stringWidth(label)), (float) (y + 4));
    }

    // left panel: percentages per arm
    double maxPercent = rows.stream().mapToDouble(AeRow::maxPercent).max().orElse(0);
    EffectAxis percent = EffectAxis.dotPlot(false, 0, Math.max(maxPercent, 1));
    frame(g, left1, top, panelWidth, bottom);
    ticks(g, percent, left1, panelWidth, bottom);
    g.setFont(Charts.font(11f));
    centre(g, "Percentage of subjects", left1 + panelWidth / 2.0, bottom + 36);
    for (int i = 0; i < rows.size(); i++) {
      double y = top + (i + 0.5) * ROW_HEIGHT;
      for (int a = 0; a < table.arms().size(); a++) {
        double x = percent.clampedX(rows.get(i).arms().get(a).percent(), left1, panelWidth);
        marker(g, a, x, y + armOffset(a, table.arms().size()));
      }
    }

    // right panel: effect and interval per treatment arm
    EffectAxis effect = effectAxis();
    frame(g, left2, top, panelWidth, bottom);
    double zero = effect.clampedX(ratio ? 1 : 0, left2, panelWidth);
    g.setColor(AXIS);
    g.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    g.draw(new Line2D.Double(zero, top, zero, bottom));
    g.setStroke(new BasicStroke(1f));
    ticks(g, effect, left2, panelWidth, bottom);
    g.setColor(Color.BLACK);
    g.setFont(Charts.font(11f));
    centre(g, effectTitle(), left2 + panelWidth / 2.0, bottom + 36);
    List<String> treatments = table.treatmentArms();
    for (int i = 0; i < rows.size(); i++) {
      double y0 = top + (i + 0.5) * ROW_HEIGHT;
      for (int t = 0; t < treatments.size(); t++) {
        EstimateCell c = cell(rows.get(i).comparisons().get(t));
        if (!c.estimable()) {
          continue;
        }
        int arm = table.arms().indexOf(treatments.get(t));
        double y = y0 + (t - (treatments.size() - 1) / 2.0) * 5;
        Estimate e = c.estimate();
        double scale = ratio ? 1 : 100;
        double x1 = effect.clampedX(e.lower() * scale, left2, panelWidth);
        double x2 = effect.clampedX(e.upper() * scale, left2, panelWidth);
        g.setColor(Charts.PALETTE[arm % Charts.PALETTE.length]);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(x1, y, x2, y));
        g.setStroke(new BasicStroke(1f));
        // a limit beyond the axis (infinite, or zero on the log axis) ends in an arrowhead
        if (!Double.isFinite(e.upper() * scale) || effect.position(e.upper() * scale) >= 1) {
          g.fill(arrow(x2, y, 1));
        }
        if (!Double.isFinite(e.lower() * scale) || effect.position(e.lower() * scale) <= 0) {
          g.fill(arrow(x1, y, -1));
        }
        if (!Double.isNaN(e.estimate())) {
          marker(g, arm, effect.clampedX(e.estimate() * scale, left2, panelWidth), y);
        }
      }
    }
    legend(g, bottom + 62);
  }

  private String title() {
    return "Preferred terms reported by at least "
        + AeTableLayout.plain(style.plotMinPercent())
        + "% of subjects in an arm";
  }

  private String subtitle() {
    return table.population().description()
        + "; sorted by "
        + (ratio ? "relative risk" : "risk difference")
        + ", "
        + table.treatmentArms().get(0)
        + " vs "
        + table.controlArm();
  }

  private String effectTitle() {
    String level = AeTableLayout.percentOf(table.spec().level());
    return (ratio
            ? "Relative risk vs " + table.controlArm() + " (log scale)"
            : "Risk difference vs " + table.controlArm() + " (percentage points)")
        + ", "
        + level
        + "% CI";
  }

  private EffectAxis effectAxis() {
    double scale = ratio ? 1 : 100;
    double lo = ratio ? 1 : 0;
    double hi = lo;
    for (AeRow r : rows) {
      for (ArmComparison c : r.comparisons()) {
        EstimateCell cell = cell(c);
        if (cell.estimable()) {
          for (double v : new double[] {cell.estimate().lower(), cell.estimate().upper()}) {
            double x = v * scale;
            if (Double.isFinite(x) && (!ratio || x > 0)) {
              lo = Math.min(lo, x);
              hi = Math.max(hi, x);
            }
          }
        }
      }
    }
    return EffectAxis.dotPlot(ratio, lo, hi);
  }

  private void legend(Graphics2D g, double y) {
    g.setFont(Charts.font(11f));
    FontMetrics m = g.getFontMetrics();
    double total = 0;
    for (String arm : table.arms()) {
      total += 16 + m.stringWidth(arm) + 24;
    }
    double x = (WIDTH - total) / 2;
    for (int a = 0; a < table.arms().size(); a++) {
      marker(g, a, x + 6, y - 4);
      g.setColor(Color.BLACK);
      g.drawString(table.arms().get(a), (float) (x + 16), (float) y);
      x += 16 + m.stringWidth(table.arms().get(a)) + 24;
    }
  }

  private static void frame(Graphics2D g, double left, double top, double width, double bottom) {
    g.setColor(AXIS);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(left, top, width, bottom - top));
  }

  private static void ticks(
      Graphics2D g, EffectAxis axis, double left, double width, double bottom) {
    g.setFont(Charts.font(10f));
    for (int i = 0; i < axis.ticks.length; i++) {
      double x = left + axis.share(axis.ticks[i]) * width;
      g.setColor(AXIS);
      g.draw(new Line2D.Double(x, bottom, x, bottom + 4));
      centre(g, axis.labels[i], x, bottom + 17);
    }
  }

  /**
   * Vertical offset of an arm's marker from its row's centre line. Every arm sits at its own height
   * (dodged), so arms with the same percentage stay visible side by side instead of one marker
   * hiding the other: a marker's diameter apart when the row has room, less (but centres still
   * distinct) for many arms.
   *
   * @param arm the arm's index
   * @param arms the number of arms
   * @return the offset in plot units, symmetric about the row's centre line
   */
  static double armOffset(int arm, int arms) {
    if (arms < 2) {
      return 0;
    }
    double step = Math.min(2 * MARKER, (ROW_HEIGHT - 2 * MARKER) / (arms - 1));
    return (arm - (arms - 1) / 2.0) * step;
  }

  /** The marker radius, in plot units. */
  static double markerRadius() {
    return MARKER;
  }

  private static void marker(Graphics2D g, int arm, double x, double y) {
    g.setColor(Charts.PALETTE[arm % Charts.PALETTE.length]);
    double r = MARKER;
    Shape s =
        switch (arm % 4) {
          case 0 -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
          case 1 -> triangle(x, y, r * 1.2);
          case 2 -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
          default -> diamond(x, y, r * 1.25);
        };
    g.fill(s);
  }

  private static Shape triangle(double x, double y, double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y - r);
    p.lineTo(x + r, y + r * 0.8);
    p.lineTo(x - r, y + r * 0.8);
    p.closePath();
    return p;
  }

  private static Shape arrow(double x, double y, int direction) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y);
    p.lineTo(x - direction * 6, y - 3.5);
    p.lineTo(x - direction * 6, y + 3.5);
    p.closePath();
    return p;
  }

  private static Shape diamond(double x, double y, double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y - r);
    p.lineTo(x + r, y);
    p.lineTo(x, y + r);
    p.lineTo(x - r, y);
    p.closePath();
    return p;
  }

  private static void centre(Graphics2D g, String text, double x, double y) {
    g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) y);
  }

  private static String fit(Graphics2D g, String text, int width) {
    FontMetrics m = g.getFontMetrics();
    if (m.stringWidth(text) <= width) {
      return text;
    }
    String s = text;
    while (!s.isEmpty() && m.stringWidth(s + "…") > width) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "…";
  }

  private static FontMetrics metrics(Font font) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }
}
