package org.trialstats.stats;

/**
 * The root of an increasing function f(u) of u = log(odds) by Halley's method (Halley 1694; e.g.
 * Press et al., Numerical Recipes, 3rd ed., 2007, section 9.4), with a bracket of the root kept
 * and bisected on the log scale whenever a step would leave it. The step is u' = u - 2 f f' /
 * (2 f'^2 - f f''), or Newton's u' = u - f / f' where the Halley denominator is not positive,
 * limited to 4 in u. Iteration stops after a step below 1e-7: convergence is cubic, so the error
 * left is of order 1e-18 relative in the odds, below double precision. Used for the binomial tail
 * roots ({@link ConditionalBinomialTails#oddsAtUpperTail}) and beta quantiles ({@link
 * BetaQuantile#lowerTailOdds}), whose f = log(tail) - log(target) is close to linear in u.
 */
final class LogOddsHalley {

  /** Halley's iteration needs 2 to 4 evaluations (rarely up to 7); bisection alone about 60. */
  private static final int MAX_EVALUATIONS = 200;

  /** Largest change of log(odds) in one step. */
  private static final double MAX_LOG_STEP = 4;

  /** A Halley step below this (relative) leaves an error far below double precision. */
  private static final double CONVERGED_LOG_STEP = 1e-7;

  private LogOddsHalley() {}

  /** f, df/du and d^2f/du^2 at one odds, written into a reused holder. */
  interface Function {
    void evaluate(double odds, Derivatives out);
  }

  /** The value and the first two derivatives (in u = log odds) of the function at one point. */
  static final class Derivatives {
    double value;
    double slope;
    double curvature;
  }

  /**
   * The odds at which {@code f} is 0.
   *
   * @param odds starting odds, ideally an approximation of the root
   * @param f an increasing function of log(odds) with a root in (0, infinity)
   * @param what names the root in the exception message
   * @throws IllegalStateException if the iteration does not converge (a defect: callers only ask
   *     for roots that exist)
   */
  static double root(double odds, Function f, String what) {
    Derivatives d = new Derivatives();
    double below = 0;
    double above = Double.POSITIVE_INFINITY;
    for (int evaluations = 0; evaluations < MAX_EVALUATIONS; evaluations++) {
      f.evaluate(odds, d);
      double value = d.value;
      if (value == 0) {
        return odds;
      }
      if (value > 0) {
        above = odds;
      } else {
        below = odds;
      }
      double denominator = 2 * d.slope * d.slope - value * d.curvature;
      double step = denominator > 0 ? -2 * value * d.slope / denominator : -value / d.slope;
      if (!Double.isFinite(step)) {
        step = value > 0 ? -MAX_LOG_STEP : MAX_LOG_STEP;
      }
      step = Math.max(-MAX_LOG_STEP, Math.min(MAX_LOG_STEP, step));
      double next = odds * Math.exp(step);
      if (Math.abs(step) <= CONVERGED_LOG_STEP) {
        return next;
      }
      if (!(next > below && next < above)) {
        if (below > 0 && above < Double.POSITIVE_INFINITY) {
          next = Math.sqrt(below) * Math.sqrt(above);
        } else {
          next = value > 0 ? odds * Math.exp(-MAX_LOG_STEP) : odds * Math.exp(MAX_LOG_STEP);
        }
        if (next == below || next == above) {
          return odds;
        }
      }
      odds = next;
    }
    throw new IllegalStateException(what + " did not converge");
  }
}
