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
  PL("pl", "profile likelihood");

  private final String id;
  private final String label;

  Tau2IntervalMethod(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /**
   * @return the command-line and JSON id ({@code qp} or {@code pl})
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
