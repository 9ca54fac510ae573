package org.trialstats.stats;

/**
 * Confidence intervals for a Poisson incidence rate x / T (x events over exposure T).
 *
 * <p>{@link #interval} returns the rate per unit of exposure; callers scale it with {@link
 * Estimate#scaled(double)} (e.g. by 100 for "per 100 person-years"). The exact and mid-p methods
 * accept counts up to 10^10; every method accepts any level in (0, 1) and any finite positive
 * exposure for which the rate and its limits are representable as doubles.
 */
public enum RateMethod implements StatMethod {
  /**
   * Garwood's exact (central) interval, as R's {@code poisson.test}: lower = chi2(alpha/2; 2x) /
   * (2T) (0 when x = 0), upper = chi2(1 - alpha/2; 2x + 2) / (2T). Garwood F. Fiducial limits for
   * the Poisson distribution. Biometrika 1936;28:437-442.
   */
  EXACT(
      "exact",
      new MethodInfo(
          "Exact Poisson (Garwood)",
          "lower = chi2(alpha/2; 2x) / (2T) (0 if x = 0); upper = chi2(1 - alpha/2; 2x + 2) / (2T);"
              + " equivalently gamma quantiles qgamma(alpha/2, x) / T and qgamma(1 - alpha/2, x +"
              + " 1) / T",
          "Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437-442;"
              + " Ulm K. Am J Epidemiol 1990;131:373-375 (chi-square form)",
          "DATA step: lower = CINV(alpha/2, 2*x) / (2*T); upper = CINV(1 - alpha/2, 2*(x+1)) /"
              + " (2*T)",
          "poisson.test(x, T, conf.level = level)$conf.int",
          "scipy.stats.chi2.ppf(alpha/2, 2*x) / (2*T), scipy.stats.chi2.isf(alpha/2, 2*x + 2) /"
              + " (2*T); statsmodels >= 0.14: stats.rates.confint_poisson(x, T,"
              + " method='exact-c')")) {
    @Override
    Estimate interval(long x, double exposure, double rate, double level) {
      return fromMeanLimits(PoissonLimits.exact(x, level), exposure, rate, level);
    }
  },

  /**
   * Mid-p exact interval: lower L solves P(X &gt; x; LT) + P(X = x; LT)/2 = alpha/2 (L = 0 when x =
   * 0), upper U solves P(X &lt; x; UT) + P(X = x; UT)/2 = alpha/2 (UT = -log(alpha) when x = 0),
   * found by Brent's root finding on the Poisson tail probabilities (computed as incomplete gamma
   * functions) to about 1e-15 relative accuracy. Lancaster HO. J Am Stat Assoc 1961;56:223-234;
   * Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed. 1998, ch. 14; Fay MP. R Journal
   * 2010;2(1):53-58 (central mid-p).
   */
  MID_P(
      "mid-p",
      new MethodInfo(
          "Mid-p exact Poisson",
          "lower L: P(X > x; L T) + P(X = x; L T)/2 = alpha/2 (0 if x = 0); upper U: P(X < x; U T)"
              + " + P(X = x; U T)/2 = alpha/2 (U T = -log(alpha) if x = 0); X ~ Poisson",
          "Lancaster HO. Significance tests in discrete distributions. J Am Stat Assoc"
              + " 1961;56:223-234; Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed., 1998,"
              + " ch. 14; Fay MP. Two-sided exact tests and matching confidence intervals for"
              + " discrete data. R Journal 2010;2(1):53-58",
          "none (solve the mid-p equations in a DATA step or PROC IML)",
          "exactci::poisson.exact(x, T, midp = TRUE, tsmethod = \"central\")$conf.int",
          "statsmodels >= 0.14: stats.rates.confint_poisson(x, T, method='midp-c')")) {
    @Override
    Estimate interval(long x, double exposure, double rate, double level) {
      return fromMeanLimits(PoissonLimits.midP(x, level), exposure, rate, level);
    }
  },

