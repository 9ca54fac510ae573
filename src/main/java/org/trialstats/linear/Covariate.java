package org.trialstats.linear;

import org.trialstats.stats.StatsException;

/**
 * A continuous explanatory variable (one column of the design matrix).
 *
 * @param name the variable's name
 * @param values one finite value per observation; copied
 */
public record Covariate(String name, double[] values) implements Term {
  /**
   * Validates and copies.
   *
   * @param name the variable's name
   * @param values one finite value per observation
   * @throws StatsException if a value is not finite
   */
  public Covariate {
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new StatsException(
            "covariate "
                + name
                + " needs a finite value for every"
                + " observation; observation "
                + (i + 1)
                + " has "
                + values[i]);
      }
    }
  }

  /**
   * @return the values (a copy)
   */
  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * @return the mean of the values, where least-squares means evaluate the covariate
   */
  public double mean() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }
}
