package org.trialstats.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.trialstats.adam.AdaeSpec;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.Condition;
import org.trialstats.adam.EstimateCell;
import org.trialstats.adam.RowLevel;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.StatMethod;

/**
 * Lays an {@link AeTable} out as clinical-study-report tables: the incidence table (n (%) per arm
 * with N in the column headers, risk differences and optional risk ratios against the control arm)
 * and, when the table has them, the exposure-adjusted incidence rate table. Footnotes state the
 * counting rule, the event selection, every method with its reference, the exposure definition, the
 * rounding rule and the data source.
 */
public final class AeTableLayout {
  /** Printed for a comparison the method could not estimate. */
  public static final String NOT_ESTIMABLE = "NE";

  private final AeTable table;
  private final AeReportStyle style;
  private final String level;

  /** The layout of {@code table} with the presentation choices of {@code style}. */
  public AeTableLayout(AeTable table, AeReportStyle style) {
    this.table = table;
    this.style = style;
    this.level = percentOf(table.spec().level()) + "%";
  }

  /** The tables of the report: incidence, then exposure-adjusted rates if computed. */
  public List<ReportTable> tables() {
    List<ReportTable> tables = new ArrayList<>();
    tables.add(incidence());
    if (table.hasRates()) {
      tables.add(rates());
    }
    return tables;
  }

  /** The title of the incidence table. */
  public String title() {
    if (style.title() != null && !style.title().isBlank()) {
      return style.title();
    }
    AdaeSpec spec = table.events().spec();
    String title =
        (spec.emergentFlag() != null ? "Treatment-emergent adverse events" : "Adverse events")
            + " by system organ class and preferred term";
    if (!spec.conditions().isEmpty()) {
      title +=
          " ("
              + spec.conditions().stream()
                  .map(Condition::toString)
                  .collect(Collectors.joining("; "))
              + ")";
    }
    return title;
  }

  /**
   * The incidence table: n (%) per arm (with {@code [events]} and a Total column when the style
   * asks for them), then per treatment arm the risk difference (and ratio), the stratified risk
   * difference and Fisher's exact p-value, each when the table has it.
   */
  public ReportTable incidence() {
    List<String> headers = new ArrayList<>();
    headers.add("System organ class\nPreferred term");
    long[] n = table.population().armSizes();
    String countHeader = style.events() ? "n (%) [E]" : "n (%)";
    for (int a = 0; a < table.arms().size(); a++) {
      headers.add(table.arms().get(a) + "\n(N=" + n[a] + ")\n" + countHeader);
    }
    if (style.total()) {
      headers.add("Total\n(N=" + java.util.Arrays.stream(n).sum() + ")\n" + countHeader);
    }
    boolean fisher = table.spec().fisher();
    boolean stratified = table.spec().stratified() != null;
    for (String arm : table.treatmentArms()) {
      String versus = arm + " − " + table.controlArm();
      if (style.riskDifferences()) {
        headers.add(versus + "\nRisk difference, % (" + level + " CI)");
      }
      if (table.hasRiskRatios()) {
        headers.add(arm + " / " + table.controlArm() + "\nRisk ratio (" + level + " CI)");
      }
      if (stratified) {
        headers.add(
            versus
                + "\nRisk difference stratified by "
                + table.strataVariable()
                + ", % ("
                + level
                + " CI)");
      }
      if (fisher) {
        headers.add(arm + " vs " + table.controlArm() + "\nFisher's exact p");
      }
    }
    Set<String> notEstimable = new LinkedHashSet<>();
    List<ReportTable.Row> rows = new ArrayList<>();
    for (AeRow row : table.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(label(row));
      for (ArmCount count : row.arms()) {
        cells.add(count(count.subjects(), count.n(), count.events()));
      }
      if (style.total()) {
        cells.add(
            count(
                row.arms().stream().mapToLong(ArmCount::subjects).sum(),
                row.arms().stream().mapToLong(ArmCount::n).sum(),
                row.arms().stream().mapToLong(ArmCount::events).sum()));
      }
      for (ArmComparison c : row.comparisons()) {
        if (style.riskDifferences()) {
          cells.add(interval(c.riskDifference(), 100, style.differenceDecimals(), notEstimable));
        }
        if (table.hasRiskRatios()) {
          cells.add(interval(c.riskRatio(), 1, style.ratioDecimals(), notEstimable));
        }
        if (stratified) {
          cells.add(
              interval(
                  c.stratifiedRiskDifference(), 100, style.differenceDecimals(), notEstimable));
        }
        if (fisher) {
          cells.add(style.pValues().format(c.fisher().pValue()));
        }
      }
      rows.add(row(row, cells));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "N = number of subjects in the arm ("
            + table.population().description()
            + "); n = number of subjects with at least one "
            + eventWords()
            + " in the row, each subject counted once per row however many events they had;"
            + " % = 100 × n / N"
            + (style.events() ? "; [E] = number of events (records) in the row" : "")
            + ".");
    if (style.total()) {
      notes.add("Total = all arms together.");
    }
    notes.addAll(selectionNotes());
    if (style.riskDifferences()) {
      notes.add(
          "Risk difference = treatment minus "
              + table.controlArm()
              + " in percentage points, with "
              + level
              + " confidence interval by the "
              + methodText(table.spec().riskDifference())
              + ".");
    }
    if (table.hasRiskRatios()) {
      notes.add(
          "Risk ratio = treatment / "
              + table.controlArm()
              + ", with "
              + level
              + " confidence interval by the "
              + methodText(table.spec().riskRatio())
              + ".");
    }
    if (stratified) {
      notes.add(
          "Stratified risk difference = common risk difference (treatment minus "
              + table.controlArm()
              + ", percentage points) over the strata of "
              + table.strataVariable()
              + " ("
              + String.join(", ", table.strataLevels())
              + "), with "
              + level
              + " confidence interval by the "
              + methodText(table.spec().stratified())
              + "; strata without subjects in one of the two arms are left out.");
    }
    if (fisher) {
      notes.add(
          "p = two-sided Fisher's exact test of each arm against "
              + table.controlArm()
              + " (2x2 table: subjects with and without the event), as R fisher.test and SAS"
              + " PROC FREQ; "
              + style.pValues().description()
              + ".");
    }
    notes.addAll(commonNotes(notEstimable));
    return page(new ReportTable(title(), subtitle(), headers, widths(headers, rows), rows, notes));
  }

