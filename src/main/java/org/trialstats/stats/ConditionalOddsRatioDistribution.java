package org.trialstats.stats;

import org.trialstats.numerics.IntegerSearch;

/**
 * Fisher's noncentral hypergeometric distribution: the distribution of the number X of events in
 * arm 1 given both margins of a 2x2 table (n1, n2 subjects; m events in total), when the odds ratio
 * is psi:
 *
 * <pre>
 *   P(X = k; psi) = C(n1, k) C(n2, m-k) psi^k / sum_j C(n1, j) C(n2, m-j) psi^j,
 *   max(0, m - n2) &lt;= k &lt;= min(n1, m).
 * </pre>
 *
 * It is the basis of Fisher's exact test (psi = 1), Cornfield's exact limits, the mid-p limits and
 * the conditional maximum-likelihood estimate (Cornfield 1956; Breslow &amp; Day 1980, vol. 1,
 * section 4.2).
 *
 * <p>Counts up to 10^9 per arm (support up to 10^9 values) are handled without enumerating the
 * support: terms are generated outwards from the mode by the ratio recurrence w(k+1)/w(k) = psi
 * (n1-k)(m-k) / ((k+1)(n2-m+k+1)), which decreases in k (log-concavity), and each sum stops once
 * the bound on everything not yet added, term * r / (1 - r) for the current ratio r &lt; 1, is
 * below {@value #TRUNCATION} times the sum so far (so every sum is complete to a relative 1e-20,
 * far below the 1e-16 of double arithmetic). Terms are relative to the term the walk starts from
 * (the mode, or the boundary of a tail): this is the log-sum-exp device, log sum w = log w_start +
 * log sum (w / w_start), and nothing overflows or underflows; where a starting term is needed on
 * the absolute scale its logarithm comes from {@link LoaderSaddlePoint}. Every tail probability is
 * computed as a sum of the tail's own terms (or as 1 minus a sum that is at most about one half),
 * so small tail probabilities keep full relative precision.
 */
final class ConditionalOddsRatioDistribution {
  /** Relative truncation bound of every sum (see the class description). */
  static final double TRUNCATION = 1e-20;

  /** Above this |log psi| the recurrence ratio is formed in log space to avoid overflow. */
  private static final double LINEAR_RATIO_LIMIT = 600;

  /**
   * Supports up to this many values keep the psi-free factors of the recurrence ratio in arrays, so
   * that the many evaluations of one table by a root finder do not divide again per term.
   */
  private static final long MAX_CACHED_SUPPORT = 1 << 15;

  private final long n1;
  private final long n2;
  private final long m;
  private final long lo;
  private final long hi;

  /** (n1 - k)/(k + 1) at index k - lo once computed (0 before), or null for a large support. */
  private final double[] armOneFactor;

  /** (m - k)/(n2 - m + k + 1) at index k - lo once computed, or null for a large support. */
  private final double[] armTwoFactor;

  /**
   * Central log probabilities already computed, at index k - lo where {@link #logCentralKnown} (or
   * by k in {@link #logCentralByCount} for a large support): a root finder asks for the same k (the
   * observed count and nearby modes) at every iteration, and the saddle-point formula is costly.
   * Instances are used by one thread (one table, one computation).
   */
  private final double[] logCentral;

  /**
   * log(n1 - k), log(m - k), log(k + 1), log(n2 - m + k + 1) at index 4 (k - lo), once {@link
   * #logFactorsKnown}: the mode search of every evaluation visits mostly the same k.
   */
  private final double[] logFactors;

  private final boolean[] logFactorsKnown;
  private final boolean[] logCentralKnown;
  private final java.util.HashMap<Long, Double> logCentralByCount;

