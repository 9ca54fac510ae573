package org.trialstats.analysis;

/**
 * One recomputed estimate of a report: a row of {@code results.csv}.
 *
 * @param figure id of the dataset figure (comparison, rate or SIR) it belongs to
 * @param endpoint what was measured, e.g. "ACR20 at 24 weeks"
 * @param subject the arm or contrast, e.g. "Anakinra + methotrexate" or "anakinra vs placebo"
 * @param measure measure id ({@code proportion}, {@code rd}, ...)
 * @param method method id
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
    String measure,
    String method,
    double estimate,
    double lower,
    double upper,
    double level,
    double pValue,
    String note) {}
