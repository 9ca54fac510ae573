package org.trialstats.numerics;

import java.util.function.DoubleUnaryOperator;

/**
 * An interval that contains a sign change of a continuous function, found by one of the expanding
 * searches below; {@code lower == upper} when a search hit the root exactly.
 *
 * <p>The searches differ in what they know of the root: near a starting value on an unbounded scale
 * ({@link #stepping}), above a point where the sign is known ({@link #doublingUpward}), or between
 * two approximations that rounding may have left just beside it ({@link #widened}). Each evaluates
 * the function only where it must, and none changes its points once chosen, so that the root a
 * solver then finds in the bracket is reproducible to the last bit.
 *
 * @param lower the lower end
 * @param upper the upper end, at least {@code lower}
 * @param evaluations how many times the function was evaluated to find the bracket
 */
public record Bracket(double lower, double upper, int evaluations) {

  /**
   * Whether the search hit the root exactly, so that {@code lower == upper} is the root.
   *
   * @return true for a bracket of zero width
   */
  public boolean isExact() {
    return lower == upper;
  }

  /**
   * Brackets the root of a monotone function by steps of 1, 2, 4, ... away from {@code start} in
   * the direction of the root, within [-limit, limit].
   *
   * @param f a monotone function, finite or infinite but never NaN inside [-limit, limit]
   * @param start the starting point, moved into [-limit, limit]
   * @param increasing whether f increases
   * @param limit the largest |x| searched, positive
   * @return the last two points of the walk (or an exact root)
   * @throws RootFindingException if f has no sign change within [-limit, limit]
   */
  public static Bracket stepping(
      DoubleUnaryOperator f, double start, boolean increasing, double limit) {
    double x0 = clamp(start, limit);
    double f0 = f.applyAsDouble(x0);
    int evaluations = 1;
    if (f0 == 0) {
      return new Bracket(x0, x0, evaluations);
    }
    double direction = (f0 < 0) == increasing ? 1 : -1;
    double step = 1;
    double x1 = clamp(x0 + direction * step, limit);
    double f1 = f.applyAsDouble(x1);
    evaluations++;
    while (Math.signum(f1) == Math.signum(f0)) {
      if (Math.abs(x1) >= limit) {
        throw new RootFindingException(
            "no sign change of the monotone function within |x| <= " + limit);
      }
      x0 = x1;
      f0 = f1;
      step *= 2;
      x1 = clamp(x0 + direction * step, limit);
      f1 = f.applyAsDouble(x1);
      evaluations++;
    }
    if (f1 == 0) {
      return new Bracket(x1, x1, evaluations);
    }
    return new Bracket(Math.min(x0, x1), Math.max(x0, x1), evaluations);
  }

  /**
   * Brackets the first sign change above {@code lower} of a function known to be positive at {@code
   * lower}: the upper end doubles (the lower end taking its last value) until the function is
   * negative there. A NaN value counts as not yet negative.
   *
   * @param f the function, positive at {@code lower} (not evaluated there)
   * @param lower the lower end, at least 0
   * @param firstUpper the first upper end tried, greater than {@code lower}
   * @param maxDoublings the largest number of doublings
   * @return the bracket
   * @throws RootFindingException if f is not negative at any of the points tried
   */
  public static Bracket doublingUpward(
      DoubleUnaryOperator f, double lower, double firstUpper, int maxDoublings) {
    double lo = lower;
    double hi = firstUpper;
    int doublings = 0;
    while (!(f.applyAsDouble(hi) < 0)) {
      lo = hi;
      hi *= 2;
      if (++doublings > maxDoublings || !Double.isFinite(hi)) {
        throw new RootFindingException(
            "no sign change found above " + lower + " after " + doublings + " doublings");
      }
    }
    return new Bracket(lo, hi, doublings + 1);
  }

  /**
   * A bracket on (0, infinity) from two approximations {@code lo} &lt; {@code hi} of points on
   * either side of the root (typically quantiles, themselves computed numerically): when rounding
   * left the root just outside, both ends move out geometrically, by factors 1 + 1e-12, 1 +
   * 1.6e-11, ... (16 times more each time) up to 2.
   *
   * @param f a monotone function
   * @param lo the lower approximation, positive
   * @param hi the upper approximation
   * @return the bracket (exact when f is 0 at an end)
   * @throws RootFindingException if no sign change appears within a factor of 2 of the ends
   */
  public static Bracket widened(DoubleUnaryOperator f, double lo, double hi) {
    double flo = f.applyAsDouble(lo);
    double fhi = f.applyAsDouble(hi);
    int evaluations = 2;
    double widening = 1e-12;
    while (flo != 0 && fhi != 0 && (flo > 0) == (fhi > 0)) {
      if (widening > 1) {
        throw new RootFindingException(
            "no sign change in [" + lo + ", " + hi + "]: the bracket does not contain the root");
      }
      lo /= 1 + widening;
      hi *= 1 + widening;
      widening *= 16;
      flo = f.applyAsDouble(lo);
      fhi = f.applyAsDouble(hi);
      evaluations += 2;
    }
    if (flo == 0) {
      return new Bracket(lo, lo, evaluations);
    }
    if (fhi == 0) {
      return new Bracket(hi, hi, evaluations);
    }
    return new Bracket(lo, hi, evaluations);
  }

  private static double clamp(double x, double limit) {
    return Math.max(-limit, Math.min(limit, x));
  }
}
