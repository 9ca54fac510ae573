package org.trialstats.stats;

import java.util.List;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * The Cochran-Mantel-Haenszel test and the Mantel-Haenszel estimates of a common risk difference,
 * risk ratio and odds ratio over K strata of 2x2 tables.
 *
 * <p>Notation per stratum h (strata with an empty arm are dropped, see {@link StratifiedTables}): a
 * = x1, b = n1 - x1, c = x2, d = n2 - x2, N = n1 + n2, m = a + c (events), p_i = x_i / n_i. Nothing
 * is added to zero cells: a stratum with no events contributes nothing to the odds-ratio and
 * risk-ratio sums and a zero-variance term to the test; it still carries its weight in the risk
 * difference.
 */
public final class CochranMantelHaenszel {
  private CochranMantelHaenszel() {}

  /**
   * The Cochran-Mantel-Haenszel test of conditional independence (common odds ratio 1), 1 df:
   *
   * <pre>
   *   CMH = (|sum (a - n1 m / N)| - cc)^2 / sum n1 n2 m (N - m) / (N^2 (N - 1))
   * </pre>
   *
   * with cc = 0, or with the continuity correction cc = 1/2 applied only when |sum (a - E a)| &gt;=
   * 1/2 (as R's {@code mantelhaen.test(correct = TRUE)}). Mantel N, Haenszel W. J Natl Cancer Inst
   * 1959;22:719-748; Cochran WG. Biometrics 1954;10:417-451; Agresti A, Categorical Data Analysis,
   * 3rd ed. 2013, section 6.4.2.
   *
   * @param tables the strata
   * @param continuityCorrection whether to subtract 1/2 from |sum (a - E a)|
   * @return the statistic with 1 df, undefined (NaN) when no stratum has both events and non-events
   *     (every conditional variance is 0)
   */
  public static ChiSquareStatistic test(StratifiedTables tables, boolean continuityCorrection) {
    double deviation = 0;
    double variance = 0;
    for (Stratum s : tables.informative()) {
      double n1 = s.n1();
      double n2 = s.n2();
      double total = s.total();
      double m = s.events();
      deviation += s.x1() - n1 * (m / total);
      variance += n1 * n2 / total * (m / total) * ((total - m) / (total - 1));
    }
    if (!(variance > 0)) {
      return ChiSquareStatistic.undefined();
    }
    double correction = continuityCorrection && Math.abs(deviation) >= 0.5 ? 0.5 : 0;
    double numerator = Math.abs(deviation) - correction;
    return ChiSquareStatistic.of(numerator * numerator / variance, 1);
  }

  /**
   * The Mantel-Haenszel common odds ratio OR_MH = sum R / sum S, R = a d / N, S = b c / N, with the
   * Robins-Breslow-Greenland variance
   *
   * <pre>
   *   Var(log OR_MH) = sum P R / (2 (sum R)^2) + sum (P S + Q R) / (2 sum R sum S)
   *                    + sum Q S / (2 (sum S)^2),   P = (a + d) / N, Q = (b + c) / N,
   * </pre>
   *
   * and the interval exp(log OR_MH -/+ z sqrt(Var)). Robins J, Breslow N, Greenland S. Biometrics
   * 1986;42:311-323 (equation 11).
   *
   * @param tables the strata
   * @param level confidence level in (0, 1)
   * @param method the method id to record in the estimate
   * @return estimate and interval
   * @throws StatsException when sum R or sum S is 0 (the estimate is 0 or infinite)
   */
  static Estimate oddsRatio(StratifiedTables tables, double level, String method) {
    Pooled pooled = logOddsRatio(tables.informative());
    if (!Double.isFinite(pooled.estimate())) {
      throw new StatsException(
          "the Mantel-Haenszel odds ratio is "
              + (pooled.estimate() < 0 ? "0" : "infinite")
              + " (sum of a d / N or of b c / N over the strata is 0), so its log-scale interval"
              + " is undefined; use the exact conditional or a score (mn) interval");
    }
    return logScale(Measure.OR, method, pooled, level);
  }

  static Estimate riskRatio(StratifiedTables tables, double level, String method) {
    Pooled pooled = logRiskRatio(tables.informative());
    if (!Double.isFinite(pooled.estimate())) {
      boolean zero = pooled.estimate() < 0;
      throw new StatsException(
          "the Mantel-Haenszel risk ratio is "
              + (zero ? "0" : "infinite")
              + " (no events in arm "
              + (zero ? "1" : "2")
              + " of any stratum), so its"
              + " log-scale interval is undefined; use a score (mn) interval");
    }
    return logScale(Measure.RR, method, pooled, level);
  }

  static Estimate riskDifference(
      StratifiedTables tables, double level, boolean sato, String method) {
    double z = ConfidenceLevel.z(level);
    List<Stratum> strata = tables.informative();
    Pooled pooled = sato ? riskDifference(strata) : null;
    double rd;
    double variance;
    if (sato) {
      rd = pooled.estimate();
      variance = pooled.standardError() * pooled.standardError();
    } else {
      double numerator = 0;
      double weightSum = 0;
      variance = 0;
      for (Stratum s : strata) {
        double n1 = s.n1();
        double n2 = s.n2();
        double w = n1 * n2 / s.total();
        numerator += exactDeterminant(s) / (double) s.total();
        weightSum += w;
        double v1 = s.x1() * (n1 - s.x1()) / (n1 * n1 * n1);
        double v2 = s.x2() * (n2 - s.x2()) / (n2 * n2 * n2);
        variance += w * w * (v1 + v2);
      }
      rd = numerator / weightSum;
      variance /= weightSum * weightSum;
    }
    double halfWidth = z * Math.sqrt(Math.max(0, variance));
    return Estimate.interval(
        Measure.RD, method, rd, Math.max(-1, rd - halfWidth), Math.min(1, rd + halfWidth), level);
  }

