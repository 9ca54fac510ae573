package org.trialstats.meta;

import org.trialstats.stats.Identified;
import org.trialstats.stats.StatsException;

/**
 * Confidence intervals for the (residual) between-study variance tau^2 of a random-effects model or
 * meta-regression with k studies and p coefficients. Notation: P(tau^2) = W - WX(X'WX)^-1X'W with W
 * = diag(1/(v_i + tau^2)), QE(tau^2) = y'P(tau^2)y, and ll(tau^2) the ML or REML log-likelihood
 * with the coefficients profiled out.
 */
public enum Tau2IntervalMethod implements Identified {
  /**
   * Q-profile: the tau^2 for which QE(tau^2) lies between the alpha/2 and 1 - alpha/2 quantiles of
   * chi2(k - p): the lower limit solves QE = chi2_{k-p, 1-alpha/2}, the upper QE = chi2_{k-p,
   * alpha/2}, a limit without solution is 0 (Viechtbauer 2007, Stat Med 26:37-52, section 3.3;
   * metafor {@code confint(fit, type = "QP")}).
   */
  QP("qp", "Q-profile"),
  /**
   * Profile likelihood (ML or REML, as the estimate): the tau^2 with 2 [ll(hat tau^2) - ll(tau^2)]
   * &lt;= chi2_{1, 1-alpha}; the lower limit is 0 when the statistic at 0 is below the critical
   * value (Hardy &amp; Thompson 1996, Stat Med 15:619-629; Viechtbauer 2007, section 3.2; metafor
   * {@code confint(fit, type = "PL")}).
   */
  PL("pl", "profile likelihood"),
  /**
   * Generalised Q (Jackson 2013, Res Synth Methods 4:220-229, section 3; Biggerstaff &amp; Jackson
   * 2008, Stat Med 27:6093-6110, for the weights 1/v_i): with fixed weights A = diag(a_i) and P_A =
   * A - AX(X'AX)^-1X'A, the statistic Q_A = y'P_A y is distributed at tau^2 as sum_j
   * lambda_j(tau^2) chi2_1, lambda_j(tau^2) the k - p positive eigenvalues of S P_A S with S =
   * diag(sqrt(v_i + tau^2)); its upper tail G(tau^2) = P(Q_A &gt; Q_A,obs) increases in tau^2. The
   * lower limit solves G = alpha/2, the upper G = 1 - alpha/2, a limit without solution being 0;
   * the distribution is computed by Ruben's series as Farebrother's algorithm (metafor {@code
   * confint(rma(yi, vi, weights = a, method = "GENQ"), type = "GENQ")}). The weights are given by
   * {@link GeneralisedQWeights}.
   */
  GENQ("genq", "generalised Q");

  private final String id;
  private final String label;

  Tau2IntervalMethod(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /**
   * @return the command-line and JSON id ({@code qp}, {@code pl} or {@code genq})
   */
  public String id() {
    return id;
  }

  /**
   * @return the name in words
   */
  public String label() {
    return label;
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @param id the id
   * @return the method
   * @throws StatsException for an unknown id
   */
  public static Tau2IntervalMethod fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(() -> new StatsException(Identified.unknown("tau^2 interval", id, values())));
  }
}
