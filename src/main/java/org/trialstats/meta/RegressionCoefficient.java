package org.trialstats.meta;

/**
 * One coefficient of a meta-regression with its Wald test and confidence interval (analysis scale:
 * log scale for ratio measures).
 *
 * @param name the design column ({@code intrcpt}, a moderator, or {@code moderator[level]})
 * @param estimate the weighted least-squares estimate b_j
 * @param se its standard error sqrt([Var b]_jj) (Knapp-Hartung scaled when asked for)
 * @param statistic b_j / se: z, or t on k - p df under Knapp-Hartung
 * @param pvalue two-sided p-value
 * @param lower lower confidence limit b_j - c se
 * @param upper upper confidence limit b_j + c se
 */
public record RegressionCoefficient(
    String name,
    double estimate,
    double se,
    double statistic,
    double pvalue,
    double lower,
    double upper) {}
