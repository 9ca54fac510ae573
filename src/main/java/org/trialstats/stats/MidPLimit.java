package org.trialstats.stats;

import java.util.function.DoubleUnaryOperator;
import org.trialstats.numerics.Bracket;
import org.trialstats.numerics.Brent;

/**
 * The one root search behind every mid-p limit (binomial proportion, Poisson mean, conditional rate
 * ratio): the parameter at which a mid-p tail, P(X &gt; x) + P(X = x)/2 (or its mirror image),
 * equals alpha/2 (Lancaster 1961; Berry &amp; Armitage 1995). The mid-p tail is the average of the
 * exact tails of x and of the adjacent count, so the root lies between the two exact
 * (Clopper-Pearson or Garwood) limits of those counts, which bracket it. Those limits are computed
 * numerically, so the bracket is widened if rounding left the root just outside ({@link
 * Bracket#widened}); the root is then found by Brent's method on tail / (alpha/2) - 1 to about
 * 1e-15 relative accuracy.
 */
final class MidPLimit {
  private static final double RELATIVE_ACCURACY = 1e-15;
  private static final int MAX_EVALUATIONS = 500;

  private MidPLimit() {}

  /**
   * The parameter at which {@code midPTail} equals {@code halfAlpha}.
   *
   * @param midPTail the mid-p tail probability, monotone in the parameter
   * @param halfAlpha alpha/2, in (0, 1/2)
   * @param exactLimitLow the smaller of the two exact limits that bracket the root, positive
   * @param exactLimitHigh the larger one
   * @return the mid-p limit
   * @throws org.trialstats.numerics.RootFindingException if the exact limits do not bracket the
   *     root even after widening (a defect)
   */
  static double solve(
      DoubleUnaryOperator midPTail, double halfAlpha, double exactLimitLow, double exactLimitHigh) {
    DoubleUnaryOperator f = t -> midPTail.applyAsDouble(t) / halfAlpha - 1;
    Bracket bracket = Bracket.widened(f, exactLimitLow, exactLimitHigh);
    return Brent.solve(f, bracket, RELATIVE_ACCURACY, Double.MIN_NORMAL, MAX_EVALUATIONS).value();
  }
}
