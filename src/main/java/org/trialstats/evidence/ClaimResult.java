package org.trialstats.evidence;

import java.util.Objects;

/**
 * The result of checking one {@link Claim}.
 *
 * @param claim the claim checked
 * @param verdict the verdict (rules on {@link ClaimChecker})
 * @param recomputed the recomputed point value in the unit of the reported figure, NaN when nothing
 *     could be recomputed
 * @param recomputedText the recomputed value as displayed (e.g. {@code 71.43}, {@code 1.016 to
 *     1.067}); empty when nothing was recomputed
 * @param difference recomputed minus reported value; NaN when nothing was recomputed or the
 *     reported figure is a bound ("more than 10%")
 * @param detail human explanation: the formula with its numbers, the rounding considered, and what
 *     is missing when the figure is not checkable
 */
public record ClaimResult(
    Claim claim,
    Verdict verdict,
    double recomputed,
    String recomputedText,
    double difference,
    String detail) {
  public ClaimResult {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(recomputedText, "recomputedText");
    Objects.requireNonNull(detail, "detail");
  }
}
