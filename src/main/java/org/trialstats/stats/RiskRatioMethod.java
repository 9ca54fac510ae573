package org.trialstats.stats;

import java.math.BigInteger;

/**
 * Confidence intervals for the risk ratio RR = p1 / p2 of two independent binomial samples (arm 1 =
 * treatment, arm 2 = control), with point estimate p1 / p2 = (x1 / n1) / (x2 / n2).
 *
 * <p>Boundary conventions, shared by all methods:
 *
 * <ul>
 *   <li>x1 = 0 &lt; x2: estimate 0; the score methods give lower limit 0.
 *   <li>x2 = 0 &lt; x1: estimate +Infinity; the score methods give upper limit +Infinity.
 *   <li>x1 = x2 = 0: the estimate 0/0 is undefined and every method throws a {@link StatsException}
 *       ("undefined estimate"): the data carry no information about the ratio (the score interval
 *       would be (0, Infinity)); report the risk difference instead.
 *   <li>x1 = n1 and x2 = n2: estimate 1 with a finite interval.
 * </ul>
 */
public enum RiskRatioMethod implements StatMethod {
  /**
   * Katz log (Wald) interval: exp( log(RR) -/+ z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2) ). Katz D,
   * Baptista J, Azen SP, Pike MC. Obtaining confidence intervals for the risk ratio in cohort
   * studies. Biometrics 1978;34:469-474 (method "log"). Undefined when x1 = 0 or x2 = 0: throws a
   * {@link StatsException} suggesting {@code koopman} or {@code mn}. When every subject of both
   * arms had the event the variance is 0 and the interval is the point (1, 1), as statsmodels
   * gives.
   */
  KATZ(
      "katz",
      new MethodInfo(
          "Katz log (Wald) interval",
          "exp( log(p1/p2) -/+ z * sqrt( (1-p1)/x1 + (1-p2)/x2 ) ), z = Phi^-1(1 - alpha/2);"
              + " undefined when x1 = 0 or x2 = 0",
          "Katz D, Baptista J, Azen SP, Pike MC. Obtaining confidence intervals for the risk ratio"
              + " in cohort studies. Biometrics 1978;34:469-474",
          "PROC FREQ; TABLES arm*event / RELRISK(CL=WALD);",
          "epitools::riskratio(x, method = \"wald\")",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2,"
              + " compare=\"ratio\", method=\"log\")")) {
    @Override
    Estimate interval(TwoByTwo table, double estimate, double z, double level) {
      return katz(table, estimate, z, level);
    }
  },

  /**
   * Koopman's score interval: all theta with |Z(theta)| &lt;= z, where Z(theta) = (p1 - theta p2) /
   * sqrt( p1~ (1 - p1~) / n1 + theta^2 p2~ (1 - p2~) / n2 ) and (p1~, p2~ = p1~ / theta) is the
   * maximum-likelihood estimate restricted to p1 / p2 = theta. This is Koopman's chi-square
   * interval. Koopman PAR. Confidence intervals for the ratio of two binomial proportions.
   * Biometrics 1984;40:513-517. Equivalent to {@link #MN} without the N/(N-1) factor.
   */
  KOOPMAN(
      "koopman",
      new MethodInfo(
          "Koopman asymptotic score interval",
          "{theta : |p1 - theta*p2| <= z * sqrt( p1~(1-p1~)/n1 + theta^2 p2~(1-p2~)/n2 )},"
              + " p2~ = (-B - sqrt(B^2 - 4AC)) / (2A), A = N theta,"
              + " B = -(n1 theta + x1 + n2 + x2 theta), C = x1 + x2, p1~ = theta p2~",
          "Koopman PAR. Confidence intervals for the ratio of two binomial proportions."
              + " Biometrics 1984;40:513-517; restricted MLE as Miettinen & Nurminen, Stat Med"
              + " 1985;4:213-226",
          "PROC FREQ; TABLES arm*event / RELRISK(CL=SCORE(CORRECT=NO));",
          "PropCIs::riskscoreci(x1, n1, x2, n2, conf.level) (Nam's cubic)",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2,"
              + " compare=\"ratio\", method=\"score\", correction=False)")) {
    @Override
    Estimate interval(TwoByTwo table, double estimate, double z, double level) {
      return score(table, estimate, z, 1.0, level);
    }
  },

