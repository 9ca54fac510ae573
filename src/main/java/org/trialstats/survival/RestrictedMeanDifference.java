package org.trialstats.survival;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;

/**
 * The difference of restricted mean survival times, group minus reference, with a Wald interval and
 * two-sided p-value.
 *
 * @param difference RMST(group) - RMST(reference)
 * @param standardError sqrt(se(group)^2 + se(reference)^2) (independent groups)
 * @param lower lower confidence limit, difference - z se
 * @param upper upper confidence limit, difference + z se
 * @param pValue 2 Phi(-|difference| / se); 1 when the standard error and the difference are 0, 0
 *     when only the standard error is
 */
public record RestrictedMeanDifference(
    double difference, double standardError, double lower, double upper, double pValue) {

  /**
   * The difference of two groups' restricted means up to the same tau, as survRM2's {@code rmst2}
   * and Royston &amp; Parmar (2013, BMC Med Res Methodol 13:152, section 2) compute it.
   *
   * @param group the comparison group's restricted mean
   * @param reference the reference group's restricted mean
   * @param level confidence level in (0, 1)
   * @return the difference with its interval and p-value
   * @throws StatsException if the two taus differ or the level is not in (0, 1)
   */
  public static RestrictedMeanDifference of(
      RestrictedMean group, RestrictedMean reference, double level) {
    if (group.tau() != reference.tau()) {
      throw new StatsException("restricted means to compare must share the same tau");
    }
    double z = ConfidenceLevel.z(level);
    double difference = group.estimate() - reference.estimate();
    double se = Math.hypot(group.standardError(), reference.standardError());
    double p;
    if (se == 0) {
      p = difference == 0 ? 1 : 0;
    } else {
      p = 2 * NormalDistribution.of(0, 1).cumulativeProbability(-Math.abs(difference) / se);
    }
    return new RestrictedMeanDifference(
        difference, se, difference - z * se, difference + z * se, p);
  }
}
