package org.trialstats.stats;

import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstats.numerics.IntegerSearch;

/**
 * Confidence limits for the mean mu of a Poisson count x, and two-sided tests of a hypothesised
 * mean, shared by {@link RateMethod} (limits divided by the exposure) and {@link SirMethod} (limits
 * divided by the expected count).
 *
 * <p>Poisson tail probabilities are evaluated through the gamma distribution so that counts are not
 * limited to {@code int}: P(X &gt;= k; mu) = P(Gamma(k, 1) &lt;= mu) for k &gt;= 1 and P(X &lt;= k;
 * mu) = P(Gamma(k + 1, 1) &gt; mu), and the probability mass P(X = k; mu) is the density of Gamma(k
 * + 1, 1) at mu. Every tail is computed directly (never as 1 minus the other tail), so small tail
 * probabilities keep full relative precision.
 */
public final class PoissonLimits {

  /**
   * The largest count accepted by the exact and mid-p computations. The incomplete gamma function
   * of Commons Statistics 1.3 stops converging for shapes near 10^11; 10^10 is well inside the
   * range where its quantiles were checked against R.
   */
  static final long MAX_EXACT_EVENTS = 10_000_000_000L;

  /** R's poisson.test treats probabilities within this relative margin of d(x) as ties. */
  private static final double R_TIE_TOLERANCE = 1e-7;

  /**
   * When P(X = x) &lt; e^-800 (about 4e-348) the count lies so many standard deviations from the
   * mean that each tail probability in the p-value exceeds P(X = x) by a few orders of magnitude at
   * most (the Poisson probabilities decay at least geometrically beyond x), so the p-value is below
   * the smallest double and is returned as 0. Returning early also keeps the gamma functions away
   * from arguments far outside their verified range (e.g. an expected count of 10^15).
   */
  private static final double LOG_NEGLIGIBLE = -800;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private PoissonLimits() {}

  /** Lower and upper confidence limits for a Poisson mean (or a ratio derived from it). */
  record Limits(double lower, double upper) {
    /** Both limits divided by {@code divisor} (an exposure or an expected count). */
    Limits dividedBy(double divisor) {
      return new Limits(lower / divisor, upper / divisor);
    }
  }

  /**
   * Garwood's exact (central) limits: lower = G^-1(alpha/2; x) (0 when x = 0), upper = G^-1(1 -
   * alpha/2; x + 1), where G(.; a) is the gamma distribution with shape a and unit scale;
   * equivalently chi2(alpha/2; 2x)/2 and chi2(1 - alpha/2; 2x + 2)/2.
   */
  static Limits exact(long x, double level) {
    checkExactRange(x);
    double halfAlpha = halfAlpha(level);
    return new Limits(exactLower(x, halfAlpha), exactUpper(x, halfAlpha));
  }

  /**
   * Mid-p limits: lower solves P(X &gt; x; mu) + P(X = x; mu)/2 = alpha/2 (0 when x = 0), upper
   * solves P(X &lt; x; mu) + P(X = x; mu)/2 = alpha/2 (= -log(alpha) when x = 0).
   */
  static Limits midP(long x, double level) {
    checkExactRange(x);
    double halfAlpha = halfAlpha(level);
    double lower = 0;
    if (x > 0) {
      lower =
          MidPLimit.solve(
              mu -> 0.5 * (probAtLeast(x, mu) + probAtLeast(x + 1, mu)),
              halfAlpha,
              exactLower(x, halfAlpha),
              exactLower(x + 1, halfAlpha));
    }
    double upper;
    if (x == 0) {
      // P(X = 0; mu)/2 = alpha/2 has the closed-form solution mu = -log(alpha).
      upper = -Math.log1p(-level);
    } else {
      upper =
          MidPLimit.solve(
              mu -> 0.5 * (probAtMost(x, mu) + probAtMost(x - 1, mu)),
              halfAlpha,
              exactUpper(x - 1, halfAlpha),
              exactUpper(x, halfAlpha));
    }
    return new Limits(lower, upper);
  }

  /**
   * Byar's approximation (Breslow &amp; Day 1987, vol. II, ch. 2): lower = x (1 - 1/(9x) - z/(3
   * sqrt(x)))^3, upper = (x + 1) (1 - 1/(9(x + 1)) + z/(3 sqrt(x + 1)))^3. The lower limit is 0
   * when x = 0 and when the cubed base is negative (small x at a high level, e.g. x = 1 at levels
   * above 99.2%), where the formula would otherwise give a negative mean.
   */
  static Limits byar(long x, double level) {
    double z = ConfidenceLevel.z(level);
    double lower = 0;
    if (x > 0) {
      double base = 1 - 1 / (9.0 * x) - z / (3 * Math.sqrt(x));
      lower = base > 0 ? x * base * base * base : 0;
    }
    double next = x + 1.0;
    double upperBase = 1 - 1 / (9 * next) + z / (3 * Math.sqrt(next));
    return new Limits(lower, next * upperBase * upperBase * upperBase);
  }

