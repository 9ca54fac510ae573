package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.validation.StratifiedCases;

/**
 * The stratified methods against their references (fixtures and generating scripts in
 * src/main/resources/org/trialstats/validation/stratified/, shipped in the jar for {@code
 * validate}):
 *
 * <ul>
 *   <li>stratified_r.csv, R 4.2 mantelhaen.test and epiR 2.0 epi.2by2: CMH with and without
 *       continuity correction, MH odds ratio (RBG), risk ratio (GR), risk difference (Sato and GR),
 *       1e-9 relative (the same closed forms in double precision);
 *   <li>breslow_day_statsmodels.csv, statsmodels 0.13.5 (0.15.0 for the last 5 cases)
 *       StratifiedTable.test_equal_odds: Breslow-Day with and without Tarone's adjustment, 1e-9
 *       relative;
 *   <li>stratified_mpmath.csv, an independent 40-digit mpmath implementation: stratified
 *       Miettinen-Nurminen (MN and IV weights, RD/RR/OR), stratified Newcombe (CMH and
 *       Wilson-heuristic weights), the summary score estimate and the exact conditional interval,
 *       1e-9 relative.
 * </ul>
 *
 * The published examples (PROC FREQ's migraine example, Agresti's Chinese smoking data) are in
 * {@link StratifiedPublishedExamplesTest}.
 */
class StratifiedReferenceTest {
  private static final String DIR = "/org/trialstats/validation/stratified/";
  private static final double TOLERANCE = 1e-9;

  static StratifiedTables parse(String text) {
    return StratifiedTables.parse(text);
  }

  private static void close(String what, double expected, double actual, double tolerance) {
    assertThat(ReferenceCsv.close(expected, actual, tolerance))
        .as("%s: expected %s, got %s", what, expected, actual)
        .isTrue();
  }

  @Test
  void mantelHaenszelAndCmhAgreeWithRAndEpiR() {
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "stratified_r.csv")) {
      StratifiedTables tables = parse(row.get("strata"));
      double level = Double.parseDouble(row.get("level"));
      double expected = ReferenceCsv.number(row.get("value"));
      String quantity = row.get("quantity");
      double actual = StratifiedCases.quantity(tables, level, quantity);
      // p-values below 1e-300 underflow differently; they are 0 to within any tolerance.
      if (quantity.endsWith("_p") && expected < 1e-290) {
        assertThat(actual).as(row.toString()).isLessThan(1e-290);
      } else {
        close(row.toString(), expected, actual, TOLERANCE);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(700);
  }

  @Test
  void breslowDayAgreesWithStatsmodels() {
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "breslow_day_statsmodels.csv")) {
      StratifiedTables tables = parse(row.get("strata"));
      ChiSquareStatistic plain = StratifiedTest.BRESLOW_DAY.test(tables);
      ChiSquareStatistic tarone = StratifiedTest.BRESLOW_DAY_TARONE.test(tables);
      close(
          row + " statistic",
          ReferenceCsv.number(row.get("statistic")),
          plain.statistic(),
          TOLERANCE);
      assertThat(plain.df()).isEqualTo(Integer.parseInt(row.get("df")));
      close(row + " p", ReferenceCsv.number(row.get("p_value")), plain.pValue(), TOLERANCE);
      close(
          row + " tarone",
          ReferenceCsv.number(row.get("tarone_statistic")),
          tarone.statistic(),
          TOLERANCE);
      close(
          row + " tarone p",
          ReferenceCsv.number(row.get("tarone_p_value")),
          tarone.pValue(),
          TOLERANCE);
      checked++;
    }
    assertThat(checked).isEqualTo(34);
  }

  @Test
  void scoreNewcombeSummaryAndExactAgreeWithMpmath() {
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "stratified_mpmath.csv")) {
      StratifiedTables tables = parse(row.get("strata"));
      Measure measure = Measure.fromId(row.get("measure"));
      StratifiedMethod method = StratifiedMethod.find(measure, row.get("method"));
      Estimate e = method.interval(tables, Double.parseDouble(row.get("level")));
      close(row + " estimate", ReferenceCsv.number(row.get("estimate")), e.estimate(), TOLERANCE);
      close(row + " lower", ReferenceCsv.number(row.get("lower")), e.lower(), TOLERANCE);
      close(row + " upper", ReferenceCsv.number(row.get("upper")), e.upper(), TOLERANCE);
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }
}
