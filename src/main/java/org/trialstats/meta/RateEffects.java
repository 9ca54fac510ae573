package org.trialstats.meta;

/**
 * Study-level incidence-rate effects from events and person-time per arm, as metafor's {@code
 * escalc(measure = "IRR" / "IRD", add = 1/2, to = "only0")}: when an arm has no events, 0.5 is
 * added to both event counts (person-time unchanged).
 */
public final class RateEffects {
  private RateEffects() {}

  /**
   * Why a study carries no information for the measure, or null: for the rate ratio a study without
   * events in either arm is left out (its ratio is undefined whatever the correction; metafor
   * {@code drop00 = TRUE}); for the rate difference it is kept.
   *
   * @param rates the events and person-time
   * @param measure IRR or IRD
   * @return the reason in words, or null
   */
  public static String exclusionReason(PersonTime rates, EffectMeasure measure) {
    return measure == EffectMeasure.IRR && rates.events1() == 0 && rates.events2() == 0
        ? "no events in either arm"
        : null;
  }

  /**
   * The study estimate and variance.
   *
   * <ul>
   *   <li>IRR: y = log[(x1/t1) / (x2/t2)], v = 1/x1 + 1/x2
   *   <li>IRD: y = x1/t1 - x2/t2, v = x1/t1^2 + x2/t2^2
   * </ul>
   *
   * (Rothman, Greenland &amp; Lash 2008, Modern Epidemiology, ch. 14), with x1, x2 increased by 0.5
   * when one of them is zero.
   *
   * @param rates the events and person-time
   * @param measure IRR or IRD
   * @return the estimate, its variance and the value added to the counts
   */
  public static EffectSizes.Effect of(PersonTime rates, EffectMeasure measure) {
    double added = rates.hasZeroCount() ? EffectSizes.CORRECTION : 0.0;
    double x1 = rates.events1() + added;
    double x2 = rates.events2() + added;
    double r1 = x1 / rates.time1();
    double r2 = x2 / rates.time2();
    return switch (measure) {
      case IRR ->
          new EffectSizes.Effect(
              EffectSizes.logRatio(x1, rates.time2(), x2, rates.time1()), 1 / x1 + 1 / x2, added);
      case IRD ->
          new EffectSizes.Effect(
              EffectSizes.determinant(x1, rates.time2(), x2, rates.time1())
                  / rates.time1()
                  / rates.time2(),
              r1 / rates.time1() + r2 / rates.time2(),
              added);
      default -> throw new IllegalArgumentException(measure + " is not a rate measure");
    };
  }
}