  /**
   * The two-sided exact p-value of H0: E(X) = mean as R's {@code poisson.test} computes it: the
   * total probability of the counts whose probability does not exceed that of the observed count
   * (times 1 + 10^-7, R's tie margin); 1 when x equals the mean.
   */
  static double exactPValue(long x, double mean) {
    checkExactRange(x);
    if (x == mean) {
      return 1;
    }
    double logObserved = logProbability(x, mean);
    if (logObserved < LOG_NEGLIGIBLE) {
      return 0;
    }
    double threshold = logObserved + Math.log1p(R_TIE_TOLERANCE);
    double p;
    if (x < mean) {
      // Probabilities decrease from the mode ceil(mean) upwards: find the first count at or above
      // the mode whose probability is within the threshold; the upper tail starts there.
      long upperStart =
          IntegerSearch.smallestUnbounded(
              (long) Math.ceil(mean),
              (long) Math.ceil(2 * mean - x),
              k -> logProbability(k, mean) <= threshold);
      p = probAtMost(x, mean) + probAtLeast(upperStart, mean);
    } else {
      // Probabilities increase up to floor(mean): find the last count at or below it whose
      // probability is within the threshold; the lower tail ends there (none: empty tail).
      long lowerEnd =
          IntegerSearch.largest(
              -1, (long) Math.floor(mean), k -> logProbability(k, mean) <= threshold);
      p = (lowerEnd < 0 ? 0 : probAtMost(lowerEnd, mean)) + probAtLeast(x, mean);
    }
    return Math.min(1, p);
  }

  /**
   * The two-sided mid-p value of H0: E(X) = mean: twice the smaller of P(X &lt; x) + P(X = x)/2 and
   * P(X &gt; x) + P(X = x)/2 (the doubling rule whose inversion gives {@link #midP}).
   */
  static double midPValue(long x, double mean) {
    checkExactRange(x);
    if (logProbability(x, mean) < LOG_NEGLIGIBLE) {
      return 0;
    }
    double lowerTail = 0.5 * (probAtMost(x, mean) + probAtMost(x - 1, mean));
    double upperTail = 0.5 * (probAtLeast(x, mean) + probAtLeast(x + 1, mean));
    return Math.min(1, 2 * Math.min(lowerTail, upperTail));
  }

  /**
   * The two-sided p-value of Byar's approximate test of H0: E(X) = mean (Breslow &amp; Day 1987,
   * vol. II, ch. 2): for x &gt;= mean the normal deviate chi = 3 sqrt(x) (1 - 1/(9x) - (mean /
   * x)^(1/3)), for x &lt; mean chi = 3 sqrt(x + 1) ((mean / (x + 1))^(1/3) - 1 + 1/(9(x + 1))); p =
   * min(1, 2 (1 - Phi(chi))). With these deviates p &lt; 1 - level exactly when the mean lies
   * outside {@link #byar}'s limits.
   */
  static double byarPValue(long x, double mean) {
    double chi;
    if (x >= mean) {
      chi = 3 * Math.sqrt(x) * (1 - 1 / (9.0 * x) - Math.cbrt(mean / x));
    } else {
      double next = x + 1.0;
      chi = 3 * Math.sqrt(next) * (Math.cbrt(mean / next) - 1 + 1 / (9 * next));
    }
    return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(chi));
  }

  /** Rejects counts beyond the range in which the gamma-function evaluations were verified. */
  static void checkExactRange(long x) {
    if (x > MAX_EXACT_EVENTS) {
      throw new StatsException(
          "events = "
              + x
              + " exceeds 10^10, the largest count supported by the exact and mid-p methods;"
              + " use byar or wald");
    }
  }

  /**
   * Returns {@code value} if it is finite; otherwise the inputs are so extreme that the result
   * overflows double precision (e.g. an exposure of 1e-310), which the user must rescale.
   */
  static double requireFinite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new StatsException(
          what
              + " overflows double precision ("
              + value
              + "); express the exposure or expected count in other units");
    }
    return value;
  }

  /** alpha/2 for confidence level 1 - alpha, validating the level. */
  static double halfAlpha(double level) {
    ConfidenceLevel.check(level);
    return (1 - level) / 2;
  }

  private static double exactLower(long x, double halfAlpha) {
    return x == 0 ? 0 : meanWithUpperTail(x, halfAlpha);
  }

  /**
   * The Poisson mean mu at which the upper tail P(X &gt;= k; mu) equals {@code probability}: the
   * quantile of Gamma(k, 1) (the inverse of {@link #probAtLeast} in mu).
   *
   * @param k the count, at least 1
   * @param probability the upper-tail probability, in [0, 1]
   * @return the mean
   */
  public static double meanWithUpperTail(long k, double probability) {
    return GammaDistribution.of(k, 1).inverseCumulativeProbability(probability);
  }

  private static double exactUpper(long x, double halfAlpha) {
    return GammaDistribution.of(x + 1.0, 1).inverseSurvivalProbability(halfAlpha);
  }

  /**
   * The upper tail P(X &gt;= k) of X ~ Poisson(mu), from the gamma distribution (P(Gamma(k, 1)
   * &lt;= mu)) so that it keeps full relative precision however small it is.
   *
   * @param k the count; 1 for k &lt;= 0
   * @param mu the mean, at least 0
   * @return P(X &gt;= k)
   */
  public static double probAtLeast(long k, double mu) {
    return k <= 0 ? 1 : GammaDistribution.of(k, 1).cumulativeProbability(mu);
  }

  /** P(X &lt;= k) for X ~ Poisson(mu). */
  private static double probAtMost(long k, double mu) {
    return k < 0 ? 0 : GammaDistribution.of(k + 1.0, 1).survivalProbability(mu);
  }

  /** log P(X = k) for X ~ Poisson(mu), mu &gt; 0. */
  private static double logProbability(long k, double mu) {
    return GammaDistribution.of(k + 1.0, 1).logDensity(mu);
  }
}
