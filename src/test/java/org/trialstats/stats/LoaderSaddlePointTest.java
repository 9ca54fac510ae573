package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoaderSaddlePointTest {

  static Stream<Arguments> decimalReference() {
    return RatioFixtures.read(RatioFixtures.FIXTURES + "log_probabilities.csv").stream()
        .map(
            r ->
                Arguments.of(
                    r.get("kind")
                        + " k="
                        + r.get("k")
                        + " n="
                        + r.get("n")
                        + " "
                        + r.get("p_or_n2")
                        + " m="
                        + r.get("m"),
                    r));
  }

  /**
   * log_probabilities.py (50-digit decimal): Stirling's error to 2e-16 absolute (the precision it
   * contributes to a log probability; relative error up to 4e-14 in the truncated series at 15 &lt;
   * n &lt;= 35), log probabilities to 2e-14 relative (for n up to 10^9; the naive lgamma form loses
   * six digits there).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("decimalReference")
  void matchesFiftyDigitReference(String name, CSVRecord r) {
    double expected = new BigDecimal(r.get("value")).doubleValue();
    long n = Long.parseLong(r.get("n"));
    switch (r.get("kind")) {
      case "stirling" ->
          assertThat(LoaderSaddlePoint.stirlingError(n)).isCloseTo(expected, within(2e-16));
      case "binomial" -> {
        BigDecimal p = new BigDecimal(r.get("p_or_n2"));
        double actual =
            LoaderSaddlePoint.logBinomialProbability(
                Long.parseLong(r.get("k")),
                n,
                p.doubleValue(),
                BigDecimal.ONE.subtract(p).doubleValue());
        assertThat(actual).isCloseTo(expected, within(2e-14 * Math.max(1, Math.abs(expected))));
      }
      default -> {
        double actual =
            LoaderSaddlePoint.logHypergeometricProbability(
                Long.parseLong(r.get("k")),
                n,
                Long.parseLong(r.get("p_or_n2")),
                Long.parseLong(r.get("m")));
        assertThat(actual).isCloseTo(expected, within(2e-14 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @Test
  void agreesWithCommonsStatisticsForIntegerSizes() {
    // commons-statistics-distribution 1.3 uses the same saddle-point method for int arguments
    for (int n : new int[] {1, 7, 50, 1000, 123457}) {
      for (double p : new double[] {1e-6, 0.2, 0.5, 0.97}) {
        BinomialDistribution binomial = BinomialDistribution.of(n, p);
        for (int k = 0; k <= n; k += Math.max(1, n / 37)) {
          double expected = binomial.logProbability(k);
          double actual = LoaderSaddlePoint.logBinomialProbability(k, n, p, 1 - p);
          assertThat(actual)
              .as("n=%d p=%s k=%d", n, p, k)
              .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
      }
    }
    HypergeometricDistribution hypergeometric = HypergeometricDistribution.of(300, 140, 90);
    for (int k = 0; k <= 90; k++) {
      // population 300 with 140 "arm 1" subjects, 90 events: arm 1 has 140, arm 2 has 160
      double expected = hypergeometric.logProbability(k);
      assertThat(LoaderSaddlePoint.logHypergeometricProbability(k, 140, 160, 90))
          .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
  }

  @Test
  void outsideTheSupportIsMinusInfinity() {
    assertThat(LoaderSaddlePoint.logHypergeometricProbability(6, 10, 20, 5))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(LoaderSaddlePoint.logHypergeometricProbability(0, 10, 2, 5))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(LoaderSaddlePoint.logBinomialProbability(11, 10, 0.5, 0.5))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(LoaderSaddlePoint.logBinomialProbability(0, 10, 0, 1)).isZero();
    assertThat(LoaderSaddlePoint.logBinomialProbability(10, 10, 1, 0)).isZero();
    // degenerate margins: all probability on one point
    assertThat(LoaderSaddlePoint.logHypergeometricProbability(0, 10, 20, 0)).isZero();
    assertThat(LoaderSaddlePoint.logHypergeometricProbability(10, 10, 20, 30)).isZero();
  }
}
