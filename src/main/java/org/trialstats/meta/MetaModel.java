package org.trialstats.meta;

import org.trialstats.stats.StatsException;

/** Fixed-effect (common-effect) or random-effects meta-analysis. */
public enum MetaModel {
  /**
   * Fixed (common) effect: all studies estimate one effect mu; the only variation is sampling
   * error (tau^2 = 0).
   */
  FIXED("fixed"),
  /**
   * Random effects: study effects theta_i ~ N(mu, tau^2), y_i ~ N(theta_i, v_i) (DerSimonian &amp;
   * Laird 1986, Controlled Clinical Trials 7:177-188).
   */
  RANDOM("random");

  private final String id;

  MetaModel(String id) {
    this.id = id;
  }

  /** The command-line and JSON id ({@code fixed} or {@code random}). */
  public String id() {
    return id;
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @throws StatsException for an unknown id
   */
  public static MetaModel fromId(String id) {
    for (MetaModel m : values()) {
      if (m.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
        return m;
      }
    }
    throw new StatsException("unknown model '" + id + "'; use fixed or random");
  }
}
