package org.trialstats.adam;

/**
 * One arm's cell of an adverse-event table row.
 *
 * @param arm the arm
 * @param subjects subjects with at least one event of the row (each counted once)
 * @param n subjects in the arm (the denominator)
 * @param events selected records (events) of the row in the arm, every event of a subject counted
 * @param exposureYears person-time at risk in years (365.25 days) for this row; NaN without
 *     exposure-adjusted rates
 * @param rate events per 100 patient-years with its interval; {@code null} without rates
 */
public record ArmCount(
    String arm, long subjects, long n, long events, double exposureYears, EstimateCell rate) {

  /** The percentage {@code 100 * subjects / n}. */
  public double percent() {
    return 100.0 * subjects / n;
  }
}
