package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/**
 * The formula of the prediction interval of a random-effects model, mu +/- c sqrt(tau^2 + se^2),
 * with se the standard error of mu (the Hartung-Knapp standard error when the adjustment is used).
 * The two conventions differ only in the critical value c.
 */
public enum PredictionMethod implements Identified {
  /**
   * Higgins, Thompson &amp; Spiegelhalter (2009, J R Stat Soc A 172:137-159, eq. 12): c = t_{k-2, 1
   * - alpha/2}, for k &gt;= 3. The Cochrane Handbook (10.10.4.3) and Review Manager use it.
   */
  HTS("hts", "Higgins-Thompson-Spiegelhalter, t(k-2)", 3) {
    @Override
    double critical(int k, double level, boolean hartungKnapp) {
      return Quantiles.tUpper(k - 2, (1 - level) / 2);
    }
  },
  /**
   * metafor's {@code predict()}: c = z_{1 - alpha/2}, or t_{k-1, 1 - alpha/2} under {@code test =
   * "knha"} (Viechtbauer 2010, J Stat Softw 36(3), section 3.4); defined for every k &gt;= 1.
   * Narrower than {@link #HTS}, e.g. BCG RR with REML: 0.155 to 1.549 against 0.134 to 1.785.
   */
  METAFOR("metafor", "metafor predict(), z (t(k-1) with Hartung-Knapp)", 1) {
    @Override
    double critical(int k, double level, boolean hartungKnapp) {
      return hartungKnapp && k > 1
          ? Quantiles.tUpper(k - 1, (1 - level) / 2)
          : org.trialstats.stats.ConfidenceLevel.z(level);
    }
  };

  private final String id;
  private final String formula;
  private final int minimumStudies;

  PredictionMethod(String id, String formula, int minimumStudies) {
    this.id = id;
    this.formula = formula;
    this.minimumStudies = minimumStudies;
  }

  /** The critical value c for k studies at the level, with or without Hartung-Knapp. */
  abstract double critical(int k, double level, boolean hartungKnapp);

  /**
   * The prediction limits mu -/+ c sqrt(tau^2 + se^2) on the analysis scale.
   *
   * @param mu the pooled estimate
   * @param se its standard error
   * @param tau2 the between-study variance
   * @param k the number of studies
   * @param level the confidence level
   * @param hartungKnapp whether the Hartung-Knapp adjustment was used
   * @return {lower, upper}, or NaNs with fewer than {@link #minimumStudies()} studies
   */
  public double[] limits(
      double mu, double se, double tau2, int k, double level, boolean hartungKnapp) {
    if (k < minimumStudies) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double half = critical(k, level, hartungKnapp) * Math.sqrt(tau2 + se * se);
    return new double[] {mu - half, mu + half};
  }

  /** The command-line and JSON id ({@code hts} or {@code metafor}). */
  @Override
  public String id() {
    return id;
  }

  /**
   * The formula in words, as named in every output.
   *
   * @return the formula in words, as named in every output
   */
  public String formula() {
    return formula;
  }

  /**
   * The fewest studies for which the interval is defined.
   *
   * @return the fewest studies for which the interval is defined
   */
  public int minimumStudies() {
    return minimumStudies;
  }

  /**
   * Parses an id (case-insensitive).
   *
   * @param id the id
   * @return the method
   * @throws StatsException for an unknown id
   */
  public static PredictionMethod fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(
            () -> new StatsException(Identified.unknown("prediction interval", id, values())));
  }
}
