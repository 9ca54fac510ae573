package org.trialstats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstats.io.Numbers;
import org.trialstats.meta.ContinuousArms;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.ExcludedStudy;
import org.trialstats.meta.FixedMethod;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.PersonTime;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.StudyEffect;
import org.trialstats.meta.SubgroupAnalysis;
import org.trialstats.stats.TwoByTwo;

/**
 * Forest plot in the style reviewers know from RevMan and metafor: one row per study with its
 * counts (or estimate and standard error for generic effects), weight, estimate with confidence
 * interval in text and as a square (area proportional to the weight) with whiskers; the pooled
 * estimate as a diamond; the prediction interval as a bar; heterogeneity and overall-effect lines;
 * a log axis for ratios; subgroup blocks with subtotals and the test for subgroup differences.
 * Intervals beyond the axis end in arrows. Deterministic PNG and SVG via {@link Figure}.
 */
public final class ForestPlot {
  private static final Font BODY = Charts.font(11f);
  private static final Font BOLD = Charts.boldFont(11f);
  private static final Font SMALL = Charts.font(10f);
  private static final Font TITLE = Charts.boldFont(13f);
  private static final double ROW = 17;
  private static final double NOTE_ROW = 15;
  private static final double MARGIN = 16;
  private static final double GAP = 14;
  private static final double PLOT_WIDTH = 250;
  private static final double MAX_SQUARE = 13;
  private static final double MIN_SQUARE = 3.5;
  private static final Color SQUARE = new Color(0x00, 0x72, 0xB2);
  private static final Color INK = Color.BLACK;
  private static final Color NULL_LINE = new Color(0x44, 0x44, 0x44);
  private static final Color RULE = new Color(0x88, 0x88, 0x88);
  private static final Color PREDICTION = new Color(0xD5, 0x5E, 0x00);
  private static final String MINUS = "\u2212";

  private ForestPlot() {}

  /** The largest number of studies drawn in one forest plot. */
  public static final int MAX_STUDIES = 500;

  /**
   * Forest plot of one meta-analysis.
   *
   * @throws IllegalArgumentException with more than {@link #MAX_STUDIES} studies (the plot would be
   *     unreadable and its PNG several hundred megapixels)
   */
  public static Figure render(MetaResult result, ForestOptions options) {
    return single(result, options).build(null);
  }

  /**
   * The table beside the plot of {@link #render(MetaResult, ForestOptions)}, as text: the column
   * headers (study, the per-arm input columns of {@link #armColumns} for each arm or the estimate
   * and its SE, weight, method), then one row per study, total and events line.
   *
   * @param result the meta-analysis
   * @param options labels and decimals
   * @return the header row followed by the rows with table cells, each as wide as the header
   */
  static List<List<String>> table(MetaResult result, ForestOptions options) {
    return single(result, options).table(null);
  }

  /**
   * The per-arm input columns of a forest plot, as RevMan heads them: events and total for two-by-
   * two counts, mean, SD and total for continuous outcomes, events and person-time for incidence
   * rates, none for generic effects (their estimate and SE are shown instead).
   *
   * @param input the form of the study data
   * @return the column headers of one arm
   */
  static List<String> armColumns(EffectMeasure.Input input) {
    return switch (input) {
      case TWO_BY_TWO -> List.of("Events", "Total");
      case MEANS -> List.of("Mean", "SD", "Total");
      case PERSON_TIME -> List.of("Events", "Person-time");
      case EFFECT -> List.of();
    };
  }

  private static Builder single(MetaResult result, ForestOptions options) {
    checkSize(result);
    Builder b = new Builder(result, options);
    b.studies(result, weightsOf(result));
    b.pooled("Total (" + ciText(result) + ")", result, true);
    b.notes(result);
    b.zeroCellNotes(result);
    return b;
  }

