package org.trialstats.adam;

import org.trialstats.stats.Identified;
import org.trialstats.stats.MethodInfo;

/**
 * The person-time denominator of exposure-adjusted incidence rates (subjects with the event per 100
 * patient-years). One patient-year is 365.25 days.
 */
public enum ExposureDefinition implements Identified {
  /** No exposure-adjusted rates. */
  NONE("none", ""),
  /**
   * Every subject contributes the whole treatment duration from ADSL, whether or not the event
   * occurred; the denominator is the same for every row of an arm.
   */
  TREATMENT_DURATION("duration", "exposure = treatment duration from ADSL for every subject"),
  /**
   * A subject with the event contributes the time from first dose to the onset of the first such
   * event (onset day, day 1 = first dose day, which can exceed the treatment duration for events in
   * the post-treatment emergent window); a subject without it contributes the treatment duration.
   * The denominator differs between rows.
   */
  TIME_TO_FIRST_EVENT(
      "first-event",
      "exposure = time from first dose to the first event for subjects with the event,"
          + " treatment duration from ADSL for the others");

  private final String id;
  private final String description;

  ExposureDefinition(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The id used on the command line. */
  public String id() {
    return id;
  }

  /**
   * The catalogue entry of the exposure-adjusted incidence rate (EAIR) under this definition.
   *
   * @return the entry ({@code null} for {@link #NONE})
   */
  public MethodInfo info() {
    if (this == NONE) {
      return null;
    }
    return new MethodInfo(
        "Exposure-adjusted incidence rate (EAIR), "
            + (this == TREATMENT_DURATION ? "treatment-duration" : "time-to-first-event")
            + " exposure",
        "EAIR = subjects with the event / sum of exposure (years of 365.25 days) x 100; "
            + description
            + "; interval and arm ratio by the rate and rate-ratio methods chosen",
        "He X, Chen L, Lei L, Xia HA, Lee MLT. A simple method for estimating confidence intervals"
            + " for exposure adjusted incidence rate and its applications to clinical trials."
            + " J Biom Biostat 2015;6:238",
        "PROC GENMOD (DIST=POISSON, OFFSET=log exposure) or a DATA step sum",
        "none (sum of exposure, then poisson.test)",
        "none (statsmodels.stats.rates.test_poisson on the sums)");
  }

  /** The definition in words, for footnotes. */
  public String description() {
    return description;
  }

  /**
   * The definition with this id.
   *
   * @throws AdamDataException naming the valid ids
   */
  public static ExposureDefinition fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(
            () -> new AdamDataException(Identified.unknown("exposure definition", id, values())));
  }
}
