package org.trialstats.evidence;

import java.util.Objects;

/**
 * Observed versus expected events (a standardised incidence ratio, SIR = observed / expected) as
 * published.
 *
 * @param id stable identifier
 * @param endpoint the event counted, e.g. {@code lymphoma}
 * @param observed observed events, at least 0
 * @param expected expected events, positive; when the source prints only the ratio, derived as
 *     observed / ratio (and then said so in {@code expectedDerivation})
 * @param expectedDerivation where {@code expected} comes from, e.g. {@code 8 / 3.6 (derived from
 *     the reported 3.6-fold ratio; not printed)} or {@code printed: 1 case expected}
 * @param reportedRatio the printed ratio; null when the source prints none
 * @param sourceId id of the {@link Source}
 * @param note reviewer's note; empty when none
 */
public record SirFigure(
    String id,
    String endpoint,
    long observed,
    double expected,
    String expectedDerivation,
    Reported reportedRatio,
    String sourceId,
    String note) {
  public SirFigure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    if (observed < 0) {
      throw new IllegalArgumentException("observed must not be negative, got " + observed);
    }
    if (!(expected > 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException("expected must be positive, got " + expected);
    }
    Objects.requireNonNull(expectedDerivation, "expectedDerivation");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(note, "note");
  }

  /** The ratio observed / expected. */
  public double ratio() {
    return observed / expected;
  }
}
