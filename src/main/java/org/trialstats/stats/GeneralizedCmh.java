package org.trialstats.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The generalized Cochran-Mantel-Haenszel statistics of K strata of r x c tables (Landis JR, Heyman
 * ER, Koch GG. Average partial association in three-way contingency tables: a review and discussion
 * of alternative tests. Int Stat Rev 1978;46:237-254), as SAS PROC FREQ's {@code CMH} option prints
 * them and, for the general association statistic, R's {@code mantelhaen.test}.
 *
 * <p>Per stratum h with counts n_hij, total n_h, row proportions p_h = (n_hi+ / n_h) and column
 * proportions q_h = (n_h+j / n_h), under the null hypothesis of no association conditional on the
 * margins (multiple hypergeometric), the vector of cells (row-major, index i c + j) has mean m_h =
 * n_h (p_h ⊗ q_h) and covariance V_h = n_h^2 / (n_h - 1) (D(p_h) - p_h p_h') ⊗ (D(q_h) - q_h q_h').
 * For a contrast matrix A (one per constant), with G = sum_h A (n_h - m_h) and S = sum_h A V_h A',
 * the statistic is Q = G' S^-1 G, chi-square on rank(A) degrees of freedom for large total samples
 * (LHK 1978, eqs. 2.5-2.9). Strata with fewer than two subjects carry no information (V_h = 0) and
 * are left out; rows and columns empty in every stratum are dropped first, as SAS does.
 */
public enum GeneralizedCmh {
  /**
   * General association: A = [I_(r-1), 0] ⊗ [I_(c-1), 0], (r - 1)(c - 1) df; the rows and the
   * columns may both be nominal. With one stratum Q = (n - 1) / n X^2 (Pearson's X^2); with 2 x 2
   * tables the Mantel-Haenszel statistic without continuity correction.
   */
  GENERAL_ASSOCIATION {
    @Override
    double[][] contrasts(double[] rowScores, double[] columnScores) {
      return kronecker(identityLessOne(rowScores.length), identityLessOne(columnScores.length));
    }
  },
  /**
   * Row mean scores differ: A = [I_(r-1), 0] ⊗ a', r - 1 df, with a the column scores (the columns
   * ordered, the rows nominal, e.g. arms x ordinal response): tests whether the mean score differs
   * between rows. With one stratum Q = (n - 1) SS_between / SS_total of the scores.
   */
  ROW_MEAN_SCORES {
    @Override
    double[][] contrasts(double[] rowScores, double[] columnScores) {
      return kronecker(identityLessOne(rowScores.length), new double[][] {columnScores});
    }
  },
  /**
   * Nonzero correlation: A = b' ⊗ a', 1 df, with b the row scores and a the column scores (both
   * ordered): the Mantel (1963) extension. With one stratum Q = (n - 1) r^2, r the Pearson
   * correlation of the scores.
   */
  CORRELATION {
    @Override
    double[][] contrasts(double[] rowScores, double[] columnScores) {
      return kronecker(new double[][] {rowScores}, new double[][] {columnScores});
    }
  };

  /** The contrast matrix A, rows x (r c). */
  abstract double[][] contrasts(double[] rowScores, double[] columnScores);

