package org.trialstats.evidence;

import java.util.Objects;

/**
 * An event rate per person-time as published, e.g. 8 lymphomas in about 6,400 patient-years
 * reported as 0.12 per 100 patient-years.
 *
 * @param id stable identifier
 * @param endpoint the event counted
 * @param events number of events, at least 0
 * @param patientYears person-time in years, positive (as printed, possibly approximate)
 * @param patients number of patients contributing, null when not printed
 * @param meanFollowUpMonths mean follow-up in months, null when not printed
 * @param per the rate's multiplier, e.g. 100 for "per 100 patient-years"
 * @param reportedRate the printed rate
 * @param sourceId id of the {@link Source}
 * @param note reviewer's note; empty when none
 */
public record RateFigure(
    String id,
    String endpoint,
    long events,
    double patientYears,
    Long patients,
    Double meanFollowUpMonths,
    double per,
    Reported reportedRate,
    String sourceId,
    String note) {
  public RateFigure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative, got " + events);
    }
    if (!(patientYears > 0) || Double.isInfinite(patientYears)) {
      throw new IllegalArgumentException("patientYears must be positive, got " + patientYears);
    }
    if (patients != null && patients < 1) {
      throw new IllegalArgumentException("patients must be at least 1, got " + patients);
    }
    if (meanFollowUpMonths != null && !(meanFollowUpMonths > 0)) {
      throw new IllegalArgumentException(
          "meanFollowUpMonths must be positive, got " + meanFollowUpMonths);
    }
    if (!(per > 0) || Double.isInfinite(per)) {
      throw new IllegalArgumentException("per must be positive, got " + per);
    }
    Objects.requireNonNull(reportedRate, "reportedRate");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(note, "note");
  }

  /** The crude rate {@code events / patientYears * per}. */
  public double rate() {
    return events * per / patientYears;
  }
}
