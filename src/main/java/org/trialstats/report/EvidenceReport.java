package org.trialstats.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialstats.analysis.EvidenceAnalysis;
import org.trialstats.analysis.ResultRow;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Dataset;
import org.trialstats.evidence.Source;
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
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    for (ClaimResult c : analysis.claims()) {
      counts.merge(c.verdict(), 1, Integer::sum);
    }
    return counts;
  }

  // ---------------------------------------------------------------- CSV

  String resultsCsv() {
    return csv(
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
            "note"),
        p -> {
          for (ResultRow r : analysis.results()) {
            p.printRecord(
                text(r.figure()),
                text(r.endpoint()),
                text(r.subject()),
                r.measure().id(),
                r.method().id(),
                Numbers.full(r.estimate()),
                Numbers.full(r.lower()),
                Numbers.full(r.upper()),
                Numbers.full(r.level()),
                Numbers.full(r.pValue()),
                text(r.note()));
          }
        });
  }

  String claimsCsv() {
    return csv(
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
            "source"),
        p -> {
          for (ClaimResult c : analysis.claims()) {
            p.printRecord(
                text(c.claim().id()),
                text(c.claim().topic()),
                text(c.claim().statement()),
                text(c.claim().reported() == null ? "" : c.claim().reported().asReported()),
                c.claim().reported() == null ? "" : Numbers.full(c.claim().reported().value()),
                text(c.claim().reported() == null ? "" : c.claim().reported().unit()),
                Numbers.full(c.recomputed()),
                Numbers.full(c.difference()),
                c.verdict().label(),
                text(c.detail()),
                text(c.claim().sourceId()));
          }
        });
  }

  String sensitivityCsv() {
    return csv(
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
            "primary"),
        p -> {
          for (EvidenceAnalysis.SensitivityRow s : analysis.sensitivity()) {
            p.printRecord(
                text(s.comparison()),
                s.events1(),
                s.n1(),
                s.events2(),
                s.n2(),
                Numbers.full(s.estimate()),
                Numbers.full(s.lower()),
                Numbers.full(s.upper()),
                EvidenceAnalysis.RD_METHOD.id(),
                Numbers.full(analysis.level()),
                s.primary());
          }
        });
  }

  private interface Rows {
    void print(CSVPrinter p) throws IOException;
  }

  private static String csv(List<String> header, Rows rows) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      p.printRecord(header);
      rows.print(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String text(String s) {
    return Escape.csvText(s);
  }

  // ---------------------------------------------------------------- shared content

  private String levelText() {
    return Numbers.significant(analysis.level() * 100, 6) + "%";
  }

  /**
   * Formats an estimate for reading: proportions and differences to 4 decimals, ratios to 4
   * significant digits.
   */
  static String value(Measure measure, double x) {
    return switch (measure) {
      case PROPORTION, RD -> Numbers.fixed(x, 4);
      case NNT -> Numbers.fixed(x, 1);
      case TEST -> Numbers.significant(x, 5);
      case RR, OR, RATE, RATE_RATIO, RATE_DIFF, SIR -> Numbers.significant(x, 4);
    };
  }

  private static String estimateText(ResultRow r) {
    if (r.measure() == Measure.TEST) {
      return Double.isNaN(r.estimate()) ? "" : "statistic " + value(Measure.TEST, r.estimate());
    }
    return value(r.measure(), r.estimate());
  }

  private static String intervalText(ResultRow r) {
    if (r.measure() == Measure.TEST || Double.isNaN(r.lower())) {
      return "";
    }
    return value(r.measure(), r.lower()) + " to " + value(r.measure(), r.upper());
  }

  private static String pText(ResultRow r) {
    return Double.isNaN(r.pValue()) ? "" : Numbers.pValue(r.pValue());
  }

  private String summary() {
    Map<Verdict, Integer> counts = verdictCounts();
    return analysis.claims().size()
        + " reported figures checked: "
        + counts.get(Verdict.REPRODUCED)
        + " reproduced, "
        + counts.get(Verdict.DISCREPANCY)
        + " discrepancies, "
        + counts.get(Verdict.NOT_CHECKABLE)
        + " not checkable.";
  }

  private String arms(Comparison c) {
    return c.treatment().label() + " vs " + c.control().label();
  }

  // ---------------------------------------------------------------- Markdown

  String markdown() {
    Dataset d = analysis.dataset();
    StringBuilder b = new StringBuilder();
    b.append("# ").append(Escape.markdown(d.title())).append("\n\n");
    b.append(Escape.markdown(d.description())).append("\n\n");
    b.append("**")
        .append(summary())
        .append("** All intervals are two-sided ")
        .append(levelText())
        .append(" confidence intervals.\n\n");

    b.append("## Claim checks\n\n");
    b.append("| claim | reported | recomputed | verdict | detail | source |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (ClaimResult c : analysis.claims()) {
      b.append("| ")
          .append(Escape.markdown(c.claim().statement()))
          .append(" | ")
          .append(
              Escape.markdown(
                  c.claim().reported() == null ? "" : c.claim().reported().asReported()))
          .append(" | ")
          .append(Escape.markdown(c.recomputedText()))
          .append(" | **")
          .append(c.verdict().label())
          .append("** | ")
          .append(Escape.markdown(c.detail()))
          .append(" | ")
          .append(Escape.markdown(c.claim().sourceId()))
          .append(" |\n");
    }

    b.append("\n## Two-arm comparisons\n");
    for (Comparison c : d.comparisons()) {
      b.append("\n### ").append(Escape.markdown(c.endpoint()));
      if (c.timepoint() != null && !c.timepoint().isBlank()) {
        b.append(" (").append(Escape.markdown(c.timepoint())).append(")");
      }
      b.append("\n\n")
          .append(Escape.markdown(arms(c)))
          .append(". Source: ")
          .append(Escape.markdown(c.sourceId()))
          .append(".");
      if (c.note() != null && !c.note().isBlank()) {
        b.append(" ").append(Escape.markdown(c.note()));
      }
      b.append("\n\n| subject | measure | method | estimate | ")
          .append(levelText())
          .append(" CI | p-value | note |\n|---|---|---|---|---|---|---|\n");
      for (ResultRow r : analysis.results()) {
        if (r.figure().equals(c.id())) {
          b.append("| ")
              .append(Escape.markdown(r.subject()))
              .append(" | ")
              .append(r.measure().id())
              .append(" | ")
              .append(r.method().id())
              .append(" | ")
              .append(estimateText(r))
              .append(" | ")
              .append(intervalText(r))
              .append(" | ")
              .append(pText(r))
              .append(" | ")
              .append(Escape.markdown(r.note()))
              .append(" |\n");
        }
      }
    }
    if (!analysis.sensitivity().isEmpty()) {
      b.append("\n## Counts derived from rounded percentages\n\n")
          .append(sensitivityIntro())
          .append("\n\n")
          .append("| comparison | treatment | control | risk difference | ")
          .append(levelText())
          .append(" CI (Newcombe) | used above |\n|---|---|---|---|---|---|\n");
      for (EvidenceAnalysis.SensitivityRow s : analysis.sensitivity()) {
        b.append("| ")
            .append(Escape.markdown(s.comparison()))
            .append(" | ")
            .append(s.events1())
            .append("/")
            .append(s.n1())
            .append(" | ")
            .append(s.events2())
            .append("/")
            .append(s.n2())
            .append(" | ")
            .append(Numbers.fixed(s.estimate(), 4))
            .append(" | ")
            .append(Numbers.fixed(s.lower(), 4))
            .append(" to ")
            .append(Numbers.fixed(s.upper(), 4))
            .append(" | ")
            .append(s.primary() ? "yes" : "")
            .append(" |\n");
      }
    }
    if (!d.rates().isEmpty() || !d.sirs().isEmpty()) {
      b.append("\n## Rates and standardised incidence ratios\n\n")
          .append("| figure | subject | measure | method | estimate | ")
          .append(levelText())
          .append(" CI | p-value |\n|---|---|---|---|---|---|---|\n");
      for (ResultRow r : analysis.results()) {
        if (r.measure() == Measure.RATE || r.measure() == Measure.SIR) {
          b.append("| ")
              .append(Escape.markdown(r.endpoint()))
              .append(" | ")
              .append(Escape.markdown(r.subject()))
              .append(" | ")
              .append(r.measure().id())
              .append(" | ")
              .append(r.method().id())
              .append(" | ")
              .append(estimateText(r))
              .append(" | ")
              .append(intervalText(r))
              .append(" | ")
              .append(pText(r))
              .append(" |\n");
        }
      }
    }
    b.append("\n## Charts\n\n");
    for (EvidenceCharts.Chart chart : charts.keySet()) {
      String name = chart.fileName();
      b.append("![")
          .append(chart.caption(analysis.level()))
          .append("](")
          .append(name)
          .append(".png)\n\n")
          .append("*")
          .append(chart.caption(analysis.level()))
          .append("* (also as [SVG](")
          .append(name)
          .append(".svg))\n\n");
    }
    b.append("## Methods\n\n");
    for (StatMethod m : analysis.methodsUsed()) {
      MethodInfo i = m.info();
      b.append("- **")
          .append(m.measure().id())
          .append(" `")
          .append(m.id())
          .append("`: ")
          .append(Escape.markdown(i.name()))
          .append("**. ")
          .append(Escape.markdown(i.formula()))
          .append(" Reference: ")
          .append(Escape.markdown(i.reference()))
          .append("\n");
    }
    b.append("\n## Sources\n\n");
    for (Source s : d.sources()) {
      b.append("- `")
          .append(Escape.markdown(s.id()))
          .append("`: ")
          .append(Escape.markdown(s.citation()))
          .append(" (")
          .append(Escape.markdown(s.document()))
          .append(", ")
          .append(Escape.markdown(s.section()))
          .append(")\n");
    }
    b.append("\n## Provenance\n\n")
        .append("- Tool: trialstats ")
        .append(version)
        .append("\n")
        .append("- Dataset: `")
        .append(Escape.markdown(d.id()))
        .append("`\n")
        .append("- Confidence level: ")
        .append(levelText())
        .append("\n")
        .append("- Inputs (SHA-256):\n");
    for (InputFile f : d.inputFiles()) {
      b.append("  - `")
          .append(Escape.markdown(f.path()))
          .append("` ")
          .append(f.bytes())
          .append(" bytes, `")
          .append(f.sha256())
          .append("`\n");
    }
    return b.toString();
  }

  private String sensitivityIntro() {
    return "Where only a percentage and a denominator were published, several whole counts"
        + " round to the reported percentage. The main results use the nearest count; this"
        + " table shows the risk difference for every compatible combination.";
  }

  // ---------------------------------------------------------------- HTML

  /** The HTML report, with each chart's already rendered SVG inlined. */
  String html(Map<EvidenceCharts.Chart, String> svgs) {
    Dataset d = analysis.dataset();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Escape.html(d.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
    b.append("<h1>").append(Escape.html(d.title())).append("</h1>\n");
    b.append("<p>").append(Escape.html(d.description())).append("</p>\n");
    b.append("<p class=\"summary\">")
        .append(Escape.html(summary()))
        .append(" All intervals are two-sided ")
        .append(levelText())
        .append(" confidence intervals.</p>\n");

    b.append("<h2 id=\"claims\">Claim checks</h2>\n<table>\n<thead><tr><th>claim</th>")
        .append("<th>reported</th><th>recomputed</th><th>verdict</th><th>detail</th>")
        .append("<th>source</th></tr></thead>\n<tbody>\n");
    for (ClaimResult c : analysis.claims()) {
      String cls =
          switch (c.verdict()) {
            case REPRODUCED -> "ok";
            case DISCREPANCY -> "bad";
            case NOT_CHECKABLE -> "na";
          };
      b.append("<tr><td>")
          .append(Escape.html(c.claim().statement()))
          .append("</td><td>")
          .append(
              Escape.html(c.claim().reported() == null ? "" : c.claim().reported().asReported()))
          .append("</td><td>")
          .append(Escape.html(c.recomputedText()))
          .append("</td><td><span class=\"verdict ")
          .append(cls)
          .append("\">")
          .append(c.verdict().label())
          .append("</span></td><td>")
          .append(Escape.html(c.detail()))
          .append("</td><td>")
          .append(Escape.html(c.claim().sourceId()))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");

    b.append("<h2 id=\"comparisons\">Two-arm comparisons</h2>\n");
    for (Comparison c : d.comparisons()) {
      b.append("<h3>").append(Escape.html(c.endpoint()));
      if (c.timepoint() != null && !c.timepoint().isBlank()) {
        b.append(" (").append(Escape.html(c.timepoint())).append(")");
      }
      b.append("</h3>\n<p>")
          .append(Escape.html(arms(c)))
          .append(". Source: <code>")
          .append(Escape.html(c.sourceId()))
          .append("</code>.");
      if (c.note() != null && !c.note().isBlank()) {
        b.append(" ").append(Escape.html(c.note()));
      }
      b.append("</p>\n<table>\n<thead><tr><th>subject</th><th>measure</th><th>method</th>")
          .append("<th>estimate</th><th>")
          .append(levelText())
          .append(" CI</th><th>p-value</th><th>note</th></tr></thead>\n<tbody>\n");
      for (ResultRow r : analysis.results()) {
        if (r.figure().equals(c.id())) {
          b.append("<tr><td>")
              .append(Escape.html(r.subject()))
              .append("</td><td>")
              .append(r.measure().id())
              .append("</td><td>")
              .append(r.method().id())
              .append("</td><td class=\"num\">")
              .append(estimateText(r))
              .append("</td><td class=\"num\">")
              .append(intervalText(r))
              .append("</td><td class=\"num\">")
              .append(pText(r))
              .append("</td><td>")
              .append(Escape.html(r.note()))
              .append("</td></tr>\n");
        }
      }
      b.append("</tbody>\n</table>\n");
    }
    if (!analysis.sensitivity().isEmpty()) {
      b.append("<h2 id=\"sensitivity\">Counts derived from rounded percentages</h2>\n<p>")
          .append(Escape.html(sensitivityIntro()))
          .append("</p>\n<table>\n<thead><tr>")
          .append("<th>comparison</th><th>treatment</th><th>control</th><th>risk difference</th>")
          .append("<th>")
          .append(levelText())
          .append(" CI (Newcombe)</th><th>used above</th>")
          .append("</tr></thead>\n<tbody>\n");
      for (EvidenceAnalysis.SensitivityRow s : analysis.sensitivity()) {
        b.append("<tr")
            .append(s.primary() ? " class=\"primary\"" : "")
            .append("><td>")
            .append(Escape.html(s.comparison()))
            .append("</td><td class=\"num\">")
            .append(s.events1())
            .append("/")
            .append(s.n1())
            .append("</td><td class=\"num\">")
            .append(s.events2())
            .append("/")
            .append(s.n2())
            .append("</td><td class=\"num\">")
            .append(Numbers.fixed(s.estimate(), 4))
            .append("</td><td class=\"num\">")
            .append(Numbers.fixed(s.lower(), 4))
            .append(" to ")
            .append(Numbers.fixed(s.upper(), 4))
            .append("</td><td>")
            .append(s.primary() ? "yes" : "")
            .append("</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n");
    }
    if (!d.rates().isEmpty() || !d.sirs().isEmpty()) {
      b.append("<h2 id=\"rates\">Rates and standardised incidence ratios</h2>\n<table>\n")
          .append("<thead><tr><th>figure</th><th>subject</th><th>measure</th><th>method</th>")
          .append("<th>estimate</th><th>")
          .append(levelText())
          .append(" CI</th><th>p-value</th></tr></thead>\n<tbody>\n");
      for (ResultRow r : analysis.results()) {
        if (r.measure() == Measure.RATE || r.measure() == Measure.SIR) {
          b.append("<tr><td>")
              .append(Escape.html(r.endpoint()))
              .append("</td><td>")
              .append(Escape.html(r.subject()))
              .append("</td><td>")
              .append(r.measure().id())
              .append("</td><td>")
              .append(r.method().id())
              .append("</td><td class=\"num\">")
              .append(estimateText(r))
              .append("</td><td class=\"num\">")
              .append(intervalText(r))
              .append("</td><td class=\"num\">")
              .append(pText(r))
              .append("</td></tr>\n");
        }
      }
      b.append("</tbody>\n</table>\n");
    }
    b.append("<h2 id=\"charts\">Charts</h2>\n");
    for (Map.Entry<EvidenceCharts.Chart, String> chart : svgs.entrySet()) {
      String name = chart.getKey().fileName();
      b.append("<figure id=\"chart-")
          .append(name)
          .append("\">\n")
          .append(inlineSvg(name, chart.getValue()))
          .append("<figcaption>")
          .append(Escape.html(chart.getKey().caption(analysis.level())))
          .append(" Files: <a href=\"")
          .append(name)
          .append(".png\">PNG</a>, <a href=\"")
          .append(name)
          .append(".svg\">SVG</a>.</figcaption>\n</figure>\n");
    }
    b.append("<h2 id=\"methods\">Methods</h2>\n<dl>\n");
    for (StatMethod m : analysis.methodsUsed()) {
      MethodInfo i = m.info();
      b.append("<dt>")
          .append(m.measure().id())
          .append(" <code>")
          .append(m.id())
          .append("</code>: ")
          .append(Escape.html(i.name()))
          .append("</dt>\n<dd>")
          .append(Escape.html(i.formula()))
          .append("<br>Reference: ")
          .append(Escape.html(i.reference()))
          .append("</dd>\n");
    }
    b.append("</dl>\n<h2 id=\"sources\">Sources</h2>\n<ul>\n");
    for (Source s : d.sources()) {
      b.append("<li><code>")
          .append(Escape.html(s.id()))
          .append("</code>: ")
          .append(Escape.html(s.citation()))
          .append(" (")
          .append(Escape.html(s.document()))
          .append(", ")
          .append(Escape.html(s.section()))
          .append(")</li>\n");
    }
    b.append("</ul>\n<h2 id=\"provenance\">Provenance</h2>\n<ul class=\"provenance\">\n")
        .append("<li>Tool: trialstats ")
        .append(Escape.html(version))
        .append("</li>\n")
        .append("<li>Dataset: <code>")
        .append(Escape.html(d.id()))
        .append("</code></li>\n")
        .append("<li>Confidence level: ")
        .append(levelText())
        .append("</li>\n")
        .append("<li>Inputs (SHA-256):<ul>\n");
    for (InputFile f : d.inputFiles()) {
      b.append("<li><code>")
          .append(Escape.html(f.path()))
          .append("</code> ")
          .append(f.bytes())
          .append(" bytes, <code>")
          .append(f.sha256())
          .append("</code></li>\n");
    }
    b.append("</ul></li>\n</ul>\n</main>\n</body>\n</html>\n");
    return b.toString();
  }

  /** The SVG without its XML prolog, with ids made unique within the HTML page. */
  static String inlineSvg(String name, String svg) {
    int start = svg.indexOf("<svg");
    String body = start < 0 ? svg : svg.substring(start);
    return body.replaceAll("\\bclip(\\d+)", name + "-clip$1")
            .replaceFirst("<svg", "<svg role=\"img\" aria-label=\"" + Escape.html(name) + "\"")
        + "\n";
  }

  private static final String STYLE =
      String.join(
          "\n",
          "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 14px; color: #111;"
              + " margin: 0; background: #fff; }",
          "main { max-width: 1100px; margin: 0 auto; padding: 24px; }",
          "h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 32px;"
              + " border-bottom: 1px solid #ccc; } h3 { font-size: 16px; }",
          "table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }",
          "th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align:"
              + " left; }",
          "th { background: #f2f2f2; } td.num { text-align: right; white-space: nowrap; }",
          "tr.primary { background: #eef5fb; }",
          ".verdict { font-weight: bold; padding: 1px 6px; border-radius: 3px; white-space: nowrap;"
              + " }",
          ".verdict.ok { background: #dff0d8; } .verdict.bad { background: #f8d7da; }"
              + " .verdict.na { background: #eee; }",
          ".summary { font-weight: bold; }",
          "figure { margin: 16px 0; } figure svg { max-width: 100%; height: auto; }",
          "figcaption { font-size: 13px; color: #333; }",
          "code { font-size: 12px; }",
          "");
}
