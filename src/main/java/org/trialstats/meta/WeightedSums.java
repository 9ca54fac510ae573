package org.trialstats.meta;

/**
 * Sums for inverse-variance weighting with weights w_i = 1/(v_i + tau^2) in the intercept-only
 * model. The projection matrix is P = W - w w' / sum(w); the traces of P and PP are computed from
 * "sum over the other studies" totals, which are free of the cancellation in the textbook forms
 * sum(w) - sum(w^2)/sum(w) when one study dominates the weights.
 */
final class WeightedSums {
  final int k;
  final double[] w;
  final double sumW;
  final double mu;

  /** sum w_i (y_i - mu)^2: Cochran's Q at tau^2 = 0, the generalised Q otherwise. */
  final double q;

  /** sumOfOthers(w), computed on first use: tr(P) and tr(PP) both need it in each REML step. */
  private double[] others;

  WeightedSums(double[] y, double[] v, double tau2) {
    k = y.length;
    w = new double[k];
    double s = 0;
    for (int i = 0; i < k; i++) {
      w[i] = 1 / (v[i] + tau2);
      s += w[i];
    }
    sumW = s;
    double m = 0;
    for (int i = 0; i < k; i++) {
      m += w[i] * y[i];
    }
    m /= s;
    // one refinement pass: the mean of the residuals removes most of the rounding in m
    double correction = 0;
    for (int i = 0; i < k; i++) {
      correction += w[i] * (y[i] - m);
    }
    mu = m + correction / s;
    double qq = 0;
    for (int i = 0; i < k; i++) {
      double r = y[i] - mu;
      qq += w[i] * r * r;
    }
    q = qq;
  }

  /** tr(P) = sum w_i - sum w_i^2 / sum w = sum_i w_i (sum_{j != i} w_j) / sum w. */
  double traceP() {
    double[] others = othersOfW();
    double t = 0;
    for (int i = 0; i < k; i++) {
      t += w[i] * others[i];
    }
    return t / sumW;
  }

  /**
   * tr(PP) = sum w_i^2 - 2 sum w_i^3 / sum w + (sum w_i^2)^2 / (sum w)^2 = sum_i w_i^2 (1 - w_i/sum
   * w)^2 + sum_{i != j} w_i^2 w_j^2 / (sum w)^2.
   */
  double tracePP() {
    double[] others = othersOfW();
    double[] w2 = new double[k];
    for (int i = 0; i < k; i++) {
      w2[i] = w[i] * w[i];
    }
    double[] othersSquared = sumOfOthers(w2);
    double diagonal = 0;
    double offDiagonal = 0;
    for (int i = 0; i < k; i++) {
      double share = others[i] / sumW;
      diagonal += w2[i] * share * share;
      offDiagonal += w2[i] * othersSquared[i];
    }
    return diagonal + offDiagonal / (sumW * sumW);
  }

  private double[] othersOfW() {
    if (others == null) {
      others = sumOfOthers(w);
    }
    return others;
  }

  /** y'PPy = sum w_i^2 (y_i - mu)^2 (the REML score term). */
  double yPPy(double[] y) {
    double s = 0;
    for (int i = 0; i < k; i++) {
      double r = w[i] * (y[i] - mu);
      s += r * r;
    }
    return s;
  }

  /** sum w_i^2. */
  double sumW2() {
    return sumOfSquares(w);
  }

  /** sum x_i^2 (the ML information of the weights w_i, here and in {@link WeightedFit}). */
  static double sumOfSquares(double[] x) {
    double s = 0;
    for (double xi : x) {
      s += xi * xi;
    }
    return s;
  }

  /** sum log(v_i + tau^2) = -sum log w_i. */
  double sumLogVariance() {
    double s = 0;
    for (double wi : w) {
      s -= Math.log(wi);
    }
    return s;
  }

  /**
   * The typical within-study variance s^2 = (k - 1) / tr(P) at tau^2 = 0 (Higgins &amp; Thompson
   * 2002, eq. 9), used for I^2 and H^2 of random-effects models.
   */
  static double typicalVariance(double[] y, double[] v) {
    WeightedSums fixed = new WeightedSums(y, v, 0);
    return (fixed.k - 1) / fixed.traceP();
  }

  /** For each i, the sum of all other elements, from prefix and suffix sums (no subtraction). */
  static double[] sumOfOthers(double[] x) {
    int n = x.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + x[i];
    }
    double[] out = new double[n];
    double suffix = 0;
    for (int i = n - 1; i >= 0; i--) {
      out[i] = prefix[i] + suffix;
      suffix += x[i];
    }
    return out;
  }
}
