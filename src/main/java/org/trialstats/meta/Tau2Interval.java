package org.trialstats.meta;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
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
 * @param weights the weights of the generalised Q statistic ({@link Tau2IntervalMethod#GENQ}), or
 *     null for the other kinds
 */
public record Tau2Interval(
    Tau2IntervalMethod method,
    double lower,
    double upper,
    boolean converged,
    GeneralisedQWeights weights) {

  private static final double RELATIVE_ACCURACY = 1e-15;
  private static final int MAX_EVALUATIONS = 10_000;
  private static final int MAX_DOUBLINGS = 2_100;

  /** The distribution function is summed to about 1e-14, so tau^2 is not resolved further. */
  private static final double GENQ_RELATIVE_ACCURACY = 1e-12;

  /**
   * The kind of interval in words, with the weights of a generalised-Q interval.
   *
   * @return for example "Q-profile" or "generalised Q, 1/SE weights"
   */
  public String label() {
    return weights == null ? method.label() : method.label() + ", " + weights.label() + " weights";
  }

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
    double lower = Tau2.qProfileLimit(qe, q0, Quantiles.chiSquaredUpper(df, alpha / 2), scale);
    double upper = Tau2.qProfileLimit(qe, q0, Quantiles.chiSquaredLower(df, alpha / 2), scale);
    return new Tau2Interval(
        Tau2IntervalMethod.QP, lower, upper, !Double.isNaN(lower) && !Double.isNaN(upper), null);
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
    if (!estimator.maximisesLikelihood()) {
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
    return new Tau2Interval(Tau2IntervalMethod.PL, lower, upper, converged, null);
  }

  /**
   * The generalised-Q interval (Jackson 2013; see {@link Tau2IntervalMethod#GENQ}).
   *
   * @param yi the study estimates
   * @param vi their sampling variances, all positive
   * @param design the design matrix (intercept only for a meta-analysis)
   * @param weights the weights a_i of the generalised Q statistic
   * @param level the confidence level
   * @return the interval; a limit whose root search failed is NaN and the interval not converged
   * @throws StatsException when there are not more studies than coefficients or a variance is not
   *     positive
   */
  public static Tau2Interval generalisedQ(
      double[] yi, double[] vi, ModeratorDesign design, GeneralisedQWeights weights, double level) {
    ConfidenceLevel.check(level);
    int df = checkedDf(yi, design);
    double[] a = weights.of(vi);
    double[][] x = design.matrix();
    WeightedFit fixed = new WeightedFit(yi, x, a);
    double observed = fixed.rss;
    int k = yi.length;
    int p = design.p();
    // P_A = A - A X (X'AX)^-1 X'A
    double[][] projection = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int r = 0; r < p; r++) {
          for (int c = 0; c < p; c++) {
            s += x[i][r] * fixed.inverse[r][c] * x[j][c];
          }
        }
        projection[i][j] = (i == j ? a[i] : 0) - a[i] * s * a[j];
      }
    }
    // G(tau^2) = P(Q_A > observed), increasing in tau^2
    DoubleUnaryOperator upperTail =
        t -> ChiSquareMixture.upperTail(observed, eigenvalues(projection, vi, t, df));
    double alpha = 1 - level;
    double scale = Tau2.meanOf(vi);
    double atZero = upperTail.applyAsDouble(0);
    double lower = genqLimit(upperTail, atZero, alpha / 2, scale);
    double upper = genqLimit(upperTail, atZero, 1 - alpha / 2, scale);
    return new Tau2Interval(
        Tau2IntervalMethod.GENQ,
        lower,
        upper,
        !Double.isNaN(lower) && !Double.isNaN(upper),
        weights);
  }

  /** The k - p largest eigenvalues of S P S, S = diag(sqrt(v_i + tau^2)). */
  private static double[] eigenvalues(double[][] projection, double[] vi, double tau2, int df) {
    int k = vi.length;
    double[] s = new double[k];
    for (int i = 0; i < k; i++) {
      s[i] = Math.sqrt(vi[i] + tau2);
    }
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        m[i][j] = s[i] * projection[i][j] * s[j];
        m[j][i] = m[i][j];
      }
    }
    double[] values =
        new EigenDecomposition(new Array2DRowRealMatrix(m, false)).getRealEigenvalues().clone();
    Arrays.sort(values);
    // the p zero eigenvalues (rounded to about +-1e-16 of the largest) are the smallest
    return Arrays.copyOfRange(values, k - df, k);
  }

  /** The tau^2 where the increasing G reaches the target: 0 when G(0) is at or above it. */
  private static double genqLimit(
      DoubleUnaryOperator upperTail, double atZero, double target, double scale) {
    if (atZero >= target) {
      return 0;
    }
    try {
      DoubleUnaryOperator below = t -> target - upperTail.applyAsDouble(t);
      double firstUpper = scale > 0 && Double.isFinite(scale) ? scale : 1;
      Bracket bracket = Bracket.doublingUpward(below, 0, firstUpper, MAX_DOUBLINGS);
      return Brent.solve(
              below,
              bracket,
              GENQ_RELATIVE_ACCURACY,
              GENQ_RELATIVE_ACCURACY * Math.min(firstUpper, bracket.upper()),
              MAX_EVALUATIONS)
          .value();
    } catch (RootFindingException | StatsException e) {
      return Double.NaN;
    }
  }

  /**
   * The interval of the given kind for a fitted random-effects meta-regression.
   *
   * @param method the kind
   * @param fit the meta-regression (random effects; ML or REML for the profile likelihood)
   * @return the interval (a generalised-Q one with the weights 1/SE)
   * @throws StatsException for a fixed-effect model or an estimator without likelihood for PL
   */
  public static Tau2Interval of(Tau2IntervalMethod method, MetaRegression fit) {
    return of(method, GeneralisedQWeights.INVERSE_SE, fit);
  }

  /**
   * The interval of the given kind for a fitted random-effects meta-regression.
   *
   * @param method the kind
   * @param weights the weights of a generalised-Q interval (unused by the other kinds)
   * @param fit the meta-regression (random effects; ML or REML for the profile likelihood)
   * @return the interval
   * @throws StatsException for a fixed-effect model or an estimator without likelihood for PL
   */
  public static Tau2Interval of(
      Tau2IntervalMethod method, GeneralisedQWeights weights, MetaRegression fit) {
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
      case GENQ -> generalisedQ(fit.yi(), fit.vi(), fit.design(), weights, fit.settings().level());
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
