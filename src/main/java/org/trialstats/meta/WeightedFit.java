package org.trialstats.meta;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.trialstats.stats.StatsException;

/**
 * Weighted least squares b = (X'WX)^-1 X'Wy with W = diag(w_i), through the Householder QR
 * decomposition A = Q1 R of A = W^(1/2) X (Apache Commons Math {@link QRDecomposition}, as {@code
 * linear.LinearModel} fits its models), and the quantities of the meta-regression likelihood built
 * on the projection P = W - W X (X'WX)^-1 X'W (Viechtbauer 2005, J Educ Behav Stat 30:261-293,
 * section 3; Raudenbush 2009, in The Handbook of Research Synthesis and Meta-Analysis, 2nd ed., ch.
 * 16): with H = Q1 Q1' the hat matrix of A and h_i its diagonal,
 *
 * <ul>
 *   <li>y'Py = sum w_i r_i^2 (r = y - Xb), the weighted residual sum of squares;
 *   <li>tr P = sum w_i (1 - h_i);
 *   <li>tr PP = sum w_i^2 (1 - 2 h_i) + |Q1' W Q1|_F^2;
 *   <li>y'PPy = sum w_i^2 r_i^2;
 *   <li>log det X'WX = 2 sum log |R_jj|.
 * </ul>
 */
final class WeightedFit {
  /** A column whose R diagonal falls below this share of its norm is a combination of others. */
  private static final double COLLINEAR = 1e-10;

  final int k;
  final int p;
  final double[] w;
  final double[] beta;

  /** (X'WX)^-1 = R^-1 R^-T. */
  final double[][] inverse;

  final double[] residuals;
  final double rss;
  private final double[][] q1;
  private final double[] rDiagonal;

  WeightedFit(double[] y, double[][] x, double[] w) {
    k = y.length;
    p = x[0].length;
    this.w = w.clone();
    double[][] a = new double[k][p];
    double[] columnNorms = new double[p];
    for (int i = 0; i < k; i++) {
      double root = Math.sqrt(w[i]);
      for (int j = 0; j < p; j++) {
        a[i][j] = root * x[i][j];
        columnNorms[j] += a[i][j] * a[i][j];
      }
    }
    RealMatrix r = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getR();
    double[][] upper = new double[p][p];
    rDiagonal = new double[p];
    for (int j = 0; j < p; j++) {
      for (int c = j; c < p; c++) {
        upper[j][c] = r.getEntry(j, c);
      }
      rDiagonal[j] = upper[j][j];
      if (!(Math.abs(rDiagonal[j]) > COLLINEAR * Math.sqrt(columnNorms[j]))) {
        throw new StatsException(
            "the moderators are collinear: design column "
                + (j + 1)
                + " is a linear combination of the columns before it (or constant)");
      }
    }
    double[][] rInverse = invertUpper(upper);
    // Q1 = A R^-1 (k x p, orthonormal columns)
    q1 = new double[k][p];
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < p; c++) {
        double s = 0;
        for (int j = 0; j <= c; j++) {
          s += a[i][j] * rInverse[j][c];
        }
        q1[i][c] = s;
      }
    }
    inverse = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int c = Math.max(i, j); c < p; c++) {
          s += rInverse[i][c] * rInverse[j][c];
        }
        inverse[i][j] = s;
      }
    }
    // b = R^-1 Q1' W^(1/2) y
    double[] qty = new double[p];
    for (int c = 0; c < p; c++) {
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += q1[i][c] * Math.sqrt(w[i]) * y[i];
      }
      qty[c] = s;
    }
    beta = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int c = j; c < p; c++) {
        s += rInverse[j][c] * qty[c];
      }
      beta[j] = s;
    }
    residuals = new double[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double fitted = 0;
      for (int j = 0; j < p; j++) {
        fitted += x[i][j] * beta[j];
      }
      residuals[i] = y[i] - fitted;
      sum += w[i] * residuals[i] * residuals[i];
    }
    rss = sum;
  }

  /** The fit with weights 1/(v_i + tau^2). */
  static WeightedFit atTau2(double[] y, double[] v, double[][] x, double tau2) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return new WeightedFit(y, x, w);
  }

  private static double[][] invertUpper(double[][] u) {
    int p = u.length;
    double[][] inv = new double[p][p];
    for (int c = 0; c < p; c++) {
      inv[c][c] = 1 / u[c][c];
      for (int i = c - 1; i >= 0; i--) {
        double s = 0;
        for (int j = i + 1; j <= c; j++) {
          s += u[i][j] * inv[j][c];
        }
        inv[i][c] = -s / u[i][i];
      }
    }
    return inv;
  }

  /** The leverage h_i of study i: the squared norm of row i of Q1. */
  double leverage(int i) {
    double s = 0;
    for (double value : q1[i]) {
      s += value * value;
    }
    return s;
  }

  /** tr P = sum w_i (1 - h_i). */
  double traceP() {
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += w[i] * (1 - leverage(i));
    }
    return s;
  }

  /** tr PP = sum w_i^2 (1 - 2 h_i) + |Q1' W Q1|_F^2. */
  double tracePP() {
    double diagonal = 0;
    double[][] g = new double[p][p];
    for (int i = 0; i < k; i++) {
      diagonal += w[i] * w[i] * (1 - 2 * leverage(i));
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          g[a][b] += w[i] * q1[i][a] * q1[i][b];
        }
      }
    }
    double frobenius = 0;
    for (double[] row : g) {
      for (double value : row) {
        frobenius += value * value;
      }
    }
    return diagonal + frobenius;
  }

  /** y'PPy = sum w_i^2 r_i^2. */
  double yPPy() {
    double s = 0;
    for (int i = 0; i < k; i++) {
      double t = w[i] * residuals[i];
      s += t * t;
    }
    return s;
  }

  /** sum w_i. */
  double sumW() {
    double s = 0;
    for (double wi : w) {
      s += wi;
    }
    return s;
  }

  /** sum w_i^2. */
  double sumW2() {
    return WeightedSums.sumOfSquares(w);
  }

  /**
   * The log-likelihood of the model with W = diag(1/(v_i + tau^2)), without the constant -1/2 n
   * log(2 pi): ML -1/2 [sum log(v_i + tau^2) + y'Py]; REML additionally -1/2 log det X'WX
   * (Viechtbauer 2005, eqs. 9 and 14, with moderators as Raudenbush 2009).
   */
  double logLikelihood(boolean reml) {
    double ll = 0;
    for (double wi : w) {
      ll += Math.log(wi);
    }
    ll = 0.5 * ll - 0.5 * rss;
    if (reml) {
      double logDet = 0;
      for (double d : rDiagonal) {
        logDet += Math.log(Math.abs(d));
      }
      ll -= logDet;
    }
    return ll;
  }
}
