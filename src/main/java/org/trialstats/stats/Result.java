package org.trialstats.stats;

/**
 * What one method of the catalogue computes from one set of counts: an {@link Estimate} (a point
 * estimate with its confidence interval) or a {@link TestResult} (a test statistic with its
 * p-value). The accessors are the columns every results table prints, one row per method ({@code
 * ci}, {@code batch}, {@code reproduce}); a column that does not apply is NaN.
 */
public sealed interface Result permits Estimate, TestResult {
  /**
   * The measure computed.
   *
   * @return the measure ({@link Measure#TEST} for a test)
   */
  Measure measure();

  /**
   * The id of the method that produced this result.
   *
   * @return the method id within the measure, e.g. {@code newcombe} or {@code fisher}
   */
  String method();

  /**
   * The number of the table's estimate column.
   *
   * @return the point estimate of an interval result, the statistic of a test (NaN for a test
   *     without one)
   */
  double value();

  /**
   * The lower confidence limit.
   *
   * @return the lower limit of an interval result, NaN for a test
   */
  double lower();

  /**
   * The upper confidence limit.
   *
   * @return the upper limit of an interval result, NaN for a test
   */
  double upper();

  /**
   * The confidence level.
   *
   * @return the level of an interval result, in (0, 1); NaN for a test
   */
  double level();

  /**
   * The two-sided p-value.
   *
   * @return the p-value of a test, or of an interval method that also tests its null value (the
   *     SIR); NaN otherwise
   */
  double pValue();

  /**
   * A remark the reader must see.
   *
   * @return the note, or the empty string
   */
  String note();
}
