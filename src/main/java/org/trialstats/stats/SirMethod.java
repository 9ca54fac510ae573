package org.trialstats.stats;

/**
 * Standardised incidence (or mortality) ratio SIR = O / E of an observed Poisson count O to an
 * expected count E (from reference rates, taken as known), with a confidence interval and a
 * two-sided p-value for H0: SIR = 1.
 *
 * <p>The limits are the Poisson limits for the mean of O divided by E (Breslow &amp; Day 1987, vol.
 * II, ch. 2), computed by the same code as the {@link RateMethod} limits. The exact and mid-p
 * methods accept observed counts up to 10^10.
 */
public enum SirMethod implements StatMethod {
  /**
   * Garwood's exact limits for O divided by E: chi2(alpha/2; 2O) / (2E) and chi2(1 - alpha/2; 2O +
   * 2) / (2E), as R's {@code poisson.test(O, E)}. The p-value is R's two-sided exact p-value: the
   * total probability under Poisson(E) of the counts no more probable than O (with R's relative tie
   * margin 10^-7); as in R it is not the p-value whose inversion gives these (central) limits.
   * Garwood F. Biometrika 1936;28:437-442; Ulm K. Am J Epidemiol 1990;131:373-375.
   */
  EXACT(
      "exact",
      new MethodInfo(
          "Exact Poisson (Garwood)",
          "SIR = O/E; lower = chi2(alpha/2; 2O) / (2E) (0 if O = 0); upper = chi2(1 - alpha/2;"
              + " 2O + 2) / (2E); p = sum of Poisson(E) probabilities <= P(X = O) (1 if O = E)",
          "Garwood F. Biometrika 1936;28:437-442; Ulm K. A simple method to calculate the"
              + " confidence interval of a standardized mortality ratio. Am J Epidemiol"
              + " 1990;131:373-375; Breslow NE, Day NE. Statistical Methods in Cancer Research,"
              + " vol. II, IARC 1987, ch. 2",
          "DATA step: lower = CINV(alpha/2, 2*O) / (2*E); upper = CINV(1 - alpha/2, 2*(O+1)) /"
              + " (2*E)",
          "poisson.test(O, E, conf.level = level) ($estimate, $conf.int, $p.value)",
          "scipy.stats.chi2.ppf(alpha/2, 2*O) / (2*E), scipy.stats.chi2.isf(alpha/2, 2*O + 2) /"
              + " (2*E); p-value: none with R's two-sided rule")) {
    @Override
    PoissonLimits.Limits limits(long observed, double level) {
      return PoissonLimits.exact(observed, level);
    }

    @Override
    double pValue(long observed, double expected) {
      return PoissonLimits.exactPValue(observed, expected);
    }
  },

  /**
   * Mid-p limits for O divided by E (see {@link RateMethod#MID_P}); the p-value is the two-sided
   * mid-p value 2 min(P(X &lt; O) + P(X = O)/2, P(X &gt; O) + P(X = O)/2), X ~ Poisson(E), whose
   * inversion gives these limits (Lancaster 1961; as OpenEpi's SMR module).
   */
  MID_P(
      "mid-p",
      new MethodInfo(
          "Mid-p exact Poisson",
          "SIR = O/E; limits = mid-p limits for the Poisson mean of O, divided by E; p = 2 min(P(X"
              + " < O) + P(X = O)/2, P(X > O) + P(X = O)/2), X ~ Poisson(E)",
          "Lancaster HO. J Am Stat Assoc 1961;56:223-234; Rothman KJ, Greenland S. Modern"
              + " Epidemiology, 2nd ed., 1998, ch. 14; Fay MP. R Journal 2010;2(1):53-58",
          "none (solve the mid-p equations in a DATA step or PROC IML)",
          "exactci::poisson.exact(O, E, midp = TRUE, tsmethod = \"central\"); epiR::epi.smr(O, E,"
              + " method = \"mid.p\") (O <= 5 only)",
          "statsmodels >= 0.14: stats.rates.confint_poisson(O, E, method='midp-c')")) {
    @Override
    PoissonLimits.Limits limits(long observed, double level) {
      return PoissonLimits.midP(observed, level);
    }

    @Override
    double pValue(long observed, double expected) {
      return PoissonLimits.midPValue(observed, expected);
    }
  },

