package org.trialstats.stats;

import java.util.function.DoubleUnaryOperator;
import org.trialstats.io.Numbers;
import org.trialstats.numerics.MonotoneRoot;
import org.trialstats.numerics.RootFindingException;

/**
 * The two interval constructions that the ratio measures (risk ratio, odds ratio) share on the log
 * scale: one home for the Wald interval of a log ratio and for the inversion of a score statistic
 * written in the log of the ratio.
 *
 * <p>Wald (Katz et al. 1978 for the risk ratio, Woolf 1955 for the odds ratio):
 *
 * <pre>
 *   exp( log(theta^) -/+ z sqrt(V) ),   z = Phi^-1(1 - alpha/2)
 * </pre>
 *
 * with V the large-sample variance of log(theta^) (Katz: (1-p1)/x1 + (1-p2)/x2; Woolf: 1/a + 1/b +
 * 1/c + 1/d). Agresti A. Categorical Data Analysis, 3rd ed., Wiley 2013, sections 3.1.1 and 3.1.4.
 *
 * <p>Score (Miettinen O, Nurminen M. Comparative analysis of two rates. Stat Med 1985;4:213-226;
 * Koopman PAR. Biometrics 1984;40:513-517): the set {theta : |Z(log theta)| &lt;= z} for a score
 * statistic Z decreasing in log theta, i.e. lower = exp(u) with Z(u) = z and upper = exp(u) with
 * Z(u) = -z, each root found by {@link MonotoneRoot} from a finite start; lower 0 and upper
 * +Infinity where the data put the limit at the boundary of the parameter space.
 */
final class LogScaleInterval {
  /** The largest |log ratio| the score limits are searched for, as text. */
  private static final String SEARCHED = Numbers.plain(MonotoneRoot.MAX_ABS_T);

  private LogScaleInterval() {}

  /**
   * The Wald interval exp(log(estimate) -/+ z sqrt(variance)).
   *
   * @param measure the ratio measure
   * @param method the method id reported
   * @param estimate the ratio estimate, finite and positive
   * @param variance the variance of its log, finite and non-negative
   * @param z the critical value Phi^-1(1 - alpha/2)
   * @param level the confidence level, reported
   * @return the estimate with its interval
   */
  static Estimate wald(
      Measure measure, String method, double estimate, double variance, double z, double level) {
    double halfWidth = z * Math.sqrt(variance);
    double logEstimate = Math.log(estimate);
    return Estimate.interval(
        measure,
        method,
        estimate,
        Math.exp(logEstimate - halfWidth),
        Math.exp(logEstimate + halfWidth),
        level);
  }

  /**
   * The score interval {theta : |Z(log theta)| &lt;= z}.
   *
   * @param measure the ratio measure
   * @param method the method id reported
   * @param estimate the ratio estimate reported
   * @param statistic the score statistic Z as a function of log theta, decreasing
   * @param logStart a finite starting point for the root searches (log of a corrected estimate)
   * @param z the critical value Phi^-1(1 - alpha/2)
   * @param lowerIsZero whether the lower limit is 0 (no root: the data sit on the boundary)
   * @param upperIsInfinite whether the upper limit is +Infinity
   * @param level the confidence level, reported
   * @return the estimate with its interval
   */
  static Estimate score(
      Measure measure,
      String method,
      double estimate,
      DoubleUnaryOperator statistic,
      double logStart,
      double z,
      boolean lowerIsZero,
      boolean upperIsInfinite,
      double level) {
    double lower = lowerIsZero ? 0 : limit(statistic, -z, true, logStart, method, level);
    double upper =
        upperIsInfinite
            ? Double.POSITIVE_INFINITY
            : limit(statistic, z, false, logStart, method, level);
    return Estimate.interval(measure, method, estimate, lower, upper, level);
  }

  /**
   * exp(u) where Z(u) + shift = 0. The root exists for every table whose limit is not 0 or
   * +Infinity, but at a level very close to 0 (z near 0) with an empty arm it can lie beyond the
   * searched range |log theta| &lt;= 230 (theta beyond about 1e100): that is reported as not
   * computable.
   */
  private static double limit(
      DoubleUnaryOperator statistic,
      double shift,
      boolean lower,
      double logStart,
      String method,
      double level) {
    try {
      return Math.exp(MonotoneRoot.solve(u -> statistic.applyAsDouble(u) + shift, logStart, false));
    } catch (RootFindingException beyondRange) {
      throw new StatsException(
          method
              + ": the score interval's "
              + (lower ? "lower" : "upper")
              + " limit at level "
              + level
              + " lies outside the searched range of the ratio, exp(-"
              + SEARCHED
              + ") to exp("
              + SEARCHED
              + ") (about 1e-100 to 1e100)");
    }
  }
}
