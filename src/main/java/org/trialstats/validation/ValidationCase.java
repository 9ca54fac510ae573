package org.trialstats.validation;

/**
 * One case of the validation suite: something trialstats computes, the independent reference value,
 * and how closely they must agree.
 *
 * @param suite the reference set the case belongs to (e.g. "shared binary reference")
 * @param id case id within the suite
 * @param method what is checked, e.g. {@code rd newcombe} or {@code meta rr random reml}
 * @param quantity which number, e.g. {@code lower}
 * @param expected the reference value (may be infinite)
 * @param actual the value trialstats computed (NaN if it failed)
 * @param tolerance allowed difference: relative to max(|expected|, relativeFloor), or absolute
 * @param relative whether {@code tolerance} is relative
 * @param source where the reference value comes from
 * @param error empty, or why trialstats could not compute the value
 * @param relativeFloor magnitude below which a relative tolerance is taken of this floor instead of
 *     |expected|: {@link #DEFAULT_FLOOR} for the shared reference and published values (1e-6
 *     relative becomes 1e-12 absolute near zero, the shared reference's convention), {@link
 *     #STRICT_FLOOR} for references whose unit tests compare purely relatively (0 must be met
 *     exactly; p-values that underflow below 1e-300 count as equal)
 */
public record ValidationCase(
    String suite,
    String id,
    String method,
    String quantity,
    double expected,
    double actual,
    double tolerance,
    boolean relative,
    String source,
    String error,
    double relativeFloor) {

  /** Floor of the relative tolerance of the shared reference and the published examples. */
  public static final double DEFAULT_FLOOR = 1e-6;

  /** Floor for references checked purely relatively (tolerance_kind {@code relative-strict}). */
  public static final double STRICT_FLOOR = 1e-300;

  /** A case whose relative tolerance, if any, has the {@link #DEFAULT_FLOOR}. */
  public ValidationCase(
      String suite,
      String id,
      String method,
      String quantity,
      double expected,
      double actual,
      double tolerance,
      boolean relative,
      String source,
      String error) {
    this(
        suite,
        id,
        method,
        quantity,
        expected,
        actual,
        tolerance,
        relative,
        source,
        error,
        DEFAULT_FLOOR);
  }

  /** Whether trialstats agrees with the reference within the tolerance. */
  public boolean agrees() {
    if (!error.isEmpty()) {
      return false;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual;
    }
    return Math.abs(actual - expected) <= allowed();
  }

  private double allowed() {
    return relative ? tolerance * Math.max(Math.abs(expected), relativeFloor) : tolerance;
  }

  /**
   * The deviation in the terms of the tolerance: relative error for relative tolerances, absolute
   * error for absolute ones (printed examples).
   */
  public double deviation() {
    if (relative) {
      return relativeError();
    }
    if (!error.isEmpty() || Double.isNaN(actual)) {
      return Double.POSITIVE_INFINITY;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(actual - expected);
  }

  /**
   * |actual - expected| / max(|expected|, relativeFloor); 0 for equal infinities, infinite on
   * error.
   */
  public double relativeError() {
    if (!error.isEmpty() || Double.isNaN(actual)) {
      return Double.POSITIVE_INFINITY;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(actual - expected) / Math.max(Math.abs(expected), relativeFloor);
  }
}
