package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.trialstats.stats.StatsException;

/**
 * Case-deletion influence diagnostics of an inverse-variance meta-analysis, as metafor's {@code
 * influence.rma.uni()} (Viechtbauer &amp; Cheung 2010, Res Synth Methods 1:112-125), with the
 * Baujat plot coordinates of metafor's {@code baujat()} (Baujat, Mahe, Pignon &amp; Hill 2002, Stat
 * Med 21:2641-2652).
 *
 * <p>Notation: mu, Var(mu) = vb and tau^2 of the full model; w_i = 1/(v_i + tau^2); for study i,
 * mu_(-i), vb_(-i), tau^2_(-i) and Q_(-i) of the model refitted without it (same estimator and
 * test), s2w_(-i) its Hartung-Knapp factor (1 for z-based models). Then
 *
 * <ul>
 *   <li>hat value h_i = w_i / sum w; weight 100 h_i percent
 *   <li>externally studentised residual (y_i - mu_(-i)) / sqrt(s2w_(-i) (v_i + tau^2_(-i)) +
 *       vb_(-i))
 *   <li>DFFITS (mu - mu_(-i)) / sqrt(s2w_(-i) h_i (tau^2_(-i) + v_i))
 *   <li>DFBETAS (mu - mu_(-i)) / sqrt(s2w_(-i) / sum_j 1/(v_j + tau^2_(-i))), the sum over all k
 *   <li>Cook's distance (mu - mu_(-i))^2 / vb; covariance ratio vb_(-i) / vb
 *   <li>influential (metafor's rule): |DFFITS| &gt; 3 sqrt(1/(k - 1)), or the chi-square(1)
 *       distribution function at Cook's distance &gt; 0.5, or h_i &gt; 3/k, or |DFBETAS| &gt; 1
 *   <li>Baujat x: contribution to heterogeneity (y_i - mu)^2 / (v_i + tau^2); Baujat y: influence
 *       on the pooled estimate (mu_(-i) - mu)^2 / vb_(-i)
 * </ul>
 *
 * @param studies one row per pooled study, in the order of the analysis
 * @param k the number of studies
 */
public record Influence(List<Influence.Study> studies, int k) {

  /**
   * Copies the list.
   *
   * @param studies one row per pooled study, in the order of the analysis
   * @param k the number of studies
   */
  public Influence {
    studies = List.copyOf(studies);
  }

  /**
   * The diagnostics of one study. Values of a refit that failed are NaN.
   *
   * @param study the study label
   * @param rstudent the externally studentised residual
   * @param dffits DFFITS
   * @param cooksDistance Cook's distance
   * @param covRatio the covariance ratio
   * @param tau2Deleted tau^2 without the study (0 for a fixed-effect model)
   * @param qDeleted Cochran's Q without the study
   * @param hat the hat value
   * @param weight the weight in percent
   * @param dfbetas DFBETAS of the pooled estimate
   * @param influential whether metafor's rule flags the study as influential
   * @param baujatX the contribution to heterogeneity (Baujat plot x)
   * @param baujatY the influence on the pooled estimate (Baujat plot y)
   */
  public record Study(
      String study,
      double rstudent,
      double dffits,
      double cooksDistance,
      double covRatio,
      double tau2Deleted,
      double qDeleted,
      double hat,
      double weight,
      double dfbetas,
      boolean influential,
      double baujatX,
      double baujatY) {}

  /**
   * The influence diagnostics of every pooled study.
   *
   * @param result an inverse-variance analysis (fixed effect iv or random effects)
   * @return the diagnostics
   * @throws StatsException for Mantel-Haenszel or Peto models or fewer than 3 studies
   */
  public static Influence of(MetaResult result) {
    EffectRefit.requireInverseVariance(result, "influence diagnostics");
    List<StudyEffect> effects = result.studies();
    int k = effects.size();
    if (k < 3) {
      throw new StatsException("influence diagnostics need at least 3 studies, got " + k);
    }
    double[] y = effects.stream().mapToDouble(StudyEffect::yi).toArray();
    double[] v = effects.stream().mapToDouble(StudyEffect::vi).toArray();
    List<String> labels = effects.stream().map(StudyEffect::study).toList();
    double mu = result.mu();
    double tau2 = result.tau2();
    double vb = result.se() * result.se();
    double sumW = 0;
    for (double vi : v) {
      sumW += 1 / (vi + tau2);
    }
    double dffitsLimit = 3 * Math.sqrt(1.0 / (k - 1));
    ChiSquaredDistribution chi1 = ChiSquaredDistribution.of(1);
    List<Study> rows = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double hat = 1 / (v[i] + tau2) / sumW;
      double baujatX = (y[i] - mu) * (y[i] - mu) / (v[i] + tau2);
      MetaResult without;
      try {
        without =
            EffectRefit.run(without(labels, i), without(y, i), without(v, i), result.options());
      } catch (StatsException e) {
        without = null;
      }
      if (without == null || Double.isNaN(without.mu())) {
        rows.add(
            new Study(
                labels.get(i),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                hat,
                100 * hat,
                Double.NaN,
                hat > 3.0 / k,
                baujatX,
                Double.NaN));
        continue;
      }
      double muDel = without.mu();
      double tau2Del = without.tau2();
      double vbDel = without.se() * without.se();
      double s2w = 1;
      if (result.hksj()) {
        double sumWDel = 0;
        for (int j = 0; j < k; j++) {
          if (j != i) {
            sumWDel += 1 / (v[j] + tau2Del);
          }
        }
        s2w = vbDel * sumWDel;
      }
      double change = mu - muDel;
      double residual = y[i] - muDel;
      if (Math.abs(residual) < 100 * Math.ulp(1.0)) {
        residual = 0; // as metafor: a residual at rounding level is 0
      }
      double rstudent = residual / Math.sqrt(v[i] * s2w + vbDel + tau2Del * s2w);
      double dffits = change / Math.sqrt(s2w * hat * (tau2Del + v[i]));
      double sumWAll = 0;
      for (double vj : v) {
        sumWAll += 1 / (vj + tau2Del);
      }
      double dfbetas = change / Math.sqrt(s2w / sumWAll);
      double cook = change * change / vb;
      boolean influential =
          Math.abs(dffits) > dffitsLimit
              || chi1.cumulativeProbability(cook) > 0.5
              || hat > 3.0 / k
              || Math.abs(dfbetas) > 1;
      rows.add(
          new Study(
              labels.get(i),
              rstudent,
              dffits,
              cook,
              vbDel / vb,
              tau2Del,
              without.q(),
              hat,
              100 * hat,
              dfbetas,
              influential,
              baujatX,
              change * change / vbDel));
    }
    return new Influence(rows, k);
  }

  private static double[] without(double[] x, int omitted) {
    double[] out = new double[x.length - 1];
    System.arraycopy(x, 0, out, 0, omitted);
    System.arraycopy(x, omitted + 1, out, omitted, x.length - omitted - 1);
    return out;
  }

  private static List<String> without(List<String> x, int omitted) {
    List<String> out = new ArrayList<>(x);
    out.remove(omitted);
    return out;
  }
}
