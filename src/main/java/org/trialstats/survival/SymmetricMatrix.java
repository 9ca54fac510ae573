package org.trialstats.survival;

import org.trialstats.stats.StatsException;

/** Inverse of a small symmetric positive definite matrix by Cholesky decomposition. */
final class SymmetricMatrix {
  private SymmetricMatrix() {}

  /**
   * The inverse of a symmetric positive definite matrix.
   *
   * @throws StatsException when the matrix is not positive definite (to working precision)
   */
  static double[][] inverse(double[][] a, String what) {
    int p = a.length;
    double[][] l = new double[p][p];
    double scale = 0;
    for (int i = 0; i < p; i++) {
      scale = Math.max(scale, Math.abs(a[i][i]));
    }
    for (int j = 0; j < p; j++) {
      double diag = a[j][j];
      for (int m = 0; m < j; m++) {
        diag -= l[j][m] * l[j][m];
      }
      if (!(diag > 1e-13 * scale)) {
        throw new StatsException(what + " is singular: a group has no information");
      }
      l[j][j] = Math.sqrt(diag);
      for (int i = j + 1; i < p; i++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        l[i][j] = s / l[j][j];
      }
    }
    double[][] inv = new double[p][p];
    for (int col = 0; col < p; col++) {
      double[] y = new double[p];
      for (int i = 0; i < p; i++) {
        double s = i == col ? 1 : 0;
        for (int m = 0; m < i; m++) {
          s -= l[i][m] * y[m];
        }
        y[i] = s / l[i][i];
      }
      for (int i = p - 1; i >= 0; i--) {
        double s = y[i];
        for (int m = i + 1; m < p; m++) {
          s -= l[m][i] * inv[m][col];
        }
        inv[i][col] = s / l[i][i];
      }
    }
    return inv;
  }

  /** x' A x. */
  static double quadraticForm(double[] x, double[][] a) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        sum += x[i] * a[i][j] * x[j];
      }
    }
    return sum;
  }

  /** A x. */
  static double[] times(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[i] += a[i][j] * x[j];
      }
    }
    return out;
  }
}
