package org.trialstats.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Two-sided confidence intervals for a single binomial proportion p = x / n.
 *
 * <p>Notation: x events among n subjects, p = x / n, q = 1 - p, confidence level 1 - alpha, z =
 * Phi^-1(1 - alpha / 2). Method numbers refer to Newcombe RG (1998), "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17,
 * 857-872.
 *
 * <p>Conventions at the boundaries (shared with the project's reference data): Wald-type and
 * Agresti-Coull limits are clipped to [0, 1]; the Wilson interval with continuity correction, the
 * Jeffreys interval and the mid-p interval set lower = 0 at x = 0 and upper = 1 at x = n;
 * Clopper-Pearson and Wilson give 0 and 1 there by construction.
 *
 * <p>All methods accept counts up to the range of {@code long} and keep close to full double
 * precision for n up to 10^9 and beyond: no limit is formed as 1 - p for p near 1, the Wilson
 * limits avoid cancellation, and the exact methods (Clopper-Pearson, mid-p) sum the binomial tail
 * term by term when x or n - x is at most 100, where the Commons incomplete beta function loses
 * digits for huge n; otherwise they use Commons Statistics beta quantiles and distribution
 * functions (Jeffreys always).
 */
public enum ProportionMethod implements StatMethod {
  /**
   * Wald (simple asymptotic) interval, Newcombe (1998) method 1: p +/- z sqrt(p q / n), clipped to
   * [0, 1]. Degenerate (zero width) at x = 0 and x = n.
   */
  WALD(
      "wald",
      new MethodInfo(
          "Wald (simple asymptotic)",
          "p +/- z * sqrt(p * (1 - p) / n), clipped to [0, 1]",
          "Newcombe RG (1998) Stat Med 17:857-872, method 1",
          "PROC FREQ; TABLES x / BINOMIAL(CL=WALD)",
          "none in base R",
          "statsmodels.stats.proportion.proportion_confint(x, n, alpha, method='normal')")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      return clipped(p, p, z * Math.sqrt(varianceTerm(x, n)), level);
    }
  },

  /**
   * Wald interval with continuity correction, Newcombe (1998) method 2: p +/- (z sqrt(p q / n) + 1
   * / (2n)), clipped to [0, 1].
   */
  WALD_CC(
      "wald-cc",
      new MethodInfo(
          "Wald with continuity correction",
          "p +/- (z * sqrt(p * (1 - p) / n) + 1 / (2 n)), clipped to [0, 1]",
          "Newcombe RG (1998) Stat Med 17:857-872, method 2",
          "PROC FREQ; TABLES x / BINOMIAL(CL=WALD(CORRECT))",
          "none in base R",
          "none")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      return clipped(p, p, z * Math.sqrt(varianceTerm(x, n)) + 0.5 / n, level);
    }
  },

  /**
   * Wilson score interval, Newcombe (1998) method 3 (Wilson EB 1927, JASA 22:209-212): the roots in
   * theta of (p - theta)^2 = z^2 theta (1 - theta) / n, i.e. (2x + z^2 +/- z sqrt(z^2 + 4 x q)) /
   * (2 (n + z^2)).
   */
  WILSON(
      "wilson",
      new MethodInfo(
          "Wilson score",
          "(2x + z^2 +/- z * sqrt(z^2 + 4 x (1 - p))) / (2 (n + z^2))",
          "Wilson EB (1927) JASA 22:209-212; Newcombe RG (1998) Stat Med 17:857-872, method 3",
          "PROC FREQ; TABLES x / BINOMIAL(CL=WILSON)",
          "prop.test(x, n, correct = FALSE)$conf.int",
          "statsmodels.stats.proportion.proportion_confint(x, n, alpha, method='wilson')")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      return estimate(p, wilsonLower(x, n, z), wilsonUpper(x, n, z), level);
    }
  },

  /**
   * Wilson score interval with continuity correction, Newcombe (1998) method 4: lower = (2x + z^2 -
   * 1 - z sqrt(z^2 - 2 - 1/n + 4 p (n q + 1))) / (2 (n + z^2)), upper = (2x + z^2 + 1 + z sqrt(z^2
   * + 2 - 1/n + 4 p (n q - 1))) / (2 (n + z^2)); lower = 0 at x = 0 and upper = 1 at x = n. This is
   * the Wilson interval evaluated at x - 1/2 (lower) and x + 1/2 (upper), as R's {@code
   * prop.test(correct = TRUE)} computes it (except that R drops the correction when x = n/2).
   */
  WILSON_CC(
      "wilson-cc",
      new MethodInfo(
          "Wilson score with continuity correction",
          "lower = (2x + z^2 - 1 - z sqrt(z^2 - 2 - 1/n + 4p(nq + 1))) / (2(n + z^2)), "
              + "upper = (2x + z^2 + 1 + z sqrt(z^2 + 2 - 1/n + 4p(nq - 1))) / (2(n + z^2)); "
              + "lower = 0 at x = 0, upper = 1 at x = n",
          "Newcombe RG (1998) Stat Med 17:857-872, method 4",
          "PROC FREQ; TABLES x / BINOMIAL(CL=WILSON(CORRECT))",
          "prop.test(x, n, correct = TRUE)$conf.int (R omits the correction when x = n/2)",
          "none")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      return estimate(p, wilsonCcLower(x, n, z), wilsonCcUpper(x, n, z), level);
    }
  },

  /**
   * Clopper-Pearson exact interval, Newcombe (1998) method 5 (Clopper CJ, Pearson ES 1934,
   * Biometrika 26:404-413): lower = Beta(x, n - x + 1) quantile alpha/2 (0 at x = 0), upper =
   * Beta(x + 1, n - x) quantile 1 - alpha/2 (1 at x = n), the upper one computed from the survival
   * function. Where x or n - x is at most 1001 the equivalent equations P(X &gt;= x) = alpha/2 and
   * P(X &lt;= x) = alpha/2 for X ~ Binomial(n, p) are solved by Halley's method on term-by-term
   * binomial tails (to about 1e-15 relative, where the incomplete beta function can lose digits).
   */
  CLOPPER_PEARSON(
      "clopper-pearson",
      new MethodInfo(
          "Clopper-Pearson exact",
          "lower = BetaInv(alpha/2; x, n - x + 1), upper = BetaInv(1 - alpha/2; x + 1, n - x)",
          "Clopper CJ, Pearson ES (1934) Biometrika 26:404-413; "
              + "Newcombe RG (1998) Stat Med 17:857-872, method 5",
          "PROC FREQ; TABLES x / BINOMIAL(CL=CLOPPERPEARSON)",
          "binom.test(x, n)$conf.int",
          "statsmodels.stats.proportion.proportion_confint(x, n, alpha, method='beta')")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      double halfAlpha = (1 - level) / 2;
      return estimate(
          p, clopperPearsonLower(x, n, halfAlpha), clopperPearsonUpper(x, n, halfAlpha), level);
    }
  },

  /**
   * Jeffreys interval (Brown LD, Cai TT, DasGupta A 2001, Statistical Science 16:101-133, section
   * 4.1.2): the equal-tailed interval of the Beta(x + 1/2, n - x + 1/2) posterior, with lower = 0
   * at x = 0 and upper = 1 at x = n.
   */
  JEFFREYS(
      "jeffreys",
      new MethodInfo(
          "Jeffreys (equal-tailed, Beta(1/2, 1/2) prior)",
          "BetaInv(alpha/2; x + 1/2, n - x + 1/2) to BetaInv(1 - alpha/2; x + 1/2, n - x + 1/2); "
              + "lower = 0 at x = 0, upper = 1 at x = n",
          "Brown LD, Cai TT, DasGupta A (2001) Stat Sci 16:101-133, section 4.1.2",
          "PROC FREQ; TABLES x / BINOMIAL(CL=JEFFREYS)",
          "qbeta(c(alpha/2, 1 - alpha/2), x + 0.5, n - x + 0.5) (no boundary rule)",
          "statsmodels.stats.proportion.proportion_confint(x, n, alpha, method='jeffreys')"
              + " (no boundary rule)")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      double halfAlpha = (1 - level) / 2;
      double lower = x == 0 ? 0 : jeffreysLower(x, n, halfAlpha);
      double upper = x == n ? 1 : jeffreysUpper(x, n, halfAlpha);
      // At levels near 0 both limits approach the posterior median and are found by separate
      // root searches, so rounding can order them the wrong way by an ulp (level 1e-9, n = 1e10).
      return estimate(p, Math.min(lower, upper), upper, level);
    }
  },

  /**
   * Agresti-Coull interval (Agresti A, Coull BA 1998, American Statistician 52:119-126; Brown, Cai
   * &amp; DasGupta 2001): with n~ = n + z^2 and p~ = (x + z^2/2) / n~, p~ +/- z sqrt(p~ (1 - p~) /
   * n~), clipped to [0, 1].
   */
  AGRESTI_COULL(
      "agresti-coull",
      new MethodInfo(
          "Agresti-Coull (adjusted Wald)",
          "p~ +/- z sqrt(p~ (1 - p~) / n~) with n~ = n + z^2, p~ = (x + z^2/2) / n~, "
              + "clipped to [0, 1]",
          "Agresti A, Coull BA (1998) Am Stat 52:119-126; "
              + "Brown LD, Cai TT, DasGupta A (2001) Stat Sci 16:101-133",
          "PROC FREQ; TABLES x / BINOMIAL(CL=AGRESTICOULL)",
          "none in base R",
          "statsmodels.stats.proportion.proportion_confint(x, n, alpha, method='agresti_coull')")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      double z2 = z * z;
      double adjustedN = n + z2;
      double adjustedP = (x + z2 / 2) / adjustedN;
      double adjustedQ = (n - x + z2 / 2) / adjustedN;
      return clipped(adjustedP, p, z * Math.sqrt(adjustedP * adjustedQ / adjustedN), level);
    }
  },

  /**
   * Mid-p exact interval, Newcombe (1998) method 6 (Lancaster HO 1961; Berry G, Armitage P 1995,
   * Statistician 44:417-423): lower limit solves P(X &gt; x) + P(X = x)/2 = alpha/2, upper limit
   * solves P(X &lt; x) + P(X = x)/2 = alpha/2, X ~ Bin(n, theta); lower = 0 at x = 0 and upper = 1
   * at x = n. Closed forms at the boundaries: upper = 1 - alpha^(1/n) at x = 0, lower = alpha^(1/n)
   * at x = n. Elsewhere found by Brent's root search between neighbouring Clopper-Pearson limits.
   */
  MID_P(
      "mid-p",
      new MethodInfo(
          "Mid-p exact",
          "lower: P(X > x) + P(X = x)/2 = alpha/2; upper: P(X < x) + P(X = x)/2 = alpha/2; "
              + "X ~ Bin(n, theta); lower = 0 at x = 0, upper = 1 at x = n",
          "Lancaster HO (1961) JASA 56:223-234; Berry G, Armitage P (1995) Statistician "
              + "44:417-423; Newcombe RG (1998) Stat Med 17:857-872, method 6",
          "PROC FREQ; TABLES x / BINOMIAL(CL=MIDP)",
          "none in base R (PropCIs::midPci(x, n, conf.level))",
          "none")) {
    @Override
    Estimate interval(long x, long n, double p, double z, double level) {
      double alpha = 1 - level;
      return estimate(p, midPLower(x, n, alpha), midPUpper(x, n, alpha), level);
    }
  };

  private final String id;
  private final MethodInfo info;

  ProportionMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.PROPORTION;
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
   * Looks a method up by its id (case-insensitive, surrounding blanks ignored).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static ProportionMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  /**
   * The point estimate x / n with this method's two-sided confidence interval.
   *
   * @param counts x events among n subjects
   * @param level confidence level, strictly between 0 and 1
   * @return the proportion and its interval
   * @throws StatsException if {@code level} is not in (0, 1)
   */
  public Estimate interval(Binomial counts, double level) {
    double z = ConfidenceLevel.z(level);
    long x = counts.events();
    long n = counts.n();
    double p = counts.proportion();
    return interval(x, n, p, z, level);
  }

  /** This method's interval around p = x / n at z = Phi^-1(1 - alpha/2). */
  abstract Estimate interval(long x, long n, double p, double z, double level);

  /** The estimate p with limits (lower, upper). */
  Estimate estimate(double p, double lower, double upper, double level) {
    return Estimate.interval(Measure.PROPORTION, id(), p, lower, upper, level);
  }

  /** A symmetric interval center +/- halfWidth clipped to [0, 1], around the estimate p. */
  Estimate clipped(double center, double p, double halfWidth, double level) {
    return estimate(p, clip01(center - halfWidth), clip01(center + halfWidth), level);
  }

  /** p q / n = x (n - x) / n^3, without forming 1 - p (which loses digits when p is near 1). */
  private static double varianceTerm(long x, long n) {
    double nn = n;
    return (double) x * (n - x) / (nn * nn * nn);
  }

  private static double clip01(double value) {
    return Math.max(0, Math.min(1, value));
  }

  // ---------------------------------------------------------------------------------------------
  // Wilson score limits. The two limits are the roots of
  //   (n + z^2) theta^2 - (2x + z^2) theta + x^2 / n = 0.
  // The upper root is computed directly (a sum of positive terms) and the lower one from the
  // product of the roots, x^2 / (n (n + z^2)), so that neither limit suffers cancellation when x
  // is small compared with z^2 (or n - x small, by the symmetric formula). The discriminant is
  // written as z^2 x (n - x) / n + z^4 / 4, again without cancellation. x may be fractional for
  // the continuity-corrected limits.
  // ---------------------------------------------------------------------------------------------

  /** Wilson lower limit for (possibly fractional) x in [0, n]. */
  static double wilsonLower(double x, double n, double z) {
    if (x <= 0) {
      return 0;
    }
    if (x <= n - x) {
      return smallerRoot(x, n, z);
    }
    // lower(x) = 1 - upper(n - x); here upper(n - x) <= about 1/2 + z/(2 sqrt(n)), no cancellation.
    return 1 - largerRoot(n - x, n, z);
  }

  /** Wilson upper limit for (possibly fractional) x in [0, n]. */
  static double wilsonUpper(double x, double n, double z) {
    if (x >= n) {
      return 1;
    }
    if (x <= n - x) {
      return largerRoot(x, n, z);
    }
    return 1 - smallerRoot(n - x, n, z);
  }

  /**
   * The larger root (x + z^2/2 + z sqrt(x (n - x) / n + z^2/4)) / (n + z^2): positive terms only.
   */
  private static double largerRoot(double x, double n, double z) {
    double z2 = z * z;
    return (x + z2 / 2 + z * Math.sqrt(x * (n - x) / n + z2 / 4)) / (n + z2);
  }

  /** The smaller root from the product of the roots, x^2 / (n (n + z^2)). */
  private static double smallerRoot(double x, double n, double z) {
    return x / (n + z * z) * (x / n) / largerRoot(x, n, z);
  }

  /**
   * p - (Wilson lower limit at x - shift), for shift 0 (Wilson) or 1/2 (with continuity
   * correction), computed without subtracting numbers close to 1: the Newcombe risk-difference
   * intervals combine these distances, which are tiny for n near 10^9.
   */
  static double wilsonLowerDistance(long x, long n, double shift, double z) {
    double shifted = x - shift;
    if (shifted <= 0) {
      return (double) x / n;
    }
    if (shifted <= n - shifted) {
      return (double) x / n - smallerRoot(shifted, n, z);
    }
    return largerRoot(n - shifted, n, z) - (double) (n - x) / n;
  }

  /** (Wilson upper limit at x + shift) - p; see {@link #wilsonLowerDistance}. */
  static double wilsonUpperDistance(long x, long n, double shift, double z) {
    double shifted = x + shift;
    if (shifted >= n) {
      return (double) (n - x) / n;
    }
    if (shifted <= n - shifted) {
      return largerRoot(shifted, n, z) - (double) x / n;
    }
    return (double) (n - x) / n - smallerRoot(n - shifted, n, z);
  }

  /** Wilson lower limit with continuity correction: Wilson at x - 1/2; 0 at x = 0. */
  static double wilsonCcLower(long x, long n, double z) {
    return x == 0 ? 0 : wilsonLower(x - 0.5, n, z);
  }

  /** Wilson upper limit with continuity correction: Wilson at x + 1/2; 1 at x = n. */
  static double wilsonCcUpper(long x, long n, double z) {
    return x == n ? 1 : wilsonUpper(x + 0.5, n, z);
  }

  // ---------------------------------------------------------------------------------------------
  // Exact limits. With B1 = Beta(x, n - x + 1) and B2 = Beta(x + 1, n - x),
  //   P(X >= x; theta) = B1.cdf(theta),  P(X > x; theta) = B2.cdf(theta).
  // Clopper-Pearson: lower = B1 quantile alpha/2, upper = B2 quantile 1 - alpha/2 (from the
  // survival function). Mid-p: the lower limit solves (B1.cdf + B2.cdf) / 2 = alpha/2 and the
  // upper limit (B1.sf + B2.sf) / 2 = alpha/2. The mid-p lower root lies between the
  // Clopper-Pearson lower limits for x and x + 1 (B1 and B2 quantiles at alpha/2), the upper root
  // between the Clopper-Pearson upper limits for x - 1 and x: at those points one of the two
  // terms equals alpha/2 and the other is smaller (larger), which brackets the root tightly even
  // for n = 10^9.
  //
  // The Commons incomplete beta function loses up to 8 significant digits when one parameter is
  // small and the other huge (x <= 30, n = 10^9: relative errors up to 5e-8 in the tail
  // probability). Clopper-Pearson limits with min(x, n - x) <= 1001 are therefore found by
  // Halley's method on term-by-term binomial tails in the odds theta/(1 - theta)
  // (ConditionalBinomialTails.oddsAtUpperTail, about 1e-15 relative, and several times faster
  // than the beta quantile). Mid-p limits are the odds limits of BinomialOddsLimits, the code
  // path shared with the conditional rate-ratio intervals: Halley's method on the same
  // term-by-term tails where min(x, n - x) <= 1001, otherwise Brent's method on the incomplete
  // beta tails bracketed by the Clopper-Pearson limits of x and its neighbour (MidPLimit).
  // ---------------------------------------------------------------------------------------------

  private static double clopperPearsonLower(long x, long n, double halfAlpha) {
    if (x == 0) {
      return 0;
    }
    if (x == n) {
      // P(X >= n) = theta^n = alpha/2.
      return Math.exp(Math.log(halfAlpha) / n);
    }
    if (ConditionalBinomialTails.hasShortSide(x, n - x)) {
      // P(X >= x) = alpha/2, solved for the odds theta/(1 - theta)
      double odds = ConditionalBinomialTails.oddsAtUpperTail(x, n, halfAlpha, false);
      return odds / (1 + odds);
    }
    return BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(halfAlpha);
  }

  private static double clopperPearsonUpper(long x, long n, double halfAlpha) {
    if (x == n) {
      return 1;
    }
    if (x == 0) {
      // P(X <= 0) = (1 - theta)^n = alpha/2.
      return -Math.expm1(Math.log(halfAlpha) / n);
    }
    if (ConditionalBinomialTails.hasShortSide(x, n - x)) {
      // P(X <= x) = P(n - X >= n - x) = alpha/2, with n - X binomial with the reciprocal odds
      double reciprocalOdds = ConditionalBinomialTails.oddsAtUpperTail(n - x, n, halfAlpha, false);
      return 1 / (1 + reciprocalOdds);
    }
    return BetaDistribution.of(x + 1.0, n - x).inverseSurvivalProbability(halfAlpha);
  }

  /**
   * Lower Jeffreys limit, the alpha/2 quantile of Beta(x + 1/2, n - x + 1/2): by Halley's method on
   * the incomplete beta function ({@link BetaQuantile#lowerTailOdds}) where x or n - x is at most
   * 1001, otherwise Commons Statistics' inverse (Brent's method on the same function). Both find
   * the root of the same function, to within 2e-14 relative of each other; the Halley iteration
   * needs 2 to 4 evaluations and is about 4 times faster. For larger parameters, where the
   * incomplete beta function itself is accurate to only about 1e-12 and the two roots differ by as
   * much, the established inverse is kept so that published limits do not move.
   */
  private static double jeffreysLower(long x, long n, double halfAlpha) {
    double a = x + 0.5;
    double b = n - x + 0.5;
    if (ConditionalBinomialTails.hasShortSide(x, n - x)) {
      double odds = BetaQuantile.lowerTailOdds(a, b, halfAlpha);
      return odds / (1 + odds);
    }
    return BetaDistribution.of(a, b).inverseCumulativeProbability(halfAlpha);
  }

  /** Upper Jeffreys limit, the 1 - alpha/2 quantile of Beta(x + 1/2, n - x + 1/2), as above. */
  private static double jeffreysUpper(long x, long n, double halfAlpha) {
    double a = x + 0.5;
    double b = n - x + 0.5;
    if (ConditionalBinomialTails.hasShortSide(x, n - x)) {
      // the upper tail of p ~ Beta(a, b) is the lower tail of 1 - p ~ Beta(b, a)
      return 1 / (1 + BetaQuantile.lowerTailOdds(b, a, halfAlpha));
    }
    return BetaDistribution.of(a, b).inverseSurvivalProbability(halfAlpha);
  }

  private static double midPLower(long x, long n, double alpha) {
    if (x == 0) {
      return 0;
    }
    if (x == n) {
      // theta^n / 2 = alpha / 2.
      return Math.exp(Math.log(alpha) / n);
    }
    double odds = BinomialOddsLimits.midPLowerOdds(x, n - x, alpha / 2);
    return odds / (1 + odds);
  }

  private static double midPUpper(long x, long n, double alpha) {
    if (x == n) {
      return 1;
    }
    if (x == 0) {
      // (1 - theta)^n / 2 = alpha / 2.
      return -Math.expm1(Math.log(alpha) / n);
    }
    double odds = BinomialOddsLimits.midPUpperOdds(x, n - x, alpha / 2);
    return odds / (1 + odds);
  }
}
