package org.trialstats.meta;

import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/**
 * One study of a meta-analysis: either two-by-two counts (arm 1 = treatment, arm 2 = control) or
 * a generic effect y with its sampling variance v on the analysis scale (log scale for ratios).
 *
 * @param study study label as shown in outputs (not blank)
 * @param subgroup subgroup label, or null when the analysis has no subgroups
 * @param table the counts, or null for a generic effect
 * @param yi the generic effect (NaN for counts)
 * @param vi its sampling variance, finite and &gt; 0 (NaN for counts)
 */
public record StudyData(String study, String subgroup, TwoByTwo table, double yi, double vi) {
  public StudyData {
    if (study == null || study.isBlank()) {
      throw new StatsException("every study needs a non-blank study label");
    }
    if (table == null) {
      if (!Double.isFinite(yi)) {
        throw new StatsException("study '" + study + "': yi must be a finite number, got " + yi);
      }
      if (!(vi > 0) || !Double.isFinite(vi)) {
        throw new StatsException(
            "study '" + study + "': the variance vi (or sei^2) must be finite and > 0, got " + vi);
      }
    } else if (!Double.isNaN(yi) || !Double.isNaN(vi)) {
      throw new StatsException("study '" + study + "': give either counts or yi/vi, not both");
    }
  }

  /**
   * A study given by its two-by-two counts.
   *
   * @param events1 events in arm 1 (treatment)
   * @param n1 subjects in arm 1
   * @param events2 events in arm 2 (control)
   * @param n2 subjects in arm 2
   */
  public static StudyData counts(
      String study, String subgroup, long events1, long n1, long events2, long n2) {
    return new StudyData(
        study, subgroup, TwoByTwo.of(events1, n1, events2, n2), Double.NaN, Double.NaN);
  }

  /** A study given by a generic effect {@code yi} and its sampling variance {@code vi}. */
  public static StudyData generic(String study, String subgroup, double yi, double vi) {
    return new StudyData(study, subgroup, null, yi, vi);
  }

  /** Whether the study is given by counts (otherwise by a generic effect). */
  public boolean hasCounts() {
    return table != null;
  }
}
