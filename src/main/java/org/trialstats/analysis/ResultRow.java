package org.trialstats.analysis;

import org.trialstats.stats.Measure;
import org.trialstats.stats.StatMethod;

/**
 * One recomputed estimate of a report: a row of {@code results.csv}.
 *
 * @param figure id of the dataset figure (comparison, rate or SIR) it belongs to
 * @param endpoint what was measured, e.g. "ACR20 at 24 weeks"
 * @param subject the arm or contrast, e.g. "Anakinra + methotrexate" or "anakinra vs placebo"
 * @param method the method that computed it (its measure included)
 * @param estimate point estimate (for tests: the statistic, NaN if none)
 * @param lower lower confidence limit (NaN for tests)
 * @param upper upper confidence limit (NaN for tests)
 * @param level confidence level (NaN for tests)
 * @param pValue p-value of a test or SIR, otherwise NaN
 * @param note remark (e.g. disjoint NNT interval, or why the estimate could not be computed)
 */
public record ResultRow(
    String figure,
    String endpoint,
    String subject,
    StatMethod method,
    double estimate,
    double lower,
    double upper,
    double level,
    double pValue,
    String note) {

  /** The measure estimated (or, for {@link Measure#TEST}, tested). */
  public Measure measure() {
    return method.measure();
  }
}
