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

class RiskRatioMethodTest {

  @Test
  void koopman1984Example() {
    // Koopman PAR (1984) Biometrics 40:513-517: 36/40 vs 16/80, 95% interval 2.9396 to 7.1522
    Estimate e = RiskRatioMethod.KOOPMAN.interval(TwoByTwo.of(36, 40, 16, 80), 0.95);
    assertThat(e.estimate()).isCloseTo(4.5, within(1e-15));
    assertThat(e.lower()).isCloseTo(2.9396, within(5e-5));
    assertThat(e.upper()).isCloseTo(7.1522, within(5e-5));
  }

  @Test
  void fagerlandLydersenLaakeChapter4Examples() {
    // Fagerland MW, Lydersen S, Laake P. Statistical Analysis of Contingency Tables (CRC 2017),
    // ch. 4, 7/34 vs 1/34, as printed by the R package contingencytables
    // (tests/testthat/test-ch4.R): Katz 0.9096 to 53.8695, Koopman 1.2209 to 42.5757,
    // Miettinen-Nurminen 1.2086 to 43.0330, estimate 7.0000
    TwoByTwo table = TwoByTwo.of(7, 34, 1, 34);
    assertFourDecimals(RiskRatioMethod.KATZ.interval(table, 0.95), 7.0, 0.9096, 53.8695);
    assertFourDecimals(RiskRatioMethod.KOOPMAN.interval(table, 0.95), 7.0, 1.2209, 42.5757);
    assertFourDecimals(RiskRatioMethod.MN.interval(table, 0.95), 7.0, 1.2086, 43.0330);
  }

  private static void assertFourDecimals(Estimate e, double estimate, double lower, double upper) {
    assertThat(e.estimate()).isCloseTo(estimate, within(5e-5));
    assertThat(e.lower()).isCloseTo(lower, within(5e-5));
    assertThat(e.upper()).isCloseTo(upper, within(5e-5));
  }

  @Test
  void acr20ReferenceValues() {
    // Reference values (R 4.2.2 / statsmodels 0.13.5): ACR20 95/250 vs 55/251: RR 1.734182, MN
    // score 95% (1.311966, 2.304767);
    // statsmodels 0.13.5 confint_proportions_2indep(95, 250, 55, 251, method="score",
    // compare="ratio", correction=True) -> (1.3119658693169785, 2.304766766862701)
    Estimate e = RiskRatioMethod.MN.interval(TwoByTwo.of(95, 250, 55, 251), 0.95);
    assertThat(e.estimate()).isCloseTo(1.734182, within(5e-7));
    assertRelative(e.lower(), 1.3119658693169785, 1e-9, "lower");
    assertRelative(e.upper(), 2.304766766862701, 1e-9, "upper");
    // Injection-site reactions 1235/1729 vs 204/729: RR 2.552521
    assertThat(RiskRatioMethod.KATZ.interval(TwoByTwo.of(1235, 1729, 204, 729), 0.95).estimate())
        .isCloseTo(2.552521, within(5e-7));
  }

