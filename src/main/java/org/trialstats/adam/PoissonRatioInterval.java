package org.trialstats.adam;

import org.trialstats.stats.Estimate;
import org.trialstats.stats.PoissonCount;

/**
 * A confidence interval method for the ratio of two Poisson rates, treatment over control, such
 * as the catalogue's {@code RateRatioMethod.EXACT_CONDITIONAL}, which fits it as {@code
 * method::interval}.
 */
@FunctionalInterface
public interface PoissonRatioInterval {
  /**
   * The rate ratio {@code (treatment.events / treatment.exposure) / (control.events /
   * control.exposure)} and its two-sided interval at {@code level}.
   *
   * @throws org.trialstats.stats.StatsException when the method cannot be applied
   */
  Estimate interval(PoissonCount treatment, PoissonCount control, double level);
}
