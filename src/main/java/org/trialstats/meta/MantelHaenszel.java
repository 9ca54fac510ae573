package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.stats.CochranMantelHaenszel;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedTables.Stratum;
import org.trialstats.stats.TwoByTwo;

/**
 * Mantel-Haenszel pooled estimates from raw counts (no continuity correction), as metafor's {@code
 * rma.mh()}. Per table: a, b, c, d the cells, n1 = a + b, n2 = c + d, N = n1 + n2.
 */
public final class MantelHaenszel {
  private MantelHaenszel() {}

  /**
   * A pooled estimate on the analysis scale with its standard error and the MH weight of each table
   * (before normalisation).
   */
  public record Pooled(double mu, double se, double[] weights) {}

  /**
   * Pools the tables for RR, OR or RD.
   *
   * <ul>
   *   <li>OR: OR_MH = sum R_i / sum S_i, R = a d/N, S = b c/N; Var(log OR_MH) = 1/2 [sum P R / (sum
   *       R)^2 + sum (P S + Q R)/(sum R sum S) + sum Q S/(sum S)^2], P = (a + d)/N, Q = (b + c)/N
   *       (Robins, Breslow &amp; Greenland 1986, Biometrics 42:311-323, eq. 11). Weights b c/N.
   *   <li>RR: RR_MH = sum a n2/N / sum c n1/N; Var(log RR_MH) = sum (n1 n2 (a + c)/N^2 - a c/N) /
   *       (sum a n2/N sum c n1/N) (Greenland &amp; Robins 1985, Biometrics 41:55-68, eq. 13).
   *       Weights c n1/N.
   *   <li>RD: RD_MH = sum (a n2 - c n1)/N / sum n1 n2/N; Var = [RD sum (c (n1/N)^2 - a (n2/N)^2 +
   *       (n1/N)(n2/N)(n2 - n1)/2) + sum (a d + c b)/(2N)] / (sum n1 n2/N)^2 (Sato, Greenland &amp;
   *       Robins 1989, Biometrics 45:1323-1324; the form used by metafor). Weights n1 n2/N.
   * </ul>
   *
   * <p>The sums are those of the stratified analysis of one trial ({@link CochranMantelHaenszel}).
   *
   * @param tables the studies' tables
   * @param measure OR, RR or RD
   * @return the pooled estimate on the analysis scale, its standard error and the weights
   * @throws StatsException when the pooled ratio is undefined (no events in arm 1 or arm 2 of any
   *     table, or no non-events where the odds ratio needs them)
   */
  public static Pooled pool(List<TwoByTwo> tables, EffectMeasure measure) {
    int k = tables.size();
    double[] weights = new double[k];
    List<Stratum> strata = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      TwoByTwo t = tables.get(i);
      strata.add(new Stratum(t.x1(), t.n1(), t.x2(), t.n2()));
      double n = (double) t.n1() + t.n2();
      weights[i] =
          switch (measure) {
            case OR -> (t.n1() - t.x1()) * (t.x2() / n);
            case RR -> t.x2() * (t.n1() / n);
            case RD -> t.n1() * (t.n2() / n);
            default -> throw new IllegalArgumentException(measure + " is not a two-by-two measure");
          };
    }
    CochranMantelHaenszel.Pooled pooled =
        switch (measure) {
          case OR -> CochranMantelHaenszel.logOddsRatio(strata);
          case RR -> CochranMantelHaenszel.logRiskRatio(strata);
          default -> CochranMantelHaenszel.riskDifference(strata);
        };
    if (!Double.isFinite(pooled.estimate())) {
      throw new StatsException(
          measure == EffectMeasure.OR
              ? "the Mantel-Haenszel odds ratio is undefined: sum(a d / N) or sum(b c / N) is 0"
                  + " (one arm has no events, or no non-events, in every study); use Peto's method"
                  + " or a random-effects model with the 0.5 correction"
              : "the Mantel-Haenszel risk ratio is undefined: one arm has no events in any study;"
                  + " use a random-effects model with the 0.5 correction, or the risk"
                  + " difference");
    }
    return new Pooled(pooled.estimate(), pooled.standardError(), weights);
  }
}
