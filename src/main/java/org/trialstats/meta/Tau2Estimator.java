package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatsException;

/**
 * Estimators of the between-study variance tau^2 of the random-effects model. Notation: y_i, v_i (i
 * = 1..k) the study estimates and their sampling variances, w_i = 1/v_i, mu_w the weighted mean, Q
 * = sum w_i (y_i - mu_w)^2. All estimates are truncated at 0.
 */
public enum Tau2Estimator implements Identified {
  /**
   * DerSimonian-Laird method of moments: tau^2 = max(0, (Q - (k - 1)) / (sum w_i - sum w_i^2 / sum
   * w_i)) (DerSimonian &amp; Laird 1986, Controlled Clinical Trials 7:177-188, eq. 8). With
   * moderators: max(0, (y'P_0 y - (k - p)) / tr P_0), P_0 = W - W X (X'WX)^-1 X'W at w_i = 1/v_i
   * (Raudenbush 2009, eq. 16.32).
   */
  DL(
      "dl",
      "DerSimonian-Laird",
      new MethodInfo(
          "DerSimonian-Laird",
          "tau^2 = max(0, (Q - (k-1))/(sum w - sum w^2/sum w))",
          "DerSimonian & Laird 1986, Control Clin Trials 7:177-188, eq. 8",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"DL\"[, test = \"knha\"])",
          "statsmodels combine_effects(method_re = \"dl\")"),
      false) {
    @Override
    Tau2Fit fit(double[] y, double[] v) {
      return Tau2.closedForm(Tau2.dersimonianLaird(y, v));
    }

    @Override
    Tau2Fit fit(double[] y, double[] v, double[][] x) {
      return Tau2.closedForm(Math.max(0, Tau2.dersimonianLaird(y, v, x)));
    }
  },
  /**
   * Restricted maximum likelihood, by Fisher scoring from the Hedges estimate: tau^2 &lt;- tau^2 +
   * (y'PPy - tr P) / tr(PP), P = W - w w'/sum w, W = diag(1/(v_i + tau^2)) (Viechtbauer 2005, J
   * Educ Behav Stat 30:261-293, eq. 15 and the scoring algorithm of section 3). With moderators:
   * the same step with P = W - W X (X'WX)^-1 X'W.
   */
  REML(
      "reml",
      "REML",
      new MethodInfo(
          "Restricted maximum likelihood",
          "Fisher scoring tau^2 += (y'PPy - tr P)/tr(PP)",
          "Viechtbauer 2005, J Educ Behav Stat 30:261-293",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"REML\"[, test = \"knha\"])",
          "none"),
      true) {
    @Override
    Tau2Fit fit(double[] y, double[] v) {
      return Tau2.fisherScoring(true, y, v);
    }

    @Override
    Tau2Fit fit(double[] y, double[] v, double[][] x) {
      return Tau2.fisherScoring(true, y, v, x);
    }

    @Override
    public boolean maximisesLikelihood() {
      return true;
    }
  },
  /**
   * Paule-Mandel: the tau^2 at which the generalised Q statistic sum (y_i - mu)^2 / (v_i + tau^2)
   * equals its expectation k - 1 (Paule &amp; Mandel 1982, J Res Natl Bur Stand 87:377-385;
   * DerSimonian &amp; Kacker 2007, Contemp Clin Trials 28:105-114). With moderators: the root of
   * y'P y = k - p (0 when y'P_0 y &lt;= k - p).
   */
  PM(
      "pm",
      "Paule-Mandel",
      new MethodInfo(
          "Paule-Mandel",
          "root of sum (y - mu)^2/(v + tau^2) = k - 1",
          "Paule & Mandel 1982, J Res Natl Bur Stand 87:377-385",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"PM\"[, test = \"knha\"])",
          "statsmodels combine_effects(method_re = \"pm\")"),
      true) {
    @Override
    Tau2Fit fit(double[] y, double[] v) {
      return Tau2.pauleMandel(y, v);
    }

    @Override
    Tau2Fit fit(double[] y, double[] v, double[][] x) {
      return Tau2.pauleMandel(y, v, x);
    }
  },
  /**
   * Maximum likelihood, by Fisher scoring: tau^2 &lt;- tau^2 + (sum w_i^2 (y_i - mu)^2 - sum w_i) /
   * sum w_i^2 with w_i = 1/(v_i + tau^2) (Hardy &amp; Thompson 1996; Viechtbauer 2005, eq. 12).
   * With moderators: tau^2 &lt;- tau^2 + (y'PPy - sum w_i) / sum w_i^2.
   */
  ML(
      "ml",
      "Maximum likelihood",
      new MethodInfo(
          "Maximum likelihood",
          "Fisher scoring tau^2 += (sum w^2 (y - mu)^2 - sum w)/sum w^2",
          "Hardy & Thompson 1996, Stat Med 15:619-629",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"ML\"[, test = \"knha\"])",
          "none"),
      true) {
    @Override
    Tau2Fit fit(double[] y, double[] v) {
      return Tau2.fisherScoring(false, y, v);
    }

    @Override
    Tau2Fit fit(double[] y, double[] v, double[][] x) {
      return Tau2.fisherScoring(false, y, v, x);
    }

    @Override
    public boolean maximisesLikelihood() {
      return true;
    }
  },
  /**
   * Sidik-Jonkman: tau0^2 = sum (y_i - ybar)^2 / k, then tau^2 = tau0^2 Q(tau0^2) / (k - 1) with
   * Q(tau0^2) the generalised Q at weights 1/(v_i + tau0^2) (Sidik &amp; Jonkman 2005, J Biopharm
   * Stat 15:823-838). With moderators: tau^2 = tau0^2 y'P(tau0^2) y / (k - p).
   */
  SJ(
      "sj",
      "Sidik-Jonkman",
      new MethodInfo(
          "Sidik-Jonkman",
          "tau0^2 = sum (y - ybar)^2/k, tau^2 = tau0^2 Q(tau0^2)/(k-1)",
          "Sidik & Jonkman 2005, J Biopharm Stat 15:823-838",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"SJ\"[, test = \"knha\"])",
          "none"),
      false) {
    @Override
    Tau2Fit fit(double[] y, double[] v) {
      return Tau2.closedForm(Tau2.sidikJonkman(y, v));
    }

    @Override
    Tau2Fit fit(double[] y, double[] v, double[][] x) {
      return Tau2.closedForm(Math.max(0, Tau2.sidikJonkman(y, v, x)));
    }
  },
  /**
   * Hedges (unweighted method of moments, "HE"/"CA"): tau^2 = max(0, sum (y_i - ybar)^2 / (k - 1) -
   * sum v_i / k) (Hedges &amp; Olkin 1985, Statistical Methods for Meta-Analysis, ch. 9). With
   * moderators: max(0, (y'(I - H)y - tr((I - H)V)) / (k - p)), H the ordinary least-squares hat
   * matrix, V = diag(v_i).
   */
  HE(
      "he",
      "Hedges",
      new MethodInfo(
          "Hedges (unweighted moments)",
          "tau^2 = max(0, sum (y - ybar)^2/(k-1) - mean v)",
          "Hedges & Olkin 1985, ch. 9",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"HE\"[, test = \"knha\"])",
          "none"),
      false) {
    @Override
    Tau2Fit fit(double[] y, double[] v) {
      return Tau2.closedForm(Math.max(0, Tau2.hedges(y, v)));
    }

    @Override
    Tau2Fit fit(double[] y, double[] v, double[][] x) {
      return Tau2.closedForm(Math.max(0, Tau2.hedges(y, v, x)));
    }
  };

