package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.io.Numbers;
import org.trialstats.report.Figure.Align;
import org.trialstats.survival.KaplanMeierCurve;
import org.trialstats.survival.SurvivalPoint;

/**
 * The Kaplan-Meier figure of a clinical study report: one step curve per group with censoring marks
 * (and optional pointwise confidence bands), a summary table with n, events, median (CI) and the
 * Cox hazard ratio (CI) of each group versus the reference, the log-rank p-value, and the numbers
 * at risk under the time axis, aligned with its ticks. Colours come from the Okabe-Ito palette and
 * every group also has its own dash pattern, so the figure reads in black and white.
 */
public final class KaplanMeierPlot {
  private static final double WIDTH = 780;

  /** Where the labels of the summary and at-risk tables start. */
  private static final double MARGIN = 20;

  private static final double RIGHT = 40;
  private static final double PLOT_HEIGHT = 330;
  private static final double ROW = 17;
  private static final Font TITLE = Charts.boldFont(14f);
  private static final Font BODY = Charts.font(11f);
  private static final Font BOLD = Charts.boldFont(11f);
  private static final Font SMALL = Charts.font(9.5f);
  private static final Color INK = Color.BLACK;
  private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);
  private static final float[][] DASHES = {null, {7f, 3.5f}, {2f, 2.5f}, {9f, 3f, 2f, 3f}};

  private KaplanMeierPlot() {}

  /**
   * Options of the figure.
   *
   * @param title the title above the plot, empty for none (a page that prints the title in its
   *     header embeds the figure without it)
   * @param timeLabel the time axis label (e.g. "Time (days)")
   * @param survivalLabel the probability axis label
   * @param confidenceBands whether to shade the pointwise confidence intervals
   */
  public record Options(
      String title, String timeLabel, String survivalLabel, boolean confidenceBands) {}

  /**
   * The figure of an analysis.
   *
   * @param result the analysis
   * @param options titles and bands
   * @return the figure, to be written as PNG or SVG
   */
  public static Figure figure(SurvivalResult result, Options options) {
    int k = result.groups().size();
    double top = options.title().isEmpty() ? 22 : 52;
    double plotBottom = top + PLOT_HEIGHT;
    double summaryTop = plotBottom + 62;
    double riskTop = summaryTop + ROW * (k + 2) + 14;
    double footTop = riskTop + ROW * (k + 1) + 14;
    double height = footTop + 3 * 13 + 8;
    return new Figure(
        WIDTH, height, g -> paint(g, result, options, top, summaryTop, riskTop, footTop));
  }

  private static void paint(
      Graphics2D g,
      SurvivalResult r,
      Options o,
      double top,
      double summaryTop,
      double riskTop,
      double footTop) {
    double labels = 0;
    for (SurvivalResult.GroupSummary s : r.groups()) {
      labels = Math.max(labels, Figure.textWidth(s.label(), BODY));
    }
    double left = Math.max(150, MARGIN + labels + 24);
    double plotWidth = WIDTH - left - RIGHT;
    double maxTime = 0;
    boolean integralTimes = true;
    for (SurvivalResult.GroupSummary s : r.groups()) {
      KaplanMeierCurve c = s.curve();
      for (int i = 0; i < c.size(); i++) {
        maxTime = Math.max(maxTime, c.time(i));
        integralTimes &= c.time(i) == Math.rint(c.time(i));
      }
    }
    double step = EffectAxis.niceStep(maxTime > 0 ? maxTime / 8 : 1);
    double axisMax = Math.max(step, Math.ceil(maxTime / step - 1e-9) * step);
    Scale scale = new Scale(left, top, plotWidth, PLOT_HEIGHT, axisMax);

    g.setColor(INK);
    if (!o.title().isEmpty()) {
      Figure.text(g, o.title(), TITLE, WIDTH / 2, 26, Align.CENTER);
    }
    drawAxes(g, scale, step, o);
    for (int gi = 0; gi < r.groups().size(); gi++) {
      drawCurve(g, r, gi, scale, o.confidenceBands());
    }
    drawSummary(g, r, summaryTop, integralTimes);
    drawNumbersAtRisk(g, r, scale, step, riskTop);
    drawFootnotes(g, r, footTop);
  }

  /** Maps time and survival to figure coordinates. */
  private record Scale(double left, double top, double width, double height, double maxTime) {
    double x(double t) {
      return left + width * t / maxTime;
    }

    double y(double s) {
      return top + height * (1 - s);
    }
  }

  private static String tickLabel(double v, double step) {
    return step == Math.rint(step) ? Numbers.fixed(v, 0) : Numbers.significant(v, 4);
  }

  private static void drawAxes(Graphics2D g, Scale s, double step, Options o) {
    g.setStroke(new BasicStroke(0.7f));
    for (int i = 0; i <= 5; i++) {
      double y = s.y(i / 5.0);
      g.setColor(GRID);
      g.draw(new Line2D.Double(s.left(), y, s.left() + s.width(), y));
      g.setColor(INK);
      g.draw(new Line2D.Double(s.left() - 5, y, s.left(), y));
      Figure.text(g, Numbers.fixed(i / 5.0, 1), BODY, s.left() - 8, y + 4, Align.RIGHT);
    }
    int ticks = (int) Math.round(s.maxTime() / step);
    for (int i = 0; i <= ticks; i++) {
      double x = s.x(i * step);
      g.draw(new Line2D.Double(x, s.y(0), x, s.y(0) + 5));
      Figure.text(g, tickLabel(i * step, step), BODY, x, s.y(0) + 18, Align.CENTER);
    }
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(s.left(), s.top(), s.left(), s.y(0)));
    g.draw(new Line2D.Double(s.left(), s.y(0), s.left() + s.width(), s.y(0)));
    Figure.text(g, o.timeLabel(), BOLD, s.left() + s.width() / 2, s.y(0) + 38, Align.CENTER);
    java.awt.geom.AffineTransform saved = g.getTransform();
    g.translate(s.left() - 48, s.top() + s.height() / 2);
    g.rotate(-Math.PI / 2);
    Figure.text(g, o.survivalLabel(), BOLD, 0, 0, Align.CENTER);
    g.setTransform(saved);
  }

  private static Color colour(int group) {
    return Charts.PALETTE[group % Charts.PALETTE.length];
  }

  private static BasicStroke stroke(int group, float width) {
    float[] dash = DASHES[group % DASHES.length];
    return dash == null
        ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER)
        : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
  }

  private static void drawCurve(Graphics2D g, SurvivalResult r, int gi, Scale s, boolean bands) {
    KaplanMeierCurve c = r.groups().get(gi).curve();
    Color colour = colour(gi);
    if (bands) {
      Path2D.Double band = new Path2D.Double();
      List<double[]> upper = new ArrayList<>();
      List<double[]> lower = new ArrayList<>();
      double previousUpper = 1;
      double previousLower = 1;
      upper.add(new double[] {0, 1});
      lower.add(new double[] {0, 1});
      for (int i = 0; i < c.size() && c.survival(i) > 0; i++) {
        double[] limits = c.interval(i, r.transform(), r.level());
        upper.add(new double[] {c.time(i), previousUpper});
        upper.add(new double[] {c.time(i), limits[1]});
        lower.add(new double[] {c.time(i), previousLower});
        lower.add(new double[] {c.time(i), limits[0]});
        previousUpper = limits[1];
        previousLower = limits[0];
      }
      double end = lastPositiveTime(c);
      upper.add(new double[] {end, previousUpper});
      lower.add(new double[] {end, previousLower});
      band.moveTo(s.x(0), s.y(1));
      for (double[] p : upper) {
        band.lineTo(s.x(p[0]), s.y(p[1]));
      }
      for (int i = lower.size() - 1; i >= 0; i--) {
        band.lineTo(s.x(lower.get(i)[0]), s.y(lower.get(i)[1]));
      }
      band.closePath();
      g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 38));
      g.fill(band);
    }
    Path2D.Double path = new Path2D.Double();
    path.moveTo(s.x(0), s.y(1));
    double previous = 1;
    for (int i = 0; i < c.size(); i++) {
      path.lineTo(s.x(c.time(i)), s.y(previous));
      path.lineTo(s.x(c.time(i)), s.y(c.survival(i)));
      previous = c.survival(i);
    }
    g.setColor(colour);
    g.setStroke(stroke(gi, 1.8f));
    g.draw(path);
    g.setStroke(new BasicStroke(1.2f));
    for (int i = 0; i < c.size(); i++) {
      if (c.censored(i) > 0) {
        double x = s.x(c.time(i));
        double y = s.y(c.survival(i));
        g.draw(new Line2D.Double(x, y - 4.5, x, y + 4.5));
        g.draw(new Line2D.Double(x - 3, y, x + 3, y));
      }
    }
  }

  private static double lastPositiveTime(KaplanMeierCurve c) {
    double last = 0;
    for (int i = 0; i < c.size(); i++) {
      last = c.time(i);
      if (c.survival(i) == 0) {
        break;
      }
    }
    return last;
  }

  private static String time(OptionalDouble t, boolean integral) {
    if (t.isEmpty()) {
      return "NR";
    }
    return integral && t.getAsDouble() == Math.rint(t.getAsDouble())
        ? Numbers.fixed(t.getAsDouble(), 0)
        : Numbers.significant(t.getAsDouble(), 4);
  }

  private static void drawSummary(Graphics2D g, SurvivalResult r, double top, boolean integral) {
    double[] columns = {MARGIN, 330, 390, 455, 630};
    String level = Numbers.fixed(100 * r.level(), 0) + "% CI";
    g.setColor(INK);
    Figure.text(g, "Group", BOLD, columns[0] + 26, top, Align.LEFT);
    Figure.text(g, "N", BOLD, columns[1], top, Align.RIGHT);
    Figure.text(g, "Events", BOLD, columns[2], top, Align.RIGHT);
    Figure.text(g, "Median (" + level + ")", BOLD, columns[3] + 80, top, Align.CENTER);
    Figure.text(g, "HR (" + level + ")", BOLD, columns[4] + 40, top, Align.CENTER);
    g.setStroke(new BasicStroke(0.6f));
    g.draw(new Line2D.Double(columns[0], top + 5, WIDTH - RIGHT, top + 5));
    for (int gi = 0; gi < r.groups().size(); gi++) {
      SurvivalResult.GroupSummary s = r.groups().get(gi);
      double y = top + ROW * (gi + 1) + 2;
      g.setColor(colour(gi));
      g.setStroke(stroke(gi, 2f));
      g.draw(new Line2D.Double(columns[0], y - 4, columns[0] + 20, y - 4));
      g.setColor(INK);
      Figure.text(g, s.label(), BODY, columns[0] + 26, y, Align.LEFT);
      Figure.text(g, Integer.toString(s.subjects()), BODY, columns[1], y, Align.RIGHT);
      Figure.text(g, Integer.toString(s.events()), BODY, columns[2], y, Align.RIGHT);
      String median =
          time(s.median().estimate(), integral)
              + " ("
              + time(s.median().lower(), integral)
              + ", "
              + time(s.median().upper(), integral)
              + ")";
      Figure.text(g, median, BODY, columns[3] + 80, y, Align.CENTER);
      Figure.text(g, hazardRatio(r, s.label()), BODY, columns[4] + 40, y, Align.CENTER);
    }
    double y = top + ROW * (r.groups().size() + 1) + 4;
    Figure.text(g, testLine(r), BODY, columns[0], y, Align.LEFT);
  }

  private static String hazardRatio(SurvivalResult r, String label) {
    if (label.equals(r.reference())) {
      return r.cox() == null ? "" : "reference";
    }
    for (SurvivalResult.LabelledCoxTerm t : r.coxTerms()) {
      if (t.label().equals(label)) {
        return Numbers.fixed(t.term().hazardRatio(), 2)
            + " ("
            + Numbers.fixed(t.term().lower(), 2)
            + ", "
            + Numbers.fixed(t.term().upper(), 2)
            + ")";
      }
    }
    return "not estimable";
  }

  private static String testLine(SurvivalResult r) {
    String strata = r.stratified() ? " stratified by " + r.strataVariable() : "";
    String logRank =
        r.logRank() == null
            ? "Log-rank test: not computable"
            : (r.stratified() ? "Stratified log-rank" : "Log-rank")
                + " p "
                + (r.logRank().pValue() < 1e-4
                    ? "< 0.0001"
                    : "= " + Numbers.pValue(r.logRank().pValue()))
                + " ("
                + r.logRank().degreesOfFreedom()
                + " df)";
    String cox =
        r.cox() == null
            ? ""
            : "; HR: Cox model" + strata + ", " + r.ties().id() + " ties, vs " + r.reference();
    return logRank + cox;
  }

  private static void drawNumbersAtRisk(
      Graphics2D g, SurvivalResult r, Scale s, double step, double top) {
    g.setColor(INK);
    Figure.text(g, "Number at risk", BOLD, MARGIN, top, Align.LEFT);
    int ticks = (int) Math.round(s.maxTime() / step);
    double[] times = new double[ticks + 1];
    for (int i = 0; i <= ticks; i++) {
      times[i] = i * step;
    }
    for (int gi = 0; gi < r.groups().size(); gi++) {
      SurvivalResult.GroupSummary summary = r.groups().get(gi);
      double y = top + ROW * (gi + 1);
      g.setColor(colour(gi));
      Figure.text(g, summary.label(), BODY, MARGIN, y, Align.LEFT);
      List<SurvivalPoint> points = summary.curve().at(times, r.transform(), r.level());
      for (int i = 0; i <= ticks; i++) {
        Figure.text(
            g, Integer.toString(points.get(i).atRisk()), BODY, s.x(times[i]), y, Align.CENTER);
      }
    }
  }

  private static void drawFootnotes(Graphics2D g, SurvivalResult r, double top) {
    g.setColor(MUTED);
    String transform = r.transform().id();
    Figure.text(
        g,
        "+ censored. Pointwise "
            + Numbers.fixed(100 * r.level(), 0)
            + "% intervals and median limits (Brookmeyer-Crowley) on the "
            + transform
            + " scale; NR = not reached.",
        SMALL,
        MARGIN,
        top,
        Align.LEFT);
    Figure.text(
        g,
        "Kaplan-Meier estimates with Greenwood variance. Defaults: R survfit log,"
            + " SAS LIFETEST log-log (9.2+), linear (9.1).",
        SMALL,
        MARGIN,
        top + 13,
        Align.LEFT);
    String inputs =
        r.inputs().isEmpty()
            ? ""
            : "; "
                + String.join(
                    ", ",
                    r.inputs().stream()
                        .map(f -> f.path() + " SHA-256 " + f.sha256().substring(0, 12))
                        .toList());
    Figure.text(g, "trialstats " + r.version() + inputs, SMALL, MARGIN, top + 26, Align.LEFT);
    g.setColor(INK);
  }
}