  /**
   * Forest plot with one block per subgroup (studies, subtotal diamond, heterogeneity and
   * overall-effect lines) followed by the overall pooled estimate and the test for subgroup
   * differences. Study weights are those of the overall analysis (as RevMan shows them).
   */
  public static Figure render(SubgroupAnalysis analysis, ForestOptions options) {
    MetaResult overall = analysis.overall();
    checkSize(overall);
    Builder b = new Builder(overall, options);
    Map<StudyData, Double> weights = weightsOf(overall);
    for (SubgroupAnalysis.Subgroup g : analysis.subgroups()) {
      MetaResult r = g.result();
      b.title(g.name());
      b.studies(r, weights);
      double subtotal = 0;
      for (StudyEffect e : r.studies()) {
        subtotal += weights.getOrDefault(key(e.data()), 0.0);
      }
      b.pooledWithWeight("Subtotal (" + ciText(r) + ")", r, false, subtotal);
      b.notes(r);
      b.spacer();
    }
    b.pooled("Total (" + ciText(overall) + ")", overall, true);
    b.notes(overall);
    if (!Double.isNaN(analysis.qBetween())) {
      b.note(
          "Test for subgroup differences: Q = "
              + fixed(analysis.qBetween(), 2)
              + ", df = "
              + analysis.dfBetween()
              + " (p "
              + pValue(analysis.pBetween())
              + "), I\u00b2 = "
              + fixed(analysis.i2Between(), 1)
              + "%");
    }
    b.zeroCellNotes(overall);
    return b.build(analysis);
  }

  private static void checkSize(MetaResult r) {
    if (r.input().size() > MAX_STUDIES) {
      throw new IllegalArgumentException(
          "a forest plot of "
              + r.input().size()
              + " studies would be unreadable (the limit is "
              + MAX_STUDIES
              + "); plot subsets of the studies, or use the funnel plot");
    }
  }

  private static StudyData key(StudyData s) {
    return s;
  }

  /** Weights by study row (identity: two rows may carry the same label). */
  private static Map<StudyData, Double> weightsOf(MetaResult r) {
    Map<StudyData, Double> w = new IdentityHashMap<>();
    for (StudyEffect e : r.studies()) {
      w.put(e.data(), e.weight());
    }
    return w;
  }

  private static String ciText(MetaResult r) {
    return trimPercent(100 * r.level()) + "% CI";
  }

  private static String trimPercent(double p) {
    return EffectAxis.label(p);
  }

  // ---------------------------------------------------------------------------------- model

  private sealed interface Row
      permits Title, Study, Excluded, Pooled, Events, Prediction, Note, Spacer {}

  private record Title(String text) implements Row {}

  private record Study(StudyEffect effect, double weight) implements Row {}

  private record Excluded(ExcludedStudy study) implements Row {}

  private record Pooled(
      String label, MetaResult result, boolean total, double weight, double n1, double n2)
      implements Row {}

  private record Events(long events1, long events2) implements Row {}

  private record Prediction(MetaResult result) implements Row {}

  private record Note(String text) implements Row {}

  private record Spacer() implements Row {}

  /** Collects rows, then lays them out and paints them. */
  private static final class Builder {
    private final MetaResult overall;
    private final ForestOptions options;

    /** Input columns per arm ({@link #armColumns}): 2, 3 or 0. */
    private final int arm;

    private final boolean events;
    private final boolean ratio;
    private final int decimals;
    private final List<Row> rows = new ArrayList<>();
    private double n1;
    private double n2;
    private long events1;
    private long events2;

    Builder(MetaResult overall, ForestOptions options) {
      this.overall = overall;
      this.options = options;
      EffectMeasure.Input input = overall.measure().input();
      this.arm = armColumns(input).size();
      this.events =
          input == EffectMeasure.Input.TWO_BY_TWO || input == EffectMeasure.Input.PERSON_TIME;
      this.ratio = overall.options().ratioScale();
      this.decimals = options.decimals() >= 0 ? options.decimals() : autoDecimals(overall, ratio);
    }

    void title(String text) {
      rows.add(new Title(text));
      n1 = n2 = events1 = events2 = 0;
    }

    /** Study rows in input order, excluded studies in their place. */
    void studies(MetaResult r, Map<StudyData, Double> w) {
      Map<StudyData, StudyEffect> effects = new IdentityHashMap<>();
      r.studies().forEach(e -> effects.put(e.data(), e));
      Map<StudyData, ExcludedStudy> excluded = new IdentityHashMap<>();
      r.excluded().forEach(x -> excluded.put(x.data(), x));
      for (StudyData s : r.input()) {
        StudyEffect e = effects.get(s);
        if (e != null) {
          rows.add(new Study(e, w.getOrDefault(key(s), e.weight())));
        } else {
          rows.add(new Excluded(excluded.get(s)));
        }
        count(s);
      }
    }

