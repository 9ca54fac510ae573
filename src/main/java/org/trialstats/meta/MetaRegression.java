package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;

/**
 * Fixed- and mixed-effects meta-regression y_i = x_i'b + u_i + e_i, u_i ~ N(0, tau^2), e_i ~ N(0,
 * v_i), as metafor's {@code rma(yi, vi, mods = ~ ..., method = ..., test = ...)} (Viechtbauer 2010,
 * J Stat Softw 36(3), sections 2 and 3; Raudenbush 2009, The Handbook of Research Synthesis and
 * Meta-Analysis, 2nd ed., ch. 16).
 *
 * <p><b>Estimation.</b> With W = diag(1/(v_i + tau^2)): b = (X'WX)^-1 X'Wy, Var(b) = (X'WX)^-1. The
 * residual heterogeneity tau^2 is 0 for FE, otherwise found by the moderator form of the chosen
 * {@link Tau2Estimator} (DL, HE, SJ, PM, ML, REML; each constant states its formula). ML and REML
 * use Fisher scoring from max(0, HE), each step halved until tau^2 stays &gt;= 0, until the step is
 * below 1e-12 max(tau^2, mean v_i) (metafor stops at 1e-5 absolute; its estimates agree to about
 * that), at most 1000 steps, then a bracketing root search on the score when scoring has not
 * converged (it oscillates where the observed information exceeds twice the expected); as metafor,
 * tau^2 = 0 when the likelihood there is higher (Viechtbauer 2005, J Educ Behav Stat 30:261-293,
 * section 3). The plain model's estimators are found by the same code ({@link Tau2}).
 *
 * <p><b>Tests.</b> z_j = b_j / se_j with normal p-values and limits; with the Knapp-Hartung
 * adjustment (Knapp &amp; Hartung 2003, Stat Med 22:2693-2710; metafor {@code test = "knha"})
 * Var(b) is multiplied by s^2 = y'Py / (k - p) (not truncated at 1) and t(k - p) replaces z. The
 * omnibus test of the moderators (every coefficient but the intercept, m = p - 1): QM = b_m'
 * Var(b_m)^-1 b_m ~ chi2(m), or QM / m ~ F(m, k - p) under Knapp-Hartung (reported as metafor does:
 * the F statistic).
 *
 * <p><b>Residual heterogeneity.</b> QE = y'P_0 y ~ chi2(k - p). I^2 = 100 tau^2 / (tau^2 + s^2) and
 * H^2 = (tau^2 + s^2) / s^2 with s^2 = (k - p) / tr P_0; for the fixed-effect model I^2 = 100
 * max(0, (QE - (k - p)) / QE), H^2 = QE / (k - p). Pseudo R^2 (the share of tau^2 accounted for,
 * Raudenbush 2009, eq. 16.40): 100 max(0, (tau0^2 - tau^2) / tau0^2) with tau0^2 the estimate of
 * the intercept-only model by the same method (0 when tau0^2 = 0); for the fixed-effect model
 * metafor's 100 max(0, adjusted R^2) of the weighted least-squares fit, 1 - (QE / (k - p)) / (Q /
 * (k - 1)).
 *
 * @param settings the model, estimator, adjustment and level
 * @param design the design matrix
 * @param yi the study estimates (analysis scale)
 * @param vi their sampling variances
 * @param coefficients one per design column, in design order
 * @param covariance Var(b) as used for the tests (Knapp-Hartung scaled when asked for)
 * @param testDf degrees of freedom of the t tests (k - p) under Knapp-Hartung, NaN for z
 * @param tau2 the residual heterogeneity tau^2 (0 for the fixed-effect model)
 * @param tau2Fit how tau^2 was found
 * @param qm the omnibus test statistic of the moderators (F under Knapp-Hartung), NaN when p = 1
 * @param qmDf numerator degrees of freedom m = p - 1
 * @param qmPvalue its p-value
 * @param qe the test statistic for residual heterogeneity
 * @param qeDf its degrees of freedom k - p
 * @param qePvalue its p-value
 * @param i2 residual I^2 in percent
 * @param h2 residual H^2
 * @param r2 pseudo R^2 in percent (NaN for the intercept-only model)
 * @param weights the weights 1/(v_i + tau^2) of the fit
 * @param warnings notes in words (convergence, tau^2 set to 0)
 */
