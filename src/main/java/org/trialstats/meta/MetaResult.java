package org.trialstats.meta;

import java.util.List;

/**
 * Result of one meta-analysis. Values that do not apply are {@code NaN} (JSON {@code null}): e.g.
 * the tau^2 interval and the prediction interval of a fixed-effect model.
 *
 * @param options what was computed
 * @param k number of studies with a study estimate (after exclusions; metafor's {@code k.yi}), on
 *     which Q, I^2 and tau^2 rest
 * @param kTables number of studies in the model as metafor prints k: for Mantel-Haenszel and Peto
 *     every table, including those without a study estimate (which add nothing, or for an MH risk
 *     ratio with events in everyone, RR 1); equal to k for the other methods
 * @param mu pooled estimate on the analysis scale (log scale for ratios)
 * @param se its standard error (the Hartung-Knapp standard error with HKSJ)
 * @param muLower lower confidence limit of mu (analysis scale)
 * @param muUpper upper confidence limit of mu (analysis scale)
 * @param estimate pooled estimate on the reporting scale (exp(mu) for ratios)
 * @param lower lower confidence limit on the reporting scale
 * @param upper upper confidence limit on the reporting scale
 * @param statistic test statistic for mu = 0: z = mu/se, or t with HKSJ
 * @param statisticDf degrees of freedom of the t statistic (k - 1), NaN for z
 * @param pvalue two-sided p-value of the test of mu = 0
 * @param tau2 between-study variance (0 for a fixed-effect model, as metafor reports it)
 * @param tau2Lower lower Q-profile confidence limit of tau^2 (Viechtbauer 2007); NaN for fixed
 * @param tau2Upper upper Q-profile confidence limit of tau^2; NaN for fixed effect
 * @param i2 I^2 in percent as metafor reports it: 100 (Q - df)/Q (floored at 0) for a fixed-effect
 *     model, 100 tau^2/(tau^2 + s^2) with the typical within-study variance s^2 = (k - 1)/(sum w_i
 *     - sum w_i^2/sum w_i) for random effects (Higgins &amp; Thompson 2002, Stat Med 21:1539-1558,
 *     eq. 9); NaN for k = 1
 * @param i2Lower I^2 at tau2Lower (random effects only)
 * @param i2Upper I^2 at tau2Upper (random effects only)
 * @param h2 H^2: Q/df for a fixed-effect model, (tau^2 + s^2)/s^2 for random effects
 * @param q Cochran's Q (inverse-variance weights; for MH about the MH estimate, for Peto the Peto
 *     statistic sum (O - E)^2/V - (sum (O - E))^2 / sum V)
 * @param qDf degrees of freedom of Q, k - 1
 * @param qPvalue upper-tail chi-square p-value of Q (NaN for k = 1)
 * @param piLower lower limit of the prediction interval on the reporting scale (random effects): mu
 *     - c sqrt(tau^2 + se^2) with c from {@link MetaOptions#prediction()}
 * @param piUpper upper limit of the prediction interval on the reporting scale
 * @param studies per-study estimates, intervals and weights, in input order
 * @param excluded studies left out and why
 * @param input every input study in input order (pooled and excluded), e.g. for plots
 * @param zeroCells how zero cells were handled, in words (stated in every output)
 * @param converged false when an iterative estimator (REML, ML, PM) or a Q-profile limit did not
 *     converge; the warnings then say which
 * @param warnings warnings and guidance notes, in words
 */
