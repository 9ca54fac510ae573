package org.trialstats.stats;

/**
 * A Poisson count: {@code events} observed over {@code exposure} units of person-time.
 *
 * @param events number of events, &gt;= 0
 * @param exposure person-time at risk, finite and &gt; 0
 */
public record PoissonCount(long events, double exposure) {
  /**
   * Validates the count and the exposure.
   *
   * @param events number of events
   * @param exposure person-time at risk
   * @throws StatsException for a negative count or an exposure that is not finite and positive
   */
  public PoissonCount {
    if (events < 0) {
      throw new StatsException("events must not be negative, got " + events);
    }
    if (!(exposure > 0) || Double.isInfinite(exposure)) {
      throw new StatsException("exposure must be a finite positive number, got " + exposure);
    }
  }

  /**
   * The observed rate events / exposure.
   *
   * @return the observed rate events / exposure
   */
  public double rate() {
    return events / exposure;
  }
}
