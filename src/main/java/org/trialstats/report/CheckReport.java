package org.trialstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialstats.analysis.DocumentCheck;
import org.trialstats.analysis.EvidenceAnalysis;
import org.trialstats.analysis.ResultRow;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Verdict;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.io.Provenance;

/**
 * Renders a {@link DocumentCheck} as plain text, Markdown, HTML or JSON: the verdict of every claim
 * found with its source span, the estimates with intervals for the two-arm comparisons, rates and
 * SIRs found (the methods of {@code reproduce}, {@link EvidenceAnalysis}), and the provenance
 * (trialstats version, SHA-256 of every input). Markdown and HTML are one {@link ReportDocument},
 * as the evidence report is; the plain text is a terminal layout (one block per claim) and JSON the
 * machine-readable record. No timestamps: same input, same bytes.
 */
public final class CheckReport {
  /** Confidence level of the intervals computed for comparisons, rates and SIRs. */
  public static final double LEVEL = 0.95;

  /** Output formats. */
  public enum Format {
    TEXT("txt"),
    JSON("json"),
    MD("md"),
    HTML("html");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** File extension of the format, e.g. {@code md}. */
    public String extension() {
      return extension;
    }
  }

  private static final String LEGEND = "Verdicts follow reproduce's rules: " + Verdict.legend();

  /** The house style of the reports, with the claim rows coloured by verdict. */
  private static final String STYLE =
      ReportDocument.STYLE
          + String.join(
              "\n",
              "tr.discrepancy { background: #f8d7da; }",
              "tr.reproduced { background: #ddffdd; }",
              "tr.consistent, tr.attainable { background: #eef7e8; }",
              "");

  private final DocumentCheck check;
  private final Provenance provenance;
  private final EvidenceAnalysis estimates;

  /**
   * @param check the check to render
   * @param version the trialstats version, for the provenance
   */
  public CheckReport(DocumentCheck check, String version) {
    this.check = check;
    this.provenance = new Provenance(version, check.inputs());
    this.estimates = EvidenceAnalysis.of(check.dataset(), LEVEL);
  }

  /** The report in the given format. */
  public String render(Format format) {
    return switch (format) {
      case TEXT -> text();
      case JSON -> json();
      case MD -> markdown();
      case HTML -> html();
    };
  }

  /** One line per inconsistent claim: where, what was printed, the difference. */
  public List<String> inconsistentLines() {
    return check.inconsistent().stream()
        .map(
            r ->
                check.span(r).describe()
                    + ": "
                    + r.claim().reported().asReported()
                    + ": "
                    + r.detail())
        .toList();
  }

  private String summary() {
    return check.results().size() + " claims: " + Verdict.summary(check.counts());
  }

  private List<ResultRow> estimateRows() {
    Set<String> figures =
        check.dataset().comparisons().stream().map(Comparison::id).collect(Collectors.toSet());
    check.dataset().rates().forEach(r -> figures.add(r.id()));
    check.dataset().sirs().forEach(s -> figures.add(s.id()));
    return estimates.results().stream().filter(r -> figures.contains(r.figure())).toList();
  }

  private static String recomputed(ClaimResult r) {
    return r.recomputedText().isEmpty() ? "-" : r.recomputedText();
  }

  private String text() {
    StringBuilder s = new StringBuilder("trialstats check\n");
    s.append(provenance.line())
        .append('\n')
        .append(summary())
        .append('\n')
        .append(LEGEND)
        .append("\n\n");
    for (ClaimResult r : check.results()) {
      s.append(r.verdict().label().toUpperCase(Locale.ROOT))
          .append("  ")
          .append(check.span(r).describe())
          .append("  [")
          .append(r.claim().check().kind())
          .append("] ")
          .append(r.claim().reported().asReported())
          .append('\n')
          .append("  recomputed: ")
          .append(recomputed(r))
          .append('\n')
          .append("  ")
          .append(r.detail())
          .append("\n\n");
    }
    List<ResultRow> rows = estimateRows();
    if (!rows.isEmpty()) {
      s.append("Estimates (")
          .append(Numbers.fixed(LEVEL * 100, 0))
          .append("% intervals) for the comparisons, rates and SIRs found:\n");
      for (ResultRow row : rows) {
        s.append("  ")
            .append(row.figure())
            .append("  ")
            .append(row.measure().id())
            .append(' ')
            .append(row.method().id())
            .append(": ")
            .append(estimate(row))
            .append('\n');
      }
    }
    return s.toString();
  }

