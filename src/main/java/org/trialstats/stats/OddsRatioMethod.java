package org.trialstats.stats;

import org.trialstats.numerics.MonotoneRoot;

/**
 * Confidence intervals for the odds ratio OR = (p1 / (1 - p1)) / (p2 / (1 - p2)) of two independent
 * binomial samples (arm 1 = treatment, arm 2 = control). With cells a = x1, b = n1 - x1, c = x2, d
 * = n2 - x2 the sample odds ratio is a d / (b c).
 *
 * <p>Boundary conventions, shared by all methods except {@link #WOOLF_HALDANE} (whose corrected
 * table has no zero cell):
 *
 * <ul>
 *   <li>a = 0 or d = 0 (x1 = 0 or x2 = n2), not both margins degenerate: estimate 0, lower limit 0
 *       (score and exact methods).
 *   <li>b = 0 or c = 0 (x1 = n1 or x2 = 0): estimate +Infinity, upper limit +Infinity.
 *   <li>no events in either arm, or events in every subject of both arms: the estimate is 0/0 and
 *       every method except woolf-haldane throws a {@link StatsException} ("undefined estimate",
 *       "the table is uninformative"); woolf-haldane returns the corrected table's values with a
 *       note saying that they come from the correction alone. The conditional distribution is then
 *       concentrated on one point, so the exact methods carry no information either (R's
 *       fisher.test reports (0, Inf)).
 * </ul>
 */
public enum OddsRatioMethod implements StatMethod {
  /**
   * Woolf's logit (Wald) interval: exp( log(OR) -/+ z sqrt(1/a + 1/b + 1/c + 1/d) ). Woolf B. On
   * estimating the relation between blood group and disease. Ann Hum Genet 1955;19:251-253.
   * Undefined with a zero cell: throws a {@link StatsException} suggesting woolf-haldane or a
   * score/exact method.
   */
  WOOLF(
      "woolf",
      new MethodInfo(
          "Woolf logit (Wald) interval",
          "exp( log(ad/(bc)) -/+ z * sqrt(1/a + 1/b + 1/c + 1/d) ); undefined with a zero cell",
          "Woolf B. On estimating the relation between blood group and disease."
              + " Ann Hum Genet 1955;19:251-253",
          "PROC FREQ; TABLES arm*event / OR(CL=WALD);",
          "epitools::oddsratio(x, method = \"wald\")",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2,"
              + " compare=\"odds-ratio\", method=\"logit\")")) {
    @Override
    Estimate interval(TwoByTwo table, double z, double level) {
      requireDefinedEstimate(table);
      if (table.x1() == 0
          || table.x1() == table.n1()
          || table.x2() == 0
          || table.x2() == table.n2()) {
        throw new StatsException(
            "woolf: a zero cell ("
                + table.x1()
                + "/"
                + table.n1()
                + " vs "
                + table.x2()
                + "/"
                + table.n2()
                + ") makes the log odds ratio infinite; use woolf-haldane,"
                + " mn (score) or exact-conditional");
      }
      return woolf(
          table.x1(), table.n1() - table.x1(), table.x2(), table.n2() - table.x2(), z, level);
    }
  },

