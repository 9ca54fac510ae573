package org.trialstats.meta;

import java.util.function.DoubleUnaryOperator;

/**
 * Q-profile confidence interval for tau^2 (Viechtbauer 2007, Stat Med 26:37-52, section 3.3): the
 * set of tau^2 &gt;= 0 for which the generalised statistic Q_gen(tau^2) = sum (y_i - mu(tau^2))^2 /
 * (v_i + tau^2), which is chi-square with k - 1 df at the true tau^2, lies between the lower and
 * upper alpha/2 quantiles. Q_gen decreases in tau^2, so the lower limit solves Q_gen = chi2_{k-1, 1
 * - alpha/2} and the upper limit Q_gen = chi2_{k-1, alpha/2}; a limit whose equation has no
 * solution on [0, inf) is 0 (as metafor's {@code confint()}).
 */
public final class QProfile {
  private QProfile() {}

  /**
   * A Q-profile interval for tau^2.
   *
   * @param lower lower limit (0 when Q_gen(0) is below the upper critical value)
   * @param upper upper limit (0 when Q_gen(0) is below the lower critical value)
   * @param converged whether both root searches converged
   */
  public record Interval(double lower, double upper, boolean converged) {}

  /**
   * The Q-profile interval at the given confidence level; NaN limits for k &lt; 2.
   *
   * @param y the study estimates, on the analysis scale
   * @param v their sampling variances (each &gt; 0)
   * @param level the confidence level, in (0, 1)
   * @return the Q-profile interval at the given confidence level; NaN limits for k &lt; 2
   */
  public static Interval tau2(double[] y, double[] v, double level) {
    int k = y.length;
    if (k < 2) {
      return new Interval(Double.NaN, Double.NaN, true);
    }
    double alpha = 1 - level;
    double criticalUpper = Quantiles.chiSquaredUpper(k - 1, alpha / 2);
    double criticalLower = Quantiles.chiSquaredLower(k - 1, alpha / 2);
    double q0 = new WeightedSums(y, v, 0).q;
    double scale = Tau2.meanOf(v);
    DoubleUnaryOperator q = t -> new WeightedSums(y, v, t).q;
    double upper = Tau2.qProfileLimit(q, q0, criticalLower, scale);
    double lower = Tau2.qProfileLimit(q, q0, criticalUpper, scale);
    return new Interval(lower, upper, !Double.isNaN(lower) && !Double.isNaN(upper));
  }
}
