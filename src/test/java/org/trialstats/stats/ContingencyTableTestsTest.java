package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstats.testing.ReferenceCsv.number;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.testing.ReferenceCsv;

/** Pearson chi-square and Fisher's exact test for r x c tables. */
class ContingencyTableTestsTest {

  @Test
  void agrestiJobSatisfactionFisher() {
    // Agresti A. Categorical Data Analysis, 2nd ed. (2002), Table 2.8 (income by job
    // satisfaction, 4 x 4, n = 104): Fisher's exact test P = 0.78 (also R's ?fisher.test:
    // p-value = 0.7827).
    ContingencyTable job =
        ContingencyTable.of(
            new int[][] {{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}});
    assertThat(FisherExactRxC.pValue(job)).isCloseTo(0.7827, within(5e-5));
    // Pearson's X^2 = 5.97 on 9 df, P = 0.74 (same source).
    ChiSquareResult chi = PearsonChiSquare.test(job);
    assertThat(chi.statistic()).isCloseTo(5.97, within(0.005));
    assertThat(chi.degreesOfFreedom()).isEqualTo(9);
    assertThat(chi.pValue()).isCloseTo(0.74, within(0.005));
  }

  @Test
  void agrestiPartyIdentificationChiSquare() {
    // Agresti A. An Introduction to Categorical Data Analysis, 2nd ed. (2007), Table 2.5:
    // gender by party identification (Democrat, Independent, Republican); X^2 = 30.1, df = 2,
    // P < 0.001.
    ContingencyTable party = ContingencyTable.of(new int[][] {{762, 327, 468}, {484, 239, 477}});
    ChiSquareResult chi = PearsonChiSquare.test(party);
    assertThat(chi.statistic()).isCloseTo(30.1, within(0.05));
    assertThat(chi.degreesOfFreedom()).isEqualTo(2);
    assertThat(chi.pValue()).isLessThan(0.001);
  }

  @Test
  void zeroMarginsAreIgnored() {
    // {{2, 0}, {0, 3}} after dropping the empty row: the tables with these margins have
    // probabilities 1/10, 6/10 and 3/10 (x11 = 2, 1, 0), so p = P(observed) = 0.1.
    ContingencyTable sparse = ContingencyTable.of(new int[][] {{2, 0}, {0, 3}, {0, 0}});
    assertThat(FisherExactRxC.pValue(sparse)).isCloseTo(0.1, within(1e-14));
  }

  static Stream<Arguments> rFixture() {
    return ReferenceCsv.read("/org/trialstats/stats/fixtures/rxc_tests.csv").stream()
        .map(r -> Arguments.of(r.get("table"), r));
  }

  /** rxc_tests.R: R 4.2 chisq.test(correct = FALSE) and fisher.test (88 tables). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rFixture")
  void matchesR(String name, Map<String, String> r) {
    ContingencyTable table = parse(name);
    double fisher = FisherExactRxC.pValue(table);
    // Agreement to 1e-7 relative (absolute below 1e-12): FEXACT and the network here sum the
    // tail in different orders and both merge paths of equal probability within a tolerance;
    // 87 of the 88 tables agree to 1e-9, one 3 x 5 table of 254 subjects to 1e-8.
    assertThat(fisher)
        .isCloseTo(
            number(r.get("fisher_p")), within(Math.max(1e-12, 1e-7 * number(r.get("fisher_p")))));
    double chisq = number(r.get("chisq"));
    if (!Double.isNaN(chisq)) {
      ChiSquareResult c = PearsonChiSquare.test(table);
      assertThat(c.statistic()).isCloseTo(chisq, within(1e-10 * Math.max(1, chisq)));
      assertThat(c.degreesOfFreedom()).isEqualTo((int) number(r.get("df")));
      assertThat(c.pValue())
          .isCloseTo(
              number(r.get("chisq_p")), within(1e-10 * Math.max(1e-6, number(r.get("chisq_p")))));
    }
  }

  @Test
  void twoByTwoAgreesWithTheTwoByTwoFisher() {
    SplittableRandom random = new SplittableRandom(20261205);
    for (int i = 0; i < 200; i++) {
      int n1 = 1 + random.nextInt(60);
      int n2 = 1 + random.nextInt(60);
      int x1 = random.nextInt(n1 + 1);
      int x2 = random.nextInt(n2 + 1);
      if (x1 + x2 == 0 || x1 + x2 == n1 + n2) {
        continue;
      }
      double expected = TwoByTwoTest.FISHER.test(TwoByTwo.of(x1, n1, x2, n2)).pValue();
      double actual =
          FisherExactRxC.pValue(ContingencyTable.of(new int[][] {{x1, n1 - x1}, {x2, n2 - x2}}));
      assertThat(actual)
          .as("%d/%d vs %d/%d", x1, n1, x2, n2)
          .isCloseTo(expected, within(1e-12 + 1e-10 * expected));
    }
  }

  @Test
  void degenerateTablesAreErrors() {
    assertThatThrownBy(() -> FisherExactRxC.pValue(ContingencyTable.of(new int[][] {{3, 4}})))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("two non-empty rows");
    assertThatThrownBy(
            () -> PearsonChiSquare.test(ContingencyTable.of(new int[][] {{3, 0}, {4, 0}})))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("2 x 1");
    assertThatThrownBy(() -> ContingencyTable.of(new int[][] {{3, -1}, {4, 0}}))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> ContingencyTable.of(new int[][] {{3, 1}, {4}}))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("row 2");
  }

  private static ContingencyTable parse(String text) {
    return new ContingencyTable(
        Arrays.stream(text.split(";"))
            .map(row -> Arrays.stream(row.trim().split(" ")).mapToLong(Long::parseLong).toArray())
            .toArray(long[][]::new));
  }
}