    private void count(StudyData s) {
      TwoByTwo t = s.table();
      if (t != null) {
        n1 += t.n1();
        n2 += t.n2();
        events1 += t.x1();
        events2 += t.x2();
      } else if (s.means() != null) {
        n1 += s.means().n1();
        n2 += s.means().n2();
      } else if (s.rates() != null) {
        n1 += s.rates().time1();
        n2 += s.rates().time2();
        events1 += s.rates().events1();
        events2 += s.rates().events2();
      }
    }

    void pooled(String label, MetaResult r, boolean total) {
      pooledWithWeight(label, r, total, 100);
    }

    void pooledWithWeight(String label, MetaResult r, boolean total, double weight) {
      if (total && rows.stream().anyMatch(x -> x instanceof Title)) {
        // totals over all subgroups
        n1 = n2 = events1 = events2 = 0;
        for (StudyEffect e : r.studies()) {
          count(e.data());
        }
        for (ExcludedStudy x : r.excluded()) {
          count(x.data());
        }
      }
      rows.add(new Pooled(label, r, total, weight, n1, n2));
      if (events) {
        rows.add(new Events(events1, events2));
      }
      if (options.showPrediction() && !Double.isNaN(r.piLower())) {
        rows.add(new Prediction(r));
      }
    }

    void notes(MetaResult r) {
      note(heterogeneity(r));
      note(overallEffect(r));
    }

    void note(String text) {
      if (text != null) {
        rows.add(new Note(text));
      }
    }

    /** Footnotes on zero cells and studies that could not be estimated (always stated). */
    void zeroCellNotes(MetaResult r) {
      boolean corrected = r.studies().stream().anyMatch(e -> e.added() > 0);
      if (corrected) {
        boolean mh = r.model() == MetaModel.FIXED && r.options().fixedMethod() == FixedMethod.MH;
        note(
            "* 0.5 added to every cell (zero cell)"
                + (mh
                    ? " for the study estimate; Mantel-Haenszel pooling uses the raw counts"
                    : ""));
      }
      if (!r.excluded().isEmpty()) {
        String why =
            r.measure().usesCounts()
                ? "no events (or only events) in both arms"
                : r.excluded().get(0).reason();
        note(
            "Not estimable: "
                + why
                + (r.kTables() > r.k()
                    ? "; in the "
                        + r.options().fixedMethod().label()
                        + " estimate, not in the"
                        + " heterogeneity statistics"
                    : "; excluded from the analysis"));
      }
      if (!Double.isNaN(r.piLower()) && options.showPrediction()) {
        note("Prediction interval: " + r.options().prediction().formula());
      }
    }

    void spacer() {
      rows.add(new Spacer());
    }

    // ------------------------------------------------------------------------------ layout

    /** The second header row: study, each arm's input columns (or estimate, SE), weight, method. */
    private List<String> headers(SubgroupAnalysis analysis) {
      String effect = options.effectLabel() != null ? options.effectLabel() : effectName(overall);
      List<String> headers = new ArrayList<>();
      headers.add(analysis != null ? "Study or subgroup" : "Study");
      if (arm > 0) {
        List<String> one = armColumns(overall.measure().input());
        headers.addAll(one);
        headers.addAll(one);
      } else {
        headers.addAll(List.of(ratio ? "log(" + effect + ")" : effect, "SE"));
      }
      headers.add("Weight");
      headers.add(methodHeader(overall));
      return headers;
    }

    /** The header row and the cells of every row with table columns. */
    List<List<String>> table(SubgroupAnalysis analysis) {
      List<List<String>> table = new ArrayList<>();
      table.add(headers(analysis));
      for (Row row : rows) {
        String[] c = cells(row);
        if (c != null) {
          table.add(List.of(c));
        }
      }
      return table;
    }

