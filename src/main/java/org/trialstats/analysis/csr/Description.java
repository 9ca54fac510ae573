package org.trialstats.analysis.csr;

import java.util.Arrays;

/**
 * Descriptive statistics of a sample, as SAS PROC MEANS/UNIVARIATE prints them: n, mean, standard
 * deviation sqrt(sum (x - mean)^2 / (n - 1)), median, minimum, maximum and quartiles by SAS's
 * default percentile definition (QNTLDEF=5, R {@code quantile(type = 2)}): with n p = j + g, the
 * p-quantile is x(j+1) when g &gt; 0 and (x(j) + x(j+1)) / 2 when g = 0 (Hyndman RJ, Fan Y. Sample
 * quantiles in statistical packages. Am Stat 1996;50:361-365, definition 2). Statistics not defined
 * for the sample size (SD for n &lt; 2, everything for n = 0) are NaN.
 *
 * @param n number of values
 * @param mean mean
 * @param sd standard deviation
 * @param median median
 * @param min minimum
 * @param max maximum
 * @param q1 first quartile
 * @param q3 third quartile
 */
public record Description(
    long n, double mean, double sd, double median, double min, double max, double q1, double q3) {

  /** Describes {@code values} (no NaN). */
  public static Description of(double[] values) {
    double[] x = values.clone();
    Arrays.sort(x);
    int n = x.length;
    if (n == 0) {
      return new Description(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
    return new Description(
        n, mean, sd, quantile(x, 0.5), x[0], x[n - 1], quantile(x, 0.25), quantile(x, 0.75));
  }

  /** SAS QNTLDEF=5 quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    int n = sorted.length;
    double np = n * p;
    int j = (int) Math.floor(np);
    // exact comparison is intended: g = 0 only when n p is a whole number
    if (np - j > 1e-12) {
      return sorted[Math.min(j, n - 1)];
    }
    return j == 0 ? sorted[0] : (sorted[j - 1] + sorted[Math.min(j, n - 1)]) / 2;
  }
}
