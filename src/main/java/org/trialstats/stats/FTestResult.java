package org.trialstats.stats;

/**
 * An F test result.
 *
 * @param f the F statistic
 * @param numeratorDf numerator degrees of freedom
 * @param denominatorDf denominator degrees of freedom
 * @param pValue the upper-tail probability P(F &gt;= f)
 */
public record FTestResult(double f, double numeratorDf, double denominatorDf, double pValue) {}
