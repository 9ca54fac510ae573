package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/**
 * Estimators of the between-study variance tau^2 of the random-effects model. Notation: y_i, v_i (i
 * = 1..k) the study estimates and their sampling variances, w_i = 1/v_i, mu_w the weighted mean, Q
 * = sum w_i (y_i - mu_w)^2. All estimates are truncated at 0.
 */
public enum Tau2Estimator implements Identified {
  /**
   * DerSimonian-Laird method of moments: tau^2 = max(0, (Q - (k - 1)) / (sum w_i - sum w_i^2 / sum
   * w_i)) (DerSimonian &amp; Laird 1986, Controlled Clinical Trials 7:177-188, eq. 8).
   */
  DL("dl", "DerSimonian-Laird"),
  /**
   * Restricted maximum likelihood, by Fisher scoring from the Hedges estimate: tau^2 &lt;- tau^2 +
   * (y'PPy - tr P) / tr(PP), P = W - w w'/sum w, W = diag(1/(v_i + tau^2)) (Viechtbauer 2005, J
   * Educ Behav Stat 30:261-293, eq. 15 and the scoring algorithm of section 3).
   */
  REML("reml", "REML"),
  /**
   * Paule-Mandel: the tau^2 at which the generalised Q statistic sum (y_i - mu)^2 / (v_i + tau^2)
   * equals its expectation k - 1 (Paule &amp; Mandel 1982, J Res Natl Bur Stand 87:377-385;
   * DerSimonian &amp; Kacker 2007, Contemp Clin Trials 28:105-114).
   */
  PM("pm", "Paule-Mandel"),
  /**
   * Maximum likelihood, by Fisher scoring: tau^2 &lt;- tau^2 + (sum w_i^2 (y_i - mu)^2 - sum w_i) /
   * sum w_i^2 with w_i = 1/(v_i + tau^2) (Hardy &amp; Thompson 1996; Viechtbauer 2005, eq. 12).
   */
  ML("ml", "Maximum likelihood"),
  /**
   * Sidik-Jonkman: tau0^2 = sum (y_i - ybar)^2 / k, then tau^2 = tau0^2 Q(tau0^2) / (k - 1) with
   * Q(tau0^2) the generalised Q at weights 1/(v_i + tau0^2) (Sidik &amp; Jonkman 2005, J Biopharm
   * Stat 15:823-838).
   */
  SJ("sj", "Sidik-Jonkman"),
  /**
   * Hedges (unweighted method of moments, "HE"/"CA"): tau^2 = max(0, sum (y_i - ybar)^2 / (k - 1) -
   * sum v_i / k) (Hedges &amp; Olkin 1985, Statistical Methods for Meta-Analysis, ch. 9).
   */
  HE("he", "Hedges");

  private final String id;
  private final String label;

  Tau2Estimator(String id, String label) {
    this.id = id;
    this.label = label;
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
    return this == REML || this == ML || this == PM;
  }

  /**
   * Parses a command-line id (case-insensitive); returns null when it is not an estimator.
   *
   * @return the estimator, or null when the id names none
   */
  public static Tau2Estimator fromIdOrNull(String id) {
    return Identified.find(values(), id).orElse(null);
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @throws StatsException for an unknown id
   */
  public static Tau2Estimator fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(() -> new StatsException(Identified.unknown("tau^2 estimator", id, values())));
  }
}