  static Stream<Arguments> scoreFixture() {
    return RatioFixtures.read(RatioFixtures.FIXTURES + "score_intervals.csv").stream()
        .filter(r -> r.get("measure").equals("rr"))
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
   * score_intervals.py: statsmodels 0.13.5 (120 rows, 1e-6: its cubic-root solution is good to
   * about 4e-9 here) and 60-digit decimal evaluation of the formulas (zero cells, x = n, n = 1, n =
   * 10^9, levels 0.5/0.95/0.99/0.999; arms 10^6-fold apart and their swapped tables at levels
   * 0.9/0.99; 1e-8).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreFixture")
  void matchesScoreFixture(String name, CSVRecord r) {
    TwoByTwo table = RatioFixtures.table(r, "x1", "n1", "x2", "n2");
    Estimate e = RiskRatioMethod.fromId(r.get("method")).interval(table, number(r.get("level")));
    double tolerance = r.get("source").equals("decimal60") ? 1e-8 : 1e-6;
    assertRelative(e.lower(), number(r.get("lower")), tolerance, name + " lower");
    assertRelative(e.upper(), number(r.get("upper")), tolerance, name + " upper");
  }

  @Test
  void bothArmsFullHaveClosedFormScoreLimits() {
    // x1 = n1, x2 = n2: for theta < 1 the restricted MLE is (theta, 1) and Z = sqrt(n1 (1 -
    // theta) / (c theta)); for theta > 1 it is (1, 1/theta) and Z = -sqrt(n2 (theta - 1) / c).
    // Hence lower = 1 / (1 + c z^2 / n1), upper = 1 + c z^2 / n2.
    TwoByTwo table = TwoByTwo.of(10, 10, 20, 20);
    double z2 = Math.pow(ConfidenceLevel.z(0.95), 2);
    Estimate koopman = RiskRatioMethod.KOOPMAN.interval(table, 0.95);
    assertThat(koopman.lower()).isCloseTo(1 / (1 + z2 / 10), within(1e-13));
    assertThat(koopman.upper()).isCloseTo(1 + z2 / 20, within(1e-13));
    double c = 30.0 / 29;
    Estimate mn = RiskRatioMethod.MN.interval(table, 0.95);
    assertThat(mn.lower()).isCloseTo(1 / (1 + c * z2 / 10), within(1e-13));
    assertThat(mn.upper()).isCloseTo(1 + c * z2 / 20, within(1e-13));
    Estimate katz = RiskRatioMethod.KATZ.interval(table, 0.95);
    assertThat(katz.lower()).isEqualTo(1.0);
    assertThat(katz.upper()).isEqualTo(1.0);
  }

  @Test
  void zeroCellsGiveZeroOrInfiniteScoreLimits() {
    Estimate noTreatmentEvents = RiskRatioMethod.MN.interval(TwoByTwo.of(0, 10, 5, 20), 0.95);
    assertThat(noTreatmentEvents.estimate()).isZero();
    assertThat(noTreatmentEvents.lower()).isZero();
    // statsmodels 0.13.5 confint_proportions_2indep(0, 10, 5, 20, method="score",
    // compare="ratio", correction=True) -> upper 1.284944287801463
    assertRelative(noTreatmentEvents.upper(), 1.284944287801463, 1e-9, "upper");
    Estimate noControlEvents = RiskRatioMethod.KOOPMAN.interval(TwoByTwo.of(5, 20, 0, 10), 0.95);
    assertThat(noControlEvents.estimate()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(noControlEvents.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    // statsmodels ... (5, 20, 0, 10, ..., correction=False) -> lower 0.8021236994431056
    assertRelative(noControlEvents.lower(), 0.8021236994431056, 1e-9, "lower");
  }

  @Test
  void katzRefusesZeroEventsAndSuggestsScoreMethods() {
    assertThatThrownBy(() -> RiskRatioMethod.KATZ.interval(TwoByTwo.of(0, 10, 5, 20), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("koopman or mn");
    assertThatThrownBy(() -> RiskRatioMethod.KATZ.interval(TwoByTwo.of(5, 20, 0, 10), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("koopman or mn");
  }

  @Test
  void noEventsInEitherArmIsAnUndefinedEstimate() {
    for (RiskRatioMethod method : RiskRatioMethod.values()) {
      assertThatThrownBy(() -> method.interval(TwoByTwo.of(0, 10, 0, 20), 0.95))
          .isInstanceOf(StatsException.class)
          .hasMessageStartingWith("undefined estimate");
    }
  }

  @Test
  void invalidLevelIsRefused() {
    assertThatThrownBy(() -> RiskRatioMethod.MN.interval(TwoByTwo.of(1, 2, 1, 2), 1.0))
        .isInstanceOf(StatsException.class);
  }

  @Test
  void idsAndLookup() {
    assertThat(Stream.of(RiskRatioMethod.values()).map(RiskRatioMethod::id))
        .containsExactly("katz", "koopman", "mn", "exact-unconditional");
    for (RiskRatioMethod method : RiskRatioMethod.values()) {
      assertThat(RiskRatioMethod.fromId(" " + method.id().toUpperCase() + " ")).isSameAs(method);
      assertThat(method.measure()).isEqualTo(Measure.RR);
      assertThat(method.info().reference()).isNotBlank();
      assertThat(method.info().formula()).isNotBlank();
    }
    assertThatThrownBy(() -> RiskRatioMethod.fromId("wald"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("katz");
  }

  static Stream<Arguments> randomTables() {
    SplittableRandom random = new SplittableRandom(20240611);
    return Stream.generate(
            () -> {
              long n1 = 1 + random.nextLong(2000);
              long n2 = 1 + random.nextLong(2000);
              return Arguments.of(
                  TwoByTwo.of(1 + random.nextLong(n1), n1, 1 + random.nextLong(n2), n2),
                  0.5 + 0.499 * random.nextDouble());
            })
        .limit(200);
  }

  /**
   * Swapping the arms inverts the ratio: RR(2:1) limits are 1 / RR(1:2) limits, reversed. A method
   * with a size limit (the exact unconditional interval, milliseconds per table) must refuse the
   * tables above it, and is checked on every fifth table shrunk to arms of at most 20 (same
   * proportions, rounded).
   */
  @ParameterizedTest
  @MethodSource("randomTables")
  void swappingArmsInvertsTheInterval(TwoByTwo table, double level) {
    for (RiskRatioMethod method : RiskRatioMethod.values()) {
      TwoByTwo t = table;
      if (SizeLimits.limited(method)) {
        if (!method.accepts(table.n1(), table.n2())) {
          SizeLimits.assertRefused(method, () -> method.interval(table, level));
        }
        if ((table.n1() + table.n2()) % 5 != 0) {
          continue;
        }
        t = shrunk(table, 20);
      }
      Estimate forward = method.interval(t, level);
      Estimate backward = method.interval(t.swapped(), level);
      assertThat(forward.lower() * backward.upper()).as(method.id()).isCloseTo(1, within(1e-10));
      assertThat(forward.upper() * backward.lower()).as(method.id()).isCloseTo(1, within(1e-10));
      assertThat(forward.lower()).isLessThanOrEqualTo(forward.estimate());
      assertThat(forward.upper()).isGreaterThanOrEqualTo(forward.estimate());
    }
  }

  /** The table with arms of at most {@code arm} subjects and about the same proportions. */
  private static TwoByTwo shrunk(TwoByTwo t, long arm) {
    long n1 = Math.min(t.n1(), arm);
    long n2 = Math.min(t.n2(), arm);
    long x1 = Math.max(1, Math.round((double) t.x1() / t.n1() * n1));
    long x2 = Math.max(1, Math.round((double) t.x2() / t.n2() * n2));
    return TwoByTwo.of(x1, n1, x2, n2);
  }
}
