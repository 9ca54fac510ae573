package org.trialstats.stats;

import java.util.Arrays;
import java.util.List;
import org.trialstats.stats.StratifiedScore.Weighting;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * Interval methods for a common risk difference, risk ratio or odds ratio over K strata of 2x2
 * tables (arm 1 = treatment): the Mantel-Haenszel estimators, stratified Miettinen-Nurminen score
 * intervals, the stratified Newcombe interval, the summary score estimate and the exact conditional
 * interval for the common odds ratio. The pair ({@link #measure()}, {@link #id()}) is unique; ids
 * are shared with the unstratified methods where the method is the same with one stratum ({@code
 * mn}, {@code newcombe}, {@code exact-conditional}).
 *
 * <p>Strata with an empty arm are dropped by every method ({@link StratifiedTables}); what each
 * method does with strata that have zero cells is said in its description. The note of the returned
 * estimate says how many strata were used when some were left out.
 */
public enum StratifiedMethod implements StatMethod {
  /**
   * Mantel-Haenszel risk difference with Sato's variance; see {@link
   * CochranMantelHaenszel#riskDifference}. Every stratum with both arms is used.
   */
  RD_MH(
      Measure.RD,
      "mh",
      new MethodInfo(
          "Mantel-Haenszel risk difference, Sato variance",
          "RD_MH = sum w d / sum w, w = n1 n2 / N; Var = (RD_MH sum P + sum Q) / (sum w)^2,"
              + " P = (n1^2 c - n2^2 a + n1 n2 (n2 - n1)/2) / N^2, Q = (a d + b c) / (2N);"
              + " RD_MH -/+ z sqrt(Var)",
          "Sato T. Biometrics 1989;45:1323-1324; Mantel N, Haenszel W. J Natl Cancer Inst"
              + " 1959;22:719-748",
          "PROC FREQ; TABLES strata*arm*event / COMMONRISKDIFF(CL=MH)",
          "epiR::epi.2by2(table)$massoc.detail$ARisk.mh.sato (per 100 by default: units = 1)",
          "none")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return CochranMantelHaenszel.riskDifference(tables, level, true, id());
    }
  },

  /** Mantel-Haenszel risk difference with the Greenland-Robins variance. */
  RD_MH_GR(
      Measure.RD,
      "mh-gr",
      new MethodInfo(
          "Mantel-Haenszel risk difference, Greenland-Robins variance",
          "RD_MH = sum w d / sum w, w = n1 n2 / N; Var = sum w^2 (p1 q1 / n1 + p2 q2 / n2)"
              + " / (sum w)^2; RD_MH -/+ z sqrt(Var)",
          "Greenland S, Robins JM. Estimation of a common effect parameter from sparse follow-up"
              + " data. Biometrics 1985;41:55-68",
          "none",
          "epiR::epi.2by2(table)$massoc.detail$ARisk.mh.green (units = 1)",
          "none")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return CochranMantelHaenszel.riskDifference(tables, level, false, id());
    }
  },

  /** Stratified Miettinen-Nurminen score interval for the risk difference, MN weights. */
  RD_MN(Measure.RD, "mn", scoreInfo(Measure.RD, Weighting.MIETTINEN_NURMINEN)) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return score(tables, level, Weighting.MIETTINEN_NURMINEN);
    }
  },

  /** Stratified Miettinen-Nurminen score interval for the risk difference, IV weights. */
  RD_MN_IV(Measure.RD, "mn-iv", scoreInfo(Measure.RD, Weighting.INVERSE_VARIANCE)) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return score(tables, level, Weighting.INVERSE_VARIANCE);
    }
  },

  /** Stratified Newcombe (Yan and Su 2010) with CMH weights; see {@link StratifiedNewcombe}. */
  RD_NEWCOMBE(
      Measure.RD,
      "newcombe",
      new MethodInfo(
          "Stratified Newcombe (Yan-Su), CMH weights",
          "w = n1 n2 / N normalised; stratified Wilson limits L_i, U_i per arm at the adjusted"
              + " quantile z sqrt(sum w^2 v_i) / sum w sqrt(v_i), v = p q / n; lambda_i = sum w^2"
              + " / n_i; d -/+ z sqrt(lambda_1 L_1 (1 - L_1) + lambda_2 U_2 (1 - U_2)) (mirrored"
              + " for the upper limit)",
          "Yan X, Su XG. Stratified Wilson and Newcombe confidence intervals for multiple binomial"
              + " proportions. Stat Biopharm Res 2010;2:329-335",
          "PROC FREQ; TABLES strata*arm*event / COMMONRISKDIFF(CL=NEWCOMBE)",
          "tern::prop_diff_strat_nc(rsp, grp, strata, weights_method = \"cmh\")",
          "none")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      List<Stratum> strata = tables.informative();
      return StratifiedNewcombe.interval(
          strata, StratifiedNewcombe.cmhWeights(strata), level, id());
    }
  },

  /** Stratified Newcombe with tern's Wilson-heuristic weights. */
  RD_NEWCOMBE_WILSON(
      Measure.RD,
      "newcombe-wilson",
      new MethodInfo(
          "Stratified Newcombe (Yan-Su), Wilson-heuristic weights",
          "as newcombe, with weights from tern's heuristic: w proportional to (1 + z'^2/n)^2 /"
              + " (v + z'^2 / (4 n^2)) on the pooled stratum proportions, iterated from equal"
              + " weights (at most 10 times, until the weights change by < 0.001)",
          "Yan X, Su XG. Stat Biopharm Res 2010;2:329-335; R package tern, prop_strat_wilson",
          "none",
          "tern::prop_diff_strat_nc(rsp, grp, strata, weights_method = \"wilson_h\")",
          "none")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      List<Stratum> strata = tables.informative();
      double[] weights =
          StratifiedNewcombe.wilsonHeuristicWeights(strata, ConfidenceLevel.z(level));
      return StratifiedNewcombe.interval(strata, weights, level, id());
    }
  },

  /**
   * Summary score estimate (Agresti 2013, p. 231; PROC FREQ COMMONRISKDIFF(CL=SCORE)): with the
   * Miettinen-Nurminen interval (L_h, U_h) of each stratum, midpoint m_h = (L_h + U_h) / 2 and s_h
   * = (U_h - L_h) / (2 z), the estimate is sum m_h / s_h^2 / sum 1 / s_h^2 with variance 1 / sum 1
   * / s_h^2 and the Wald interval on it. With one stratum it is the MN interval (and its midpoint
   * as the estimate).
   */
  RD_SUMMARY_SCORE(
      Measure.RD,
      "summary-score",
      new MethodInfo(
          "Summary score estimate",
          "m_h, s_h = midpoint and half-width / z of the stratum MN interval; estimate ="
              + " sum (m / s^2) / sum (1 / s^2); estimate -/+ z / sqrt(sum 1 / s^2)",
          "Agresti A. Categorical Data Analysis, 3rd ed. Wiley 2013, p. 231",
          "PROC FREQ; TABLES strata*arm*event / COMMONRISKDIFF(CL=SCORE)",
          "none",
          "none")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      double z = ConfidenceLevel.z(level);
      double precision = 0;
      double weighted = 0;
      for (Stratum s : tables.informative()) {
        Estimate mn = RiskDifferenceMethod.MN.interval(s.table(), level);
        double spread = (mn.upper() - mn.lower()) / (2 * z);
        double w = 1 / (spread * spread);
        precision += w;
        weighted += w * 0.5 * (mn.lower() + mn.upper());
      }
      double estimate = weighted / precision;
      double halfWidth = z / Math.sqrt(precision);
      return Estimate.interval(
          Measure.RD,
          id(),
          estimate,
          Math.max(-1, estimate - halfWidth),
          Math.min(1, estimate + halfWidth),
          level);
    }
  },

  /** Mantel-Haenszel risk ratio with the Greenland-Robins variance. */
  RR_MH(
      Measure.RR,
      "mh",
      new MethodInfo(
          "Mantel-Haenszel risk ratio, Greenland-Robins variance",
          "RR_MH = sum a n2 / N / sum c n1 / N; Var(log RR_MH) = sum (n1 n2 m / N^2 - a c / N)"
              + " / (sum a n2 / N * sum c n1 / N); exp(log RR_MH -/+ z sqrt(Var))",
          "Greenland S, Robins JM. Biometrics 1985;41:55-68, equation 13",
          "PROC FREQ; TABLES strata*arm*event / CMH; (Mantel-Haenszel relative risk, column 1)",
          "epiR::epi.2by2(table)$massoc.detail$RR.mh.wald",
          "statsmodels.stats.contingency_tables.StratifiedTable (odds ratio only)")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return CochranMantelHaenszel.riskRatio(tables, level, id());
    }
  },

  /** Stratified Miettinen-Nurminen score interval for the risk ratio, MN weights. */
  RR_MN(Measure.RR, "mn", scoreInfo(Measure.RR, Weighting.MIETTINEN_NURMINEN)) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return score(tables, level, Weighting.MIETTINEN_NURMINEN);
    }
  },

  /** Stratified Miettinen-Nurminen score interval for the risk ratio, IV weights. */
  RR_MN_IV(Measure.RR, "mn-iv", scoreInfo(Measure.RR, Weighting.INVERSE_VARIANCE)) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return score(tables, level, Weighting.INVERSE_VARIANCE);
    }
  },

  /** Mantel-Haenszel odds ratio with the Robins-Breslow-Greenland variance. */
  OR_MH(
      Measure.OR,
      "mh",
      new MethodInfo(
          "Mantel-Haenszel odds ratio, Robins-Breslow-Greenland variance",
          "OR_MH = sum a d / N / sum b c / N; Var(log OR_MH) = sum P R / (2 (sum R)^2) + sum (P S"
              + " + Q R) / (2 sum R sum S) + sum Q S / (2 (sum S)^2), R = a d / N, S = b c / N,"
              + " P = (a + d) / N, Q = (b + c) / N; exp(log OR_MH -/+ z sqrt(Var))",
          "Robins J, Breslow N, Greenland S. Biometrics 1986;42:311-323, equation 11",
          "PROC FREQ; TABLES strata*arm*event / CMH; (Mantel-Haenszel odds ratio)",
          "mantelhaen.test(x, correct = FALSE)$estimate, $conf.int",
          "statsmodels.stats.contingency_tables.StratifiedTable(tables).oddsratio_pooled,"
              + " .oddsratio_pooled_confint()")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return CochranMantelHaenszel.oddsRatio(tables, level, id());
    }
  },

  /** Stratified Miettinen-Nurminen score interval for the odds ratio, MN weights. */
  OR_MN(Measure.OR, "mn", scoreInfo(Measure.OR, Weighting.MIETTINEN_NURMINEN)) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return score(tables, level, Weighting.MIETTINEN_NURMINEN);
    }
  },

  /** Stratified Miettinen-Nurminen score interval for the odds ratio, IV weights. */
  OR_MN_IV(Measure.OR, "mn-iv", scoreInfo(Measure.OR, Weighting.INVERSE_VARIANCE)) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      return score(tables, level, Weighting.INVERSE_VARIANCE);
    }
  },

  /**
   * Exact conditional interval and conditional MLE of the common odds ratio; see {@link
   * StratifiedConditionalDistribution}. Strata with no events or no non-events have a degenerate
   * conditional distribution and change nothing; they are kept.
   */
  OR_EXACT_CONDITIONAL(
      Measure.OR,
      "exact-conditional",
      new MethodInfo(
          "Exact conditional interval for the common odds ratio, conditional MLE",
          "T = sum x1 given all margins ~ convolution of noncentral hypergeometrics with common"
              + " psi; lower: P(T >= t; psi) = alpha/2; upper: P(T <= t; psi) = alpha/2;"
              + " estimate: E[T; psi] = t",
          "Gart JJ. Biometrika 1970;57:471-475; Mehta CR, Patel NR, Gray R. J Am Stat Assoc"
              + " 1985;80:969-973",
          "PROC FREQ; TABLES strata*arm*event / CMH; EXACT COMOR;",
          "mantelhaen.test(x, exact = TRUE)$conf.int, $estimate (uniroot tolerance only)",
          "none")) {
    @Override
    Estimate compute(StratifiedTables tables, double level) {
      List<Stratum> strata = tables.informative();
      long t = 0;
      double a = 0.5;
      double b = 0.5;
      double c = 0.5;
      double d = 0.5;
      for (Stratum s : strata) {
        t += s.x1();
        a += s.x1();
        b += s.n1() - s.x1();
        c += s.x2();
        d += s.n2() - s.x2();
      }
      long events = strata.stream().mapToLong(Stratum::events).sum();
      long nonEvents = strata.stream().mapToLong(s -> s.total() - s.events()).sum();
      if (events == 0 || nonEvents == 0) {
        throw new StatsException(
            "undefined estimate: no stratum has both events and"
                + " non-events, so the common odds ratio is 0/0");
      }
      return new StratifiedConditionalDistribution(strata)
          .interval(t, level, id(), Math.log((a / b) / (c / d)));
    }
  };

  private final Measure measure;
  private final String id;
  private final MethodInfo info;

  StratifiedMethod(Measure measure, String id, MethodInfo info) {
    this.measure = measure;
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return measure;
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
   * The stratified methods of one measure, in declaration order.
   *
   * @param measure RD, RR or OR
   * @return the methods (empty for other measures)
   */
  public static List<StratifiedMethod> forMeasure(Measure measure) {
    return Arrays.stream(values()).filter(m -> m.measure == measure).toList();
  }

  /**
   * Looks a method up by measure and id (case-insensitive).
   *
   * @param measure RD, RR or OR
   * @param id the method id
   * @return the method
   * @throws StatsException naming the valid ids when there is no such method
   */
  public static StratifiedMethod find(Measure measure, String id) {
    List<StratifiedMethod> methods = forMeasure(measure);
    if (methods.isEmpty()) {
      throw new StatsException(
          "no stratified methods for measure '" + measure.id() + "'; expected rd, rr or or");
    }
    return StatMethod.byId(methods, id);
  }

  /**
   * The common estimate over the strata with this method's two-sided interval.
   *
   * @param tables the strata
   * @param level confidence level in (0, 1)
   * @return the estimate; its note says how many strata were used when some were left out
   * @throws StatsException for an invalid level or when the estimate is undefined
   */
  public Estimate interval(StratifiedTables tables, double level) {
    ConfidenceLevel.check(level);
    Estimate estimate = compute(tables, level);
    int dropped = tables.droppedEmptyArm();
    return dropped == 0
        ? estimate
        : estimate.withNote(
            dropped
                + " of "
                + tables.strata().size()
                + " strata have an empty arm and were left out");
  }

  abstract Estimate compute(StratifiedTables tables, double level);

  Estimate score(StratifiedTables tables, double level, Weighting weighting) {
    return new StratifiedScore(tables, measure, weighting).interval(level, id);
  }

  private static MethodInfo scoreInfo(Measure measure, Weighting weighting) {
    boolean mn = weighting == Weighting.MIETTINEN_NURMINEN;
    String score =
        switch (measure) {
          case RD -> "S = d - delta, V = lambda (p1~ q1~ / n1 + p2~ q2~ / n2)";
          case RR -> "S = p1 - theta p2, V = lambda (p1~ q1~ / n1 + theta^2 p2~ q2~ / n2)";
          default -> "S = (x1 - n1 p1~) I, V = lambda I, I = 1/(n1 p1~ q1~) + 1/(n2 p2~ q2~)";
        };
    String weights =
        !mn
            ? "w = 1 / V_h(theta)"
            : switch (measure) {
              case RD ->
                  "w = 1 / ((p1s q1s / (p2s q2s)) / n1 + 1 / n2), p_is = weighted mean of"
                      + " p_i~, iterated from n1 n2 / N";
              case RR -> "w = 1 / ((q1s / q2s) / n1 + theta / n2), iterated";
              default -> "w = n1 n2 (q1~ p2~)^2 / (n1 p1~ q1~ + n2 p2~ q2~)";
            };
    String ratesci =
        "ratesci::scoreci(x1, n1, x2, n2, contrast = \""
            + measure.id().toUpperCase(java.util.Locale.ROOT)
            + "\", stratified = TRUE, skew = FALSE, weighting = \""
            + (mn ? "MN" : "IVS")
            + "\""
            + (measure == Measure.RR ? ", rr_tang = FALSE" : "")
            + (measure == Measure.OR ? ", or_bias = FALSE" : "")
            + ")";
    return new MethodInfo(
        "Stratified Miettinen-Nurminen score, " + (mn ? "MN" : "inverse-variance") + " weights",
        "{theta : |Z(theta)| <= z}, Z = sum w S / sum w / sqrt(sum (w / sum w)^2 V), "
            + score
            + ", p~ restricted MLE per stratum, lambda = N/(N-1); "
            + weights
            + "; estimate: Z = 0",
        "Miettinen O, Nurminen M. Stat Med 1985;4:213-226 (stratified analysis); Laud PJ."
            + " Pharm Stat 2017;16:334-348",
        measure == Measure.RD && mn
            ? "PROC FREQ (SAS Viya); TABLES strata*arm*event / COMMONRISKDIFF(CL=MN)"
            : "none (the %SCORECI macro of ratesci-sas)",
        ratesci,
        "none");
  }
}
