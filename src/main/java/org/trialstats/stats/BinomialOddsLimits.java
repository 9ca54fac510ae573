package org.trialstats.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Exact (Clopper-Pearson) and mid-p confidence limits for the odds p/(1 - p) of a binomial
 * proportion from x1 successes and x2 failures (n = x1 + x2 trials), shared by the conditional
 * rate-ratio intervals ({@link RateRatioMethod}: the rate ratio is the odds times T2/T1) and the
 * mid-p interval of a single proportion ({@link ProportionMethod}: p = odds/(1 + odds)), so that
 * every binomial mid-p limit is computed by one code path.
 *
 * <p>Limits are computed on the odds scale, without ever forming 1 - p by cancellation, so limits
 * near p = 1 keep full relative precision. Where either count is at most 1001 (the Commons
 * incomplete beta function loses up to 8 digits when one count is small and the other very large,
 * e.g. 2 against 10^9) the limits are found by Halley's method on binomial tails summed term by
 * term ({@link ConditionalBinomialTails#oddsAtUpperTail}), to about 2e-15 relative; otherwise the
 * exact limits are beta quantiles and the mid-p limits are found by {@link MidPLimit} on incomplete
 * beta tails, to about 1e-13 relative.
 */
final class BinomialOddsLimits {
  private BinomialOddsLimits() {}

  /**
   * Clopper-Pearson lower limit for the odds: the quantile B^-1(alpha/2; x1, x2 + 1), i.e. the odds
   * where P(X &gt;= x1) = alpha/2 for X ~ Binomial(x1 + x2, p).
   */
  static double exactLowerOdds(long x1, long x2, double halfAlpha) {
    if (x1 == 0) {
      return 0;
    }
    long n = x1 + x2;
    if (x2 == 0) {
      // P(X >= n) = p^n = alpha/2: odds = 1/((alpha/2)^(-1/n) - 1).
      return 1 / Math.expm1(-Math.log(halfAlpha) / n);
    }
    if (ConditionalBinomialTails.hasShortSide(x1, x2)) {
      return ConditionalBinomialTails.oddsAtUpperTail(x1, n, halfAlpha, false);
    }
    return betaQuantileOdds(x1, x2 + 1.0, halfAlpha, false);
  }

  /**
   * Clopper-Pearson upper limit for the odds: the quantile B^-1(1 - alpha/2; x1 + 1, x2), i.e. the
   * odds where P(X &lt;= x1) = alpha/2.
   */
  static double exactUpperOdds(long x1, long x2, double halfAlpha) {
    if (x2 == 0) {
      return Double.POSITIVE_INFINITY;
    }
    long n = x1 + x2;
    if (x1 == 0) {
      // P(X <= 0) = (1 - p)^n = alpha/2: odds = (alpha/2)^(-1/n) - 1.
      return Math.expm1(-Math.log(halfAlpha) / n);
    }
    if (ConditionalBinomialTails.hasShortSide(x1, x2)) {
      // P(X <= x1) = P(n - X >= x2), and n - X is binomial with the reciprocal odds.
      return 1 / ConditionalBinomialTails.oddsAtUpperTail(x2, n, halfAlpha, false);
    }
    return betaQuantileOdds(x1 + 1.0, x2, halfAlpha, true);
  }

  /**
   * Mid-p lower limit for the odds: solves P(X &gt;= x1) + P(X &gt;= x1 + 1) = alpha for X ~
   * Binomial(x1 + x2, p), which lies between the Clopper-Pearson lower limits for x1 and x1 + 1
   * successes.
   */
  static double midPLowerOdds(long x1, long x2, double halfAlpha) {
    if (x1 == 0) {
      return 0;
    }
    long n = x1 + x2;
    if (x2 == 0) {
      // P(X = n)/2 = p^n/2 = alpha/2: p = alpha^(1/n), odds = 1/(alpha^(-1/n) - 1).
      return 1 / Math.expm1(-Math.log(2 * halfAlpha) / n);
    }
    if (ConditionalBinomialTails.hasShortSide(x1, x2)) {
      return ConditionalBinomialTails.oddsAtUpperTail(x1, n, halfAlpha, true);
    }
    return MidPLimit.solve(
        theta ->
            0.5
                * (ConditionalBinomialTails.atLeast(x1, n, theta)
                    + ConditionalBinomialTails.atLeast(x1 + 1, n, theta)),
        halfAlpha,
        betaQuantileOdds(x1, x2 + 1.0, halfAlpha, false),
        betaQuantileOdds(x1 + 1.0, x2, halfAlpha, false));
  }

  /**
   * Mid-p upper limit for the odds: solves P(X &lt;= x1) + P(X &lt;= x1 - 1) = alpha for X ~
   * Binomial(x1 + x2, p), between the Clopper-Pearson upper limits for x1 - 1 and x1 successes.
   */
  static double midPUpperOdds(long x1, long x2, double halfAlpha) {
    if (x2 == 0) {
      return Double.POSITIVE_INFINITY;
    }
    long n = x1 + x2;
    if (x1 == 0) {
      // P(X = 0)/2 = (1 - p)^n/2 = alpha/2: 1 - p = alpha^(1/n), odds = alpha^(-1/n) - 1.
      return Math.expm1(-Math.log(2 * halfAlpha) / n);
    }
    if (ConditionalBinomialTails.hasShortSide(x1, x2)) {
      // P(X < x1) + P(X = x1)/2 = P(Y > x2) + P(Y = x2)/2 for Y = n - X (reciprocal odds).
      return 1 / ConditionalBinomialTails.oddsAtUpperTail(x2, n, halfAlpha, true);
    }
    return MidPLimit.solve(
        theta ->
            0.5
                * (ConditionalBinomialTails.atMost(x1, n, theta)
                    + ConditionalBinomialTails.atMost(x1 - 1, n, theta)),
        halfAlpha,
        betaQuantileOdds(x1, x2 + 1.0, halfAlpha, true),
        betaQuantileOdds(x1 + 1.0, x2, halfAlpha, true));
  }

  /**
   * The odds q/(1 - q) of the beta quantile q with lower-tail probability {@code tail} (or upper
   * tail if {@code upperTail}). Above 1/2 the quantile is taken from the mirrored distribution 1 -
   * Q ~ Beta(b, a), so that 1 - q is never formed by cancellation.
   */
  private static double betaQuantileOdds(double a, double b, double tail, boolean upperTail) {
    BetaDistribution beta = BetaDistribution.of(a, b);
    double q =
        upperTail ? beta.inverseSurvivalProbability(tail) : beta.inverseCumulativeProbability(tail);
    if (q <= 0.5) {
      return q / (1 - q);
    }
    BetaDistribution mirrored = BetaDistribution.of(b, a);
    double complement =
        upperTail
            ? mirrored.inverseCumulativeProbability(tail)
            : mirrored.inverseSurvivalProbability(tail);
    return (1 - complement) / complement;
  }
}