  /** An arm's cell: {@code n (x.x)}, or {@code n (x.x%) [events]} with events; 0 alone. */
  private String count(long subjects, long n, long events) {
    String percent = style.fixed(100.0 * subjects / n, style.percentDecimals());
    if (style.events()) {
      return subjects == 0 ? "0" : subjects + " (" + percent + "%) [" + events + "]";
    }
    return subjects == 0 ? "0" : subjects + " (" + percent + ")";
  }

  /** {@code t} with the style's table number and font. */
  private ReportTable page(ReportTable t) {
    return t.withPage(style.tableNumber(), style.font());
  }

  /** The exposure-adjusted incidence rate table. */
  public ReportTable rates() {
    if (!table.hasRates()) {
      throw new IllegalStateException("the table has no exposure-adjusted rates");
    }
    List<String> headers = new ArrayList<>();
    headers.add("System organ class\nPreferred term");
    long[] n = table.population().armSizes();
    for (int a = 0; a < table.arms().size(); a++) {
      headers.add(table.arms().get(a) + "\n(N=" + n[a] + ")\nn / PY");
      headers.add(table.arms().get(a) + "\nEAIR (" + level + " CI)");
    }
    for (String arm : table.treatmentArms()) {
      headers.add(arm + " / " + table.controlArm() + "\nRate ratio (" + level + " CI)");
    }
    Set<String> notEstimable = new LinkedHashSet<>();
    List<ReportTable.Row> rows = new ArrayList<>();
    for (AeRow row : table.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(label(row));
      for (ArmCount count : row.arms()) {
        cells.add(
            count.subjects() + " / " + style.fixed(count.exposureYears(), style.rateDecimals()));
        cells.add(interval(count.rate(), 1, style.rateDecimals(), notEstimable));
      }
      for (ArmComparison c : row.comparisons()) {
        cells.add(interval(c.rateRatio(), 1, style.ratioDecimals(), notEstimable));
      }
      rows.add(row(row, cells));
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "N = number of subjects in the arm ("
            + table.population().description()
            + "); n = number of subjects with at least one "
            + eventWords()
            + " in the row.");
    notes.add(
        "EAIR = exposure-adjusted incidence rate: n per 100 patient-years (PY) at risk,"
            + " 1 PY = 365.25 days; "
            + table.spec().exposure().description()
            + (table.population().exposureSource().isEmpty()
                ? ""
                : " (" + table.population().exposureSource() + ")")
            + ". "
            + level
            + " confidence interval by the "
            + methodText(table.spec().rate())
            + ".");
    notes.add(
        "Rate ratio = EAIR of the treatment arm / EAIR of "
            + table.controlArm()
            + ", with "
            + level
            + " confidence interval by the "
            + methodText(table.spec().rateRatio())
            + ".");
    notes.addAll(selectionNotes());
    notes.addAll(commonNotes(notEstimable));
    return page(
        new ReportTable(
            "Exposure-adjusted incidence rates: " + lowerFirst(title()),
            subtitle(),
            headers,
            widths(headers, rows),
            rows,
            notes));
  }

  /** Longest unbreakable content per column in the style's font (label column capped at 200 pt). */
  private List<Double> widths(List<String> headers, List<ReportTable.Row> rows) {
    return ReportTable.contentWidths(headers, rows, style.font(), 200);
  }