  /**
   * Woolf's interval after adding 0.5 to every cell of every table (Haldane 1956; Gart 1966):
   * estimate (a+.5)(d+.5) / ((b+.5)(c+.5)) and limits exp( log(estimate) -/+ z sqrt(sum 1/(cell +
   * 0.5)) ). The estimate is that of the corrected table, as in the shared reference file.
   */
  WOOLF_HALDANE(
      "woolf-haldane",
      new MethodInfo(
          "Woolf logit interval with 0.5 added to every cell (Haldane-Anscombe)",
          "OR~ = (a+.5)(d+.5) / ((b+.5)(c+.5)); exp( log(OR~) -/+ z * sqrt( 1/(a+.5) + 1/(b+.5)"
              + " + 1/(c+.5) + 1/(d+.5) ) ); correction applied to every table",
          "Haldane JBS. The estimation and significance of the logarithm of a ratio of"
              + " frequencies. Ann Hum Genet 1956;20:309-311; Gart JJ. Biometrika 1966;53:471-475",
          "none (PROC FREQ OR(CL=WALD) adds 0.5 only to tables with a zero cell)",
          "none",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2,"
              + " compare=\"odds-ratio\", method=\"logit-adjusted\")")) {
    @Override
    Estimate interval(TwoByTwo table, double z, double level) {
      Estimate corrected =
          woolf(
              table.x1() + 0.5,
              table.n1() - table.x1() + 0.5,
              table.x2() + 0.5,
              table.n2() - table.x2() + 0.5,
              z,
              level);
      // Defined (statsmodels computes it too) but set by the 0.5 alone: the reader must know.
      return uninformative(table)
          ? corrected.withNote(
              "uninformative table: the estimate and limits come from the 0.5 added to every"
                  + " cell, not from the data")
          : corrected;
    }
  },

  /**
   * Miettinen-Nurminen score interval: all psi with |Z(psi)| &lt;= z, Z(psi) = (a - n1 p1~) sqrt(
   * (N-1)/N * (1/(n1 p1~ q1~) + 1/(n2 p2~ q2~)) ), where p~ is the maximum-likelihood estimate
   * restricted to odds ratio psi: p2~ solves n2 (psi-1) p^2 + (n1 psi + n2 - m (psi-1)) p - m = 0
   * (m = x1 + x2) and p1~ = psi p2~ / (1 + p2~ (psi-1)). Miettinen O, Nurminen M. Comparative
   * analysis of two rates. Statistics in Medicine 1985;4:213-226 (OR section; the chi-square
   * function of Cornfield with restricted variance and factor N/(N-1)).
   */
  MN(
      "mn",
      new MethodInfo(
          "Miettinen-Nurminen score interval",
          "{psi : (a - n1 p1~)^2 * (1/(n1 p1~ q1~) + 1/(n2 p2~ q2~)) * (N-1)/N <= z^2},"
              + " p2~ root of n2(psi-1)p^2 + (n1 psi + n2 - m(psi-1))p - m = 0,"
              + " p1~ = psi p2~ / (1 + p2~(psi-1))",
          "Miettinen O, Nurminen M. Comparative analysis of two rates. Stat Med 1985;4:213-226",
          "PROC FREQ; TABLES arm*event / OR(CL=SCORE);",
          "contingencytables::MiettinenNurminen_asymptotic_score_CI_OR_2x2",
          "statsmodels.stats.proportion.confint_proportions_2indep(x1, n1, x2, n2,"
              + " compare=\"odds-ratio\", method=\"score\", correction=True)")) {
    @Override
    Estimate interval(TwoByTwo table, double z, double level) {
      requireDefinedEstimate(table);
      return score(table, z, level);
    }
  },

  /**
   * Cornfield's exact conditional interval with the conditional maximum-likelihood estimate. Given
   * the margins, x1 follows Fisher's noncentral hypergeometric distribution with parameter psi; the
   * lower limit solves P(X &gt;= x1; psi) = alpha/2, the upper P(X &lt;= x1; psi) = alpha/2, and
   * the estimate solves E[X; psi] = x1. Cornfield J. A statistical problem arising from
   * retrospective studies. Proc Third Berkeley Symp 1956;4:135-148. As R's {@code fisher.test}
   * (which solves to about 1e-4 only) and SciPy's {@code odds_ratio(kind="conditional")}.
   */
  EXACT_CONDITIONAL(
      "exact-conditional",
      new MethodInfo(
          "Exact conditional (Cornfield) interval, conditional MLE",
          "lower: P(X >= x1; psi) = alpha/2; upper: P(X <= x1; psi) = alpha/2; estimate:"
              + " E[X; psi] = x1; X ~ Fisher noncentral hypergeometric(n1, n2, x1 + x2; psi)",
          "Cornfield J. A statistical problem arising from retrospective studies. Proc Third"
              + " Berkeley Symp Math Stat Prob 1956;4:135-148",
          "PROC FREQ; TABLES arm*event; EXACT OR; (limits; SAS reports the sample odds ratio)",
          "fisher.test(x)$conf.int, $estimate (root-finding tolerance about 1e-4)",
          "scipy.stats.contingency.odds_ratio(table, kind=\"conditional\")"
              + ".confidence_interval(confidence_level)")) {
    @Override
    Estimate interval(TwoByTwo table, double z, double level) {
      requireDefinedEstimate(table);
      return conditional(table, level, 1.0);
    }
  },