  /**
   * Miettinen-Nurminen score interval: as {@link #KOOPMAN} with the variance multiplied by N / (N -
   * 1), N = n1 + n2. Miettinen O, Nurminen M. Comparative analysis of two rates. Statistics in
   * Medicine 1985;4:213-226 (the RR chi-square function with restricted variance estimate);
   * restricted MLE in closed form as Farrington CP, Manning G, Statistics in Medicine
   * 1990;9:1447-1454.
   */
  MN(
      "mn",
      new MethodInfo(
          "Miettinen-Nurminen score interval",
          "{theta : |p1 - theta*p2| <= z * sqrt( (N/(N-1)) * (p1~(1-p1~)/n1"
              + " + theta^2 p2~(1-p2~)/n2) )}, restricted MLE p2~ = (-B - sqrt(B^2 - 4AC)) / (2A),"
              + " A = N theta, B = -(n1 theta + x1 + n2 + x2 theta), C = x1 + x2, p1~ = theta p2~",
          "Miettinen O, Nurminen M. Comparative analysis of two rates. Stat Med 1985;4:213-226;"
              + " Farrington CP, Manning G. Stat Med 1990;9:1447-1454",
          "PROC FREQ; TABLES arm*event / RELRISK(CL=SCORE);",
          "ratesci::scoreci(x1, n1, x2, n2, contrast = \"RR\", skew = FALSE)",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2,"
              + " compare=\"ratio\", method=\"score\", correction=True)")) {
    @Override
    Estimate interval(TwoByTwo table, double estimate, double z, double level) {
      double n = (double) table.n1() + table.n2();
      return score(table, estimate, z, n / (n - 1), level);
    }
  },

  /**
   * Exact unconditional interval with the score statistic (Chan IS, Zhang Z 1999, Biometrics
   * 55:1202-1209, applied to the ratio as SAS {@code EXACT RELRISK} and StatXact do): the two
   * one-sided exact unconditional tests of H0: p1 / p2 = theta inverted at alpha/2 each,
   *
   * <pre>
   *   lower = inf { theta : P_U(theta) &gt; alpha/2 }
   *   upper = sup { theta : P_L(theta) &gt; alpha/2 }
   *   P_U(theta) = sup over p2 of the sum over T(i, j; theta) &gt;= t0
   *                of b(i; n1, theta p2) b(j; n2, p2)
   * </pre>
   *
   * (P_L likewise with T &lt;= t0), T the Koopman score statistic (i/n1 - theta j/n2) / sqrt(p1~
   * q1~ / n1 + theta^2 p2~ q2~ / n2) at the restricted MLE (Koopman PAR 1984, Biometrics
   * 40:513-517), the nuisance p2 over its whole range [0, min(1, 1/theta)]; lower limit 0 when x1 =
   * 0, upper limit +Infinity when x2 = 0. The Berger-Boos restriction (Berger RL, Boos DD 1994,
   * JASA 89:1012-1016) is available through {@link UnconditionalExactInterval#riskRatio} with gamma
   * &gt; 0; this constant uses gamma = 0. See {@link UnconditionalExactInterval}. Size limit: (n1 +
   * 1)(n2 + 1) &lt;= {@value UnconditionalExactInterval#MAX_TABLES} ({@link #maxTables()}).
   */
  EXACT_UNCONDITIONAL(
      "exact-unconditional",
      new MethodInfo(
          "Exact unconditional (score statistic)",
          "lower = inf{theta : sup_p2 P(T >= t0; theta p2, p2) > alpha/2}, upper = sup{theta :"
              + " sup_p2 P(T <= t0; theta p2, p2) > alpha/2}; T = Koopman score statistic for"
              + " H0: p1 / p2 = theta, p2 over its whole range; (n1 + 1)(n2 + 1) <= 1,100,000",
          "Chan IS, Zhang Z (1999) Biometrics 55:1202-1209; Koopman PAR (1984) Biometrics"
              + " 40:513-517",
          "PROC FREQ; TABLES arm*event / RELRISK; EXACT RELRISK;",
          "exact2x2::uncondExact2x2(x2, n2, x1, n1, parmtype = \"ratio\", method = \"score\","
              + " tsmethod = \"central\", conf.int = TRUE) (arms swapped: it estimates its"
              + " p2 / p1; it leaves the table 0/0 out of the sample space)",
          "none")) {
    @Override
    Estimate interval(TwoByTwo table, double estimate, double z, double level) {
      return UnconditionalExactInterval.riskRatio(table, level, 0, id());
    }

    @Override
    public Estimate interval(TwoByTwo table, double level, double bergerBoos) {
      return bergerBoos == 0
          ? interval(table, level)
          : UnconditionalExactInterval.riskRatio(table, level, bergerBoos, id());
    }

    @Override
    public long maxTables() {
      return UnconditionalExactInterval.MAX_TABLES;
    }
  };

