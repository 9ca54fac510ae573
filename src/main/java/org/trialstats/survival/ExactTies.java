package org.trialstats.survival;

import java.util.Arrays;

/**
 * The exact (discrete) partial likelihood term of one event time for a group factor: with n_g at
 * risk and d_g failures in group g (D in all), the failures are a D-subset of the risk set with
 * probability proportional to prod_g theta_g^m_g over subsets with m_g members from group g. The
 * normalising constant is c_D = sum over m (sum m_g = D) of prod_g C(n_g, m_g) theta_g^m_g, and d
 * log c_D / d beta_g = E[m_g], d^2 log c_D / d beta_g d beta_h = Cov(m_g, m_h) under that law.
 * Everything is computed in log space (log-sum-exp convolutions), so risk sets of any size neither
 * overflow nor underflow.
 */
final class ExactTies {
  private ExactTies() {}

  static void add(int[] risk, int[] events, int row, double[] theta, PartialLikelihood acc) {
    int k = acc.groups;
    int base = row * k;
    int total = 0;
    for (int g = 0; g < k; g++) {
      total += events[base + g];
    }
    if (total == 0) {
      return;
    }
    double[][] terms = new double[k][];
    for (int g = 0; g < k; g++) {
      int d = events[base + g];
      if (d > 0) {
        acc.logLik += d * Math.log(theta[g]);
        acc.score[g] += d;
      }
      terms[g] = logTerms(risk[base + g], Math.log(theta[g]), total);
    }
    double logNorm = convolveExcept(terms, -1, -1, total)[total];
    acc.logLik -= logNorm;
    double[] mean = new double[k];
    for (int g = 0; g < k; g++) {
      double[] others = convolveExcept(terms, g, -1, total);
      double m1 = 0;
      double m2 = 0;
      for (int a = 0; a < terms[g].length; a++) {
        double p = Math.exp(terms[g][a] + others[total - a] - logNorm);
        m1 += a * p;
        m2 += (double) a * a * p;
      }
      mean[g] = m1;
      acc.score[g] -= m1;
      acc.information[g][g] += m2 - m1 * m1;
    }
    for (int g = 0; g < k; g++) {
      for (int h = g + 1; h < k; h++) {
        double[] others = convolveExcept(terms, g, h, total);
        double cross = 0;
        for (int a = 0; a < terms[g].length; a++) {
          for (int b = 0; b < terms[h].length && a + b <= total; b++) {
            double rest = others[total - a - b];
            if (rest != Double.NEGATIVE_INFINITY) {
              cross += (double) a * b * Math.exp(terms[g][a] + terms[h][b] + rest - logNorm);
            }
          }
        }
        double cov = cross - mean[g] * mean[h];
        acc.information[g][h] += cov;
        acc.information[h][g] += cov;
      }
    }
  }

  /** log(C(n, m) theta^m) for m = 0..min(n, maxM). */
  private static double[] logTerms(int n, double logTheta, int maxM) {
    int top = Math.min(n, maxM);
    double[] out = new double[top + 1];
    double logBinom = 0;
    for (int m = 0; m <= top; m++) {
      if (m > 0) {
        logBinom += Math.log(n - m + 1) - Math.log(m);
      }
      out[m] = logBinom + m * logTheta;
    }
    return out;
  }

  /**
   * The log coefficients 0..maxM of the product of the polynomials of all groups except {@code
   * skipA} and {@code skipB}; impossible degrees hold negative infinity.
   */
  private static double[] convolveExcept(double[][] terms, int skipA, int skipB, int maxM) {
    double[] acc = new double[maxM + 1];
    Arrays.fill(acc, Double.NEGATIVE_INFINITY);
    acc[0] = 0;
    int reach = 0;
    for (int g = 0; g < terms.length; g++) {
      if (g == skipA || g == skipB) {
        continue;
      }
      double[] t = terms[g];
      int newReach = Math.min(maxM, reach + t.length - 1);
      double[] next = new double[maxM + 1];
      Arrays.fill(next, Double.NEGATIVE_INFINITY);
      for (int c = 0; c <= newReach; c++) {
        double max = Double.NEGATIVE_INFINITY;
        int lo = Math.max(0, c - reach);
        int hi = Math.min(c, t.length - 1);
        for (int a = lo; a <= hi; a++) {
          max = Math.max(max, t[a] + acc[c - a]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
          continue;
        }
        double sum = 0;
        for (int a = lo; a <= hi; a++) {
          sum += Math.exp(t[a] + acc[c - a] - max);
        }
        next[c] = max + Math.log(sum);
      }
      acc = next;
      reach = newReach;
    }
    return acc;
  }
}
