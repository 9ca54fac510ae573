package org.trialstats.survival;

/**
 * One group's coefficient in a Cox model with a group factor, against the reference group.
 *
 * @param group the group's code
 * @param coefficient the log hazard ratio beta
 * @param standardError sqrt of the diagonal of the inverse information at beta
 * @param hazardRatio exp(beta)
 * @param lower exp(beta - z se)
 * @param upper exp(beta + z se)
 * @param z beta / se
 * @param pValue two-sided Wald p-value, 2 Phi(-|z|)
 */
public record CoxTerm(
    int group,
    double coefficient,
    double standardError,
    double hazardRatio,
    double lower,
    double upper,
    double z,
    double pValue) {}