  /** A confidence level such as 0.95 as a percentage without trailing zeros: "95". */
  static String percentOf(double level) {
    return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /** A number in its shortest plain decimal form: 5, 2.5. */
  static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private String subtitle() {
    return table.population().description();
  }

  private String label(AeRow row) {
    if (row.level() == RowLevel.ANY) {
      return overallLabel();
    }
    return row.name();
  }

  /**
   * The label of the first row: the style's, else "Any" and the event words qualified by the
   * filters: AESER = Y gives "serious", a single AESEV or AETOXGR value its own word (e.g.
   * "severe"); other filters are appended in parentheses.
   */
  public String overallLabel() {
    if (style.overallLabel() != null && !style.overallLabel().isBlank()) {
      return style.overallLabel();
    }
    List<String> qualifiers = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Condition c : table.events().spec().conditions()) {
      String variable = c.variable().toUpperCase(java.util.Locale.ROOT);
      boolean single = !c.negated() && c.values().size() == 1;
      if (single && variable.equals("AESER") && c.values().get(0).equalsIgnoreCase("Y")) {
        qualifiers.add("serious");
      } else if (single && variable.equals("AESEV")) {
        qualifiers.add(c.values().get(0).toLowerCase(java.util.Locale.ROOT));
      } else {
        others.add(c.toString());
      }
    }
    String label = "Any " + String.join(" ", qualifiers);
    label = (qualifiers.isEmpty() ? label : label + " ") + eventWords();
    return others.isEmpty() ? label : label + " (" + String.join("; ", others) + ")";
  }

  private static ReportTable.Row row(AeRow row, List<String> cells) {
    return new ReportTable.Row(
        row.level() == RowLevel.TERM ? 1 : 0, row.level() == RowLevel.SOC, cells);
  }

  private String eventWords() {
    return table.events().spec().emergentFlag() != null
        ? "treatment-emergent adverse event"
        : "adverse event";
  }

  private List<String> selectionNotes() {
    AdaeSpec spec = table.events().spec();
    List<String> notes = new ArrayList<>();
    String selection =
        spec.emergentFlag() != null
            ? "Treatment-emergent events: " + spec.emergentFlag() + " = Y"
            : "All ADAE records";
    if (!spec.conditions().isEmpty()) {
      selection +=
          "; restricted to "
              + spec.conditions().stream()
                  .map(Condition::toString)
                  .collect(Collectors.joining(" and "));
    }
    notes.add(
        selection
            + ". Rows: system organ class ("
            + spec.socVariable()
            + ") and preferred term ("
            + spec.termVariable()
            + "), "
            + orderText()
            + ".");
    if (table.spec().minPercent() > 0) {
      notes.add(
          "Preferred terms are shown when reported by at least "
              + plain(table.spec().minPercent())
              + "% of subjects in at least one arm; system organ class rows count all terms.");
    }
    return notes;
  }

  private String orderText() {
    return switch (table.spec().order()) {
      case FREQUENCY -> "both by descending number of subjects in the treatment arms together";
      case SOC_ALPHABETICAL ->
          "system organ classes alphabetically, preferred terms by"
              + " descending number of subjects in the treatment arms together";
      case ALPHABETICAL -> "both alphabetically";
      case ARM ->
          "both by descending number of subjects in " + table.orderArm() + ", then alphabetically";
    };
  }

  private List<String> commonNotes(Set<String> notEstimable) {
    List<String> notes = new ArrayList<>();
    if (!notEstimable.isEmpty()) {
      notes.add(NOT_ESTIMABLE + " = not estimable: " + String.join("; ", notEstimable) + ".");
    }
    notes.addAll(table.notes());
    notes.add("Numbers are " + style.roundingRule() + ".");
    notes.add(
        "Source: "
            + table.population().source()
            + " (ADSL), "
            + table.events().source()
            + " (ADAE); produced by trialstats ae-table."
            + (style.provenance().isEmpty() ? "" : " Provenance: " + style.provenance() + "."));
    return notes;
  }

  private String interval(EstimateCell cell, double scale, int decimals, Set<String> reasons) {
    if (cell == null) {
      return "";
    }
    if (!cell.estimable()) {
      reasons.add(cell.notEstimable());
      return NOT_ESTIMABLE;
    }
    Estimate e = cell.estimate();
    return style.fixed(e.estimate() * scale, decimals)
        + " ("
        + style.fixed(e.lower() * scale, decimals)
        + ", "
        + style.fixed(e.upper() * scale, decimals)
        + ")";
  }

  private static String methodText(StatMethod method) {
    String reference = method.info().reference();
    return method.info().name()
        + " method ("
        + method.id()
        + ")"
        + (reference == null || reference.isEmpty() ? "" : "; " + reference);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
