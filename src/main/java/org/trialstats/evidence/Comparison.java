package org.trialstats.evidence;

import java.util.Objects;

/**
 * A two-arm comparison of a binary endpoint as published.
 *
 * @param id stable identifier
 * @param endpoint the endpoint, e.g. {@code ACR20 response}
 * @param timepoint when it was assessed, e.g. {@code 24 weeks}
 * @param treatment the treatment arm (arm 1 of a {@code TwoByTwo})
 * @param control the control arm (arm 2)
 * @param sourceId id of the {@link Source}
 * @param note reviewer's note on the figures; empty when none
 */
public record Comparison(
    String id,
    String endpoint,
    String timepoint,
    Arm treatment,
    Arm control,
    String sourceId,
    String note) {
  public Comparison {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timepoint, "timepoint");
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(note, "note");
  }

  /** Which arm of a comparison a claim refers to. */
  public enum Side {
    /** The treatment arm. */
    TREATMENT("treatment"),
    /** The control arm. */
    CONTROL("control");

    private final String yamlName;

    Side(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The spelling used in dataset files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** The arm on the given side. */
  public Arm arm(Side side) {
    return side == Side.TREATMENT ? treatment : control;
  }
}
