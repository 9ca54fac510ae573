package org.trialstats.numerics;

import java.util.function.DoubleUnaryOperator;

/**
 * The stationary point of a function of a parameter t &gt;= 0 (a variance) by Fisher scoring or
 * Newton steps, with a bracketing fall-back: the iteration t &lt;- t + step(t) with step(t) =
 * score(t) / information(t) and a positive information, so that the step has the sign of the score
 * (for the between-study variance of a meta-analysis, Viechtbauer 2005, J Educ Behav Stat
 * 30:261-293, section 3).
 *
 * <ul>
 *   <li>A step that would leave [0, inf) is halved until it does not; when the step at 0 points
 *       below 0 too (the score is not positive at the boundary), the solution is 0.
 *   <li>The iteration stops after a step of at most tolerance max(t, scale).
 *   <li>When it has not stopped within its budget (the iterates oscillate about the root or
 *       diverge, as scoring does where the observed information exceeds twice the expected) or a
 *       step is not finite, the root of the step function on [0, inf) is bracketed and found by
 *       Brent's method ({@link #decreasingRoot}): 0 when the step at 0 is not positive.
 * </ul>
 *
 * <p>The caller judges the solution (a likelihood higher at the boundary than at the stationary
 * point, for example): this class only solves score(t) = 0 on t &gt;= 0.
 */
public final class NonNegativeScoring {
  /** Relative accuracy of the bracketing fall-back's root. */
  private static final double ROOT_RELATIVE_ACCURACY = 1e-15;

  /** Budget of Brent's method in the fall-back. */
  private static final int MAX_ROOT_EVALUATIONS = 10_000;

  /** Doublings of the upper end before the fall-back gives up (2^2100 overflows any double). */
  private static final int MAX_DOUBLINGS = 2_100;

  private NonNegativeScoring() {}

  /**
   * A solution of score(t) = 0 on t &gt;= 0, or the boundary 0.
   *
   * @param value the solution, at least 0
   * @param iterations the scoring iterations, plus the evaluations of the fall-back when it ran
   * @param bracketed whether scoring failed and the fall-back found the solution
   */
  public record Solution(double value, int iterations, boolean bracketed) {}

  /**
   * Solves score(t) = 0 on t &gt;= 0 by scoring from {@code start}, with the bracketing fall-back.
   *
   * @param step the scoring step at t, score(t) / information(t); it must decrease through its root
   *     for the fall-back to find it
   * @param start the first iterate, at least 0
   * @param scale a positive value of the order of the solution: the tolerance is relative to max(t,
   *     scale), and the fall-back's first bracket is [0, scale]
   * @param tolerance the relative size of the last step
   * @param maxIterations the budget of scoring steps before the fall-back
   * @return the solution with the work it took
   * @throws RootFindingException when neither scoring nor the fall-back finds a solution; its
   *     {@link RootFindingException#lastIterate()} is the last scoring iterate and its {@link
   *     RootFindingException#evaluations()} the scoring iterations
   */
  public static Solution solve(
      DoubleUnaryOperator step, double start, double scale, double tolerance, int maxIterations) {
    double t = start;
    int iteration = 0;
    while (iteration < maxIterations) {
      iteration++;
      double s = step.applyAsDouble(t);
      if (!Double.isFinite(s)) {
        break;
      }
      if (t + s < 0) {
        if (step.applyAsDouble(0) <= 0) {
          return new Solution(0, iteration, false);
        }
        while (t + s < 0) {
          s /= 2;
        }
      }
      double next = t + s;
      boolean small = Math.abs(s) <= tolerance * Math.max(next, scale);
      t = next;
      if (small) {
        return new Solution(t, iteration, false);
      }
    }
    if (step.applyAsDouble(0) <= 0) {
      return new Solution(0, iteration + 1, true);
    }
    try {
      Root root = decreasingRoot(step, scale);
      return new Solution(root.value(), iteration + root.evaluations(), true);
    } catch (RootFindingException e) {
      throw new RootFindingException(
          "scoring stopped after "
              + iteration
              + " iterations and bracketing found no root of the score: "
              + e.getMessage(),
          t,
          iteration);
    }
  }

  /**
   * The t &gt;= 0 with f(t) = 0 for a function that decreases from f(0) &gt; 0 (the scoring step of
   * {@link #solve}; a statistic minus its target): the bracket is found by doubling from [0,
   * scale], the root by Brent's method to a relative accuracy of 1e-15 (absolute 1e-15 times the
   * scale near 0).
   *
   * @param f the function, positive at 0 (not evaluated there)
   * @param scale a positive value of the order of the root, the first upper end of the bracket and
   *     the scale of the absolute accuracy (1 when it is not positive and finite)
   * @return the root with the evaluations of the bracketing and of Brent's method
   * @throws RootFindingException when no root is bracketed or found
   */
  public static Root decreasingRoot(DoubleUnaryOperator f, double scale) {
    double firstUpper = scale > 0 && Double.isFinite(scale) ? scale : 1;
    Bracket bracket = Bracket.doublingUpward(f, 0, firstUpper, MAX_DOUBLINGS);
    double absolute = ROOT_RELATIVE_ACCURACY * Math.min(scale > 0 ? scale : 1, bracket.upper());
    return Brent.solve(f, bracket, ROOT_RELATIVE_ACCURACY, absolute, MAX_ROOT_EVALUATIONS);
  }
}
