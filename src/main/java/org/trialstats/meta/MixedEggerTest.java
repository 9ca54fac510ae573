package org.trialstats.meta;

import java.util.List;
import org.trialstats.stats.StatsException;

/**
 * Egger's regression test in metafor's default form, {@code regtest(fit, model = "rma", predictor =
 * "sei")}: the meta-regression y_i = b0 + b1 se_i + u_i + e_i with the model of the meta-analysis
 * (the same tau^2 estimator, fixed effect for a fixed-effect model, Knapp-Hartung when the analysis
 * uses it), weights 1/(v_i + tau^2); funnel asymmetry is tested by b1 / se(b1) (z, or t on k - 2
 * df), and b0 is the "limit estimate" as se_i tends to 0 (Egger et al. 1997, BMJ 315:629-634, in
 * the weighted form of Sterne &amp; Egger 2005, in Publication Bias in Meta-Analysis, ch. 6;
 * Viechtbauer 2010, J Stat Softw 36(3), section 3.6). The classical form (ordinary least squares of
 * y/se on 1/se) is {@link EggerTest}.
 *
 * @param k number of studies
 * @param method the tau^2 method of the regression (FE, DL, REML, ...)
 * @param slope b1, the coefficient of se_i (the asymmetry)
 * @param slopeSe its standard error
 * @param statistic b1 / se(b1)
 * @param df degrees of freedom of the t test (k - 2), NaN for z
 * @param pvalue two-sided p-value
 * @param limitEstimate b0 (analysis scale)
 * @param limitLower lower confidence limit of b0
 * @param limitUpper upper confidence limit of b0
 * @param tau2 residual tau^2 of the regression
 */
public record MixedEggerTest(
    int k,
    String method,
    double slope,
    double slopeSe,
    double statistic,
    double df,
    double pvalue,
    double limitEstimate,
    double limitLower,
    double limitUpper,
    double tau2) {

  /**
   * The test on the studies and the model of a meta-analysis.
   *
   * @param result the meta-analysis (inverse-variance or random effects; a Mantel-Haenszel or Peto
   *     analysis is tested with the inverse-variance fixed-effect model of its study estimates)
   * @return the test
   * @throws StatsException with fewer than 3 studies or when all standard errors are equal
   */
  public static MixedEggerTest of(MetaResult result) {
    List<StudyEffect> studies = result.studies();
    int k = studies.size();
    if (k < 3) {
      throw new StatsException("Egger's test needs at least 3 studies, got " + k);
    }
    double[] y = new double[k];
    double[] v = new double[k];
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = studies.get(i).yi();
      v[i] = studies.get(i).vi();
      se[i] = Math.sqrt(v[i]);
    }
    MetaOptions options = result.options();
    MetaRegression.Settings settings =
        new MetaRegression.Settings(
            options.model(), options.tau2Estimator(), options.hksj(), options.level());
    ModeratorDesign design = ModeratorDesign.interceptOnly(k).with("sei", "sei", se);
    MetaRegression fit;
    try {
      fit = MetaRegression.fit(y, v, design, settings);
    } catch (StatsException e) {
      throw new StatsException(
          "Egger's test is undefined when all studies have the same standard error");
    }
    RegressionCoefficient b0 = fit.coefficients().get(0);
    RegressionCoefficient b1 = fit.coefficients().get(1);
    return new MixedEggerTest(
        k,
        settings.label(),
        b1.estimate(),
        b1.se(),
        b1.statistic(),
        fit.testDf(),
        b1.pvalue(),
        b0.estimate(),
        b0.lower(),
        b0.upper(),
        fit.tau2());
  }
}
