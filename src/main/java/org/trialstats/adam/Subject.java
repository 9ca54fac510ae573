package org.trialstats.adam;

/**
 * One subject of the analysis population.
 *
 * @param id unique subject identifier
 * @param arm treatment arm
 * @param exposureDays treatment duration in days (ADSL duration variable, or last minus first
 *     exposure date plus one); NaN when ADSL does not give it
 * @param treatmentStart SAS date of first exposure; NaN when ADSL does not give it
 */
public record Subject(String id, String arm, double exposureDays, double treatmentStart) {}