  private static String estimate(ResultRow row) {
    String value =
        Double.isNaN(row.lower())
            ? "p = " + Numbers.pValue(row.pValue())
            : Numbers.interval(row.estimate(), row.lower(), row.upper(), 4);
    return row.note().isEmpty() ? value : value + " (" + row.note() + ")";
  }

  /**
   * The report as one document, written to Markdown and HTML: the provenance, the summary, one
   * table row per claim (coloured by verdict in HTML) and the estimates of the comparisons, rates
   * and SIRs found.
   */
  ReportDocument document() {
    ReportDocument doc = new ReportDocument("trialstats check", STYLE);
    doc.add(new ReportDocument.Paragraph("Provenance: " + provenance.line(), false));
    doc.add(new ReportDocument.Paragraph(summary() + ". " + LEGEND, false));
    List<List<String>> claims = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    for (ClaimResult r : check.results()) {
      claims.add(
          List.of(
              r.verdict().label(),
              check.span(r).describe(),
              r.claim().check().kind(),
              r.claim().reported().asReported(),
              recomputed(r),
              r.detail()));
      // the label is the row's style class; "not checkable" rows stay uncoloured
      verdicts.add(r.verdict() == Verdict.NOT_CHECKABLE ? "" : r.verdict().label());
    }
    doc.add(
        new ReportDocument.Table(
            List.of("verdict", "where", "kind", "printed", "recomputed", "detail"),
            claims,
            Set.of(),
            verdicts));
    List<ResultRow> rows = estimateRows();
    if (!rows.isEmpty()) {
      doc.add(new ReportDocument.Heading(2, "Estimates for the comparisons, rates and SIRs found"));
      doc.add(
          new ReportDocument.Table(
              List.of(
                  "figure",
                  "measure",
                  "method",
                  "estimate (" + Numbers.fixed(LEVEL * 100, 0) + "% interval)"),
              rows.stream()
                  .map(
                      row ->
                          List.of(
                              row.figure(), row.measure().id(), row.method().id(), estimate(row)))
                  .toList(),
              Set.of(),
              List.of()));
    }
    return doc;
  }

  private String markdown() {
    return document().markdown();
  }

  private String html() {
    return document().html();
  }

  private String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", "trialstats check");
    root.put("version", provenance.version());
    List<Object> inputs = new ArrayList<>();
    for (var input : check.inputs()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("file", input.path());
      i.put("bytes", input.bytes());
      i.put("sha256", input.sha256());
      inputs.add(i);
    }
    root.put("inputs", inputs);
    Map<String, Object> counts = new LinkedHashMap<>();
    check.counts().forEach((v, n) -> counts.put(v.label(), n));
    root.put("counts", counts);
    List<Object> claims = new ArrayList<>();
    for (ClaimResult r : check.results()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", r.claim().id());
      c.put("verdict", r.verdict().label());
      c.put("kind", r.claim().check().kind());
      var span = check.span(r);
      c.put("file", span.file());
      c.put("start_line", span.startLine());
      c.put("start_column", span.startColumn());
      c.put("end_line", span.endLine());
      c.put("end_column", span.endColumn());
      if (span.page() > 0) {
        c.put("page", span.page());
      }
      c.put("printed", r.claim().reported().asReported());
      c.put("printed_value", Json.number(r.claim().reported().value()));
      c.put("decimals", r.claim().reported().decimals());
      c.put("qualifier", r.claim().reported().qualifier().yamlName());
      c.put("recomputed", Json.number(r.recomputed()));
      c.put("difference", Json.number(r.difference()));
      c.put("detail", r.detail());
      claims.add(c);
    }
    root.put("claims", claims);
    List<Object> rows = new ArrayList<>();
    for (ResultRow row : estimateRows()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("figure", row.figure());
      e.put("measure", row.measure().id());
      e.put("method", row.method().id());
      e.put("estimate", Json.number(row.estimate()));
      e.put("lower", Json.number(row.lower()));
      e.put("upper", Json.number(row.upper()));
      e.put("level", Json.number(row.level()));
      e.put("p_value", Json.number(row.pValue()));
      e.put("note", row.note());
      rows.add(e);
    }
    root.put("estimates", rows);
    return Json.write(root) + "\n";
  }
}
