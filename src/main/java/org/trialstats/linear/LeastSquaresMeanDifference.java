package org.trialstats.linear;

/**
 * The difference of two least-squares means (level minus reference) with its t test and confidence
 * interval (no multiplicity adjustment, SAS {@code LSMEANS / PDIFF CL} and emmeans {@code
 * pairs(adjust = "none")}).
 *
 * @param level the level
 * @param reference the level subtracted
 * @param estimate the difference
 * @param standardError its standard error
 * @param degreesOfFreedom the residual degrees of freedom
 * @param t estimate / standard error
 * @param pValue two-sided p-value
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record LeastSquaresMeanDifference(
    String level,
    String reference,
    double estimate,
    double standardError,
    int degreesOfFreedom,
    double t,
    double pValue,
    double lower,
    double upper) {}
