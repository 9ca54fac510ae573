package org.trialstats.linear;

/**
 * A least-squares mean of one factor level with its confidence interval.
 *
 * @param level the level
 * @param estimate the least-squares mean
 * @param standardError its standard error
 * @param degreesOfFreedom the residual degrees of freedom of the t quantile
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record LeastSquaresMean(
    String level,
    double estimate,
    double standardError,
    int degreesOfFreedom,
    double lower,
    double upper) {}
