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
    double z = ConfidenceLevel.z(level);
    double sumR = 0;
    double sumS = 0;
    double sumPR = 0;
    double sumPSQR = 0;
    double sumQS = 0;
    for (Stratum s : tables.informative()) {
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
    if (sumR == 0 || sumS == 0) {
      throw new StatsException(
          "the Mantel-Haenszel odds ratio is "
              + (sumR == 0 ? "0" : "infinite")
              + " (sum of a d / N or of b c / N over the strata is 0), so its log-scale interval"
              + " is undefined; use the exact conditional or a score (mn) interval");
    }
    double variance =
        0.5 * (sumPR / (sumR * sumR) + sumPSQR / (sumR * sumS) + sumQS / (sumS * sumS));
    return logScale(Measure.OR, method, sumR / sumS, Math.sqrt(variance), z, level);
  }

  /**
   * The Mantel-Haenszel common risk ratio RR_MH = sum a n2 / N / sum c n1 / N with the
   * Greenland-Robins variance
   *
   * <pre>
   *   Var(log RR_MH) = sum (n1 n2 m / N^2 - a c / N) / (sum a n2 / N * sum c n1 / N)
   * </pre>
   *
   * and the interval exp(log RR_MH -/+ z sqrt(Var)). Greenland S, Robins JM. Biometrics
   * 1985;41:55-68 (equation 13); Nurminen M. Biometrical J 1981;23:237-250.
   *
   * @param tables the strata
   * @param level confidence level in (0, 1)
   * @param method the method id to record in the estimate
   * @return estimate and interval
   * @throws StatsException when no arm-1 or no arm-2 events are observed in any stratum
   */
  static Estimate riskRatio(StratifiedTables tables, double level, String method) {
    double z = ConfidenceLevel.z(level);
    double sumR = 0;
    double sumS = 0;
    double sumV = 0;
    for (Stratum s : tables.informative()) {
      double total = s.total();
      double r = s.x1() * (s.n2() / total);
      double sv = s.x2() * (s.n1() / total);
      sumR += r;
      sumS += sv;
      sumV += s.n1() * (s.n2() / total) * (s.events() / total) - s.x1() * (s.x2() / total);
    }
    if (sumR == 0 || sumS == 0) {
      throw new StatsException(
          "the Mantel-Haenszel risk ratio is "
              + (sumR == 0 ? "0" : "infinite")
              + " (no events in arm "
              + (sumR == 0 ? "1" : "2")
              + " of any stratum), so its"
              + " log-scale interval is undefined; use a score (mn) interval");
    }
    return logScale(Measure.RR, method, sumR / sumS, Math.sqrt(sumV / (sumR * sumS)), z, level);
  }

  /**
   * The Mantel-Haenszel common risk difference RD_MH = sum w_h d_h / sum w_h, w_h = n1 n2 / N, d_h
   * = p1 - p2, with the Wald interval RD_MH -/+ z sqrt(Var), clipped to [-1, 1], and one of two
   * variances:
   *
   * <ul>
   *   <li>Sato: Var = (RD_MH sum P + sum Q) / (sum w)^2, P = (n1^2 c - n2^2 a + n1 n2 (n2 - n1) /
   *       2) / N^2, Q = (a d + c b) / (2 N). Sato T. Biometrics 1989;45:1323-1324 (as PROC FREQ
   *       COMMONRISKDIFF(CL=MH) and epiR's ARisk.mh.sato);
   *   <li>Greenland-Robins: Var = sum w^2 (p1 q1 / n1 + p2 q2 / n2) / (sum w)^2. Greenland S,
   *       Robins JM. Biometrics 1985;41:55-68 (as epiR's ARisk.mh.green).
   * </ul>
   *
   * @param tables the strata
   * @param level confidence level in (0, 1)
   * @param sato Sato's variance (true) or Greenland-Robins' (false)
   * @param method the method id to record in the estimate
   * @return estimate and interval
   */
  static Estimate riskDifference(
      StratifiedTables tables, double level, boolean sato, String method) {
    double z = ConfidenceLevel.z(level);
    List<Stratum> strata = tables.informative();
    double numerator = 0;
    double weightSum = 0;
    for (Stratum s : strata) {
      double total = s.total();
      numerator += (s.x1() * (double) s.n2() - s.x2() * (double) s.n1()) / total;
      weightSum += s.n1() * (s.n2() / total);
    }
    double rd = numerator / weightSum;
    double variance = 0;
    if (sato) {
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
      variance = (rd * sumP + sumQ) / (weightSum * weightSum);
    } else {
      for (Stratum s : strata) {
        double n1 = s.n1();
        double n2 = s.n2();
        double w = n1 * n2 / s.total();
        double v1 = s.x1() * (n1 - s.x1()) / (n1 * n1 * n1);
        double v2 = s.x2() * (n2 - s.x2()) / (n2 * n2 * n2);
        variance += w * w * (v1 + v2);
      }
      variance /= weightSum * weightSum;
    }
    double halfWidth = z * Math.sqrt(Math.max(0, variance));
    return Estimate.interval(
        Measure.RD, method, rd, Math.max(-1, rd - halfWidth), Math.min(1, rd + halfWidth), level);
  }

  private static Estimate logScale(
      Measure measure, String method, double estimate, double se, double z, double level) {
    double log = Math.log(estimate);
    return Estimate.interval(
        measure, method, estimate, Math.exp(log - z * se), Math.exp(log + z * se), level);
  }
}
