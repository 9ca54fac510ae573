package org.trialstats.meta;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.trialstats.numerics.NonNegativeScoring;
import org.trialstats.numerics.Root;
import org.trialstats.numerics.RootFindingException;

/**
 * Estimation of the between-study variance tau^2 in the random-effects model y_i = mu + u_i + e_i,
 * u_i ~ N(0, tau^2), e_i ~ N(0, v_i). See {@link Tau2Estimator} for the formulas.
 *
 * <p>Iterative estimators are solved to a tolerance of 1e-12 relative to max(tau^2, mean v_i): REML
 * and ML by Fisher scoring from the Hedges estimate (as metafor), with step halving at the boundary
 * tau^2 = 0, a fall-back bracketing search on the score when scoring has not converged after
 * {@value #MAX_ITERATIONS} iterations, and metafor's check that the likelihood at tau^2 = 0 is not
 * higher than at the scoring solution; Paule-Mandel by Brent's method on the generalised Q
 * statistic. Failure to converge is reported in {@link Tau2Fit#converged()} and {@link
 * Tau2Fit#note()}, never by an exception.
 */
public final class Tau2 {
  /** Maximum number of Fisher-scoring iterations. */
  public static final int MAX_ITERATIONS = 1000;

  /** Convergence tolerance, relative to max(tau^2, mean of the sampling variances). */
  public static final double TOLERANCE = 1e-12;

  private Tau2() {}

  /**
   * Estimates tau^2 from study estimates {@code y} and sampling variances {@code v} (all v_i &gt;
   * 0). With one study tau^2 is not estimable and 0 is returned.
   *
   * @param estimator the estimator
   * @param y the study estimates, on the analysis scale
   * @param v their sampling variances (each &gt; 0)
   * @return tau^2 (&gt;= 0) with its convergence flag, iteration count and note
   * @throws IllegalArgumentException when y and v differ in length or are empty
   */
  public static Tau2Fit estimate(Tau2Estimator estimator, double[] y, double[] v) {
    if (y.length != v.length || y.length == 0) {
      throw new IllegalArgumentException("y and v must have the same, positive length");
    }
    if (y.length == 1) {
      return new Tau2Fit(0, true, 0, null);
    }
    return estimator.fit(y, v);
  }

  static Tau2Fit closedForm(double tau2) {
    return new Tau2Fit(tau2, true, 0, null);
  }

  /**
   * DerSimonian-Laird: max(0, (Q - (k - 1)) / (sum w - sum w^2 / sum w)), w = 1/v (DerSimonian
   * &amp; Laird 1986, eq. 8).
   */
  static double dersimonianLaird(double[] y, double[] v) {
    WeightedSums fixed = new WeightedSums(y, v, 0);
    return Math.max(0, (fixed.q - (fixed.k - 1)) / fixed.traceP());
  }

  /**
   * Hedges' unweighted moment estimator before truncation: sum (y_i - ybar)^2 / (k - 1) - mean(v)
   * (Hedges &amp; Olkin 1985, ch. 9; metafor method "HE").
   */
  static double hedges(double[] y, double[] v) {
    return centredSumOfSquares(y) / (y.length - 1) - meanOf(v);
  }

  /** sum (y_i - ybar)^2, the unweighted sum of squares about the mean. */
  private static double centredSumOfSquares(double[] y) {
    double mean = meanOf(y);
    double rss = 0;
    for (double yi : y) {
      rss += (yi - mean) * (yi - mean);
    }
    return rss;
  }

  /**
   * Sidik-Jonkman: tau0^2 = sum (y_i - ybar)^2 / k; tau^2 = tau0^2 Q_gen(tau0^2) / (k - 1) (Sidik
   * &amp; Jonkman 2005, eq. 6; metafor's default initial value).
   */
  static double sidikJonkman(double[] y, double[] v) {
    int k = y.length;
    double tau0 = centredSumOfSquares(y) / k;
    if (tau0 == 0) {
      return 0;
    }
    return tau0 * new WeightedSums(y, v, tau0).q / (k - 1);
  }

  /**
   * Paule-Mandel: 0 when Q &lt;= k - 1, otherwise the root of sum (y_i - mu(tau^2))^2 / (v_i +
   * tau^2) = k - 1 (Paule &amp; Mandel 1982), which is unique because the generalised Q decreases
   * in tau^2.
   */
  static Tau2Fit pauleMandel(double[] y, double[] v) {
    return pauleMandel(
        t -> new WeightedSums(y, v, t).q,
        y.length - 1,
        meanOf(v),
        "the Paule-Mandel estimate of tau^2 did not converge (no root of Q(tau^2) = k - 1"
            + " was found); results are not available for this model");
  }

