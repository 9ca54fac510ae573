package org.trialstats.stats;

/**
 * One computation request in the uniform shape of a {@code batch} row: a measure, a method id and
 * whichever counts the measure needs. Absent values are {@code null}. A value type only: reading
 * one from text (a {@code batch} or validation row) is the analysis layer's {@code RequestFields}.
 *
 * @param measure what to compute
 * @param method method id within the measure (for {@code nnt}: any {@code rd} method id)
 * @param events1 events in arm 1 (treatment), or the observed count for {@code sir}
 * @param n1 subjects in arm 1
 * @param events2 events in arm 2 (control)
 * @param n2 subjects in arm 2
 * @param exposure1 person-time of arm 1 (rates)
 * @param exposure2 person-time of arm 2 (rates)
 * @param expected expected count ({@code sir})
 * @param per multiplier for rates and rate differences (e.g. 100 for per 100 person-years)
 * @param level confidence level in (0, 1)
 */
public record Request(
    Measure measure,
    String method,
    Long events1,
    Long n1,
    Long events2,
    Long n2,
    Double exposure1,
    Double exposure2,
    Double expected,
    double per,
    double level) {

  /**
   * A request for a single proportion x / n.
   *
   * @param method the proportion method id
   * @param x the number of events
   * @param n the number of subjects
   * @param level the confidence level, in (0, 1)
   * @return the request
   */
  public static Request proportion(String method, long x, long n, double level) {
    return new Request(Measure.PROPORTION, method, x, n, null, null, null, null, null, 1, level);
  }

  /**
   * A request for a two-arm binomial measure (rd, rr, or, nnt, test).
   *
   * @param measure one of rd, rr, or, nnt, test
   * @param method the method id within the measure
   * @param x1 events in arm 1 (treatment)
   * @param n1 subjects in arm 1
   * @param x2 events in arm 2 (control)
   * @param n2 subjects in arm 2
   * @param level the confidence level, in (0, 1)
   * @return the request
   */
  public static Request twoArm(
      Measure measure, String method, long x1, long n1, long x2, long n2, double level) {
    return new Request(measure, method, x1, n1, x2, n2, null, null, null, 1, level);
  }
}
