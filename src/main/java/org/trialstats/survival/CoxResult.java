package org.trialstats.survival;

import java.util.List;

/**
 * A fitted Cox proportional hazards model for a group factor.
 *
 * @param ties the tie handling of the partial likelihood
 * @param stratified true when each stratum has its own baseline hazard
 * @param reference the reference group's code
 * @param terms one term per other group, in group order (unmodifiable)
 * @param logLikelihoodNull the log partial likelihood at beta = 0
 * @param logLikelihood the maximised log partial likelihood
 * @param likelihoodRatio 2 (logLikelihood - logLikelihoodNull)
 * @param likelihoodRatioP its chi-square p-value
 * @param wald beta' I(beta) beta
 * @param waldP its chi-square p-value
 * @param score U(0)' I(0)^-1 U(0), the log-rank-type score test
 * @param scoreP its chi-square p-value
 * @param degreesOfFreedom number of coefficients
 * @param iterations Newton-Raphson iterations used
 */
public record CoxResult(
    TiesMethod ties,
    boolean stratified,
    int reference,
    List<CoxTerm> terms,
    double logLikelihoodNull,
    double logLikelihood,
    double likelihoodRatio,
    double likelihoodRatioP,
    double wald,
    double waldP,
    double score,
    double scoreP,
    int degreesOfFreedom,
    int iterations) {}
