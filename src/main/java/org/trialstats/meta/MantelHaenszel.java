package org.trialstats.meta;

import java.util.List;
import org.trialstats.stats.StatsException;
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
   * @throws StatsException when the pooled ratio is undefined (no events in arm 1 or arm 2 of any
   *     table, or no non-events where the odds ratio needs them)
   */
  public static Pooled pool(List<TwoByTwo> tables, EffectMeasure measure) {
    int k = tables.size();
    double[] weights = new double[k];
    switch (measure) {
      case OR -> {
        double sumR = 0;
        double sumS = 0;
        double sumPR = 0;
        double sumPSQR = 0;
        double sumQS = 0;
        for (int i = 0; i < k; i++) {
          Cells t = new Cells(tables.get(i));
          double r = t.a * (t.d / t.n);
          double s = t.b * (t.c / t.n);
          double p = (t.a + t.d) / t.n;
          double q = (t.b + t.c) / t.n;
          sumR += r;
          sumS += s;
          sumPR += p * r;
          sumPSQR += p * s + q * r;
          sumQS += q * s;
          weights[i] = s;
        }
        if (sumR == 0 || sumS == 0) {
          throw new StatsException(
              "the Mantel-Haenszel odds ratio is undefined: sum(a d / N) or sum(b c / N) is 0"
                  + " (one arm has no events, or no non-events, in every study); use Peto's method"
                  + " or a random-effects model with the 0.5 correction");
        }
        double variance =
            0.5 * (sumPR / (sumR * sumR) + sumPSQR / (sumR * sumS) + sumQS / (sumS * sumS));
        return new Pooled(Math.log(sumR / sumS), Math.sqrt(variance), weights);
      }
      case RR -> {
        double sumR = 0;
        double sumS = 0;
        double sumV = 0;
        for (int i = 0; i < k; i++) {
          Cells t = new Cells(tables.get(i));
          double r = t.a * (t.n2 / t.n);
          double s = t.c * (t.n1 / t.n);
          sumR += r;
          sumS += s;
          sumV += (t.n1 / t.n) * (t.n2 / t.n) * (t.a + t.c) - t.a * (t.c / t.n);
          weights[i] = s;
        }
        if (sumR == 0 || sumS == 0) {
          throw new StatsException(
              "the Mantel-Haenszel risk ratio is undefined: one arm has no events in any study;"
                  + " use a random-effects model with the 0.5 correction, or the risk"
                  + " difference");
        }
        return new Pooled(Math.log(sumR / sumS), Math.sqrt(sumV / (sumR * sumS)), weights);
      }
      case RD -> {
        double numerator = 0;
        double sumW = 0;
        for (int i = 0; i < k; i++) {
          Cells t = new Cells(tables.get(i));
          numerator += EffectSizes.determinant(t.a, t.n2, t.c, t.n1) / t.n;
          weights[i] = t.n1 * (t.n2 / t.n);
          sumW += weights[i];
        }
        double rd = numerator / sumW;
        double sumBracket = 0;
        double sumCross = 0;
        for (int i = 0; i < k; i++) {
          Cells t = new Cells(tables.get(i));
          double f1 = t.n1 / t.n;
          double f2 = t.n2 / t.n;
          sumBracket += t.c * f1 * f1 - t.a * f2 * f2 + f1 * f2 * (t.n2 - t.n1) / 2;
          sumCross += (t.a * (t.d / t.n) + t.c * (t.b / t.n)) / 2;
        }
        double variance = (rd * sumBracket + sumCross) / (sumW * sumW);
        // When every study has RD = +-1 the variance is 0 and rounding can make it slightly
        // negative: the interval is then degenerate at the estimate, as metafor reports it.
        return new Pooled(rd, Math.sqrt(Math.max(0, variance)), weights);
      }
      default -> throw new IllegalArgumentException(measure + " is not a two-by-two measure");
    }
  }

  /** Cell counts as doubles (exact up to 2^53). */
  private static final class Cells {
    final double a;
    final double b;
    final double c;
    final double d;
    final double n1;
    final double n2;
    final double n;

    Cells(TwoByTwo t) {
      a = t.x1();
      b = t.n1() - t.x1();
      c = t.x2();
      d = t.n2() - t.x2();
      n1 = t.n1();
      n2 = t.n2();
      n = n1 + n2;
    }
  }
}
