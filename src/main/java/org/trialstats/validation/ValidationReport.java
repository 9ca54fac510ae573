package org.trialstats.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstats.io.Escape;
import org.trialstats.io.Numbers;

/**
 * Summary of a validation run per method: cases run, cases agreeing within tolerance, the largest
 * relative error, and the reference sources; plus every disagreeing case. Printed as text, Markdown
 * or HTML (the qualification evidence a team files).
 */
public final class ValidationReport {
  /** Per-method summary. */
  public record MethodSummary(
      String suite,
      String method,
      int cases,
      int agreeing,
      double maxDeviation,
      Set<String> sources) {}

  private final List<ValidationCase> cases;
  private final List<MethodSummary> summaries;
  private final String version;
  private final List<String> environment;

  /**
   * A report without a description of the environment (for tests).
   *
   * @param cases the cases run
   * @param version the trialstats version
   */
  public ValidationReport(List<ValidationCase> cases, String version) {
    this(cases, version, List.of());
  }

  /**
   * A report that records where the suite ran (qualification evidence).
   *
   * @param cases the cases run
   * @param version the trialstats version
   * @param environment lines {@code "name: value"} describing the Java runtime, the operating
   *     system and the jar that ran the suite, printed under the headline
   */
  public ValidationReport(List<ValidationCase> cases, String version, List<String> environment) {
    this.cases = List.copyOf(cases);
    this.version = version;
    this.environment = List.copyOf(environment);
    Map<String, List<ValidationCase>> byMethod = new LinkedHashMap<>();
    for (ValidationCase c : cases) {
      byMethod.computeIfAbsent(c.suite() + "\u0000" + c.method(), k -> new ArrayList<>()).add(c);
    }
    List<MethodSummary> list = new ArrayList<>();
    for (List<ValidationCase> group : byMethod.values()) {
      Set<String> sources = new LinkedHashSet<>();
      double max = 0;
      int agree = 0;
      for (ValidationCase c : group) {
        sources.add(c.source());
        if (c.agrees()) {
          agree++;
        }
        max = Math.max(max, c.deviation());
      }
      list.add(
          new MethodSummary(
              group.get(0).suite(), group.get(0).method(), group.size(), agree, max, sources));
    }
    this.summaries = List.copyOf(list);
  }

  public List<MethodSummary> summaries() {
    return summaries;
  }

  /** The cases that disagree with their reference. */
  public List<ValidationCase> failures() {
    return cases.stream().filter(c -> !c.agrees()).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  private static final String DEVIATION_NOTE =
      "Max deviation: relative error where the"
          + " tolerance is relative (independent implementations), absolute error where it is"
          + " absolute (examples printed to a fixed number of decimals).";

  private String headline() {
    long agreeing = cases.size() - failures().size();
    return String.format(
        Locale.ROOT,
        "trialstats %s validation: %d of %d cases agree within" + " tolerance: %s",
        version,
        agreeing,
        cases.size(),
        passed() ? "PASSED" : "FAILED");
  }

  public String text() {
    StringBuilder b = new StringBuilder(headline()).append("\n");
    environment.forEach(line -> b.append(line).append('\n'));
    b.append(DEVIATION_NOTE).append("\n\n");
    String fmt = "%-34s %7s %7s %14s%n";
    String suite = null;
    for (MethodSummary s : summaries) {
      if (!s.suite().equals(suite)) {
        suite = s.suite();
        b.append(suite).append('\n');
        b.append(String.format(Locale.ROOT, fmt, "  method", "cases", "agree", "max deviation"));
      }
      b.append(
          String.format(
              Locale.ROOT,
              fmt,
              "  " + s.method(),
              s.cases(),
              s.agreeing(),
              Numbers.significant(s.maxDeviation(), 2)));
    }
    b.append(failuresText());
    return b.toString();
  }

  private String failuresText() {
    List<ValidationCase> failures = failures();
    if (failures.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\nDisagreeing cases:\n");
    for (ValidationCase c : failures) {
      b.append("  ")
          .append(c.id())
          .append(' ')
          .append(c.quantity())
          .append(": expected ")
          .append(Numbers.full(c.expected()))
          .append(", got ")
          .append(Numbers.full(c.actual()))
          .append(c.error().isEmpty() ? "" : " (" + c.error() + ")")
          .append(" [")
          .append(c.source())
          .append("]\n");
    }
    return b.toString();
  }

  public String markdown() {
    StringBuilder b =
        new StringBuilder("# Validation report\n\n")
            .append(headline())
            .append("\n\n")
            .append(
                environment.stream()
                    .map(l -> "- " + Escape.markdown(l) + "\n")
                    .reduce("", String::concat))
            .append(environment.isEmpty() ? "" : "\n")
            .append(DEVIATION_NOTE)
            .append("\n\n| suite | method | cases | agree | max deviation | references |\n")
            .append("|---|---|---|---|---|---|\n");
    for (MethodSummary s : summaries) {
      b.append("| ")
          .append(Escape.markdown(s.suite()))
          .append(" | ")
          .append(s.method())
          .append(" | ")
          .append(s.cases())
          .append(" | ")
          .append(s.agreeing())
          .append(" | ")
          .append(Numbers.significant(s.maxDeviation(), 2))
          .append(" | ")
          .append(Escape.markdown(String.join("; ", s.sources())))
          .append(" |\n");
    }
    String failures = failuresText();
    if (!failures.isEmpty()) {
      b.append("\n```\n").append(failures.strip()).append("\n```\n");
    }
    return b.toString();
  }

  public String html() {
    StringBuilder b =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .append("<meta charset=\"utf-8\">\n<title>trialstats validation report</title>\n")
            .append("<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;")
            .append("margin:24px}table{border-collapse:collapse}th,td{border:1px solid #ccc;")
            .append("padding:3px 6px;text-align:left}td.num{text-align:right}")
            .append(".bad{background:#f8d7da}</style>\n</head>\n<body>\n")
            .append("<h1>Validation report</h1>\n<p><strong>")
            .append(Escape.html(headline()))
            .append("</strong></p>\n")
            .append(
                environment.isEmpty()
                    ? ""
                    : environment.stream()
                            .map(l -> "<li>" + Escape.html(l) + "</li>")
                            .reduce("<ul>", String::concat)
                        + "</ul>\n")
            .append("<p>")
            .append(DEVIATION_NOTE)
            .append("</p>\n<table>\n<thead><tr><th>suite</th><th>method</th><th>cases</th>")
            .append("<th>agree</th><th>max deviation</th><th>references</th></tr></thead>\n")
            .append("<tbody>\n");
    for (MethodSummary s : summaries) {
      b.append("<tr")
          .append(s.agreeing() < s.cases() ? " class=\"bad\"" : "")
          .append("><td>")
          .append(Escape.html(s.suite()))
          .append("</td><td>")
          .append(Escape.html(s.method()))
          .append("</td><td class=\"num\">")
          .append(s.cases())
          .append("</td><td class=\"num\">")
          .append(s.agreeing())
          .append("</td><td class=\"num\">")
          .append(Numbers.significant(s.maxDeviation(), 2))
          .append("</td><td>")
          .append(Escape.html(String.join("; ", s.sources())))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    String failures = failuresText();
    if (!failures.isEmpty()) {
      b.append("<pre>").append(Escape.html(failures)).append("</pre>\n");
    }
    return b.append("</body>\n</html>\n").toString();
  }
}
