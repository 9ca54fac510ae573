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
   * Risk ratio. Per study y = log[(a/n1)/(c/n2)], v = 1/a - 1/n1 + 1/c - 1/n2 (delta method; Katz
   * et al. 1978), written here as b/(a n1) + d/(c n2) to avoid cancellation.
   */
  RR("rr", "Risk ratio", true, Input.TWO_BY_TWO),
  /** Odds ratio. Per study y = log(ad/bc), v = 1/a + 1/b + 1/c + 1/d (Woolf 1955). */
  OR("or", "Odds ratio", true, Input.TWO_BY_TWO),
  /**
   * Risk difference. Per study y = a/n1 - c/n2, v = a b / n1^3 + c d / n2^3 (the large-sample
   * variance p1(1-p1)/n1 + p2(1-p2)/n2, metafor's {@code vtype = "LS"}).
   */
  RD("rd", "Risk difference", false, Input.TWO_BY_TWO),
  /**
   * Mean difference. Per study y = mean1 - mean2, v = sd1^2/n1 + sd2^2/n2 (metafor {@code
   * escalc(measure = "MD")}, Review Manager 5).
   */
  MD("md", "Mean difference", false, Input.MEANS),
  /**
   * Standardised mean difference, Hedges' g with the exact small-sample correction; the variance as
   * chosen by {@link SmdVariance} (metafor {@code escalc(measure = "SMD")}).
   */
  SMD("smd", "Std. mean difference", false, Input.MEANS),
  /**
   * Cohen's d, the standardised mean difference without small-sample correction: d = (mean1 -
   * mean2) / s_p, v = 1/n1 + 1/n2 + d^2 / (2N) (Hedges &amp; Olkin 1985, ch. 5).
   */
  COHEN_D("cohend", "Cohen's d", false, Input.MEANS),
  /**
   * Ratio of means. Per study y = log(mean1/mean2), v = sd1^2/(n1 mean1^2) + sd2^2/(n2 mean2^2)
   * (Hedges, Gurevitch &amp; Curtis 1999, Ecology 80:1150-1156; metafor {@code measure = "ROM"}).
   */
  ROM("rom", "Ratio of means", true, Input.MEANS),
  /**
   * Incidence rate ratio. Per study y = log[(x1/t1)/(x2/t2)], v = 1/x1 + 1/x2 (metafor {@code
   * escalc(measure = "IRR")}), 0.5 added to both counts when one is zero.
   */
  IRR("irr", "Rate ratio", true, Input.PERSON_TIME),
  /**
   * Incidence rate difference. Per study y = x1/t1 - x2/t2, v = x1/t1^2 + x2/t2^2 (metafor {@code
   * escalc(measure = "IRD")}), 0.5 added to both counts when one is zero.
   */
  IRD("ird", "Rate difference", false, Input.PERSON_TIME),
  /**
   * Any effect already on its analysis scale, supplied as y with its variance v (or standard
   * error); reported unchanged unless the options ask for exponentiation (log ratios).
   */
  GENERIC("generic", "Effect", false, Input.EFFECT);

  /** The per-study data a measure is computed from. */
  public enum Input {
    /** Events and participants per arm (two-by-two table). */
    TWO_BY_TWO,
    /** Mean, standard deviation and participants per arm. */
    MEANS,
    /** Events and person-time per arm. */
    PERSON_TIME,
    /** An effect already on the analysis scale with its variance (yi, vi). */
    EFFECT
  }

  private final String id;
  private final String label;
  private final boolean ratio;
  private final Input input;

  EffectMeasure(String id, String label, boolean ratio, Input input) {
    this.id = id;
    this.label = label;
    this.ratio = ratio;
    this.input = input;
  }

  /** The command-line and JSON id ({@code rr, or, rd, md, smd, cohend, rom, irr, ird, generic}). */
  public String id() {
    return id;
  }

  /**
   * Human-readable name, e.g. "Risk ratio".
   *
   * @return the human-readable name, e.g. "Risk ratio"
   */
  public String label() {
    return label;
  }

  /**
   * Whether the measure is a ratio pooled on the log scale (RR, OR, ROM, IRR).
   *
   * @return whether the measure is a ratio pooled on the log scale (RR, OR, ROM, IRR)
   */
  public boolean isRatio() {
    return ratio;
  }

  /**
   * Whether the measure is computed from two-by-two counts (RR, OR, RD).
   *
   * @return whether the measure is computed from two-by-two counts (RR, OR, RD)
   */
  public boolean usesCounts() {
    return input == Input.TWO_BY_TWO;
  }

  /**
   * The per-study data the measure is computed from.
   *
   * @return the per-study data the measure is computed from
   */
  public Input input() {
    return input;
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the measure with that id
   * @throws StatsException for an unknown id, listing the valid ones
   */
  public static EffectMeasure fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(() -> new StatsException(Identified.unknown("measure", id, values())));
  }

  @Override
  public String toString() {
    return id.toUpperCase(Locale.ROOT);
  }
}
