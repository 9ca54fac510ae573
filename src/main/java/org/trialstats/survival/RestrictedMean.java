package org.trialstats.survival;

/**
 * The restricted mean survival time of one group up to tau: the area under its Kaplan-Meier curve
 * from 0 to tau.
 *
 * @param tau the truncation time
 * @param estimate the area, in time units
 * @param standardError its standard error, sqrt(sum over event times t_j &lt;= tau of A_j^2 d_j /
 *     (n_j (n_j - d_j))) with A_j the area under the curve from t_j to tau (terms with n_j = d_j
 *     left out)
 * @param extended true when tau lies beyond the group's last observed time, so that the curve was
 *     carried forward flat as R does (a statement about unobserved follow-up)
 */
public record RestrictedMean(double tau, double estimate, double standardError, boolean extended) {}
