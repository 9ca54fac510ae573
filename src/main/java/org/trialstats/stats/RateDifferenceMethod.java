package org.trialstats.stats;

/**
 * Confidence intervals for the difference of two Poisson rates x1/T1 - x2/T2 (arm 1 the treatment,
 * arm 2 the control), per unit of exposure; callers scale with {@link Estimate#scaled(double)}.
 */
public enum RateDifferenceMethod implements StatMethod {
  /**
   * Wald interval: (x1/T1 - x2/T2) -/+ z sqrt(x1/T1^2 + x2/T2^2). With no events in either arm the
   * variance estimate is 0, the interval has zero width and the estimate carries a note.
   * Large-sample interval: Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed. 1998, ch. 14.
   */
  WALD(
      "wald",
      new MethodInfo(
          "Wald (normal approximation)",
          "(x1/T1 - x2/T2) -/+ z sqrt(x1/T1^2 + x2/T2^2)",
          "Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed., 1998, ch. 14 (large-sample"
              + " interval for the rate difference)",
          "DATA step: d = x1/T1 - x2/T2; se = SQRT(x1/T1**2 + x2/T2**2); d -/+ PROBIT(1 -"
              + " alpha/2)*se",
          "none (closed form with qnorm(1 - alpha/2))",
          "statsmodels >= 0.14: stats.rates.confint_poisson_2indep(x1, T1, x2, T2,"
              + " method='wald', compare='diff')")) {
    @Override
    Estimate interval(
        PoissonCount treatment, PoissonCount control, double difference, double z, double level) {
      // sqrt(x1/T1^2 + x2/T2^2) as a hypotenuse so that T^2 cannot overflow or underflow.
      double standardError =
          Math.hypot(
              Math.sqrt(treatment.events()) / treatment.exposure(),
              Math.sqrt(control.events()) / control.exposure());
      double halfWidth = PoissonLimits.requireFinite(z * standardError, "the interval half-width");
      Estimate estimate =
          Estimate.interval(
              Measure.RATE_DIFF,
              id(),
              difference,
              difference - halfWidth,
              difference + halfWidth,
              level);
      return treatment.events() == 0 && control.events() == 0
          ? estimate.withNote(ZERO_WIDTH_NOTE)
          : estimate;
    }
  };

  /** The note attached to a zero-width interval (no events in either arm). */
  static final String ZERO_WIDTH_NOTE =
      "no events in either arm: the Wald interval has zero width; compare the exact intervals of"
          + " the two rates instead";

  private final String id;
  private final MethodInfo info;

  RateDifferenceMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.RATE_DIFF;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public MethodInfo info() {
    return info;
  }

  /**
   * The rate difference x1/T1 - x2/T2 with its two-sided confidence interval, per unit of exposure.
   *
   * @param treatment arm 1
   * @param control arm 2
   * @param level confidence level in (0, 1)
   * @return the estimate and its interval
   * @throws StatsException for an invalid level or exposures so small that a rate overflows
   */
  public Estimate interval(PoissonCount treatment, PoissonCount control, double level) {
    double z = ConfidenceLevel.z(level);
    double rate1 = PoissonLimits.requireFinite(treatment.rate(), "the treatment rate");
    double rate2 = PoissonLimits.requireFinite(control.rate(), "the control rate");
    double difference = rate1 - rate2;
    return interval(treatment, control, difference, z, level);
  }

  /**
   * This method's interval around the finite difference of the two rates, at z = Phi^-1(1 -
   * alpha/2).
   */
  abstract Estimate interval(
      PoissonCount treatment, PoissonCount control, double difference, double z, double level);

  /**
   * Looks a method up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static RateDifferenceMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }
}