  /**
   * @param n1 subjects in arm 1
   * @param n2 subjects in arm 2
   * @param m events in both arms together, 0 &lt;= m &lt;= n1 + n2
   */
  ConditionalOddsRatioDistribution(long n1, long n2, long m) {
    this.n1 = n1;
    this.n2 = n2;
    this.m = m;
    this.lo = Math.max(0, m - n2);
    this.hi = Math.min(n1, m);
    if (hi - lo < MAX_CACHED_SUPPORT) {
      int size = (int) (hi - lo) + 1;
      armOneFactor = new double[size];
      armTwoFactor = new double[size];
      logCentral = new double[size];
      logCentralKnown = new boolean[size];
      logCentralByCount = null;
      logFactors = new double[4 * size];
      logFactorsKnown = new boolean[size];
    } else {
      armOneFactor = null;
      armTwoFactor = null;
      logCentral = null;
      logCentralKnown = null;
      logCentralByCount = new java.util.HashMap<>();
      logFactors = null;
      logFactorsKnown = null;
    }
  }

  /** The distribution of x1 given the margins of {@code table}. */
  static ConditionalOddsRatioDistribution of(TwoByTwo table) {
    return new ConditionalOddsRatioDistribution(table.n1(), table.n2(), table.x1() + table.x2());
  }

  /** Smallest value of the support, max(0, m - n2). */
  long supportMin() {
    return lo;
  }

  /** Largest value of the support, min(n1, m). */
  long supportMax() {
    return hi;
  }

  /** The distribution at log odds ratio {@code logPsi} (sums are computed once, here). */
  Evaluation at(double logPsi) {
    return new Evaluation(logPsi);
  }

  /** log of the central (psi = 1) hypergeometric probability of k. */
  double logCentralProbability(long k) {
    if (logCentral != null && k >= lo && k <= hi) {
      int i = (int) (k - lo);
      if (!logCentralKnown[i]) {
        logCentral[i] = LoaderSaddlePoint.logHypergeometricProbability(k, n1, n2, m);
        logCentralKnown[i] = true;
      }
      return logCentral[i];
    }
    if (logCentralByCount == null) {
      return LoaderSaddlePoint.logHypergeometricProbability(k, n1, n2, m);
    }
    return logCentralByCount.computeIfAbsent(
        k, c -> LoaderSaddlePoint.logHypergeometricProbability(c, n1, n2, m));
  }

  /** The distribution at one value of the odds ratio. */
  final class Evaluation {
    private final double logPsi;
    private final double psi;
    private final boolean linearRatio;
    private final long mode;
    private final double logCentralAtMode;

    /** Sum over the support of w(k) / w(mode). */
    private final double weightSum;

    /** Sum over the support of (k - mode) w(k) / w(mode). */
    private final double offsetWeightSum;

    private Evaluation(double logPsi) {
      this.logPsi = logPsi;
      this.psi = Math.exp(logPsi);
      this.linearRatio = Math.abs(logPsi) <= LINEAR_RATIO_LIMIT;
      this.mode = findMode();
      this.logCentralAtMode = logCentralProbability(mode);
      double sum = 1;
      double offsetSum = 0;
      double term = 1;
      for (long k = mode; k < hi; k++) {
        double r = ratio(k);
        term *= r;
        sum += term;
        offsetSum += (k + 1 - mode) * term;
        if (negligible(term, r, sum)) {
          break;
        }
      }
      term = 1;
      for (long k = mode - 1; k >= lo; k--) {
        double r = 1 / ratio(k);
        term *= r;
        sum += term;
        offsetSum += (k - mode) * term;
        if (negligible(term, r, sum)) {
          break;
        }
      }
      this.weightSum = sum;
      this.offsetWeightSum = offsetSum;
    }

    /** The mode: the smallest k with w(k+1) &lt;= w(k) (or the top of the support). */
    long mode() {
      return mode;
    }

    /** E[X; psi]. */
    double mean() {
      return mode + offsetWeightSum / weightSum;
    }

    /** log P(X = k; psi). */
    double logProbability(long k) {
      return logRelativeWeight(k) - Math.log(weightSum);
    }

    /**
     * log( P(X &gt; x) + w P(X = x) ) for a weight w in [0, 1]: w = 1 gives P(X &gt;= x) (exact
     * limits), w = 1/2 the mid-p upper tail.
     */
    double logUpperTail(long x, double w) {
      if (x < lo) {
        return 0;
      }
      if (x > hi) {
        return Double.NEGATIVE_INFINITY;
      }
      if (x >= mode) {
        return logRelativeWeight(x) + Math.log(w + sumBeyond(x, true)) - Math.log(weightSum);
      }
      double complement =
          Math.exp(logRelativeWeight(x) - Math.log(weightSum)) * ((1 - w) + sumBeyond(x, false));
      return Math.log1p(-complement);
    }