    Figure build(SubgroupAnalysis analysis) {
      String effect = options.effectLabel() != null ? options.effectLabel() : effectName(overall);
      String method = methodHeader(overall);

      // column texts and widths
      List<String> headers2 = headers(analysis);
      int dataColumns = headers2.size();
      double[] width = new double[dataColumns];
      width[0] = Figure.textWidth(headers2.get(0), BOLD);
      for (int c = 1; c < dataColumns; c++) {
        width[c] = Figure.textWidth(headers2.get(c), BOLD);
      }
      if (arm > 0) {
        spreadArm(width, 1, options.treatmentLabel());
        spreadArm(width, 1 + arm, options.controlLabel());
      }
      width[dataColumns - 1] = Math.max(width[dataColumns - 1], Figure.textWidth(effect, BOLD));
      double noteWidth = 0;
      for (Row row : rows) {
        String[] cells = cells(row);
        if (row instanceof Note n) {
          noteWidth = Math.max(noteWidth, Figure.textWidth(n.text(), SMALL));
          continue;
        }
        if (cells == null) {
          continue;
        }
        Font first = row instanceof Pooled || row instanceof Title ? BOLD : BODY;
        width[0] = Math.max(width[0], Figure.textWidth(cells[0], first));
        for (int c = 1; c < dataColumns; c++) {
          width[c] =
              Math.max(width[c], Figure.textWidth(cells[c], row instanceof Pooled ? BOLD : BODY));
        }
      }
      if (arm > 0) {
        equalise(width, 1);
        equalise(width, 1 + arm);
      }
      double left = width[0];
      for (int c = 1; c < dataColumns; c++) {
        left += GAP + width[c];
      }
      if (noteWidth > left) {
        width[0] += noteWidth - left;
        left = noteWidth;
      }
      double[] x = new double[dataColumns];
      x[0] = MARGIN;
      for (int c = 1; c < dataColumns; c++) {
        x[c] = x[c - 1] + width[c - 1] + GAP;
      }
      double plotX = MARGIN + left + 2 * GAP;

      EffectAxis axis = axis();
      double axisOverhang =
          Math.max(
                  Figure.textWidth(axis.labels[0], SMALL),
                  Figure.textWidth(axis.labels[axis.labels.length - 1], SMALL))
              / 2;
      double favourWidth =
          Math.max(
              Figure.textWidth(options.favoursLeft(), SMALL),
              Figure.textWidth(options.favoursRight(), SMALL));
      double plotWidth = Math.max(PLOT_WIDTH, 2 * favourWidth + 24);
      double figureWidth = plotX + plotWidth + Math.max(axisOverhang, 4) + MARGIN;

      double y = MARGIN;
      double titleBaseline = 0;
      if (options.title() != null && !options.title().isBlank()) {
        titleBaseline = y + 13;
        y += 26;
      }
      double header1 = y + 12;
      double header2 = header1 + ROW - 2;
      double ruleY = header2 + 6;
      y = ruleY + 4;

      List<double[]> placed = new ArrayList<>();
      double dataTop = y;
      double dataBottom = y;
      for (Row row : rows) {
        double h = row instanceof Note ? NOTE_ROW : row instanceof Spacer ? 8 : ROW;
        placed.add(new double[] {y, h});
        y += h;
        if (!(row instanceof Note) && !(row instanceof Spacer)) {
          dataBottom = y;
        }
      }
      // the axis goes right under the last pooled row; overall notes may sit beside it
      int lastData = rows.size() - 1;
      while (lastData > 0 && (rows.get(lastData) instanceof Note)) {
        lastData--;
      }
      double axisY = placed.get(lastData)[0] + placed.get(lastData)[1] + 4;
      double axisBottom = axisY + 4 + 13 + 16;
      double figureHeight = Math.max(y, axisBottom) + MARGIN;
      final double top = dataTop;
      final double bottom = dataBottom;
      final double tb = titleBaseline;

      return new Figure(
          figureWidth,
          figureHeight,
          g -> {
            g.setColor(INK);
            if (tb > 0) {
              Figure.text(g, options.title(), TITLE, MARGIN, tb, Figure.Align.LEFT);
            }
            // headers
            if (arm > 0) {
              Figure.text(
                  g,
                  options.treatmentLabel(),
                  BOLD,
                  (x[1] + x[arm] + width[arm]) / 2,
                  header1,
                  Figure.Align.CENTER);
              Figure.text(
                  g,
                  options.controlLabel(),
                  BOLD,
                  (x[arm + 1] + x[2 * arm] + width[2 * arm]) / 2,
                  header1,
                  Figure.Align.CENTER);
            }
            Figure.text(
                g,
                effect,
                BOLD,
                x[dataColumns - 1] + width[dataColumns - 1] / 2,
                header1,
                Figure.Align.CENTER);
            Figure.text(g, effect, BOLD, plotX + plotWidth / 2, header1, Figure.Align.CENTER);
            Figure.text(g, headers2.get(0), BOLD, x[0], header2, Figure.Align.LEFT);
            for (int c = 1; c < dataColumns - 1; c++) {
              Figure.text(g, headers2.get(c), BOLD, x[c] + width[c], header2, Figure.Align.RIGHT);
            }
            Figure.text(
                g,
                method,
                BOLD,
                x[dataColumns - 1] + width[dataColumns - 1] / 2,
                header2,
                Figure.Align.CENTER);
            Figure.text(g, method, BOLD, plotX + plotWidth / 2, header2, Figure.Align.CENTER);
            g.setColor(RULE);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(new Line2D.Double(MARGIN, ruleY, figureWidth - MARGIN, ruleY));

            // line of no effect
            double nullX = axis.toX(axis.nullValue(), plotX, plotWidth);
            g.setColor(NULL_LINE);
            g.setStroke(new BasicStroke(0.9f));
            g.draw(new Line2D.Double(nullX, top, nullX, bottom));

            for (int i = 0; i < rows.size(); i++) {
              paintRow(
                  g,
                  rows.get(i),
                  placed.get(i)[0],
                  placed.get(i)[1],
                  x,
                  width,
                  dataColumns,
                  axis,
                  plotX,
                  plotWidth);
            }
            paintAxis(g, axis, plotX, plotWidth, axisY);
          });
    }

