package org.trialstats.adam;

import java.util.function.Supplier;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.StatsException;

/**
 * An estimate in a table cell, or the reason it is not estimable (the method rejected the counts,
 * e.g. a log-scale interval with a zero cell), which tables print as "NE" with a footnote.
 *
 * @param estimate the estimate, or {@code null} when not estimable
 * @param notEstimable the method's explanation when {@code estimate} is null, else empty
 */
public record EstimateCell(Estimate estimate, String notEstimable) {
  public EstimateCell {
    notEstimable = notEstimable == null ? "" : notEstimable;
    if (estimate == null && notEstimable.isEmpty()) {
      throw new IllegalArgumentException("a cell without an estimate needs a reason");
    }
  }

  /** Runs a method; a {@link StatsException} (counts the method cannot use) becomes "NE". */
  public static EstimateCell of(Supplier<Estimate> method) {
    try {
      return new EstimateCell(method.get(), "");
    } catch (StatsException e) {
      return new EstimateCell(null, e.getMessage());
    }
  }

  /** Whether there is an estimate. */
  public boolean estimable() {
    return estimate != null;
  }
}
