package org.trialstats.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Two-sided confidence intervals for the risk difference RD = p1 - p2 of two independent binomial
 * proportions (arm 1 = treatment, arm 2 = control).
 *
 * <p>Notation: p_i = x_i / n_i, q_i = 1 - p_i, N = n1 + n2, confidence level 1 - alpha, z =
 * Phi^-1(1 - alpha/2). Method numbers refer to Newcombe RG (1998), "Interval estimation for the
 * difference between independent proportions: comparison of eleven methods", Statistics in Medicine
 * 17, 873-890.
 *
 * <p>Wald, Wald with continuity correction, Agresti-Caffo and Hauck-Anderson limits are clipped to
 * [-1, 1]; the other methods stay inside [-1, 1] by construction.
 *
 * <p>The score methods ({@link #MN}, {@link #MEE}) invert the score test of H0: p1 - p2 = delta.
 * The score statistic is monotone in delta on (-1, 1), so each limit is the unique sign change of
 * (d - delta) -/+ z sqrt(V~(delta)), where V~ is the variance at the restricted maximum-likelihood
 * estimates (Miettinen &amp; Nurminen 1985; Farrington &amp; Manning 1990). Each limit is found by
 * a bracketed Newton search; a limit is exactly -1 (1) only when d = -1 (d = 1), that is when x1 =
 * 0 and x2 = n2 (x1 = n1 and x2 = 0). See {@code ScoreInterval} for the numerics (accurate to a few
 * ulps for n up to 10^9, about 0.7 microseconds per interval, nothing allocated but the result).
 *
 * <p>All methods compute d from the exact integer numerator x1 n2 - x2 n1 and the variances from x
 * (n - x) / n^3, never from 1 - p, so that nearly equal proportions near 0 or 1 keep their digits.
 */
public enum RiskDifferenceMethod implements StatMethod {
  /**
   * Wald interval, Newcombe (1998) method 1: d +/- z sqrt(p1 q1 / n1 + p2 q2 / n2), clipped to [-1,
   * 1].
   */
  WALD(
      "wald",
      new MethodInfo(
          "Wald (simple asymptotic)",
          "d +/- z sqrt(p1 q1 / n1 + p2 q2 / n2), clipped to [-1, 1]",
          "Newcombe RG (1998) Stat Med 17:873-890, method 1",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CL=WALD)",
          "prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$conf.int",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2, "
              + "method='wald', compare='diff')")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      return clipped(d, d, z * Math.sqrt(varianceTerm(x1, n1) + varianceTerm(x2, n2)), level);
    }
  },

  /**
   * Wald interval with continuity correction, Newcombe (1998) method 2: d +/- (z sqrt(p1 q1 / n1 +
   * p2 q2 / n2) + (1/n1 + 1/n2) / 2), clipped to [-1, 1]. The full correction is always applied
   * (R's prop.test shrinks it when |d| is small).
   */
  WALD_CC(
      "wald-cc",
      new MethodInfo(
          "Wald with continuity correction",
          "d +/- (z sqrt(p1 q1 / n1 + p2 q2 / n2) + (1/n1 + 1/n2) / 2), clipped to [-1, 1]",
          "Newcombe RG (1998) Stat Med 17:873-890, method 2",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CORRECT CL=WALD)",
          "prop.test(c(x1, x2), c(n1, n2), correct = TRUE)$conf.int "
              + "(R shrinks the correction when |d| < (1/n1 + 1/n2) / 2)",
          "none")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      double halfWidth =
          z * Math.sqrt(varianceTerm(x1, n1) + varianceTerm(x2, n2)) + 0.5 / n1 + 0.5 / n2;
      return clipped(d, d, halfWidth, level);
    }
  },

  /**
   * Newcombe hybrid score interval, Newcombe (1998) method 10, from the Wilson limits (l_i, u_i) of
   * each arm: lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), upper = d + sqrt((u1 - p1)^2 + (p2 -
   * l2)^2).
   */
  NEWCOMBE(
      "newcombe",
      new MethodInfo(
          "Newcombe hybrid score (method 10)",
          "d - sqrt((p1 - l1)^2 + (u2 - p2)^2) to d + sqrt((u1 - p1)^2 + (p2 - l2)^2), "
              + "(l_i, u_i) = Wilson score limits for arm i",
          "Newcombe RG (1998) Stat Med 17:873-890, method 10",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CL=NEWCOMBE)",
          "none in base R",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2, "
              + "method='newcomb', compare='diff')")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      return newcombe(x1, n1, x2, n2, d, z, 0, level);
    }
  },

  /**
   * Newcombe hybrid score interval with continuity correction, Newcombe (1998) method 11: as method
   * 10 but from the continuity-corrected Wilson limits (Newcombe 1998 single-proportion method 4).
   */
  NEWCOMBE_CC(
      "newcombe-cc",
      new MethodInfo(
          "Newcombe hybrid score with continuity correction (method 11)",
          "as newcombe, with (l_i, u_i) = continuity-corrected Wilson limits for arm i",
          "Newcombe RG (1998) Stat Med 17:873-890, method 11",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CORRECT CL=NEWCOMBE)",
          "none in base R",
          "none")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      return newcombe(x1, n1, x2, n2, d, z, 0.5, level);
    }
  },

  /**
   * Miettinen-Nurminen score interval (Miettinen O, Nurminen M 1985, Statistics in Medicine
   * 4:213-226; Newcombe 1998 method 6): all delta with |d - delta| &lt;= z sqrt(V~(delta) N / (N -
   * 1)), V~(delta) = p1~ q1~ / n1 + p2~ q2~ / n2 at the restricted MLE p1~ - p2~ = delta.
   */
  MN(
      "mn",
      new MethodInfo(
          "Miettinen-Nurminen score",
          "{delta : |d - delta| <= z sqrt((p1~ q1~ / n1 + p2~ q2~ / n2) N / (N - 1))}, "
              + "p~ = restricted MLE under p1 - p2 = delta",
          "Miettinen O, Nurminen M (1985) Stat Med 4:213-226; "
              + "Newcombe RG (1998) Stat Med 17:873-890, method 6",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CL=MN)",
          "none in base R",
          "none (statsmodels method='score' is not Miettinen-Nurminen)")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      double total = (double) n1 + n2;
      return score(x1, n1, x2, n2, d, z, total / (total - 1), level);
    }
  },

  /**
   * Mee score interval (Mee RW 1984, Biometrics 40:1175-1176; Newcombe 1998 method 5): as {@link
   * #MN} without the factor N / (N - 1).
   */
  MEE(
      "mee",
      new MethodInfo(
          "Mee score",
          "{delta : |d - delta| <= z sqrt(p1~ q1~ / n1 + p2~ q2~ / n2)}, "
              + "p~ = restricted MLE under p1 - p2 = delta",
          "Mee RW (1984) Biometrics 40:1175-1176; Newcombe RG (1998) Stat Med 17:873-890, method 5",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CL=MN(CORRECT=NO))",
          "none in base R",
          "none")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      return score(x1, n1, x2, n2, d, z, 1, level);
    }
  },

  /**
   * Agresti-Caffo interval (Agresti A, Caffo B 2000, American Statistician 54:280-288): the Wald
   * interval after adding one success and one failure to each arm, p_i~ = (x_i + 1) / (n_i + 2):
   * p1~ - p2~ +/- z sqrt(p1~ q1~ / (n1 + 2) + p2~ q2~ / (n2 + 2)), clipped to [-1, 1]. The point
   * estimate reported is the unadjusted d.
   */
  AGRESTI_CAFFO(
      "agresti-caffo",
      new MethodInfo(
          "Agresti-Caffo (add one success and one failure per arm)",
          "p~_i = (x_i + 1) / (n_i + 2); p1~ - p2~ +/- z sqrt(p1~ q1~ / (n1 + 2) "
              + "+ p2~ q2~ / (n2 + 2)), clipped to [-1, 1]",
          "Agresti A, Caffo B (2000) Am Stat 54:280-288",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CL=AC)",
          "none in base R",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2, "
              + "method='agresti-caffo', compare='diff')")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      double adjusted = difference(x1 + 1, n1 + 2, x2 + 1, n2 + 2);
      double halfWidth = z * Math.sqrt(varianceTerm(x1 + 1, n1 + 2) + varianceTerm(x2 + 1, n2 + 2));
      return clipped(adjusted, d, halfWidth, level);
    }
  },

  /**
   * Hauck-Anderson interval (Hauck WW, Anderson S 1986, American Statistician 40:318-322): d +/- (z
   * sqrt(p1 q1 / (n1 - 1) + p2 q2 / (n2 - 1)) + 1 / (2 min(n1, n2))), clipped to [-1, 1]. An arm
   * with n_i = 1 has p_i q_i = 0 and contributes 0 to the variance.
   */
  HAUCK_ANDERSON(
      "hauck-anderson",
      new MethodInfo(
          "Hauck-Anderson",
          "d +/- (z sqrt(p1 q1 / (n1 - 1) + p2 q2 / (n2 - 1)) + 1 / (2 min(n1, n2))), "
              + "clipped to [-1, 1]",
          "Hauck WW, Anderson S (1986) Am Stat 40:318-322",
          "PROC FREQ; TABLES arm*event / RISKDIFF(CL=HA)",
          "none in base R",
          "none")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      double halfWidth =
          z * Math.sqrt(unbiasedVarianceTerm(x1, n1) + unbiasedVarianceTerm(x2, n2))
              + 0.5 / Math.min(n1, n2);
      return clipped(d, d, halfWidth, level);
    }
  },

  /**
   * Exact unconditional interval with the score statistic (Chan IS, Zhang Z 1999, Biometrics
   * 55:1202-1209, section 2; SAS {@code EXACT RISKDIFF}, whose default {@code METHOD=SCORE} it is):
   * the two one-sided exact unconditional tests of H0: p1 - p2 = delta inverted at alpha/2 each,
   *
   * <pre>
   *   lower = inf { delta : P_U(delta) &gt; alpha/2 }
   *   upper = sup { delta : P_L(delta) &gt; alpha/2 }
   *   P_U(delta) = sup over p2 of the sum over T(i, j; delta) &gt;= t0
   *                of b(i; n1, p2 + delta) b(j; n2, p2)
   * </pre>
   *
   * (P_L likewise with T &lt;= t0), T the Farrington-Manning score statistic (i/n1 - j/n2 - delta)
   * / sqrt(p1~ q1~ / n1 + p2~ q2~ / n2) at the restricted MLE, t0 its value at the observed table,
   * the nuisance p2 maximised over its whole range [max(0, -delta), min(1, 1 - delta)]. The
   * Berger-Boos restriction (Berger RL, Boos DD 1994, JASA 89:1012-1016) is available through
   * {@link UnconditionalExactInterval#riskDifference} with gamma &gt; 0; this constant uses gamma =
   * 0, as SAS does. See {@link UnconditionalExactInterval} for the computation. Size limit: (n1 +
   * 1)(n2 + 1) &lt;= {@value UnconditionalExactInterval#MAX_TABLES} ({@link #maxTables()}).
   */
  EXACT_UNCONDITIONAL(
      "exact-unconditional",
      new MethodInfo(
          "Exact unconditional (score statistic, Chan-Zhang)",
          "lower = inf{delta : sup_p2 P(T >= t0; p2 + delta, p2) > alpha/2}, upper = sup{delta :"
              + " sup_p2 P(T <= t0; p2 + delta, p2) > alpha/2}; T = Farrington-Manning score"
              + " statistic for H0: p1 - p2 = delta, p2 over its whole range;"
              + " (n1 + 1)(n2 + 1) <= 1,100,000",
          "Chan IS, Zhang Z (1999) Biometrics 55:1202-1209; Farrington CP, Manning G (1990)"
              + " Stat Med 9:1447-1454",
          "PROC FREQ; TABLES arm*event / RISKDIFF; EXACT RISKDIFF; (METHOD=SCORE, the default)",
          "exact2x2::uncondExact2x2(x2, n2, x1, n1, parmtype = \"difference\","
              + " method = \"score\", tsmethod = \"central\", conf.int = TRUE)"
              + " (arms swapped: it estimates its p2 - p1)",
          "none (scipy.stats.barnard_exact tests p1 = p2 only, no interval)")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      return UnconditionalExactInterval.riskDifference(
          TwoByTwo.of(x1, n1, x2, n2), level, true, 0, id());
    }

    @Override
    public Estimate interval(TwoByTwo table, double level, double bergerBoos) {
      return bergerBoos == 0
          ? interval(table, level)
          : UnconditionalExactInterval.riskDifference(table, level, true, bergerBoos, id());
    }

    @Override
    public long maxTables() {
      return UnconditionalExactInterval.MAX_TABLES;
    }
  },

  /**
   * Exact unconditional interval with the raw difference as ordering statistic (Santner TJ, Snell
   * MK 1980, JASA 75:386-394, section 4; SAS {@code EXACT RISKDIFF(METHOD=NOSCORE)}): as {@link
   * #EXACT_UNCONDITIONAL} with T(i, j) = i/n1 - j/n2 (compared exactly as the integers i n2 - j
   * n1), a region that does not depend on delta, so that P_U is non-decreasing in delta and each
   * limit is the single crossing of alpha/2. Berger-Boos restriction and size limit as {@link
   * #EXACT_UNCONDITIONAL}.
   */
  EXACT_UNCONDITIONAL_RAW(
      "exact-unconditional-raw",
      new MethodInfo(
          "Exact unconditional (raw difference, Santner-Snell)",
          "lower = inf{delta : sup_p2 P(D >= d; p2 + delta, p2) > alpha/2}, upper = sup{delta :"
              + " sup_p2 P(D <= d; p2 + delta, p2) > alpha/2}; D = i/n1 - j/n2, p2 over its whole"
              + " range; (n1 + 1)(n2 + 1) <= 1,100,000",
          "Santner TJ, Snell MK (1980) J Am Stat Assoc 75:386-394",
          "PROC FREQ; TABLES arm*event / RISKDIFF; EXACT RISKDIFF(METHOD=NOSCORE);",
          "exact2x2::uncondExact2x2(x2, n2, x1, n1, parmtype = \"difference\","
              + " method = \"simple\", tsmethod = \"central\", conf.int = TRUE)"
              + " (arms swapped: it estimates its p2 - p1)",
          "none")) {
    @Override
    Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level) {
      return UnconditionalExactInterval.riskDifference(
          TwoByTwo.of(x1, n1, x2, n2), level, false, 0, id());
    }

    @Override
    public Estimate interval(TwoByTwo table, double level, double bergerBoos) {
      return bergerBoos == 0
          ? interval(table, level)
          : UnconditionalExactInterval.riskDifference(table, level, false, bergerBoos, id());
    }

    @Override
    public long maxTables() {
      return UnconditionalExactInterval.MAX_TABLES;
    }
  };

  /** Largest n for which n1 * n2 (and so x1 n2 - x2 n1) fits in a long: floor(sqrt(2^63 - 1)). */
  private static final long MAX_EXACT_PRODUCT_FACTOR = 3_037_000_499L;

  private final String id;
  private final MethodInfo info;

  RiskDifferenceMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.RD;
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
   * @param id the id
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static RiskDifferenceMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  /**
   * The risk difference p1 - p2 with this method's two-sided confidence interval.
   *
   * @param table counts of both arms (arm 1 = treatment)
   * @param level confidence level, strictly between 0 and 1
   * @return the estimate and its interval
   * @throws StatsException if {@code level} is not in (0, 1)
   */
  public Estimate interval(TwoByTwo table, double level) {
    double z = ConfidenceLevel.z(level);
    long x1 = table.x1();
    long n1 = table.n1();
    long x2 = table.x2();
    long n2 = table.n2();
    double d = difference(x1, n1, x2, n2);
    return interval(x1, n1, x2, n2, d, z, level);
  }

  /**
   * As {@link #interval(TwoByTwo, double)} with the Berger-Boos restriction gamma (Berger RL, Boos
   * DD 1994, JASA 89:1012-1016), which only the exact unconditional intervals take (see {@link
   * UnconditionalExactInterval}); gamma = 0 is the unrestricted interval of every method.
   *
   * @param table counts of both arms (arm 1 = treatment)
   * @param level confidence level, strictly between 0 and 1
   * @param bergerBoos the Berger-Boos gamma, 0 for none
   * @return the estimate and its interval
   * @throws StatsException as {@link #interval(TwoByTwo, double)}, or for a gamma other than 0 with
   *     a method that takes none
   */
  public Estimate interval(TwoByTwo table, double level, double bergerBoos) {
    if (bergerBoos != 0) {
      throw new StatsException(
          "the Berger-Boos restriction applies only to the exact unconditional intervals, not to"
              + " rd "
              + id);
    }
    return interval(table, level);
  }

  /** This method's interval around d = p1 - p2 at z = Phi^-1(1 - alpha/2). */
  abstract Estimate interval(long x1, long n1, long x2, long n2, double d, double z, double level);

  /** The estimate d with limits (lower, upper). */
  Estimate estimate(double d, double lower, double upper, double level) {
    return Estimate.interval(Measure.RD, id(), d, lower, upper, level);
  }

  /** A symmetric interval d +/- halfWidth clipped to [-1, 1]. */
  Estimate clipped(double center, double d, double halfWidth, double level) {
    return estimate(d, clip(center - halfWidth), clip(center + halfWidth), level);
  }

  /** The Newcombe hybrid score interval from Wilson limits at x -/+ shift. */
  Estimate newcombe(
      long x1, long n1, long x2, long n2, double d, double z, double shift, double level) {
    double below1 = ProportionMethod.wilsonLowerDistance(x1, n1, shift, z);
    double above1 = ProportionMethod.wilsonUpperDistance(x1, n1, shift, z);
    double below2 = ProportionMethod.wilsonLowerDistance(x2, n2, shift, z);
    double above2 = ProportionMethod.wilsonUpperDistance(x2, n2, shift, z);
    return estimate(d, d - Math.hypot(below1, above2), d + Math.hypot(above1, below2), level);
  }

  /** The score interval with variance factor N/(N - 1) (mn) or 1 (mee). */
  Estimate score(
      long x1, long n1, long x2, long n2, double d, double z, double varianceFactor, double level) {
    return estimate(
        d,
        ScoreInterval.lower(x1, n1, x2, n2, z, varianceFactor),
        ScoreInterval.upper(x1, n1, x2, n2, z, varianceFactor),
        level);
  }

  /**
   * x1/n1 - x2/n2 from the exact integer numerator x1 n2 - x2 n1, so that nearly equal proportions
   * (e.g. 10^9/10^9 vs 999999999/10^9) keep full relative precision.
   */
  static double difference(long x1, long n1, long x2, long n2) {
    if (n1 <= MAX_EXACT_PRODUCT_FACTOR && n2 <= MAX_EXACT_PRODUCT_FACTOR) {
      return (double) (x1 * n2 - x2 * n1) / ((double) n1 * n2);
    }
    BigInteger numerator =
        BigInteger.valueOf(x1)
            .multiply(BigInteger.valueOf(n2))
            .subtract(BigInteger.valueOf(x2).multiply(BigInteger.valueOf(n1)));
    return new BigDecimal(numerator)
        .divide(
            new BigDecimal(BigInteger.valueOf(n1).multiply(BigInteger.valueOf(n2))),
            MathContext.DECIMAL64)
        .doubleValue();
  }

  /** p q / n = x (n - x) / n^3, without forming 1 - p. */
  private static double varianceTerm(long x, long n) {
    double nn = n;
    return (double) x * (n - x) / (nn * nn * nn);
  }

  /** p q / (n - 1), taken as 0 when p q = 0 (always the case for n = 1). */
  private static double unbiasedVarianceTerm(long x, long n) {
    if (x == 0 || x == n) {
      return 0;
    }
    double nn = n;
    return (double) x * (n - x) / (nn * nn * (n - 1));
  }

  private static double clip(double value) {
    return Math.max(-1, Math.min(1, value));
  }
}