public record MetaRegression(
    Settings settings,
    ModeratorDesign design,
    double[] yi,
    double[] vi,
    List<RegressionCoefficient> coefficients,
    double[][] covariance,
    double testDf,
    double tau2,
    Tau2Fit tau2Fit,
    double qm,
    int qmDf,
    double qmPvalue,
    double qe,
    int qeDf,
    double qePvalue,
    double i2,
    double h2,
    double r2,
    double[] weights,
    List<String> warnings) {

  /** Fisher scoring stops when a step is below this share of max(tau^2, mean v_i). */
  public static final double TOLERANCE = Tau2.TOLERANCE;

  /** Maximum number of Fisher-scoring steps. */
  public static final int MAX_ITERATIONS = Tau2.MAX_ITERATIONS;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /**
   * What to fit.
   *
   * @param model fixed effect (tau^2 = 0) or mixed effects
   * @param estimator the tau^2 estimator of the mixed-effects model (null for fixed effect)
   * @param knappHartung whether to use the Knapp-Hartung variance and t / F tests
   * @param level the confidence level
   */
  public record Settings(
      MetaModel model, Tau2Estimator estimator, boolean knappHartung, double level) {
    /**
     * Validates.
     *
     * @param model fixed effect (tau^2 = 0) or mixed effects
     * @param estimator the tau^2 estimator of the mixed-effects model (null for fixed effect)
     * @param knappHartung whether to use the Knapp-Hartung variance and t / F tests
     * @param level the confidence level
     * @throws StatsException when the estimator does not fit the model or the level is not in (0,
     *     1)
     */
    public Settings {
      if (model == null || (model == MetaModel.RANDOM) != (estimator != null)) {
        throw new StatsException(
            "a mixed-effects meta-regression needs a tau^2 estimator, a fixed-effect one none");
      }
      ConfidenceLevel.check(level);
    }

    /**
     * The settings of a meta-analysis: its model, estimator, Hartung-Knapp choice and level.
     *
     * @param options the meta-analysis options
     * @return the settings
     * @throws StatsException for a Mantel-Haenszel or Peto model (meta-regression weights by
     *     inverse variance)
     */
    public static Settings of(MetaOptions options) {
      if (options.model() == MetaModel.FIXED && options.fixedMethod() != FixedMethod.IV) {
        throw new StatsException(
            "meta-regression weights studies by inverse variance; the "
                + options.fixedMethod().label()
                + " method has no regression form (use the inverse-variance method)");
      }
      return new Settings(
          options.model(), options.tau2Estimator(), options.hksj(), options.level());
    }

    /**
     * The method id as metafor names it: FE, DL, REML, ...
     *
     * @return the id
     */
    public String label() {
      return estimator == null ? "FE" : estimator.id().toUpperCase(Locale.ROOT);
    }
  }

  /**
   * Fits the meta-regression.
   *
   * @param yi the study estimates
   * @param vi their sampling variances (finite, &gt; 0)
   * @param design the design matrix, first column the intercept
   * @param settings the model
   * @return the fit
   * @throws StatsException when the lengths differ, there are not more studies than coefficients, a
   *     variance is not positive or the moderators are collinear
   */
  public static MetaRegression fit(
      double[] yi, double[] vi, ModeratorDesign design, Settings settings) {
    int k = yi.length;
    int p = design.p();
    if (vi.length != k || design.k() != k) {
      throw new StatsException(
          "the estimates, variances and design rows differ in number: "
              + k
              + ", "
              + vi.length
              + ", "
              + design.k());
    }
    if (k <= p) {
      throw new StatsException(
          "the meta-regression has "
              + p
              + " coefficients for "
              + k
              + " studies; it needs more studies than coefficients");
    }
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(yi[i]) || !(vi[i] > 0) || !Double.isFinite(vi[i])) {
        throw new StatsException(
            "study " + (i + 1) + " needs a finite estimate and a finite variance > 0");
      }
    }
    double[][] x = design.matrix();
    List<String> warnings = new ArrayList<>();
    Tau2Fit tau2Fit =
        settings.model() == MetaModel.FIXED
            ? new Tau2Fit(0, true, 0, null)
            : settings.estimator().fit(yi, vi, x);
    if (tau2Fit.note() != null) {
      warnings.add(tau2Fit.note());
    }
    double tau2 = tau2Fit.tau2();
    WeightedFit fit = WeightedFit.atTau2(yi, vi, x, tau2);
    int residualDf = k - p;
    double scale = 1;
    if (settings.knappHartung()) {
      scale = fit.rss <= Math.ulp(1.0) ? 0 : fit.rss / residualDf;
      if (settings.model() == MetaModel.FIXED) {
        warnings.add(
            "the Knapp-Hartung adjustment is not meant for fixed-effect models (metafor warns"
                + " likewise)");
      }
    }
    double[][] covariance = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        covariance[a][b] = scale * fit.inverse[a][b];
      }
    }
    double alpha = 1 - settings.level();
    double testDf = settings.knappHartung() ? residualDf : Double.NaN;
    double critical =
        settings.knappHartung()
            ? Quantiles.tUpper(residualDf, alpha / 2)
            : STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
    List<RegressionCoefficient> coefficients = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double b = fit.beta[j];
      double se = Math.sqrt(covariance[j][j]);
      double statistic = b / se;
      double pvalue =
          settings.knappHartung()
              ? 2 * TDistribution.of(residualDf).survivalProbability(Math.abs(statistic))
              : 2 * STANDARD_NORMAL.survivalProbability(Math.abs(statistic));
      coefficients.add(
          new RegressionCoefficient(
              design.columns().get(j),
              b,
              se,
              statistic,
              pvalue,
              b - critical * se,
              b + critical * se));
    }
    int m = p - 1;
    double qm = Double.NaN;
    double qmPvalue = Double.NaN;
    if (m > 0) {
      qm = omnibus(fit.beta, covariance);
      if (settings.knappHartung()) {
        qm /= m;
        qmPvalue = FDistribution.of(m, residualDf).survivalProbability(qm);
      } else {
        qmPvalue = ChiSquaredDistribution.of(m).survivalProbability(qm);
      }
    }
    WeightedFit fixed = WeightedFit.atTau2(yi, vi, x, 0);
    double qe = Math.max(0, fixed.rss);
    double qePvalue = ChiSquaredDistribution.of(residualDf).survivalProbability(qe);
    double i2;
    double h2;
    if (settings.model() == MetaModel.FIXED) {
      i2 = Math.max(0, 100 * (qe - residualDf) / qe);
      h2 = qe / residualDf;
    } else {
      double typical = residualDf / fixed.traceP();
      i2 = 100 * tau2 / (typical + tau2);
      h2 = tau2 / typical + 1;
    }
    double r2 = m > 0 ? pseudoR2(settings, yi, vi, tau2, qe, residualDf) : Double.NaN;
    return new MetaRegression(
        settings,
        design,
        yi.clone(),
        vi.clone(),
        coefficients,
        covariance,
        testDf,
        tau2,
        tau2Fit,
        qm,
        m,
        qmPvalue,
        qe,
        residualDf,
        qePvalue,
        i2,
        h2,
        r2,
        fit.w.clone(),
        warnings);
  }

  /** b_m' Var(b_m)^-1 b_m over every coefficient but the intercept. */
  private static double omnibus(double[] beta, double[][] covariance) {
    int m = beta.length - 1;
    double[][] sub = new double[m][m];
    double[] b = new double[m];
    for (int a = 0; a < m; a++) {
      b[a] = beta[a + 1];
      for (int c = 0; c < m; c++) {
        sub[a][c] = covariance[a + 1][c + 1];
      }
    }
    try {
      RealMatrix inverse =
          new CholeskyDecomposition(new Array2DRowRealMatrix(sub, false)).getSolver().getInverse();
      double s = 0;
      for (int a = 0; a < m; a++) {
        for (int c = 0; c < m; c++) {
          s += b[a] * inverse.getEntry(a, c) * b[c];
        }
      }
      return s;
    } catch (NonPositiveDefiniteMatrixException e) {
      return Double.NaN;
    }
  }

  private static double pseudoR2(
      Settings settings, double[] yi, double[] vi, double tau2, double qe, int residualDf) {
    int k = yi.length;
    ModeratorDesign intercept = ModeratorDesign.interceptOnly(k);
    if (settings.model() == MetaModel.FIXED) {
      double q0 = WeightedFit.atTau2(yi, vi, intercept.matrix(), 0).rss;
      if (!(q0 > 0)) {
        return 0;
      }
      double adjusted = 1 - (qe / residualDf) / (q0 / (k - 1));
      return Math.max(0, 100 * adjusted);
    }
    double tau20 = settings.estimator().fit(yi, vi, intercept.matrix()).tau2();
    if (tau20 == 0) {
      return 0;
    }
    return Math.max(0, 100 * (tau20 - tau2) / tau20);
  }

  /**
   * The residual heterogeneity tau^2 of a mixed-effects meta-regression by the given estimator (see
   * the class description for the formulas).
   *
   * @param estimator the estimator
   * @param yi the study estimates
   * @param vi their sampling variances
   * @param design the design matrix
   * @return the estimate, with its convergence
   * @throws StatsException when the moderators are collinear
   */
  public static Tau2Fit tau2(
      Tau2Estimator estimator, double[] yi, double[] vi, ModeratorDesign design) {
    return estimator.fit(yi, vi, design.matrix());
  }

  /**
   * Whether tau^2 was found (an iterative estimator converged).
   *
   * @return true when the fit is reliable
   */
  public boolean converged() {
    return tau2Fit.converged();
  }

  /**
   * The number of studies.
   *
   * @return k
   */
  public int k() {
    return yi.length;
  }

  /**
   * The fitted mean x0'b at a design row with its standard error sqrt(x0' Var(b) x0) and confidence
   * limits (z, or t(k - p) under Knapp-Hartung), as metafor's {@code predict(fit, newmods = ...)}
   * gives them.
   *
   * @param x0 one value per design column (the intercept column included)
   * @return {estimate, se, lower, upper}
   * @throws StatsException when x0 does not have p values
   */
  public double[] predict(double[] x0) {
    int p = design.p();
    if (x0.length != p) {
      throw new StatsException("a prediction needs " + p + " design values, got " + x0.length);
    }
    double mean = 0;
    double variance = 0;
    for (int a = 0; a < p; a++) {
      mean += x0[a] * coefficients.get(a).estimate();
      for (int b = 0; b < p; b++) {
        variance += x0[a] * covariance[a][b] * x0[b];
      }
    }
    double se = Math.sqrt(Math.max(0, variance));
    double alpha = 1 - settings.level();
    double critical =
        settings.knappHartung()
            ? Quantiles.tUpper(qeDf, alpha / 2)
            : STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
    return new double[] {mean, se, mean - critical * se, mean + critical * se};
  }
}
