package org.trialstats.adam;

import org.trialstats.stats.TestResult;

/**
 * The comparison of one treatment arm with the control arm in a row.
 *
 * @param arm the treatment arm
 * @param riskDifference proportion difference treatment minus control, with its interval
 * @param riskRatio proportion ratio treatment over control; {@code null} when not requested
 * @param rateRatio exposure-adjusted incidence rate ratio; {@code null} without rates
 * @param fisher two-sided Fisher exact test of the arm's 2x2 table against the control arm (p-value
 *     in {@link TestResult#pValue()}); {@code null} when not requested
 * @param stratifiedRiskDifference common risk difference over the strata of {@link
 *     AeTableSpec#stratified()}; {@code null} when the table is not stratified
 */
public record ArmComparison(
    String arm,
    EstimateCell riskDifference,
    EstimateCell riskRatio,
    EstimateCell rateRatio,
    TestResult fisher,
    EstimateCell stratifiedRiskDifference) {

  /** A comparison without a test and without stratification. */
  public ArmComparison(
      String arm, EstimateCell riskDifference, EstimateCell riskRatio, EstimateCell rateRatio) {
    this(arm, riskDifference, riskRatio, rateRatio, null, null);
  }
}
