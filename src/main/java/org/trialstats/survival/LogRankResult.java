package org.trialstats.survival;

/**
 * A k-sample weighted log-rank test.
 *
 * @param weight the weight function
 * @param stratified true when the statistic sums over strata
 * @param observed events per group
 * @param expected expected events per group under equal hazards, sum_t D n_g / N (unweighted)
 * @param score the weighted score per group, U_g = sum_t w (d_g - D n_g / N)
 * @param chiSquare U' V^- U
 * @param degreesOfFreedom number of groups with information, minus 1
 * @param pValue upper chi-square tail probability
 */
public record LogRankResult(
    LogRankWeight weight,
    boolean stratified,
    double[] observed,
    double[] expected,
    double[] score,
    double chiSquare,
    int degreesOfFreedom,
    double pValue) {}
