package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The binomial tails behind the conditional rate-ratio methods. */
class ConditionalBinomialTailsTest {

  static Stream<Arguments> moderateCases() {
    SplittableRandom random = new SplittableRandom(271828);
    return IntStream.range(0, 300)
        .mapToObj(
            i -> {
              int n = 1 + (int) Math.round(Math.pow(10, random.nextDouble(5)));
              int k = random.nextInt(n + 1);
              // odds near the value that puts k at the mean, so that both tails matter
              double p = Math.min(0.999, Math.max(0.001, (k + 0.5) / (n + 1.0)));
              double odds = p / (1 - p) * Math.exp(random.nextDouble(-0.5, 0.5));
              return Arguments.of(n, k, odds);
            });
  }

  @ParameterizedTest(name = "n={0} k={1} odds={2}")
  @MethodSource("moderateCases")
  void matchesCommonsBinomialDistributionForModerateN(int n, int k, double odds) {
    // Commons Statistics 1.3 BinomialDistribution (incomplete beta function, accurate to about
    // 1e-11 for n <= 1e5), evaluated at p = odds/(1 + odds).
    BinomialDistribution binomial = BinomialDistribution.of(n, odds / (1 + odds));
    assertRelative(
        ConditionalBinomialTails.atMost(k, n, odds), binomial.cumulativeProbability(k), 1e-9);
    assertRelative(
        ConditionalBinomialTails.atLeast(k, n, odds), binomial.survivalProbability(k - 1), 1e-9);
  }

  @Test
  void termByTermSumsJoinTheBetaFunctionAtTheCrossover() {
    // Around k = SHORT_SIDE the incomplete beta function is accurate (errors near 1e-13 for
    // counts of 100 or more); both routes must agree there, for n up to 2e10.
    long shortSide = ConditionalBinomialTails.SHORT_SIDE;
    for (long n : new long[] {5_000L, 1_000_000L, 1_000_000_000L, 20_000_000_000L}) {
      for (long k = shortSide - 2; k <= shortSide + 3; k++) {
        for (double shift : new double[] {-3, 0, 3}) {
          double mean = k + shift * Math.sqrt(k);
          double odds = mean / (n - mean);
          double lowerByTerms = ConditionalBinomialTails.atMost(k, n, odds);
          double lowerByBeta = ConditionalBinomialTails.betaSurvivalAtOdds(k + 1.0, n - k, odds);
          assertRelative(lowerByTerms, lowerByBeta, 1e-10);
          double upperByTerms = ConditionalBinomialTails.atLeast(k, n, odds);
          double upperByBeta = ConditionalBinomialTails.betaCdfAtOdds(k, n - k + 1.0, odds);
          assertRelative(upperByTerms, upperByBeta, 1e-10);
          // The mirrored count n - k (X >= n - k is the lower tail of n - X) gives the same.
          assertRelative(ConditionalBinomialTails.atLeast(n - k, n, 1 / odds), lowerByTerms, 1e-12);
        }
      }
    }
  }

  @Test
  void boundaryCountsAndTinyTails() {
    assertThat(ConditionalBinomialTails.atLeast(0, 10, 1)).isEqualTo(1.0);
    assertThat(ConditionalBinomialTails.atLeast(11, 10, 1)).isZero();
    assertThat(ConditionalBinomialTails.atMost(-1, 10, 1)).isZero();
    assertThat(ConditionalBinomialTails.atMost(10, 10, 1)).isEqualTo(1.0);
    // P(X = 10) for n = 10, p = 1/2 is 2^-10.
    assertThat(ConditionalBinomialTails.atLeast(10, 10, 1)).isEqualTo(Math.scalb(1.0, -10));
    // P(X >= 3) for n = 1e9 and mean m = 1e-3: the Poisson limit e^-m (m^3/6 + m^4/24 + m^5/120
    // + ...) = 1.66625e-10; the binomial differs by a relative 1e-9 or so.
    long n = 1_000_000_000L;
    double m = 1e-3;
    double odds = m / (n - m);
    double poisson = Math.exp(-m) * (m * m * m / 6 + m * m * m * m / 24 + Math.pow(m, 5) / 120);
    assertRelative(ConditionalBinomialTails.atLeast(3, n, odds), poisson, 1e-7);
  }

  private static void assertRelative(double actual, double expected, double tolerance) {
    assertThat(Math.abs(actual - expected))
        .as("actual %s, expected %s", actual, expected)
        .isLessThanOrEqualTo(tolerance * Math.abs(expected) + Double.MIN_NORMAL);
  }
}
