package org.trialstats.stats;

import java.util.Arrays;

/**
 * An r x c table of non-negative counts (rows = categories of one variable, columns = the other,
 * e.g. arms). Rows or columns whose total is zero are dropped by {@link #withoutEmptyMargins()}, as
 * R's {@code fisher.test} and SAS PROC FREQ ignore them for the tests.
 *
 * @param counts the cells, {@code counts[i][j]} for row i and column j; copied defensively
 */
public record ContingencyTable(long[][] counts) {

  /**
   * Validates and copies the cells.
   *
   * @param counts the cells, {@code counts[i][j]} for row i and column j (non-negative)
   * @throws StatsException if there is no cell, the rows differ in length or a count is negative
   */
  public ContingencyTable {
    if (counts == null || counts.length == 0 || counts[0].length == 0) {
      throw new StatsException("a contingency table needs at least one row and one column");
    }
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != counts[0].length) {
        throw new StatsException(
            "every row of a contingency table needs "
                + counts[0].length
                + " cells; row "
                + (i + 1)
                + " has "
                + counts[i].length);
      }
      for (long v : counts[i]) {
        if (v < 0) {
          throw new StatsException("counts must be >= 0; row " + (i + 1) + " has " + v);
        }
      }
      copy[i] = counts[i].clone();
    }
    counts = copy;
  }

  /**
   * A table from int cells.
   *
   * @param counts {@code counts[i][j]} for row i and column j
   * @return the table
   * @throws StatsException as the canonical constructor
   */
  public static ContingencyTable of(int[][] counts) {
    long[][] c = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      c[i] = Arrays.stream(counts[i]).asLongStream().toArray();
    }
    return new ContingencyTable(c);
  }

  /**
   * @return the cells (a copy)
   */
  @Override
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return counts.length;
  }

  /**
   * @return the number of columns
   */
  public int columns() {
    return counts[0].length;
  }

  /**
   * @param i row index
   * @param j column index
   * @return the count in row i, column j
   */
  public long count(int i, int j) {
    return counts[i][j];
  }

  /**
   * @return the row totals
   */
  public long[] rowTotals() {
    long[] t = new long[rows()];
    for (int i = 0; i < rows(); i++) {
      for (int j = 0; j < columns(); j++) {
        t[i] += counts[i][j];
      }
    }
    return t;
  }

  /**
   * @return the column totals
   */
  public long[] columnTotals() {
    long[] t = new long[columns()];
    for (long[] row : counts) {
      for (int j = 0; j < row.length; j++) {
        t[j] += row[j];
      }
    }
    return t;
  }

  /**
   * @return the grand total
   */
  public long total() {
    return Arrays.stream(rowTotals()).sum();
  }

  /**
   * The table without its all-zero rows and columns.
   *
   * @return the reduced table
   * @throws StatsException if every cell is zero
   */
  public ContingencyTable withoutEmptyMargins() {
    long[] rt = rowTotals();
    long[] ct = columnTotals();
    int[] keepRows = java.util.stream.IntStream.range(0, rows()).filter(i -> rt[i] > 0).toArray();
    int[] keepCols =
        java.util.stream.IntStream.range(0, columns()).filter(j -> ct[j] > 0).toArray();
    if (keepRows.length == 0) {
      throw new StatsException("the contingency table has no subject (every count is 0)");
    }
    long[][] c = new long[keepRows.length][keepCols.length];
    for (int i = 0; i < keepRows.length; i++) {
      for (int j = 0; j < keepCols.length; j++) {
        c[i][j] = counts[keepRows[i]][keepCols[j]];
      }
    }
    return new ContingencyTable(c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContingencyTable t && Arrays.deepEquals(counts, t.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(counts);
  }
}
