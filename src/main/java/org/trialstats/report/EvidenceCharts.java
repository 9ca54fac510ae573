package org.trialstats.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Dataset;
import org.trialstats.io.Numbers;

/** The charts of the evidence report, each built from the analysis's results. */
public final class EvidenceCharts {
  private EvidenceCharts() {}

  /** Chart file base names with their drawings, in report order; charts without data are left out. */
  public static Map<String, Figure> all(EvidenceAnalysis a) {
    Map<String, Figure> charts = new LinkedHashMap<>();
    if (!a.dataset().comparisons().isEmpty()) {
      charts.put("proportions", proportions(a));
      charts.put("risk-differences", riskDifferences(a));
    }
    if (!a.dataset().rates().isEmpty()) {
      charts.put("rates", rates(a));
    }
    if (!a.dataset().sirs().isEmpty()) {
      charts.put("sir", sirs(a));
    }
    return charts;
  }

  /** Caption of each chart, for the HTML and Markdown reports. */
  public static String caption(String name, double level) {
    String pct = Numbers.significant(level * 100, 6) + "%";
    return switch (name) {
      case "proportions" -> "Proportion of patients with the event in each arm, with " + pct
          + " Wilson score intervals.";
      case "risk-differences" -> "Risk difference (treatment minus control) with " + pct
          + " Newcombe hybrid score intervals; dashed line: no difference.";
      case "rates" -> "Incidence rates with " + pct + " exact (Garwood) Poisson intervals.";
      case "sir" -> "Standardised incidence ratios (observed / expected) with " + pct
          + " exact Poisson intervals, log scale; dashed line: SIR = 1.";
      default -> name;
    };
  }

  static Figure proportions(EvidenceAnalysis a) {
    IntervalChart chart = new IntervalChart("Proportion of patients with the event",
        "Proportion (" + Numbers.significant(a.level() * 100, 6) + "% Wilson interval)");
    Dataset d = a.dataset();
    for (Comparison c : d.comparisons()) {
      chart.heading(c.endpoint() + timepoint(c));
      List<ResultRow> arms = a.results().stream()
          .filter(r -> r.figure().equals(c.id()) && r.measure().equals("proportion")).toList();
      for (int i = 0; i < arms.size(); i++) {
        ResultRow r = arms.get(i);
        long events = i == 0 ? c.treatment().primaryEvents() : c.control().primaryEvents();
        long n = i == 0 ? c.treatment().n() : c.control().n();
        boolean derived = i == 0 ? c.treatment().eventsDerived() : c.control().eventsDerived();
        chart.add(new IntervalChart.Row(
            r.subject() + " (" + events + "/" + n + (derived ? ", derived" : "") + ")",
            i == 0 ? "treatment arm" : "control arm", r.estimate(), r.lower(), r.upper(),
            interval(r, 3)));
      }
    }
    return chart.build();
  }

  static Figure riskDifferences(EvidenceAnalysis a) {
    IntervalChart chart = new IntervalChart("Risk difference, treatment minus control",
        "Risk difference (" + Numbers.significant(a.level() * 100, 6) + "% Newcombe interval)")
        .reference(0);
    for (Comparison c : a.dataset().comparisons()) {
      a.result(c.id(), "rd", EvidenceAnalysis.RD_METHOD).ifPresent(r -> chart.add(
          new IntervalChart.Row(c.endpoint() + timepoint(c), "risk difference", r.estimate(),
              r.lower(), r.upper(), interval(r, 3))));
    }
    return chart.build();
  }

  static Figure rates(EvidenceAnalysis a) {
    IntervalChart chart = new IntervalChart("Incidence rates",
        "Events per patient-years as stated (" + Numbers.significant(a.level() * 100, 6)
            + "% exact interval)");
    a.dataset().rates().forEach(f -> a.result(f.id(), "rate", EvidenceAnalysis.RATE_METHOD)
        .ifPresent(r -> chart.add(new IntervalChart.Row(
            f.endpoint() + ": " + f.events() + " / " + Numbers.significant(f.patientYears(), 6)
                + " PY, per " + Numbers.significant(f.per(), 6) + " PY",
            "rate", r.estimate(), r.lower(), r.upper(), interval(r, 4)))));
    return chart.build();
  }

  static Figure sirs(EvidenceAnalysis a) {
    IntervalChart chart = new IntervalChart("Standardised incidence ratios",
        "Observed / expected, log scale (" + Numbers.significant(a.level() * 100, 6)
            + "% exact interval)").logScale().reference(1);
    a.dataset().sirs().forEach(f -> a.result(f.id(), "sir", EvidenceAnalysis.RATE_METHOD)
        .ifPresent(r -> chart.add(new IntervalChart.Row(
            f.endpoint() + ": " + f.observed() + " observed vs "
                + Numbers.significant(f.expected(), 4) + " expected",
            "SIR", r.estimate(), r.lower(), r.upper(), interval(r, 4)))));
    return chart.build();
  }

  private static String timepoint(Comparison c) {
    return c.timepoint() == null || c.timepoint().isBlank() ? "" : " (" + c.timepoint() + ")";
  }

  /** "0.380 (0.322 to 0.442)" with the given significant digits. */
  static String interval(ResultRow r, int digits) {
    return Numbers.interval(r.estimate(), r.lower(), r.upper(), digits);
  }
}
