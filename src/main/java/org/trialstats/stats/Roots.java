package org.trialstats.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Bracketing root finder for the interval methods that invert a test (the mid-p interval).
 *
 * <p>Brent's method (Brent 1973, <i>Algorithms for Minimization without Derivatives</i>, chapter 4,
 * procedure {@code zero}): inverse quadratic interpolation or secant steps, falling back to
 * bisection whenever an interpolation step would leave the bracket or shrink it too slowly. It
 * never leaves the bracket, so it converges for any continuous function whose values at the two
 * ends have opposite signs, and superlinearly near a simple root.
 */
final class Roots {
  /** Unit roundoff of double precision, 2^-52. */
  private static final double EPSILON = Math.ulp(1.0);

  /** Hard cap on iterations; bisection alone halves the bracket, 1100 halvings exhaust doubles. */
  private static final int MAX_ITERATIONS = 1100;

  private Roots() {}

  /**
   * Finds a root of {@code f} in the bracket between {@code a} and {@code b}.
   *
   * <p>The caller passes the function values at the ends instead of letting this method evaluate
   * them: interval methods know the sign at an end analytically (for example a score statistic that
   * is infinite at a boundary) even where evaluating there is undefined. A value of exactly zero at
   * an end is returned as the root.
   *
   * @param f a continuous function, evaluated only strictly inside the bracket
   * @param a one end of the bracket
   * @param b the other end
   * @param fa the value (or just the sign, as any non-zero number) of {@code f} at {@code a}
   * @param fb the value (or sign) of {@code f} at {@code b}; must have the opposite sign of fa
   * @param absoluteTolerance the bracket width (besides 4 ulp of the root) at which to stop
   * @return the root, to within about {@code 4 ulp + absoluteTolerance}
   * @throws IllegalStateException if the end values do not bracket a sign change (a bug in the
   *     caller, never a user error)
   */
  static double brent(
      DoubleUnaryOperator f, double a, double b, double fa, double fb, double absoluteTolerance) {
    if (fa == 0) {
      return a;
    }
    if (fb == 0) {
      return b;
    }
    if ((fa > 0) == (fb > 0)) {
      throw new IllegalStateException(
          "root not bracketed: f(" + a + ") = " + fa + ", f(" + b + ") = " + fb);
    }
    // c is the previous iterate on the other side of the root from b; b is the best estimate.
    double c = a;
    double fc = fa;
    double step = b - a;
    double previousStep = step;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      if ((fb > 0) == (fc > 0)) {
        c = a;
        fc = fa;
        step = b - a;
        previousStep = step;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tolerance = 2 * EPSILON * Math.abs(b) + 0.5 * absoluteTolerance;
      double halfWidth = 0.5 * (c - b);
      if (Math.abs(halfWidth) <= tolerance || fb == 0) {
        return b;
      }
      if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          // Secant step.
          p = 2 * halfWidth * s;
          q = 1 - s;
        } else {
          // Inverse quadratic interpolation through (a, fa), (b, fb), (c, fc).
          double r = fb / fc;
          double t = fa / fc;
          p = s * (2 * halfWidth * t * (t - r) - (b - a) * (r - 1));
          q = (t - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        double limitInside = 3 * halfWidth * q - Math.abs(tolerance * q);
        double limitShrink = Math.abs(previousStep * q);
        if (2 * p < Math.min(limitInside, limitShrink)) {
          previousStep = step;
          step = p / q;
        } else {
          step = halfWidth;
          previousStep = step;
        }
      } else {
        step = halfWidth;
        previousStep = step;
      }
      a = b;
      fa = fb;
      b += Math.abs(step) > tolerance ? step : Math.copySign(tolerance, halfWidth);
      fb = f.applyAsDouble(b);
    }
    return b;
  }
}