  private final String id;
  private final MethodInfo info;

  RiskRatioMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.RR;
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
   * Looks a method up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static RiskRatioMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  /**
   * The point estimate p1 / p2 and the two-sided confidence interval at {@code level}.
   *
   * @param table the two arms' counts (arm 1 = treatment)
   * @param level the confidence level, in (0, 1)
   * @return the estimate and its interval
   * @throws StatsException for an invalid level, when x1 = x2 = 0 (undefined estimate), or for
   *     {@link #KATZ} when x1 = 0 or x2 = 0
   */
  public Estimate interval(TwoByTwo table, double level) {
    double z = ConfidenceLevel.z(level);
    long x1 = table.x1();
    long x2 = table.x2();
    if (x1 == 0 && x2 == 0) {
      throw new StatsException(
          "undefined estimate: no events in either arm (0/"
              + table.n1()
              + " vs 0/"
              + table.n2()
              + "), so the risk ratio is 0/0; report the risk difference instead");
    }
    double p1 = (double) x1 / table.n1();
    double p2 = (double) x2 / table.n2();
    double estimate = p1 / p2;
    return interval(table, estimate, z, level);
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
              + " rr "
              + id);
    }
    return interval(table, level);
  }

  /** This method's interval around the estimate p1 / p2 at z = Phi^-1(1 - alpha/2). */
  abstract Estimate interval(TwoByTwo table, double estimate, double z, double level);

  Estimate katz(TwoByTwo t, double estimate, double z, double level) {
    if (t.x1() == 0 || t.x2() == 0) {
      throw new StatsException(
          "katz: the log risk ratio has no finite variance with zero events in an arm ("
              + t.x1()
              + "/"
              + t.n1()
              + " vs "
              + t.x2()
              + "/"
              + t.n2()
              + "); use koopman or mn (score intervals)");
    }
    double variance =
        (double) (t.n1() - t.x1()) / t.x1() / t.n1() + (double) (t.n2() - t.x2()) / t.x2() / t.n2();
    return LogScaleInterval.wald(Measure.RR, id, estimate, variance, z, level);
  }

  Estimate score(TwoByTwo t, double estimate, double z, double varianceFactor, double level) {
    return LogScaleInterval.score(
        Measure.RR,
        id,
        estimate,
        u -> scoreStatistic(t, u, varianceFactor),
        Math.log(haldaneRatio(t)),
        z,
        t.x1() == 0,
        t.x2() == 0,
        level);
  }

  /** A finite starting value for the root search: the ratio with 0.5 added to the counts. */
  private static double haldaneRatio(TwoByTwo t) {
    return ((t.x1() + 0.5) / (t.n1() + 0.5)) / ((t.x2() + 0.5) / (t.n2() + 0.5));
  }

  /**
   * The score statistic Z(theta) = (p1 - theta p2) / sqrt(V), V = c (p1~ q1~ / n1 + theta^2 p2~ q2~
   * / n2), decreasing in theta = exp(logTheta); c = 1 (Koopman) or N/(N-1) (Miettinen-Nurminen).
   *
   * <p>The restricted MLE (Miettinen &amp; Nurminen 1985, appendix; Farrington &amp; Manning 1990
   * eq. 5) is the smaller root of A p^2 + B p + C = 0 with A = N theta, B = -(n1 theta + x1 + n2 +
   * x2 theta), C = x1 + x2; p1~ = theta p2~. The discriminant is a sum of two non-negative terms
   * (no cancellation), with e1 = n1 - x1, e2 = n2 - x2, E = e1 + e2:
   *
   * <pre>
   *   B = -(theta (n1 + x2) + n2 + x1)
   *   B^2 - 4AC = (theta (n1 + x2) - (n2 + x1))^2 + 4 theta e1 e2
   *             = (u (n1 + x2) + e1 - e2)^2 + 4 theta e1 e2,   u = theta - 1 (from expm1)
   *   q2~ = larger root of A q^2 - (E + u (n1 + 2 n2 - x2)) q + e2 u = 0
   *   q1~ = larger root of N q^2 - (E - u (n1 + x2)) q - e1 u = 0
   *   p1 - theta p2 = ((x1 n2 - x2 n1) - u x2 n1) / (n1 n2) = (x1 n2 - theta x2 n1) / (n1 n2)
   * </pre>
   *
   * The forms in u keep full precision when theta is close to 1 and p~ close to 1 (e.g.
   * 999999999/10^9 vs 10^9/10^9); for theta &lt; 1/2 the same quantities are written in theta (E +
   * u K = theta K - (n2 + x1) with K = n1 + 2 n2 - x2, E - u (n1 + x2) = 2 n1 - x1 + n2 - theta (n1
   * + x2)), because u then carries theta only to an absolute 1e-16: the earlier expansion of the
   * discriminant in powers of u cancelled terms of order E^2 = 10^18 for 0/990144795 vs 7/9, whose
   * 90% upper limit came out 2.458e-9 instead of 3.513e-9.
   *
   * <p>(the equations for q = 1 - p have the same discriminant; the cross product is exact).
   */
  static double scoreStatistic(TwoByTwo t, double logTheta, double varianceFactor) {
    double x1 = t.x1();
    double x2 = t.x2();
    double n1 = t.n1();
    double n2 = t.n2();
    double e1 = n1 - x1;
    double e2 = n2 - x2;
    double nonEvents = e1 + e2;
    double n = n1 + n2;
    double m = x1 + x2;
    double theta = Math.exp(logTheta);
    double u = Math.expm1(logTheta);
    // Each linear form in theta is evaluated as written in theta when theta < 1/2 (where u = theta
    // - 1 carries theta only to an absolute 1e-16, i.e. a relative error 1e-16 / theta) and in u
    // otherwise (where theta carries u only to an absolute 1e-16); the terms that are summed are
    // integers times one of the two.
    boolean small = theta < 0.5;
    double a = n * theta;
    double b = -(theta * (n1 + x2) + (n2 + x1));
    double gapToRoot = small ? theta * (n1 + x2) - (n2 + x1) : u * (n1 + x2) + (e1 - e2);
    double discriminant = gapToRoot * gapToRoot + 4 * theta * e1 * e2;
    double sqrtDiscriminant = Math.sqrt(discriminant);
    double p2 = 2 * m / (-b + sqrtDiscriminant);
    double q2Sum =
        small ? theta * (n1 + 2 * n2 - x2) - (n2 + x1) : nonEvents + u * (n1 + 2 * n2 - x2);
    double q2 = largerRoot(a, q2Sum, e2 * u, sqrtDiscriminant);
    double p1 = theta * p2;
    double q1Sum = small ? (2 * n1 - x1 + n2) - theta * (n1 + x2) : nonEvents - u * (n1 + x2);
    double q1 = largerRoot(n, q1Sum, -e1 * u, sqrtDiscriminant);
    p1 = clamp01(p1);
    p2 = clamp01(p2);
    q1 = clamp01(q1);
    q2 = clamp01(q2);
    double variance = varianceFactor * (p1 * q1 / n1 + theta * theta * p2 * q2 / n2);
    double difference =
        small ? (x1 * n2 - theta * x2 * n1) / n1 / n2 : (crossProduct(t) - u * x2 * n1) / n1 / n2;
    if (variance == 0) {
      return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
    }
    return difference / Math.sqrt(variance);
  }

  /** x1 n2 - x2 n1, exact before the final rounding to double. */
  private static double crossProduct(TwoByTwo t) {
    try {
      return Math.subtractExact(
          Math.multiplyExact(t.x1(), t.n2()), Math.multiplyExact(t.x2(), t.n1()));
    } catch (ArithmeticException overflow) {
      return BigInteger.valueOf(t.x1())
          .multiply(BigInteger.valueOf(t.n2()))
          .subtract(BigInteger.valueOf(t.x2()).multiply(BigInteger.valueOf(t.n1())))
          .doubleValue();
    }
  }

  /**
   * The larger root of a y^2 - s y + c = 0 (a &gt; 0), i.e. (s + sqrt(s^2 - 4ac)) / (2a), given
   * sqrt of the discriminant, in the form without cancellation.
   */
  private static double largerRoot(double a, double s, double c, double sqrtDiscriminant) {
    if (s >= 0) {
      return (s + sqrtDiscriminant) / (2 * a);
    }
    return 2 * c / (s - sqrtDiscriminant);
  }

  private static double clamp01(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
