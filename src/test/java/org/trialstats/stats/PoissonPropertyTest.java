package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the Poisson methods on seeded random inputs: the limits solve their defining
 * equations (checked with Commons Statistics' Poisson and binomial distributions, a code path
 * independent of the gamma/beta functions the methods use), the p-values are dual to the intervals,
 * R's two-sided exact p-value matches a brute-force sum, and the usual symmetries hold.
 */
class PoissonPropertyTest {
  private static final int CASES = 60;

  /** A count that is log-uniform on [1, 10^maxExponent], or 0 one time in ten. */
  private static long count(SplittableRandom random, double maxExponent) {
    return random.nextInt(10) == 0 ? 0 : Math.round(Math.pow(10, random.nextDouble(maxExponent)));
  }

  private static double level(SplittableRandom random) {
    return 0.01 + 0.9899 * random.nextDouble();
  }

  static Stream<Arguments> singleCounts() {
    SplittableRandom random = new SplittableRandom(20240501);
    // PoissonDistribution takes int counts: stay below 2^31 - 2.
    return IntStream.range(0, CASES)
        .mapToObj(
            i ->
                Arguments.of(
                    count(random, 9), level(random), Math.pow(10, random.nextDouble(-9, 12))));
  }

  @ParameterizedTest(name = "x={0} level={1} T={2}")
  @MethodSource("singleCounts")
  void exactAndMidPLimitsSolveTheirDefiningEquations(long x, double level, double exposure) {
    double halfAlpha = (1 - level) / 2;
    int k = (int) x;
    Estimate exact = RateMethod.EXACT.interval(new PoissonCount(x, exposure), level);
    Estimate midP = RateMethod.MID_P.interval(new PoissonCount(x, exposure), level);
    double exactLower = exact.lower() * exposure;
    double exactUpper = exact.upper() * exposure;
    double midLower = midP.lower() * exposure;
    double midUpper = midP.upper() * exposure;
    // Exact: P(X >= x; L) = alpha/2, P(X <= x; U) = alpha/2.
    if (x > 0) {
      assertRelative(
          PoissonDistribution.of(exactLower).survivalProbability(k - 1), halfAlpha, 1e-9);
    }
    assertRelative(PoissonDistribution.of(exactUpper).cumulativeProbability(k), halfAlpha, 1e-9);
    // Mid-p: P(X > x) + P(X = x)/2 = alpha/2 at L, P(X < x) + P(X = x)/2 = alpha/2 at U.
    if (x > 0) {
      PoissonDistribution atLower = PoissonDistribution.of(midLower);
      assertRelative(
          atLower.survivalProbability(k) + 0.5 * atLower.probability(k), halfAlpha, 1e-9);
    }
    PoissonDistribution atUpper = PoissonDistribution.of(midUpper);
    assertRelative(
        atUpper.cumulativeProbability(k) - 0.5 * atUpper.probability(k), halfAlpha, 1e-9);
    // Mid-p limits are nested inside the exact ones.
    assertThat(midP.lower()).isGreaterThanOrEqualTo(exact.lower());
    assertThat(midP.upper()).isLessThan(exact.upper());
  }

  static Stream<Arguments> sirCases() {
    SplittableRandom random = new SplittableRandom(7);
    return IntStream.range(0, CASES)
        .mapToObj(
            i -> {
              long observed = 1 + count(random, 7);
              return Arguments.of(observed, level(random));
            });
  }

