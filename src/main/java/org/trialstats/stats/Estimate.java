package org.trialstats.stats;

import java.util.Objects;

/**
 * The result of one interval method applied to one set of counts: a point estimate with a two-sided
 * confidence interval (tests give a {@link TestResult}).
 *
 * <p>Limits may be {@code 0}, {@code Double.POSITIVE_INFINITY} or {@code Double.NEGATIVE_INFINITY}
 * where the mathematics gives them (for example a score interval for a risk ratio whose control arm
 * has no events). The p-value is {@code Double.NaN} except for the methods that also test the null
 * value (the SIR against 1).
 *
 * @param measure the family of the measure
 * @param method the method id within the family (e.g. {@code newcombe})
 * @param estimate point estimate
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param level confidence level in (0, 1)
 * @param pValue two-sided p-value of the null value where the method gives one (SIR), otherwise NaN
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
    String note)
    implements Result {

  /**
   * Checks the identity fields and turns a null note into the empty string.
   *
   * @param measure the family of the measure
   * @param method the method id within the family (e.g. {@code newcombe})
   * @param estimate point estimate
   * @param lower lower confidence limit
   * @param upper upper confidence limit
   * @param level confidence level in (0, 1)
   * @param pValue two-sided p-value of the null value where the method gives one (SIR), otherwise
   *     NaN
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
   * The point estimate, printed in the estimate column of a results table.
   *
   * @return {@link #estimate()}
   */
  @Override
  public double value() {
    return estimate;
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