  private final String id;
  private final String label;
  private final MethodInfo info;
  private final boolean iterative;

  Tau2Estimator(String id, String label, MethodInfo info, boolean iterative) {
    this.id = id;
    this.label = label;
    this.info = info;
    this.iterative = iterative;
  }

  /** The command-line and JSON id ({@code dl, reml, pm, ml, sj, he}). */
  public String id() {
    return id;
  }

  /**
   * Human-readable name, e.g. "Paule-Mandel".
   *
   * @return the human-readable name, e.g. "Paule-Mandel"
   */
  public String label() {
    return label;
  }

  /**
   * Whether the estimate is found iteratively (REML, ML, PM) and may fail to converge.
   *
   * @return whether the estimate is found iteratively (REML, ML, PM) and may fail to converge
   */
  public boolean isIterative() {
    return iterative;
  }

  /**
   * Whether the estimate maximises a (restricted) likelihood, so that a profile-likelihood interval
   * for tau^2 belongs to it: ML and REML.
   *
   * @return true for ML and REML
   */
  public boolean maximisesLikelihood() {
    return false;
  }

  /**
   * The formula, reference and equivalent SAS, R and Python calls, for the method catalogue.
   *
   * @return the documentation of this estimator
   */
  public MethodInfo info() {
    return info;
  }

  /**
   * This estimator's tau^2 from at least two study estimates {@code y} and their sampling variances
   * {@code v} (all positive, same length).
   */
  abstract Tau2Fit fit(double[] y, double[] v);

  /**
   * This estimator in its moderator form: the residual tau^2 of the meta-regression y = X b + u + e
   * with design matrix {@code x} (k rows, p &lt; k columns, the first the intercept), as metafor's
   * {@code rma(yi, vi, mods = ..., method = ...)}; each constant states its formula. With the
   * intercept alone it is the estimator above, computed through a general least-squares fit.
   */
  abstract Tau2Fit fit(double[] y, double[] v, double[][] x);

  /**
   * Parses a command-line id (case-insensitive); returns null when it is not an estimator.
   *
   * @param id the id (case-insensitive)
   * @return the estimator, or null when the id names none
   */
  public static Tau2Estimator fromIdOrNull(String id) {
    return Identified.find(values(), id).orElse(null);
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the estimator with that id
   * @throws StatsException for an unknown id
   */
  public static Tau2Estimator fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(() -> new StatsException(Identified.unknown("tau^2 estimator", id, values())));
  }
}
