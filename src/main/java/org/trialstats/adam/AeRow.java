package org.trialstats.adam;

import java.util.List;

/**
 * One row of an adverse-event incidence table.
 *
 * @param level any event, system organ class or preferred term
 * @param soc the system organ class (empty for {@link RowLevel#ANY})
 * @param term the preferred term (empty unless {@link RowLevel#TERM})
 * @param arms one count per arm, in arm order
 * @param comparisons one comparison per treatment arm, in arm order (the control arm has none)
 */
public record AeRow(
    RowLevel level, String soc, String term, List<ArmCount> arms, List<ArmComparison> comparisons) {

  public AeRow {
    arms = List.copyOf(arms);
    comparisons = List.copyOf(comparisons);
  }

  /** The row's own name: the SOC, the preferred term, or empty for the "any event" row. */
  public String name() {
    return switch (level) {
      case ANY -> "";
      case SOC -> soc;
      case TERM -> term;
    };
  }

  /**
   * Whether the percentage of some arm reaches {@code percent}, compared exactly as {@code 100 x >=
   * percent * n} so that a percentage printed as 5.0 but below 5 is not taken as 5.
   */
  public boolean reaches(double percent) {
    return arms.stream().anyMatch(a -> 100.0 * a.subjects() >= percent * a.n());
  }

  /** The largest percentage over the arms. */
  public double maxPercent() {
    return arms.stream().mapToDouble(ArmCount::percent).max().orElse(0);
  }
}
