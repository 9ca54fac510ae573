package org.trialstats.numerics;

/**
 * The root x in (0, infinity) of a function f that increases with u = log(x), by Halley's method
 * (Halley 1694; e.g. Press et al., Numerical Recipes, 3rd ed., 2007, section 9.4) in u, with a
 * bracket of the root kept and bisected on the log scale whenever a step would leave it. The step
 * is u' = u - 2 f f' / (2 f'^2 - f f''), or Newton's u' = u - f / f' where the Halley denominator
 * is not positive, limited to 4 in u. Iteration stops after a step below 1e-7: convergence is
 * cubic, so the error left is of order 1e-18 relative in x, below double precision. Suited to
 * functions close to linear in u, such as log(tail probability) - log(target) as a function of log
 * odds.
 */
public final class LogScaleHalley {

  /** Halley's iteration needs 2 to 4 evaluations (rarely up to 7); bisection alone about 60. */
  private static final int MAX_EVALUATIONS = 200;

  /** Largest change of log(x) in one step. */
  private static final double MAX_LOG_STEP = 4;

  /** A Halley step below this (relative) leaves an error far below double precision. */
  private static final double CONVERGED_LOG_STEP = 1e-7;

  private LogScaleHalley() {}

  /**
   * The x at which {@code f} is 0.
   *
   * @param start starting point, positive, ideally an approximation of the root
   * @param f an increasing function of log(x) with a root in (0, infinity), writing its value and
   *     its first two derivatives with respect to log(x)
   * @param what names the root in the exception message
   * @return the root
   * @throws RootFindingException if the iteration does not converge (a defect: callers only ask for
   *     roots that exist)
   */
  public static double root(double start, DifferentiableFunction f, String what) {
    Derivatives d = new Derivatives();
    double x = start;
    double below = 0;
    double above = Double.POSITIVE_INFINITY;
    for (int evaluations = 0; evaluations < MAX_EVALUATIONS; evaluations++) {
      f.evaluate(x, d);
      double value = d.value();
      if (value == 0) {
        return x;
      }
      if (value > 0) {
        above = x;
      } else {
        below = x;
      }
      double slope = d.slope();
      double denominator = 2 * slope * slope - value * d.curvature();
      double step = denominator > 0 ? -2 * value * slope / denominator : -value / slope;
      if (!Double.isFinite(step)) {
        step = value > 0 ? -MAX_LOG_STEP : MAX_LOG_STEP;
      }
      step = Math.max(-MAX_LOG_STEP, Math.min(MAX_LOG_STEP, step));
      double next = x * Math.exp(step);
      if (Math.abs(step) <= CONVERGED_LOG_STEP) {
        return next;
      }
      if (!(next > below && next < above)) {
        if (below > 0 && above < Double.POSITIVE_INFINITY) {
          next = Math.sqrt(below) * Math.sqrt(above);
        } else {
          next = value > 0 ? x * Math.exp(-MAX_LOG_STEP) : x * Math.exp(MAX_LOG_STEP);
        }
        if (next == below || next == above) {
          return x;
        }
      }
      x = next;
    }
    throw new RootFindingException(what + " did not converge");
  }
}
