package org.trialstats.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A chi-square test statistic with its degrees of freedom and upper-tail p-value.
 *
 * <p>A statistic that is undefined for the data (for example the Cochran-Mantel-Haenszel statistic
 * when no stratum has both events and non-events) is {@link Double#NaN}, with a NaN p-value; {@link
 * #defined()} tells which.
 *
 * @param statistic the statistic, or NaN where undefined
 * @param df degrees of freedom (0 where undefined)
 * @param pValue P(chi-square with df degrees of freedom &gt;= statistic), or NaN
 */
public record ChiSquareStatistic(double statistic, int df, double pValue) {

  /**
   * The statistic with its p-value from the chi-square distribution (computed from the survival
   * function, so that small p-values keep full relative precision).
   *
   * @param statistic the statistic (NaN for an undefined one)
   * @param df degrees of freedom, at least 1 for a defined statistic
   * @return the statistic, df and p-value
   */
  static ChiSquareStatistic of(double statistic, int df) {
    if (Double.isNaN(statistic) || df < 1) {
      return undefined();
    }
    double p = ChiSquaredDistribution.of(df).survivalProbability(Math.max(0, statistic));
    return new ChiSquareStatistic(statistic, df, p);
  }

  /**
   * An undefined statistic.
   *
   * @return NaN statistic and p-value, df 0
   */
  static ChiSquareStatistic undefined() {
    return new ChiSquareStatistic(Double.NaN, 0, Double.NaN);
  }

  /**
   * Whether the statistic is defined for the data.
   *
   * @return false when the statistic is NaN
   */
  public boolean defined() {
    return !Double.isNaN(statistic);
  }
}
