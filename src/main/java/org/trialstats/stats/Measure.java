package org.trialstats.stats;

/**
 * The families of effect measures and tests that trialstats computes. The {@link #id()} strings are
 * part of the public interface (command line, batch files, JSON output).
 *
 * <p>Convention for two-arm measures: arm 1 is the treatment (experimental) arm and arm 2 the
 * control, so RD = p1 - p2, RR = p1 / p2 and OR = odds1 / odds2.
 */
public enum Measure implements Identified {
  /** A single binomial proportion x / n. */
  PROPORTION("proportion", "Proportion"),
  /** Risk difference p1 - p2. */
  RD("rd", "Risk difference"),
  /** Risk ratio p1 / p2. */
  RR("rr", "Risk ratio"),
  /** Odds ratio (p1 / (1 - p1)) / (p2 / (1 - p2)). */
  OR("or", "Odds ratio"),
  /** Number needed to treat, 1 / RD. */
  NNT("nnt", "Number needed to treat"),
  /** Poisson rate, events / exposure. */
  RATE("rate", "Incidence rate"),
  /** Ratio of two Poisson rates. */
  RATE_RATIO("rate-ratio", "Incidence rate ratio"),
  /** Difference of two Poisson rates. */
  RATE_DIFF("rate-diff", "Incidence rate difference"),
  /** Standardised incidence ratio, observed / expected. */
  SIR("sir", "Standardised incidence ratio"),
  /** Hypothesis test of a 2x2 table. */
  TEST("test", "Test of a 2x2 table");

  private final String id;
  private final String label;

  Measure(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The identifier used on the command line and in files, e.g. {@code rate-ratio}. */
  @Override
  public String id() {
    return id;
  }

  /**
   * A human-readable name, e.g. "Risk difference".
   *
   * @return a human-readable name, e.g. "Risk difference"
   */
  public String label() {
    return label;
  }

  /**
   * Looks a measure up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static Measure fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(() -> new StatsException(Identified.unknown("measure", id, values())));
  }
}