public record MetaResult(
    MetaOptions options,
    int k,
    int kTables,
    double mu,
    double se,
    double muLower,
    double muUpper,
    double estimate,
    double lower,
    double upper,
    double statistic,
    double statisticDf,
    double pvalue,
    double tau2,
    double tau2Lower,
    double tau2Upper,
    double i2,
    double i2Lower,
    double i2Upper,
    double h2,
    double q,
    int qDf,
    double qPvalue,
    double piLower,
    double piUpper,
    List<StudyEffect> studies,
    List<ExcludedStudy> excluded,
    List<StudyData> input,
    String zeroCells,
    boolean converged,
    List<String> warnings) {

  /**
   * Copies the lists.
   *
   * @param options what was computed
   * @param k number of studies with a study estimate (after exclusions; metafor's {@code k.yi}), on
   *     which Q, I^2 and tau^2 rest
   * @param kTables number of studies in the model as metafor prints k: for Mantel-Haenszel and Peto
   *     every table, including those without a study estimate (which add nothing, or for an MH risk
   *     ratio with events in everyone, RR 1); equal to k for the other methods
   * @param mu pooled estimate on the analysis scale (log scale for ratios)
   * @param se its standard error (the Hartung-Knapp standard error with HKSJ)
   * @param muLower lower confidence limit of mu (analysis scale)
   * @param muUpper upper confidence limit of mu (analysis scale)
   * @param estimate pooled estimate on the reporting scale (exp(mu) for ratios)
   * @param lower lower confidence limit on the reporting scale
   * @param upper upper confidence limit on the reporting scale
   * @param statistic test statistic for mu = 0: z = mu/se, or t with HKSJ
   * @param statisticDf degrees of freedom of the t statistic (k - 1), NaN for z
   * @param pvalue two-sided p-value of the test of mu = 0
   * @param tau2 between-study variance (0 for a fixed-effect model, as metafor reports it)
   * @param tau2Lower lower Q-profile confidence limit of tau^2 (Viechtbauer 2007); NaN for fixed
   * @param tau2Upper upper Q-profile confidence limit of tau^2; NaN for fixed effect
   * @param i2 I^2 in percent as metafor reports it: 100 (Q - df)/Q (floored at 0) for a
   *     fixed-effect model, 100 tau^2/(tau^2 + s^2) with the typical within-study variance s^2 = (k
   *     - 1)/(sum w_i - sum w_i^2/sum w_i) for random effects (Higgins &amp; Thompson 2002, Stat
   *     Med 21:1539-1558, eq. 9); NaN for k = 1
   * @param i2Lower I^2 at tau2Lower (random effects only)
   * @param i2Upper I^2 at tau2Upper (random effects only)
   * @param h2 H^2: Q/df for a fixed-effect model, (tau^2 + s^2)/s^2 for random effects
   * @param q Cochran's Q (inverse-variance weights; for MH about the MH estimate, for Peto the Peto
   *     statistic sum (O - E)^2/V - (sum (O - E))^2 / sum V)
   * @param qDf degrees of freedom of Q, k - 1
   * @param qPvalue upper-tail chi-square p-value of Q (NaN for k = 1)
   * @param piLower lower limit of the prediction interval on the reporting scale (random effects):
   *     mu - c sqrt(tau^2 + se^2) with c from {@link MetaOptions#prediction()}
   * @param piUpper upper limit of the prediction interval on the reporting scale
   * @param studies per-study estimates, intervals and weights, in input order
   * @param excluded studies left out and why
   * @param input every input study in input order (pooled and excluded), e.g. for plots
   * @param zeroCells how zero cells were handled, in words (stated in every output)
   * @param converged false when an iterative estimator (REML, ML, PM) or a Q-profile limit did not
   *     converge; the warnings then say which
   * @param warnings warnings and guidance notes, in words
   */
  public MetaResult {
    studies = List.copyOf(studies);
    excluded = List.copyOf(excluded);
    input = List.copyOf(input);
    warnings = List.copyOf(warnings);
  }

  /**
   * This result without its per-study lists (studies, excluded studies, input), keeping every
   * pooled number and the warnings: what a step of a leave-one-out or cumulative analysis needs, so
   * that k steps take O(k) memory rather than O(k^2).
   *
   * @return the pooled summary of this result
   */
  public MetaResult summary() {
    return new MetaResult(
        options,
        k,
        kTables,
        mu,
        se,
        muLower,
        muUpper,
        estimate,
        lower,
        upper,
        statistic,
        statisticDf,
        pvalue,
        tau2,
        tau2Lower,
        tau2Upper,
        i2,
        i2Lower,
        i2Upper,
        h2,
        q,
        qDf,
        qPvalue,
        piLower,
        piUpper,
        List.of(),
        List.of(),
        List.of(),
        zeroCells,
        converged,
        warnings);
  }

  /**
   * The effect measure.
   *
   * @return the effect measure of the options
   */
  public EffectMeasure measure() {
    return options.measure();
  }

  /**
   * The model.
   *
   * @return fixed or random effects
   */
  public MetaModel model() {
    return options.model();
  }

  /**
   * The method id: iv, mh, peto, dl, reml, pm, ml, sj or he.
   *
   * @return the pooling method's or tau^2 estimator's id
   */
  public String method() {
    return options.methodId();
  }

  /**
   * Whether the Hartung-Knapp-Sidik-Jonkman adjustment was used.
   *
   * @return true with HKSJ (t(k - 1) intervals and the Hartung-Knapp variance)
   */
  public boolean hksj() {
    return options.hksj();
  }

  /**
   * The confidence level.
   *
   * @return the level of every interval, in (0, 1)
   */
  public double level() {
    return options.level();
  }

  /**
   * Lower prediction limit on the analysis scale (NaN when not applicable).
   *
   * @return the lower prediction limit, log scale for ratios
   */
  public double piMuLower() {
    return options.ratioScale() ? Math.log(piLower) : piLower;
  }

  /**
   * Upper prediction limit on the analysis scale (NaN when not applicable).
   *
   * @return the upper prediction limit, log scale for ratios
   */
  public double piMuUpper() {
    return options.ratioScale() ? Math.log(piUpper) : piUpper;
  }
}
