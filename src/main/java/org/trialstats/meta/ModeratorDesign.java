package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.linear.Covariate;
import org.trialstats.linear.Factor;
import org.trialstats.linear.Term;
import org.trialstats.stats.StatsException;

/**
 * The design matrix X (k rows, p columns) of a meta-regression: an intercept column of ones, then
 * one column per continuous moderator and, for a categorical moderator with m levels, m - 1 dummy
 * columns (1 when the study has that level, 0 otherwise) against the first level as reference, as
 * R's {@code model.matrix} with treatment contrasts builds it for metafor's {@code rma(mods = ~
 * ...)}.
 *
 * @param columns the column names: {@code intrcpt}, the covariate's name, or {@code name[level]}
 *     for a dummy column
 * @param terms the moderator of each column ({@code intrcpt} for the intercept)
 * @param x the matrix, x[i][j] for study i and column j
 */
public record ModeratorDesign(List<String> columns, List<String> terms, double[][] x) {

  /** The name of the intercept column, as metafor prints it. */
  public static final String INTERCEPT = "intrcpt";

  /**
   * Validates and copies.
   *
   * @param columns the column names: {@code intrcpt}, the covariate's name, or {@code name[level]}
   *     for a dummy column
   * @param terms the moderator of each column ({@code intrcpt} for the intercept)
   * @param x the matrix, x[i][j] for study i and column j
   * @throws StatsException when the rows are ragged, a value is not finite or there are no columns
   */
  public ModeratorDesign {
    columns = List.copyOf(columns);
    terms = List.copyOf(terms);
    if (columns.isEmpty() || columns.size() != terms.size()) {
      throw new StatsException("a design needs one term name per column and at least one column");
    }
    double[][] copy = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != columns.size()) {
        throw new StatsException(
            "design row "
                + (i + 1)
                + " has "
                + x[i].length
                + " values for "
                + columns.size()
                + " columns");
      }
      for (double value : x[i]) {
        if (!Double.isFinite(value)) {
          throw new StatsException("design row " + (i + 1) + " has a non-finite value " + value);
        }
      }
      copy[i] = x[i].clone();
    }
    x = copy;
  }

  /**
   * The intercept-only design of k studies (the ordinary meta-analysis).
   *
   * @param k the number of studies
   * @return the design with one column of ones
   */
  public static ModeratorDesign interceptOnly(int k) {
    double[][] x = new double[k][1];
    for (double[] row : x) {
      row[0] = 1;
    }
    return new ModeratorDesign(List.of(INTERCEPT), List.of(INTERCEPT), x);
  }

  /**
   * The design with an intercept and the given moderators (main effects).
   *
   * @param k the number of studies
   * @param moderators covariates and factors, each with k values; a factor's first level is its
   *     reference
   * @return the design
   * @throws StatsException when a moderator does not have k values
   */
  public static ModeratorDesign of(int k, List<Term> moderators) {
    ModeratorDesign design = interceptOnly(k);
    for (Term term : moderators) {
      if (term instanceof Factor f) {
        if (f.size() != k) {
          throw new StatsException(
              "moderator " + f.name() + " has " + f.size() + " values for " + k + " studies");
        }
        int[] codes = f.codes();
        for (int level = 1; level < f.levels().size(); level++) {
          double[] dummy = new double[k];
          for (int i = 0; i < k; i++) {
            dummy[i] = codes[i] == level ? 1 : 0;
          }
          design = design.with(f.name() + "[" + f.levels().get(level) + "]", f.name(), dummy);
        }
      } else {
        Covariate c = (Covariate) term;
        design = design.with(c.name(), c.name(), c.values());
      }
    }
    return design;
  }

  /**
   * A moderator from its values in a data file: continuous when every value is a number, otherwise
   * categorical with its levels in sorted (code point) order, the first the reference, as R's
   * {@code factor()} sorts them (R sorts in the locale's collation; the two agree for the usual
   * lower-case ASCII labels).
   *
   * @param name the moderator's name
   * @param values one value per study (not null, not blank)
   * @return a {@link Covariate} or a {@link Factor}
   * @throws StatsException when a value is missing or a categorical moderator has a single level
   */
  public static Term term(String name, String[] values) {
    double[] numbers = new double[values.length];
    boolean numeric = true;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || values[i].isBlank()) {
        throw new StatsException("moderator " + name + " has no value for study " + (i + 1));
      }
      try {
        numbers[i] = Double.parseDouble(values[i].trim());
        numeric &= Double.isFinite(numbers[i]);
      } catch (NumberFormatException e) {
        numeric = false;
      }
    }
    if (numeric) {
      return new Covariate(name, numbers);
    }
    List<String> levels = new ArrayList<>(new java.util.TreeSet<>(List.of(values)));
    if (levels.size() < 2) {
      throw new StatsException(
          "categorical moderator " + name + " has a single level (" + levels.get(0) + ")");
    }
    return Factor.of(name, values, levels);
  }

  /**
   * This design with one more column.
   *
   * @param column the column's name
   * @param term the moderator it belongs to
   * @param values one value per study
   * @return the wider design
   * @throws StatsException when the number of values is not k
   */
  public ModeratorDesign with(String column, String term, double[] values) {
    if (values.length != x.length) {
      throw new StatsException(
          "column " + column + " has " + values.length + " values for " + x.length + " studies");
    }
    List<String> names = new ArrayList<>(columns);
    names.add(column);
    List<String> owners = new ArrayList<>(terms);
    owners.add(term);
    double[][] wider = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      wider[i] = java.util.Arrays.copyOf(x[i], columns.size() + 1);
      wider[i][columns.size()] = values[i];
    }
    return new ModeratorDesign(names, owners, wider);
  }

  /**
   * @return the number of studies (rows)
   */
  public int k() {
    return x.length;
  }

  /**
   * @return the number of coefficients (columns)
   */
  public int p() {
    return columns.size();
  }

  /**
   * @return a copy of the matrix
   */
  @Override
  public double[][] x() {
    double[][] copy = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      copy[i] = x[i].clone();
    }
    return copy;
  }

  /** The matrix without copying, for the fitting code of this package. */
  double[][] matrix() {
    return x;
  }

  /**
   * The mean of each column over the studies (the values at which metafor's {@code regplot()} holds
   * the other moderators).
   *
   * @return the column means
   */
  public double[] columnMeans() {
    double[] means = new double[columns.size()];
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        means[j] += row[j];
      }
    }
    for (int j = 0; j < means.length; j++) {
      means[j] /= x.length;
    }
    return means;
  }
}