  @ParameterizedTest(name = "O={0} level={1}")
  @MethodSource("sirCases")
  void sirEqualsTheRateOfObservedOverExpectedAndItsPValuesAreDualToItsLimits(
      long observed, double level) {
    double alpha = 1 - level;
    for (SirMethod method : SirMethod.values()) {
      RateMethod rateMethod = RateMethod.fromId(method.id());
      double expected = 0.37 * observed + 1;
      Estimate sir = method.interval(observed, expected, level);
      Estimate rate = rateMethod.interval(new PoissonCount(observed, expected), level);
      assertThat(sir.lower()).isEqualTo(rate.lower());
      assertThat(sir.upper()).isEqualTo(rate.upper());
      if (method == SirMethod.EXACT) {
        continue; // R's minimum-likelihood p-value is not the one the central limits invert
      }
      // With E at a limit for the mean, SIR = 1 is that limit and the p-value equals alpha.
      Estimate meanLimits = rateMethod.interval(new PoissonCount(observed, 1), level);
      if (meanLimits.lower() > 0) {
        assertRelative(method.interval(observed, meanLimits.lower(), level).pValue(), alpha, 1e-8);
      }
      assertRelative(method.interval(observed, meanLimits.upper(), level).pValue(), alpha, 1e-8);
    }
  }

  static Stream<Arguments> smallSirCases() {
    SplittableRandom random = new SplittableRandom(99);
    return IntStream.range(0, 200)
        .mapToObj(i -> Arguments.of((long) random.nextInt(61), 0.01 + 60 * random.nextDouble()));
  }

  @ParameterizedTest(name = "O={0} E={1}")
  @MethodSource("smallSirCases")
  void exactPValueMatchesBruteForceMinimumLikelihoodSum(long observed, double expected) {
    // R's rule: sum P(X = k) over all k with P(X = k) <= P(X = O) (1 + 1e-7), X ~ Poisson(E).
    PoissonDistribution poisson = PoissonDistribution.of(expected);
    double threshold = poisson.probability((int) observed) * (1 + 1e-7);
    double sum = 0;
    for (int k = 0; k < 2000; k++) {
      double probability = poisson.probability(k);
      if (probability <= threshold) {
        sum += probability;
      }
    }
    double p = SirMethod.EXACT.interval(observed, expected, 0.95).pValue();
    assertThat(Math.abs(p - Math.min(1, sum))).isLessThanOrEqualTo(1e-12 + 1e-9 * sum);
    // The doubled mid-p value and the Byar p-value are valid probabilities below the exact one
    // for the one-sided case they double.
    assertThat(SirMethod.MID_P.interval(observed, expected, 0.95).pValue()).isBetween(0.0, 1.0);
    assertThat(SirMethod.BYAR.interval(observed, expected, 0.95).pValue()).isBetween(0.0, 1.0);
  }

