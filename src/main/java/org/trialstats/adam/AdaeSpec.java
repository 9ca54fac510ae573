package org.trialstats.adam;

import java.util.List;
import java.util.Objects;

/**
 * Which ADAE records count and which variables classify them.
 *
 * @param subjectVariable subject identifier linking to ADSL, normally {@code USUBJID}
 * @param socVariable system organ class, normally {@code AEBODSYS}
 * @param termVariable preferred term, normally {@code AEDECOD}
 * @param emergentFlag flag whose value {@code Y} marks treatment-emergent events ({@code TRTEMFL});
 *     {@code null} to count every record
 * @param conditions further filters, all of which a record must pass (e.g. {@code AESER=Y})
 * @param onsetDateVariable onset date, for time to first event ({@code ASTDT}); {@code null} not to
 *     read onsets (they are only needed for time-to-first-event exposure)
 * @param onsetDayVariable onset study day, used when the onset date or the ADSL treatment start is
 *     unavailable ({@code ASTDY}); {@code null} not to read it
 */
public record AdaeSpec(
    String subjectVariable,
    String socVariable,
    String termVariable,
    String emergentFlag,
    List<Condition> conditions,
    String onsetDateVariable,
    String onsetDayVariable) {

  public AdaeSpec {
    Objects.requireNonNull(subjectVariable, "subjectVariable");
    Objects.requireNonNull(socVariable, "socVariable");
    Objects.requireNonNull(termVariable, "termVariable");
    conditions = List.copyOf(conditions);
  }

  /** ADaM defaults: USUBJID, AEBODSYS, AEDECOD, TRTEMFL = Y, no further filter, ASTDT, ASTDY. */
  public static AdaeSpec defaults() {
    return new AdaeSpec("USUBJID", "AEBODSYS", "AEDECOD", "TRTEMFL", List.of(), "ASTDT", "ASTDY");
  }

  /** The same specification with these filters. */
  public AdaeSpec withConditions(List<Condition> newConditions) {
    return new AdaeSpec(
        subjectVariable,
        socVariable,
        termVariable,
        emergentFlag,
        newConditions,
        onsetDateVariable,
        onsetDayVariable);
  }
}
