package org.trialstats.meta;

import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;

/**
 * What to compute: the effect measure, the model and its method, the Hartung-Knapp-Sidik-Jonkman
 * adjustment and the confidence level. Use {@link #fixed} or {@link #random} to create one.
 *
 * @param measure effect measure
 * @param model fixed or random effects
 * @param fixedMethod the pooling method of a fixed-effect model (null for random effects)
 * @param tau2Estimator the tau^2 estimator of a random-effects model (null for fixed effect)
 * @param hksj whether to use the Hartung-Knapp-Sidik-Jonkman variance and t(k - 1) intervals
 *     (random effects, or a fixed-effect inverse-variance model as metafor's {@code rma(method =
 *     "FE", test = "knha")})
 * @param level confidence level in (0, 1), used for every interval (studies, pooled estimate,
 *     prediction interval, Q-profile interval for tau^2)
 * @param exponentiate for {@link EffectMeasure#GENERIC} only: the effects are log ratios (e.g. log
 *     hazard ratios) and are reported and plotted as exp(y)
 * @param smdVariance how Hedges' g and its variance are computed (used by {@link EffectMeasure#SMD}
 *     only; {@link SmdVariance#LS} by default)
 * @param prediction the prediction-interval formula of random-effects models ({@link
 *     PredictionMethod#HTS} by default)
 */
