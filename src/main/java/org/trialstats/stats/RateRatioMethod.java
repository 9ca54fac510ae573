package org.trialstats.stats;

/**
 * Confidence intervals for the ratio of two Poisson rates RR = (x1/T1) / (x2/T2), arm 1 being the
 * treatment and arm 2 the control.
 *
 * <p>The conditional methods use the fact that, given the total n = x1 + x2, x1 is binomial with n
 * trials and success probability p = T1 RR / (T1 RR + T2); limits for p (or rather for the odds
 * p/(1 - p) = RR T1/T2) are transformed to RR = odds T2/T1. The odds are computed without ever
 * forming 1 - p by cancellation (beta quantiles are taken on whichever side of 1/2 they are
 * accurate), so limits near p = 1 keep full relative precision. Where either count is at most 1001
 * (the Commons incomplete beta function loses up to 8 digits when one count is small and the other
 * very large, e.g. 2 against 10^9) the limits are instead found by Halley's method, with the
 * analytic derivatives, on binomial tails summed term by term, starting from Paulson's
 * approximation ({@link ConditionalBinomialTails#oddsAtUpperTail}); there the limits agree with
 * 40-digit mpmath references to about 2e-15 relative. With both counts above 1001 the exact limits
 * are the beta quantiles and the mid-p limits are found by Brent's method on incomplete beta tails,
 * to about 1e-13 relative. Counts up to 10^10 per arm are accepted by the conditional methods.
 *
 * <p>Limits are 0 or infinity where the mathematics gives them: x1 = 0 gives estimate 0 and lower
 * limit 0, x2 = 0 gives estimate and upper limit infinity. With no events in either arm the ratio
 * is not estimable and a {@link StatsException} is thrown.
 */
public enum RateRatioMethod implements StatMethod {
  /**
   * Exact conditional interval, as R's {@code poisson.test(c(x1, x2), c(T1, T2))}: Clopper-Pearson
   * limits for p from x1 | n ~ Binomial(n, p): p_L = B^-1(alpha/2; x1, x2 + 1) (0 if x1 = 0), p_U =
   * B^-1(1 - alpha/2; x1 + 1, x2) (1 if x2 = 0), RR = p/(1 - p) T2/T1 (where a count is at most
   * 1001, solved as P(X &gt;= x1) = alpha/2 and P(X &lt;= x1) = alpha/2 by Halley's method on
   * term-by-term binomial tails). Clopper CJ, Pearson ES. Biometrika 1934;26:404-413, applied
   * conditionally on x1 + x2 (Fay MP. R Journal 2010;2(1):53-58).
   */
  EXACT_CONDITIONAL(
      "exact-conditional",
      new MethodInfo(
          "Exact conditional (binomial, Clopper-Pearson)",
          "x1 | x1 + x2 ~ Binomial(x1 + x2, p), p = T1 RR / (T1 RR + T2); p_L ="
              + " Beta^-1(alpha/2; x1, x2 + 1), p_U = Beta^-1(1 - alpha/2; x1 + 1, x2); RR limits"
              + " = p/(1 - p) * T2/T1",
          "Clopper CJ, Pearson ES. Biometrika 1934;26:404-413, applied conditionally on x1 + x2"
              + " (Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. II, IARC"
              + " 1987, ch. 2; Fay MP. R Journal 2010;2(1):53-58)",
          "DATA step: pL = BETAINV(alpha/2, x1, x2 + 1); pU = BETAINV(1 - alpha/2, x1 + 1, x2);"
              + " RR = p / (1 - p) * T2 / T1",
          "poisson.test(c(x1, x2), c(T1, T2), conf.level = level)$conf.int",
          "scipy.stats.beta.ppf(alpha/2, x1, x2 + 1), scipy.stats.beta.isf(alpha/2, x1 + 1, x2),"
              + " then p / (1 - p) * T2 / T1")) {
    @Override
    Estimate interval(long x1, long x2, double exposureRatio, double ratio, double level) {
      double halfAlpha = conditionalHalfAlpha(x1, x2, level);
      return fromOdds(
          x2,
          exposureRatio,
          ratio,
          BinomialOddsLimits.exactLowerOdds(x1, x2, halfAlpha),
          BinomialOddsLimits.exactUpperOdds(x1, x2, halfAlpha),
          level);
    }
  },

  /**
   * Conditional mid-p interval: with X ~ Binomial(n, p), p_L solves P(X &gt; x1) + P(X = x1)/2 =
   * alpha/2 and p_U solves P(X &lt; x1) + P(X = x1)/2 = alpha/2 (closed forms p_L = (alpha)^(1/n)
   * when x2 = 0 and 1 - p_U = (alpha)^(1/n) when x1 = 0), found on the odds scale by Halley's
   * method where a count is at most 1001, otherwise by Brent's method; RR = p/(1 - p) T2/T1.
   * Lancaster HO. J Am Stat Assoc 1961;56:223-234; Fay MP. R Journal 2010;2(1):53-58.
   */
  MID_P(
      "mid-p",
      new MethodInfo(
          "Conditional mid-p",
          "x1 | x1 + x2 ~ Binomial(n, p); p_L: P(X > x1) + P(X = x1)/2 = alpha/2, p_U: P(X < x1)"
              + " + P(X = x1)/2 = alpha/2; RR limits = p/(1 - p) * T2/T1",
          "Lancaster HO. J Am Stat Assoc 1961;56:223-234; Rothman KJ, Greenland S. Modern"
              + " Epidemiology, 2nd ed., 1998, ch. 14; Fay MP. R Journal 2010;2(1):53-58",
          "none (solve the mid-p equations in a DATA step or PROC IML)",
          "exactci::poisson.exact(c(x1, x2), c(T1, T2), midp = TRUE, tsmethod ="
              + " \"central\")$conf.int",
          "none (statsmodels 0.14 lists method='cond-midp' for confint_poisson_2indep as not yet"
              + " implemented)")) {
    @Override
    Estimate interval(long x1, long x2, double exposureRatio, double ratio, double level) {
      double halfAlpha = conditionalHalfAlpha(x1, x2, level);
      return fromOdds(
          x2,
          exposureRatio,
          ratio,
          BinomialOddsLimits.midPLowerOdds(x1, x2, halfAlpha),
          BinomialOddsLimits.midPUpperOdds(x1, x2, halfAlpha),
          level);
    }
  },

