package org.trialstats.adam;

import java.util.List;
import java.util.Objects;

/**
 * Which ADSL variables define the analysis population, the treatment arms and exposure.
 *
 * @param subjectVariable unique subject identifier, normally {@code USUBJID}
 * @param populationFlag population flag whose value {@code Y} selects a subject (e.g. {@code
 *     SAFFL}); {@code null} to use every subject in ADSL
 * @param armVariable treatment variable (e.g. {@code TRT01A}, actual treatment)
 * @param arms the arms to show, in this order; empty for all arms, ordered by the companion numeric
 *     variable {@code <armVariable>N} when ADSL has one, else alphabetically
 * @param durationVariable treatment duration in days (e.g. {@code TRTDUR})
 * @param startDateVariable date of first exposure (e.g. {@code TRTSDT})
 * @param endDateVariable date of last exposure (e.g. {@code TRTEDT})
 */
public record AdslSpec(
    String subjectVariable,
    String populationFlag,
    String armVariable,
    List<String> arms,
    String durationVariable,
    String startDateVariable,
    String endDateVariable) {

  public AdslSpec {
    Objects.requireNonNull(subjectVariable, "subjectVariable");
    Objects.requireNonNull(armVariable, "armVariable");
    arms = List.copyOf(arms);
    Objects.requireNonNull(durationVariable, "durationVariable");
    Objects.requireNonNull(startDateVariable, "startDateVariable");
    Objects.requireNonNull(endDateVariable, "endDateVariable");
  }

  /** ADaM defaults: USUBJID, SAFFL, TRT01A, TRTDUR, TRTSDT, TRTEDT, all arms. */
  public static AdslSpec defaults() {
    return new AdslSpec("USUBJID", "SAFFL", "TRT01A", List.of(), "TRTDUR", "TRTSDT", "TRTEDT");
  }
}
