package org.trialstats.adam;

/**
 * The comparison of one treatment arm with the control arm in a row.
 *
 * @param arm the treatment arm
 * @param riskDifference proportion difference treatment minus control, with its interval
 * @param riskRatio proportion ratio treatment over control; {@code null} when not requested
 * @param rateRatio exposure-adjusted incidence rate ratio; {@code null} without rates
 */
public record ArmComparison(
    String arm, EstimateCell riskDifference, EstimateCell riskRatio, EstimateCell rateRatio) {}
