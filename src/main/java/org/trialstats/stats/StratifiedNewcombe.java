package org.trialstats.stats;

import java.util.List;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * Stratified Newcombe interval for a common risk difference (Yan X, Su XG. Stratified Wilson and
 * Newcombe confidence intervals for multiple binomial proportions. Stat Biopharm Res
 * 2010;2:329-335), as R tern's {@code prop_diff_strat_nc} and PROC FREQ's
 * COMMONRISKDIFF(CL=NEWCOMBE).
 *
 * <p>With normalised stratum weights w_h (sum 1), for each arm i: the stratified proportion P_i =
 * sum w p_ih, the stratum variances v_ih = p_ih q_ih / n_ih, the adjusted normal quantile
 *
 * <pre>
 *   z_i = z sqrt(sum w^2 v_i) / sum w sqrt(v_i)
 * </pre>
 *
 * (z itself when every v_ih is 0, where the ratio is undefined), the stratified Wilson limits L_i =
 * sum w l_ih, U_i = sum w u_ih from the stratum Wilson limits at z_i, and lambda_i = sum w^2 /
 * n_ih. With d = P_1 - P_2:
 *
 * <pre>
 *   lower = d - z sqrt(lambda_1 L_1 (1 - L_1) + lambda_2 U_2 (1 - U_2))
 *   upper = d + z sqrt(lambda_1 U_1 (1 - U_1) + lambda_2 L_2 (1 - L_2))
 * </pre>
 *
 * With one stratum this is Newcombe's hybrid score interval (method 10): a Wilson limit l satisfies
 * (p - l)^2 = z^2 l (1 - l) / n.
 */
final class StratifiedNewcombe {
  /** Iteration cap and tolerance of tern's weight heuristic ({@code prop_strat_wilson}). */
  private static final int HEURISTIC_ITERATIONS = 10;

  private static final double HEURISTIC_TOLERANCE = 0.001;

  private StratifiedNewcombe() {}

  /** Normalised CMH weights n1 n2 / N. */
  static double[] cmhWeights(List<Stratum> strata) {
    double[] w = new double[strata.size()];
    for (int h = 0; h < w.length; h++) {
      Stratum s = strata.get(h);
      w[h] = s.n1() * (double) s.n2() / s.total();
    }
    return normalised(w);
  }

  /**
   * tern's Wilson-heuristic weights ({@code prop_strat_wilson} with no weights given), from the
   * pooled proportion p_h of each stratum (both arms together), v_h = p_h q_h / n_h: starting from
   * equal weights and z' = the adjusted quantile at those weights, repeat w_h proportional to (1 +
   * z'^2 / n_h)^2 / (v_h + z'^2 / (4 n_h^2)), z' recomputed, until the weights change by less than
   * 0.001 in total (sum of absolute changes) or 10 times.
   */
  static double[] wilsonHeuristicWeights(List<Stratum> strata, double z) {
    int k = strata.size();
    double[] variances = new double[k];
    double[] sizes = new double[k];
    for (int h = 0; h < k; h++) {
      Stratum s = strata.get(h);
      double n = s.total();
      double p = s.events() / n;
      variances[h] = p * (1 - p) / n;
      sizes[h] = n;
    }
    double[] weights = new double[k];
    java.util.Arrays.fill(weights, 1.0 / k);
    double quantile = adjustedQuantile(variances, weights, z);
    double[] next = weights;
    for (int iteration = 0; iteration < HEURISTIC_ITERATIONS; iteration++) {
      next = new double[k];
      for (int h = 0; h < k; h++) {
        double top = 1 + quantile * quantile / sizes[h];
        next[h] = top * top / (variances[h] + quantile * quantile / (4 * sizes[h] * sizes[h]));
      }
      next = normalised(next);
      quantile = adjustedQuantile(variances, next, z);
      double change = 0;
      for (int h = 0; h < k; h++) {
        change += Math.abs(next[h] - weights[h]);
      }
      if (change < HEURISTIC_TOLERANCE) {
        break;
      }
      weights = next;
    }
    return next;
  }

  /** The interval with the given normalised weights. */
  static Estimate interval(List<Stratum> strata, double[] weights, double level, String method) {
    double z = ConfidenceLevel.z(level);
    Arm arm1 = arm(strata, weights, z, true);
    Arm arm2 = arm(strata, weights, z, false);
    double d = arm1.proportion - arm2.proportion;
    double lower =
        d
            - z
                * Math.sqrt(
                    arm1.lambda * arm1.lower * (1 - arm1.lower)
                        + arm2.lambda * arm2.upper * (1 - arm2.upper));
    double upper =
        d
            + z
                * Math.sqrt(
                    arm1.lambda * arm1.upper * (1 - arm1.upper)
                        + arm2.lambda * arm2.lower * (1 - arm2.lower));
    return Estimate.interval(Measure.RD, method, d, lower, upper, level);
  }

  private record Arm(double proportion, double lower, double upper, double lambda) {}

  private static Arm arm(List<Stratum> strata, double[] weights, double z, boolean first) {
    int k = strata.size();
    double[] variances = new double[k];
    for (int h = 0; h < k; h++) {
      Stratum s = strata.get(h);
      double x = first ? s.x1() : s.x2();
      double n = first ? s.n1() : s.n2();
      variances[h] = x * (n - x) / (n * n * n);
    }
    double quantile = adjustedQuantile(variances, weights, z);
    double proportion = 0;
    double lower = 0;
    double upper = 0;
    double lambda = 0;
    for (int h = 0; h < k; h++) {
      Stratum s = strata.get(h);
      double x = first ? s.x1() : s.x2();
      double n = first ? s.n1() : s.n2();
      proportion += weights[h] * (x / n);
      lower += weights[h] * ProportionMethod.wilsonLower(x, n, quantile);
      upper += weights[h] * ProportionMethod.wilsonUpper(x, n, quantile);
      lambda += weights[h] * weights[h] / n;
    }
    return new Arm(proportion, lower, upper, lambda);
  }

  /** z sqrt(sum w^2 v) / sum w sqrt(v); z when every w^2 v is 0. */
  private static double adjustedQuantile(double[] variances, double[] weights, double z) {
    double squares = 0;
    double roots = 0;
    for (int h = 0; h < variances.length; h++) {
      double term = weights[h] * weights[h] * variances[h];
      squares += term;
      roots += Math.sqrt(term);
    }
    return roots > 0 ? Math.sqrt(squares) / roots * z : z;
  }

  private static double[] normalised(double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    double[] out = new double[w.length];
    for (int h = 0; h < w.length; h++) {
      out[h] = w[h] / sum;
    }
    return out;
  }
}
