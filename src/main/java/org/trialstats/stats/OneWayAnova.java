package org.trialstats.stats;

import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * One-way analysis of variance: the F test that k groups share one mean, as SAS PROC GLM ({@code
 * CLASS arm; MODEL y = arm;}) and R's {@code anova(lm(y ~ arm))}.
 *
 * <p>With group sizes n_g, means m_g, the grand mean m and N = sum n_g: SS_between = sum_g n_g (m_g
 * - m)^2 on k - 1 df, SS_within = sum_g sum_i (y_gi - m_g)^2 on N - k df, F = (SS_between / (k -
 * 1)) / (SS_within / (N - k)), p = P(F_{k-1, N-k} &gt;= F). Sums are centred per group (two-pass)
 * for accuracy. Fisher RA. Statistical Methods for Research Workers. Oliver and Boyd 1925; Snedecor
 * GW, Cochran WG. Statistical Methods, 8th ed. Iowa State University Press 1989, chapter 12.
 */
public final class OneWayAnova {
  private OneWayAnova() {}

  /**
   * The one-way ANOVA F test.
   *
   * @param groups the observations of each group (non-finite values are not allowed; empty groups
   *     are ignored)
   * @return F, its degrees of freedom and the p-value
   * @throws StatsException if fewer than two groups have observations, a value is not finite, or
   *     there are no residual degrees of freedom or no residual variation
   */
  public static FTestResult test(List<double[]> groups) {
    int k = 0;
    long n = 0;
    double sum = 0;
    for (double[] g : groups) {
      if (g.length > 0) {
        k++;
      }
      n += g.length;
      for (double v : g) {
        if (!Double.isFinite(v)) {
          throw new StatsException("ANOVA values must be finite numbers; found " + v);
        }
        sum += v;
      }
    }
    if (k < 2) {
      throw new StatsException("ANOVA needs at least two groups with observations; found " + k);
    }
    if (n - k < 1) {
      throw new StatsException(
          "ANOVA needs more observations than groups (" + n + " in " + k + " groups)");
    }
    double grand = sum / n;
    double between = 0;
    double within = 0;
    for (double[] g : groups) {
      if (g.length == 0) {
        continue;
      }
      double mean = 0;
      for (double v : g) {
        mean += v;
      }
      mean /= g.length;
      for (double v : g) {
        within += (v - mean) * (v - mean);
      }
      between += g.length * (mean - grand) * (mean - grand);
    }
    if (within == 0) {
      throw new StatsException(
          "ANOVA is undefined when every group is constant (no residual" + " variation)");
    }
    double df1 = k - 1;
    double df2 = n - k;
    double f = (between / df1) / (within / df2);
    return new FTestResult(f, df1, df2, FDistribution.of(df1, df2).survivalProbability(f));
  }
}
