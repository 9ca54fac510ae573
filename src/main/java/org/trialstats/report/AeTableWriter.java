package org.trialstats.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.EstimateCell;
import org.trialstats.io.Escape;
import org.trialstats.io.Numbers;
import org.trialstats.stats.StatMethod;

/**
 * Text outputs of adverse-event tables: machine-readable CSV (unrounded numbers, one line per row
 * of the table), and HTML and Markdown renderings of the {@link ReportTable} layout.
 */
public final class AeTableWriter {
  private AeTableWriter() {}

  /**
   * CSV with one line per table row: {@code row_type} (any, soc, term), {@code soc}, {@code term};
   * per arm {@code <arm>:n}, {@code :N}, {@code :percent}, {@code :events} and, with rates, {@code
   * :exposure_years}, {@code :rate_per_100py}, {@code :rate_lower}, {@code :rate_upper}; per
   * treatment arm {@code <arm> vs <control>:rd}, {@code :rd_lower}, {@code :rd_upper} (risk
   * difference as a difference of proportions), optionally {@code :rr...}, {@code :rate_ratio...},
   * {@code :strat_rd...} (the stratified risk difference) and {@code :fisher_p}; then {@code
   * not_estimable} (reasons), {@code confidence_level} and the method ids. Numbers are unrounded
   * (shortest round-trip form); not-estimable values are empty.
   */
  public static String csv(AeTable table) {
    List<String> header = new ArrayList<>(List.of("row_type", "soc", "term"));
    for (String arm : table.arms()) {
      header.addAll(List.of(arm + ":n", arm + ":N", arm + ":percent", arm + ":events"));
      if (table.hasRates()) {
        header.addAll(
            List.of(
                arm + ":exposure_years",
                arm + ":rate_per_100py",
                arm + ":rate_lower",
                arm + ":rate_upper"));
      }
    }
    for (String arm : table.treatmentArms()) {
      String c = arm + " vs " + table.controlArm();
      header.addAll(List.of(c + ":rd", c + ":rd_lower", c + ":rd_upper"));
      if (table.hasRiskRatios()) {
        header.addAll(List.of(c + ":rr", c + ":rr_lower", c + ":rr_upper"));
      }
      if (table.hasRates()) {
        header.addAll(List.of(c + ":rate_ratio", c + ":rate_ratio_lower", c + ":rate_ratio_upper"));
      }
      if (table.spec().stratified() != null) {
        header.addAll(List.of(c + ":strat_rd", c + ":strat_rd_lower", c + ":strat_rd_upper"));
      }
      if (table.spec().fisher()) {
        header.add(c + ":fisher_p");
      }
    }
    header.addAll(
        List.of(
            "not_estimable",
            "confidence_level",
            "rd_method",
            "rr_method",
            "rate_method",
            "rate_ratio_method",
            "exposure"));
    if (table.spec().stratified() != null) {
      header.addAll(List.of("strata_variable", "strat_rd_method"));
    }

    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(header.stream().map(Escape::csvText).toList());
      for (AeRow row : table.rows()) {
        List<String> cells = new ArrayList<>();
        cells.add(row.level().name().toLowerCase(Locale.ROOT));
        cells.add(Escape.csvText(row.soc()));
        cells.add(Escape.csvText(row.term()));
        List<String> reasons = new ArrayList<>();
        for (ArmCount count : row.arms()) {
          cells.add(Long.toString(count.subjects()));
          cells.add(Long.toString(count.n()));
          cells.add(Numbers.full(count.percent()));
          cells.add(Long.toString(count.events()));
          if (table.hasRates()) {
            cells.add(Numbers.full(count.exposureYears()));
            addEstimate(cells, count.rate(), count.arm() + " rate", reasons);
          }
        }
        for (ArmComparison c : row.comparisons()) {
          String name = c.arm() + " vs " + table.controlArm();
          addEstimate(cells, c.riskDifference(), name + " rd", reasons);
          if (table.hasRiskRatios()) {
            addEstimate(cells, c.riskRatio(), name + " rr", reasons);
          }
          if (table.hasRates()) {
            addEstimate(cells, c.rateRatio(), name + " rate ratio", reasons);
          }
          if (c.stratifiedRiskDifference() != null) {
            addEstimate(cells, c.stratifiedRiskDifference(), name + " stratified rd", reasons);
          }
          if (c.fisher() != null) {
            cells.add(Numbers.full(c.fisher().pValue()));
          }
        }
        cells.add(Escape.csvText(String.join("; ", reasons)));
        cells.add(Numbers.full(table.spec().level()));
        cells.add(id(table.spec().riskDifference()));
        cells.add(id(table.spec().riskRatio()));
        cells.add(table.hasRates() ? id(table.spec().rate()) : "");
        cells.add(table.hasRates() ? id(table.spec().rateRatio()) : "");
        cells.add(table.spec().exposure().id());
        if (table.spec().stratified() != null) {
          cells.add(Escape.csvText(table.strataVariable()));
          cells.add(table.spec().stratified().id());
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String id(StatMethod method) {
    return method == null ? "" : method.id();
  }

  private static void addEstimate(
      List<String> cells, EstimateCell cell, String what, List<String> reasons) {
    if (cell.estimable()) {
      cells.add(Numbers.full(cell.estimate().estimate()));
      cells.add(Numbers.full(cell.estimate().lower()));
      cells.add(Numbers.full(cell.estimate().upper()));
    } else {
      cells.addAll(List.of("", "", ""));
      reasons.add(what + ": " + cell.notEstimable());
    }
  }

  /**
   * A standalone HTML page with the tables and their footnotes; a table's column groups are a first
   * header row of {@code colspan} cells.
   */
  public static String html(List<ReportTable> tables) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Escape.html(tables.get(0).title()))
        .append("</title>\n<style>\n")
        .append("body{font-family:\"Times New Roman\",Times,serif;font-size:10pt;margin:2em}\n")
        .append("h2{font-size:11pt;text-align:center;margin-bottom:0}\n")
        .append("p.population{text-align:center;margin-top:0.3em}\n")
        .append("table{border-collapse:collapse;margin:0.5em auto}\n")
        .append("th,td{padding:2px 8px;vertical-align:bottom}\n")
        .append(
            "thead th{font-weight:normal;text-align:center;border-top:1px solid #000;"
                + "border-bottom:1px solid #000}\n")
        .append("thead th:first-child,td:first-child{text-align:left}\n")
        .append("td{text-align:center;white-space:nowrap}\ntd.term{padding-left:1.5em}\n")
        .append("td:first-child{white-space:normal}\n")
        .append("tbody tr:last-child td{border-bottom:1px solid #000}\n")
        .append("ol.footnotes{font-size:9pt;max-width:60em;margin:0.5em auto}\n");
    if (tables.stream().anyMatch(t -> !t.groups().isEmpty())) {
      // a group row: the top rule over the whole row, a rule under each group label only
      b.append("thead tr.groups th{border-bottom:none}\n")
          .append("thead tr.groups th.group{border-bottom:1px solid #000}\n")
          .append("thead tr.groups+tr th{border-top:none}\n");
    }
    b.append("</style>\n</head>\n<body>\n");
    for (ReportTable t : tables) {
      b.append("<h2>").append(Escape.html(t.title())).append("</h2>\n");
      b.append("<p class=\"population\">").append(Escape.html(t.subtitle())).append("</p>\n");
      b.append("<table>\n<thead>\n");
      if (!t.groups().isEmpty()) {
        b.append("<tr class=\"groups\">");
        for (int c = 0; c < t.headers().size(); c++) {
          ReportTable.HeaderGroup g = t.groupOf(c);
          if (g == null) {
            b.append("<th></th>");
          } else {
            b.append("<th class=\"group\" colspan=\"")
                .append(g.span())
                .append("\">")
                .append(lines(g.label(), Escape::html, "<br>"))
                .append("</th>");
            c += g.span() - 1;
          }
        }
        b.append("</tr>\n");
      }
      b.append("<tr>");
      for (String h : t.headers()) {
        b.append("<th>").append(lines(h, Escape::html, "<br>")).append("</th>");
      }
      b.append("</tr>\n</thead>\n<tbody>\n");
      for (ReportTable.Row r : t.rows()) {
        b.append("<tr>");
        for (int i = 0; i < r.cells().size(); i++) {
          b.append(i == 0 && r.indent() > 0 ? "<td class=\"term\">" : "<td>")
              .append(Escape.html(r.cells().get(i)))
              .append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</tbody>\n</table>\n<ol class=\"footnotes\">\n");
      for (String f : t.footnotes()) {
        b.append("<li>").append(Escape.html(f)).append("</li>\n");
      }
      b.append("</ol>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  /**
   * GitHub-flavoured Markdown: a heading, a pipe table and numbered footnotes per table; a column
   * group's label is the first header line of each of its columns ({@link
   * ReportTable#foldedHeader}).
   */
  public static String markdown(List<ReportTable> tables) {
    StringBuilder b = new StringBuilder();
    for (ReportTable t : tables) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append("## ").append(Escape.markdown(t.title())).append("\n\n");
      b.append(Escape.markdown(t.subtitle())).append("\n\n|");
      for (int c = 0; c < t.headers().size(); c++) {
        // no spanning cells in GFM: a group's label is the first line of each of its columns
        b.append(' ').append(lines(t.foldedHeader(c), Escape::markdown, "<br>")).append(" |");
      }
      b.append("\n|");
      for (int i = 0; i < t.headers().size(); i++) {
        b.append(i == 0 ? " :--- |" : " :---: |");
      }
      b.append('\n');
      for (ReportTable.Row r : t.rows()) {
        b.append('|');
        for (int i = 0; i < r.cells().size(); i++) {
          b.append(' ')
              .append(i == 0 && r.indent() > 0 ? "&emsp;" : "")
              .append(Escape.markdown(r.cells().get(i)))
              .append(" |");
        }
        b.append('\n');
      }
      b.append('\n');
      int k = 1;
      for (String f : t.footnotes()) {
        b.append(k++).append(". ").append(Escape.markdown(f)).append('\n');
      }
    }
    return b.toString();
  }

  private static String lines(
      String text, java.util.function.UnaryOperator<String> escape, String separator) {
    return String.join(separator, text.lines().map(escape).toList());
  }
}
