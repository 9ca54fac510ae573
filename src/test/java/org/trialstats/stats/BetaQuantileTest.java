package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BetaQuantile}: Halley's method on the Commons incomplete beta function. Its accuracy
 * against 40-digit references is tested through {@link ProportionExactReferenceTest} (Jeffreys
 * limits); here it is compared with Commons Statistics' own inverse and checked to bracket the
 * target at extreme probabilities and parameters.
 */
class BetaQuantileTest {

  private static final double[] PROBABILITIES = {
    0.4999995, 0.25, 0.05, 0.025, 5e-4, 5e-7, 5e-13, 5.5e-17
  };

  static Stream<Arguments> moderateParameters() {
    SplittableRandom random = new SplittableRandom(8675309);
    return IntStream.range(0, 300)
        .mapToObj(
            i ->
                Arguments.of(
                    random.nextInt(1001) + 0.5,
                    random.nextInt(3000) + 0.5,
                    PROBABILITIES[random.nextInt(5)]));
  }

  @ParameterizedTest(name = "a={0} b={1} p={2}")
  @MethodSource("moderateParameters")
  void agreesWithCommonsInverse(double a, double b, double probability) {
    // Commons Statistics 1.3 BetaDistribution.inverseCumulativeProbability finds the root of the
    // same incomplete beta function by Brent's method; on 300,000 Jeffreys limits with x or n - x
    // at most 1001 the two agreed to 2e-14 relative.
    double odds = BetaQuantile.lowerTailOdds(a, b, probability);
    double expected = BetaDistribution.of(a, b).inverseCumulativeProbability(probability);
    assertThat(Math.abs(odds / (1 + odds) - expected)).isLessThanOrEqualTo(2e-14 * expected);
  }

  static Stream<Arguments> extremeParameters() {
    SplittableRandom random = new SplittableRandom(1618);
    return IntStream.range(0, 300)
        .mapToObj(
            i -> {
              double a = Math.pow(10, random.nextDouble(-1, 9));
              double b = Math.pow(10, random.nextDouble(-1, 9));
              return Arguments.of(a, b, PROBABILITIES[random.nextInt(PROBABILITIES.length)]);
            });
  }

  @ParameterizedTest(name = "a={0} b={1} p={2}")
  @MethodSource("extremeParameters")
  void rootBracketsTheTarget(double a, double b, double probability) {
    double odds = BetaQuantile.lowerTailOdds(a, b, probability);
    assertThat(odds).isPositive().isFinite();
    // The incomplete beta function is accurate to about 1e-12 relative at the largest of these
    // parameters; a relative change of 1e-9 in the odds moves it by more than that.
    assertThat(cdfAtOdds(a, b, odds * (1 - 1e-9))).isLessThan(probability);
    assertThat(cdfAtOdds(a, b, odds * (1 + 1e-9))).isGreaterThan(probability);
  }

  @Test
  void halfIntegerParametersHaveClosedForms() {
    // Beta(1/2, 1/2) is the arcsine law: I_q = (2/pi) asin(sqrt(q)), so q = sin(pi p / 2)^2 and
    // the odds are tan(pi p / 2)^2. Beta(1, 1) is uniform: odds p / (1 - p).
    for (double p : PROBABILITIES) {
      double arcsine = Math.pow(Math.tan(Math.PI * p / 2), 2);
      assertThat(Math.abs(BetaQuantile.lowerTailOdds(0.5, 0.5, p) - arcsine))
          .isLessThanOrEqualTo(1e-14 * arcsine);
      double uniform = p / (1 - p);
      assertThat(Math.abs(BetaQuantile.lowerTailOdds(1, 1, p) - uniform))
          .isLessThanOrEqualTo(1e-14 * uniform);
    }
  }

  private static double cdfAtOdds(double a, double b, double odds) {
    return ConditionalBinomialTails.betaCdfAtOdds(a, b, odds);
  }
}
