package org.trialstats.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstats.analysis.EvidenceAnalysis;
import org.trialstats.analysis.ResultRow;
import org.trialstats.analysis.StratifiedResult;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Dataset;
import org.trialstats.evidence.Reported;
import org.trialstats.evidence.Source;
import org.trialstats.evidence.StratifiedComparison;
import org.trialstats.evidence.Verdict;
import org.trialstats.io.Escape;
import org.trialstats.io.InputFile;
import org.trialstats.io.Numbers;
import org.trialstats.io.OutputFiles;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatMethod;

/**
 * Writes the evidence report folder: {@code report.html} (self-contained, charts inline as SVG),
 * {@code report.md}, {@code results.csv}, {@code claims.csv}, {@code sensitivity.csv} and every
 * chart as PNG and SVG. The folder is built in a staging folder and swapped in only when complete.
 * Nothing in it depends on the time or the machine, so the same input gives the same bytes.
 */
public final class EvidenceReport {
  private final EvidenceAnalysis analysis;
  private final String version;
  private final Map<EvidenceCharts.Chart, Figure> charts;

  public EvidenceReport(EvidenceAnalysis analysis, String version) {
    this.analysis = analysis;
    this.version = version;
    this.charts = EvidenceCharts.all(analysis);
  }

  /** The names of the fixed files of a report folder (the charts' names vary with the data). */
  private static final java.util.Set<String> FILES =
      java.util.Set.of("results.csv", "claims.csv", "sensitivity.csv", "report.md", "report.html");