  static Stream<Arguments> pairs() {
    SplittableRandom random = new SplittableRandom(314159);
    return IntStream.range(0, CASES)
        .mapToObj(
            i -> {
              long x1 = count(random, 8);
              long x2 = count(random, 8);
              if (x1 + x2 == 0) {
                x2 = 1;
              }
              return Arguments.of(
                  x1,
                  Math.pow(10, random.nextDouble(-9, 12)),
                  x2,
                  Math.pow(10, random.nextDouble(-9, 12)),
                  level(random));
            });
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3} level={4}")
  @MethodSource("pairs")
  void conditionalLimitsSolveTheirBinomialEquations(
      long x1, double t1, long x2, double t2, double level) {
    double halfAlpha = (1 - level) / 2;
    int n = (int) (x1 + x2);
    int k = (int) x1;
    PoissonCount treatment = new PoissonCount(x1, t1);
    PoissonCount control = new PoissonCount(x2, t2);
    Estimate exact = RateRatioMethod.EXACT_CONDITIONAL.interval(treatment, control, level);
    Estimate midP = RateRatioMethod.MID_P.interval(treatment, control, level);
    // p = T1 RR / (T1 RR + T2); checked only where p keeps 9 digits in 1 - p (p < 0.9999).
    if (x1 > 0) {
      double p = probability(exact.lower(), t1, t2);
      double pMid = probability(midP.lower(), t1, t2);
      if (pMid < 0.9999) {
        BinomialDistribution atExact = BinomialDistribution.of(n, p);
        assertRelative(atExact.survivalProbability(k - 1), halfAlpha, 1e-7);
        BinomialDistribution atMid = BinomialDistribution.of(n, pMid);
        assertRelative(atMid.survivalProbability(k) + 0.5 * atMid.probability(k), halfAlpha, 1e-7);
      }
    }
    if (x2 > 0) {
      double p = probability(exact.upper(), t1, t2);
      double pMid = probability(midP.upper(), t1, t2);
      if (p < 0.9999) {
        BinomialDistribution atExact = BinomialDistribution.of(n, p);
        assertRelative(atExact.cumulativeProbability(k), halfAlpha, 1e-7);
        BinomialDistribution atMid = BinomialDistribution.of(n, pMid);
        assertRelative(
            atMid.cumulativeProbability(k) - 0.5 * atMid.probability(k), halfAlpha, 1e-7);
      }
    }
    assertThat(midP.lower()).isGreaterThanOrEqualTo(exact.lower());
    assertThat(midP.upper()).isLessThanOrEqualTo(exact.upper());
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3} level={4}")
  @MethodSource("pairs")
  void swappingTheArmsInvertsTheRatioAndNegatesTheDifference(
      long x1, double t1, long x2, double t2, double level) {
    PoissonCount a = new PoissonCount(x1, t1);
    PoissonCount b = new PoissonCount(x2, t2);
    for (RateRatioMethod method : RateRatioMethod.values()) {
      if (method == RateRatioMethod.WALD && (x1 == 0 || x2 == 0)) {
        continue;
      }
      Estimate forward = method.interval(a, b, level);
      Estimate backward = method.interval(b, a, level);
      if (x1 == 0 || x2 == 0) {
        assertThat(backward.estimate()).isEqualTo(1 / forward.estimate());
      } else {
        assertRelative(backward.estimate(), 1 / forward.estimate(), 1e-15);
      }
      if (x1 == 0) {
        assertThat(backward.upper()).isInfinite();
      } else {
        assertRelative(backward.upper(), 1 / forward.lower(), 1e-12);
      }
      if (x2 == 0) {
        assertThat(backward.lower()).isZero();
      } else {
        assertRelative(backward.lower(), 1 / forward.upper(), 1e-12);
      }
    }
    Estimate forward = RateDifferenceMethod.WALD.interval(a, b, level);
    Estimate backward = RateDifferenceMethod.WALD.interval(b, a, level);
    assertThat(backward.lower()).isEqualTo(-forward.upper());
    assertThat(backward.upper()).isEqualTo(-forward.lower());
  }

  @ParameterizedTest(name = "x={0} level={1} T={2}")
  @MethodSource("singleCounts")
  void intervalsWidenWithTheLevelAndByarApproachesExact(long x, double level, double exposure) {
    PoissonCount count = new PoissonCount(x, exposure);
    double higher = level + (1 - level) / 2;
    for (RateMethod method : RateMethod.values()) {
      Estimate narrow = method.interval(count, level);
      Estimate wide = method.interval(count, higher);
      assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
      if (method == RateMethod.WALD && x == 0) {
        assertThat(wide.upper()).isZero(); // zero width, flagged by a note
      } else {
        assertThat(wide.upper()).isGreaterThan(narrow.upper());
      }
    }
    if (x >= 100) {
      // Byar's approximation is within 0.2% of the exact limits from about 10 events at 95%
      // (and closer as x grows); 1% here covers every level up to 0.9999.
      Estimate exact = RateMethod.EXACT.interval(count, level);
      Estimate byar = RateMethod.BYAR.interval(count, level);
      assertRelative(byar.lower(), exact.lower(), 1e-2);
      assertRelative(byar.upper(), exact.upper(), 1e-2);
    }
  }

  private static double probability(double ratio, double t1, double t2) {
    return t1 * ratio / (t1 * ratio + t2);
  }

  private static void assertRelative(double actual, double expected, double tolerance) {
    assertThat(Math.abs(actual - expected))
        .as("actual %s, expected %s", actual, expected)
        .isLessThanOrEqualTo(tolerance * Math.abs(expected));
  }
}
