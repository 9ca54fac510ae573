package org.trialstats.linear;

/**
 * One estimated coefficient of a linear model with its t test (two-sided).
 *
 * @param name the design column's name ({@code term} for a covariate, {@code term[level]} for a
 *     factor column)
 * @param estimate the least-squares estimate
 * @param standardError its standard error, sqrt(s^2 [(X'X)^-1]_jj)
 * @param t estimate / standard error
 * @param pValue two-sided p-value on the residual degrees of freedom
 */
public record Coefficient(
    String name, double estimate, double standardError, double t, double pValue) {}