  /**
   * Conditional mid-p interval: as {@link #EXACT_CONDITIONAL} with half the probability of the
   * observed x1 in each tail: lower solves P(X &gt; x1) + P(X = x1)/2 = alpha/2, upper solves P(X
   * &lt; x1) + P(X = x1)/2 = alpha/2; estimate = conditional MLE. Mehta CR, Walsh SJ. Comparison of
   * exact, mid-p, and Mantel-Haenszel confidence intervals for the common odds ratio across several
   * 2x2 contingency tables. Am Stat 1992;46:146-150; Rothman KJ, Greenland S, Modern Epidemiology.
   * As the level goes to 0 the interval shrinks to the mid-p median-unbiased estimate, not to the
   * conditional MLE, so at low levels (below about 0.5) it need not contain the reported estimate.
   */
  MID_P(
      "mid-p",
      new MethodInfo(
          "Conditional mid-p interval, conditional MLE",
          "lower: P(X > x1; psi) + P(X = x1; psi)/2 = alpha/2; upper: P(X < x1; psi)"
              + " + P(X = x1; psi)/2 = alpha/2; estimate: E[X; psi] = x1",
          "Mehta CR, Walsh SJ. Am Stat 1992;46:146-150; Lancaster HO. J Am Stat Assoc"
              + " 1961;56:223-234 (mid-p)",
          "PROC FREQ; TABLES arm*event / OR(CL=MIDP);",
          "epitools::or.midp(x) (root-finding tolerance about 1e-4)",
          "none (scipy.stats.nchypergeom_fisher with scipy.optimize.brentq)")) {
    @Override
    Estimate interval(TwoByTwo table, double z, double level) {
      requireDefinedEstimate(table);
      return conditional(table, level, 0.5);
    }
  };

  private final String id;
  private final MethodInfo info;

  OddsRatioMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.OR;
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
  public static OddsRatioMethod fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  /**
   * The point estimate and the two-sided confidence interval at {@code level}.
   *
   * @param table the two arms' counts
   * @param level the confidence level, in (0, 1)
   * @return the estimate and its interval
   * @throws StatsException for an invalid level, for an undefined estimate (no events in either
   *     arm, or events in every subject of both arms; all methods but woolf-haldane), or for {@link
   *     #WOOLF} with a zero cell
   */
  public Estimate interval(TwoByTwo table, double level) {
    return interval(table, ConfidenceLevel.z(level), level);
  }

  /**
   * This method's estimate and interval at z = Phi^-1(1 - alpha/2), for a valid level; each method
   * rejects the tables its formula cannot handle.
   */
  abstract Estimate interval(TwoByTwo table, double z, double level);

  /** No events in either arm, or events in every subject of both: no information on the OR. */
  private static boolean uninformative(TwoByTwo t) {
    return (t.x1() == 0 && t.x2() == 0) || (t.x1() == t.n1() && t.x2() == t.n2());
  }

  private static void requireDefinedEstimate(TwoByTwo t) {
    if (uninformative(t)) {
      throw new StatsException(
          "undefined estimate: "
              + (t.x1() == 0
                  ? "no events in either arm"
                  : "every subject in both arms had the event")
              + " ("
              + t.x1()
              + "/"
              + t.n1()
              + " vs "
              + t.x2()
              + "/"
              + t.n2()
              + "): the table is uninformative about the odds ratio (0/0), whatever the method;"
              + " report the two proportions or the risk difference");
    }
  }