  /**
   * Wald interval on the log scale: exp(log RR -/+ z sqrt(1/x1 + 1/x2)); undefined when either
   * count is 0 (a {@link StatsException} suggests exact-conditional). Large-sample interval:
   * Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed. 1998, ch. 14.
   */
  WALD(
      "wald",
      new MethodInfo(
          "Wald (log scale)",
          "exp(log(RR) -/+ z sqrt(1/x1 + 1/x2)), RR = (x1/T1) / (x2/T2); undefined if x1 or x2 ="
              + " 0",
          "Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed., 1998, ch. 14 (large-sample"
              + " interval for the rate ratio)",
          "DATA step closed form; PROC GENMOD DIST=POISSON LINK=LOG OFFSET=log(T) gives the same"
              + " Wald limits for a single binary covariate",
          "epitools::rateratio.wald(c(x2, x1, T2, T1)) (control row first)",
          "statsmodels >= 0.14: stats.rates.confint_poisson_2indep(x1, T1, x2, T2,"
              + " method='wald-log', compare='ratio')")) {
    @Override
    Estimate interval(long x1, long x2, double exposureRatio, double ratio, double level) {
      if (x1 == 0 || x2 == 0) {
        throw new StatsException(
            "the Wald interval for the rate ratio is undefined when an arm has no events (x1 = "
                + x1
                + ", x2 = "
                + x2
                + "); use exact-conditional or mid-p");
      }
      double spread = Math.exp(ConfidenceLevel.z(level) * Math.sqrt(1.0 / x1 + 1.0 / x2));
      double upper = PoissonLimits.requireFinite(ratio * spread, "the upper limit");
      return Estimate.interval(Measure.RATE_RATIO, id(), ratio, ratio / spread, upper, level);
    }
  };

  private final String id;
  private final MethodInfo info;

  RateRatioMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.RATE_RATIO;
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
   * The rate ratio (x1/T1) / (x2/T2) with its two-sided confidence interval.
   *
   * @param treatment arm 1 (numerator)
   * @param control arm 2 (denominator)
   * @param level confidence level in (0, 1)
   * @return the estimate and its interval
   * @throws StatsException for an invalid level, no events in either arm, a zero count with the
   *     Wald method, a count above 10^10 (conditional methods), or exposures whose ratio overflows
   */
  public Estimate interval(PoissonCount treatment, PoissonCount control, double level) {
    ConfidenceLevel.check(level);
    long x1 = treatment.events();
    long x2 = control.events();
    if (x1 == 0 && x2 == 0) {
      throw new StatsException(
          "no events in either arm: the rate ratio is not estimable (0/0); report the two rates"
              + " or a rate difference instead");
    }
    double exposureRatio = control.exposure() / treatment.exposure();
    if (!(exposureRatio > 0) || Double.isInfinite(exposureRatio)) {
      throw new StatsException(
          "the exposure ratio T2/T1 = "
              + control.exposure()
              + "/"
              + treatment.exposure()
              + " is outside double precision; express both exposures in the same, suitable"
              + " units");
    }
    double ratio = x2 == 0 ? Double.POSITIVE_INFINITY : (double) x1 / x2 * exposureRatio;
    if (x2 > 0) {
      PoissonLimits.requireFinite(ratio, "the rate ratio");
    }
    return interval(x1, x2, exposureRatio, ratio, level);
  }

  /**
   * This method's interval around the rate ratio {@code ratio} = (x1/T1) / (x2/T2), with
   * exposureRatio = T2/T1.
   */
  abstract Estimate interval(long x1, long x2, double exposureRatio, double ratio, double level);

  /** The estimate with limits from odds limits of x1 | x1 + x2 (RR = odds T2/T1). */
  Estimate fromOdds(
      long x2,
      double exposureRatio,
      double ratio,
      double lowerOdds,
      double upperOdds,
      double level) {
    double upper = upperOdds * exposureRatio;
    if (x2 > 0) {
      PoissonLimits.requireFinite(upper, "the upper limit");
    }
    return Estimate.interval(
        Measure.RATE_RATIO, id(), ratio, lowerOdds * exposureRatio, upper, level);
  }

  /**
   * Looks a method up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static RateRatioMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  private static double conditionalHalfAlpha(long x1, long x2, double level) {
    PoissonLimits.checkExactRange(x1);
    PoissonLimits.checkExactRange(x2);
    return PoissonLimits.halfAlpha(level);
  }
}
