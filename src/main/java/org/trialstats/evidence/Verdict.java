package org.trialstats.evidence;

/**
 * Outcome of checking one published figure against its recomputation. The rules are documented on
 * {@link ClaimChecker}.
 */
public enum Verdict {
  /**
   * The figure recomputed from the published inputs, rounded as the figure was printed (half-up at
   * its decimals), equals the printed figure; for a bound ("more than 10%") the recomputed value
   * satisfies it.
   */
  REPRODUCED("reproduced"),
  /**
   * No values of the inputs within their printed rounding give the printed figure. The result
   * carries the difference (recomputed minus reported).
   */
  DISCREPANCY("discrepancy"),
  /**
   * The figure cannot be decided: an input is missing (the detail names it), the figure is only
   * recorded (no arithmetic exists), or the recomputation depends on the unrounded values of
   * rounded inputs (the point value differs, yet inputs within their rounding give the figure).
   */
  NOT_CHECKABLE("not checkable");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The lower-case label printed in reports, e.g. {@code not checkable}. */
  public String label() {
    return label;
  }
}