  /** The sample odds ratio a d / (b c): 0 or +Infinity at the boundaries (never 0/0 here). */
  private static double sampleOddsRatio(TwoByTwo t) {
    double a = t.x1();
    double b = t.n1() - t.x1();
    double c = t.x2();
    double d = t.n2() - t.x2();
    if (a == 0 || d == 0) {
      return 0;
    }
    if (b == 0 || c == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return (a / b) * (d / c);
  }

  Estimate woolf(double a, double b, double c, double d, double z, double level) {
    double estimate = (a / b) * (d / c);
    return LogScaleInterval.wald(Measure.OR, id, estimate, 1 / a + 1 / b + 1 / c + 1 / d, z, level);
  }

  Estimate score(TwoByTwo t, double z, double level) {
    double n = (double) t.n1() + t.n2();
    double varianceFactor = n / (n - 1);
    double estimate = sampleOddsRatio(t);
    double start =
        Math.log(
            ((t.x1() + 0.5) / (t.n1() - t.x1() + 0.5))
                / ((t.x2() + 0.5) / (t.n2() - t.x2() + 0.5)));
    boolean lowerIsZero = t.x1() == 0 || t.x2() == t.n2();
    boolean upperIsInfinite = t.x1() == t.n1() || t.x2() == 0;
    return LogScaleInterval.score(
        Measure.OR,
        id,
        estimate,
        u -> scoreStatistic(t, u, varianceFactor),
        start,
        z,
        lowerIsZero,
        upperIsInfinite,
        level);
  }

  /**
   * The Miettinen-Nurminen score statistic for H0: log OR = logPsi, decreasing in logPsi: Z = (a -
   * n1 p1~) sqrt( (1/(n1 p1~ q1~) + 1/(n2 p2~ q2~)) / c ), c = N/(N-1).
   */
  static double scoreStatistic(TwoByTwo t, double logPsi, double varianceFactor) {
    long m = t.x1() + t.x2();
    long nonEvents = t.n1() + t.n2() - m;
    double psi = Math.exp(logPsi);
    // p2~ from the events, q2~ from the non-events (odds ratio 1/psi): both keep full precision.
    double p2 = restrictedArm2Probability(t.n1(), t.n2(), m, psi, logPsi);
    double q2 = restrictedArm2Probability(t.n1(), t.n2(), nonEvents, 1 / psi, -logPsi);
    double denominator = q2 + psi * p2;
    double p1 = psi * p2 / denominator;
    double q1 = q2 / denominator;
    double deviation = deviation(t, p1, q1, p2, q2);
    if (p1 == 0 || q1 == 0 || p2 == 0 || q2 == 0) {
      return Math.copySign(Double.POSITIVE_INFINITY, deviation);
    }
    double information = 1 / (t.n1() * p1 * q1) + 1 / (t.n2() * p2 * q2);
    return deviation * Math.sqrt(information / varianceFactor);
  }

  /**
   * x1 - n1 p1~, which equals n1 q1~ - (n1 - x1), n2 p2~ - x2 and (n2 - x2) - n2 q2~ because the
   * restricted estimates reproduce the event margin; the form with the smallest terms is used, so
   * that the difference does not cancel when the table is close to a boundary.
   */
  private static double deviation(TwoByTwo t, double p1, double q1, double p2, double q2) {
    double[][] forms = {
      {t.x1(), t.n1() * p1},
      {t.n1() * q1, t.n1() - t.x1()},
      {t.n2() * p2, t.x2()},
      {t.n2() - t.x2(), t.n2() * q2}
    };
    double[] best = forms[0];
    for (double[] form : forms) {
      if (Math.max(form[0], form[1]) < Math.max(best[0], best[1])) {
        best = form;
      }
    }
    return best[0] - best[1];
  }

  /**
   * The root in [0, 1] of n2 (psi-1) p^2 + (n1 psi + n2 - m (psi-1)) p - m = 0: the probability of
   * an event in arm 2 under the maximum-likelihood estimate restricted to odds ratio psi, when m
   * events are observed in total (Miettinen &amp; Nurminen 1985). With b the linear coefficient,
   * the discriminant is written as a sum of non-negative terms,
   *
   * <pre>
   *   b^2 + 4 n2 (psi - 1) m = (n2 - m)^2 + 2 psi (n1 n2 + m (N - m)) + (n1 - m)^2 psi^2,
   * </pre>
   *
   * because b^2 and 4 n2 (psi - 1) m cancel when psi is small and m is close to n2 (the 90% upper
   * limit of 0/990144795 vs 7/9 and the lower limit of the swapped table differed by 3.4e-8
   * relative that way, up to 1e-7 for other tables with very unequal arms); b = N + (n1 - m)(psi -
   * 1) = (n1 - m) psi + n2 + m is evaluated in the second form for psi &lt; 1, where psi - 1
   * carries psi only to an absolute 1e-16. Both algebraic forms of the root are used, each where it
   * does not cancel.
   */
  static double restrictedArm2Probability(long n1, long n2, long m, double psi, double logPsi) {
    if (m == 0) {
      return 0;
    }
    double psiMinusOne = Math.expm1(logPsi);
    double a = n2 * psiMinusOne;
    double excess = (double) (n1 - m);
    double b =
        psi < 1 ? excess * psi + (double) (n2 + m) : (double) (n1 + n2) + excess * psiMinusOne;
    double difference = (double) (n2 - m);
    double cross = (double) n1 * n2 + (double) m * (double) (n1 + n2 - m);
    double discriminant = difference * difference + 2 * psi * cross + excess * excess * psi * psi;
    double sqrtDiscriminant = Math.sqrt(discriminant);
    double p;
    if (b >= 0) {
      p = 2.0 * m / (b + sqrtDiscriminant);
    } else {
      p = (-b + sqrtDiscriminant) / (2 * a);
    }
    return Math.max(0, Math.min(1, p));
  }

  Estimate conditional(TwoByTwo t, double level, double weight) {
    ConditionalOddsRatioDistribution distribution = ConditionalOddsRatioDistribution.of(t);
    long x = t.x1();
    long lo = distribution.supportMin();
    long hi = distribution.supportMax();
    double logHalfAlpha = Math.log((1 - level) / 2);
    double estimate;
    double logStart;
    if (x == lo) {
      estimate = 0;
      logStart =
          Math.log(((x + 0.5) / (t.n1() - x + 0.5)) / ((t.x2() + 0.5) / (t.n2() - t.x2() + 0.5)));
    } else if (x == hi) {
      estimate = Double.POSITIVE_INFINITY;
      logStart =
          Math.log(((x + 0.5) / (t.n1() - x + 0.5)) / ((t.x2() + 0.5) / (t.n2() - t.x2() + 0.5)));
    } else {
      logStart =
          MonotoneRoot.solve(
              u -> distribution.at(u).mean() - x, Math.log(sampleOddsRatio(t)), true);
      estimate = Math.exp(logStart);
    }
    double lower =
        x == lo
            ? 0
            : Math.exp(
                MonotoneRoot.solve(
                    u -> distribution.at(u).logUpperTail(x, weight) - logHalfAlpha,
                    logStart,
                    true));
    double upper =
        x == hi
            ? Double.POSITIVE_INFINITY
            : Math.exp(
                MonotoneRoot.solve(
                    u -> distribution.at(u).logLowerTail(x, weight) - logHalfAlpha,
                    logStart,
                    false));
    return Estimate.interval(Measure.OR, id, estimate, lower, upper, level);
  }
}
