package org.trialstats.stats;

import java.util.Objects;

/**
 * The result of a two-sided test of p1 = p2 on a 2x2 table: the statistic by which the test orders
 * the tables and the p-value. There is no interval.
 *
 * @param test the test that produced it
 * @param statistic the observed test statistic: X^2 for the chi-square tests, the pooled Z (arm 1
 *     minus arm 2) for Barnard's test, the one-sided Fisher p-value of the observed table (on the
 *     side of the smaller p-value) for Boschloo's test, NaN for Fisher's test, which has none
 * @param pValue the two-sided p-value, in [0, 1]
 */
public record TestResult(TwoByTwoTest test, double statistic, double pValue) implements Result {

  /**
   * Checks the test.
   *
   * @param test the test that produced it
   * @param statistic the observed test statistic (NaN for Fisher's test)
   * @param pValue the two-sided p-value, in [0, 1]
   * @throws NullPointerException if {@code test} is null
   */
  public TestResult {
    Objects.requireNonNull(test, "test");
  }

  @Override
  public Measure measure() {
    return Measure.TEST;
  }

  @Override
  public String method() {
    return test.id();
  }

  /**
   * The statistic, printed in the estimate column of a results table.
   *
   * @return {@link #statistic()}
   */
  @Override
  public double value() {
    return statistic;
  }

  @Override
  public double lower() {
    return Double.NaN;
  }

  @Override
  public double upper() {
    return Double.NaN;
  }

  @Override
  public double level() {
    return Double.NaN;
  }

  @Override
  public String note() {
    return "";
  }
}
