package org.trialstats.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Validation of confidence levels and the matching standard normal quantiles. */
public final class ConfidenceLevel {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private ConfidenceLevel() {}

  /**
   * Checks that {@code level} lies strictly between 0 and 1.
   *
   * @param level the confidence level
   * @return the level
   * @throws StatsException otherwise
   */
  public static double check(double level) {
    if (!(level > 0 && level < 1)) {
      throw new StatsException("level must be strictly between 0 and 1, got " + level);
    }
    return level;
  }

  /**
   * The two-sided critical value z = Phi^-1(1 - alpha/2) for confidence level 1 - alpha, computed
   * from the survival function so that levels close to 1 keep full precision.
   *
   * @param level the confidence level 1 - alpha
   * @return the critical value
   * @throws StatsException unless 0 &lt; level &lt; 1
   */
  public static double z(double level) {
    check(level);
    return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
  }
}
