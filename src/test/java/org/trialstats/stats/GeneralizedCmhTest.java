package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstats.testing.ReferenceCsv;

/**
 * The generalized Cochran-Mantel-Haenszel statistics against a published example and R
 * (fixtures/generalized_cmh.R: base mantelhaen.test for general association, an independent R
 * coding of Landis, Heyman &amp; Koch 1978 for row mean scores and correlation, itself checked for
 * one stratum against closed forms), relative tolerance 1e-9.
 */
class GeneralizedCmhTest {
  /**
   * Agresti, Categorical Data Analysis, 2nd ed. (Wiley 2002), chapter 7: job satisfaction (scores
   * 1, 3, 4, 5) by income (scores 3, 10, 20, 35 thousand dollars), stratified by gender. Published
   * (SAS PROC FREQ CMH): correlation 6.1563 (1 df, p = 0.0131), row mean scores 9.0342 (3 df, p =
   * 0.0288), general association 10.2001 (9 df, p = 0.3345).
   */
  @Test
  void agrestisJobSatisfactionExample() {
    List<ContingencyTable> strata =
        List.of(
            ContingencyTable.of(
                new int[][] {{1, 3, 11, 2}, {2, 3, 17, 3}, {0, 1, 8, 5}, {0, 2, 4, 2}}),
            ContingencyTable.of(
                new int[][] {{1, 1, 2, 1}, {0, 3, 5, 1}, {0, 0, 7, 3}, {0, 1, 9, 6}}));
    double[] income = {3, 10, 20, 35};
    double[] satisfaction = {1, 3, 4, 5};
    ChiSquareResult corr = GeneralizedCmh.CORRELATION.test(strata, income, satisfaction);
    assertThat(corr.statistic()).isCloseTo(6.1563, within(5e-5));
    assertThat(corr.degreesOfFreedom()).isEqualTo(1);
    assertThat(corr.pValue()).isCloseTo(0.0131, within(5e-5));
    ChiSquareResult rms = GeneralizedCmh.ROW_MEAN_SCORES.test(strata, income, satisfaction);
    assertThat(rms.statistic()).isCloseTo(9.0342, within(5e-5));
    assertThat(rms.degreesOfFreedom()).isEqualTo(3);
    assertThat(rms.pValue()).isCloseTo(0.0288, within(5e-5));
    ChiSquareResult general = GeneralizedCmh.GENERAL_ASSOCIATION.test(strata, income, satisfaction);
    assertThat(general.statistic()).isCloseTo(10.2001, within(5e-5));
    assertThat(general.degreesOfFreedom()).isEqualTo(9);
    assertThat(general.pValue()).isCloseTo(0.3345, within(5e-5));
  }

  @Test
  void everyFixtureCaseAgreesWithR() {
    int compared = 0;
    for (Map<String, String> row :
        ReferenceCsv.read("/org/trialstats/stats/fixtures/generalized_cmh.csv")) {
      int r = Integer.parseInt(row.get("rows"));
      int c = Integer.parseInt(row.get("columns"));
      List<ContingencyTable> strata = new ArrayList<>();
      for (String stratum : row.get("strata").split(";")) {
        long[] cells = Arrays.stream(stratum.split(" ")).mapToLong(Long::parseLong).toArray();
        long[][] t = new long[r][c];
        for (int i = 0; i < r; i++) {
          t[i] = Arrays.copyOfRange(cells, i * c, (i + 1) * c);
        }
        strata.add(new ContingencyTable(t));
      }
      GeneralizedCmh statistic =
          switch (row.get("statistic")) {
            case "general" -> GeneralizedCmh.GENERAL_ASSOCIATION;
            case "row_mean_scores" -> GeneralizedCmh.ROW_MEAN_SCORES;
            default -> GeneralizedCmh.CORRELATION;
          };
      ChiSquareResult result =
          statistic.test(strata, scores(row.get("row_scores")), scores(row.get("column_scores")));
      String what = "case " + row.get("case") + " " + row.get("statistic");
      double q = Double.parseDouble(row.get("q"));
      double p = Double.parseDouble(row.get("p"));
      assertThat(result.statistic()).as(what).isCloseTo(q, within(1e-9 * q));
      assertThat(result.pValue()).as(what).isCloseTo(p, within(1e-9 * p));
      assertThat(result.degreesOfFreedom()).as(what).isEqualTo(Integer.parseInt(row.get("df")));
      compared++;
    }
    assertThat(compared).isEqualTo(27);
  }

  @Test
  void twoByTwoStrataGiveTheMantelHaenszelTestWithoutCorrection() {
    List<ContingencyTable> strata =
        List.of(
            ContingencyTable.of(new int[][] {{10, 40}, {8, 42}}),
            ContingencyTable.of(new int[][] {{20, 40}, {15, 45}}));
    ChiSquareStatistic classic =
        CochranMantelHaenszel.test(
            StratifiedTables.of(new long[] {10, 50, 8, 50}, new long[] {20, 60, 15, 60}), false);
    assertThat(
            GeneralizedCmh.GENERAL_ASSOCIATION
                .test(strata, new double[] {1, 2}, new double[] {1, 2})
                .statistic())
        .isCloseTo(classic.statistic(), within(1e-12));
  }

  @Test
  void emptyRowsAreDroppedAndInvalidInputIsRefused() {
    List<ContingencyTable> withEmptyRow =
        List.of(
            ContingencyTable.of(new int[][] {{3, 5}, {0, 0}, {6, 2}}),
            ContingencyTable.of(new int[][] {{4, 4}, {0, 0}, {5, 1}}));
    List<ContingencyTable> without =
        List.of(
            ContingencyTable.of(new int[][] {{3, 5}, {6, 2}}),
            ContingencyTable.of(new int[][] {{4, 4}, {5, 1}}));
    double[] two = {1, 2};
    assertThat(
            GeneralizedCmh.GENERAL_ASSOCIATION
                .test(withEmptyRow, new double[] {1, 2, 3}, two)
                .statistic())
        .isCloseTo(
            GeneralizedCmh.GENERAL_ASSOCIATION.test(without, two, two).statistic(), within(1e-12));
    assertThatThrownBy(() -> GeneralizedCmh.GENERAL_ASSOCIATION.test(List.of(), two, two))
        .isInstanceOf(StatsException.class);
    assertThatThrownBy(
            () ->
                GeneralizedCmh.ROW_MEAN_SCORES.test(
                    List.of(ContingencyTable.of(new int[][] {{3, 5}, {6, 2}})),
                    two,
                    new double[] {1}))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("one value per row");
    assertThatThrownBy(
            () ->
                GeneralizedCmh.ROW_MEAN_SCORES.test(
                    List.of(ContingencyTable.of(new int[][] {{3, 5}, {6, 2}})),
                    two,
                    new double[] {4, 4}))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("singular");
  }

  private static double[] scores(String text) {
    return Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
  }
}
