package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.stats.MethodInfo;

/**
 * The meta-analysis methods for the method catalogue: every effect measure, fixed-effect pooling
 * method, tau^2 estimator, SMD variance form and prediction-interval formula with its formula,
 * reference and the R (metafor) call that gives the same numbers. The switches are exhaustive, so a
 * new constant cannot be added without its entry.
 */
public final class MetaMethods {
  private MetaMethods() {}

  /**
   * One catalogue entry.
   *
   * @param family the option it belongs to: measure, method (fixed), method (random), smd-variance
   *     or prediction
   * @param id the command-line id
   * @param info the documentation
   */
  public record Entry(String family, String id, MethodInfo info) {}

  /**
   * Every meta-analysis method in a fixed order.
   *
   * @return the entries
   */
  public static List<Entry> all() {
    List<Entry> out = new ArrayList<>();
    for (EffectMeasure m : EffectMeasure.values()) {
      out.add(new Entry("measure", m.id(), info(m)));
    }
    for (FixedMethod m : FixedMethod.values()) {
      out.add(new Entry("method (fixed effect)", m.id(), info(m)));
    }
    for (Tau2Estimator m : Tau2Estimator.values()) {
      out.add(new Entry("method (random effects, tau^2)", m.id(), info(m)));
    }
    for (SmdVariance m : SmdVariance.values()) {
      out.add(new Entry("smd-variance", m.id(), info(m)));
    }
    for (PredictionMethod m : PredictionMethod.values()) {
      out.add(new Entry("prediction", m.id(), info(m)));
    }
    for (TrimFillEstimator m : TrimFillEstimator.values()) {
      out.add(new Entry("trimfill", m.id(), info(m)));
    }
    out.add(new Entry("influence", "influence", influenceInfo()));
    out.add(new Entry("adjustment", "hksj", HARTUNG_KNAPP));
    out.add(new Entry("tau^2 interval", "q-profile", Q_PROFILE));
    out.add(new Entry("small-study test", "egger", EGGER));
    out.add(new Entry("small-study test", "begg", BEGG));
    out.add(new Entry("small-study test", "egger rma", EGGER_RMA));
    out.add(new Entry("tau^2 interval", "pl", PROFILE_LIKELIHOOD));
    out.add(new Entry("tau^2 interval", "genq", GENERALISED_Q));
    out.add(new Entry("moderators (--mods)", "meta-regression", META_REGRESSION));
    return List.copyOf(out);
  }

  private static final String NO_SAS = "none (no SAS procedure)";

  private static final MethodInfo HARTUNG_KNAPP =
      new MethodInfo(
          "Hartung-Knapp-Sidik-Jonkman (Knapp-Hartung) adjustment",
          "Var*(mu) = sum w_i (y_i - mu)^2 / ((k - 1) sum w_i); interval mu -/+ t(k-1) sqrt(Var*);"
              + " with fixed- or random-effects weights",
          "Hartung J, Knapp G. Stat Med 2001;20:3875-3889; Sidik K, Jonkman JN. Stat Med"
              + " 2002;21:3153-3159",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = ..., test = \"knha\")",
          "statsmodels.stats.meta_analysis.combine_effects(y, v, use_t=True).summary_frame()"
              + " (rows \"fixed effect wls\", \"random effect wls\")");

  private static final MethodInfo Q_PROFILE =
      new MethodInfo(
          "Q-profile confidence interval for tau^2 (and I^2, H^2 at its limits)",
          "limits solve Q_gen(tau^2) = sum (y_i - mu(tau^2))^2 / (v_i + tau^2) = chi^2 quantiles"
              + " (k - 1 df) at 1 - alpha/2 and alpha/2; 0 when not reached",
          "Viechtbauer W. Confidence intervals for the amount of heterogeneity in meta-analysis."
              + " Stat Med 2007;26:37-52",
          "none (no SAS procedure)",
          "metafor::confint(rma(...))",
          "none");

  private static final MethodInfo EGGER =
      new MethodInfo(
          "Egger's regression test for funnel-plot asymmetry",
          "OLS of y_i / se_i on 1 / se_i; the intercept b0 tested with t = b0 / se(b0) on k - 2 df",
          "Egger M, Davey Smith G, Schneider M, Minder C. BMJ 1997;315:629-634",
          "none (no SAS procedure)",
          "metafor::regtest(rma(yi, vi, method = \"FE\"), model = \"lm\")",
          "none");

