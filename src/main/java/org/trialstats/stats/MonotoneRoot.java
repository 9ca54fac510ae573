package org.trialstats.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Root of a monotone function of a log-scale parameter t = log(ratio): brackets the root by
 * steps that double from the starting point, then refines it with Brent's method (Brent 1973,
 * Algorithms for Minimization without Derivatives, ch. 4) to an absolute accuracy of 1e-14 in t,
 * i.e. a relative accuracy of 1e-14 in the ratio.
 */
final class MonotoneRoot {
  /**
   * Largest |t| searched. Confidence limits of ratios of counts below 10^18 lie far inside
   * exp(+-230) (about 10^+-100), and every function solved here stays finite there.
   */
  static final double MAX_ABS_T = 230;

  private static final int MAX_EVALUATIONS = 2000;

  private MonotoneRoot() {}

  /**
   * Solves f(t) = 0.
   *
   * @param f a continuous function, monotone in t, with a sign change inside [-230, 230]
   * @param start starting point (ideally close to the root, e.g. the log point estimate)
   * @param increasing whether f increases with t
   * @throws IllegalStateException if f is not finite or has no sign change in the searched range
   *     (a defect, not a user error: callers only ask for roots that exist)
   */
  static double solve(DoubleUnaryOperator f, double start, boolean increasing) {
    double t0 = Math.max(-MAX_ABS_T, Math.min(MAX_ABS_T, start));
    double f0 = evaluate(f, t0);
    if (f0 == 0) {
      return t0;
    }
    boolean rootAbove = (f0 < 0) == increasing;
    double direction = rootAbove ? 1 : -1;
    double step = 1;
    double t1 = t0 + direction * step;
    double f1 = evaluate(f, clamp(t1));
    while (Math.signum(f1) == Math.signum(f0)) {
      if (Math.abs(t1) >= MAX_ABS_T) {
        throw new IllegalStateException(
            "no sign change of the monotone function within |log ratio| <= " + MAX_ABS_T);
      }
      t0 = t1;
      f0 = f1;
      step *= 2;
      t1 = clamp(t0 + direction * step);
      f1 = evaluate(f, t1);
    }
    if (f1 == 0) {
      return t1;
    }
    double lower = Math.min(t0, t1);
    double upper = Math.max(t0, t1);
    BrentSolver solver = new BrentSolver(1e-15, 1e-14, 0);
    return solver.solve(MAX_EVALUATIONS, x -> evaluate(f, x), lower, upper);
  }

  private static double clamp(double t) {
    return Math.max(-MAX_ABS_T, Math.min(MAX_ABS_T, t));
  }

  private static double evaluate(DoubleUnaryOperator f, double t) {
    double value = f.applyAsDouble(t);
    if (Double.isNaN(value)) {
      throw new IllegalStateException("function value is NaN at log ratio " + t);
    }
    // Brent's interpolation steps need finite values; the sign is all that matters out there.
    return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
  }
}
