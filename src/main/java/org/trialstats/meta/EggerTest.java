package org.trialstats.meta;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstats.stats.StatsException;

/**
 * Egger's regression test for funnel-plot asymmetry (Egger, Davey Smith, Schneider &amp; Minder
 * 1997, BMJ 315:629-634): ordinary least squares of the standardised effect y_i/se_i on the
 * precision 1/se_i, y_i/se_i = b0 + b1/se_i + e_i; the intercept b0 measures asymmetry and is
 * tested with t = b0/se(b0) on k - 2 df. Equivalent to metafor's {@code regtest(model = "lm",
 * predictor = "sei")} (weighted regression of y_i on se_i with weights 1/v_i, where the coefficient
 * of se_i is b0).
 *
 * @param k number of studies
 * @param intercept b0, the bias coefficient
 * @param interceptSe its standard error
 * @param t the test statistic b0/se(b0)
 * @param df degrees of freedom, k - 2
 * @param pvalue two-sided p-value from t(k - 2)
 * @param slope b1, the effect estimate as se tends to 0 (the "limit estimate", analysis scale)
 * @param slopeSe standard error of b1
 */
public record EggerTest(
    int k,
    double intercept,
    double interceptSe,
    double t,
    int df,
    double pvalue,
    double slope,
    double slopeSe) {

  /** Fewer studies than this trigger the low-power note (Sterne et al. 2011, BMJ 343:d4002). */
  public static final int RECOMMENDED_MINIMUM = 10;

  /**
   * Egger's test on the study estimates and variances of a meta-analysis.
   *
   * @param result the meta-analysis whose study estimates and variances are tested
   * @return the intercept test and the slope
   * @throws StatsException with fewer than 3 studies or when all standard errors are equal
   */
  public static EggerTest of(MetaResult result) {
    List<StudyEffect> studies = result.studies();
    int k = studies.size();
    if (k < 3) {
      throw new StatsException("Egger's test needs at least 3 studies, got " + k);
    }
    double[] x = new double[k];
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      double se = Math.sqrt(studies.get(i).vi());
      x[i] = 1 / se;
      z[i] = studies.get(i).yi() / se;
    }
    double meanX = 0;
    double meanZ = 0;
    for (int i = 0; i < k; i++) {
      meanX += x[i];
      meanZ += z[i];
    }
    meanX /= k;
    meanZ /= k;
    double sxx = 0;
    double sxz = 0;
    for (int i = 0; i < k; i++) {
      sxx += (x[i] - meanX) * (x[i] - meanX);
      sxz += (x[i] - meanX) * (z[i] - meanZ);
    }
    if (!(sxx > 0)) {
      throw new StatsException(
          "Egger's test is undefined when all studies have the same standard error");
    }
    double slope = sxz / sxx;
    double intercept = meanZ - slope * meanX;
    double rss = 0;
    for (int i = 0; i < k; i++) {
      double r = z[i] - intercept - slope * x[i];
      rss += r * r;
    }
    int df = k - 2;
    double s2 = rss / df;
    double interceptSe = Math.sqrt(s2 * (1.0 / k + meanX * meanX / sxx));
    double slopeSe = Math.sqrt(s2 / sxx);
    double t = intercept / interceptSe;
    double p = 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    return new EggerTest(k, intercept, interceptSe, t, df, p, slope, slopeSe);
  }
}