  private static final MethodInfo EGGER_RMA =
      new MethodInfo(
          "Egger's test as a meta-regression on the standard error (metafor's default)",
          "y_i = b0 + b1 se_i + u_i + e_i with the analysis' tau^2 method, weights 1/(v_i +"
              + " tau^2); b1 / se(b1) by z (t on k - 2 df under Knapp-Hartung); b0 the limit"
              + " estimate",
          "Egger M et al. BMJ 1997;315:629-634; Viechtbauer W. J Stat Softw 2010;36(3), section"
              + " 3.6",
          "none (no SAS procedure)",
          "metafor::regtest(rma(yi, vi, method = ...))",
          "none");

  private static final MethodInfo PROFILE_LIKELIHOOD =
      new MethodInfo(
          "Profile-likelihood confidence interval for tau^2 (ML, REML)",
          "limits where 2 (l(tau^2 hat) - l(tau^2)) = chi^2(1) quantile at the level, l the"
              + " (restricted) log-likelihood profiled over mu",
          "Hardy RJ, Thompson SG. A likelihood approach to meta-analysis with random effects."
              + " Stat Med 1996;15:619-629",
          "none (no SAS procedure)",
          "metafor::confint(rma(..., method = \"REML\"), type = \"PL\")",
          "none");

  private static final MethodInfo GENERALISED_Q =
      new MethodInfo(
          "Generalised-Q confidence interval for tau^2 (weights 1/SE or 1/variance)",
          "Q_A = y'P_A y, P_A = A - AX(X'AX)^-1X'A, A = diag(a_i), is distributed as sum"
              + " lambda_j(tau^2) chi^2(1), lambda_j the k - p positive eigenvalues of S P_A S, S ="
              + " diag(sqrt(v_i + tau^2)) (Ruben's series, Farebrother's algorithm); limits where"
              + " P(Q_A > Q_obs) = alpha/2 and 1 - alpha/2; 0 when not reached",
          "Jackson D. Confidence intervals for the between-study variance in random effects"
              + " meta-analysis using generalised Cochran heterogeneity statistics. Res Synth"
              + " Methods 2013;4:220-229; Farebrother RW. Appl Stat 1984;33:332-339 (AS 204)",
          "none (no SAS procedure)",
          "metafor::confint(rma(yi, vi, weights = 1/sqrt(vi), method = \"GENQ\"), type ="
              + " \"GENQ\")",
          "none");

  private static final MethodInfo META_REGRESSION =
      new MethodInfo(
          "Meta-regression (fixed- and mixed-effects) with Knapp-Hartung option",
          "y_i = x_i'b + u_i + e_i; b = (X'WX)^-1 X'Wy, W = diag(1/(v_i + tau^2)); residual tau^2"
              + " by FE, DL, HE, SJ, PM, ML or REML; QM omnibus test of the moderators (chi^2, or F"
              + " under Knapp-Hartung), QE residual heterogeneity, pseudo R^2 = (tau^2_0 - tau^2)"
              + " / tau^2_0",
          "Viechtbauer W. J Stat Softw 2010;36(3); Raudenbush SW, in The Handbook of Research"
              + " Synthesis and Meta-Analysis, 2nd ed., 2009, ch. 16; Knapp G, Hartung J. Stat Med"
              + " 2003;22:2693-2710",
          "PROC MIXED with the within-study variances fixed (PARMS / HOLD=)",
          "metafor::rma(yi, vi, mods = ~ x1 + x2, method = ..., test = \"knha\")",
          "statsmodels WLS for the fixed-effects case only");

  private static final MethodInfo BEGG =
      new MethodInfo(
          "Begg and Mazumdar's rank correlation test",
          "Kendall's tau between (y_i - mu_FE) / sqrt(v_i - 1 / sum w) and v_i; exact p without"
              + " ties for small k, else normal approximation with tie correction",
          "Begg CB, Mazumdar M. Biometrics 1994;50:1088-1101",
          "none (no SAS procedure)",
          "metafor::ranktest(rma(yi, vi))",
          "none");
  private static final String NO_PYTHON = "none";