  /**
   * Byar's approximate limits (see {@link RateMethod#BYAR}) divided by E. The p-value is that of
   * Byar's approximate test (Breslow &amp; Day 1987, vol. II, ch. 2): the normal deviate chi = 3
   * sqrt(O) (1 - 1/(9O) - (E/O)^(1/3)) for O &gt;= E and chi = 3 sqrt(O + 1) ((E/(O + 1))^(1/3) - 1
   * + 1/(9(O + 1))) for O &lt; E, p = min(1, 2 (1 - Phi(chi))). So p &lt; 1 - level exactly when 1
   * lies outside the Byar interval. epiR's {@code epi.smr(method = "byar")} uses |chi| instead; the
   * two differ only when O is so close to E that chi is negative (here p = 1).
   */
  BYAR(
      "byar",
      new MethodInfo(
          "Byar's approximation (Breslow & Day)",
          "SIR = O/E; lower = O (1 - 1/(9O) - z/(3 sqrt(O)))^3 / E; upper = (O+1) (1 - 1/(9(O+1))"
              + " + z/(3 sqrt(O+1)))^3 / E; test: chi = 3 sqrt(O) (1 - 1/(9O) - (E/O)^(1/3)) if O"
              + " >= E, else 3 sqrt(O+1) ((E/(O+1))^(1/3) - 1 + 1/(9(O+1))); p = min(1, 2 (1 -"
              + " Phi(chi)))",
          "Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. II. IARC Scientific"
              + " Publications 82, Lyon 1987, ch. 2 (Byar's approximation)",
          "DATA step with the closed form",
          "epiR::epi.smr(O, E, method = \"byar\") (same limits; its p-value uses |chi|)",
          "none (closed form with scipy.stats.norm)")) {
    @Override
    PoissonLimits.Limits limits(long observed, double level) {
      return PoissonLimits.byar(observed, level);
    }

    @Override
    double pValue(long observed, double expected) {
      return PoissonLimits.byarPValue(observed, expected);
    }
  };

  private final String id;
  private final MethodInfo info;

  SirMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.SIR;
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
   * The SIR observed / expected with its two-sided confidence interval and the two-sided p-value of
   * H0: SIR = 1 (see each constant for the test).
   *
   * @param observed observed number of events, &gt;= 0
   * @param expected expected number of events, finite and &gt; 0
   * @param level confidence level in (0, 1)
   * @return the SIR, its interval and its p-value
   * @throws StatsException for a negative observed count, an expected count that is not finite and
   *     positive, an invalid level, an observed count above 10^10 (exact, mid-p), or an expected
   *     count so small that the SIR overflows
   */
  public Estimate interval(long observed, double expected, double level) {
    if (observed < 0) {
      throw new StatsException("observed events must not be negative, got " + observed);
    }
    if (!(expected > 0) || Double.isInfinite(expected)) {
      throw new StatsException("expected count must be a finite positive number, got " + expected);
    }
    ConfidenceLevel.check(level);
    double sir = PoissonLimits.requireFinite(observed / expected, "the SIR");
    PoissonLimits.Limits limits = limits(observed, level);
    double pValue = pValue(observed, expected);
    PoissonLimits.Limits ratioLimits = limits.dividedBy(expected);
    PoissonLimits.requireFinite(ratioLimits.upper(), "the upper limit");
    return new Estimate(
        Measure.SIR, id, sir, ratioLimits.lower(), ratioLimits.upper(), level, pValue, "");
  }

  /** Confidence limits for the Poisson mean of the observed count. */
  abstract PoissonLimits.Limits limits(long observed, double level);

  /** The two-sided p-value of H0: SIR = 1, i.e. E(observed) = expected. */
  abstract double pValue(long observed, double expected);

  /**
   * Looks a method up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static SirMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }
}
