package org.trialstats.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trialstats.analysis.EvidenceAnalysis;
import org.trialstats.analysis.ResultRow;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Dataset;
import org.trialstats.evidence.RateFigure;
import org.trialstats.evidence.SirFigure;
import org.trialstats.io.Numbers;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatMethod;

/** The charts of the evidence report, each built from the analysis's results. */
public final class EvidenceCharts {
  /** Every chart file base name {@link #all} may use. */
  public static final List<String> NAMES =
      List.of("proportions", "risk-differences", "rates", "sir");

  private EvidenceCharts() {}

  /** The charts, in report order. */
  public enum Chart {
    /** Each arm's proportion with its Wilson interval. */
    PROPORTIONS(
        "proportions",
        "Proportion of patients with the event in each arm, with %s" + " Wilson score intervals."),
    /** Risk differences with Newcombe intervals. */
    RISK_DIFFERENCES(
        "risk-differences",
        "Risk difference (treatment minus control) with %s"
            + " Newcombe hybrid score intervals; dashed line: no difference."),
    /** Incidence rates with exact intervals. */
    RATES("rates", "Incidence rates with %s exact (Garwood) Poisson intervals."),
    /** SIRs with exact intervals. */
    SIR(
        "sir",
        "Standardised incidence ratios (observed / expected) with %s exact Poisson"
            + " intervals, log scale; dashed line: SIR = 1.");

    private final String fileName;
    private final String caption;

    Chart(String fileName, String caption) {
      this.fileName = fileName;
      this.caption = caption;
    }

    /** File base name ({@code .png} and {@code .svg} are added) and HTML anchor suffix. */
    public String fileName() {
      return fileName;
    }

    /** Caption for the HTML and Markdown reports, with the confidence level. */
    public String caption(double level) {
      return caption.replace("%s", Numbers.significant(level * 100, 6) + "%");
    }
  }

  /** The charts with their drawings, in report order; charts without data are left out. */
  public static Map<Chart, Figure> all(EvidenceAnalysis a) {
    Map<Chart, Figure> charts = new EnumMap<>(Chart.class);
    if (!a.dataset().comparisons().isEmpty()) {
      charts.put(Chart.PROPORTIONS, proportions(a));
      charts.put(Chart.RISK_DIFFERENCES, riskDifferences(a));
    }
    if (!a.dataset().rates().isEmpty()) {
      charts.put(Chart.RATES, rates(a));
    }
    if (!a.dataset().sirs().isEmpty()) {
      charts.put(Chart.SIR, sirs(a));
    }
    return charts;
  }

  static Figure proportions(EvidenceAnalysis a) {
    IntervalChart chart =
        new IntervalChart(
            "Proportion of patients with the event",
            "Proportion (" + Numbers.significant(a.level() * 100, 6) + "% Wilson interval)");
    Dataset d = a.dataset();
    for (Comparison c : d.comparisons()) {
      chart.heading(c.endpoint() + timepoint(c));
      List<ResultRow> arms =
          a.results().stream()
              .filter(r -> r.figure().equals(c.id()) && r.measure() == Measure.PROPORTION)
              .toList();
      for (int i = 0; i < arms.size(); i++) {
        ResultRow r = arms.get(i);
        long events = i == 0 ? c.treatment().primaryEvents() : c.control().primaryEvents();
        long n = i == 0 ? c.treatment().n() : c.control().n();
        boolean derived = i == 0 ? c.treatment().eventsDerived() : c.control().eventsDerived();
        chart.add(
            row(
                r.subject() + " (" + events + "/" + n + (derived ? ", derived" : "") + ")",
                i == 0 ? "treatment arm" : "control arm",
                r));
      }
    }
    return chart.build();
  }

  static Figure riskDifferences(EvidenceAnalysis a) {
    IntervalChart chart =
        new IntervalChart(
                "Risk difference, treatment minus control",
                "Risk difference ("
                    + Numbers.significant(a.level() * 100, 6)
                    + "% Newcombe interval)")
            .reference(0);
    addResults(
        chart,
        a,
        a.dataset().comparisons(),
        Comparison::id,
        EvidenceAnalysis.RD_METHOD,
        c -> c.endpoint() + timepoint(c),
        "risk difference");
    return chart.build();
  }

  static Figure rates(EvidenceAnalysis a) {
    // The axis names the unit the values are in: per 100 PY when every rate uses it.
    java.util.Set<Double> pers = new java.util.TreeSet<>();
    a.dataset().rates().forEach(f -> pers.add(f.per()));
    String unit =
        pers.size() == 1
            ? "Events per " + Numbers.significant(pers.iterator().next(), 6) + " patient-years"
            : "Events per the patient-years each row states";
    IntervalChart chart =
        new IntervalChart(
            "Incidence rates",
            unit + " (" + Numbers.significant(a.level() * 100, 6) + "% exact interval)");
    addResults(
        chart,
        a,
        a.dataset().rates(),
        RateFigure::id,
        EvidenceAnalysis.RATE_METHOD,
        f ->
            f.endpoint()
                + ": "
                + f.events()
                + " / "
                + Numbers.significant(f.patientYears(), 6)
                + " PY, per "
                + Numbers.significant(f.per(), 6)
                + " PY",
        "rate");
    return chart.build();
  }

  static Figure sirs(EvidenceAnalysis a) {
    IntervalChart chart =
        new IntervalChart(
                "Standardised incidence ratios",
                "Observed / expected, log scale ("
                    + Numbers.significant(a.level() * 100, 6)
                    + "% exact interval)")
            .logScale()
            .reference(1);
    addResults(
        chart,
        a,
        a.dataset().sirs(),
        SirFigure::id,
        EvidenceAnalysis.SIR_METHOD,
        f ->
            f.endpoint()
                + ": "
                + f.observed()
                + " observed vs "
                + Numbers.significant(f.expected(), 4)
                + " expected",
        "SIR");
    return chart.build();
  }

  /**
   * Adds a row for each item that has a result of {@code method}, in the items' order: the item's
   * label, the group (colour) and the result's estimate and interval.
   */
  private static <T> void addResults(
      IntervalChart chart,
      EvidenceAnalysis a,
      List<T> items,
      Function<T, String> id,
      StatMethod method,
      Function<T, String> label,
      String group) {
    for (T item : items) {
      a.result(id.apply(item), method).ifPresent(r -> chart.add(row(label.apply(item), group, r)));
    }
  }

  /** A chart row for a result: its estimate, interval and printed interval. */
  private static IntervalChart.Row row(String label, String group, ResultRow r) {
    return new IntervalChart.Row(label, group, r.estimate(), r.lower(), r.upper(), interval(r));
  }

  private static String timepoint(Comparison c) {
    return c.timepoint() == null || c.timepoint().isBlank() ? "" : " (" + c.timepoint() + ")";
  }

  /** The estimate and interval label, by the report's number policy ({@link ReportNumbers}). */
  static String interval(ResultRow r) {
    return ReportNumbers.estimate(r.measure(), r.estimate(), r.lower(), r.upper());
  }
}
