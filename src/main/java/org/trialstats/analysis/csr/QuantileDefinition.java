package org.trialstats.analysis.csr;

import java.util.Arrays;

/**
 * How a summary block computes its quartiles (Hyndman RJ, Fan Y. Sample quantiles in statistical
 * packages. Am Stat 1996;50:361-365). The pilot's 2006 SAS programs used SAS's default; R's default
 * is another definition. Both give the usual median.
 */
public enum QuantileDefinition {
  /**
   * SAS PROC UNIVARIATE/MEANS default QNTLDEF=5 (Hyndman-Fan definition 2, R {@code quantile(type =
   * 2)}): with n p = j + g, the p-quantile is x(j+1) when g &gt; 0 and (x(j) + x(j+1)) / 2 when g =
   * 0.
   */
  SAS5("sas5") {
    @Override
    double quantile(double[] sorted, double p) {
      int n = sorted.length;
      double np = n * p;
      int j = (int) Math.floor(np);
      // g = 0 only when n p is a whole number (up to rounding of n p)
      if (np - j > 1e-12) {
        return sorted[Math.min(j, n - 1)];
      }
      return j == 0 ? sorted[0] : (sorted[j - 1] + sorted[Math.min(j, n - 1)]) / 2;
    }
  },
  /**
   * R's default {@code quantile(type = 7)} (Hyndman-Fan definition 7, also numpy's default): with h
   * = (n - 1) p, the p-quantile is x(floor h + 1) + (h - floor h) (x(floor h + 2) - x(floor h +
   * 1)), x(i) the i-th smallest value.
   */
  R7("r7") {
    @Override
    double quantile(double[] sorted, double p) {
      double h = (sorted.length - 1) * p;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, sorted.length - 1);
      return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
  };

  private final String id;

  QuantileDefinition(String id) {
    this.id = id;
  }

  /** The shell id ({@code quantiles: sas5} or {@code r7}). */
  public String id() {
    return id;
  }

  /** The definition with this shell id, or null. */
  static QuantileDefinition fromId(String id) {
    return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst().orElse(null);
  }

  /** The p-quantile of sorted, non-empty values. */
  abstract double quantile(double[] sorted, double p);
}