  /**
   * Byar's approximation as given by Breslow &amp; Day (1987): lower = x (1 - 1/(9x) - z/(3
   * sqrt(x)))^3 / T, upper = (x + 1) (1 - 1/(9(x + 1)) + z/(3 sqrt(x + 1)))^3 / T, z = Phi^-1(1 -
   * alpha/2). The lower limit is 0 at x = 0 and wherever the cubed base is negative (e.g. x = 1 at
   * levels above 99.2%). Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. II: The
   * Design and Analysis of Cohort Studies. IARC Sci Publ 82, 1987, ch. 2.
   */
  BYAR(
      "byar",
      new MethodInfo(
          "Byar's approximation (Breslow & Day)",
          "lower = x (1 - 1/(9x) - z/(3 sqrt(x)))^3 / T (0 if x = 0 or the base is negative);"
              + " upper = (x+1) (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3 / T",
          "Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. II. IARC Scientific"
              + " Publications 82, Lyon 1987, ch. 2 (Byar's approximation)",
          "DATA step with the closed form",
          "none (epitools::pois.byar adds 0.5 to x in both limits: a different formula)",
          "none (closed form with scipy.stats.norm.isf(alpha/2))")) {
    @Override
    Estimate interval(long x, double exposure, double rate, double level) {
      return fromMeanLimits(PoissonLimits.byar(x, level), exposure, rate, level);
    }
  },

  /**
   * Wald (normal approximation) interval: x/T +/- z sqrt(x)/T, with the lower limit clipped at 0.
   * At x = 0 the interval has zero width and the estimate carries a note. Large-sample interval for
   * person-time data: Rothman KJ, Greenland S. Modern Epidemiology, 2nd ed. 1998, ch. 14.
   */
  WALD(
      "wald",
      new MethodInfo(
          "Wald (normal approximation)",
          "x/T -/+ z sqrt(x)/T, lower limit clipped at 0",
          "Normal approximation to the Poisson distribution, e.g. Rothman KJ, Greenland S."
              + " Modern Epidemiology, 2nd ed., 1998, ch. 14",
          "DATA step: rate = x/T; lower = MAX(0, rate - PROBIT(1 - alpha/2)*SQRT(x)/T)",
          "epitools::pois.approx(x, T, conf.level = level) (not clipped at 0)",
          "statsmodels >= 0.14: stats.rates.confint_poisson(x, T, method='wald')")) {
    @Override
    Estimate interval(long x, double exposure, double rate, double level) {
      double halfWidth = ConfidenceLevel.z(level) * Math.sqrt(x) / exposure;
      PoissonLimits.requireFinite(rate + halfWidth, "the upper limit");
      Estimate estimate =
          Estimate.interval(
              Measure.RATE, id(), rate, Math.max(0, rate - halfWidth), rate + halfWidth, level);
      return x == 0 ? estimate.withNote(ZERO_WIDTH_NOTE) : estimate;
    }
  };

  /** The note attached to a zero-width Wald interval. */
  static final String ZERO_WIDTH_NOTE =
      "no events: the Wald interval has zero width; use exact or mid-p";

  private final String id;
  private final MethodInfo info;

  RateMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.RATE;
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
   * The rate {@code count.events() / count.exposure()} with its two-sided confidence interval, per
   * unit of exposure.
   *
   * @param count events and exposure
   * @param level confidence level in (0, 1)
   * @return the rate and its interval
   * @throws StatsException for an invalid level, a count above 10^10 (exact, mid-p), or an exposure
   *     so small that the rate overflows
   */
  public Estimate interval(PoissonCount count, double level) {
    ConfidenceLevel.check(level);
    long x = count.events();
    double exposure = count.exposure();
    double rate = PoissonLimits.requireFinite(x / exposure, "the rate");
    return interval(x, exposure, rate, level);
  }

  /** This method's interval around the finite rate x / exposure, for a valid level. */
  abstract Estimate interval(long x, double exposure, double rate, double level);

  /** The rate interval from limits for the Poisson mean of the count. */
  Estimate fromMeanLimits(
      PoissonLimits.Limits meanLimits, double exposure, double rate, double level) {
    PoissonLimits.Limits limits = meanLimits.dividedBy(exposure);
    PoissonLimits.requireFinite(limits.upper(), "the upper limit");
    return Estimate.interval(Measure.RATE, id, rate, limits.lower(), limits.upper(), level);
  }

  /**
   * Looks a method up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static RateMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }
}