public record MetaOptions(
    EffectMeasure measure,
    MetaModel model,
    FixedMethod fixedMethod,
    Tau2Estimator tau2Estimator,
    boolean hksj,
    double level,
    boolean exponentiate,
    SmdVariance smdVariance,
    PredictionMethod prediction) {

  /** The default confidence level, 0.95. */
  public static final double DEFAULT_LEVEL = 0.95;

  /**
   * Validates the combination.
   *
   * @param measure effect measure
   * @param model fixed or random effects
   * @param fixedMethod the pooling method of a fixed-effect model (null for random effects)
   * @param tau2Estimator the tau^2 estimator of a random-effects model (null for fixed effect)
   * @param hksj whether to use the Hartung-Knapp-Sidik-Jonkman variance and t(k - 1) intervals
   *     (random effects, or a fixed-effect inverse-variance model as metafor's {@code rma(method =
   *     "FE", test = "knha")})
   * @param level confidence level in (0, 1), used for every interval (studies, pooled estimate,
   *     prediction interval, Q-profile interval for tau^2)
   * @param exponentiate for {@link EffectMeasure#GENERIC} only: the effects are log ratios (e.g.
   *     log hazard ratios) and are reported and plotted as exp(y)
   * @param smdVariance how Hedges' g and its variance are computed (used by {@link
   *     EffectMeasure#SMD} only; {@link SmdVariance#LS} by default)
   * @param prediction the prediction-interval formula of random-effects models ({@link
   *     PredictionMethod#HTS} by default)
   * @throws StatsException for a combination that is not defined (e.g. Peto's method for a risk
   *     ratio, Mantel-Haenszel for generic effects)
   */
  public MetaOptions {
    if (measure == null || model == null || smdVariance == null || prediction == null) {
      throw new StatsException("measure, model, SMD variance and prediction method are required");
    }
    ConfidenceLevel.check(level);
    if (model == MetaModel.FIXED) {
      if (fixedMethod == null || tau2Estimator != null) {
        throw new StatsException(
            "a fixed-effect model needs a fixed-effect method: iv, mh or peto");
      }
      if (hksj && fixedMethod != FixedMethod.IV) {
        throw new StatsException(
            "the Hartung-Knapp adjustment is defined for inverse-variance pooling only, not for"
                + " the "
                + fixedMethod.label()
                + " method");
      }
      if (fixedMethod == FixedMethod.PETO && measure != EffectMeasure.OR) {
        throw new StatsException(
            "Peto's method estimates an odds ratio; pool odds ratios or use another method");
      }
      boolean mhRates =
          fixedMethod == FixedMethod.MH && measure.input() == EffectMeasure.Input.PERSON_TIME;
      if (fixedMethod != FixedMethod.IV && !measure.usesCounts() && !mhRates) {
        throw new StatsException(
            "the "
                + fixedMethod.label()
                + " method needs two-by-two counts (or, for"
                + " Mantel-Haenszel, events and person-time); for "
                + measure.label().toLowerCase(java.util.Locale.ROOT)
                + " use inverse variance or a"
                + " random-effects model");
      }
    } else {
      if (tau2Estimator == null || fixedMethod != null) {
        throw new StatsException(
            "a random-effects model needs a tau^2 estimator: dl, reml, pm, ml, sj or he");
      }
    }
    if (exponentiate && measure != EffectMeasure.GENERIC) {
      throw new StatsException(
          "exponentiation is only for generic effects; "
              + measure.label().toLowerCase(java.util.Locale.ROOT)
              + "s are back-transformed automatically when they are ratios");
    }
  }

  /**
   * A fixed-effect analysis with the given pooling method at the 95% level.
   *
   * @param measure the effect measure
   * @param method the pooling method (iv, mh or peto)
   * @return the options, without HKSJ, with the default SMD variance and prediction formula
   * @throws StatsException when the method does not apply to the measure (see the constructor)
   */
  public static MetaOptions fixed(EffectMeasure measure, FixedMethod method) {
    return new MetaOptions(
        measure,
        MetaModel.FIXED,
        method,
        null,
        false,
        DEFAULT_LEVEL,
        false,
        SmdVariance.LS,
        PredictionMethod.HTS);
  }

  /**
   * A random-effects analysis with the given tau^2 estimator at the 95% level.
   *
   * @param measure the effect measure
   * @param estimator the tau^2 estimator
   * @return the options, without HKSJ, with the default SMD variance and prediction formula
   */
  public static MetaOptions random(EffectMeasure measure, Tau2Estimator estimator) {
    return new MetaOptions(
        measure,
        MetaModel.RANDOM,
        null,
        estimator,
        false,
        DEFAULT_LEVEL,
        false,
        SmdVariance.LS,
        PredictionMethod.HTS);
  }

  /**
   * The same options with the Hartung-Knapp-Sidik-Jonkman adjustment switched on or off.
   *
   * @param on whether to apply the adjustment
   * @return the new options
   * @throws StatsException when HKSJ is switched on for a fixed-effect method other than iv
   */
  public MetaOptions withHksj(boolean on) {
    return new MetaOptions(
        measure,
        model,
        fixedMethod,
        tau2Estimator,
        on,
        level,
        exponentiate,
        smdVariance,
        prediction);
  }

  /**
   * The same options at another confidence level.
   *
   * @param newLevel the confidence level, in (0, 1)
   * @return the new options
   * @throws StatsException when the level is not in (0, 1)
   */
  public MetaOptions withLevel(double newLevel) {
    return new MetaOptions(
        measure,
        model,
        fixedMethod,
        tau2Estimator,
        hksj,
        newLevel,
        exponentiate,
        smdVariance,
        prediction);
  }

  /**
   * The same options with generic effects treated as log ratios (or not).
   *
   * @param on whether generic effects are log ratios, reported as exp(y)
   * @return the new options
   * @throws StatsException when switched on for a measure other than generic
   */
  public MetaOptions withExponentiate(boolean on) {
    return new MetaOptions(
        measure, model, fixedMethod, tau2Estimator, hksj, level, on, smdVariance, prediction);
  }

  /**
   * The same options with another SMD variance form.
   *
   * @param variance the variance form
   * @return the new options
   */
  public MetaOptions withSmdVariance(SmdVariance variance) {
    return new MetaOptions(
        measure,
        model,
        fixedMethod,
        tau2Estimator,
        hksj,
        level,
        exponentiate,
        variance,
        prediction);
  }

  /**
   * The same options with another prediction-interval formula.
   *
   * @param method the formula
   * @return the new options
   */
  public MetaOptions withPrediction(PredictionMethod method) {
    return new MetaOptions(
        measure, model, fixedMethod, tau2Estimator, hksj, level, exponentiate, smdVariance, method);
  }

  /**
   * The method id as used on the command line and in JSON: iv, mh, peto, dl, reml, ...
   *
   * @return the fixed-effect method's id for a fixed-effect model, else the tau^2 estimator's
   */
  public String methodId() {
    return model == MetaModel.FIXED ? fixedMethod.id() : tau2Estimator.id();
  }

  /**
   * Whether results are reported as exp(y): ratio measures and exponentiated generic effects.
   *
   * @return true when estimates are analysed on the log scale and reported exponentiated
   */
  public boolean ratioScale() {
    return measure.isRatio() || exponentiate;
  }

  /**
   * Maps a value on the analysis scale to the reporting scale (exp for ratios).
   *
   * @param y a value on the analysis scale (a log ratio for ratio measures)
   * @return exp(y) on a ratio scale, else y
   */
  public double toReportScale(double y) {
    return ratioScale() ? Math.exp(y) : y;
  }
}
