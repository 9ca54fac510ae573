package org.trialstats.adam;

import org.trialstats.stats.Estimate;
import org.trialstats.stats.PoissonCount;

/**
 * A confidence interval method for one Poisson rate (events per unit of exposure), such as the
 * catalogue's {@code RateMethod.EXACT}, which fits it as {@code method::interval}.
 */
@FunctionalInterface
public interface PoissonInterval {
  /**
   * The rate and two-sided interval at {@code level}, per unit of {@code count.exposure()}.
   *
   * @throws org.trialstats.stats.StatsException when the method cannot be applied
   */
  Estimate interval(PoissonCount count, double level);
}
