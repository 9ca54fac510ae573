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

/**
 * The Halley root search {@link ConditionalBinomialTails#oddsAtUpperTail} behind the short-side
 * rate-ratio limits. Its accuracy against 40-digit references is tested through {@link
 * RateRatioShortSideReferenceTest}; here: that the root brackets the target for every regime
 * (including levels so extreme that the Paulson start falls back to the log-odds normal start), and
 * that it reproduces Commons Statistics' binomial tails where those are accurate.
 */
class ConditionalBinomialRootTest {

  private static final double[] TARGETS = {0.4999995, 0.25, 0.05, 0.025, 5e-4, 5e-7, 5e-13};

  static Stream<Arguments> shortSideCases() {
    SplittableRandom random = new SplittableRandom(20261122);
    return IntStream.range(0, 400)
        .mapToObj(
            i -> {
              long other = Math.round(Math.pow(10, random.nextDouble(0, 10.3)));
              long small = 1 + random.nextInt(random.nextBoolean() ? 1001 : 5);
              boolean smallIsK = random.nextBoolean();
              long n = small + other;
              long k = smallIsK ? small : other;
              if (k == 0 || k == n) {
                k = small;
              }
              double target = TARGETS[random.nextInt(TARGETS.length)];
              return Arguments.of(k, n, target, random.nextBoolean());
            });
  }

  @ParameterizedTest(name = "k={0} n={1} target={2} midP={3}")
  @MethodSource("shortSideCases")
  void rootBracketsTheTarget(long k, long n, double target, boolean midP) {
    double odds = ConditionalBinomialTails.oddsAtUpperTail(k, n, target, midP);
    assertThat(odds).isPositive().isFinite();
    // The tail rises with the odds, with d log T / d log odds >= about 1 at the root, so a
    // relative change of 1e-11 moves it by far more than its rounding error (1e-13 at most on
    // the incomplete-beta side of atLeast).
    assertThat(tail(k, n, odds * (1 - 1e-11), midP)).isLessThan(target);
    assertThat(tail(k, n, odds * (1 + 1e-11), midP)).isGreaterThan(target);
  }

  static Stream<Arguments> moderateCases() {
    SplittableRandom random = new SplittableRandom(314159);
    return IntStream.range(0, 200)
        .mapToObj(
            i -> {
              int n = 2 + random.nextInt(3000);
              int k = 1 + random.nextInt(n - 1);
              double target = TARGETS[1 + random.nextInt(4)];
              return Arguments.of(k, n, target, random.nextBoolean());
            });
  }

  @ParameterizedTest(name = "k={0} n={1} target={2} midP={3}")
  @MethodSource("moderateCases")
  void reproducesCommonsBinomialTails(int k, int n, double target, boolean midP) {
    double odds = ConditionalBinomialTails.oddsAtUpperTail(k, n, target, midP);
    // Commons Statistics 1.3 BinomialDistribution (incomplete beta function; accurate to about
    // 1e-11 for these n) at p = odds/(1 + odds).
    BinomialDistribution binomial = BinomialDistribution.of(n, odds / (1 + odds));
    double tail = binomial.survivalProbability(k - 1) - (midP ? 0.5 * binomial.probability(k) : 0);
    assertThat(Math.abs(tail - target)).isLessThanOrEqualTo(1e-9 * target);
  }

  @Test
  void midPRootLiesBetweenTheExactRootsForKAndKPlusOne() {
    for (long n : new long[] {7, 2_000, 2_000_000_000L}) {
      for (long k : new long[] {1, 2, 5, 1001}) {
        if (k >= n) {
          continue;
        }
        double lowerExact = ConditionalBinomialTails.oddsAtUpperTail(k, n, 0.025, false);
        double midP = ConditionalBinomialTails.oddsAtUpperTail(k, n, 0.025, true);
        double upperExact = ConditionalBinomialTails.oddsAtUpperTail(k + 1, n, 0.025, false);
        assertThat(midP).isGreaterThan(lowerExact).isLessThan(upperExact);
      }
    }
  }

  @Test
  void singleEventAgainstManyHasTheClosedForm() {
    // P(X >= 1) = 1 - (1 + odds)^-n = target gives odds = (1 - target)^(-1/n) - 1 exactly; with
    // expm1/log1p the closed form is accurate to a few ulps.
    for (long n : new long[] {2, 1_000, 1_000_000_001L, 20_000_000_000L}) {
      for (double target : TARGETS) {
        double expected = Math.expm1(-Math.log1p(-target) / n);
        double actual = ConditionalBinomialTails.oddsAtUpperTail(1, n, target, false);
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(4e-15 * expected);
      }
    }
  }

  private static double tail(long k, long n, double odds, boolean midP) {
    double atLeast = ConditionalBinomialTails.atLeast(k, n, odds);
    return midP ? 0.5 * (atLeast + ConditionalBinomialTails.atLeast(k + 1, n, odds)) : atLeast;
  }
}
