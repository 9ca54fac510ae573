package org.trialstats.meta;

import java.util.function.DoubleUnaryOperator;
import org.trialstats.numerics.Bracket;
import org.trialstats.numerics.Brent;
import org.trialstats.numerics.RootFindingException;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;

/**
 * A confidence interval for the (residual) between-study variance tau^2; see {@link
 * Tau2IntervalMethod} for the definitions. Limits are found by Brent's method to a relative
 * accuracy of 1e-15 (metafor's {@code confint()} uses uniroot's default tolerance, about 1e-4
 * absolute, unless told otherwise).
 *
 * @param method how the interval was formed
 * @param lower the lower limit (&gt;= 0)
 * @param upper the upper limit
 * @param converged whether both limits were found
 */
public record Tau2Interval(
    Tau2IntervalMethod method, double lower, double upper, boolean converged) {

  private static final double RELATIVE_ACCURACY = 1e-15;
  private static final int MAX_EVALUATIONS = 10_000;
  private static final int MAX_DOUBLINGS = 2_100;

  /**
   * The Q-profile interval.
   *
   * @param yi the study estimates
   * @param vi their sampling variances
   * @param design the design matrix (intercept only for a meta-analysis)
   * @param level the confidence level
   * @return the interval
   * @throws StatsException when there are not more studies than coefficients
   */
  public static Tau2Interval qProfile(
      double[] yi, double[] vi, ModeratorDesign design, double level) {
    ConfidenceLevel.check(level);
    int df = checkedDf(yi, design);
    double[][] x = design.matrix();
    double alpha = 1 - level;
    DoubleUnaryOperator qe = t -> WeightedFit.atTau2(yi, vi, x, t).rss;
    double q0 = qe.applyAsDouble(0);
    double scale = Tau2.meanOf(vi);
    double lower = qLimit(qe, q0, Quantiles.chiSquaredUpper(df, alpha / 2), scale);
    double upper = qLimit(qe, q0, Quantiles.chiSquaredLower(df, alpha / 2), scale);
    return new Tau2Interval(
        Tau2IntervalMethod.QP, lower, upper, !Double.isNaN(lower) && !Double.isNaN(upper));
  }

  private static double qLimit(DoubleUnaryOperator qe, double q0, double critical, double scale) {
    if (q0 <= critical) {
      return 0;
    }
    try {
      return Tau2.decreasingRoot(qe, critical, scale).value();
    } catch (RootFindingException e) {
      return Double.NaN;
    }
  }

  /**
   * The profile-likelihood interval around an ML or REML estimate.
   *
   * @param yi the study estimates
   * @param vi their sampling variances
   * @param design the design matrix (intercept only for a meta-analysis)
   * @param estimator {@link Tau2Estimator#ML} or {@link Tau2Estimator#REML}: the likelihood
   * @param tau2 the estimate by that likelihood
   * @param level the confidence level
   * @return the interval
   * @throws StatsException for another estimator or too few studies
   */
  public static Tau2Interval profileLikelihood(
      double[] yi,
      double[] vi,
      ModeratorDesign design,
      Tau2Estimator estimator,
      double tau2,
      double level) {
    ConfidenceLevel.check(level);
    checkedDf(yi, design);
    if (estimator != Tau2Estimator.ML && estimator != Tau2Estimator.REML) {
      throw new StatsException(
          "the profile-likelihood interval for tau^2 needs a likelihood estimate (ML or REML),"
              + " not "
              + estimator.label());
    }
    boolean reml = estimator == Tau2Estimator.REML;
    double[][] x = design.matrix();
    double best = WeightedFit.atTau2(yi, vi, x, tau2).logLikelihood(reml);
    double critical = Quantiles.chiSquaredUpper(1, 1 - level);
    // 2 [ll(hat) - ll(t)] - critical: negative at the estimate, growing away from it
    DoubleUnaryOperator excess =
        t -> 2 * (best - WeightedFit.atTau2(yi, vi, x, t).logLikelihood(reml)) - critical;
    double scale = Tau2.meanOf(vi);
    double lower;
    double upper;
    boolean converged = true;
    try {
      lower =
          excess.applyAsDouble(0) <= 0
              ? 0
              : Brent.solve(
                      excess,
                      new Bracket(0, tau2, 0),
                      RELATIVE_ACCURACY,
                      RELATIVE_ACCURACY * scale,
                      MAX_EVALUATIONS)
                  .value();
    } catch (RootFindingException e) {
      lower = Double.NaN;
      converged = false;
    }
    try {
      DoubleUnaryOperator below = t -> -excess.applyAsDouble(t);
      Bracket bracket =
          Bracket.doublingUpward(below, tau2, tau2 + Math.max(tau2, scale), MAX_DOUBLINGS);
      upper =
          Brent.solve(
                  excess, bracket, RELATIVE_ACCURACY, RELATIVE_ACCURACY * scale, MAX_EVALUATIONS)
              .value();
    } catch (RootFindingException e) {
      upper = Double.NaN;
      converged = false;
    }
    return new Tau2Interval(Tau2IntervalMethod.PL, lower, upper, converged);
  }

  /**
   * The interval of the given kind for a fitted random-effects meta-regression.
   *
   * @param method the kind
   * @param fit the meta-regression (random effects; ML or REML for the profile likelihood)
   * @return the interval
   * @throws StatsException for a fixed-effect model or an estimator without likelihood for PL
   */
  public static Tau2Interval of(Tau2IntervalMethod method, MetaRegression fit) {
    if (fit.settings().model() != MetaModel.RANDOM) {
      throw new StatsException("a tau^2 interval needs a random-effects model");
    }
    return switch (method) {
      case QP -> qProfile(fit.yi(), fit.vi(), fit.design(), fit.settings().level());
      case PL ->
          profileLikelihood(
              fit.yi(),
              fit.vi(),
              fit.design(),
              fit.settings().estimator(),
              fit.tau2(),
              fit.settings().level());
    };
  }

  private static int checkedDf(double[] yi, ModeratorDesign design) {
    int df = yi.length - design.p();
    if (df < 1 || design.k() != yi.length) {
      throw new StatsException(
          "a tau^2 interval needs more studies than coefficients and one design row per study");
    }
    return df;
  }
}
