package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Poisson method at the edges: counts 0, 1 and 10^9, exposures (and expected counts) 1e-9, 1
 * and 1e12, levels 0.5, 0.95 and 0.999. Each result must be ordered and inside the parameter space,
 * or a documented {@link StatsException}; closed-form limits are checked exactly.
 */
class PoissonEdgeCaseTest {
  private static final long[] COUNTS = {0, 1, 1_000_000_000L};
  private static final double[] EXPOSURES = {1e-9, 1, 1e12};
  private static final double[] LEVELS = {0.5, 0.95, 0.999};
  private static final double CLOSED_FORM_TOLERANCE = 1e-13;

  static Stream<Arguments> rateCases() {
    List<Arguments> cases = new ArrayList<>();
    for (RateMethod method : RateMethod.values()) {
      for (long x : COUNTS) {
        for (double exposure : EXPOSURES) {
          for (double level : LEVELS) {
            cases.add(Arguments.of(method, x, exposure, level));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} x={1} T={2} level={3}")
  @MethodSource("rateCases")
  void rateIntervalsAreOrderedAndNonNegative(
      RateMethod method, long x, double exposure, double level) {
    Estimate e = method.interval(new PoissonCount(x, exposure), level);
    assertThat(e.measure()).isEqualTo(Measure.RATE);
    assertThat(e.method()).isEqualTo(method.id());
    assertThat(e.level()).isEqualTo(level);
    assertThat(e.pValue()).isNaN();
    assertThat(e.estimate()).isEqualTo(x / exposure);
    assertThat(e.lower()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(e.estimate());
    assertThat(e.upper()).isGreaterThanOrEqualTo(e.estimate()).isFinite();
    if (x == 0) {
      assertThat(e.lower()).isZero();
    }
    if (method == RateMethod.WALD && x == 0) {
      assertThat(e.upper()).isZero();
      assertThat(e.note()).isEqualTo(RateMethod.ZERO_WIDTH_NOTE);
    } else {
      assertThat(e.upper()).isGreaterThan(e.lower());
      assertThat(e.note()).isEmpty();
    }
  }

  @ParameterizedTest(name = "level={0}")
  @ValueSource(doubles = {0.5, 0.95, 0.999})
  void zeroCountUpperLimitsHaveClosedForms(double level) {
    double alpha = 1 - level;
    double exposure = 1e-9;
    PoissonCount none = new PoissonCount(0, exposure);
    // exact: P(X = 0; U) = e^-U = alpha/2; mid-p: e^-U / 2 = alpha/2.
    assertRelative(RateMethod.EXACT.interval(none, level).upper(), -Math.log(alpha / 2) / exposure);
    assertRelative(RateMethod.MID_P.interval(none, level).upper(), -Math.log(alpha) / exposure);
    // Byar: upper = 1 * (1 - 1/9 + z/3)^3.
    double base = 1 - 1 / 9.0 + ConfidenceLevel.z(level) / 3;
    assertRelative(RateMethod.BYAR.interval(none, level).upper(), base * base * base / exposure);
  }

  @Test
  void byarLowerLimitIsClippedWhereTheCubedBaseIsNegative() {
    // x = 1, level 0.999: z = 3.2905, 1 - 1/9 - z/3 = -0.208 < 0, so the formula is negative.
    Estimate e = RateMethod.BYAR.interval(new PoissonCount(1, 1), 0.999);
    assertThat(e.lower()).isZero();
    assertThat(e.upper()).isGreaterThan(1);
  }

  static Stream<Arguments> sirCases() {
    List<Arguments> cases = new ArrayList<>();
    for (SirMethod method : SirMethod.values()) {
      for (long observed : COUNTS) {
        for (double expected : EXPOSURES) {
          for (double level : LEVELS) {
            cases.add(Arguments.of(method, observed, expected, level));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} O={1} E={2} level={3}")
  @MethodSource("sirCases")
  void sirIntervalsAndPValuesAreValid(
      SirMethod method, long observed, double expected, double level) {
    Estimate e = method.interval(observed, expected, level);
    assertThat(e.measure()).isEqualTo(Measure.SIR);
    assertThat(e.method()).isEqualTo(method.id());
    assertThat(e.estimate()).isEqualTo(observed / expected);
    assertThat(e.lower()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(e.estimate());
    assertThat(e.upper()).isGreaterThan(e.estimate()).isFinite();
    assertThat(e.pValue()).isBetween(0.0, 1.0);
    if (observed == 0) {
      assertThat(e.lower()).isZero();
    }
  }

  @Test
  void sirPValuesAtTheEdges() {
    // O = E exactly: R's poisson.test returns 1; the mid-p value is 1 - P(X = O) (doubling the
    // smaller half-tail); the Byar deviate at O = E points against any departure, so p = 1.
    assertThat(SirMethod.EXACT.interval(5, 5, 0.95).pValue()).isEqualTo(1.0);
    assertThat(SirMethod.BYAR.interval(5, 5, 0.95).pValue()).isEqualTo(1.0);
    // O = 0, E = 3: Byar chi = 3 (3^(1/3) - 1 + 1/9) = 1.660, p = 2 (1 - Phi(1.660)).
    double chi = 3 * (Math.cbrt(3) - 1 + 1 / 9.0);
    double p =
        2
            * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .survivalProbability(chi);
    assertRelative(SirMethod.BYAR.interval(0, 3, 0.95).pValue(), p);
    // O = 1e9 against E = 1: every p-value underflows to 0 (log P(X = 1e9; 1) = -1.97e10).
    for (SirMethod method : SirMethod.values()) {
      assertThat(method.interval(1_000_000_000L, 1, 0.95).pValue()).as("%s", method).isZero();
    }
  }

  static Stream<Arguments> ratioCases() {
    List<Arguments> cases = new ArrayList<>();
    double[] exposures = {1e-9, 1e12};
    for (RateRatioMethod method : RateRatioMethod.values()) {
      for (long x1 : COUNTS) {
        for (long x2 : COUNTS) {
          for (double t1 : exposures) {
            for (double t2 : exposures) {
              for (double level : LEVELS) {
                cases.add(Arguments.of(method, x1, t1, x2, t2, level));
              }
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4} level={5}")
  @MethodSource("ratioCases")
  void rateRatioIntervalsAreValidOrDocumentedErrors(
      RateRatioMethod method, long x1, double t1, long x2, double t2, double level) {
    PoissonCount treatment = new PoissonCount(x1, t1);
    PoissonCount control = new PoissonCount(x2, t2);
    if (x1 == 0 && x2 == 0) {
      assertThatThrownBy(() -> method.interval(treatment, control, level))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("no events in either arm");
      return;
    }
    if (method == RateRatioMethod.WALD && (x1 == 0 || x2 == 0)) {
      assertThatThrownBy(() -> method.interval(treatment, control, level))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("use exact-conditional");
      return;
    }
    Estimate e = method.interval(treatment, control, level);
    assertThat(e.measure()).isEqualTo(Measure.RATE_RATIO);
    assertThat(e.lower()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(e.estimate());
    assertThat(e.upper()).isGreaterThanOrEqualTo(e.estimate()).isGreaterThan(e.lower());
    if (x1 == 0) {
      assertThat(e.estimate()).isZero();
      assertThat(e.lower()).isZero();
      assertThat(e.upper()).isFinite();
    } else if (x2 == 0) {
      assertThat(e.estimate()).isInfinite();
      assertThat(e.upper()).isInfinite();
      assertThat(e.lower()).isPositive().isFinite();
    } else {
      assertThat(e.estimate()).isEqualTo((double) x1 / x2 * (t2 / t1));
      assertThat(e.lower()).isPositive();
      assertThat(e.upper()).isFinite();
    }
  }

  @ParameterizedTest(name = "level={0}")
  @ValueSource(doubles = {0.5, 0.95, 0.999})
  void zeroArmRatioLimitsHaveClosedForms(double level) {
    double alpha = 1 - level;
    long n = 1_000_000_000L;
    double t1 = 1e-9;
    double t2 = 1e12;
    PoissonCount many = new PoissonCount(n, t1);
    PoissonCount noneControl = new PoissonCount(0, t2);
    PoissonCount noneTreatment = new PoissonCount(0, t1);
    PoissonCount manyControl = new PoissonCount(n, t2);
    // x2 = 0: x1 | n = x1 is Binomial(n, p) with P(X = n) = p^n, so the exact lower limit is
    // p = (alpha/2)^(1/n) and the mid-p one p = alpha^(1/n); odds = 1/expm1(-log(tail)/n).
    assertRelative(
        RateRatioMethod.EXACT_CONDITIONAL.interval(many, noneControl, level).lower(),
        t2 / t1 / Math.expm1(-Math.log(alpha / 2) / n));
    assertRelative(
        RateRatioMethod.MID_P.interval(many, noneControl, level).lower(),
        t2 / t1 / Math.expm1(-Math.log(alpha) / n));
    // x1 = 0: P(X = 0) = (1 - p)^n, so the upper odds are expm1(-log(tail)/n).
    assertRelative(
        RateRatioMethod.EXACT_CONDITIONAL.interval(noneTreatment, manyControl, level).upper(),
        Math.expm1(-Math.log(alpha / 2) / n) * t2 / t1);
    assertRelative(
        RateRatioMethod.MID_P.interval(noneTreatment, manyControl, level).upper(),
        Math.expm1(-Math.log(alpha) / n) * t2 / t1);
  }

  static Stream<Arguments> differenceCases() {
    List<Arguments> cases = new ArrayList<>();
    for (long x1 : COUNTS) {
      for (long x2 : COUNTS) {
        for (double t1 : EXPOSURES) {
          for (double t2 : EXPOSURES) {
            for (double level : LEVELS) {
              cases.add(Arguments.of(x1, t1, x2, t2, level));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3} level={4}")
  @MethodSource("differenceCases")
  void rateDifferenceIntervalsAreOrdered(long x1, double t1, long x2, double t2, double level) {
    Estimate e =
        RateDifferenceMethod.WALD.interval(
            new PoissonCount(x1, t1), new PoissonCount(x2, t2), level);
    assertThat(e.measure()).isEqualTo(Measure.RATE_DIFF);
    assertThat(e.estimate()).isEqualTo(x1 / t1 - x2 / t2);
    assertThat(e.lower()).isLessThanOrEqualTo(e.estimate()).isFinite();
    assertThat(e.upper()).isGreaterThanOrEqualTo(e.estimate()).isFinite();
    if (x1 == 0 && x2 == 0) {
      assertThat(e.lower()).isZero();
      assertThat(e.upper()).isZero();
      assertThat(e.note()).isEqualTo(RateDifferenceMethod.ZERO_WIDTH_NOTE);
    } else {
      assertThat(e.upper()).isGreaterThan(e.lower());
      assertThat(e.note()).isEmpty();
    }
  }

  @Test
  void countsUpTo1e10AreAcceptedByTheExactMethodsAndLargerOnesRejected() {
    long max = PoissonLimits.MAX_EXACT_EVENTS;
    for (double level : LEVELS) {
      for (RateMethod method : RateMethod.values()) {
        Estimate e = method.interval(new PoissonCount(max, 1), level);
        assertThat(e.lower()).isLessThan(1e10).isGreaterThan(0.999e10);
        assertThat(e.upper()).isGreaterThan(1e10).isLessThan(1.001e10);
      }
      for (RateRatioMethod method : RateRatioMethod.values()) {
        Estimate e = method.interval(new PoissonCount(max, 1), new PoissonCount(max, 1), level);
        assertThat(e.lower()).isLessThan(1).isGreaterThan(0.999);
        assertThat(e.upper()).isGreaterThan(1).isLessThan(1.001);
        Estimate skewed = method.interval(new PoissonCount(max, 1), new PoissonCount(1, 1), level);
        assertThat(skewed.lower()).isLessThan(skewed.estimate());
        assertThat(skewed.upper()).isGreaterThan(skewed.estimate());
      }
      assertThat(SirMethod.EXACT.interval(max, max - 200_000, level).pValue()).isBetween(0.0, 1.0);
      assertThat(SirMethod.MID_P.interval(max, max + 200_000, level).pValue()).isBetween(0.0, 1.0);
    }
    PoissonCount tooMany = new PoissonCount(max + 1, 1);
    assertThatThrownBy(() -> RateMethod.EXACT.interval(tooMany, 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("use byar or wald");
    assertThatThrownBy(() -> RateMethod.MID_P.interval(tooMany, 0.95))
        .isInstanceOf(StatsException.class);
    assertThatThrownBy(() -> SirMethod.EXACT.interval(max + 1, 1, 0.95))
        .isInstanceOf(StatsException.class);
    assertThatThrownBy(() -> RateRatioMethod.MID_P.interval(tooMany, new PoissonCount(1, 1), 0.95))
        .isInstanceOf(StatsException.class);
    // Closed-form methods have no such limit.
    Estimate byar = RateMethod.BYAR.interval(new PoissonCount(1_000_000_000_000L, 1), 0.95);
    assertThat(byar.lower()).isLessThan(1e12);
    assertThat(byar.upper()).isGreaterThan(1e12);
  }

  @Test
  void invalidInputsAreRejected() {
    PoissonCount count = new PoissonCount(5, 10);
    for (double level : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
      for (RateMethod method : RateMethod.values()) {
        assertThatThrownBy(() -> method.interval(count, level))
            .isInstanceOf(StatsException.class)
            .hasMessageContaining("level");
      }
      for (RateRatioMethod method : RateRatioMethod.values()) {
        assertThatThrownBy(() -> method.interval(count, count, level))
            .isInstanceOf(StatsException.class);
      }
      assertThatThrownBy(() -> RateDifferenceMethod.WALD.interval(count, count, level))
          .isInstanceOf(StatsException.class);
      for (SirMethod method : SirMethod.values()) {
        assertThatThrownBy(() -> method.interval(5, 2, level)).isInstanceOf(StatsException.class);
      }
    }
    for (double expected : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> SirMethod.EXACT.interval(5, expected, 0.95))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("expected count");
    }
    assertThatThrownBy(() -> SirMethod.EXACT.interval(-1, 2, 0.95))
        .isInstanceOf(StatsException.class);
    // A rate that overflows double precision is reported, not returned as infinity.
    assertThatThrownBy(() -> RateMethod.EXACT.interval(new PoissonCount(5, 1e-310), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("overflows");
    assertThatThrownBy(() -> SirMethod.BYAR.interval(1_000_000_000L, 1e-305, 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("overflows");
    assertThatThrownBy(
            () ->
                RateRatioMethod.EXACT_CONDITIONAL.interval(
                    new PoissonCount(1, 1e-300), new PoissonCount(1, 1e300), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("exposure ratio");
  }

  @Test
  void methodIdsAndLookup() {
    assertThat(Stream.of(RateMethod.values()).map(RateMethod::id))
        .containsExactly("exact", "mid-p", "byar", "wald");
    assertThat(Stream.of(RateRatioMethod.values()).map(RateRatioMethod::id))
        .containsExactly("exact-conditional", "mid-p", "wald");
    assertThat(Stream.of(RateDifferenceMethod.values()).map(RateDifferenceMethod::id))
        .containsExactly("wald");
    assertThat(Stream.of(SirMethod.values()).map(SirMethod::id))
        .containsExactly("exact", "mid-p", "byar");
    assertThat(RateMethod.fromId(" Mid-P ")).isEqualTo(RateMethod.MID_P);
    assertThat(RateRatioMethod.fromId("EXACT-CONDITIONAL"))
        .isEqualTo(RateRatioMethod.EXACT_CONDITIONAL);
    assertThat(RateDifferenceMethod.fromId("wald")).isEqualTo(RateDifferenceMethod.WALD);
    assertThat(SirMethod.fromId("byar")).isEqualTo(SirMethod.BYAR);
    assertThatThrownBy(() -> RateMethod.fromId("score"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("[exact, mid-p, byar, wald]");
    assertThatThrownBy(() -> RateRatioMethod.fromId(null))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("[exact-conditional, mid-p, wald]");
    assertThatThrownBy(() -> RateDifferenceMethod.fromId("exact"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("[wald]");
    assertThatThrownBy(() -> SirMethod.fromId("wald"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("[exact, mid-p, byar]");
  }

  @Test
  void everyMethodIsDocumented() {
    List<StatMethod> methods = new ArrayList<>();
    methods.addAll(List.of(RateMethod.values()));
    methods.addAll(List.of(RateRatioMethod.values()));
    methods.addAll(List.of(RateDifferenceMethod.values()));
    methods.addAll(List.of(SirMethod.values()));
    for (StatMethod method : methods) {
      MethodInfo info = method.info();
      assertThat(
              List.of(
                  info.name(),
                  info.formula(),
                  info.reference(),
                  info.sas(),
                  info.r(),
                  info.python()))
          .as("%s %s", method.measure(), method.id())
          .allSatisfy(text -> assertThat(text).isNotBlank());
    }
    assertThat(RateMethod.EXACT.measure()).isEqualTo(Measure.RATE);
    assertThat(RateRatioMethod.WALD.measure()).isEqualTo(Measure.RATE_RATIO);
    assertThat(RateDifferenceMethod.WALD.measure()).isEqualTo(Measure.RATE_DIFF);
    assertThat(SirMethod.MID_P.measure()).isEqualTo(Measure.SIR);
  }

  private static void assertRelative(double actual, double expected) {
    assertThat(Math.abs(actual - expected))
        .as("actual %s, expected %s", actual, expected)
        .isLessThanOrEqualTo(CLOSED_FORM_TOLERANCE * Math.abs(expected));
  }
}
