package org.trialstats.meta;

import org.trialstats.stats.StatsException;

/**
 * Events and person-time at risk in arm 1 (treatment) and arm 2 (control), the input of the
 * incidence rate ratio and the incidence rate difference (e.g. exposure-adjusted adverse-event
 * rates).
 *
 * @param events1 events in arm 1 (&gt;= 0)
 * @param time1 person-time at risk in arm 1 (finite, &gt; 0)
 * @param events2 events in arm 2 (&gt;= 0)
 * @param time2 person-time at risk in arm 2 (finite, &gt; 0)
 */
public record PersonTime(long events1, double time1, long events2, double time2) {

  /**
   * Validates the counts and times.
   *
   * @param events1 events in arm 1 (&gt;= 0)
   * @param time1 person-time at risk in arm 1 (finite, &gt; 0)
   * @param events2 events in arm 2 (&gt;= 0)
   * @param time2 person-time at risk in arm 2 (finite, &gt; 0)
   * @throws StatsException for a negative count or a person-time that is not finite and positive
   */
  public PersonTime {
    if (events1 < 0 || events2 < 0) {
      throw new StatsException("event counts must be >= 0, got " + events1 + " and " + events2);
    }
    if (!(time1 > 0) || !(time2 > 0) || !Double.isFinite(time1) || !Double.isFinite(time2)) {
      throw new StatsException(
          "person-times must be finite and > 0, got " + time1 + " and " + time2);
    }
  }

  /**
   * Whether an arm has no events (the 0.5 correction applies).
   *
   * @return whether an arm has no events (the 0.5 correction applies)
   */
  public boolean hasZeroCount() {
    return events1 == 0 || events2 == 0;
  }
}
