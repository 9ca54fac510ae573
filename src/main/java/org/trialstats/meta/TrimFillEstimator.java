package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/**
 * Estimators of the number k0 of studies missing from one side of the funnel (Duval &amp; Tweedie
 * 2000, Biometrics 56:455-463, section 3; JASA 95:89-98). Notation: the k study estimates are
 * centred at the current pooled estimate, ranked by absolute value (ties by position, as R's {@code
 * rank(ties.method = "first")}) and signed; the side with the suspected surplus is positive.
 */
public enum TrimFillEstimator implements Identified {
  /**
   * L0 = (4 T_n - k(k + 1)) / (2k - 1), T_n the Wilcoxon sum of the positive signed ranks; SE = 4
   * sqrt(Var T_n) / (2k - 1) with Var T_n = (k(k + 1)(2k + 1) + 10 L0^3 + 27 L0^2 + 17 L0 - 18k
   * L0^2 - 18k L0 + 6k^2 L0) / 24 (Duval &amp; Tweedie 2000, Biometrics, eq. 5 and the variance of
   * section 3); metafor's default.
   */
  L0("l0") {
    @Override
    double k0(int k, double[] signedRanks) {
      return (4 * wilcoxon(signedRanks) - (double) k * (k + 1)) / (2.0 * k - 1);
    }

    @Override
    double se(int k, double k0) {
      double kk = k;
      double var =
          (kk * (kk + 1) * (2 * kk + 1)
                  + 10 * k0 * k0 * k0
                  + 27 * k0 * k0
                  + 17 * k0
                  - 18 * kk * k0 * k0
                  - 18 * kk * k0
                  + 6 * kk * kk * k0)
              / 24;
      return 4 * Math.sqrt(var) / (2 * kk - 1);
    }
  },
  /**
   * R0 = gamma* - 1, gamma* the length of the rightmost run of positive signed ranks (k minus the
   * largest absolute rank of a negative centred value); SE sqrt(2 max(0, R0) + 2) (Duval &amp;
   * Tweedie 2000, Biometrics, eq. 4; the SE as metafor reports it).
   */
  R0("r0") {
    @Override
    double k0(int k, double[] signedRanks) {
      double largestNegative = 0;
      for (double r : signedRanks) {
        if (r < 0) {
          largestNegative = Math.max(largestNegative, -r);
        }
      }
      return k - largestNegative - 1;
    }

    @Override
    double se(int k, double k0) {
      return Math.sqrt(2 * Math.max(0, k0) + 2);
    }
  };

  private final String id;

  TrimFillEstimator(String id) {
    this.id = id;
  }

  /**
   * The unrounded estimate of k0.
   *
   * @param k number of studies
   * @param signedRanks the signed ranks of the centred estimates
   * @return the estimate (may be negative or fractional; the caller rounds and truncates)
   */
  abstract double k0(int k, double[] signedRanks);

  /**
   * The standard error of the estimate.
   *
   * @param k number of studies
   * @param k0 the unrounded estimate
   * @return its standard error
   */
  abstract double se(int k, double k0);

  private static double wilcoxon(double[] signedRanks) {
    double s = 0;
    for (double r : signedRanks) {
      if (r > 0) {
        s += r;
      }
    }
    return s;
  }

  /** The command-line and JSON id ({@code l0} or {@code r0}). */
  @Override
  public String id() {
    return id;
  }

  /**
   * The name as printed: "L0" or "R0".
   *
   * @return the estimator's printed name
   */
  public String label() {
    return name();
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @param id the id
   * @return the estimator
   * @throws StatsException for an unknown id
   */
  public static TrimFillEstimator fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(
            () -> new StatsException(Identified.unknown("trim-and-fill estimator", id, values())));
  }
}
