package org.trialstats.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;

/** Cox proportional hazards regression on a group factor, optionally stratified. */
public final class CoxModel {
  private static final int MAX_ITERATIONS = 60;

  /** |beta| beyond this is a monotone likelihood (a hazard ratio below 1e-13 or above 1e13). */
  private static final double DIVERGED = 30;

  private CoxModel() {}

  /**
   * Fits h_g(t) = h_0s(t) exp(beta_g) (beta of the reference group 0, one baseline hazard per
   * stratum s) by maximising the partial likelihood (Cox DR 1972, JRSS B 34:187-220) with
   * Newton-Raphson from beta = 0, halving a step that lowers the likelihood, until the step is
   * below 1e-10 (1 + |beta|) (the converged maximum; R's default stopping rule, relative
   * log-likelihood change below 1e-9, stops earlier). Wald intervals exp(beta +/- z se) and
   * p-values use the inverse information; the global tests are the likelihood-ratio, Wald and score
   * tests on k - 1 degrees of freedom (Therneau &amp; Grambsch 2000, sections 3.1-3.4; Klein &amp;
   * Moeschberger 2003, section 8.3). Matches R's {@code coxph(Surv(t, d) ~ group + strata(s), ties
   * = ...)} and SAS PHREG's {@code MODEL / TIES=}. Each iteration is one sweep over the event times
   * of the risk-set table.
   *
   * @param sample the data; its strata, if any, stratify the model
   * @param reference the reference group's code
   * @param ties the tie handling
   * @param level confidence level for the hazard-ratio intervals, in (0, 1)
   * @return the fitted model
   * @throws StatsException with fewer than two groups, a reference out of range, a group without
   *     events or without subjects (monotone likelihood: no finite estimate), or an invalid level
   */
  public static CoxResult fit(SurvivalSample sample, int reference, TiesMethod ties, double level) {
    return fit(sample.stratifiedTable(), reference, ties, level, sample.stratified());
  }

  static CoxResult fit(
      RiskSetTable table, int reference, TiesMethod ties, double level, boolean stratified) {
    int k = table.groups;
    double z = ConfidenceLevel.z(level);
    if (k < 2) {
      throw new StatsException("the Cox model needs at least two groups");
    }
    if (reference < 0 || reference >= k) {
      throw new StatsException("reference group code " + reference + " is out of range");
    }
    checkEventsPerGroup(table);
    int p = k - 1;
    double[] beta = new double[p];
    PartialLikelihood acc = new PartialLikelihood(k);
    evaluate(table, ties, reference, beta, acc);
    double logLikNull = acc.logLik;
    double[] scoreNull = reduce(acc.score, reference);
    double[][] infoNull = reduce(acc.information, reference);
    double scoreTest =
        SymmetricMatrix.quadraticForm(
            scoreNull, SymmetricMatrix.inverse(infoNull, "the Cox information matrix"));
    double logLik = logLikNull;
    double[] score = scoreNull;
    double[][] info = infoNull;
    int iterations = 0;
    boolean converged = false;
    while (!converged && iterations < MAX_ITERATIONS) {
      iterations++;
      double[] step =
          SymmetricMatrix.times(SymmetricMatrix.inverse(info, "the Cox information matrix"), score);
      double[] trial = new double[p];
      double shrink = 1;
      for (int halving = 0; ; halving++) {
        for (int j = 0; j < p; j++) {
          trial[j] = beta[j] + shrink * step[j];
        }
        evaluate(table, ties, reference, trial, acc);
        if (acc.logLik >= logLik - 1e-12 * Math.abs(logLik) || halving == 30) {
          break;
        }
        shrink /= 2;
      }
      converged = true;
      for (int j = 0; j < p; j++) {
        if (Math.abs(trial[j] - beta[j]) > 1e-10 * (1 + Math.abs(trial[j]))) {
          converged = false;
        }
      }
      beta = trial.clone();
      logLik = acc.logLik;
      score = reduce(acc.score, reference);
      info = reduce(acc.information, reference);
      for (double b : beta) {
        if (Math.abs(b) > DIVERGED) {
          throw new StatsException(
              "the Cox model has no finite estimate (monotone likelihood): a hazard ratio"
                  + " diverges to 0 or infinity");
        }
      }
    }
    if (!converged) {
      throw new StatsException(
          "the Cox model did not converge in " + MAX_ITERATIONS + " Newton-Raphson iterations");
    }
    double[][] covariance = SymmetricMatrix.inverse(info, "the Cox information matrix");
    NormalDistribution normal = NormalDistribution.of(0, 1);
    List<CoxTerm> terms = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      double se = Math.sqrt(covariance[j][j]);
      double zValue = beta[j] / se;
      terms.add(
          new CoxTerm(
              j < reference ? j : j + 1,
              beta[j],
              se,
              Math.exp(beta[j]),
              Math.exp(beta[j] - z * se),
              Math.exp(beta[j] + z * se),
              zValue,
              2 * normal.cumulativeProbability(-Math.abs(zValue))));
    }
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(p);
    double lr = Math.max(0, 2 * (logLik - logLikNull));
    double wald = SymmetricMatrix.quadraticForm(beta, info);
    return new CoxResult(
        ties,
        stratified,
        reference,
        List.copyOf(terms),
        logLikNull,
        logLik,
        lr,
        chi.survivalProbability(lr),
        wald,
        chi.survivalProbability(wald),
        scoreTest,
        chi.survivalProbability(scoreTest),
        p,
        iterations);
  }

  private static void checkEventsPerGroup(RiskSetTable table) {
    int k = table.groups;
    int[] events = new int[k];
    for (int r : table.eventRows) {
      for (int g = 0; g < k; g++) {
        events[g] += table.events[r * k + g];
      }
    }
    for (int g = 0; g < k; g++) {
      if (events[g] == 0) {
        throw new StatsException(
            "group code "
                + g
                + " has no events: its hazard ratio is 0 or infinite and the Cox model has no"
                + " finite estimate (monotone likelihood)");
      }
    }
  }

  /** The log-likelihood, score and information at beta (reference coefficient 0). */
  private static void evaluate(
      RiskSetTable table, TiesMethod ties, int reference, double[] beta, PartialLikelihood acc) {
    int k = table.groups;
    double[] theta = new double[k];
    for (int g = 0, j = 0; g < k; g++) {
      theta[g] = g == reference ? 1 : Math.exp(beta[j++]);
    }
    acc.reset();
    for (int r : table.eventRows) {
      ties.add(table.risk, table.events, r, theta, acc);
    }
  }

  private static double[] reduce(double[] full, int reference) {
    double[] out = new double[full.length - 1];
    for (int g = 0, j = 0; g < full.length; g++) {
      if (g != reference) {
        out[j++] = full[g];
      }
    }
    return out;
  }

  private static double[][] reduce(double[][] full, int reference) {
    double[][] out = new double[full.length - 1][];
    for (int g = 0, j = 0; g < full.length; g++) {
      if (g != reference) {
        out[j++] = reduce(full[g], reference);
      }
    }
    return out;
  }
}