    private EffectAxis axis() {
      List<Double> must = new ArrayList<>();
      List<Double> should = new ArrayList<>();
      for (Row row : rows) {
        if (row instanceof Study s) {
          must.add(s.effect().yi());
          double half = halfWidth(s.effect());
          should.add(s.effect().yi() - half);
          should.add(s.effect().yi() + half);
        } else if (row instanceof Pooled p) {
          must.add(p.result().muLower());
          must.add(p.result().muUpper());
        } else if (row instanceof Prediction p) {
          must.add(p.result().piMuLower());
          must.add(p.result().piMuUpper());
        }
      }
      return EffectAxis.symmetric(
          ratio,
          must.stream().mapToDouble(Double::doubleValue).toArray(),
          should.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double halfWidth(StudyEffect e) {
      double z = org.trialstats.stats.ConfidenceLevel.z(overall.level());
      return z * Math.sqrt(e.vi());
    }

    /** Texts of the table columns of a row (null for rows without columns). */
    private String[] cells(Row row) {
      int n = arm > 0 ? 2 * arm + 3 : 5;
      String[] c = new String[n];
      java.util.Arrays.fill(c, "");
      if (row instanceof Title t) {
        c[0] = t.text();
      } else if (row instanceof Study s) {
        StudyEffect e = s.effect();
        c[0] = e.added() > 0 ? e.study() + " *" : e.study();
        if (arm > 0) {
          armCells(c, e.data());
        } else {
          c[1] = number(e.yi());
          c[2] = number(e.se());
        }
        c[n - 2] = fixed(s.weight(), 1) + "%";
        c[n - 1] = interval(e.estimate(), e.lower(), e.upper());
      } else if (row instanceof Excluded x) {
        c[0] = x.study().study();
        if (arm > 0) {
          armCells(c, x.study().data());
        }
        c[n - 1] = "Not estimable";
      } else if (row instanceof Pooled p) {
        c[0] = p.label();
        if (arm > 0) {
          boolean time = overall.measure().input() == EffectMeasure.Input.PERSON_TIME;
          c[arm] = time ? Numbers.plain(p.n1()) : Long.toString((long) p.n1());
          c[2 * arm] = time ? Numbers.plain(p.n2()) : Long.toString((long) p.n2());
        }
        c[n - 2] = fixed(p.weight(), 1) + "%";
        MetaResult r = p.result();
        c[n - 1] = interval(r.estimate(), r.lower(), r.upper());
      } else if (row instanceof Events ev) {
        c[0] = "Total events";
        c[1] = Long.toString(ev.events1());
        c[1 + arm] = Long.toString(ev.events2());
      } else if (row instanceof Prediction p) {
        c[0] = "Prediction interval";
        c[n - 1] = "[" + number(p.result().piLower()) + ", " + number(p.result().piUpper()) + "]";
      } else {
        return null;
      }
      return c;
    }

    /** The per-arm input cells of a study: counts, mean/SD/total or events/person-time. */
    private void armCells(String[] c, StudyData d) {
      TwoByTwo t = d.table();
      if (t != null) {
        c[1] = Long.toString(t.x1());
        c[2] = Long.toString(t.n1());
        c[3] = Long.toString(t.x2());
        c[4] = Long.toString(t.n2());
      } else if (d.means() != null) {
        ContinuousArms m = d.means();
        c[1] = Numbers.plain(m.mean1());
        c[2] = Numbers.plain(m.sd1());
        c[3] = Long.toString(m.n1());
        c[4] = Numbers.plain(m.mean2());
        c[5] = Numbers.plain(m.sd2());
        c[6] = Long.toString(m.n2());
      } else if (d.rates() != null) {
        PersonTime r = d.rates();
        c[1] = Long.toString(r.events1());
        c[2] = Numbers.plain(r.time1());
        c[3] = Long.toString(r.events2());
        c[4] = Numbers.plain(r.time2());
      }
    }

    /** Gives an arm's columns equal widths whose sum (with gaps) fits the arm label above them. */
    private void spreadArm(double[] width, int first, String label) {
      double sum = GAP * (arm - 1);
      for (int c = first; c < first + arm; c++) {
        sum += width[c];
      }
      double each = Math.max(sum, Figure.textWidth(label, BOLD)) / arm;
      for (int c = first; c < first + arm; c++) {
        width[c] = each;
      }
    }

    /** Gives every column of an arm the width of its widest column. */
    private void equalise(double[] width, int first) {
      double max = 0;
      for (int c = first; c < first + arm; c++) {
        max = Math.max(max, width[c]);
      }
      for (int c = first; c < first + arm; c++) {
        width[c] = max;
      }
    }

    private void paintRow(
        Graphics2D g,
        Row row,
        double top,
        double height,
        double[] x,
        double[] width,
        int dataColumns,
        EffectAxis axis,
        double plotX,
        double plotWidth) {
      double baseline = top + height - 4.5;
      double center = top + height / 2;
      g.setColor(INK);
      if (row instanceof Note n) {
        Figure.text(g, n.text(), SMALL, x[0], baseline, Figure.Align.LEFT);
        return;
      }
      String[] c = cells(row);
      if (c == null) {
        return;
      }
      Font font = row instanceof Pooled || row instanceof Title ? BOLD : BODY;
      Figure.text(
          g, c[0], font, x[0] + (row instanceof Title ? 0 : 0), baseline, Figure.Align.LEFT);
      Font numbers = row instanceof Pooled ? BOLD : BODY;
      for (int i = 1; i < dataColumns - 1; i++) {
        Figure.text(g, c[i], numbers, x[i] + width[i], baseline, Figure.Align.RIGHT);
      }
      Figure.text(
          g,
          c[dataColumns - 1],
          numbers,
          x[dataColumns - 1] + width[dataColumns - 1] / 2,
          baseline,
          Figure.Align.CENTER);

      if (row instanceof Study s) {
        StudyEffect e = s.effect();
        double half = halfWidth(e);
        whisker(g, axis, plotX, plotWidth, e.yi() - half, e.yi() + half, center, INK);
        if (e.yi() >= axis.min && e.yi() <= axis.max) {
          double side = squareSide(s.weight());
          double cx = axis.toX(e.yi(), plotX, plotWidth);
          g.setColor(SQUARE);
          g.fill(new Rectangle2D.Double(cx - side / 2, center - side / 2, side, side));
        }
      } else if (row instanceof Pooled p) {
        MetaResult r = p.result();
        double lo = clamp(axis.toX(r.muLower(), plotX, plotWidth), plotX, plotX + plotWidth);
        double hi = clamp(axis.toX(r.muUpper(), plotX, plotWidth), plotX, plotX + plotWidth);
        double mid = clamp(axis.toX(r.mu(), plotX, plotWidth), plotX, plotX + plotWidth);
        double h = p.total() ? 11 : 9;
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(lo, center);
        diamond.lineTo(mid, center - h / 2);
        diamond.lineTo(hi, center);
        diamond.lineTo(mid, center + h / 2);
        diamond.closePath();
        g.setColor(INK);
        g.fill(diamond);
      } else if (row instanceof Prediction p) {
        MetaResult r = p.result();
        whisker(g, axis, plotX, plotWidth, r.piMuLower(), r.piMuUpper(), center, PREDICTION);
        g.setStroke(new BasicStroke(1.2f));
        for (double v : new double[] {r.piMuLower(), r.piMuUpper()}) {
          if (v >= axis.min && v <= axis.max) {
            double px = axis.toX(v, plotX, plotWidth);
            g.draw(new Line2D.Double(px, center - 3.5, px, center + 3.5));
          }
        }
      }
    }

    private void whisker(
        Graphics2D g,
        EffectAxis axis,
        double plotX,
        double plotWidth,
        double lo,
        double hi,
        double y,
        Color color) {
      g.setColor(color);
      g.setStroke(new BasicStroke(1.1f));
      double left = Math.max(lo, axis.min);
      double right = Math.min(hi, axis.max);
      if (left >= right) {
        // entirely outside the axis: an arrow at the side it lies on
        if (hi < axis.min) {
          arrow(g, plotX, y, -1);
        } else if (lo > axis.max) {
          arrow(g, plotX + plotWidth, y, 1);
        }
        return;
      }
      double x1 = axis.toX(left, plotX, plotWidth);
      double x2 = axis.toX(right, plotX, plotWidth);
      g.draw(new Line2D.Double(x1, y, x2, y));
      if (lo < axis.min) {
        arrow(g, x1, y, -1);
      }
      if (hi > axis.max) {
        arrow(g, x2, y, 1);
      }
    }

    private static void arrow(Graphics2D g, double tipX, double y, int direction) {
      Path2D.Double head = new Path2D.Double();
      head.moveTo(tipX, y);
      head.lineTo(tipX - direction * 6, y - 3.2);
      head.lineTo(tipX - direction * 6, y + 3.2);
      head.closePath();
      g.fill(head);
    }

    private double squareSide(double weight) {
      double max = 0;
      for (Row r : rows) {
        if (r instanceof Study s) {
          max = Math.max(max, s.weight());
        }
      }
      if (!(max > 0)) {
        return MIN_SQUARE;
      }
      return Math.max(MIN_SQUARE, MAX_SQUARE * Math.sqrt(weight / max));
    }

    private void paintAxis(
        Graphics2D g, EffectAxis axis, double plotX, double plotWidth, double y) {
      g.setColor(INK);
      g.setStroke(new BasicStroke(0.9f));
      g.draw(new Line2D.Double(plotX, y, plotX + plotWidth, y));
      for (int i = 0; i < axis.ticks.length; i++) {
        double tx = axis.toX(axis.ticks[i], plotX, plotWidth);
        g.draw(new Line2D.Double(tx, y, tx, y + 4));
        Figure.text(g, axis.labels[i], SMALL, tx, y + 4 + 11, Figure.Align.CENTER);
      }
      double nullX = axis.toX(axis.nullValue(), plotX, plotWidth);
      double favoursY = y + 4 + 11 + 14;
      Figure.text(g, options.favoursLeft(), SMALL, nullX - 8, favoursY, Figure.Align.RIGHT);
      Figure.text(g, options.favoursRight(), SMALL, nullX + 8, favoursY, Figure.Align.LEFT);
    }

    private String interval(double estimate, double lower, double upper) {
      return number(estimate) + " [" + number(lower) + ", " + number(upper) + "]";
    }

    private String number(double v) {
      return fixed(v, decimals);
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Fixed decimals with a typographic minus sign. */
  static String fixed(double v, int decimals) {
    String s = Numbers.fixed(v, decimals);
    return s.startsWith("-") ? MINUS + s.substring(1) : s;
  }

  /** "= 0.003" or "&lt; 0.0001". */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "= NA";
    }
    if (p < 1e-4) {
      return "< 0.0001";
    }
    if (p < 1e-3) {
      return "= " + Numbers.fixed(p, 4);
    }
    return "= " + Numbers.pValue(p);
  }

  /** tau^2 as RevMan prints it (2 decimals), with 2 significant digits for small values. */
  static String variance(double v) {
    if (v == 0) {
      return "0";
    }
    return Math.abs(v) >= 0.1 ? fixed(v, 2) : Numbers.significant(v, 2);
  }

  private static int autoDecimals(MetaResult r, boolean ratio) {
    if (ratio) {
      return 2;
    }
    double half = (r.muUpper() - r.muLower()) / 2;
    if (!(half > 0) || !Double.isFinite(half)) {
      return 2;
    }
    int d = (int) Math.ceil(-Math.log10(half)) + 1;
    return Math.max(2, Math.min(6, d));
  }

  /** "Risk Ratio", "Odds Ratio", "Risk Difference", "Ratio" or "Effect". */
  static String effectName(MetaResult r) {
    EffectMeasure m = r.measure();
    return switch (m) {
      case RR -> "Risk Ratio";
      case OR ->
          r.model() == MetaModel.FIXED && r.options().fixedMethod() == FixedMethod.PETO
              ? "Peto Odds Ratio"
              : "Odds Ratio";
      case RD -> "Risk Difference";
      case MD -> "Mean Difference";
      case SMD -> "Std. Mean Difference";
      case COHEN_D -> "Cohen's d";
      case ROM -> "Ratio of Means";
      case IRR -> "Rate Ratio";
      case IRD -> "Rate Difference";
      case GENERIC -> r.options().exponentiate() ? "Ratio" : "Effect";
    };
  }

  /** RevMan-style method header, e.g. "M-H, Fixed, 95% CI" or "IV, Random (REML), 95% CI". */
  static String methodHeader(MetaResult r) {
    String ci = ciText(r);
    if (r.model() == MetaModel.FIXED) {
      String m =
          switch (r.options().fixedMethod()) {
            case IV -> "IV";
            case MH -> "M-H";
            case PETO -> "Peto";
          };
      return m + ", Fixed" + (r.hksj() ? " (HK)" : "") + ", " + ci;
    }
    String est = r.options().tau2Estimator().id().toUpperCase(Locale.ROOT);
    return "IV, Random (" + est + (r.hksj() ? ", HKSJ" : "") + "), " + ci;
  }

  /** The heterogeneity line; null for a single study. */
  static String heterogeneity(MetaResult r) {
    if (r.k() < 2) {
      return "Heterogeneity: not applicable";
    }
    StringBuilder b = new StringBuilder("Heterogeneity: ");
    if (r.model() == MetaModel.RANDOM) {
      b.append("\u03c4\u00b2 = ").append(variance(r.tau2())).append("; ");
    }
    b.append("Q = ").append(fixed(r.q(), 2)).append(", df = ").append(r.qDf());
    b.append(" (p ").append(pValue(r.qPvalue())).append("); I\u00b2 = ");
    // The decimals of the text output: 99.9% must not be printed as 100% beside it.
    b.append(Numbers.fixed(r.i2(), 1)).append('%');
    return b.toString();
  }

  /** The test for the overall effect: z, or t with its df under HKSJ, signed as in the text. */
  static String overallEffect(MetaResult r) {
    String statistic =
        Double.isNaN(r.statisticDf())
            ? "Z = " + fixed(r.statistic(), 2)
            : "t(" + (long) r.statisticDf() + ") = " + fixed(r.statistic(), 2);
    return "Test for overall effect: " + statistic + " (p " + pValue(r.pvalue()) + ")";
  }
}
