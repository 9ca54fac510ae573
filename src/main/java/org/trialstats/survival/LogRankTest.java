package org.trialstats.survival;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.trialstats.stats.StatsException;

/** The k-sample (optionally stratified) weighted log-rank test. */
public final class LogRankTest {
  private LogRankTest() {}

  /**
   * Tests equality of the groups' hazard functions. At each event time with N at risk (n_g in group
   * g) and D events (d_g): U_g += w (d_g - D n_g / N) and V_gh += w^2 D (N - D) / (N - 1) (n_g / N)
   * (delta_gh - n_h / N), summed within strata and over strata for the stratified test; chi^2 = U'
   * V^- U on (groups with V_gg &gt; 0) - 1 degrees of freedom, the last such group left out to
   * invert V (Mantel N 1966; Peto R, Peto J 1972, JRSS A 135:185-207; Klein &amp; Moeschberger
   * 2003, sections 7.3 and 7.5). Matches R's {@code survdiff} and SAS LIFETEST's STRATA tests. One
   * sweep over the risk-set table: O(n log n) with the sort.
   *
   * @param sample the data; its strata, if any, stratify the test
   * @param weight the weight function
   * @return the test
   * @throws StatsException if fewer than two groups share a risk set with an event (no test)
   */
  public static LogRankResult test(SurvivalSample sample, LogRankWeight weight) {
    return test(sample.stratifiedTable(), weight, sample.stratified());
  }

  static LogRankResult test(RiskSetTable table, LogRankWeight weight, boolean stratified) {
    int k = table.groups;
    double[] observed = new double[k];
    double[] expected = new double[k];
    double[] u = new double[k];
    double[][] v = new double[k][k];
    double[] share = new double[k];
    for (int s = 0; s < table.strata; s++) {
      double pooledSurvival = 1;
      for (int r = table.start[s]; r < table.start[s + 1]; r++) {
        int base = r * k;
        int total = 0;
        int atRisk = 0;
        for (int g = 0; g < k; g++) {
          total += table.events[base + g];
          atRisk += table.risk[base + g];
        }
        if (total == 0) {
          continue;
        }
        double w = weight.weight(atRisk, pooledSurvival);
        double factor = atRisk > 1 ? (double) total * (atRisk - total) / (atRisk - 1) : 0;
        for (int g = 0; g < k; g++) {
          share[g] = (double) table.risk[base + g] / atRisk;
          observed[g] += table.events[base + g];
          expected[g] += total * share[g];
          u[g] += w * (table.events[base + g] - total * share[g]);
        }
        for (int g = 0; g < k; g++) {
          for (int h = 0; h < k; h++) {
            v[g][h] += w * w * factor * share[g] * ((g == h ? 1 : 0) - share[h]);
          }
        }
        pooledSurvival *= 1 - (double) total / atRisk;
      }
    }
    int[] informative = informativeGroups(v);
    int df = informative.length - 1;
    if (df < 1) {
      throw new StatsException(
          "the log-rank test needs events while at least two groups are at risk");
    }
    double[] uSub = new double[df];
    double[][] vSub = new double[df][df];
    for (int i = 0; i < df; i++) {
      uSub[i] = u[informative[i]];
      for (int j = 0; j < df; j++) {
        vSub[i][j] = v[informative[i]][informative[j]];
      }
    }
    double chiSquare =
        SymmetricMatrix.quadraticForm(uSub, SymmetricMatrix.inverse(vSub, "log-rank variance"));
    double p = ChiSquaredDistribution.of(df).survivalProbability(chiSquare);
    return new LogRankResult(weight, stratified, observed, expected, u, chiSquare, df, p);
  }

  private static int[] informativeGroups(double[][] v) {
    double max = 0;
    for (int g = 0; g < v.length; g++) {
      max = Math.max(max, v[g][g]);
    }
    int[] keep = new int[v.length];
    int count = 0;
    for (int g = 0; g < v.length; g++) {
      if (v[g][g] > 1e-12 * max) {
        keep[count++] = g;
      }
    }
    return Arrays.copyOf(keep, count);
  }
}
