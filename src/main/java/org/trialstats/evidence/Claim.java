package org.trialstats.evidence;

import java.util.Objects;

/**
 * One published figure, paraphrased, with its source, its printed value and how to check it.
 *
 * @param id stable identifier ({@code [a-z0-9][a-z0-9-]*})
 * @param topic short grouping label, e.g. {@code efficacy}, {@code safety: malignancy}
 * @param statement the statement in the dataset's own words (never a copy of the source text)
 * @param sourceId id of the {@link Source}
 * @param reported the figure as printed; for checks on a comparison arm, rate or SIR whose file
 *     gives the printed value, the loader takes it from there when the claim does not repeat it
 * @param check how the figure is recomputed, or why it cannot be
 */
public record Claim(
    String id,
    String topic,
    String statement,
    String sourceId,
    Reported reported,
    ClaimCheck check) {
  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(check, "check");
  }
}
