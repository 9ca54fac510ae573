package org.trialstats.meta;

import java.util.List;
import org.trialstats.stats.ConfidenceLevel;

/**
 * A fixed-effect pooled estimate as one {@link FixedMethod} computes it, on the analysis scale.
 *
 * @param mu the pooled estimate
 * @param se its standard error (Hartung-Knapp scaled when asked for)
 * @param weights the unnormalised weights of the pooled studies in input order (Mantel-Haenszel:
 *     then those of the studies without an estimate of their own)
 * @param q Cochran's Q of the study estimates about the pooled estimate of this method
 * @param statisticDf degrees of freedom of the t test, NaN for z
 * @param critical the critical value of the interval (z or t)
 * @param hkFactor the Hartung-Knapp variance factor, NaN when not used
 * @param warnings what the method adds to the analysis's warnings, in order
 */
record FixedEffectPool(
    double mu,
    double se,
    double[] weights,
    double q,
    double statisticDf,
    double critical,
    double hkFactor,
    List<String> warnings) {

  /** A pooled estimate with a z interval and no warning. */
  static FixedEffectPool normal(double mu, double se, double[] weights, double q, double level) {
    return new FixedEffectPool(
        mu, se, weights, q, Double.NaN, ConfidenceLevel.z(level), Double.NaN, List.of());
  }
}
