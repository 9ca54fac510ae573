package org.trialstats.meta;

import org.apache.commons.math3.special.Gamma;
import org.trialstats.stats.StatsException;

/**
 * The distribution of Q = sum_j lambda_j X_j, a positive linear combination of independent
 * chi-square(1) variables X_j, which is the distribution of a quadratic form z'Mz in standard
 * normals z with the eigenvalues lambda_j of the positive semi-definite M.
 *
 * <p>Ruben's series (Ruben 1962, Ann Math Stat 33:542-570, eq. 3.2; the algorithm of Farebrother
 * 1984, Appl Stat 33:332-339, AS 204, with its default beta = min lambda_j, which metafor uses
 * through CompQuadForm for the generalised-Q interval): with beta = min lambda_j, m the number of
 * terms and c_j = 1 - beta/lambda_j in [0, 1),
 *
 * <pre>
 *   P(Q &lt;= q) = sum_{n &gt;= 0} a_n F_{m+2n}(q / beta),
 *   a_0 = prod_j (beta / lambda_j)^(1/2),   a_n = (1 / 2n) sum_{r=0}^{n-1} g_{n-r} a_r,
 *   g_s = sum_j c_j^s,
 * </pre>
 *
 * where F_nu is the chi-square(nu) distribution function. The a_n are the probabilities of a sum of
 * independent negative binomial variables, so they are non-negative and add to 1; the inner sum is
 * carried as sum_j S_j(n) with S_j(n + 1) = c_j (S_j(n) + a_n), which makes each term O(m). Since
 * F_nu decreases in nu, the terms left out after n = N add to at most F_{m+2N+2}(q/beta) (1 -
 * sum_{n &lt;= N} a_n); the series stops when that bound is below 1e-14.
 */
final class ChiSquareMixture {
  private static final double TRUNCATION = 1e-14;
  private static final int MAX_TERMS = 2_000_000;

  /** Rescaling step that keeps the scaled coefficients within the range of a double. */
  private static final double BIG = 1e200;

  private static final double LOG_BIG = Math.log(BIG);

  private ChiSquareMixture() {}

  /**
   * P(Q &gt; q) for Q = sum lambda_j chi2_1.
   *
   * @param q the value, at least 0
   * @param lambda the weights, all positive and finite
   * @return the upper-tail probability
   * @throws StatsException for no weights, a weight that is not positive and finite, or a series
   *     that does not reach its accuracy within 2,000,000 terms
   */
  static double upperTail(double q, double[] lambda) {
    return 1 - lowerTail(q, lambda);
  }

  /**
   * P(Q &lt;= q) for Q = sum lambda_j chi2_1.
   *
   * @param q the value
   * @param lambda the weights, all positive and finite
   * @return the distribution function at q
   * @throws StatsException as {@link #upperTail}
   */
  static double lowerTail(double q, double[] lambda) {
    int m = lambda.length;
    if (m == 0) {
      throw new StatsException("a chi-square mixture needs at least one weight");
    }
    double beta = Double.POSITIVE_INFINITY;
    for (double l : lambda) {
      if (!(l > 0) || !Double.isFinite(l)) {
        throw new StatsException("the weights of a chi-square mixture must be positive: " + l);
      }
      beta = Math.min(beta, l);
    }
    if (!(q > 0)) {
      return 0;
    }
    double x = q / beta;
    double[] c = new double[m];
    double logA0 = 0;
    for (int j = 0; j < m; j++) {
      c[j] = 1 - beta / lambda[j];
      logA0 += 0.5 * Math.log(beta / lambda[j]);
    }
    // coefficients kept as exp(shift) * scaled, so that a_0 cannot underflow
    double shift = logA0;
    double scaled = 1;
    double[] s = new double[m];
    double nu = m;
    double cdf = Gamma.regularizedGammaP(nu / 2, x / 2);
    // log density term: F_{nu+2}(x) = F_nu(x) - exp(logD)
    double logD = (nu / 2) * Math.log(x / 2) - x / 2 - Gamma.logGamma(nu / 2 + 1);
    double sum = 0;
    double mass = 0;
    for (int n = 0; n < MAX_TERMS; n++) {
      if (n > 0) {
        double inner = 0;
        for (int j = 0; j < m; j++) {
          inner += s[j];
        }
        scaled = inner / (2.0 * n);
      }
      double a = Math.exp(shift) * scaled;
      sum += a * cdf;
      mass += a;
      // S_j(n + 1) = c_j (S_j(n) + a_n)
      for (int j = 0; j < m; j++) {
        s[j] = c[j] * (s[j] + scaled);
      }
      if (scaled > BIG) {
        scaled /= BIG;
        for (int j = 0; j < m; j++) {
          s[j] /= BIG;
        }
        shift += LOG_BIG;
      }
      cdf = Math.max(0, cdf - Math.exp(logD));
      nu += 2;
      logD += Math.log(x / 2) - Math.log(nu / 2);
      if (cdf * Math.max(0, 1 - mass) <= TRUNCATION || cdf == 0) {
        return Math.min(1, sum);
      }
    }
    throw new StatsException(
        "the distribution of the quadratic form did not reach its accuracy within "
            + MAX_TERMS
            + " terms of Ruben's series (the weights span too wide a range)");
  }
}
