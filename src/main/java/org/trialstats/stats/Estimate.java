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

  /**
   * Checks the identity fields and turns a null note into the empty string.
   *
   * @param measure the family of the measure
   * @param method the method id within the family (e.g. {@code newcombe})
   * @param estimate point estimate (for tests: the test statistic, or NaN where there is none)
   * @param lower lower confidence limit
   * @param upper upper confidence limit
   * @param level confidence level in (0, 1)
   * @param pValue two-sided p-value for tests, otherwise NaN
   * @param note empty, or a remark a reader must see (e.g. a disjoint NNT interval)
   * @throws NullPointerException if {@code measure} or {@code method} is null
   */
  public Estimate {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(method, "method");
    note = note == null ? "" : note;
  }

  /**
   * An interval estimate with no p-value and no note.
   *
   * @param measure the family of the measure
   * @param method the method id within the family
   * @param estimate the point estimate, on the measure's natural scale (not log)
   * @param lower the lower confidence limit (may be 0 or an infinity)
   * @param upper the upper confidence limit (may be an infinity)
   * @param level the confidence level, in (0, 1)
   * @return the estimate, with p-value NaN and an empty note
   */
  public static Estimate interval(
      Measure measure, String method, double estimate, double lower, double upper, double level) {
    return new Estimate(measure, method, estimate, lower, upper, level, Double.NaN, "");
  }

  /**
   * A test result: statistic (NaN if none) and p-value; no interval.
   *
   * @param method the test's id
   * @param statistic the test statistic, or NaN when the test has none (Fisher)
   * @param pValue the two-sided p-value, in [0, 1]
   * @return a {@link Measure#TEST} result whose limits and level are NaN
   */
  public static Estimate test(String method, double statistic, double pValue) {
    return new Estimate(
        Measure.TEST, method, statistic, Double.NaN, Double.NaN, Double.NaN, pValue, "");
  }

  /**
   * This estimate with a note attached.
   *
   * @param newNote the remark a reader must see; replaces any previous note
   * @return a copy with the note
   */
  public Estimate withNote(String newNote) {
    return new Estimate(measure, method, estimate, lower, upper, level, pValue, newNote);
  }

  /**
   * This estimate with the estimate and limits multiplied by {@code factor} (e.g. per 100 PY).
   *
   * @param factor the positive scale factor, e.g. 100 for a rate per 100 person-years
   * @return a copy with the estimate and both limits scaled; level, p-value and note unchanged
   */
  public Estimate scaled(double factor) {
    return new Estimate(
        measure, method, estimate * factor, lower * factor, upper * factor, level, pValue, note);
  }
}