  /**
   * Paule-Mandel on a generalised Q statistic that decreases in tau^2, plain or residual: 0 when
   * Q(0) &lt;= target, otherwise the root of Q(tau^2) = target; {@code failure} is the note when no
   * root is found.
   */
  private static Tau2Fit pauleMandel(
      DoubleUnaryOperator q, double target, double scale, String failure) {
    if (q.applyAsDouble(0) <= target) {
      return new Tau2Fit(0, true, 1, null);
    }
    try {
      Root root = decreasingRoot(q, target, scale);
      return new Tau2Fit(root.value(), true, root.evaluations(), null);
    } catch (RootFindingException e) {
      return new Tau2Fit(Double.NaN, false, 0, failure);
    }
  }

  /**
   * A Q-profile limit: the tau^2 where a generalised Q statistic that decreases in tau^2 equals
   * {@code critical}, 0 when Q(0) = {@code q0} &lt;= critical, NaN when the root is not found.
   */
  static double qProfileLimit(DoubleUnaryOperator q, double q0, double critical, double scale) {
    if (q0 <= critical) {
      return 0;
    }
    try {
      return decreasingRoot(q, critical, scale).value();
    } catch (RootFindingException e) {
      return Double.NaN;
    }
  }

  /** The Fisher-scoring step of the (restricted) log-likelihood at tau^2. */
  private static double scoreStep(boolean reml, double[] y, WeightedSums s) {
    return reml ? (s.yPPy(y) - s.traceP()) / s.tracePP() : (s.yPPy(y) - s.sumW) / s.sumW2();
  }

  /**
   * Log-likelihood up to a constant: ML -1/2 [sum log(v_i + tau^2) + Q_gen]; REML additionally -1/2
   * log(sum w_i) (Viechtbauer 2005, eqs. 9 and 14).
   */
  static double logLikelihood(boolean reml, double[] y, double[] v, double tau2) {
    WeightedSums s = new WeightedSums(y, v, tau2);
    double ll = -0.5 * (s.sumLogVariance() + s.q);
    if (reml) {
      ll -= 0.5 * Math.log(s.sumW);
    }
    return ll;
  }

  /**
   * Fisher scoring for REML or ML (Viechtbauer 2005, section 3): tau^2 &lt;- tau^2 + adj, adj =
   * (y'PPy - tr P)/tr(PP) for REML and (sum w^2 (y - mu)^2 - sum w)/sum w^2 for ML, started at
   * max(0, Hedges), by {@link #maximiseLikelihood}.
   */
  static Tau2Fit fisherScoring(boolean reml, double[] y, double[] v) {
    return maximiseLikelihood(
        reml,
        "tau^2",
        Math.max(0, hedges(y, v)),
        meanOf(v),
        t -> scoreStep(reml, y, new WeightedSums(y, v, t)),
        t -> logLikelihood(reml, y, v, t));
  }

  /**
   * The ML or REML estimate of tau^2 (plain or residual) that maximises a likelihood, as metafor
   * finds it: Fisher scoring from {@code start} with its non-negativity rule and the bracketing
   * fall-back of {@link NonNegativeScoring} (tolerance {@value #TOLERANCE} relative to max(tau^2,
   * mean v_i), at most {@value #MAX_ITERATIONS} steps), then metafor's check that the likelihood at
   * tau^2 = 0 is not higher than at the solution (0 when it is). Non-convergence is reported in the
   * fit's note with the last iterate, never by an exception.
   *
   * @param reml REML (true) or ML
   * @param what the quantity, for the notes ("tau^2", "the residual tau^2")
   * @param start the first iterate, at least 0
   * @param scale the mean sampling variance
   * @param step the Fisher-scoring step at tau^2
   * @param logLikelihood the (restricted) log-likelihood at tau^2, up to a constant
   */
  private static Tau2Fit maximiseLikelihood(
      boolean reml,
      String what,
      double start,
      double scale,
      DoubleUnaryOperator step,
      DoubleUnaryOperator logLikelihood) {
    String name = reml ? "REML" : "ML";
    NonNegativeScoring.Solution solution;
    try {
      solution = NonNegativeScoring.solve(step, start, scale, TOLERANCE, MAX_ITERATIONS);
    } catch (RootFindingException e) {
      return new Tau2Fit(
          e.lastIterate(),
          false,
          e.evaluations(),
          String.format(
              Locale.ROOT,
              "the %s estimate of %s did not converge: Fisher scoring stopped after %d"
                  + " iterations and a bracketing search on the score found no root; the last"
                  + " iterate tau^2 = %.6g is used and the results are unreliable",
              name,
              what,
              e.evaluations(),
              e.lastIterate()));
    }
    double tau2 = solution.value();
    String note =
        solution.bracketed()
            ? String.format(
                Locale.ROOT,
                "Fisher scoring for the %s estimate of %s did not converge in %d iterations;"
                    + " tau^2 was found by a bracketing root search on the score instead",
                name,
                what,
                MAX_ITERATIONS)
            : null;
    if (tau2 > 0 && logLikelihood.applyAsDouble(0) > logLikelihood.applyAsDouble(tau2)) {
      note =
          String.format(
              Locale.ROOT,
              "Fisher scoring for the %s estimate stopped at tau^2 = %.6g, but the likelihood is"
                  + " higher at tau^2 = 0 (a local maximum); tau^2 = 0 is used",
              name,
              tau2);
      tau2 = 0;
    }
    return new Tau2Fit(tau2, true, solution.iterations(), note);
  }

