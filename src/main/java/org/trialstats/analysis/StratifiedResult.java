package org.trialstats.analysis;

import java.util.List;
import java.util.Objects;
import org.trialstats.evidence.StratifiedComparison;

/**
 * What {@code reproduce} recomputes for one comparison published by stratum: the common estimates
 * of every method of {@link EvidenceAnalysis#STRATIFIED_METHODS} and the tests of {@link
 * EvidenceAnalysis#STRATIFIED_TESTS}, each row carrying the method that produced it.
 *
 * @param comparison the stratified comparison analysed
 * @param estimates one common estimate with its interval per method, in method order
 * @param tests one test per stratified test: the chi-square statistic as the estimate, its p-value,
 *     and its degrees of freedom in the note
 */
public record StratifiedResult(
    StratifiedComparison comparison, List<ResultRow> estimates, List<ResultRow> tests) {
  public StratifiedResult {
    Objects.requireNonNull(comparison, "comparison");
    estimates = List.copyOf(estimates);
    tests = List.copyOf(tests);
  }
}
