package org.trialstats.analysis;

import java.nio.file.Path;
import java.util.Objects;
import org.trialstats.adam.TimeToEventColumns;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.TiesMethod;

/**
 * What a time-to-event analysis is asked to do.
 *
 * @param input the ADTTE (XPORT) or CSV file
 * @param columns which variables hold time, status, group and strata, and the record filters
 * @param adsl the subject-level file for the population join, or null
 * @param populationFlag the ADSL population flag (e.g. {@code SAFFL}); required with {@code adsl}
 * @param reference the reference group label, or null for the first group in display order
 * @param transform the scale of the pointwise survival intervals
 * @param level the confidence level
 * @param ties the Cox model's tie handling
 * @param times the times at which to report the curves, or null for every event time
 * @param rmstTau the restricted-mean horizon, or null for none
 */
public record SurvivalRequest(
    Path input,
    TimeToEventColumns columns,
    Path adsl,
    String populationFlag,
    String reference,
    ConfidenceTransform transform,
    double level,
    TiesMethod ties,
    double[] times,
    Double rmstTau) {
  public SurvivalRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(ties, "ties");
    times = times == null ? null : times.clone();
  }
}
