package org.trialstats.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of independence for an r x c contingency table, as SAS PROC FREQ
 * ({@code TABLES a*b / CHISQ}, "Chi-Square") and R's {@code chisq.test(x, correct = FALSE)}.
 *
 * <p>With row totals R_i, column totals C_j, grand total N and expected counts E_ij = R_i C_j / N:
 * X^2 = sum_ij (O_ij - E_ij)^2 / E_ij on (r - 1)(c - 1) degrees of freedom, p = P(chi^2 &gt;= X^2).
 * Rows and columns with a zero total are dropped first (their expected counts are 0). No continuity
 * correction, also for 2 x 2 tables. Pearson K. On the criterion that a given system of deviations
 * from the probable in the case of a correlated system of variables is such that it can be
 * reasonably supposed to have arisen from random sampling. Phil Mag 1900;50:157-175; Agresti A.
 * Categorical Data Analysis, 3rd ed. Wiley 2013, section 3.2.
 */
public final class PearsonChiSquare {
  private PearsonChiSquare() {}

  /**
   * Pearson's chi-square test of independence.
   *
   * @param table the observed counts
   * @return X^2, its degrees of freedom and the p-value
   * @throws StatsException if fewer than two rows or two columns have a non-zero total
   */
  public static ChiSquareResult test(ContingencyTable table) {
    ContingencyTable t = table.withoutEmptyMargins();
    if (t.rows() < 2 || t.columns() < 2) {
      throw new StatsException(
          "the chi-square test needs at least two non-empty rows and two"
              + " non-empty columns; the table has "
              + t.rows()
              + " x "
              + t.columns());
    }
    long[] rows = t.rowTotals();
    long[] cols = t.columnTotals();
    double n = t.total();
    double x2 = 0;
    for (int i = 0; i < t.rows(); i++) {
      for (int j = 0; j < t.columns(); j++) {
        double expected = rows[i] * (double) cols[j] / n;
        double d = t.count(i, j) - expected;
        x2 += d * d / expected;
      }
    }
    int df = (t.rows() - 1) * (t.columns() - 1);
    return new ChiSquareResult(x2, df, ChiSquaredDistribution.of(df).survivalProbability(x2));
  }
}
