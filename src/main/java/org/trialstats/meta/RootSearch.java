package org.trialstats.meta;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Root search for a function of tau^2 that decreases from f(0) &gt; target towards 0 as tau^2
 * grows (the generalised Q statistic, for Paule-Mandel and the Q-profile limits). The bracket is
 * found by doubling, the root by Brent's method to a relative accuracy of 1e-15 (absolute
 * 1e-15 times the variance scale near 0).
 */
final class RootSearch {
  static final double RELATIVE_ACCURACY = 1e-15;
  private static final int MAX_EVALUATIONS = 10_000;
  private static final int MAX_DOUBLINGS = 2_100;

  /** A root, or NaN with converged = false when none could be bracketed or found. */
  record Root(double value, boolean converged, int evaluations) {}

  private RootSearch() {}

  /**
   * Finds tau^2 &gt;= 0 with f(tau^2) = target, given f(0) &gt; target.
   *
   * @param scale a positive value of the order of the sampling variances, used as the first
   *     upper bracket and for the absolute accuracy near 0
   */
  static Root decreasing(DoubleUnaryOperator f, double target, double scale) {
    double lo = 0;
    double hi = scale > 0 && Double.isFinite(scale) ? scale : 1;
    int doublings = 0;
    while (!(f.applyAsDouble(hi) < target)) {
      lo = hi;
      hi *= 2;
      if (++doublings > MAX_DOUBLINGS || !Double.isFinite(hi)) {
        return new Root(Double.NaN, false, doublings);
      }
    }
    double absolute = RELATIVE_ACCURACY * Math.min(scale > 0 ? scale : 1, hi);
    BrentSolver solver = new BrentSolver(RELATIVE_ACCURACY, absolute, 0);
    try {
      double root = solver.solve(MAX_EVALUATIONS, x -> f.applyAsDouble(x) - target, lo, hi);
      return new Root(root, true, doublings + solver.getEvaluations());
    } catch (MathIllegalStateException e) {
      return new Root(Double.NaN, false, doublings + MAX_EVALUATIONS);
    }
  }
}
