package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.Request;
import org.trialstats.stats.Result;

/**
 * Intervals agree with the tests they invert, over 100 batches of 1,000 seeded tables (10^5 tables,
 * levels 0.95 and 0.99 alternating):
 *
 * <ul>
 *   <li>the exact conditional odds-ratio interval excludes 1 exactly when the central Fisher
 *       p-value 2 min(P(X &lt;= x1), P(X &gt;= x1)) (hypergeometric, computed here with
 *       commons-statistics) is below alpha; against the catalogue's {@code fisher} p-value
 *       (minimum-likelihood two-sided, as R) it may differ only on tables where the two p-values
 *       fall on opposite sides of alpha (see ExactIntervalFisherConsistencyTest);
 *   <li>at the null the score statistics of Mee (RD) and Koopman (RR) are Pearson's X^2, so those
 *       intervals exclude the null exactly when the {@code chisq} p-value is below alpha;
 *   <li>the Miettinen-Nurminen intervals (RD, RR, OR) carry the factor N/(N - 1) in the variance,
 *       so they exclude the null exactly when X^2 (N - 1)/N exceeds the chi-square quantile.
 * </ul>
 *
 * Tables within 1e-9 (relative) of the decision boundary are skipped: there the root search's last
 * bits decide. There is no implemented test matching the other score intervals (Wilson for one
 * proportion has no two-arm counterpart here), so no other pair is checked.
 */
class TestIntervalConsistencyTest {
  private static final int BATCHES = 100;
  private static final int TABLES_PER_BATCH = 1_000;
  private static final ChiSquaredDistribution CHI2_1 = ChiSquaredDistribution.of(1);

  static IntStream batches() {
    return IntStream.range(0, BATCHES);
  }

  @ParameterizedTest(name = "batch {0}: 1000 tables")
  @MethodSource("batches")
  void intervalsExcludeTheNullExactlyWhenTheirTestRejects(int batch) {
    SplittableRandom random = new SplittableRandom(0xC0_5157L + batch);
    List<String> fisherDisagreements = new ArrayList<>();
    List<String> straddling = new ArrayList<>();
    int checked = 0;
    while (checked < TABLES_PER_BATCH) {
      long n1 = 1 + random.nextLong(random.nextBoolean() ? 40 : 800);
      long n2 = 1 + random.nextLong(random.nextBoolean() ? 40 : 800);
      long x1 = IntervalInvariantsTest.events(random, n1);
      long x2 = IntervalInvariantsTest.events(random, n2);
      long m = x1 + x2;
      long total = n1 + n2;
      if (m == 0 || m == total) {
        continue; // zero margin: no test statistic, every interval is degenerate
      }
      checked++;
      double level = checked % 2 == 0 ? 0.95 : 0.99;
      double alpha = 1 - level;
      String table = x1 + "/" + n1 + " vs " + x2 + "/" + n2 + " at " + level;

      HypergeometricDistribution h = HypergeometricDistribution.of((int) total, (int) m, (int) n1);
      double central =
          Math.min(
              1,
              2 * Math.min(h.cumulativeProbability((int) x1), h.survivalProbability((int) x1 - 1)));
      Result exact = compute(Measure.OR, "exact-conditional", x1, n1, x2, n2, level);
      boolean exactExcludes = exact.lower() > 1 || exact.upper() < 1;
      if (!nearBoundary(central, alpha)) {
        assertThat(exactExcludes)
            .as("exact OR vs central Fisher p %s: %s", central, table)
            .isEqualTo(central < alpha);
        double fisher = compute(Measure.TEST, "fisher", x1, n1, x2, n2, level).pValue();
        if (!nearBoundary(fisher, alpha)) {
          if ((fisher < alpha) != (central < alpha)) {
            straddling.add(table);
          }
          if ((fisher < alpha) != exactExcludes) {
            fisherDisagreements.add(table);
          }
        }
      }

      double x2stat = compute(Measure.TEST, "chisq", x1, n1, x2, n2, level).value();
      double pearson = CHI2_1.survivalProbability(x2stat);
      if (!nearBoundary(pearson, alpha)) {
        boolean rejects = pearson < alpha;
        assertThat(excludes(compute(Measure.RD, "mee", x1, n1, x2, n2, level), 0))
            .as("RD mee vs chisq p %s: %s", pearson, table)
            .isEqualTo(rejects);
        assertThat(excludes(compute(Measure.RR, "koopman", x1, n1, x2, n2, level), 1))
            .as("RR koopman vs chisq p %s: %s", pearson, table)
            .isEqualTo(rejects);
      }
      double scaled = CHI2_1.survivalProbability(x2stat * (total - 1) / total);
      if (!nearBoundary(scaled, alpha)) {
        boolean rejects = scaled < alpha;
        assertThat(excludes(compute(Measure.RD, "mn", x1, n1, x2, n2, level), 0))
            .as("RD mn vs scaled chisq p %s: %s", scaled, table)
            .isEqualTo(rejects);
        assertThat(excludes(compute(Measure.RR, "mn", x1, n1, x2, n2, level), 1))
            .as("RR mn vs scaled chisq p %s: %s", scaled, table)
            .isEqualTo(rejects);
        assertThat(excludes(compute(Measure.OR, "mn", x1, n1, x2, n2, level), 1))
            .as("OR mn vs scaled chisq p %s: %s", scaled, table)
            .isEqualTo(rejects);
      }
    }
    assertThat(fisherDisagreements).isEqualTo(straddling);
  }

  private static boolean nearBoundary(double p, double alpha) {
    return Math.abs(p - alpha) <= 1e-9 * alpha;
  }

  private static boolean excludes(Result e, double nullValue) {
    return e.lower() > nullValue || e.upper() < nullValue;
  }

  private static Result compute(
      Measure measure, String method, long x1, long n1, long x2, long n2, double level) {
    return MethodCatalogue.compute(
        Request.twoArms(MethodCatalogue.find(measure, method), x1, n1, x2, n2, level));
  }
}
