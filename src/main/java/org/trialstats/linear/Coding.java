package org.trialstats.linear;

/**
 * How a factor with m levels enters the design matrix (m - 1 columns). Only the printed
 * coefficients depend on it: fitted values, Type III tests (main-effects models) and least-squares
 * means are the same under both.
 */
public enum Coding {
  /**
   * Treatment (dummy) coding, R's {@code contr.treatment}: the first level is the reference; column
   * l is 1 for level l + 1 and 0 otherwise, so coefficients are differences from the reference
   * level.
   */
  REFERENCE {
    @Override
    double value(int level, int column, int levels) {
      return level == column + 1 ? 1 : 0;
    }
  },

  /**
   * Effect (sum-to-zero) coding, R's {@code contr.sum}, the coding behind SAS's Type III
   * hypotheses: column l is 1 for level l, -1 for the last level and 0 otherwise, so coefficients
   * are deviations from the unweighted mean of the level means.
   */
  EFFECT {
    @Override
    double value(int level, int column, int levels) {
      if (level == levels - 1) {
        return -1;
      }
      return level == column ? 1 : 0;
    }
  };

  /**
   * The design-matrix entry of a level in one of the factor's columns.
   *
   * @param level the level index
   * @param column the column index, 0 .. levels - 2
   * @param levels the number of levels
   * @return the entry
   */
  abstract double value(int level, int column, int levels);
}
