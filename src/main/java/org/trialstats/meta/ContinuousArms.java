package org.trialstats.meta;

import org.trialstats.stats.StatsException;

/**
 * Per-arm summaries of a continuous outcome: mean, standard deviation and number of participants in
 * arm 1 (treatment) and arm 2 (control), the input of the mean difference, the standardised mean
 * difference and the ratio of means.
 *
 * @param mean1 mean in arm 1 (finite)
 * @param sd1 standard deviation in arm 1 (finite, &gt;= 0)
 * @param n1 participants in arm 1 (&gt;= 1)
 * @param mean2 mean in arm 2 (finite)
 * @param sd2 standard deviation in arm 2 (finite, &gt;= 0)
 * @param n2 participants in arm 2 (&gt;= 1)
 */
public record ContinuousArms(double mean1, double sd1, long n1, double mean2, double sd2, long n2) {

  /**
   * Validates the summaries.
   *
   * @param mean1 mean in arm 1 (finite)
   * @param sd1 standard deviation in arm 1 (finite, &gt;= 0)
   * @param n1 participants in arm 1 (&gt;= 1)
   * @param mean2 mean in arm 2 (finite)
   * @param sd2 standard deviation in arm 2 (finite, &gt;= 0)
   * @param n2 participants in arm 2 (&gt;= 1)
   * @throws StatsException for a non-finite mean, a negative or non-finite standard deviation or an
   *     arm with no participants
   */
  public ContinuousArms {
    if (!Double.isFinite(mean1) || !Double.isFinite(mean2)) {
      throw new StatsException("means must be finite numbers, got " + mean1 + " and " + mean2);
    }
    if (!(sd1 >= 0) || !(sd2 >= 0) || !Double.isFinite(sd1) || !Double.isFinite(sd2)) {
      throw new StatsException(
          "standard deviations must be finite and >= 0, got " + sd1 + " and " + sd2);
    }
    if (n1 < 1 || n2 < 1) {
      throw new StatsException("each arm needs at least 1 participant, got " + n1 + " and " + n2);
    }
  }

  /**
   * The total number of participants n1 + n2.
   *
   * @return the total number of participants n1 + n2
   */
  public long total() {
    return n1 + n2;
  }
}
