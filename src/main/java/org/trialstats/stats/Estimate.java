package org.trialstats.stats;

import java.util.Objects;

/**
 * The result of one method applied to one set of counts: a point estimate with a two-sided
 * confidence interval, or (for {@link Measure#TEST}) a test statistic with its p-value.
 *
 * <p>Limits may be {@code 0}, {@code Double.POSITIVE_INFINITY} or {@code Double.NEGATIVE_INFINITY}
 * where the mathematics gives them (for example a score interval for a risk ratio whose control arm
 * has no events). Fields that do not apply are {@code Double.NaN}: the interval of a test, the
 * p-value of an interval.
 *
 * @param measure the family of the measure
 * @param method the method id within the family (e.g. {@code newcombe})
 * @param estimate point estimate (for tests: the test statistic, or NaN where there is none)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param level confidence level in (0, 1)
 * @param pValue two-sided p-value for tests, otherwise NaN
 * @param note empty, or a remark a reader must see (e.g. a disjoint NNT interval)
 */
public record Estimate(
    Measure measure,
    String method,
    double estimate,
    double lower,
    double upper,
    double level,
    double pValue,
    String note) {

  public Estimate {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(method, "method");
    note = note == null ? "" : note;
  }

  /** An interval estimate with no p-value and no note. */
  public static Estimate interval(
      Measure measure, String method, double estimate, double lower, double upper, double level) {
    return new Estimate(measure, method, estimate, lower, upper, level, Double.NaN, "");
  }

  /** A test result: statistic (NaN if none) and p-value; no interval. */
  public static Estimate test(String method, double statistic, double pValue) {
    return new Estimate(
        Measure.TEST, method, statistic, Double.NaN, Double.NaN, Double.NaN, pValue, "");
  }

  /** This estimate with a note attached. */
  public Estimate withNote(String newNote) {
    return new Estimate(measure, method, estimate, lower, upper, level, pValue, newNote);
  }

  /** This estimate with the estimate and limits multiplied by {@code factor} (e.g. per 100 PY). */
  public Estimate scaled(double factor) {
    return new Estimate(
        measure, method, estimate * factor, lower * factor, upper * factor, level, pValue, note);
  }
}
