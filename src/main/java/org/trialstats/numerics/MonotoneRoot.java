package org.trialstats.numerics;

import java.util.function.DoubleUnaryOperator;

/**
 * Root of a monotone function of a log-scale parameter t = log(ratio): brackets the root by steps
 * that double from the starting point ({@link Bracket#stepping}), then refines it with Brent's
 * method ({@link Brent}) to an absolute accuracy of 1e-14 in t, i.e. a relative accuracy of 1e-14
 * in the ratio.
 */
public final class MonotoneRoot {
  /**
   * Largest |t| searched. Confidence limits of ratios of counts below 10^18 lie far inside
   * exp(+-230) (about 10^+-100), and every function solved here stays finite there.
   */
  public static final double MAX_ABS_T = 230;

  private static final int MAX_EVALUATIONS = 2000;

  private MonotoneRoot() {}

  /**
   * Solves f(t) = 0. Infinite values count by their sign only.
   *
   * @param f a continuous function, monotone in t, with a sign change inside [-230, 230]
   * @param start starting point (ideally close to the root, e.g. the log point estimate)
   * @param increasing whether f increases with t
   * @return the root t
   * @throws RootFindingException if f is NaN or has no sign change in the searched range (a defect,
   *     not a user error: callers only ask for roots that exist)
   */
  public static double solve(DoubleUnaryOperator f, double start, boolean increasing) {
    DoubleUnaryOperator finite = t -> evaluate(f, t);
    Bracket bracket = Bracket.stepping(finite, start, increasing, MAX_ABS_T);
    return Brent.solve(finite, bracket, 1e-15, 1e-14, MAX_EVALUATIONS).value();
  }

  private static double evaluate(DoubleUnaryOperator f, double t) {
    double value = f.applyAsDouble(t);
    if (Double.isNaN(value)) {
      throw new RootFindingException("function value is NaN at log ratio " + t);
    }
    // Brent's interpolation steps need finite values; the sign is all that matters out there.
    return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
  }
}
