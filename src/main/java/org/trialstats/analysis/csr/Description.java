package org.trialstats.analysis.csr;

import java.util.Arrays;

/**
 * Descriptive statistics of a sample, as SAS PROC MEANS/UNIVARIATE prints them: n, mean, standard
 * deviation sqrt(sum (x - mean)^2 / (n - 1)), median, minimum, maximum and quartiles by SAS's
 * default percentile definition (QNTLDEF=5, R {@code quantile(type = 2)}) or another {@link
 * QuantileDefinition}. Statistics not defined for the sample size (SD for n &lt; 2, everything for
 * n = 0) are NaN.
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

  /** Describes {@code values} (no NaN) with SAS's quartiles (QNTLDEF=5). */
  public static Description of(double[] values) {
    return of(values, QuantileDefinition.SAS5);
  }

  /** Describes {@code values} (no NaN) with the quartiles of {@code quantiles}. */
  public static Description of(double[] values, QuantileDefinition quantiles) {
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
        n,
        mean,
        sd,
        quantiles.quantile(x, 0.5),
        x[0],
        x[n - 1],
        quantiles.quantile(x, 0.25),
        quantiles.quantile(x, 0.75));
  }
}
