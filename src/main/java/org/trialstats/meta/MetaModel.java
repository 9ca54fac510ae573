package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/** Fixed-effect (common-effect) or random-effects meta-analysis. */
public enum MetaModel implements Identified {
  /**
   * Fixed (common) effect: all studies estimate one effect mu; the only variation is sampling error
   * (tau^2 = 0).
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
   * @param id the id (case-insensitive)
   * @return the model with that id
   * @throws StatsException for an unknown id
   */
  public static MetaModel fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(() -> new StatsException(Identified.unknown("model", id, values())));
  }
}
