package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstats.stats.RatioFixtures.assertRelative;
import static org.trialstats.stats.RatioFixtures.number;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OddsRatioMethodTest {
  /** R's uniroot tolerance in fisher.test: .Machine$double.eps^0.25. */
  private static final double R_UNIROOT_TOLERANCE = Math.pow(2.220446049250313e-16, 0.25);

  @Test
  void fagerlandLydersenLaakeChapter4Examples() {
    // Fagerland MW, Lydersen S, Laake P. Statistical Analysis of Contingency Tables (CRC 2017),
    // ch. 4, as printed by the R package contingencytables (tests/testthat/test-ch4.R):
    // 9/13 vs 4/14: Miettinen-Nurminen 1.0934 to 28.9419. (The Cornfield interval printed
    // there for this table, 1.0226 to 31.5025, is not what the package's own
    // Cornfield_exact_conditional_CI_2x2 code returns for it, 0.8472153; R's fisher.test gives
    // 0.8472082 40.4465627, SciPy 0.8472152912644728 40.43737378974407; so it is not used.)
    TwoByTwo table = TwoByTwo.of(9, 13, 4, 14);
    Estimate mn = OddsRatioMethod.MN.interval(table, 0.95);
    assertThat(mn.estimate()).isCloseTo(5.625, within(1e-12));
    assertThat(mn.lower()).isCloseTo(1.0934, within(5e-5));
    assertThat(mn.upper()).isCloseTo(28.9419, within(5e-5));
    Estimate exact = OddsRatioMethod.EXACT_CONDITIONAL.interval(table, 0.95);
    // R 4.2.2: fisher.test(matrix(c(9, 4, 4, 10), 2, byrow = TRUE)) -> estimate
    // 5.23265061116484986, conf.int 0.84720817168713114 40.44656270811461951
    assertWithinRTolerance(exact.estimate(), 5.23265061116484986);
    assertWithinRTolerance(exact.lower(), 0.84720817168713114);
    assertWithinRTolerance(exact.upper(), 40.44656270811461951);
    // 3/4 vs 1/4 (tea tasting): Cornfield mid-p 0.3101 to 308.5568
    Estimate midP = OddsRatioMethod.MID_P.interval(TwoByTwo.of(3, 4, 1, 4), 0.95);
    assertThat(midP.lower()).isCloseTo(0.3101, within(5e-5));
    assertThat(midP.upper()).isCloseTo(308.5568, within(5e-5));
  }

  @Test
  void rFisherTestDocumentationExamples() {
    // R 4.2.2 ?fisher.test examples (R solves with uniroot to .Machine$double.eps^0.25 on the
    // scale t = OR when the value is below 1 and t = 1/OR above 1):
    // TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2); fisher.test(TeaTasting) ->
    // estimate 6.408308867005788, conf.int 0.211732915305503 621.933750545417297
    Estimate tea = OddsRatioMethod.EXACT_CONDITIONAL.interval(TwoByTwo.of(3, 4, 1, 4), 0.95);
    assertWithinRTolerance(tea.estimate(), 6.408308867005788);
    assertWithinRTolerance(tea.lower(), 0.211732915305503);
    assertWithinRTolerance(tea.upper(), 621.933750545417297);
    // SciPy 1.10.1 odds_ratio([[3, 1], [1, 3]], kind="conditional"): 6.408319658199662,
    // confidence_interval(0.95) -> 0.21173559544657966, 626.2435305888141
    assertRelative(tea.estimate(), 6.408319658199662, 1e-10, "tea estimate");
    assertRelative(tea.lower(), 0.21173559544657966, 1e-10, "tea lower");
    assertRelative(tea.upper(), 626.2435305888141, 1e-10, "tea upper");
    // Convictions <- matrix(c(2, 10, 15, 3), nrow = 2) (rows dizygotic, monozygotic):
    // fisher.test(Convictions) -> estimate 0.046936608827698907,
    // conf.int 0.003325764033859309 0.363182271474896567
    Estimate convictions =
        OddsRatioMethod.EXACT_CONDITIONAL.interval(TwoByTwo.of(2, 17, 10, 13), 0.95);
    assertWithinRTolerance(convictions.estimate(), 0.046936608827698907);
    assertWithinRTolerance(convictions.lower(), 0.003325764033859309);
    assertWithinRTolerance(convictions.upper(), 0.363182271474896567);
    // SciPy: odds_ratio([[2, 15], [10, 3]]) -> 0.04693663904968004, 0.003317163950657366,
    // 0.36318960235667996
    assertRelative(convictions.lower(), 0.003317163950657366, 1e-10, "convictions lower");
    assertRelative(convictions.upper(), 0.36318960235667996, 1e-10, "convictions upper");
  }

  private static void assertWithinRTolerance(double actual, double fromR) {
    if (fromR < 1) {
      assertThat(actual).isCloseTo(fromR, within(R_UNIROOT_TOLERANCE));
    } else {
      assertThat(1 / actual).isCloseTo(1 / fromR, within(R_UNIROOT_TOLERANCE));
    }
  }

  static Stream<Arguments> conditionalFixture() {
    return RatioFixtures.read(RatioFixtures.FIXTURES + "conditional_odds_ratio.csv").stream()
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
                        + " level "
                        + r.get("level")
                        + " ("
                        + r.get("source")
                        + ")",
                    r));
  }

  /**
   * conditional_odds_ratio.py: SciPy 1.10.1 odds_ratio(kind="conditional") (exact), mid-p from
   * nchypergeom_fisher + brentq, and a full-support numpy computation for n = 10^9 (212 rows).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("conditionalFixture")
  void matchesConditionalFixture(String name, CSVRecord r) {
    TwoByTwo table = RatioFixtures.table(r, "x1", "n1", "x2", "n2");
    Estimate e = OddsRatioMethod.fromId(r.get("method")).interval(table, number(r.get("level")));
    assertRelative(e.estimate(), number(r.get("estimate")), 1e-8, name + " estimate");
    assertRelative(e.lower(), number(r.get("lower")), 1e-8, name + " lower");
    assertRelative(e.upper(), number(r.get("upper")), 1e-8, name + " upper");
  }

  static Stream<Arguments> scoreFixture() {
    return RatioFixtures.read(RatioFixtures.FIXTURES + "score_intervals.csv").stream()
        .filter(r -> r.get("measure").equals("or"))
        .map(
            r ->
                Arguments.of(
                    r.get("x1")
                        + "/"
                        + r.get("n1")
                        + " vs "
                        + r.get("x2")
                        + "/"
                        + r.get("n2")
                        + " level "
                        + r.get("level")
                        + " ("
                        + r.get("source")
                        + ")",
                    r));
  }

  /** score_intervals.py: statsmodels 0.13.5 score OR (correction=True) and 60-digit decimal. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreFixture")
  void matchesScoreFixture(String name, CSVRecord r) {
    TwoByTwo table = RatioFixtures.table(r, "x1", "n1", "x2", "n2");
    Estimate e = OddsRatioMethod.MN.interval(table, number(r.get("level")));
    double tolerance = r.get("source").equals("decimal60") ? 1e-8 : 1e-6;
    assertRelative(e.lower(), number(r.get("lower")), tolerance, name + " lower");
    assertRelative(e.upper(), number(r.get("upper")), tolerance, name + " upper");
  }

  @Test
  void woolfHaldaneUsesTheCorrectedTableForTheEstimate() {
    // statsmodels 0.13.5 confint_proportions_2indep(95, 250, 55, 251, compare="odds-ratio",
    // method="logit-adjusted", alpha=0.1) -> 1.5647899248985653 3.0215449431489305; the shared
    // reference row or:woolf-haldane:13 gives estimate 2.1744155731293997 = 95.5*196.5 /
    // (155.5*55.5)
    Estimate e = OddsRatioMethod.WOOLF_HALDANE.interval(TwoByTwo.of(95, 250, 55, 251), 0.9);
    assertRelative(e.estimate(), 95.5 * 196.5 / (155.5 * 55.5), 1e-14, "estimate");
    assertRelative(e.lower(), 1.5647899248985653, 1e-12, "lower");
    assertRelative(e.upper(), 3.0215449431489305, 1e-12, "upper");
    Estimate noEvents = OddsRatioMethod.WOOLF_HALDANE.interval(TwoByTwo.of(0, 9, 0, 14), 0.95);
    // shared reference or:woolf-haldane:1283 -> 1.5263157894736843
    assertRelative(noEvents.estimate(), 0.5 * 14.5 / (9.5 * 0.5), 1e-14, "0/9 vs 0/14");
  }

  @Test
  void woolfRefusesZeroCells() {
    assertThatThrownBy(() -> OddsRatioMethod.WOOLF.interval(TwoByTwo.of(10, 10, 5, 20), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("zero cell")
        .hasMessageContaining("woolf-haldane");
  }

  @Test
  void degenerateMarginsAreUndefinedExceptForWoolfHaldane() {
    for (OddsRatioMethod method : OddsRatioMethod.values()) {
      if (method == OddsRatioMethod.WOOLF_HALDANE) {
        continue;
      }
      assertThatThrownBy(() -> method.interval(TwoByTwo.of(0, 10, 0, 20), 0.95))
          .isInstanceOf(StatsException.class)
          .hasMessageStartingWith("undefined estimate");
      assertThatThrownBy(() -> method.interval(TwoByTwo.of(10, 10, 20, 20), 0.95))
          .isInstanceOf(StatsException.class)
          .hasMessageStartingWith("undefined estimate");
    }
  }

  @Test
  void boundaryTablesGiveZeroOrInfiniteEstimatesAndLimits() {
    // SciPy odds_ratio([[0, 1], [1, 0]], kind="conditional") -> 0.0, interval (0, 39) at 0.95
    // (shared reference or:exact-conditional:180: 0.0, 0.0, 38.99999999999997)
    Estimate e = OddsRatioMethod.EXACT_CONDITIONAL.interval(TwoByTwo.of(0, 1, 1, 1), 0.95);
    assertThat(e.estimate()).isZero();
    assertThat(e.lower()).isZero();
    assertRelative(e.upper(), 39, 1e-12, "upper");
    // mid-p: P(X = 0; psi) / 2 = 0.025 with P(X = 0) = 1 / (1 + psi): psi = 19
    Estimate midP = OddsRatioMethod.MID_P.interval(TwoByTwo.of(0, 1, 1, 1), 0.95);
    assertRelative(midP.upper(), 19, 1e-12, "mid-p upper");
    Estimate infinite = OddsRatioMethod.MN.interval(TwoByTwo.of(10, 10, 5, 20), 0.95);
    assertThat(infinite.estimate()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(infinite.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(infinite.lower()).isGreaterThan(1);
  }

  @Test
  void idsAndLookup() {
    assertThat(Stream.of(OddsRatioMethod.values()).map(OddsRatioMethod::id))
        .containsExactly("woolf", "woolf-haldane", "mn", "exact-conditional", "mid-p");
    for (OddsRatioMethod method : OddsRatioMethod.values()) {
      assertThat(OddsRatioMethod.fromId(method.id().toUpperCase())).isSameAs(method);
      assertThat(method.measure()).isEqualTo(Measure.OR);
      assertThat(method.info().reference()).isNotBlank();
    }
    assertThatThrownBy(() -> OddsRatioMethod.fromId("exact"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("exact-conditional");
  }

  static Stream<Arguments> randomTables() {
    SplittableRandom random = new SplittableRandom(20240612);
    return Stream.generate(
            () -> {
              long n1 = 2 + random.nextLong(500);
              long n2 = 2 + random.nextLong(500);
              return Arguments.of(
                  TwoByTwo.of(1 + random.nextLong(n1 - 1), n1, 1 + random.nextLong(n2 - 1), n2),
                  0.5 + 0.499 * random.nextDouble());
            })
        .limit(150);
  }

  /**
   * Invariances of the odds ratio: swapping the arms or swapping events and non-events inverts it,
   * so the limits become the reciprocals of each other (all methods).
   */
  @ParameterizedTest
  @MethodSource("randomTables")
  void swappingArmsOrOutcomesInvertsTheInterval(TwoByTwo table, double level) {
    TwoByTwo complement =
        TwoByTwo.of(table.n1() - table.x1(), table.n1(), table.n2() - table.x2(), table.n2());
    for (OddsRatioMethod method : OddsRatioMethod.values()) {
      Estimate forward = method.interval(table, level);
      for (TwoByTwo mirrored : new TwoByTwo[] {table.swapped(), complement}) {
        Estimate backward = method.interval(mirrored, level);
        assertThat(forward.estimate() * backward.estimate()).isCloseTo(1, within(1e-9));
        assertThat(forward.lower() * backward.upper()).as(method.id()).isCloseTo(1, within(1e-9));
        assertThat(forward.upper() * backward.lower()).as(method.id()).isCloseTo(1, within(1e-9));
      }
      assertThat(forward.lower()).isLessThanOrEqualTo(forward.estimate());
      assertThat(forward.upper()).isGreaterThanOrEqualTo(forward.estimate());
    }
  }
}
