package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.stats.ConfidenceLevel;

/**
 * A pooled estimate on the analysis scale, as one {@link FixedMethod} computes it, and the one home
 * of inverse-variance pooling ({@link #inverseVariance}), which the inverse-variance and Peto
 * methods and the random-effects model (at its tau^2) use.
 *
 * @param mu the pooled estimate
 * @param se its standard error (Hartung-Knapp scaled when asked for)
 * @param weights the unnormalised weights of the pooled studies in input order (Mantel-Haenszel:
 *     then those of the studies without an estimate of their own)
 * @param q Cochran's Q of the study estimates about the pooled estimate of this method (for
 *     inverse-variance pooling at tau^2 &gt; 0, the generalised Q)
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

  /**
   * Inverse-variance pooling with weights w_i = 1/(v_i + tau^2): mu = sum w_i y_i / sum w_i,
   * Var(mu) = 1 / sum w_i (Hedges &amp; Olkin 1985, ch. 6; tau^2 = 0 is the fixed-effect model), Q
   * = sum w_i (y_i - mu)^2, with a z interval. With the Hartung-Knapp adjustment (Hartung &amp;
   * Knapp 2001, Stat Med 20:3875-3889; Sidik &amp; Jonkman 2002) Var(mu) = f / sum w_i with f = Q /
   * (k - 1) (0 when Q is 0 up to rounding) and a t(k - 1) interval.
   *
   * @param y the study estimates
   * @param v their sampling variances
   * @param tau2 the between-study variance (0 for the fixed-effect model)
   * @param hartungKnapp whether to adjust (needs k &gt;= 2)
   * @param level the confidence level
   * @return the pooled estimate, without warnings
   */
  static FixedEffectPool inverseVariance(
      double[] y, double[] v, double tau2, boolean hartungKnapp, double level) {
    WeightedSums s = new WeightedSums(y, v, tau2);
    if (!hartungKnapp) {
      return normal(s.mu, Math.sqrt(1 / s.sumW), s.w, s.q, level);
    }
    int k = y.length;
    double factor = hartungKnappFactor(s.q, k);
    return new FixedEffectPool(
        s.mu,
        Math.sqrt(factor / s.sumW),
        s.w,
        s.q,
        k - 1,
        Quantiles.tUpper(k - 1, (1 - level) / 2),
        factor,
        List.of());
  }

  /** The Hartung-Knapp factor Q_gen/(k - 1), 0 when Q_gen is 0 up to rounding. */
  static double hartungKnappFactor(double q, int k) {
    return q <= Math.ulp(1.0) ? 0 : q / (k - 1);
  }

  /**
   * This estimate with a warning added.
   *
   * @param warning the warning
   * @return the estimate with {@code warning} after the warnings it has
   */
  FixedEffectPool withWarning(String warning) {
    List<String> all = new ArrayList<>(warnings);
    all.add(warning);
    return new FixedEffectPool(
        mu, se, weights, q, statisticDf, critical, hkFactor, List.copyOf(all));
  }
}