    /** log( P(X &lt; x) + w P(X = x) ); the mirror image of {@link #logUpperTail}. */
    double logLowerTail(long x, double w) {
      if (x > hi) {
        return 0;
      }
      if (x < lo) {
        return Double.NEGATIVE_INFINITY;
      }
      if (x <= mode) {
        return logRelativeWeight(x) + Math.log(w + sumBeyond(x, false)) - Math.log(weightSum);
      }
      double complement =
          Math.exp(logRelativeWeight(x) - Math.log(weightSum)) * ((1 - w) + sumBeyond(x, true));
      return Math.log1p(-complement);
    }

    /** log( w(x) / w(mode) ), from the saddle-point log probabilities. */
    private double logRelativeWeight(long x) {
      if (x == mode) {
        return 0;
      }
      return logCentralProbability(x) - logCentralAtMode + (x - mode) * logPsi;
    }

    /**
     * Sum of w(k) / w(x) over k &gt; x (upwards) or k &lt; x (downwards), excluding x itself. Only
     * called walking away from the mode, where the ratios are at most 1.
     */
    private double sumBeyond(long x, boolean upwards) {
      double sum = 0;
      double term = 1;
      if (upwards) {
        for (long k = x; k < hi; k++) {
          double r = ratio(k);
          term *= r;
          sum += term;
          if (negligible(term, r, 1 + sum)) {
            break;
          }
        }
      } else {
        for (long k = x - 1; k >= lo; k--) {
          double r = 1 / ratio(k);
          term *= r;
          sum += term;
          if (negligible(term, r, 1 + sum)) {
            break;
          }
        }
      }
      return sum;
    }

    private long findMode() {
      return IntegerSearch.mode(lo, hi, this::logRatio);
    }

    /** w(k+1) / w(k) for lo &lt;= k &lt; hi. */
    private double ratio(long k) {
      if (linearRatio && armOneFactor != null) {
        // the same operations in the same order as below, with the divisions done once
        int i = (int) (k - lo);
        double armOne = armOneFactor[i];
        if (armOne == 0) {
          // both factors are positive for lo <= k < hi, so 0 marks "not yet computed"
          armOne = (double) (n1 - k) / (k + 1);
          armOneFactor[i] = armOne;
          armTwoFactor[i] = (double) (m - k) / (n2 - m + k + 1);
        }
        return psi * armOne * armTwoFactor[i];
      }
      if (linearRatio) {
        return psi * ((double) (n1 - k) / (k + 1)) * ((double) (m - k) / (n2 - m + k + 1));
      }
      return Math.exp(logRatio(k));
    }

    private double logRatio(long k) {
      if (logFactors != null) {
        // the same sum in the same order as below, with the logarithms taken once per k
        int i = (int) (k - lo);
        int at = 4 * i;
        if (!logFactorsKnown[i]) {
          logFactors[at] = Math.log((double) (n1 - k));
          logFactors[at + 1] = Math.log((double) (m - k));
          logFactors[at + 2] = Math.log((double) (k + 1));
          logFactors[at + 3] = Math.log((double) (n2 - m + k + 1));
          logFactorsKnown[i] = true;
        }
        return logPsi
            + logFactors[at]
            + logFactors[at + 1]
            - logFactors[at + 2]
            - logFactors[at + 3];
      }
      return logPsi
          + Math.log((double) (n1 - k))
          + Math.log((double) (m - k))
          - Math.log((double) (k + 1))
          - Math.log((double) (n2 - m + k + 1));
    }
  }

  /**
   * Whether everything after {@code term} is negligible: with ratio r &lt; 1 and ratios
   * non-increasing further out (log-concavity), the rest is at most term * r / (1 - r).
   */
  private static boolean negligible(double term, double r, double sum) {
    if (term == 0) {
      return true;
    }
    return r < 1 && term * r < TRUNCATION * sum * (1 - r);
  }
}
