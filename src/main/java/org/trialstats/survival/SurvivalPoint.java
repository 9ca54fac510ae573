package org.trialstats.survival;

/**
 * The Kaplan-Meier curve of one group at one time, as R's {@code summary(survfit, times = ...)}
 * reports it.
 *
 * @param time the time t
 * @param atRisk subjects with follow-up time &gt;= t
 * @param events events since the previous reported time, up to and including t
 * @param censored censorings since the previous reported time, up to and including t
 * @param survival the estimate S(t) (right-continuous: events at t included)
 * @param standardError Greenwood's standard error of S(t) on the survival scale, S sqrt(sum d / (n
 *     (n - d))); 0 where S(t) = 0
 * @param lower lower pointwise confidence limit
 * @param upper upper pointwise confidence limit
 */
public record SurvivalPoint(
    double time,
    int atRisk,
    int events,
    int censored,
    double survival,
    double standardError,
    double lower,
    double upper) {}
