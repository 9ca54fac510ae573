package org.trialstats.adam;

import java.util.Objects;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.Measure;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.RateRatioMethod;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;
import org.trialstats.stats.StratifiedMethod;

/**
 * The statistical choices of an adverse-event table. The interval methods are those of the
 * trialstats catalogue; footnotes cite each by {@code info().name()}, {@code id()} and {@code
 * info().reference()}.
 *
 * @param controlArm the control arm; {@code null} for an arm named "Placebo" if there is one, else
 *     the first arm
 * @param level confidence level of all intervals, in (0, 1)
 * @param riskDifference interval method for the risk difference (required)
 * @param riskRatio interval method for the risk ratio; {@code null} for none
 * @param exposure person-time definition for exposure-adjusted rates, or NONE
 * @param rate interval method for each arm's rate; required unless exposure is NONE
 * @param rateRatio interval method for the rate ratio; required unless exposure is NONE
 * @param order row order
 * @param minPercent preferred terms are shown only when their percentage reaches this value in at
 *     least one arm (0 shows all); SOC rows are shown when one of their terms is
 * @param orderArm for {@link RowOrder#ARM}: the arm whose counts order the rows; {@code null} for
 *     the last arm in display order (usually the highest dose)
 * @param fisher whether each treatment arm is tested against the control arm by Fisher's exact test
 *     in every row
 * @param stratified method of the common risk difference over the strata of an ADSL variable
 *     ({@code AeIncidence.compute} with strata); {@code null} for none
 */
public record AeTableSpec(
    String controlArm,
    double level,
    RiskDifferenceMethod riskDifference,
    RiskRatioMethod riskRatio,
    ExposureDefinition exposure,
    RateMethod rate,
    RateRatioMethod rateRatio,
    RowOrder order,
    double minPercent,
    String orderArm,
    boolean fisher,
    StratifiedMethod stratified) {

  public AeTableSpec {
    ConfidenceLevel.check(level);
    Objects.requireNonNull(riskDifference, "riskDifference");
    Objects.requireNonNull(exposure, "exposure");
    Objects.requireNonNull(order, "order");
    if (exposure != ExposureDefinition.NONE && (rate == null || rateRatio == null)) {
      throw new IllegalArgumentException(
          "exposure-adjusted rates need a rate and a rate-ratio method");
    }
    if (!(minPercent >= 0 && minPercent <= 100)) {
      throw new AdamDataException(
          "the frequency threshold must be a percentage from 0 to 100, got " + minPercent);
    }
    if (stratified != null && stratified.measure() != Measure.RD) {
      throw new IllegalArgumentException("the stratified method must be a risk-difference method");
    }
  }

  /** Choices without a Fisher test, stratification or chosen ordering arm. */
  public AeTableSpec(
      String controlArm,
      double level,
      RiskDifferenceMethod riskDifference,
      RiskRatioMethod riskRatio,
      ExposureDefinition exposure,
      RateMethod rate,
      RateRatioMethod rateRatio,
      RowOrder order,
      double minPercent) {
    this(
        controlArm,
        level,
        riskDifference,
        riskRatio,
        exposure,
        rate,
        rateRatio,
        order,
        minPercent,
        null,
        false,
        null);
  }

  /** These choices with rows ordered by {@code order} ({@code arm}: see {@link #orderArm}). */
  public AeTableSpec withOrder(RowOrder order, String orderArm) {
    return new AeTableSpec(
        controlArm,
        level,
        riskDifference,
        riskRatio,
        exposure,
        rate,
        rateRatio,
        order,
        minPercent,
        orderArm,
        fisher,
        stratified);
  }

  /** These choices with (or without) Fisher's exact test of each arm against the control arm. */
  public AeTableSpec withFisher(boolean test) {
    return new AeTableSpec(
        controlArm,
        level,
        riskDifference,
        riskRatio,
        exposure,
        rate,
        rateRatio,
        order,
        minPercent,
        orderArm,
        test,
        stratified);
  }

  /** These choices with a stratified risk difference by {@code method} ({@code null}: none). */
  public AeTableSpec withStratified(StratifiedMethod method) {
    return new AeTableSpec(
        controlArm,
        level,
        riskDifference,
        riskRatio,
        exposure,
        rate,
        rateRatio,
        order,
        minPercent,
        orderArm,
        fisher,
        method);
  }
}
