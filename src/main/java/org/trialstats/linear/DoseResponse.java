package org.trialstats.linear;

import java.util.ArrayList;
import java.util.List;

/**
 * Test for a dose response: the linear model with treatment entered as a continuous variable (the
 * dose, e.g. 0, 54 and 81 mg) in place of the treatment factor, and the t test of its slope (equal
 * to the Type III F test with 1 df: F = t^2). This is the "test for dose response" of the CDISC
 * pilot clinical study report's ANCOVA tables (SAS PROC GLM with the dose as a continuous MODEL
 * variable and the other factors in CLASS). Snedecor GW, Cochran WG. Statistical Methods, 8th ed.
 * 1989, section 18.3 (regression on a quantitative treatment).
 */
public final class DoseResponse {
  private DoseResponse() {}

  /**
   * Fits y = b0 + b1 dose + other terms and returns the dose coefficient with its test.
   *
   * @param response one finite value per observation
   * @param dose the dose of each observation
   * @param otherTerms the model's other factors and covariates
   * @return the dose slope, its standard error, t and two-sided p-value
   * @throws org.trialstats.stats.StatsException as {@link LinearModel#fit}
   */
  public static Coefficient test(double[] response, Covariate dose, List<Term> otherTerms) {
    List<Term> terms = new ArrayList<>();
    terms.add(dose);
    terms.addAll(otherTerms);
    return LinearModel.fit(response, terms, Coding.REFERENCE).coefficient(dose.name());
  }
}
