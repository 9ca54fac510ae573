package org.trialstats.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The p-value implied by an estimate and its confidence interval, after Altman DG, Bland JM. How to
 * obtain the P value from a confidence interval. BMJ 2011;343:d2304. The interval is taken as a
 * Wald interval, symmetric on the estimate's scale (the log scale for ratios): {@code SE = (upper -
 * lower) / (2 z)}, with {@code z} the standard normal quantile at {@code (1 + level) / 2}; the test
 * statistic is {@code estimate / SE} (log estimate for ratios) and {@code p = 2 P(Z > |estimate /
 * SE|)}, computed exactly rather than with the paper's approximation {@code exp(-0.717 z - 0.416
 * z^2)}.
 */
public enum IntervalPValue {
  /** Differences (risk or mean difference): no effect is 0, the interval symmetric around it. */
  LINEAR {
    @Override
    double transform(double x) {
      return x;
    }
  },
  /** Ratios (hazard, odds, risk, rate ratios, SIR): no effect is 1, symmetric on the log scale. */
  LOG {
    @Override
    double transform(double x) {
      return Math.log(x);
    }
  };

  abstract double transform(double x);

  /**
   * The centre of the interval on this scale, back-transformed: the arithmetic mean of the limits
   * (linear) or their geometric mean (log). A Wald interval is centred on its estimate.
   *
   * @param lower lower limit
   * @param upper upper limit
   * @return the centre
   * @throws StatsException when the limits are not ordered, or not positive on the log scale
   */
  public double centre(double lower, double upper) {
    checkLimits(lower, upper);
    return this == LOG ? Math.sqrt(lower) * Math.sqrt(upper) : (lower + upper) / 2;
  }

  /**
   * The two-sided p-value for no effect implied by the estimate and interval.
   *
   * @param estimate the point estimate
   * @param lower lower limit
   * @param upper upper limit
   * @param level the interval's confidence level, in (0, 1)
   * @return the p-value in [0, 1]; 1 for a zero estimate (log: estimate 1)
   * @throws StatsException when the limits are not ordered or have zero width, the level is outside
   *     (0, 1), or a ratio or its limits are not positive
   */
  public double pValue(double estimate, double lower, double upper, double level) {
    checkLimits(lower, upper);
    ConfidenceLevel.check(level);
    if (this == LOG && !(estimate > 0)) {
      throw new StatsException("a ratio must be positive, got " + estimate);
    }
    double width = transform(upper) - transform(lower);
    if (!(width > 0)) {
      throw new StatsException(
          "the interval must have positive width, got " + lower + " to " + upper);
    }
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double z = normal.inverseSurvivalProbability((1 - level) / 2);
    double se = width / (2 * z);
    return 2 * normal.survivalProbability(Math.abs(transform(estimate)) / se);
  }

  private void checkLimits(double lower, double upper) {
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
      throw new StatsException(
          "the limits must be finite and ordered, got " + lower + " to " + upper);
    }
    if (this == LOG && !(lower > 0)) {
      throw new StatsException("ratio limits must be positive, got " + lower + " to " + upper);
    }
  }
}
