package org.trialstats.stats;

/**
 * A chi-square test result.
 *
 * @param statistic the test statistic
 * @param degreesOfFreedom its degrees of freedom
 * @param pValue the upper-tail probability P(chi^2_df &gt;= statistic)
 */
public record ChiSquareResult(double statistic, int degreesOfFreedom, double pValue) {}
