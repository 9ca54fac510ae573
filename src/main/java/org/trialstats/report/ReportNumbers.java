package org.trialstats.report;

import org.trialstats.io.Numbers;
import org.trialstats.stats.Measure;

/**
 * The one formatting policy for numbers printed in reports (tables and chart labels); CSV and JSON
 * keep full precision. Fixed decimals per quantity, never significant digits, so a column lines up:
 *
 * <ul>
 *   <li>proportions as percentages with 1 decimal ({@code 12.5%});
 *   <li>risk differences in percentage points with 1 decimal ({@code -3.4 pp});
 *   <li>ratios (RR, OR, rate ratio, SIR) with 2 decimals, 3 below 0.1;
 *   <li>rates and rate differences per their stated unit (e.g. per 100 patient-years) with 3
 *       decimals;
 *   <li>number needed to treat with 1 decimal; test statistics with 2 decimals;
 *   <li>p-values with 3 decimals from 0.1, 4 below, and {@code <0.0001} below 0.0001.
 * </ul>
 */
public final class ReportNumbers {
  private ReportNumbers() {}

  /**
   * A value of the given measure as a report prints it.
   *
   * @param measure what the value is
   * @param x the value (NaN prints as {@code NA})
   * @return the formatted value with its unit where the policy gives one
   */
  public static String value(Measure measure, double x) {
    if (Double.isNaN(x)) {
      return "NA";
    }
    return switch (measure) {
      case PROPORTION -> Numbers.fixed(100 * x, 1) + "%";
      case RD -> Numbers.fixed(100 * x, 1) + " pp";
      case RR, OR, RATE_RATIO, SIR -> Numbers.fixed(x, Math.abs(x) < 0.1 ? 3 : 2);
      case RATE, RATE_DIFF -> Numbers.fixed(x, 3);
      case NNT -> Numbers.fixed(x, 1);
      case TEST -> Numbers.fixed(x, 2);
    };
  }

  /**
   * An interval of the given measure: {@code 0.38 to 0.44}, the unit printed once at the end.
   *
   * @param measure what the limits are
   * @param lower the lower limit
   * @param upper the upper limit
   * @return the formatted interval
   */
  public static String interval(Measure measure, double lower, double upper) {
    String low = value(measure, lower);
    String high = value(measure, upper);
    String unit =
        switch (measure) {
          case PROPORTION -> "%";
          case RD -> " pp";
          default -> "";
        };
    if (!unit.isEmpty() && low.endsWith(unit)) {
      low = low.substring(0, low.length() - unit.length());
    }
    return low + " to " + high;
  }

  /**
   * An estimate with its interval, as chart labels print it: {@code 12.5% (5.4 to 24.6%)}.
   *
   * @param measure what the values are
   * @param estimate the point estimate
   * @param lower the lower limit
   * @param upper the upper limit
   * @return the formatted estimate and interval
   */
  public static String estimate(Measure measure, double estimate, double lower, double upper) {
    return value(measure, estimate) + " (" + interval(measure, lower, upper) + ")";
  }

  /**
   * A p-value by the usual reporting rule: 3 decimals from 0.1, 4 decimals below, {@code <0.0001}
   * below 0.0001.
   *
   * @param p the p-value (NaN prints as {@code NA})
   * @return the formatted p-value
   */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    if (p < 0.0001) {
      return "<0.0001";
    }
    return Numbers.fixed(p, p >= 0.1 ? 3 : 4);
  }
}
