package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstats.stats.RatioFixtures.assertPValue;
import static org.trialstats.stats.RatioFixtures.assertRelative;
import static org.trialstats.stats.RatioFixtures.number;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests of {@link TwoByTwoTest} (the enum of 2x2 tests). */
class TwoByTwoTestMethodTest {

  @Test
  void rFisherTestDocumentationExamples() {
    // R 4.2.2 ?fisher.test: TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2);
    // fisher.test(TeaTasting)$p.value -> 0.485714285714286 (= 34/70)
    TestResult tea = TwoByTwoTest.FISHER.test(TwoByTwo.of(3, 4, 1, 4));
    assertThat(tea.pValue()).isCloseTo(34.0 / 70, within(1e-15));
    assertThat(tea.statistic()).isNaN();
    // Convictions <- matrix(c(2, 10, 15, 3), nrow = 2); fisher.test(Convictions)$p.value ->
    // 0.000536724119143436
    assertRelative(
        TwoByTwoTest.FISHER.test(TwoByTwo.of(2, 17, 10, 13)).pValue(),
        0.000536724119143436,
        1e-12,
        "convictions");
  }

  @Test
  void acr20FisherPValue() {
    // Reference value: ACR20 95/250 vs 55/251, Fisher p 9.256e-05; R 4.2.2 fisher.test ->
    // 9.2559861707721528e-05 (chisq_fisher.csv)
    assertRelative(
        TwoByTwoTest.FISHER.test(TwoByTwo.of(95, 250, 55, 251)).pValue(),
        9.2559861707721528e-05,
        1e-10,
        "ACR20");
  }

  @Test
  void fagerlandLydersenLaakeChapter4Examples() {
    // Fagerland, Lydersen & Laake (2017) ch. 4, as printed by the R package contingencytables
    // (tests/testthat/test-ch4.R): 3/4 vs 1/4 Pearson chi-squared P = 0.15730, T = 2.000;
    // with continuity correction P = 0.47950, T = 0.500; 0/16 vs 15/72 Fisher P = 0.06287.
    TwoByTwo tea = TwoByTwo.of(3, 4, 1, 4);
    TestResult chisq = TwoByTwoTest.CHISQ.test(tea);
    assertThat(chisq.statistic()).isCloseTo(2.0, within(1e-14));
    assertThat(chisq.pValue()).isCloseTo(0.15730, within(5e-6));
    TestResult yates = TwoByTwoTest.CHISQ_YATES.test(tea);
    assertThat(yates.statistic()).isCloseTo(0.5, within(1e-14));
    assertThat(yates.pValue()).isCloseTo(0.47950, within(5e-6));
    assertThat(TwoByTwoTest.FISHER.test(TwoByTwo.of(0, 16, 15, 72)).pValue())
        .isCloseTo(0.06287, within(5e-6));
    // Their Suissa-Shuster exact unconditional test (pooled Z) prints P = 0.28916 for the tea
    // table with the Berger-Boos correction gamma = 0.0001 (the package default), i.e. the
    // supremum (reached inside the restricted range) plus 0.0001: 0.2890625 + 0.0001.
    double barnard = TwoByTwoTest.BARNARD.test(tea).pValue();
    assertThat(barnard + 0.0001).isCloseTo(0.28916, within(5e-6));
  }

  static Stream<Arguments> chisqFisherFixture() {
    return RatioFixtures.read(RatioFixtures.FIXTURES + "chisq_fisher.csv").stream()
        .map(
            r ->
                Arguments.of(
                    r.get("method")
                        + " "
                        + r.get("x1")
                        + "/"
                        + r.get("n1")
                        + " vs "
                        + r.get("x2")
                        + "/"
                        + r.get("n2"),
                    r));
  }