  /**
   * The statistic over the strata.
   *
   * @param strata the r x c tables, all of the same dimensions
   * @param rowScores the scores of the rows (used by {@link #CORRELATION}), length r
   * @param columnScores the scores of the columns (used by {@link #ROW_MEAN_SCORES} and {@link
   *     #CORRELATION}), length c
   * @return Q, its degrees of freedom and the upper-tail chi-square p-value
   * @throws StatsException if there is no stratum, the tables differ in dimensions, the scores do
   *     not match them or are not finite, fewer than two rows or columns are non-empty, or S is
   *     singular (e.g. every informative stratum has a single non-empty row)
   */
  public ChiSquareResult test(
      List<ContingencyTable> strata, double[] rowScores, double[] columnScores) {
    if (strata == null || strata.isEmpty()) {
      throw new StatsException("the Cochran-Mantel-Haenszel statistic needs at least one stratum");
    }
    int r = strata.get(0).rows();
    int c = strata.get(0).columns();
    for (ContingencyTable t : strata) {
      if (t.rows() != r || t.columns() != c) {
        throw new StatsException(
            "every stratum needs a "
                + r
                + " x "
                + c
                + " table like the first; one is "
                + t.rows()
                + " x "
                + t.columns());
      }
    }
    if (rowScores.length != r || columnScores.length != c) {
      throw new StatsException(
          "the scores need one value per row ("
              + r
              + ") and per column ("
              + c
              + "); got "
              + rowScores.length
              + " and "
              + columnScores.length);
    }
    for (double[] scores : List.of(rowScores, columnScores)) {
      for (double s : scores) {
        if (!Double.isFinite(s)) {
          throw new StatsException("scores must be finite numbers, got " + s);
        }
      }
    }
    // rows and columns empty in every stratum
    List<Integer> keepRows = new ArrayList<>();
    List<Integer> keepColumns = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      long sum = 0;
      for (ContingencyTable t : strata) {
        sum += t.rowTotals()[i];
      }
      if (sum > 0) {
        keepRows.add(i);
      }
    }
    for (int j = 0; j < c; j++) {
      long sum = 0;
      for (ContingencyTable t : strata) {
        sum += t.columnTotals()[j];
      }
      if (sum > 0) {
        keepColumns.add(j);
      }
    }
    int rr = keepRows.size();
    int cc = keepColumns.size();
    if (rr < 2 || cc < 2) {
      throw new StatsException(
          "the Cochran-Mantel-Haenszel statistic needs at least two non-empty rows and two"
              + " non-empty columns; the strata have "
              + rr
              + " x "
              + cc);
    }
    double[] b = keepRows.stream().mapToDouble(i -> rowScores[i]).toArray();
    double[] a = keepColumns.stream().mapToDouble(j -> columnScores[j]).toArray();
    RealMatrix contrast = new Array2DRowRealMatrix(contrasts(b, a), false);
    int q = contrast.getRowDimension();
    ArrayRealVector g = new ArrayRealVector(q);
    RealMatrix s = new Array2DRowRealMatrix(q, q);
    for (ContingencyTable t : strata) {
      double n = t.total();
      if (n < 2) {
        continue;
      }
      long[] rowTotals = t.rowTotals();
      long[] columnTotals = t.columnTotals();
      double[] p = keepRows.stream().mapToDouble(i -> rowTotals[i] / n).toArray();
      double[] pc = keepColumns.stream().mapToDouble(j -> columnTotals[j] / n).toArray();
      double[] deviation = new double[rr * cc];
      for (int i = 0; i < rr; i++) {
        for (int j = 0; j < cc; j++) {
          deviation[i * cc + j] = t.count(keepRows.get(i), keepColumns.get(j)) - n * p[i] * pc[j];
        }
      }
      double[][] v = kronecker(multinomial(p), multinomial(pc));
      RealMatrix covariance = new Array2DRowRealMatrix(v, false).scalarMultiply(n * n / (n - 1));
      g = g.add(contrast.operate(new ArrayRealVector(deviation, false)));
      s = s.add(contrast.multiply(covariance).multiply(contrast.transpose()));
    }
    double scale = maxAbs(s);
    DecompositionSolver solver = new LUDecomposition(s, 1e-10 * scale).getSolver();
    if (!(scale > 0) || !solver.isNonSingular()) {
      throw new StatsException(
          "the Cochran-Mantel-Haenszel statistic is undefined: its variance matrix is singular"
              + " (no stratum has two non-empty rows and columns, or the scores are constant)");
    }
    double statistic = g.dotProduct(solver.solve(g));
    return new ChiSquareResult(
        statistic, q, ChiSquaredDistribution.of(q).survivalProbability(statistic));
  }

  /** D(p) - p p'. */
  private static double[][] multinomial(double[] p) {
    double[][] m = new double[p.length][p.length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        m[i][j] = (i == j ? p[i] : 0) - p[i] * p[j];
      }
    }
    return m;
  }

  /** [I_(k-1), 0]: the first k - 1 of k categories. */
  private static double[][] identityLessOne(int k) {
    double[][] m = new double[k - 1][k];
    for (int i = 0; i < k - 1; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double[][] kronecker(double[][] x, double[][] y) {
    int xr = x.length;
    int xc = x[0].length;
    int yr = y.length;
    int yc = y[0].length;
    double[][] k = new double[xr * yr][xc * yc];
    for (int i = 0; i < xr; i++) {
      for (int j = 0; j < xc; j++) {
        for (int u = 0; u < yr; u++) {
          for (int w = 0; w < yc; w++) {
            k[i * yr + u][j * yc + w] = x[i][j] * y[u][w];
          }
        }
      }
    }
    return k;
  }

  private static double maxAbs(RealMatrix m) {
    double max = 0;
    for (double[] row : m.getData()) {
      for (double x : row) {
        max = Math.max(max, Math.abs(x));
      }
    }
    return max;
  }
}
