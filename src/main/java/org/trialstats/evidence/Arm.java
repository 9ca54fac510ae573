package org.trialstats.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One arm of a two-arm comparison: its size and either the number of subjects with the event or
 * only the printed percentage (or both).
 *
 * @param label the arm's description, e.g. {@code anakinra + methotrexate}
 * @param n number of subjects, at least 1
 * @param events number of subjects with the event (0 to n); null when only a percentage was printed
 * @param reportedPercent the printed percentage (qualifier exact or about); null when only the
 *     count was printed
 */
public record Arm(String label, long n, Long events, Reported reportedPercent) {
  public Arm {
    Objects.requireNonNull(label, "label");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (events != null && (events < 0 || events > n)) {
      throw new IllegalArgumentException(
          "events must be between 0 and n = " + n + ", got " + events);
    }
    if (events == null && reportedPercent == null) {
      throw new IllegalArgumentException("an arm needs events or a reported percentage");
    }
    if (reportedPercent != null && !reportedPercent.qualifier().isPointValue()) {
      throw new IllegalArgumentException(
          "an arm's percentage must be exact or about, got " + reportedPercent.qualifier());
    }
  }

  /**
   * The count used as the arm's point value: {@link #events()} when printed; otherwise the whole
   * count nearest to {@code percent * n / 100} (ties upwards) among {@link #compatibleEvents()},
   * or, when no count is compatible, the nearest whole count in [0, n].
   */
  public long primaryEvents() {
    if (events != null) {
      return events;
    }
    BigDecimal centre = centre();
    long nearest = clamp(centre.setScale(0, RoundingMode.HALF_UP).longValueExact());
    long[] range = compatibleRange();
    if (range[0] > range[1] || (nearest >= range[0] && nearest <= range[1])) {
      return nearest;
    }
    return nearest < range[0] ? range[0] : range[1];
  }

  /**
   * Every whole count {@code k} in [0, n] whose percentage {@code 100 k / n}, rounded half-up at
   * the printed decimals, equals the printed percentage (for 22% of 251: 54, 55, 56), ascending;
   * {@code [events]} when the count was printed. The list is a view of a contiguous range and takes
   * constant memory however large n is. Computed exactly: {@code k} is compatible when {@code (p -
   * h) n / 100 <= k < (p + h) n / 100}, with h half the last printed unit.
   */
  public List<Long> compatibleEvents() {
    if (events != null) {
      return List.of(events);
    }
    long[] range = compatibleRange();
    return new LongRangeList(range[0], range[1]);
  }

  /** True when {@link #events()} was not printed and counts come from the percentage. */
  public boolean eventsDerived() {
    return events == null;
  }

  /** {@code [first, last]} of the compatible counts; first &gt; last when there is none. */
  long[] compatibleRange() {
    BigDecimal scale = BigDecimal.valueOf(n).divide(Decimals.HUNDRED);
    BigDecimal low = reportedPercent.lowerLimit().multiply(scale);
    BigDecimal high = reportedPercent.upperLimit().multiply(scale);
    long first = clamp(low.setScale(0, RoundingMode.CEILING).longValueExact());
    long last = clamp(high.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
    return new long[] {first, last};
  }

  /** The printed percentage applied to n, {@code percent * n / 100}, exactly. */
  BigDecimal centre() {
    return reportedPercent.exactValue().multiply(BigDecimal.valueOf(n)).divide(Decimals.HUNDRED);
  }

  private long clamp(long k) {
    return Math.max(0, Math.min(n, k));
  }
}
