package org.trialstats.numerics;

/**
 * Newton's method inside a bracket that every evaluation narrows (the safeguard of rtsafe, Press et
 * al., Numerical Recipes, 3rd ed., 2007, section 9.4): a step that would leave the bracket is
 * replaced by bisection. With {@link Safeguard#SHRINKING_STEPS} a step that is not at most half the
 * step before the previous one is bisected too, so that the bracket at least halves every two
 * evaluations even where the function is curved enough for Newton to alternate between the two
 * sides of the root with steps that barely shrink.
 *
 * <p>The iteration stops after a Newton step below {@code relativeTolerance |x|} and returns that
 * last Newton iterate (kept inside the bracket), or returns an end of the bracket once bisection
 * can no longer split it.
 */
public final class SafeguardedNewton {

  /**
   * Budget of evaluations: bisection alone exhausts any double bracket in about 1100 halvings, and
   * the shrinking-step rule bisects at least every second evaluation.
   */
  private static final int MAX_EVALUATIONS = 2500;

  /** When a Newton step inside the bracket is replaced by bisection. */
  public enum Safeguard {
    /** Only when the step would leave the bracket. */
    BRACKET,
    /** Also when the step is larger than half the step before the previous one. */
    SHRINKING_STEPS
  }

  private SafeguardedNewton() {}

  /**
   * The root of {@code f} in [low, high].
   *
   * @param f the function, writing its value and first derivative
   * @param work the holder that {@code f} writes into, reused so that a hot caller allocates
   *     nothing per root
   * @param low the lower end of the bracket
   * @param high the upper end of the bracket
   * @param positiveAtLow whether f is positive on the low side of the root (negative on the high
   *     side); otherwise the other way round
   * @param start the first point, used if strictly inside the bracket (else its midpoint)
   * @param relativeTolerance a Newton step below this times |x| ends the iteration
   * @param safeguard when a Newton step is replaced by bisection
   * @return the root
   * @throws RootFindingException if the budget of evaluations is spent (a defect)
   */
  public static double solve(
      DifferentiableFunction f,
      Derivatives work,
      double low,
      double high,
      boolean positiveAtLow,
      double start,
      double relativeTolerance,
      Safeguard safeguard) {
    Derivatives d = work;
    double x = start > low && start < high ? start : 0.5 * (low + high);
    double lastStep = high - low;
    double stepBeforeLast = lastStep;
    for (int evaluation = 0; evaluation < MAX_EVALUATIONS; evaluation++) {
      f.evaluate(x, d);
      double value = d.value();
      if (value == 0) {
        return x;
      }
      if ((value > 0) == positiveAtLow) {
        low = x;
      } else {
        high = x;
      }
      double step = value / d.slope();
      if (Math.abs(step) <= relativeTolerance * Math.abs(x)) {
        return Math.max(low, Math.min(high, x - step));
      }
      double next = x - step;
      if (!(next > low && next < high)
          || (safeguard == Safeguard.SHRINKING_STEPS
              && Math.abs(step) > 0.5 * Math.abs(stepBeforeLast))) {
        next = 0.5 * (low + high);
        if (next == low || next == high) {
          return next;
        }
        step = x - next;
      }
      stepBeforeLast = lastStep;
      lastStep = step;
      x = next;
    }
    throw new RootFindingException(
        "Newton's method did not converge in " + MAX_EVALUATIONS + " evaluations");
  }
}
