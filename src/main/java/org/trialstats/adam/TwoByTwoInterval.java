package org.trialstats.adam;

import org.trialstats.stats.Estimate;
import org.trialstats.stats.TwoByTwo;

/**
 * A confidence interval method for a comparison of two binomial proportions (risk difference or
 * risk ratio; arm 1 = treatment, arm 2 = control). The catalogue methods
 * {@code RiskDifferenceMethod} and {@code RiskRatioMethod} fit it as {@code method::interval}.
 */
@FunctionalInterface
public interface TwoByTwoInterval {
  /**
   * The estimate and two-sided interval at {@code level}.
   *
   * @throws org.trialstats.stats.StatsException when the method cannot be applied to the table
   */
  Estimate interval(TwoByTwo table, double level);
}
