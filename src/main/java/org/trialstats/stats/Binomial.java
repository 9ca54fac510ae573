package org.trialstats.stats;

/**
 * Binomial counts: {@code events} successes among {@code n} trials (subjects).
 *
 * @param events number of subjects with the event, 0 &lt;= events &lt;= n
 * @param n number of subjects, n &gt;= 1
 */
public record Binomial(long events, long n) {
  /**
   * Validates the counts.
   *
   * @param events number of subjects with the event
   * @param n number of subjects
   * @throws StatsException unless 0 &lt;= events &lt;= n and n &gt;= 1
   */
  public Binomial {
    if (n < 1) {
      throw new StatsException("n must be at least 1, got " + n);
    }
    if (events < 0) {
      throw new StatsException("events must not be negative, got " + events);
    }
    if (events > n) {
      throw new StatsException("events (" + events + ") must not exceed n (" + n + ")");
    }
  }

  /**
   * The observed proportion events / n.
   *
   * @return the observed proportion events / n
   */
  public double proportion() {
    return (double) events / n;
  }

  /**
   * The number of subjects without the event, n - events.
   *
   * @return the number of subjects without the event, n - events
   */
  public long nonEvents() {
    return n - events;
  }
}
