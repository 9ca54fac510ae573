package org.trialstats.stats;

import java.util.List;
import org.trialstats.numerics.MonotoneRoot;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * The exact conditional distribution of T = sum over strata of x1 given every stratum's margins,
 * when all strata share the odds ratio psi: the convolution of K Fisher noncentral hypergeometric
 * distributions,
 *
 * <pre>
 *   P(T = t; psi) = c(t) psi^t / sum_u c(u) psi^u,   c = c_1 * c_2 * ... * c_K (convolution),
 *   c_h(k) = C(n1h, k) C(n2h, m_h - k) / C(N_h, m_h)  (the central hypergeometric probabilities)
 * </pre>
 *
 * (Gart JJ. Point and interval estimation of the common odds ratio in the combination of 2x2 tables
 * with fixed marginals. Biometrika 1970;57:471-475; Mehta CR, Patel NR, Gray R. J Am Stat Assoc
 * 1985;80:969-973; Breslow &amp; Day 1980, section 4.4). The central probabilities come from {@link
 * ConditionalOddsRatioDistribution#logCentralProbability} (saddle-point, exact to double
 * precision); the convolution is formed in double precision, rescaled after every stratum so that
 * its largest term is 1 (terms below 1e-300 of the largest are dropped: they cannot change a tail
 * probability that matters at any confidence level below 1 - 1e-280). Tail probabilities are sums
 * of their own terms, relative to the largest term (log-sum-exp).
 *
 * <p>The exact interval and the conditional maximum-likelihood estimate follow as for one table
 * (Cornfield 1956): lower limit P(T &gt;= t; psi) = alpha/2, upper P(T &lt;= t; psi) = alpha/2,
 * estimate E[T; psi] = t; a limit is 0 or infinite when t is at the end of the support. As PROC
 * FREQ's EXACT COMOR and R's {@code mantelhaen.test(exact = TRUE)} (which solves with {@code
 * uniroot}'s default tolerance only).
 */
final class StratifiedConditionalDistribution {
  /** Largest support (sum of the strata's support sizes) accepted. */
  static final long MAX_SUPPORT = 2_000_000L;

  /** Largest convolution work (sum over strata of support so far times stratum support). */
  static final long MAX_WORK = 400_000_000L;

  private final long minimum;
  private final double[] logCoefficient;

  StratifiedConditionalDistribution(List<Stratum> strata) {
    long support = 1;
    long work = 0;
    long low = 0;
    for (Stratum s : strata) {
      long lo = Math.max(0, s.events() - s.n2());
      long hi = Math.min(s.n1(), s.events());
      work += support * (hi - lo + 1);
      support += hi - lo;
      low += lo;
      if (support > MAX_SUPPORT || work > MAX_WORK) {
        throw new StatsException(
            "the exact conditional distribution of the strata has more than "
                + MAX_SUPPORT
                + " values or needs more than "
                + MAX_WORK
                + " operations; for counts this"
                + " large the Mantel-Haenszel or score intervals agree closely with it");
      }
    }
    minimum = low;
    double[] coefficient = {1.0};
    for (Stratum s : strata) {
      ConditionalOddsRatioDistribution stratum =
          new ConditionalOddsRatioDistribution(s.n1(), s.n2(), s.events());
      long lo = stratum.supportMin();
      int size = (int) (stratum.supportMax() - lo) + 1;
      double[] central = new double[size];
      double largestLog = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < size; i++) {
        central[i] = stratum.logCentralProbability(lo + i);
        largestLog = Math.max(largestLog, central[i]);
      }
      for (int i = 0; i < size; i++) {
        central[i] = Math.exp(central[i] - largestLog);
      }
      double[] next = new double[coefficient.length + size - 1];
      for (int i = 0; i < coefficient.length; i++) {
        double ci = coefficient[i];
        if (ci == 0) {
          continue;
        }
        for (int j = 0; j < size; j++) {
          next[i + j] += ci * central[j];
        }
      }
      double largest = 0;
      for (double v : next) {
        largest = Math.max(largest, v);
      }
      for (int i = 0; i < next.length; i++) {
        next[i] = next[i] / largest < 1e-300 ? 0 : next[i] / largest;
      }
      coefficient = next;
    }
    logCoefficient = new double[coefficient.length];
    for (int i = 0; i < coefficient.length; i++) {
      logCoefficient[i] = Math.log(coefficient[i]);
    }
  }

  /** Smallest value of T. */
  long supportMin() {
    return minimum;
  }

  /** Largest value of T. */
  long supportMax() {
    return minimum + logCoefficient.length - 1;
  }

  /** log P(T &gt;= t; psi) (upper) or log P(T &lt;= t; psi) (lower). */
  double logTail(long t, double logPsi, boolean upper) {
    int at = (int) (t - minimum);
    double largest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logCoefficient.length; i++) {
      largest = Math.max(largest, logCoefficient[i] + i * logPsi);
    }
    double total = 0;
    double tail = 0;
    for (int i = 0; i < logCoefficient.length; i++) {
      double term = Math.exp(logCoefficient[i] + i * logPsi - largest);
      total += term;
      if (upper ? i >= at : i <= at) {
        tail += term;
      }
    }
    return Math.log(tail) - Math.log(total);
  }

  /** E[T; psi]. */
  double mean(double logPsi) {
    double largest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logCoefficient.length; i++) {
      largest = Math.max(largest, logCoefficient[i] + i * logPsi);
    }
    double total = 0;
    double weighted = 0;
    for (int i = 0; i < logCoefficient.length; i++) {
      double term = Math.exp(logCoefficient[i] + i * logPsi - largest);
      total += term;
      weighted += i * term;
    }
    return minimum + weighted / total;
  }

  /**
   * The exact conditional interval and conditional MLE of the common odds ratio.
   *
   * @param t observed sum of arm-1 events
   * @param level confidence level
   * @param method method id for the estimate
   */
  Estimate interval(long t, double level, String method, double startLog) {
    double logHalfAlpha = Math.log((1 - level) / 2);
    boolean atMinimum = t == supportMin();
    boolean atMaximum = t == supportMax();
    double estimate;
    double start = startLog;
    if (atMinimum) {
      estimate = 0;
    } else if (atMaximum) {
      estimate = Double.POSITIVE_INFINITY;
    } else {
      start = MonotoneRoot.solve(u -> mean(u) - t, startLog, true);
      estimate = Math.exp(start);
    }
    double lower =
        atMinimum
            ? 0
            : Math.exp(MonotoneRoot.solve(u -> logTail(t, u, true) - logHalfAlpha, start, true));
    double upper =
        atMaximum
            ? Double.POSITIVE_INFINITY
            : Math.exp(MonotoneRoot.solve(u -> logTail(t, u, false) - logHalfAlpha, start, false));
    return Estimate.interval(Measure.OR, method, estimate, lower, upper, level);
  }
}