  /**
   * The documentation of an effect measure.
   *
   * @param m the measure
   * @return its entry
   */
  public static MethodInfo info(EffectMeasure m) {
    return switch (m) {
      case RR ->
          new MethodInfo(
              "Risk ratio (log scale)",
              "y = log[(a/n1)/(c/n2)], v = 1/a - 1/n1 + 1/c - 1/n2; 0.5 added to every cell of a"
                  + " table with a zero cell",
              "Katz et al. 1978, Biometrics 34:469-474",
              NO_SAS,
              "metafor::escalc(measure = \"RR\", add = 1/2, to = \"only0\")",
              "statsmodels.stats.meta_analysis.effectsize_2proportions(statistic = \"rr\")");
      case OR ->
          new MethodInfo(
              "Odds ratio (log scale)",
              "y = log(a d / (b c)), v = 1/a + 1/b + 1/c + 1/d",
              "Woolf 1955, Ann Hum Genet" + " 19:251-253",
              NO_SAS,
              "metafor::escalc(measure = \"OR\", add = 1/2, to = \"only0\")",
              "statsmodels.stats.meta_analysis.effectsize_2proportions(statistic = \"or\")");
      case RD ->
          new MethodInfo(
              "Risk difference",
              "y = a/n1 - c/n2, v = a b/n1^3 + c d/n2^3",
              "Hedges & Olkin 1985, ch. 6",
              NO_SAS,
              "metafor::escalc(measure = \"RD\", add = 1/2, to = \"only0\")",
              "statsmodels.stats.meta_analysis.effectsize_2proportions(statistic = \"diff\")");
      case MD ->
          new MethodInfo(
              "Mean difference",
              "y = mean1 - mean2, v = sd1^2/n1 + sd2^2/n2",
              "Deeks & Higgins 2010, Statistical algorithms in Review Manager 5",
              NO_SAS,
              "metafor::escalc(measure = \"MD\")",
              NO_PYTHON);
      case SMD ->
          new MethodInfo(
              "Standardised mean difference (Hedges' g)",
              "g = J(m) (mean1 - mean2)/s_p, m = n1 + n2 - 2, J(m) = Gamma(m/2)/(sqrt(m/2)"
                  + " Gamma((m-1)/2)); variance by --smd-variance",
              "Hedges 1981, J Educ Stat 6:107-128, eq. 6e",
              NO_SAS,
              "metafor::escalc(measure = \"SMD\", vtype = \"LS\" or \"UB\")",
              "statsmodels.stats.meta_analysis.effectsize_smd (approximate J)");
      case COHEN_D ->
          new MethodInfo(
              "Cohen's d",
              "d = (mean1 - mean2)/s_p, v = 1/n1 + 1/n2 + d^2/(2N)",
              "Hedges & Olkin 1985, ch. 5",
              NO_SAS,
              "metafor::escalc(measure = \"SMD\")$yi / J(m) (no direct option)",
              NO_PYTHON);
      case ROM ->
          new MethodInfo(
              "Ratio of means (log scale)",
              "y = log(mean1/mean2), v = sd1^2/(n1 mean1^2) + sd2^2/(n2 mean2^2)",
              "Hedges, Gurevitch & Curtis 1999, Ecology 80:1150-1156",
              NO_SAS,
              "metafor::escalc(measure = \"ROM\")",
              NO_PYTHON);
      case IRR ->
          new MethodInfo(
              "Incidence rate ratio (log scale)",
              "y = log[(x1/t1)/(x2/t2)], v = 1/x1 + 1/x2; 0.5 added to both counts when one is 0",
              "Rothman, Greenland & Lash 2008, Modern Epidemiology, ch. 14",
              NO_SAS,
              "metafor::escalc(measure = \"IRR\", add = 1/2, to = \"only0\")",
              NO_PYTHON);
      case IRD ->
          new MethodInfo(
              "Incidence rate difference",
              "y = x1/t1 - x2/t2, v = x1/t1^2 + x2/t2^2; 0.5 added to both counts when one is 0",
              "Rothman, Greenland & Lash 2008, Modern Epidemiology, ch. 14",
              NO_SAS,
              "metafor::escalc(measure = \"IRD\", add = 1/2, to = \"only0\")",
              NO_PYTHON);
      case GENERIC ->
          new MethodInfo(
              "Generic effect",
              "y and v (or its standard error) as given",
              "Hedges & Olkin 1985, ch. 6",
              NO_SAS,
              "metafor::rma(yi, vi)",
              "statsmodels.stats.meta_analysis.combine_effects(eff, var_eff)");
    };
  }

  /**
   * The documentation of a fixed-effect pooling method.
   *
   * @param m the method
   * @return its entry
   */
  public static MethodInfo info(FixedMethod m) {
    return m.info();
  }

  /**
   * The documentation of a tau^2 estimator.
   *
   * @param m the estimator
   * @return its entry
   */
  public static MethodInfo info(Tau2Estimator m) {
    return m.info();
  }

