package org.trialstats.meta;

import java.util.Locale;
import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/**
 * The effect measure pooled by a meta-analysis. Ratio measures are pooled on the log scale (the
 * analysis scale) and reported back-transformed with {@code exp}.
 */
public enum EffectMeasure implements Identified {
  /**
   * Risk ratio. Per study y = log[(a/n1)/(c/n2)], v = 1/a - 1/n1 + 1/c - 1/n2 (delta method;
   * Katz et al. 1978), written here as b/(a n1) + d/(c n2) to avoid cancellation.
   */
  RR("rr", "Risk ratio", true),
  /** Odds ratio. Per study y = log(ad/bc), v = 1/a + 1/b + 1/c + 1/d (Woolf 1955). */
  OR("or", "Odds ratio", true),
  /**
   * Risk difference. Per study y = a/n1 - c/n2, v = a b / n1^3 + c d / n2^3 (the large-sample
   * variance p1(1-p1)/n1 + p2(1-p2)/n2, metafor's {@code vtype = "LS"}).
   */
  RD("rd", "Risk difference", false),
  /**
   * Any effect already on its analysis scale, supplied as y with its variance v (or standard
   * error); reported unchanged unless the options ask for exponentiation (log ratios).
   */
  GENERIC("generic", "Effect", false);

  private final String id;
  private final String label;
  private final boolean ratio;

  EffectMeasure(String id, String label, boolean ratio) {
    this.id = id;
    this.label = label;
    this.ratio = ratio;
  }

  /** The command-line and JSON id ({@code rr, or, rd, generic}). */
  public String id() {
    return id;
  }

  /** Human-readable name, e.g. "Risk ratio". */
  public String label() {
    return label;
  }

  /** Whether the measure is a ratio pooled on the log scale (RR, OR). */
  public boolean isRatio() {
    return ratio;
  }

  /** Whether the measure is computed from two-by-two counts (everything except GENERIC). */
  public boolean usesCounts() {
    return this != GENERIC;
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @throws StatsException for an unknown id, listing the valid ones
   */
  public static EffectMeasure fromId(String id) {
    return Identified.find(values(), id).orElseThrow(
        () -> new StatsException(Identified.unknown("measure", id, values())));
  }

  @Override
  public String toString() {
    return id.toUpperCase(Locale.ROOT);
  }
}
