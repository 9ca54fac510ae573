package org.trialstats.survival;

import java.util.ArrayList;
import java.util.List;

/**
 * Kaplan-Meier estimation per group (strata pooled: a curve describes a whole group, as in a CSR
 * figure).
 */
public final class KaplanMeier {
  private KaplanMeier() {}

  /**
   * One Kaplan-Meier curve per group, S(t) = prod over event times t_j &lt;= t of (1 - d_j / n_j)
   * with Greenwood's variance (Kaplan EL, Meier P 1958, JASA 53:457-481; Greenwood M 1926). O(n log
   * n): one sort of the times, then a sweep.
   *
   * @param sample the data (its strata are pooled)
   * @return the curves in group order; a group without subjects gets a curve with no rows
   */
  public static List<KaplanMeierCurve> byGroup(SurvivalSample sample) {
    return byGroup(sample.pooledTable());
  }

  static List<KaplanMeierCurve> byGroup(RiskSetTable table) {
    int k = table.groups;
    List<KaplanMeierCurve> curves = new ArrayList<>(k);
    int rows = table.time.length;
    for (int g = 0; g < k; g++) {
      int m = 0;
      for (int r = 0; r < rows; r++) {
        if (table.events[r * k + g] + table.censored[r * k + g] > 0) {
          m++;
        }
      }
      double[] time = new double[m];
      int[] risk = new int[m];
      int[] events = new int[m];
      int[] censored = new int[m];
      int i = 0;
      for (int r = 0; r < rows; r++) {
        int d = table.events[r * k + g];
        int c = table.censored[r * k + g];
        if (d + c > 0) {
          time[i] = table.time[r];
          risk[i] = table.risk[r * k + g];
          events[i] = d;
          censored[i] = c;
          i++;
        }
      }
      curves.add(new KaplanMeierCurve(time, risk, events, censored, m == 0 ? 0 : risk[0]));
    }
    return curves;
  }
}