  /**
   * The documentation of an SMD variance form.
   *
   * @param m the form
   * @return its entry
   */
  public static MethodInfo info(SmdVariance m) {
    return switch (m) {
      case LS ->
          new MethodInfo(
              "Hedges' g, large-sample variance",
              "v = 1/n1 + 1/n2 + g^2/(2N)",
              "Hedges & Olkin 1985, ch. 5, eq. 14",
              NO_SAS,
              "metafor::escalc(measure = \"SMD\", vtype = \"LS\")",
              NO_PYTHON);
      case UB ->
          new MethodInfo(
              "Hedges' g, unbiased variance",
              "v = 1/n1 + 1/n2 + (1 - (m-2)/(m J^2)) g^2",
              "Hedges 1983, Psychol Bull 93:388-395",
              NO_SAS,
              "metafor::escalc(measure = \"SMD\", vtype = \"UB\")",
              NO_PYTHON);
      case REVMAN ->
          new MethodInfo(
              "Hedges' g as Review Manager 5",
              "g = d (1 - 3/(4N - 9)), v = N/(n1 n2) + g^2/(2(N - 3.94))",
              "Deeks & Higgins 2010, Statistical algorithms in Review Manager 5",
              NO_SAS,
              "none (RevMan 5)",
              NO_PYTHON);
    };
  }

  /**
   * The documentation of a prediction-interval formula.
   *
   * @param m the formula
   * @return its entry
   */
  public static MethodInfo info(PredictionMethod m) {
    return switch (m) {
      case HTS ->
          new MethodInfo(
              "Higgins-Thompson-Spiegelhalter prediction interval",
              "mu +/- t(k-2) sqrt(tau^2 + se^2), k >= 3",
              "Higgins, Thompson & Spiegelhalter 2009, J R Stat Soc A 172:137-159, eq. 12",
              NO_SAS,
              "none in metafor (predict() uses z); meta::metagen(prediction = TRUE)",
              NO_PYTHON);
      case METAFOR ->
          new MethodInfo(
              "metafor predict() prediction interval",
              "mu +/- z sqrt(tau^2 + se^2), t(k-1) with Hartung-Knapp",
              "Viechtbauer 2010, J Stat Softw 36(3)",
              NO_SAS,
              "metafor::predict(rma(...))",
              NO_PYTHON);
    };
  }

  /**
   * The documentation of a trim-and-fill estimator.
   *
   * @param m the estimator
   * @return its entry
   */
  public static MethodInfo info(TrimFillEstimator m) {
    String common =
        "; iterate: trim k0 extreme studies, re-pool, re-rank until k0 is stable; fill 2 mu - y_i"
            + " with the same variance and re-pool; side from the sign of the slope of y on"
            + " sqrt(v)";
    return switch (m) {
      case L0 ->
          new MethodInfo(
              "Trim-and-fill, L0 estimator",
              "L0 = (4 T_n - k(k + 1)) / (2k - 1), T_n the Wilcoxon sum of positive signed ranks"
                  + common,
              "Duval & Tweedie 2000, Biometrics 56:455-463",
              "none (no SAS procedure)",
              "metafor::trimfill(rma(...), estimator = \"L0\")",
              NO_PYTHON);
      case R0 ->
          new MethodInfo(
              "Trim-and-fill, R0 estimator",
              "R0 = gamma* - 1, gamma* the length of the rightmost run of positive signed ranks"
                  + common,
              "Duval & Tweedie 2000, Biometrics 56:455-463",
              "none (no SAS procedure)",
              "metafor::trimfill(rma(...), estimator = \"R0\")",
              NO_PYTHON);
    };
  }

  /**
   * The documentation of the influence diagnostics and the Baujat plot.
   *
   * @return the entry
   */
  public static MethodInfo influenceInfo() {
    return new MethodInfo(
        "Influence diagnostics and Baujat plot",
        "case deletion: rstudent (y_i - mu_(-i)) / sqrt(v_i + tau^2_(-i) + Var mu_(-i)), DFFITS,"
            + " Cook's distance (mu - mu_(-i))^2 / Var mu, covariance ratio, tau^2 and Q left"
            + " out, hat w_i / sum w; Baujat x (y_i - mu)^2 / (v_i + tau^2), y (mu_(-i) - mu)^2"
            + " / Var mu_(-i)",
        "Viechtbauer & Cheung 2010, Res Synth Methods 1:112-125; Baujat et al. 2002, Stat Med"
            + " 21:2641-2652",
        "none (no SAS procedure)",
        "metafor::influence(rma(...)); metafor::baujat(rma(...))",
        NO_PYTHON);
  }
}
