package org.trialstats.meta;

/**
 * An estimate of the between-study variance.
 *
 * @param tau2 the estimate (&gt;= 0); for a failed iterative search the last iterate
 * @param converged whether the iterative search met its tolerance (always true for closed forms)
 * @param iterations Fisher-scoring iterations or function evaluations used (0 for closed forms)
 * @param note a warning in words (non-convergence, a likelihood at tau^2 = 0 higher than at the
 *     scoring solution), or null
 */
public record Tau2Fit(double tau2, boolean converged, int iterations, String note) {}
