package org.trialstats.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.trialstats.numerics.LogScaleHalley;

/**
 * Tail probabilities of X ~ Binomial(n, p) with p given through its odds theta = p/(1 - p), and the
 * odds at which a tail takes a given value: the conditional distribution of the treatment count x1
 * given the total n = x1 + x2 of two Poisson counts, used by {@link RateRatioMethod}.
 *
 * <p>Where both tails hold many terms the regularized incomplete beta function of Commons
 * Statistics is used (P(X &gt;= k) = I_p(k, n - k + 1)), evaluated on the side of p = 1/2 where p
 * or 1 - p is exact. Where one count is small and the other very large (e.g. 2 against 10^9) that
 * function loses up to 8 significant digits, so within {@link #SHORT_SIDE} of either end of the
 * support the probabilities are summed term by term instead. Such a sum starts from b_k = P(X = k),
 * computed by Loader's saddle-point expansion ({@link LoaderSaddlePoint}, relative error about
 * 1e-15 for n up to 10^10), and walks away from k through the exact ratios b_(j+1)/b_j = (n - j)
 * theta / (j + 1), summing only the terms that matter: upwards when the terms fall from k on (k at
 * or beyond the mode), otherwise downwards from k - 1 for the complement P(X &lt; k), which is then
 * at most about 1/2 and so loses no precision in 1 - P(X &lt; k). A sum stops once the geometric
 * bound of its remainder is below 1e-17 of it: about 9 standard deviations of X plus a geometric
 * run, never more than k or n - k terms. Each term adds about two rounding errors, weighted by its
 * (decreasing) size, so the tails keep about 1e-15 relative precision.
 */
final class ConditionalBinomialTails {

  /** Counts at or below this from either end of the support are summed term by term. */
  static final long SHORT_SIDE = 1000;

  /** Tail sums stop when the remainder bound falls below this fraction of the sum. */
  private static final double SUM_RELATIVE_ACCURACY = 1e-17;

  private ConditionalBinomialTails() {}

