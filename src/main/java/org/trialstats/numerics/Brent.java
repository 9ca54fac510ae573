package org.trialstats.numerics;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Brent's method (Brent 1973, <i>Algorithms for Minimization without Derivatives</i>, ch. 4) by
 * Apache Commons Math 3.6.1's {@link BrentSolver}: inverse quadratic interpolation and secant steps
 * with bisection as the safeguard, started from the midpoint of the bracket. It stops when the
 * bracket is narrower than 2 relativeAccuracy |x| + absoluteAccuracy.
 */
public final class Brent {
  private Brent() {}

  /**
   * The root of {@code f} inside {@code bracket}.
   *
   * @param f a continuous function with a sign change in the bracket
   * @param bracket the bracket; an exact bracket is returned as it is
   * @param relativeAccuracy the relative accuracy of the root
   * @param absoluteAccuracy the absolute accuracy of the root
   * @param maxEvaluations the budget of evaluations of {@code f}
   * @return the root, with the evaluations of the bracket search and of Brent's method
   * @throws RootFindingException if the ends do not bracket a sign change or the budget is spent
   */
  public static Root solve(
      DoubleUnaryOperator f,
      Bracket bracket,
      double relativeAccuracy,
      double absoluteAccuracy,
      int maxEvaluations) {
    if (bracket.isExact()) {
      return new Root(bracket.lower(), bracket.evaluations());
    }
    BrentSolver solver = new BrentSolver(relativeAccuracy, absoluteAccuracy, 0);
    try {
      double root =
          solver.solve(maxEvaluations, f::applyAsDouble, bracket.lower(), bracket.upper());
      return new Root(root, bracket.evaluations() + solver.getEvaluations());
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      throw new RootFindingException(
          "Brent's method found no root in [" + bracket.lower() + ", " + bracket.upper() + "]", e);
    }
  }
}
