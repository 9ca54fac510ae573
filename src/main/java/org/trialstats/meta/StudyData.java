package org.trialstats.meta;

import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/**
 * One study of a meta-analysis, given in exactly one of four forms (arm 1 = treatment, arm 2 =
 * control): two-by-two counts, per-arm means with standard deviations, events with person-time, or
 * a generic effect y with its sampling variance v on the analysis scale (log scale for ratios).
 *
 * @param study study label as shown in outputs (not blank)
 * @param subgroup subgroup label, or null when the analysis has no subgroups
 * @param table the counts, or null
 * @param yi the generic effect (NaN for the other forms)
 * @param vi its sampling variance, finite and &gt; 0 (NaN for the other forms)
 * @param means per-arm means, standard deviations and sizes, or null
 * @param rates per-arm events and person-time, or null
 */
public record StudyData(
    String study,
    String subgroup,
    TwoByTwo table,
    double yi,
    double vi,
    ContinuousArms means,
    PersonTime rates) {

  /**
   * Validates the study.
   *
   * @param study study label as shown in outputs (not blank)
   * @param subgroup subgroup label, or null when the analysis has no subgroups
   * @param table the counts, or null
   * @param yi the generic effect (NaN for the other forms)
   * @param vi its sampling variance, finite and &gt; 0 (NaN for the other forms)
   * @param means per-arm means, standard deviations and sizes, or null
   * @param rates per-arm events and person-time, or null
   * @throws StatsException for a blank label, more than one form of data, or an invalid generic
   *     effect or variance
   */
  public StudyData {
    if (study == null || study.isBlank()) {
      throw new StatsException("every study needs a non-blank study label");
    }
    int forms = (table != null ? 1 : 0) + (means != null ? 1 : 0) + (rates != null ? 1 : 0);
    if (forms > 1 || (forms == 1 && (!Double.isNaN(yi) || !Double.isNaN(vi)))) {
      throw new StatsException(
          "study '" + study + "': give one of counts, means or person-time, or yi/vi");
    }
    if (forms == 0) {
      if (!Double.isFinite(yi)) {
        throw new StatsException("study '" + study + "': yi must be a finite number, got " + yi);
      }
      if (!(vi > 0) || !Double.isFinite(vi)) {
        throw new StatsException(
            "study '" + study + "': the variance vi (or sei^2) must be finite and > 0, got " + vi);
      }
    }
  }

  /**
   * A study given by its two-by-two counts.
   *
   * @param study the study label
   * @param subgroup the subgroup label or null
   * @param events1 events in arm 1 (treatment)
   * @param n1 subjects in arm 1
   * @param events2 events in arm 2 (control)
   * @param n2 subjects in arm 2
   * @return the study
   */
  public static StudyData counts(
      String study, String subgroup, long events1, long n1, long events2, long n2) {
    return new StudyData(
        study, subgroup, TwoByTwo.of(events1, n1, events2, n2), Double.NaN, Double.NaN, null, null);
  }

  /**
   * A study given by a generic effect {@code yi} and its sampling variance {@code vi}.
   *
   * @param study the study label
   * @param subgroup the subgroup label or null
   * @param yi the effect on the analysis scale
   * @param vi its sampling variance
   * @return the study
   */
  public static StudyData generic(String study, String subgroup, double yi, double vi) {
    return new StudyData(study, subgroup, null, yi, vi, null, null);
  }

  /**
   * A study given by per-arm means, standard deviations and sizes.
   *
   * @param study the study label
   * @param subgroup the subgroup label or null
   * @param means the per-arm summaries
   * @return the study
   */
  public static StudyData means(String study, String subgroup, ContinuousArms means) {
    return new StudyData(study, subgroup, null, Double.NaN, Double.NaN, means, null);
  }

  /**
   * A study given by per-arm events and person-time.
   *
   * @param study the study label
   * @param subgroup the subgroup label or null
   * @param rates the per-arm events and person-time
   * @return the study
   */
  public static StudyData personTime(String study, String subgroup, PersonTime rates) {
    return new StudyData(study, subgroup, null, Double.NaN, Double.NaN, null, rates);
  }

  /**
   * Whether the study is given by two-by-two counts.
   *
   * @return whether the study is given by two-by-two counts
   */
  public boolean hasCounts() {
    return table != null;
  }

  /**
   * The form of the study's data.
   *
   * @return the form of the study's data
   */
  public EffectMeasure.Input input() {
    if (table != null) {
      return EffectMeasure.Input.TWO_BY_TWO;
    }
    if (means != null) {
      return EffectMeasure.Input.MEANS;
    }
    return rates != null ? EffectMeasure.Input.PERSON_TIME : EffectMeasure.Input.EFFECT;
  }
}
