package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/**
 * The fixed weights a_i of the generalised Q statistic Q_A = sum a_i (y_i - mu_A)^2 behind the
 * generalised-Q interval for tau^2 ({@link Tau2IntervalMethod#GENQ}).
 */
public enum GeneralisedQWeights implements Identified {
  /**
   * a_i = 1/s_i = 1/sqrt(v_i), the reciprocal standard errors that Jackson (2013, Res Synth Methods
   * 4:220-229, section 5) recommends when heterogeneity is expected.
   */
  INVERSE_SE("se", "1/SE") {
    @Override
    double weight(double vi) {
      return 1 / Math.sqrt(vi);
    }
  },
  /**
   * a_i = 1/v_i, Cochran's Q itself: the interval of Biggerstaff &amp; Jackson (2008, Stat Med
   * 27:6093-6110), whose point estimate is DerSimonian-Laird's.
   */
  INVERSE_VARIANCE("iv", "1/variance") {
    @Override
    double weight(double vi) {
      return 1 / vi;
    }
  };

  private final String id;
  private final String label;

  GeneralisedQWeights(String id, String label) {
    this.id = id;
    this.label = label;
  }

  abstract double weight(double vi);

  /**
   * The weights for the given sampling variances.
   *
   * @param vi the sampling variances, all positive
   * @return the weights a_i
   * @throws StatsException for a variance that is not positive and finite
   */
  public double[] of(double[] vi) {
    double[] a = new double[vi.length];
    for (int i = 0; i < vi.length; i++) {
      if (!(vi[i] > 0) || !Double.isFinite(vi[i])) {
        throw new StatsException(
            "generalised-Q weights need positive sampling variances; study "
                + (i + 1)
                + " has "
                + vi[i]);
      }
      a[i] = weight(vi[i]);
    }
    return a;
  }

  /**
   * @return the command-line and JSON id ({@code se} or {@code iv})
   */
  @Override
  public String id() {
    return id;
  }

  /**
   * @return the weights in words
   */
  public String label() {
    return label;
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @param id the id
   * @return the weights
   * @throws StatsException for an unknown id
   */
  public static GeneralisedQWeights fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(
            () -> new StatsException(Identified.unknown("generalised-Q weights", id, values())));
  }
}
