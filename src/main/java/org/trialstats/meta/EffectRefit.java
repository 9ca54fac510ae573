package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.stats.StatsException;

/**
 * Refits an inverse-variance model on study estimates and variances (y_i, v_i) that are already on
 * the analysis scale: what metafor's {@code trimfill()} and {@code influence()} do with the {@code
 * yi, vi} of an {@code rma.uni} model. The refit keeps the model, tau^2 estimator, Hartung-Knapp
 * choice, level and prediction formula, and reports on the same scale (exp for ratios).
 */
final class EffectRefit {
  private EffectRefit() {}

  /**
   * Checks that the result is of an inverse-variance model (fixed effect iv or random effects), the
   * models whose study estimates and variances determine the fit.
   *
   * @param result the analysis
   * @param what the method asking, for the message
   * @throws StatsException for Mantel-Haenszel and Peto models
   */
  static void requireInverseVariance(MetaResult result, String what) {
    if (result.model() == MetaModel.FIXED && result.options().fixedMethod() != FixedMethod.IV) {
      throw new StatsException(
          what
              + " needs an inverse-variance model (fixed effect iv or random effects), not the "
              + result.options().fixedMethod().label()
              + " method (metafor offers it for rma.uni models only)");
    }
  }

  /**
   * The options of {@code result} for generic effects, reported on the same scale.
   *
   * @param options the original options (inverse variance or random effects)
   * @return options with the generic measure
   */
  static MetaOptions generic(MetaOptions options) {
    return new MetaOptions(
        EffectMeasure.GENERIC,
        options.model(),
        options.fixedMethod(),
        options.tau2Estimator(),
        options.hksj(),
        options.level(),
        options.ratioScale(),
        options.smdVariance(),
        options.prediction());
  }

  /**
   * Pools labelled estimates with the model of {@code options}.
   *
   * @param labels study labels
   * @param y estimates on the analysis scale
   * @param v sampling variances
   * @param options the original options
   * @return the refitted model
   */
  static MetaResult run(List<String> labels, double[] y, double[] v, MetaOptions options) {
    List<StudyData> studies = new ArrayList<>(y.length);
    for (int i = 0; i < y.length; i++) {
      studies.add(StudyData.generic(labels.get(i), null, y[i], v[i]));
    }
    return MetaAnalysis.run(studies, generic(options));
  }
}