  /**
   * The tau^2 &gt;= 0 with f(tau^2) = target for a function that decreases from f(0) &gt; target
   * (the generalised Q statistic, for Paule-Mandel and the Q-profile limits), by {@link
   * NonNegativeScoring#decreasingRoot}.
   *
   * @param scale a positive value of the order of the sampling variances, used as the first upper
   *     end of the bracket and for the absolute accuracy near 0
   * @throws RootFindingException when no root is bracketed or found
   */
  static Root decreasingRoot(DoubleUnaryOperator f, double target, double scale) {
    return NonNegativeScoring.decreasingRoot(t -> f.applyAsDouble(t) - target, scale);
  }

  static double meanOf(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  // ---------------------------------------------------------------- moderator forms
  // The residual tau^2 of a meta-regression with design matrix x (k rows, p columns); with the
  // intercept alone these are the estimators above, computed through a general least-squares fit.

  /** DL before truncation: (y'P_0 y - (k - p)) / tr P_0 (Raudenbush 2009, eq. 16.32). */
  static double dersimonianLaird(double[] y, double[] v, double[][] x) {
    WeightedFit f = WeightedFit.atTau2(y, v, x, 0);
    return (f.rss - (y.length - x[0].length)) / f.traceP();
  }

  /** HE before truncation: (y'(I - H)y - sum v_i (1 - h_i)) / (k - p), H the OLS hat matrix. */
  static double hedges(double[] y, double[] v, double[][] x) {
    int k = y.length;
    double[] ones = new double[k];
    java.util.Arrays.fill(ones, 1);
    WeightedFit ols = new WeightedFit(y, x, ones);
    double trace = 0;
    for (int i = 0; i < k; i++) {
      trace += v[i] * (1 - ols.leverage(i));
    }
    return (ols.rss - trace) / (k - x[0].length);
  }

  static double sidikJonkman(double[] y, double[] v, double[][] x) {
    int k = y.length;
    double tau0 = centredSumOfSquares(y) / k;
    if (tau0 == 0) {
      return 0;
    }
    return tau0 * WeightedFit.atTau2(y, v, x, tau0).rss / (k - x[0].length);
  }

  static Tau2Fit pauleMandel(double[] y, double[] v, double[][] x) {
    return pauleMandel(
        t -> WeightedFit.atTau2(y, v, x, t).rss,
        y.length - x[0].length,
        meanOf(v),
        "the Paule-Mandel estimate of the residual tau^2 did not converge (no root of"
            + " QE(tau^2) = k - p was found)");
  }

  private static double scoringStep(boolean reml, WeightedFit f) {
    return reml ? (f.yPPy() - f.traceP()) / f.tracePP() : (f.yPPy() - f.sumW()) / f.sumW2();
  }

  /** REML or ML with moderators: the scoring of {@link #maximiseLikelihood} from max(0, HE). */
  static Tau2Fit fisherScoring(boolean reml, double[] y, double[] v, double[][] x) {
    return maximiseLikelihood(
        reml,
        "the residual tau^2",
        Math.max(0, hedges(y, v, x)),
        meanOf(v),
        t -> scoringStep(reml, WeightedFit.atTau2(y, v, x, t)),
        t -> WeightedFit.atTau2(y, v, x, t).logLikelihood(reml));
  }
}
