package org.trialstats.meta;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstats.stats.StatsException;

/**
 * Begg and Mazumdar's rank correlation test for funnel-plot asymmetry (Begg &amp; Mazumdar 1994,
 * Biometrics 50:1088-1101), as metafor's {@code ranktest()}: Kendall's tau between the standardised
 * effects y_i* = (y_i - mu_FE) / sqrt(v_i - 1/sum w) and the variances v_i, with w_i = 1/v_i and
 * mu_FE the inverse-variance mean.
 *
 * <p>Without ties and for k &lt;= {@value #EXACT_LIMIT} the p-value is exact: T, the number of
 * concordant pairs, has under independence the distribution of the number of inversions of a random
 * permutation (Kendall 1938, Biometrika 30:81-93), and p = min(1, 2 P(T &lt;= q)) or min(1, 2 P(T
 * &gt;= q)) as R's {@code cor.test(method = "kendall", exact = TRUE)}. With ties tau is Kendall's
 * tau-b and the test the normal approximation with the tie-corrected variance of S (Kendall 1970,
 * Rank Correlation Methods, ch. 4), as {@code cor.test} then does. Beyond {@value #EXACT_LIMIT}
 * studies the normal approximation is used as well (R still enumerates; the two differ by less than
 * 1e-3 there).
 *
 * @param k number of studies
 * @param tau Kendall's tau (tau-b with ties)
 * @param pvalue two-sided p-value
 * @param exact whether the p-value is exact (no ties and k &lt;= {@value #EXACT_LIMIT})
 */
public record RankCorrelationTest(int k, double tau, double pvalue, boolean exact) {

  /** The largest k for which the exact null distribution is computed (O(k^3) operations). */
  public static final int EXACT_LIMIT = 500;

  /**
   * Begg's test on the study estimates and variances of a meta-analysis.
   *
   * @param result the meta-analysis
   * @return the test
   * @throws StatsException with fewer than 3 studies
   */
  public static RankCorrelationTest of(MetaResult result) {
    List<StudyEffect> studies = result.studies();
    int k = studies.size();
    if (k < 3) {
      throw new StatsException("the rank correlation test needs at least 3 studies, got " + k);
    }
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = studies.get(i).yi();
      v[i] = studies.get(i).vi();
    }
    WeightedSums fixed = new WeightedSums(y, v, 0);
    double varianceOfMean = 1 / fixed.sumW;
    double[] standardised = new double[k];
    for (int i = 0; i < k; i++) {
      standardised[i] = (y[i] - fixed.mu) / Math.sqrt(v[i] - varianceOfMean);
    }
    return kendall(standardised, v);
  }

  /**
   * Kendall's tau between x and y with R's {@code cor.test} p-value.
   *
   * @param x first variable
   * @param y second variable, same length (&gt;= 2)
   * @return tau and its two-sided p-value
   */
  static RankCorrelationTest kendall(double[] x, double[] y) {
    int n = x.length;
    long concordant = 0;
    long discordant = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
        if (s > 0) {
          concordant++;
        } else if (s < 0) {
          discordant++;
        }
      }
    }
    double pairs = n * (n - 1) / 2.0;
    double[] tiesX = tieSums(x);
    double[] tiesY = tieSums(y);
    double tiedX = tiesX[0] / 2;
    double tiedY = tiesY[0] / 2;
    double s = concordant - discordant;
    double tau = s / Math.sqrt((pairs - tiedX) * (pairs - tiedY));
    if (tiedX == 0 && tiedY == 0 && n <= EXACT_LIMIT) {
      double[] cdf = inversionCdf(n);
      long q = concordant;
      double p = q > pairs / 2 ? 1 - cdf[(int) q - 1] : cdf[(int) q];
      return new RankCorrelationTest(n, tau, Math.min(1, 2 * p), true);
    }
    double variance = tieCorrectedVariance(n, tiesX, tiesY);
    double z = s / Math.sqrt(variance);
    double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
    return new RankCorrelationTest(n, tau, Math.min(1, p), false);
  }

  /** Var(S) with ties (Kendall 1970, eq. 4.4), the form R's {@code cor.test} uses. */
  private static double tieCorrectedVariance(double n, double[] tx, double[] ty) {
    return (n * (n - 1) * (2 * n + 5) - tx[2] - ty[2]) / 18
        + tx[0] * ty[0] / (2 * n * (n - 1))
        + tx[1] * ty[1] / (9 * n * (n - 1) * (n - 2));
  }

  /** {sum t(t-1), sum t(t-1)(t-2), sum t(t-1)(2t+5)} over groups of t tied values. */
  private static double[] tieSums(double[] x) {
    double[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    double[] sums = new double[3];
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      if (t > 1) {
        sums[0] += t * (t - 1);
        sums[1] += t * (t - 1) * (t - 2);
        sums[2] += t * (t - 1) * (2 * t + 5);
      }
      i = j + 1;
    }
    return sums;
  }

  /**
   * P(T &lt;= q), q = 0..n(n-1)/2, for T the number of inversions of a uniformly random permutation
   * of n elements: p_m(q) = (1/m) sum_{j=0}^{m-1} p_{m-1}(q - j), built up with running sums.
   */
  static double[] inversionCdf(int n) {
    int max = n * (n - 1) / 2;
    double[] p = new double[max + 1];
    p[0] = 1;
    int top = 0;
    for (int m = 2; m <= n; m++) {
      int newTop = top + m - 1;
      double[] next = new double[max + 1];
      double window = 0;
      for (int q = 0; q <= newTop; q++) {
        window += q <= top ? p[q] : 0;
        if (q - m >= 0) {
          window -= p[q - m];
        }
        next[q] = window / m;
      }
      p = next;
      top = newTop;
    }
    double[] cdf = new double[max + 1];
    double running = 0;
    for (int q = 0; q <= max; q++) {
      running += p[q];
      cdf[q] = Math.min(1, running);
    }
    return cdf;
  }
}
