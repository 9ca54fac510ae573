package org.trialstats.meta;

import java.util.List;
import org.trialstats.stats.StatsException;

/**
 * Mantel-Haenszel pooling of incidence rates from raw counts and person-time (no correction), as
 * metafor's {@code rma.mh(x1i, t1i, x2i, t2i)}. Per study: x1, x2 events, t1, t2 person-time, T =
 * t1 + t2.
 */
public final class PersonTimeMantelHaenszel {
  private PersonTimeMantelHaenszel() {}

  /**
   * Pools the studies.
   *
   * <ul>
   *   <li>IRR: IRR_MH = sum x1 t2/T / sum x2 t1/T, Var(log IRR_MH) = sum (t1/T)(t2/T)(x1 + x2) /
   *       (sum x1 t2/T sum x2 t1/T) (Greenland &amp; Robins 1985, Biometrics 41:55-68, eq. 9).
   *       Weights x2 t1/T.
   *   <li>IRD: IRD_MH = sum (x1 t2 - x2 t1)/T / sum t1 t2/T, Var = sum (t1 t2/T)^2 (x1/t1^2 +
   *       x2/t2^2) / (sum t1 t2/T)^2 (Greenland &amp; Robins 1985, eq. 4). Weights t1 t2/T.
   * </ul>
   *
   * @param studies events and person-time per study
   * @param measure IRR or IRD
   * @return the pooled estimate on the analysis scale, its standard error and the weights
   * @throws StatsException when the rate ratio is undefined (no events in one arm of every study)
   */
  public static MantelHaenszel.Pooled pool(List<PersonTime> studies, EffectMeasure measure) {
    int k = studies.size();
    double[] weights = new double[k];
    if (measure == EffectMeasure.IRR) {
      double sumR = 0;
      double sumS = 0;
      double sumV = 0;
      for (int i = 0; i < k; i++) {
        PersonTime p = studies.get(i);
        double total = p.time1() + p.time2();
        double f1 = p.time1() / total;
        double f2 = p.time2() / total;
        sumR += p.events1() * f2;
        sumS += p.events2() * f1;
        sumV += f1 * f2 * ((double) p.events1() + p.events2());
        weights[i] = p.events2() * f1;
      }
      if (sumR == 0 || sumS == 0) {
        throw new StatsException(
            "the Mantel-Haenszel rate ratio is undefined: one arm has no events in any study;"
                + " use a random-effects model with the 0.5 correction, or the rate difference");
      }
      return new MantelHaenszel.Pooled(
          Math.log(sumR / sumS), Math.sqrt(sumV / (sumR * sumS)), weights);
    }
    if (measure != EffectMeasure.IRD) {
      throw new IllegalArgumentException(measure + " is not a rate measure");
    }
    double numerator = 0;
    double sumW = 0;
    for (int i = 0; i < k; i++) {
      PersonTime p = studies.get(i);
      double total = p.time1() + p.time2();
      numerator += EffectSizes.determinant(p.events1(), p.time2(), p.events2(), p.time1()) / total;
      weights[i] = p.time1() / total * p.time2();
      sumW += weights[i];
    }
    double variance = 0;
    for (int i = 0; i < k; i++) {
      PersonTime p = studies.get(i);
      double w = weights[i];
      variance +=
          w * w * (p.events1() / (p.time1() * p.time1()) + p.events2() / (p.time2() * p.time2()));
    }
    return new MantelHaenszel.Pooled(numerator / sumW, Math.sqrt(variance) / sumW, weights);
  }
}
