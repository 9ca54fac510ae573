package org.trialstats.meta;

import org.trialstats.stats.StatsException;

/**
 * The slope b1 of the meta-regression y_i = b0 + b1 sqrt(v_i) + u_i + e_i, u_i ~ N(0, tau^2) (tau^2
 * = 0 for a fixed-effect model), fitted by {@link MetaRegression} with the residual tau^2 estimated
 * by the model's own estimator in its moderator form (metafor {@code rma.uni(yi, vi, mods =
 * sqrt(vi), method = ...)}). Its sign is how metafor's {@code trimfill()} chooses the side of the
 * funnel on which studies are missing (Duval 2005, in Rothstein, Sutton &amp; Borenstein,
 * Publication Bias in Meta-Analysis, ch. 8): a negative slope means small studies sit on the left,
 * so the missing ones are on the right.
 */
final class StandardErrorSlope {
  private StandardErrorSlope() {}

  /**
   * The slope of y on sqrt(v) under the model of {@code options}.
   *
   * @param y study estimates (at least 3)
   * @param v their sampling variances
   * @param options the model (fixed effect, or random effects with its tau^2 estimator)
   * @return the slope b1, NaN when it is undefined (all variances equal)
   */
  static double of(double[] y, double[] v, MetaOptions options) {
    int k = y.length;
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      se[i] = Math.sqrt(v[i]);
    }
    MetaRegression.Settings settings =
        new MetaRegression.Settings(
            options.model(), options.tau2Estimator(), false, options.level());
    try {
      return MetaRegression.fit(
              y, v, ModeratorDesign.interceptOnly(k).with("sqrt(vi)", "sqrt(vi)", se), settings)
          .coefficients()
          .get(1)
          .estimate();
    } catch (StatsException collinear) {
      return Double.NaN; // every study has the same variance: no slope to speak of
    }
  }
}