  /** P(X &gt;= k) for X ~ Binomial(n, theta/(1 + theta)), theta finite and &gt; 0. */
  static double atLeast(long k, long n, double theta) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    if (k <= SHORT_SIDE || n - k <= SHORT_SIDE) {
      return atLeastByTerms(k, n, theta);
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
    if (k <= SHORT_SIDE || n - k <= SHORT_SIDE) {
      // X <= k is n - X >= n - k, and n - X is binomial with odds 1/theta.
      return atLeastByTerms(n - k, n, 1 / theta);
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

  /**
   * The odds theta at which P(X &gt;= k) = target for X ~ Binomial(n, theta/(1 + theta)), or with
   * {@code midP} the odds at which P(X &gt; k) + P(X = k)/2 = target; 1 &lt;= k &lt; n, target in
   * (0, 1/2]. The tail probability rises strictly with theta, from 0 to 1.
   *
   * <p>Solved by Halley's method on f(u) = log T(u) - log(target) in u = log theta, where T is the
   * tail. Its derivatives are analytic: with b_j = P(X = j), p = theta/(1 + theta), q = 1 - p,
   * dT/du = k q b_k (d/dp P(X &gt;= k) = n b(k - 1; n - 1, p)) and d^2T/du^2 = k q b_k (k - n p -
   * p); for the mid-p tail the average of these for k and k + 1. log T is close to linear in u, so
   * from Paulson's approximation to the corresponding beta quantile (mostly within 1e-1 to 1e-6
   * relative) the iteration converges cubically, in 2 or 3 evaluations (rarely up to 7); a bracket
   * of the root is kept and bisected (on the log scale) whenever a step would leave it. The
   * iteration stops after a step below 1e-7 relative, which leaves an error of order 1e-18.
   *
   * <p>Each evaluation sums the tail term by term as described for the class, relative to b_k
   * (carried as a logarithm, so nothing underflows however far the iterate is from the root), at a
   * cost bounded by min(k, n - k) terms; callers use this where k or n - k is at most {@link
   * #SHORT_SIDE} + 1. The tail keeps about 1e-15 relative precision and d log T/du is of order 1 or
   * more at the root, so the root has the same relative precision: against 40-digit mpmath roots
   * for 1,250 random tables and levels (one count up to 1001, the other up to 2e9) the rate-ratio
   * limits were within 2e-15 relative (RateRatioShortSideReferenceTest checks 196).
   */
  static double oddsAtUpperTail(long k, long n, double target, boolean midP) {
    double logTarget = Math.log(target);
    TailEvaluation tail = new TailEvaluation();
    return LogScaleHalley.root(
        startingOdds(k, n, target, midP),
        (theta, d) -> {
          tail.evaluate(k, n, theta, midP);
          d.set(tail.logTail - logTarget, tail.logSlope, tail.logCurvature);
        },
        "root of the binomial tail for k = " + k + ", n = " + n);
  }

  /**
   * Starting odds for {@link #oddsAtUpperTail}: the odds of the beta quantile of probability target
   * for Beta(k, n - k + 1) (the Clopper-Pearson limit; Beta(k + 1/2, n - k + 1/2) for mid-p) by
   * Paulson's approximation ({@link BetaQuantile#approximateOdds}).
   */
  private static double startingOdds(long k, long n, double target, boolean midP) {
    double a = midP ? k + 0.5 : k;
    double b = midP ? n - k + 0.5 : n - k + 1.0;
    return BetaQuantile.approximateOdds(a, b, target);
  }

  /**
   * log T, d log T/du and d^2 log T/du^2 at one odds, where T is the upper (or mid-p) tail and u =
   * log theta. A mutable holder, so that one root search allocates once.
   */
  private static final class TailEvaluation {
    double logTail;
    double logSlope;
    double logCurvature;

    void evaluate(long k, long n, double theta, boolean midP) {
      double p = theta / (1 + theta);
      double q = 1 / (1 + theta);
      double logTerm = LoaderSaddlePoint.logBinomialProbability(k, n, p, q);
      double nextRatio = ratio(k, n, theta);
      // dT/du and d^2T/du^2 relative to b_k
      double mean = n * p;
      double slope = k * q;
      double curvature = slope * (k - mean - p);
      if (midP) {
        double nextSlope = (k + 1) * q * nextRatio;
        curvature = 0.5 * (curvature + nextSlope * (k + 1 - mean - p));
        slope = 0.5 * (slope + nextSlope);
      }
      double tailOverTerm;
      if (nextRatio < 1) {
        // k at or beyond the mode: T = b_k (sum of b_j/b_k for j >= k) [- b_k/2 for mid-p]
        tailOverTerm = sumUpwards(k, n, theta) - (midP ? 0.5 : 0);
        logTail = logTerm + Math.log(tailOverTerm);
      } else {
        // below the mode P(X < k) is at most about 1/2: its complement loses no precision
        double term = Math.exp(logTerm);
        double tail = 1 - term * sumDownwards(k, n, theta) - (midP ? 0.5 * term : 0);
        logTail = Math.log(tail);
        tailOverTerm = tail / term;
      }
      double relativeSlope = slope / tailOverTerm;
      logSlope = relativeSlope;
      logCurvature = curvature / tailOverTerm - relativeSlope * relativeSlope;
    }
  }

  /** The sum of b_j/b_k over j &gt;= k, for terms falling from k on (ratio(k) &lt; 1). */
  private static double sumUpwards(long k, long n, double theta) {
    double term = 1;
    double sum = 1;
    for (long j = k; j < n; j++) {
      double ratio = ratio(j, n, theta);
      term *= ratio;
      sum += term;
      // the ratios keep falling, so the remainder is below the geometric series term r/(1 - r)
      if (term * ratio <= SUM_RELATIVE_ACCURACY * sum * (1 - ratio)) {
        break;
      }
    }
    return sum;
  }

  /** The sum of b_j/b_k over j &lt; k for k below the mode (ratio(k) &gt;= 1), falling from k. */
  private static double sumDownwards(long k, long n, double theta) {
    double term = 1;
    double sum = 0;
    for (long j = k; j > 0; j--) {
      // b_(j-1)/b_j = j / ((n - j + 1) theta)
      double ratio = j / ((double) (n - j + 1) * theta);
      term *= ratio;
      sum += term;
      if (ratio < 1 && term * ratio <= SUM_RELATIVE_ACCURACY * sum * (1 - ratio)) {
        break;
      }
    }
    return sum;
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

  /** P(X &gt;= k), 1 &lt;= k &lt;= n, from the non-negligible terms next to k. */
  private static double atLeastByTerms(long k, long n, double theta) {
    double logTerm =
        LoaderSaddlePoint.logBinomialProbability(k, n, theta / (1 + theta), 1 / (1 + theta));
    if (ratio(k, n, theta) < 1) {
      return Math.exp(logTerm) * sumUpwards(k, n, theta);
    }
    return 1 - Math.exp(logTerm) * sumDownwards(k, n, theta);
  }

  /** P(X = j + 1) / P(X = j) = (n - j) theta / (j + 1). */
  private static double ratio(long j, long n, double theta) {
    return (double) (n - j) / (j + 1) * theta;
  }
}