  /**
   * A Mantel-Haenszel pooled effect on its analysis scale (the log for ratios) with its standard
   * error.
   *
   * @param estimate the pooled effect: -Infinity, +Infinity or NaN for a ratio whose numerator or
   *     denominator sum is 0
   * @param standardError its standard error
   */
  public record Pooled(double estimate, double standardError) {}

  /**
   * The Mantel-Haenszel log odds ratio log(sum R / sum S), R = a d / N, S = b c / N, with the
   * Robins-Breslow-Greenland standard error: Var = 1/2 [sum P R / (sum R)^2 + sum (P S + Q R) /
   * (sum R sum S) + sum Q S / (sum S)^2], P = (a + d) / N, Q = (b + c) / N (Robins, Breslow &amp;
   * Greenland 1986, Biometrics 42:311-323, eq. 11). Shared by the stratified analysis of one trial
   * and by the meta-analysis of trials (metafor's {@code rma.mh}).
   *
   * @param strata the tables, each contributing as it is (no correction of zero cells)
   * @return the pooled log odds ratio and its standard error
   */
  public static Pooled logOddsRatio(List<Stratum> strata) {
    double sumR = 0;
    double sumS = 0;
    double sumPR = 0;
    double sumPSQR = 0;
    double sumQS = 0;
    for (Stratum s : strata) {
      double total = s.total();
      double a = s.x1();
      double b = s.n1() - s.x1();
      double c = s.x2();
      double d = s.n2() - s.x2();
      double r = a * (d / total);
      double q = (b + c) / total;
      double p = (a + d) / total;
      double sv = b * (c / total);
      sumR += r;
      sumS += sv;
      sumPR += p * r;
      sumPSQR += p * sv + q * r;
      sumQS += q * sv;
    }
    double variance =
        0.5 * (sumPR / (sumR * sumR) + sumPSQR / (sumR * sumS) + sumQS / (sumS * sumS));
    return new Pooled(Math.log(sumR / sumS), Math.sqrt(variance));
  }

  /**
   * The Mantel-Haenszel log risk ratio log(sum a n2 / N / sum c n1 / N) with the Greenland-Robins
   * standard error: Var = sum (n1 n2 m / N^2 - a c / N) / (sum a n2 / N sum c n1 / N), m = a + c
   * (Greenland &amp; Robins 1985, Biometrics 41:55-68, eq. 13).
   *
   * @param strata the tables
   * @return the pooled log risk ratio and its standard error
   */
  public static Pooled logRiskRatio(List<Stratum> strata) {
    double sumR = 0;
    double sumS = 0;
    double sumV = 0;
    for (Stratum s : strata) {
      double total = s.total();
      double r = s.x1() * (s.n2() / total);
      double sv = s.x2() * (s.n1() / total);
      sumR += r;
      sumS += sv;
      sumV += s.n1() * (s.n2() / total) * (s.events() / total) - s.x1() * (s.x2() / total);
    }
    return new Pooled(Math.log(sumR / sumS), Math.sqrt(sumV / (sumR * sumS)));
  }

  /**
   * The Mantel-Haenszel risk difference sum (a n2 - c n1) / N / sum n1 n2 / N with Sato's standard
   * error: Var = (RD sum P + sum Q) / (sum n1 n2 / N)^2, P = (n1^2 c - n2^2 a + n1 n2 (n2 - n1) /
   * 2) / N^2, Q = (a d + c b) / (2 N) (Sato, Greenland &amp; Robins 1989, Biometrics 45:1323-1324).
   * A variance that rounding makes slightly negative (every table with RD = +-1) is taken as 0.
   *
   * @param strata the tables
   * @return the pooled risk difference and its standard error
   */
  public static Pooled riskDifference(List<Stratum> strata) {
    double numerator = 0;
    double weightSum = 0;
    for (Stratum s : strata) {
      double total = s.total();
      numerator += exactDeterminant(s) / total;
      weightSum += s.n1() * (s.n2() / total);
    }
    double rd = numerator / weightSum;
    double sumP = 0;
    double sumQ = 0;
    for (Stratum s : strata) {
      double n1 = s.n1();
      double n2 = s.n2();
      double total = s.total();
      double a = s.x1();
      double c = s.x2();
      sumP += (n1 * n1 * c - n2 * n2 * a + n1 * n2 * (n2 - n1) / 2) / (total * total);
      sumQ += (a * (n2 - c) + c * (n1 - a)) / (2 * total);
    }
    double variance = (rd * sumP + sumQ) / (weightSum * weightSum);
    return new Pooled(rd, Math.sqrt(Math.max(0, variance)));
  }

  /** a n2 - c n1, exact: each product of counts up to 2 x 10^9 fits a long. */
  private static double exactDeterminant(Stratum s) {
    return s.x1() * s.n2() - s.x2() * s.n1();
  }

  private static Estimate logScale(Measure measure, String method, Pooled pooled, double level) {
    double z = ConfidenceLevel.z(level);
    double log = pooled.estimate();
    double se = pooled.standardError();
    return Estimate.interval(
        measure, method, Math.exp(log), Math.exp(log - z * se), Math.exp(log + z * se), level);
  }
}
