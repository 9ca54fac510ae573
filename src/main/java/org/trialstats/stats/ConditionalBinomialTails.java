package org.trialstats.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Tail probabilities of X ~ Binomial(n, p) with p given through its odds theta = p/(1 - p): the
 * conditional distribution of the treatment count x1 given the total n = x1 + x2 of two Poisson
 * counts, used by {@link RateRatioMethod}.
 *
 * <p>Where both tails hold many terms the regularized incomplete beta function of Commons
 * Statistics is used (P(X &gt;= k) = I_p(k, n - k + 1)), evaluated on the side of p = 1/2 where p
 * or 1 - p is exact. Where one count is small and the other very large (e.g. 2 against 10^9) that
 * function loses up to 8 significant digits, so within {@link #SHORT_SIDE} of either end of the
 * support the probabilities are summed term by term instead: the terms follow from P(X = 0) = (1 +
 * theta)^-n by the exact ratio P(X = j + 1)/P(X = j) = (n - j) theta / (j + 1), accumulated as
 * logarithms, each step adding one rounding error of about 2e-16.
 */
final class ConditionalBinomialTails {

  /** Counts at or below this from either end of the support are summed term by term. */
  static final long SHORT_SIDE = 1000;

  /** Geometric tail sums stop when the remainder bound falls below this fraction of the sum. */
  private static final double SUM_RELATIVE_ACCURACY = 1e-17;

  private static final int MAX_TAIL_TERMS = 10_000_000;

  private ConditionalBinomialTails() {}

  /** P(X &gt;= k) for X ~ Binomial(n, theta/(1 + theta)), theta finite and &gt; 0. */
  static double atLeast(long k, long n, double theta) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    if (n - k <= SHORT_SIDE) {
      // X >= k is n - X <= n - k, and n - X is binomial with odds 1/theta.
      return atMostShort(n - k, n, 1 / theta);
    }
    if (k <= SHORT_SIDE) {
      return atLeastSmall(k, n, theta);
    }
    return betaCdfAtOdds(k, n - k + 1.0, theta);
  }

  /** P(X &lt;= k) for X ~ Binomial(n, theta/(1 + theta)), theta finite and &gt; 0. */
  static double atMost(long k, long n, double theta) {
    if (k < 0) {
      return 0;
    }
    if (k >= n) {
      return 1;
    }
    if (k <= SHORT_SIDE) {
      return atMostShort(k, n, theta);
    }
    if (n - k <= SHORT_SIDE) {
      return atLeastSmall(n - k, n, 1 / theta);
    }
    return betaSurvivalAtOdds(k + 1.0, n - k, theta);
  }

  /**
   * Whether the tails around x1 successes out of x1 + x2 are summed term by term (for some of x1 -
   * 1, x1, x1 + 1), rather than all taken from the incomplete beta function.
   */
  static boolean hasShortSide(long x1, long x2) {
    return Math.min(x1, x2) <= SHORT_SIDE + 1;
  }

  /** P(Q &lt;= p) for Q ~ Beta(a, b) at p = odds/(1 + odds), evaluated without cancellation. */
  static double betaCdfAtOdds(double a, double b, double odds) {
    if (odds <= 1) {
      return BetaDistribution.of(a, b).cumulativeProbability(odds / (1 + odds));
    }
    return BetaDistribution.of(b, a).survivalProbability(1 / (1 + odds));
  }

  /** P(Q &gt; p) for Q ~ Beta(a, b) at p = odds/(1 + odds), evaluated without cancellation. */
  static double betaSurvivalAtOdds(double a, double b, double odds) {
    if (odds <= 1) {
      return BetaDistribution.of(a, b).survivalProbability(odds / (1 + odds));
    }
    return BetaDistribution.of(b, a).cumulativeProbability(1 / (1 + odds));
  }

  /** P(X &lt;= c) as the sum of its c + 1 terms (c &lt;= SHORT_SIDE). */
  private static double atMostShort(long c, long n, double theta) {
    double[] logTerms = logProbabilities(c, n, theta);
    return sumOfExp(logTerms, logTerms.length);
  }

  /**
   * P(X &gt;= k) for small k: beyond the mode the terms from k on decrease geometrically and are
   * summed until the remainder is negligible; at or below the mode P(X &lt; k) is at most about
   * 1/2, so its complement loses no precision.
   */
  private static double atLeastSmall(long k, long n, double theta) {
    double[] logTerms = logProbabilities(k, n, theta);
    double ratio = ratio(k, n, theta);
    if (ratio >= 1) {
      return 1 - sumOfExp(logTerms, (int) k);
    }
    double first = logTerms[(int) k];
    double logTerm = first;
    double sum = 1;
    double relativeTerm = 1;
    long j = k;
    for (int terms = 0; terms < MAX_TAIL_TERMS && j < n; terms++) {
      ratio = ratio(j, n, theta);
      double remainderBound = relativeTerm * ratio / (1 - ratio);
      if (remainderBound <= SUM_RELATIVE_ACCURACY * sum) {
        return Math.exp(first) * sum;
      }
      logTerm += Math.log(ratio);
      j++;
      relativeTerm = Math.exp(logTerm - first);
      sum += relativeTerm;
    }
    if (j >= n) {
      return Math.exp(first) * sum;
    }
    throw new IllegalStateException(
        "binomial tail sum did not converge for k = " + k + ", n = " + n + ", odds = " + theta);
  }

  /** log P(X = j) for j = 0..last. */
  private static double[] logProbabilities(long last, long n, double theta) {
    double[] logTerms = new double[(int) last + 1];
    // log P(X = 0) = n log(1 - p) = -n log(1 + theta)
    logTerms[0] = -n * Math.log1p(theta);
    for (int j = 0; j < last; j++) {
      logTerms[j + 1] = logTerms[j] + logRatio(j, n, theta);
    }
    return logTerms;
  }

  /** P(X = j + 1) / P(X = j) = (n - j) theta / (j + 1). */
  private static double ratio(long j, long n, double theta) {
    return (double) (n - j) / (j + 1) * theta;
  }

  /** log of {@link #ratio}, from the product (one rounding) unless it leaves the double range. */
  private static double logRatio(long j, long n, double theta) {
    double ratio = ratio(j, n, theta);
    if (ratio > 0 && ratio < Double.POSITIVE_INFINITY) {
      return Math.log(ratio);
    }
    return Math.log((double) (n - j) / (j + 1)) + Math.log(theta);
  }

  /** sum of exp(logTerms[i]) for i &lt; count, scaled by the largest term to avoid underflow. */
  private static double sumOfExp(double[] logTerms, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, logTerms[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += Math.exp(logTerms[i] - max);
    }
    return Math.exp(max) * sum;
  }
}
