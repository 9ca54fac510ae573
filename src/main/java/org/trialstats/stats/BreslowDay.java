package org.trialstats.stats;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * The Breslow-Day test of homogeneity of the odds ratios over K strata, with and without Tarone's
 * adjustment.
 *
 * <p>With psi = OR_MH the Mantel-Haenszel common odds ratio, let A_h be the expected count of cell
 * a given the stratum's margins and odds ratio psi: the root in [max(0, m - n2), min(n1, m)] of A
 * (n2 - m + A) = psi (n1 - A)(m - A). A equals n1 times the restricted maximum-likelihood event
 * probability of arm 1 under odds ratio psi (the margin is reproduced), which {@code
 * OddsRatioMethod} computes without cancellation. With V_h = 1 / (1/A + 1/B + 1/C + 1/D) (B = n1 -
 * A, C = m - A, D = n2 - m + A):
 *
 * <pre>
 *   BD = sum (a - A)^2 / V,   BD_Tarone = BD - (sum (a - A))^2 / sum V,   df = K' - 1,
 * </pre>
 *
 * Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. 1, IARC 1980, section 4.4,
 * equation 4.30; Tarone RE. Biometrika 1985;72:91-95. As PROC FREQ's CMH(BDT) output.
 *
 * <p>Strata whose conditional distribution is degenerate (no events or no non-events: A = a and V =
 * 0) carry no information on homogeneity and are left out; K' counts the others. The test is
 * undefined (NaN) when K' &lt; 2 or when OR_MH is 0 or infinite.
 */
public final class BreslowDay {
  private BreslowDay() {}

  /**
   * The Breslow-Day statistic.
   *
   * @param tables the strata
   * @param tarone whether to apply Tarone's adjustment
   * @return the statistic with K' - 1 df, or undefined
   */
  public static ChiSquareStatistic test(StratifiedTables tables, boolean tarone) {
    List<Stratum> used = new ArrayList<>();
    double sumR = 0;
    double sumS = 0;
    for (Stratum s : tables.informative()) {
      double total = s.total();
      sumR += s.x1() * ((s.n2() - s.x2()) / total);
      sumS += (s.n1() - s.x1()) * (s.x2() / total);
      if (s.events() > 0 && s.events() < s.total()) {
        used.add(s);
      }
    }
    if (used.size() < 2 || sumR == 0 || sumS == 0) {
      return ChiSquareStatistic.undefined();
    }
    double psi = sumR / sumS;
    double logPsi = Math.log(psi);
    double statistic = 0;
    double deviationSum = 0;
    double varianceSum = 0;
    for (Stratum s : used) {
      long m = s.events();
      long nonEvents = s.total() - m;
      double p2 = OddsRatioMethod.restrictedArm2Probability(s.n1(), s.n2(), m, psi, logPsi);
      double q2 =
          OddsRatioMethod.restrictedArm2Probability(s.n1(), s.n2(), nonEvents, 1 / psi, -logPsi);
      double expectedC = s.n2() * p2;
      double expectedD = s.n2() * q2;
      double expectedA = m - expectedC;
      double expectedB = nonEvents - expectedD;
      double variance = 1 / (1 / expectedA + 1 / expectedB + 1 / expectedC + 1 / expectedD);
      // a - A = C - c: the form with the smaller terms keeps its digits for large counts.
      double deviation = s.x1() <= s.x2() ? s.x1() - expectedA : expectedC - s.x2();
      statistic += deviation * deviation / variance;
      deviationSum += deviation;
      varianceSum += variance;
    }
    if (tarone) {
      statistic -= deviationSum * deviationSum / varianceSum;
    }
    return ChiSquareStatistic.of(statistic, used.size() - 1);
  }
}
