package org.trialstats.analysis.csr;

/**
 * One number of a display, unrounded, with where it is printed: the machine-readable content of the
 * CSV output and what independent checks compare.
 *
 * @param block the row block (its heading, or its variable when it has none)
 * @param row the row within the block (category label, statistic, comparison)
 * @param column the column (arm, arm/subset, Total, or p-value)
 * @param statistic what the number is: n, N, percent, mean, sd, median, min, max, q1, q3, p,
 *     lsmean, lsmean_se, diff, diff_se, diff_lower, diff_upper
 * @param value the value (NaN when not computable)
 */
public record CsrValue(String block, String row, String column, String statistic, double value) {}