  /** chisq_fisher.R: R 4.2.2 chisq.test (correct = FALSE / TRUE) and fisher.test (225 rows). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("chisqFisherFixture")
  void matchesR(String name, CSVRecord r) {
    TwoByTwo table = RatioFixtures.table(r, "x1", "n1", "x2", "n2");
    TestResult e = TwoByTwoTest.fromId(r.get("method")).test(table);
    double statistic = number(r.get("statistic"));
    if (Double.isNaN(statistic)) {
      assertThat(e.statistic()).isNaN();
    } else {
      assertRelative(e.statistic(), statistic, 1e-10, name + " statistic");
    }
    assertPValue(e.pValue(), number(r.get("p_value")), 1e-9, name + " p");
  }

  static Stream<Arguments> unconditionalFixture() {
    return RatioFixtures.read(RatioFixtures.FIXTURES + "unconditional_tests.csv").stream()
        .map(
            r ->
                Arguments.of(
                    r.get("method")
                        + " "
                        + r.get("x1")
                        + "/"
                        + r.get("n1")
                        + " vs "
                        + r.get("x2")
                        + "/"
                        + r.get("n2")
                        + " ("
                        + r.get("source")
                        + ")",
                    r));
  }

  /**
   * unconditional_tests.py: SciPy 1.10.1 barnard_exact(pooled=True) and boschloo_exact with the
   * arms as SciPy's columns (124 rows); for Barnard tables whose |Z| ties SciPy decides in floating
   * point the region is decided exactly (source scipy-exact-ties), and where SciPy's 32-point shgo
   * search misses the maximum over the nuisance parameter the maximum of SciPy's own objective over
   * a fine grid is used (scipy-objective-grid). 1e-6 relative (the brief's 1e-3 allows for SciPy's
   * optimiser; trialstats and these rows agree to 2e-12).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unconditionalFixture")
  void matchesScipyUnconditionalTests(String name, CSVRecord r) {
    TwoByTwo table = RatioFixtures.table(r, "x1", "n1", "x2", "n2");
    TestResult e = TwoByTwoTest.fromId(r.get("method")).test(table);
    assertRelative(e.pValue(), number(r.get("p_value")), 1e-6, name);
  }

  @Test
  void barnardTiesAreDecidedExactly() {
    // 9/12 vs 1/8: Z^2 = 7.5 for the observed table and for 0/12 vs 4/8, which SciPy's floating
    // point comparison leaves out (barnard_exact([[9, 1], [3, 7]]) -> 0.006949418281112339);
    // with the tie included the supremum is 0.007011413574218745 (unconditional_tests.csv).
    assertRelative(
        TwoByTwoTest.BARNARD.test(TwoByTwo.of(9, 12, 1, 8)).pValue(),
        0.007011413574218745,
        1e-9,
        "tie included");
  }

  @Test
  void barnardFindsNarrowMaximaNearZero() {
    // 10/20 vs 300/1980: SciPy barnard_exact([[10, 300], [10, 1680]]).pvalue =
    // 0.0016627390597939143, but its 32-point search misses the maximum of its own objective,
    // 0.019487007859557568 near pi = 0.0015 (unconditional_tests.csv, scipy-objective-grid;
    // a 40002-point grid of P(R; pi) with scipy.stats.binom gives 0.01948700767 at 0.0014979).
    assertRelative(
        TwoByTwoTest.BARNARD.test(TwoByTwo.of(10, 20, 300, 1980)).pValue(),
        0.019487007859557568,
        1e-9,
        "unbalanced");
  }

  @Test
  void statistics() {
    // chisq 95/250 vs 55/251: R chisq.test(correct = FALSE)$statistic 15.453906016957808
    assertRelative(
        TwoByTwoTest.CHISQ.test(TwoByTwo.of(95, 250, 55, 251)).statistic(),
        15.453906016957808,
        1e-12,
        "chisq");
    // Barnard Z, arm 1 minus arm 2: SciPy barnard_exact([[3, 1], [1, 3]]).statistic =
    // 1.4142135623730951
    assertThat(TwoByTwoTest.BARNARD.test(TwoByTwo.of(3, 4, 1, 4)).statistic())
        .isCloseTo(Math.sqrt(2), within(1e-15));
    assertThat(TwoByTwoTest.BARNARD.test(TwoByTwo.of(1, 4, 3, 4)).statistic())
        .isCloseTo(-Math.sqrt(2), within(1e-15));
    // Boschloo: SciPy boschloo_exact([[3, 1], [1, 3]]).statistic = 0.24285714285714283, the
    // one-sided Fisher p-value P(X >= 3) = 17/70
    assertThat(TwoByTwoTest.BOSCHLOO.test(TwoByTwo.of(3, 4, 1, 4)).statistic())
        .isCloseTo(17.0 / 70, within(1e-15));
  }

  @Test
  void chiSquareRefusesAZeroMargin() {
    for (TwoByTwoTest test : new TwoByTwoTest[] {TwoByTwoTest.CHISQ, TwoByTwoTest.CHISQ_YATES}) {
      assertThatThrownBy(() -> test.test(TwoByTwo.of(0, 10, 0, 20)))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("undefined: a margin is zero");
      assertThatThrownBy(() -> test.test(TwoByTwo.of(10, 10, 20, 20)))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("undefined: a margin is zero");
    }
  }

  @Test
  void degenerateTablesHavePValueOne() {
    // SciPy 1.10.1: barnard_exact([[0, 0], [10, 20]]).pvalue = 1.0,
    // boschloo_exact([[0, 0], [10, 20]]).pvalue = 1.0; R fisher.test -> 1
    for (TwoByTwoTest test :
        new TwoByTwoTest[] {TwoByTwoTest.FISHER, TwoByTwoTest.BARNARD, TwoByTwoTest.BOSCHLOO}) {
      assertThat(test.test(TwoByTwo.of(0, 10, 0, 20)).pValue()).as(test.id()).isEqualTo(1.0);
      assertThat(test.test(TwoByTwo.of(10, 10, 20, 20)).pValue()).as(test.id()).isEqualTo(1.0);
    }
  }

  @Test
  void unconditionalTestsRefuseHugeTables() {
    TwoByTwo huge = TwoByTwo.of(500000, 1000000000L, 400000, 1000000000L);
    TwoByTwo unbalanced = TwoByTwo.of(1, 1, 3, 20000);
    for (TwoByTwoTest test : new TwoByTwoTest[] {TwoByTwoTest.BARNARD, TwoByTwoTest.BOSCHLOO}) {
      for (TwoByTwo table : new TwoByTwo[] {huge, unbalanced}) {
        assertThatThrownBy(() -> test.test(table))
            .isInstanceOf(StatsException.class)
            .hasMessageContaining("use chisq or fisher");
      }
    }
    // 1999 x 1999 = 3,996,001 tables is still accepted (at the limit of 4,000,000)
    TestResult large = TwoByTwoTest.BARNARD.test(TwoByTwo.of(1000, 1998, 900, 1998));
    assertThat(large.pValue()).isBetween(0.0, 1.0);
  }

  @Test
  void fisherIsExactAndFastForHugeTables() {
    // R 4.2.2: fisher.test(matrix(c(1000, 1500, 999999000, 999998500), 2))$p.value ->
    // 1.3325033962421428e-23 (chisq_fisher.csv)
    assertRelative(
        TwoByTwoTest.FISHER.test(TwoByTwo.of(1000, 1000000000L, 1500, 1000000000L)).pValue(),
        1.3325033962421428e-23,
        1e-9,
        "n = 1e9");
    // Support of 10^9 values around the mode (beyond R's memory): p close to the Yates
    // chi-square p-value, 0.6547... (normal approximation, agrees to about 1e-6)
    TwoByTwo balanced = TwoByTwo.of(500000000L, 1000000000L, 499990000L, 1000000000L);
    double fisher = TwoByTwoTest.FISHER.test(balanced).pValue();
    double yates = TwoByTwoTest.CHISQ_YATES.test(balanced).pValue();
    assertThat(fisher).isCloseTo(yates, within(1e-5));
  }

  @Test
  void idsAndLookup() {
    assertThat(Stream.of(TwoByTwoTest.values()).map(TwoByTwoTest::id))
        .containsExactly("chisq", "chisq-yates", "fisher", "barnard", "boschloo");
    for (TwoByTwoTest test : TwoByTwoTest.values()) {
      assertThat(TwoByTwoTest.fromId(test.id())).isSameAs(test);
      assertThat(test.measure()).isEqualTo(Measure.TEST);
      assertThat(test.info().reference()).isNotBlank();
    }
    assertThatThrownBy(() -> TwoByTwoTest.fromId("mcnemar")).isInstanceOf(StatsException.class);
  }

  static Stream<Arguments> randomTables() {
    SplittableRandom random = new SplittableRandom(20240613);
    return Stream.generate(
            () -> {
              long n1 = 1 + random.nextLong(40);
              long n2 = 1 + random.nextLong(40);
              return Arguments.of(
                  TwoByTwo.of(random.nextLong(n1 + 1), n1, random.nextLong(n2 + 1), n2));
            })
        .limit(100);
  }

  /** All tests are two-sided, so swapping the arms leaves the p-value unchanged. */
  @ParameterizedTest
  @MethodSource("randomTables")
  void swappingArmsKeepsThePValue(TwoByTwo table) {
    long m = table.x1() + table.x2();
    boolean zeroMargin = m == 0 || m == table.n1() + table.n2();
    for (TwoByTwoTest test : TwoByTwoTest.values()) {
      if (zeroMargin && (test == TwoByTwoTest.CHISQ || test == TwoByTwoTest.CHISQ_YATES)) {
        continue;
      }
      double p = test.test(table).pValue();
      assertThat(p).as(test.id()).isBetween(0.0, 1.0);
      assertThat(test.test(table.swapped()).pValue())
          .as(test.id())
          .isCloseTo(p, within(1e-12 + 1e-9 * p));
    }
  }
}
