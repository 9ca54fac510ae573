package org.trialstats.numerics;

/**
 * A root found by an iterative method.
 *
 * @param value the root
 * @param evaluations how many times the function was evaluated to find it (bracketing included)
 */
public record Root(double value, int evaluations) {}
