package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionalOddsRatioDistributionTest {
  private static final MathContext CONTEXT = new MathContext(60);

  static Stream<Arguments> smallTables() {
    SplittableRandom random = new SplittableRandom(20240615);
    return Stream.generate(
            () -> {
              long n1 = 1 + random.nextLong(80);
              long n2 = 1 + random.nextLong(80);
              long m = random.nextLong(n1 + n2 + 1);
              int psiExponent = random.nextInt(-12, 13);
              return Arguments.of(n1, n2, m, psiExponent);
            })
        .limit(150);
  }

  /**
   * Against direct summation of C(n1, k) C(n2, m-k) psi^k in 60-digit BigDecimal arithmetic, psi =
   * 2^e (exact): every tail (weights 1 and 1/2 at x) at every x, and the mean.
   */
  @ParameterizedTest
  @MethodSource("smallTables")
  void matchesExactEnumeration(long n1, long n2, long m, int psiExponent) {
    ConditionalOddsRatioDistribution distribution = new ConditionalOddsRatioDistribution(n1, n2, m);
    long lo = distribution.supportMin();
    long hi = distribution.supportMax();
    BigDecimal psi =
        psiExponent >= 0
            ? new BigDecimal(BigInteger.TWO.pow(psiExponent))
            : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-psiExponent)), CONTEXT);
    BigDecimal[] weight = new BigDecimal[(int) (hi - lo + 1)];
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal first = BigDecimal.ZERO;
    for (long k = lo; k <= hi; k++) {
      BigDecimal w =
          new BigDecimal(choose(n1, k).multiply(choose(n2, m - k)))
              .multiply(psi.pow((int) k, CONTEXT), CONTEXT);
      weight[(int) (k - lo)] = w;
      total = total.add(w, CONTEXT);
      first = first.add(w.multiply(BigDecimal.valueOf(k)), CONTEXT);
    }
    ConditionalOddsRatioDistribution.Evaluation evaluation =
        distribution.at(psiExponent * Math.log(2));
    assertThat(evaluation.mean())
        .isCloseTo(first.divide(total, CONTEXT).doubleValue(), within(1e-12 * Math.max(1, hi)));
    // tails summed directly (a difference such as total - below would cancel in the far tail)
    BigDecimal[] aboveSums = new BigDecimal[weight.length + 1];
    aboveSums[weight.length] = BigDecimal.ZERO;
    for (int i = weight.length - 1; i >= 0; i--) {
      aboveSums[i] = aboveSums[i + 1].add(weight[i], CONTEXT);
    }
    BigDecimal below = BigDecimal.ZERO;
    for (long x = lo; x <= hi; x++) {
      BigDecimal at = weight[(int) (x - lo)];
      BigDecimal above = aboveSums[(int) (x - lo) + 1];
      for (double w : new double[] {1, 0.5}) {
        BigDecimal weightAtX = at.multiply(BigDecimal.valueOf(w), CONTEXT);
        double upper = above.add(weightAtX, CONTEXT).divide(total, CONTEXT).doubleValue();
        double lower = below.add(weightAtX, CONTEXT).divide(total, CONTEXT).doubleValue();
        assertLogClose(evaluation.logUpperTail(x, w), upper, "upper x=" + x + " w=" + w);
        assertLogClose(evaluation.logLowerTail(x, w), lower, "lower x=" + x + " w=" + w);
      }
      assertLogClose(
          evaluation.logProbability(x),
          at.divide(total, CONTEXT).doubleValue(),
          "P(X = " + x + ")");
      below = below.add(at, CONTEXT);
    }
  }

  private static void assertLogClose(double logActual, double expected, String what) {
    if (expected < 1e-290) {
      // beyond double range only the logarithm is meaningful; it must be very negative
      assertThat(logActual).as(what).isLessThan(-600);
      return;
    }
    assertThat(Math.exp(logActual)).as(what).isCloseTo(expected, within(1e-12 * expected));
  }

  private static BigInteger choose(long n, long k) {
    BigInteger result = BigInteger.ONE;
    for (long i = 0; i < k; i++) {
      result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return result;
  }

  @Test
  void complementaryTailsAddUpToOneForHugeTables() {
    // n = 10^9 per arm: the tails come from different walks (outwards from x, anchored by the
    // saddle-point log probabilities, or 1 minus the opposite tail) and must still add up.
    ConditionalOddsRatioDistribution distribution =
        new ConditionalOddsRatioDistribution(1_000_000_000L, 1_000_000_000L, 999_990_000L);
    for (double logPsi : new double[] {-1e-4, 0, 3e-5, 1e-3}) {
      ConditionalOddsRatioDistribution.Evaluation e = distribution.at(logPsi);
      for (long x = e.mode() - 200_000; x <= e.mode() + 200_000; x += 25_000) {
        double sum = Math.exp(e.logUpperTail(x, 1)) + Math.exp(e.logLowerTail(x, 0));
        assertThat(sum).as("psi %s x %s", logPsi, x).isCloseTo(1, within(1e-12));
        double midSum = Math.exp(e.logUpperTail(x, 0.5)) + Math.exp(e.logLowerTail(x, 0.5));
        assertThat(midSum).isCloseTo(1, within(1e-12));
      }
    }
  }

  @Test
  void centralMeanIsTheHypergeometricMean() {
    // E[X; psi = 1] = n1 m / N exactly for the hypergeometric distribution
    ConditionalOddsRatioDistribution distribution =
        new ConditionalOddsRatioDistribution(1_000_000_000L, 700_000_000L, 900_000L);
    assertThat(distribution.at(0).mean()).isCloseTo(1e9 * 900_000 / 1.7e9, within(1e-6));
  }
}
