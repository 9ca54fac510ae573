package org.trialstats.meta;

import org.apache.commons.math3.special.Beta;

/**
 * Study-level effect sizes from per-arm means, standard deviations and sizes, as metafor's {@code
 * escalc()} computes them (measures MD, SMD, ROM; Cohen's d as the SMD without the small-sample
 * correction). With N = n1 + n2 and m = N - 2 the pooled standard deviation is s_p = sqrt(((n1 - 1)
 * sd1^2 + (n2 - 1) sd2^2) / m).
 */
public final class ContinuousEffects {
  private ContinuousEffects() {}

  /**
   * Why a study carries no information for the measure, or null when it is used: a zero variance
   * (both standard deviations 0), fewer than 4 participants for a standardised difference (J(m)
   * needs m = N - 2 &gt; 1), or means of different sign or zero for the ratio of means (its
   * logarithm is undefined). metafor computes NA for such studies and leaves them out of the model.
   *
   * @param arms the per-arm summaries
   * @param measure MD, SMD, COHEN_D or ROM
   * @return the reason in words, or null
   */
  public static String exclusionReason(ContinuousArms arms, EffectMeasure measure) {
    return switch (measure) {
      case MD ->
          arms.sd1() == 0 && arms.sd2() == 0
              ? "standard deviation 0 in both arms (variance 0)"
              : null;
      case SMD, COHEN_D -> {
        if (arms.total() < 4) {
          yield "fewer than 4 participants: the standardised difference needs n1 + n2 - 2 > 1";
        }
        yield pooledSd(arms) == 0 ? "pooled standard deviation 0" : null;
      }
      case ROM -> {
        if (!(arms.mean1() / arms.mean2() > 0) || Double.isInfinite(arms.mean1() / arms.mean2())) {
          yield "means zero or of different sign: the log ratio of means is undefined";
        }
        yield arms.sd1() == 0 && arms.sd2() == 0
            ? "standard deviation 0 in both arms (variance 0)"
            : null;
      }
      default -> throw new IllegalArgumentException(measure + " is not a continuous measure");
    };
  }

  /**
   * The study estimate and its sampling variance.
   *
   * <ul>
   *   <li>MD: y = mean1 - mean2, v = sd1^2/n1 + sd2^2/n2
   *   <li>SMD: Hedges' g and its variance as {@code variance} defines them
   *   <li>COHEN_D: d = (mean1 - mean2) / s_p, v = 1/n1 + 1/n2 + d^2 / (2N)
   *   <li>ROM: y = log(mean1/mean2), v = sd1^2/(n1 mean1^2) + sd2^2/(n2 mean2^2)
   * </ul>
   *
   * @param arms the per-arm summaries (check {@link #exclusionReason} first)
   * @param measure MD, SMD, COHEN_D or ROM
   * @param variance the SMD variance form (used for SMD only)
   * @return the estimate and variance (nothing added: {@code added} is 0)
   */
  public static EffectSizes.Effect of(
      ContinuousArms arms, EffectMeasure measure, SmdVariance variance) {
    double n1 = arms.n1();
    double n2 = arms.n2();
    return switch (measure) {
      case MD ->
          new EffectSizes.Effect(
              arms.mean1() - arms.mean2(),
              arms.sd1() * arms.sd1() / n1 + arms.sd2() * arms.sd2() / n2,
              0);
      case SMD -> {
        double d = (arms.mean1() - arms.mean2()) / pooledSd(arms);
        double j = hedgesCorrection(n1 + n2 - 2);
        double g = variance.estimate(d, j, n1, n2);
        yield new EffectSizes.Effect(g, variance.variance(g, j, n1, n2), 0);
      }
      case COHEN_D -> {
        double d = (arms.mean1() - arms.mean2()) / pooledSd(arms);
        yield new EffectSizes.Effect(d, 1 / n1 + 1 / n2 + d * d / (2 * (n1 + n2)), 0);
      }
      case ROM ->
          new EffectSizes.Effect(
              Math.log(arms.mean1() / arms.mean2()),
              arms.sd1() * arms.sd1() / (n1 * arms.mean1() * arms.mean1())
                  + arms.sd2() * arms.sd2() / (n2 * arms.mean2() * arms.mean2()),
              0);
      default -> throw new IllegalArgumentException(measure + " is not a continuous measure");
    };
  }

  /**
   * The pooled standard deviation s_p = sqrt(((n1 - 1) sd1^2 + (n2 - 1) sd2^2) / (n1 + n2 - 2)).
   *
   * @param arms the per-arm summaries (n1 + n2 &gt; 2)
   * @return s_p
   */
  public static double pooledSd(ContinuousArms arms) {
    double m = arms.total() - 2.0;
    return Math.sqrt(
        ((arms.n1() - 1) * arms.sd1() * arms.sd1() + (arms.n2() - 1) * arms.sd2() * arms.sd2())
            / m);
  }

  /**
   * Hedges' exact small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m - 1)/2)) (Hedges
   * 1981, J Educ Stat 6:107-128, eq. 6e), computed as sqrt(pi) / (sqrt(m/2) B((m - 1)/2, 1/2)) with
   * the log-beta function, which keeps full precision for large m where the difference of two
   * log-gamma values would cancel.
   *
   * @param m the degrees of freedom n1 + n2 - 2 (&gt; 1)
   * @return J(m), increasing towards 1 (about 1 - 3/(4m - 1))
   */
  public static double hedgesCorrection(double m) {
    return Math.exp(
        0.5 * Math.log(Math.PI) - Beta.logBeta((m - 1) / 2, 0.5) - 0.5 * Math.log(m / 2));
  }
}
