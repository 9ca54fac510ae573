package org.trialstats.report;

import java.math.RoundingMode;
import java.util.Objects;
import org.trialstats.io.Numbers;
import org.trialstats.io.Provenance;
import org.trialstats.stats.Measure;

/**
 * Presentation choices of adverse-event outputs.
 *
 * @param title table title; {@code null} for the default built from the event selection
 * @param rounding rounding of printed numbers: {@link RoundingMode#HALF_UP} (half away from zero,
 *     as SAS's ROUND function and w.d formats) or {@link RoundingMode#HALF_EVEN}
 * @param percentDecimals decimals of percentages
 * @param differenceDecimals decimals of risk differences (in percentage points)
 * @param ratioDecimals decimals of risk and rate ratios
 * @param rateDecimals decimals of rates per 100 patient-years and of patient-years
 * @param paper landscape paper size for RTF and DOCX
 * @param plotMeasure {@link Measure#RD} (risk difference) or {@link Measure#RR} (risk ratio, log
 *     axis) in the right panel of the dot plot
 * @param plotMinPercent preferred terms in the dot plot: those reaching this percentage in at least
 *     one arm
 * @param provenance tool version and input hashes for the source footnote ({@link
 *     Provenance#line()}); empty to leave it out
 * @param overallLabel label of the first row (subjects with any selected event); {@code null} for
 *     one derived from the event selection (e.g. "Any serious treatment-emergent adverse event"
 *     with AESER = Y)
 * @param events whether cells show the number of events after n (%): {@code n (x.x%) [events]}
 * @param total whether a Total column (all arms together) follows the arms
 * @param riskDifferences whether the risk-difference columns are shown
 * @param pValues how Fisher's exact p-values are printed (when the table has them)
 * @param font font of RTF and DOCX tables: "Times New Roman" or "Courier New"
 * @param tableNumber table number printed above the title (e.g. "Table 14-5.01"); empty for none
 */
public record AeReportStyle(
    String title,
    RoundingMode rounding,
    int percentDecimals,
    int differenceDecimals,
    int ratioDecimals,
    int rateDecimals,
    ReportTable.Paper paper,
    Measure plotMeasure,
    double plotMinPercent,
    String provenance,
    String overallLabel,
    boolean events,
    boolean total,
    boolean riskDifferences,
    AePValueRule pValues,
    String font,
    String tableNumber) {

  /** The default font of RTF and DOCX tables. */
  public static final String TIMES = ReportTable.TIMES;

  /** The monospaced alternative, the other common choice for CSR tables. */
  public static final String COURIER = ReportTable.COURIER;

  public AeReportStyle {
    Objects.requireNonNull(rounding, "rounding");
    if (rounding != RoundingMode.HALF_UP && rounding != RoundingMode.HALF_EVEN) {
      throw new IllegalArgumentException("rounding must be half-up or half-even");
    }
    for (int d : new int[] {percentDecimals, differenceDecimals, ratioDecimals, rateDecimals}) {
      if (d < 0 || d > 10) {
        throw new IllegalArgumentException("decimals must be 0 to 10, got " + d);
      }
    }
    Objects.requireNonNull(paper, "paper");
    if (plotMeasure != Measure.RD && plotMeasure != Measure.RR) {
      throw new IllegalArgumentException("plot measure must be rd or rr, got " + plotMeasure);
    }
    provenance = provenance == null ? "" : provenance;
    Objects.requireNonNull(pValues, "pValues");
    if (!TIMES.equals(font) && !COURIER.equals(font)) {
      throw new IllegalArgumentException(
          "font must be " + TIMES + " or " + COURIER + ", got " + font);
    }
    tableNumber = tableNumber == null ? "" : tableNumber;
  }

  /** A style with the default columns (n (%), risk differences) and font. */
  public AeReportStyle(
      String title,
      RoundingMode rounding,
      int percentDecimals,
      int differenceDecimals,
      int ratioDecimals,
      int rateDecimals,
      ReportTable.Paper paper,
      Measure plotMeasure,
      double plotMinPercent,
      String provenance) {
    this(
        title,
        rounding,
        percentDecimals,
        differenceDecimals,
        ratioDecimals,
        rateDecimals,
        paper,
        plotMeasure,
        plotMinPercent,
        provenance,
        null,
        false,
        false,
        true,
        AePValueRule.defaults(),
        TIMES,
        "");
  }

  /** A style without a provenance line. */
  public AeReportStyle(
      String title,
      RoundingMode rounding,
      int percentDecimals,
      int differenceDecimals,
      int ratioDecimals,
      int rateDecimals,
      ReportTable.Paper paper,
      Measure plotMeasure,
      double plotMinPercent) {
    this(
        title,
        rounding,
        percentDecimals,
        differenceDecimals,
        ratioDecimals,
        rateDecimals,
        paper,
        plotMeasure,
        plotMinPercent,
        "");
  }

  /** This style with the given provenance line. */
  public AeReportStyle withProvenance(String line) {
    return new AeReportStyle(
        title,
        rounding,
        percentDecimals,
        differenceDecimals,
        ratioDecimals,
        rateDecimals,
        paper,
        plotMeasure,
        plotMinPercent,
        line,
        overallLabel,
        events,
        total,
        riskDifferences,
        pValues,
        font,
        tableNumber);
  }

  /**
   * This style with other table columns and labels.
   *
   * @param newOverallLabel label of the first row, {@code null} to derive it
   * @param withEvents show {@code [events]} after n (%)
   * @param withTotal add a Total column
   * @param withRiskDifferences show the risk-difference columns
   * @param rule how p-values are printed
   * @return the new style
   */
  public AeReportStyle withColumns(
      String newOverallLabel,
      boolean withEvents,
      boolean withTotal,
      boolean withRiskDifferences,
      AePValueRule rule) {
    return new AeReportStyle(
        title,
        rounding,
        percentDecimals,
        differenceDecimals,
        ratioDecimals,
        rateDecimals,
        paper,
        plotMeasure,
        plotMinPercent,
        provenance,
        newOverallLabel,
        withEvents,
        withTotal,
        withRiskDifferences,
        rule,
        font,
        tableNumber);
  }

  /** This style with {@code newFont} in RTF and DOCX and {@code number} above the title. */
  public AeReportStyle withPage(String newFont, String number) {
    return new AeReportStyle(
        title,
        rounding,
        percentDecimals,
        differenceDecimals,
        ratioDecimals,
        rateDecimals,
        paper,
        plotMeasure,
        plotMinPercent,
        provenance,
        overallLabel,
        events,
        total,
        riskDifferences,
        pValues,
        newFont,
        number);
  }

  /** Defaults: SAS rounding, 1 decimal for percentages/differences/rates, 2 for ratios. */
  public static AeReportStyle defaults() {
    return new AeReportStyle(
        null, RoundingMode.HALF_UP, 1, 1, 2, 1, ReportTable.Paper.LETTER, Measure.RD, 5);
  }

  /** The rounding rule in words, for footnotes. */
  public String roundingRule() {
    return rounding == RoundingMode.HALF_UP
        ? "rounded half away from zero (as SAS ROUND and w.d formats)"
        : "rounded half to even";
  }

  /** A number with {@code decimals} decimals under this style's rounding. */
  String fixed(double x, int decimals) {
    return Numbers.fixed(x, decimals, rounding);
  }
}