  /**
   * Whether a file name is one that {@link #write} puts into a report folder (a folder holding only
   * such files is a previous report and may be replaced).
   */
  public static boolean isReportFile(String name) {
    if (FILES.contains(name)) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot);
    return (extension.equals(".png") || extension.equals(".svg"))
        && EvidenceCharts.NAMES.contains(name.substring(0, dot));
  }

  /** Writes (or replaces) the report folder. */
  public void write(Path folder) throws IOException {
    OutputFiles.replaceFolder(
        folder,
        staging -> {
          OutputFiles.writeString(staging.resolve("results.csv"), resultsCsv());
          OutputFiles.writeString(staging.resolve("claims.csv"), claimsCsv());
          OutputFiles.writeString(staging.resolve("sensitivity.csv"), sensitivityCsv());
          Map<EvidenceCharts.Chart, String> svgs = new EnumMap<>(EvidenceCharts.Chart.class);
          for (Map.Entry<EvidenceCharts.Chart, Figure> chart : charts.entrySet()) {
            String svg = chart.getValue().svg();
            String name = chart.getKey().fileName();
            svgs.put(chart.getKey(), svg);
            OutputFiles.writeBytes(staging.resolve(name + ".png"), chart.getValue().png());
            OutputFiles.writeString(staging.resolve(name + ".svg"), svg);
          }
          OutputFiles.writeString(staging.resolve("report.md"), markdown());
          OutputFiles.writeString(staging.resolve("report.html"), html(svgs));
        });
  }

  /**
   * One line per discrepancy, for the terminal: the figure's id, what was printed, what the other
   * figures give and why.
   *
   * @return the lines, in the dataset's order
   */
  public List<String> discrepancyLines() {
    return analysis.claims().stream()
        .filter(c -> c.verdict() == Verdict.DISCREPANCY)
        .map(
            c ->
                c.claim().id()
                    + ": printed "
                    + c.claim().reported().asReported()
                    + ", recomputed "
                    + c.recomputedText()
                    + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")"))
        .toList();
  }

  /** Number of claims with each verdict. */
  public Map<Verdict, Integer> verdictCounts() {
    return Verdict.count(analysis.claims().stream().map(ClaimResult::verdict).toList());
  }

  // ---------------------------------------------------------------- CSV

  String resultsCsv() {
    CsvTable t =
        new CsvTable(
            List.of(
                "figure",
                "endpoint",
                "subject",
                "measure",
                "method",
                "estimate",
                "lower",
                "upper",
                "level",
                "p_value",
                "note"));
    for (ResultRow r : analysis.results()) {
      t.row()
          .put("figure", text(r.figure()))
          .put("endpoint", text(r.endpoint()))
          .put("subject", text(r.subject()))
          .put("measure", r.measure().id())
          .put("method", r.method().id())
          .put("estimate", Numbers.full(r.estimate()))
          .put("lower", Numbers.full(r.lower()))
          .put("upper", Numbers.full(r.upper()))
          .put("level", Numbers.full(r.level()))
          .put("p_value", Numbers.full(r.pValue()))
          .put("note", text(r.note()));
    }
    return t.text();
  }

  String claimsCsv() {
    CsvTable t =
        new CsvTable(
            List.of(
                "claim",
                "topic",
                "statement",
                "reported",
                "reported_value",
                "unit",
                "recomputed",
                "difference",
                "verdict",
                "detail",
                "source"));
    for (ClaimResult c : analysis.claims()) {
      Reported reported = c.claim().reported();
      t.row()
          .put("claim", text(c.claim().id()))
          .put("topic", text(c.claim().topic()))
          .put("statement", text(c.claim().statement()))
          .put("reported", text(reported == null ? "" : reported.asReported()))
          .put("reported_value", reported == null ? "" : Numbers.full(reported.value()))
          .put("unit", text(reported == null ? "" : reported.unit()))
          .put("recomputed", Numbers.full(c.recomputed()))
          .put("difference", Numbers.full(c.difference()))
          .put("verdict", c.verdict().label())
          .put("detail", text(c.detail()))
          .put("source", text(c.claim().sourceId()));
    }
    return t.text();
  }

  String sensitivityCsv() {
    CsvTable t =
        new CsvTable(
            List.of(
                "comparison",
                "events1",
                "n1",
                "events2",
                "n2",
                "rd",
                "lower",
                "upper",
                "method",
                "level",
                "primary"));
    for (EvidenceAnalysis.SensitivityRow s : analysis.sensitivity()) {
      t.row()
          .put("comparison", text(s.comparison()))
          .put("events1", s.events1())
          .put("n1", s.n1())
          .put("events2", s.events2())
          .put("n2", s.n2())
          .put("rd", Numbers.full(s.estimate()))
          .put("lower", Numbers.full(s.lower()))
          .put("upper", Numbers.full(s.upper()))
          .put("method", EvidenceAnalysis.RD_METHOD.id())
          .put("level", Numbers.full(analysis.level()))
          .put("primary", s.primary());
    }
    return t.text();
  }

  private static String text(String s) {
    return Escape.csvText(s);
  }

  // ---------------------------------------------------------------- shared content

  private String levelText() {
    return Numbers.significant(analysis.level() * 100, 6) + "%";
  }

  private static String estimateText(ResultRow r) {
    if (r.measure() == Measure.TEST) {
      return Double.isNaN(r.estimate())
          ? ""
          : "statistic " + ReportNumbers.value(Measure.TEST, r.estimate());
    }
    return ReportNumbers.value(r.measure(), r.estimate());
  }

  private static String intervalText(ResultRow r) {
    if (r.measure() == Measure.TEST || Double.isNaN(r.lower())) {
      return "";
    }
    return ReportNumbers.interval(r.measure(), r.lower(), r.upper());
  }

  /** A findings line: "heading: lead measure estimate (interval, method)". */
  private static ReportDocument.Item estimateItem(String heading, String lead, ResultRow r) {
    return new ReportDocument.Item(
        heading + ":",
        lead
            + r.measure().label().toLowerCase(Locale.ROOT)
            + " "
            + estimateText(r)
            + " ("
            + intervalText(r)
            + ", "
            + r.method().info().name()
            + ")",
        "");
  }

  private static String pText(ResultRow r) {
    return Double.isNaN(r.pValue()) ? "" : ReportNumbers.pValue(r.pValue());
  }

  private String summary() {
    return analysis.claims().size()
        + " reported figures checked: "
        + Verdict.summary(verdictCounts())
        + ".";
  }

  private String arms(Comparison c) {
    return c.treatment().label() + " vs " + c.control().label();
  }

  // ---------------------------------------------------------------- document

  /** The Markdown report; the same document as the HTML one, charts linked as PNG. */
  String markdown() {
    return document(Map.of()).markdown();
  }

  /** The HTML report, with each chart's already rendered SVG inlined. */
  String html(Map<EvidenceCharts.Chart, String> svgs) {
    return document(svgs).html();
  }

  /**
   * The report as one document, findings first: the summary (discrepancies with their size, then
   * the comparisons), a table of contents, the claims grouped by verdict (discrepancies first, not
   * checkable last and collapsed), then the comparisons, rates, charts, methods, sources and
   * provenance. A further section is one more call in {@link #sections}.
   */
  ReportDocument document(Map<EvidenceCharts.Chart, String> svgs) {
    Dataset d = analysis.dataset();
    List<ReportDocument.Block> body = sections(svgs);
    ReportDocument doc = new ReportDocument(d.title(), ReportDocument.STYLE);
    doc.add(new ReportDocument.Paragraph(d.description(), false));
    doc.add(
        new ReportDocument.Paragraph(
            summary() + " All intervals are two-sided " + levelText() + " confidence intervals.",
            true));
    List<ReportDocument.Item> toc = new ArrayList<>();
    for (ReportDocument.Block b : body) {
      if (b instanceof ReportDocument.Heading h && h.level() == 2) {
        toc.add(new ReportDocument.Item("", h.text(), h.anchor()));
      }
    }
    doc.add(new ReportDocument.Heading(2, "Contents"));
    doc.add(new ReportDocument.Items(toc));
    body.forEach(doc::add);
    return doc;
  }

  private List<ReportDocument.Block> sections(Map<EvidenceCharts.Chart, String> svgs) {
    List<ReportDocument.Block> body = new ArrayList<>();
    findings(body);
    claims(body);
    comparisons(body);
    sensitivity(body);
    stratified(body);
    rates(body);
    charts(body, svgs);
    methods(body);
    sources(body);
    provenance(body);
    return body;
  }

  private void findings(List<ReportDocument.Block> body) {
    body.add(new ReportDocument.Heading(2, "Findings"));
    List<ClaimResult> discrepancies =
        analysis.claims().stream().filter(c -> c.verdict() == Verdict.DISCREPANCY).toList();
    body.add(
        new ReportDocument.Paragraph(
            discrepancies.isEmpty()
                ? "No discrepancies."
                : discrepancies.size()
                    + (discrepancies.size() == 1 ? " discrepancy" : " discrepancies")
                    + " (printed, recomputed, difference recomputed minus printed):",
            false));
    if (!discrepancies.isEmpty()) {
      List<ReportDocument.Item> items = new ArrayList<>();
      for (ClaimResult c : discrepancies) {
        items.add(new ReportDocument.Item(c.claim().id() + ":", findingLine(c), ""));
      }
      body.add(new ReportDocument.Items(items));
    }
    List<ReportDocument.Item> comparisons = new ArrayList<>();
    for (Comparison c : analysis.dataset().comparisons()) {
      analysis.results().stream()
          .filter(r -> r.figure().equals(c.id()) && isBetweenArms(r.measure()))
          .findFirst()
          .ifPresent(
              r -> comparisons.add(estimateItem(c.endpoint() + timepoint(c), arms(c) + ", ", r)));
    }
    if (!comparisons.isEmpty()) {
      body.add(
          new ReportDocument.Paragraph(
              "Comparisons (the first between-arm measure of each; all in Two-arm comparisons):",
              false));
      body.add(new ReportDocument.Items(comparisons));
    }
    List<ReportDocument.Item> stratified = new ArrayList<>();
    for (StratifiedResult s : analysis.stratified()) {
      StratifiedComparison c = s.comparison();
      s.estimates().stream()
          .filter(r -> !Double.isNaN(r.estimate()))
          .findFirst()
          .ifPresent(
              r ->
                  stratified.add(
                      estimateItem(
                          c.endpoint() + timepoint(c.timepoint()), r.subject() + ", common ", r)));
    }
    if (!stratified.isEmpty()) {
      body.add(
          new ReportDocument.Paragraph(
              "Stratified comparisons (the first common estimate of each; all in Stratified"
                  + " comparisons):",
              false));
      body.add(new ReportDocument.Items(stratified));
    }
  }

  private static boolean isBetweenArms(Measure m) {
    return m != Measure.PROPORTION && m != Measure.TEST;
  }

  /** One line per discrepancy: printed, recomputed and the size of the difference. */
  private static String findingLine(ClaimResult c) {
    String size = "bound not met";
    if (!Double.isNaN(c.difference())) {
      size = "difference " + Numbers.significant(c.difference(), 3);
      double printed = c.claim().reported() == null ? 0 : c.claim().reported().value();
      if (printed != 0) {
        size += " (" + Numbers.fixed(100 * c.difference() / Math.abs(printed), 1) + "%)";
      }
    }
    return "printed "
        + (c.claim().reported() == null ? "" : c.claim().reported().asReported())
        + ", recomputed "
        + c.recomputedText()
        + ", "
        + size
        + ".";
  }

  private void claims(List<ReportDocument.Block> body) {
    body.add(new ReportDocument.Heading(2, "Claim checks"));
    body.add(new ReportDocument.Paragraph("Verdicts: " + Verdict.legend(), false));
    Map<Verdict, Integer> counts = verdictCounts();
    for (Verdict v : CLAIM_ORDER) {
      if (counts.get(v) == 0) {
        continue;
      }
      List<List<String>> rows = new ArrayList<>();
      for (ClaimResult c : analysis.claims()) {
        if (c.verdict() == v) {
          rows.add(
              List.of(
                  c.claim().statement(),
                  c.claim().reported() == null ? "" : c.claim().reported().asReported(),
                  c.recomputedText(),
                  c.detail(),
                  c.claim().sourceId()));
        }
      }
      ReportDocument.Heading heading =
          new ReportDocument.Heading(3, capitalised(v.countNoun()) + " (" + counts.get(v) + ")");
      ReportDocument.Table table =
          new ReportDocument.Table(
              List.of("claim", "reported", "recomputed", "detail", "source"),
              rows,
              Set.of(),
              java.util.Collections.nCopies(rows.size(), v == Verdict.DISCREPANCY ? "bad" : ""));
      if (v == Verdict.NOT_CHECKABLE) {
        body.add(new ReportDocument.Collapsed(heading, List.of(table)));
      } else {
        body.add(heading);
        body.add(table);
      }
    }
  }

  /** Claims grouped by verdict: findings first, the undecided last. */
  private static final List<Verdict> CLAIM_ORDER =
      List.of(
          Verdict.DISCREPANCY,
          Verdict.REPRODUCED,
          Verdict.CONSISTENT,
          Verdict.ATTAINABLE,
          Verdict.NOT_CHECKABLE);

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private void comparisons(List<ReportDocument.Block> body) {
    Dataset d = analysis.dataset();
    if (d.comparisons().isEmpty()) {
      return;
    }
    body.add(new ReportDocument.Heading(2, "Two-arm comparisons"));
    for (Comparison c : d.comparisons()) {
      body.add(new ReportDocument.Heading(3, c.endpoint() + timepoint(c)));
      String note = c.note() != null && !c.note().isBlank() ? " " + c.note() : "";
      body.add(
          new ReportDocument.Paragraph(arms(c) + ". Source: " + c.sourceId() + "." + note, false));
      List<List<String>> rows = new ArrayList<>();
      for (ResultRow r : analysis.results()) {
        if (r.figure().equals(c.id())) {
          rows.add(
              List.of(
                  r.subject(),
                  r.measure().id(),
                  r.method().info().name(),
                  estimateText(r),
                  intervalText(r),
                  pText(r),
                  r.note()));
        }
      }
      body.add(
          new ReportDocument.Table(
              List.of(
                  "subject",
                  "measure",
                  "method",
                  "estimate",
                  levelText() + " CI",
                  "p-value",
                  "note"),
              rows,
              Set.of(3, 4, 5),
              List.of()));
    }
  }

  private void sensitivity(List<ReportDocument.Block> body) {
    if (analysis.sensitivity().isEmpty()) {
      return;
    }
    body.add(new ReportDocument.Heading(2, "Counts derived from rounded percentages"));
    body.add(new ReportDocument.Paragraph(sensitivityIntro(), false));
    List<List<String>> rows = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (EvidenceAnalysis.SensitivityRow s : analysis.sensitivity()) {
      rows.add(
          List.of(
              s.comparison(),
              s.events1() + "/" + s.n1(),
              s.events2() + "/" + s.n2(),
              ReportNumbers.value(Measure.RD, s.estimate()),
              ReportNumbers.interval(Measure.RD, s.lower(), s.upper()),
              s.primary() ? "yes" : ""));
      classes.add(s.primary() ? "primary" : "");
    }
    body.add(
        new ReportDocument.Table(
            List.of(
                "comparison",
                "treatment",
                "control",
                "risk difference",
                levelText() + " CI (Newcombe)",
                "used above"),
            rows,
            Set.of(1, 2, 3, 4),
            classes));
  }

  /**
   * Per stratified comparison: the counts of each stratum, the common estimates of every method and
   * the Cochran-Mantel-Haenszel and homogeneity tests.
   */
  private void stratified(List<ReportDocument.Block> body) {
    if (analysis.stratified().isEmpty()) {
      return;
    }
    body.add(new ReportDocument.Heading(2, "Stratified comparisons"));
    for (StratifiedResult s : analysis.stratified()) {
      StratifiedComparison c = s.comparison();
      body.add(new ReportDocument.Heading(3, c.endpoint() + timepoint(c.timepoint())));
      String note = c.note().isBlank() ? "" : " " + c.note();
      body.add(
          new ReportDocument.Paragraph(
              c.treatment()
                  + " vs "
                  + c.control()
                  + ", stratified by "
                  + c.stratifiedBy()
                  + " ("
                  + c.strata().size()
                  + " strata). Source: "
                  + c.sourceId()
                  + "."
                  + note,
              false));
      List<List<String>> strata = new ArrayList<>();
      for (StratifiedComparison.Stratum h : c.strata()) {
        strata.add(List.of(h.label(), armText(h.events1(), h.n1()), armText(h.events2(), h.n2())));
      }
      body.add(
          new ReportDocument.Table(
              List.of(c.stratifiedBy(), c.treatment(), c.control()),
              strata,
              Set.of(1, 2),
              List.of()));
      List<List<String>> estimates = new ArrayList<>();
      for (ResultRow r : s.estimates()) {
        estimates.add(
            List.of(
                r.measure().id(),
                r.method().info().name(),
                estimateText(r),
                intervalText(r),
                r.note()));
      }
      body.add(
          new ReportDocument.Table(
              List.of("measure", "method", "common estimate", levelText() + " CI", "note"),
              estimates,
              Set.of(2, 3),
              List.of()));
      List<List<String>> tests = new ArrayList<>();
      for (ResultRow r : s.tests()) {
        String statistic =
            Double.isNaN(r.estimate()) ? "" : ReportNumbers.value(Measure.TEST, r.estimate());
        tests.add(List.of(r.method().info().name(), statistic, pText(r), r.note()));
      }
      body.add(
          new ReportDocument.Table(
              List.of("test", "statistic", "p-value", "note"), tests, Set.of(1, 2), List.of()));
    }
  }

  /** Events / n with the percentage; "no subjects" for an empty arm. */
  private static String armText(long events, long n) {
    return n == 0
        ? "no subjects"
        : events + "/" + n + " (" + Numbers.fixed(100.0 * events / n, 1) + "%)";
  }

  private void rates(List<ReportDocument.Block> body) {
    Dataset d = analysis.dataset();
    if (d.rates().isEmpty() && d.sirs().isEmpty()) {
      return;
    }
    body.add(new ReportDocument.Heading(2, "Rates and standardised incidence ratios"));
    List<List<String>> rows = new ArrayList<>();
    for (ResultRow r : analysis.results()) {
      if (r.measure() == Measure.RATE || r.measure() == Measure.SIR) {
        rows.add(
            List.of(
                r.endpoint(),
                r.subject(),
                r.measure().id(),
                r.method().info().name(),
                estimateText(r),
                intervalText(r),
                pText(r)));
      }
    }
    body.add(
        new ReportDocument.Table(
            List.of(
                "figure",
                "subject",
                "measure",
                "method",
                "estimate",
                levelText() + " CI",
                "p-value"),
            rows,
            Set.of(4, 5, 6),
            List.of()));
  }

  private void charts(List<ReportDocument.Block> body, Map<EvidenceCharts.Chart, String> svgs) {
    if (charts.isEmpty()) {
      return;
    }
    body.add(new ReportDocument.Heading(2, "Charts"));
    for (EvidenceCharts.Chart chart : charts.keySet()) {
      body.add(
          new ReportDocument.Chart(
              chart.fileName(), chart.caption(analysis.level()), svgs.getOrDefault(chart, "")));
    }
  }

  private void methods(List<ReportDocument.Block> body) {
    body.add(new ReportDocument.Heading(2, "Methods"));
    List<ReportDocument.Item> items = new ArrayList<>();
    for (StatMethod m : analysis.methodsUsed()) {
      MethodInfo i = m.info();
      items.add(
          new ReportDocument.Item(
              i.name() + " (" + m.measure().id() + " " + m.id() + ").",
              i.formula() + " Reference: " + i.reference(),
              ""));
    }
    body.add(new ReportDocument.Items(items));
  }

  private void sources(List<ReportDocument.Block> body) {
    body.add(new ReportDocument.Heading(2, "Sources"));
    List<ReportDocument.Item> items = new ArrayList<>();
    for (Source s : analysis.dataset().sources()) {
      items.add(
          new ReportDocument.Item(
              s.id() + ":", s.citation() + " (" + s.document() + ", " + s.section() + ")", ""));
    }
    body.add(new ReportDocument.Items(items));
  }

  private void provenance(List<ReportDocument.Block> body) {
    Dataset d = analysis.dataset();
    body.add(new ReportDocument.Heading(2, "Provenance"));
    List<ReportDocument.Item> items = new ArrayList<>();
    items.add(ReportDocument.Item.of("Tool: trialstats " + version));
    items.add(ReportDocument.Item.of("Dataset: " + d.id()));
    items.add(ReportDocument.Item.of("Confidence level: " + levelText()));
    for (InputFile f : d.inputFiles()) {
      items.add(
          ReportDocument.Item.of(
              "Input " + f.path() + ": " + f.bytes() + " bytes, SHA-256 " + f.sha256()));
    }
    body.add(new ReportDocument.Items(items));
  }

  private static String timepoint(Comparison c) {
    return timepoint(c.timepoint());
  }

  private static String timepoint(String timepoint) {
    return timepoint == null || timepoint.isBlank() ? "" : " (" + timepoint + ")";
  }

  private String sensitivityIntro() {
    return "Where only a percentage and a denominator were published, several whole counts"
        + " round to the reported percentage. The main results use the nearest count; this"
        + " table shows the risk difference for every compatible combination.";
  }

  /** The SVG without its XML prolog, with ids made unique within the HTML page. */
  static String inlineSvg(String name, String svg) {
    int start = svg.indexOf("<svg");
    String body = start < 0 ? svg : svg.substring(start);
    return body.replaceAll("\\bclip(\\d+)", name + "-clip$1")
            .replaceFirst("<svg", "<svg role=\"img\" aria-label=\"" + Escape.html(name) + "\"")
        + "\n";
  }
}
