package org.trialstats.linear;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstats.stats.StatsException;

/**
 * A linear model y = X b + e with an intercept, factors and covariates (main effects), fitted by
 * ordinary least squares through the Householder QR decomposition of X (Apache Commons Math 3.6.1
 * {@link QRDecomposition}), as SAS PROC GLM and R's {@code lm}.
 *
 * <p>With n observations and p design columns: b = R^-1 Q'y, residual sum of squares RSS = |y - X
 * b|^2 on n - p degrees of freedom, s^2 = RSS / (n - p), Var(b) = s^2 (X'X)^-1 with (X'X)^-1 = X^+
 * X^+' from the QR pseudo-inverse X^+.
 *
 * <p><b>Type III tests</b> (SAS GLM's default; R {@code drop1(fit, test = "F")} for main-effects
 * models): for each term, SS_III = RSS(model without the term's columns) - RSS(full model), F =
 * (SS_III / df_term) / s^2. For a model without interactions this is the test of every coefficient
 * of the term being 0, whatever the coding (Searle SR. Linear Models for Unbalanced Data. Wiley
 * 1987, chapter 4; SAS/STAT User's Guide, "The Four Types of Estimable Functions").
 *
 * <p><b>Least-squares means</b> (SAS LSMEANS, R emmeans with default weights): the predicted mean
 * of a factor level at an L vector that sets the factor to the level, weights every level of each
 * other factor equally (1/m_G on its coded rows) and sets every covariate to its mean over the
 * fitted observations: LSM = L b, SE = sqrt(s^2 L (X'X)^-1 L'), t interval on n - p df. Differences
 * use L_a - L_b. Searle SR, Speed FM, Milliken GA. Population marginal means in the linear model:
 * an alternative to least squares means. Am Stat 1980;34:216-221; Lenth RV. Least-squares means:
 * the R package lsmeans. J Stat Softw 2016;69(1):1-33.
 */
public final class LinearModel {
  private final List<Term> terms;
  private final Coding coding;
  private final double[][] design;
  private final List<String> columnNames;
  private final int[][] termColumns;
  private final double[] y;
  private final double[] beta;
  private final double[][] xtxInverse;
  private final double rss;
  private final int residualDf;

  private LinearModel(double[] y, List<Term> terms, Coding coding) {
    this.y = y.clone();
    this.terms = List.copyOf(terms);
    this.coding = coding;
    int n = y.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) {
        throw new StatsException(
            "the response needs a finite value for every observation;"
                + " observation "
                + (i + 1)
                + " has "
                + y[i]);
      }
    }
    List<String> names = new ArrayList<>();
    names.add("(Intercept)");
    termColumns = new int[terms.size()][];
    for (int t = 0; t < terms.size(); t++) {
      Term term = terms.get(t);
      int size = term instanceof Factor f ? f.levels().size() - 1 : 1;
      termColumns[t] = new int[size];
      for (int c = 0; c < size; c++) {
        termColumns[t][c] = names.size();
        names.add(
            term instanceof Factor f ? f.name() + "[" + f.levels().get(c + 1) + "]" : term.name());
      }
      int length = term instanceof Factor f ? f.size() : ((Covariate) term).values().length;
      if (length != n) {
        throw new StatsException(
            "term " + term.name() + " has " + length + " values for " + n + " responses");
      }
    }
    columnNames = List.copyOf(names);
    int p = names.size();
    if (n <= p) {
      throw new StatsException(
          "the model has "
              + p
              + " parameters for "
              + n
              + " observations; it needs more observations than parameters");
    }
    design = new double[n][p];
    for (int i = 0; i < n; i++) {
      design[i][0] = 1;
    }
    for (int t = 0; t < terms.size(); t++) {
      Term term = terms.get(t);
      for (int c = 0; c < termColumns[t].length; c++) {
        int col = termColumns[t][c];
        if (term instanceof Factor f) {
          int[] codes = f.codes();
          for (int i = 0; i < n; i++) {
            design[i][col] = coding.value(codes[i], c, f.levels().size());
          }
        } else {
          double[] v = ((Covariate) term).values();
          for (int i = 0; i < n; i++) {
            design[i][col] = v[i];
          }
        }
      }
    }
    Fit full = fitColumns(allColumns(p, -1));
    beta = full.beta;
    rss = full.rss;
    residualDf = n - p;
    RealMatrix pseudoInverse = full.solver.getInverse();
    xtxInverse = pseudoInverse.multiply(pseudoInverse.transpose()).getData();
    if (rss <= 0) {
      throw new StatsException(
          "the model fits every observation exactly (no residual"
              + " variation); tests and standard errors are undefined");
    }
  }

  /**
   * Fits the model.
   *
   * @param response the response, one finite value per observation
   * @param terms the factors and covariates (main effects), each with one value per observation
   * @param coding how factors are coded (only the printed coefficients depend on it)
   * @return the fitted model
   * @throws StatsException if a value is not finite, the lengths differ, there are no more
   *     observations than parameters, the design is singular (confounded terms) or the fit is exact
   */
  public static LinearModel fit(double[] response, List<Term> terms, Coding coding) {
    return new LinearModel(response, terms, coding);
  }

  private record Fit(double[] beta, double rss, DecompositionSolver solver) {}

  private int[] allColumns(int p, int skipTerm) {
    List<Integer> keep = new ArrayList<>();
    keep.add(0);
    for (int t = 0; t < termColumns.length; t++) {
      if (t != skipTerm) {
        for (int c : termColumns[t]) {
          keep.add(c);
        }
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  private Fit fitColumns(int[] columns) {
    int n = y.length;
    double[][] x = new double[n][columns.length];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < columns.length; c++) {
        x[i][c] = design[i][columns[c]];
      }
    }
    // Relative pivot threshold: a column that is a linear combination of the others (e.g. a
    // factor confounded with another) leaves a diagonal of R at rounding level.
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(x, false), 1e-10);
    DecompositionSolver solver = qr.getSolver();
    if (!solver.isNonSingular() || rankDeficient(qr, x)) {
      throw new StatsException(
          "the design matrix is singular: a term is confounded with the"
              + " others (e.g. a factor level present in only one level of another factor, or a"
              + " constant covariate)");
    }
    double[] b = solver.solve(new ArrayRealVector(y, false)).toArray();
    double r = 0;
    for (int i = 0; i < n; i++) {
      double fitted = 0;
      for (int c = 0; c < columns.length; c++) {
        fitted += x[i][c] * b[c];
      }
      r += (y[i] - fitted) * (y[i] - fitted);
    }
    return new Fit(b, r, solver);
  }

  private static boolean rankDeficient(QRDecomposition qr, double[][] x) {
    double[][] r = qr.getR().getData();
    for (int c = 0; c < r[0].length; c++) {
      double norm = 0;
      for (double[] row : x) {
        norm += row[c] * row[c];
      }
      if (Math.abs(r[c][c]) <= 1e-10 * Math.max(1, Math.sqrt(norm))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the number of observations
   */
  public int observations() {
    return y.length;
  }

  /**
   * @return the residual degrees of freedom, n - p
   */
  public int residualDegreesOfFreedom() {
    return residualDf;
  }

  /**
   * @return the residual sum of squares
   */
  public double residualSumOfSquares() {
    return rss;
  }

  /**
   * @return the residual mean square s^2 = RSS / (n - p)
   */
  public double residualMeanSquare() {
    return rss / residualDf;
  }

  /**
   * @return the coding the coefficients use
   */
  public Coding coding() {
    return coding;
  }

  /**
   * @return every coefficient, intercept first, with its two-sided t test
   */
  public List<Coefficient> coefficients() {
    List<Coefficient> list = new ArrayList<>();
    TDistribution t = TDistribution.of(residualDf);
    for (int j = 0; j < beta.length; j++) {
      double se = Math.sqrt(residualMeanSquare() * xtxInverse[j][j]);
      double stat = beta[j] / se;
      list.add(
          new Coefficient(
              columnNames.get(j), beta[j], se, stat, 2 * t.survivalProbability(Math.abs(stat))));
    }
    return list;
  }

  /**
   * The coefficient of a covariate.
   *
   * @param covariate the covariate's name
   * @return its coefficient and t test
   * @throws StatsException if the model has no covariate of that name
   */
  public Coefficient coefficient(String covariate) {
    for (Coefficient c : coefficients()) {
      if (c.name().equals(covariate)) {
        return c;
      }
    }
    throw new StatsException("the model has no covariate " + covariate);
  }

  /**
   * @return the Type III F test of every term, in model order
   */
  public List<TypeIIITest> typeIII() {
    List<TypeIIITest> tests = new ArrayList<>();
    double mse = residualMeanSquare();
    for (int t = 0; t < terms.size(); t++) {
      double reduced = fitColumns(allColumns(beta.length, t)).rss;
      int df = termColumns[t].length;
      double ss = Math.max(0, reduced - rss);
      double f = ss / df / mse;
      tests.add(
          new TypeIIITest(
              terms.get(t).name(),
              df,
              ss,
              ss / df,
              f,
              FDistribution.of(df, residualDf).survivalProbability(f)));
    }
    return tests;
  }

  /**
   * The least-squares mean of every level of a factor.
   *
   * @param factor the factor's name
   * @param level the confidence level of the intervals, in (0, 1)
   * @return one mean per level, in level order
   * @throws StatsException if there is no such factor or the level is outside (0, 1)
   */
  public List<LeastSquaresMean> leastSquaresMeans(String factor, double level) {
    Factor f = factor(factor);
    double q = quantile(level);
    List<LeastSquaresMean> list = new ArrayList<>();
    for (int l = 0; l < f.levels().size(); l++) {
      double[] lv = lVector(f, l);
      double est = dot(lv, beta);
      double se = Math.sqrt(residualMeanSquare() * quadratic(lv));
      list.add(
          new LeastSquaresMean(f.levels().get(l), est, se, residualDf, est - q * se, est + q * se));
    }
    return list;
  }

  /**
   * The difference of two least-squares means, level minus reference.
   *
   * @param factor the factor's name
   * @param level the level
   * @param reference the level subtracted
   * @param confidence the confidence level of the interval, in (0, 1)
   * @return the difference with its t test and interval
   * @throws StatsException if the factor or a level does not exist or the confidence level is
   *     outside (0, 1)
   */
  public LeastSquaresMeanDifference difference(
      String factor, String level, String reference, double confidence) {
    Factor f = factor(factor);
    double q = quantile(confidence);
    double[] a = lVector(f, levelIndex(f, level));
    double[] b = lVector(f, levelIndex(f, reference));
    double[] d = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      d[j] = a[j] - b[j];
    }
    double est = dot(d, beta);
    double se = Math.sqrt(residualMeanSquare() * quadratic(d));
    double t = est / se;
    double p = 2 * TDistribution.of(residualDf).survivalProbability(Math.abs(t));
    return new LeastSquaresMeanDifference(
        level, reference, est, se, residualDf, t, p, est - q * se, est + q * se);
  }

  private Factor factor(String name) {
    for (Term t : terms) {
      if (t instanceof Factor f && f.name().equals(name)) {
        return f;
      }
    }
    throw new StatsException("the model has no factor " + name);
  }

  private static int levelIndex(Factor f, String level) {
    int i = f.levels().indexOf(level);
    if (i < 0) {
      throw new StatsException(
          "factor "
              + f.name()
              + " has no level "
              + level
              + " (levels: "
              + String.join(", ", f.levels())
              + ")");
    }
    return i;
  }

  private double quantile(double level) {
    if (!(level > 0 && level < 1)) {
      throw new StatsException("the confidence level must be between 0 and 1; got " + level);
    }
    return TDistribution.of(residualDf).inverseSurvivalProbability((1 - level) / 2);
  }

  /** L vector: the factor at one level, other factors averaged, covariates at their mean. */
  private double[] lVector(Factor target, int level) {
    double[] l = new double[beta.length];
    l[0] = 1;
    for (int t = 0; t < terms.size(); t++) {
      Term term = terms.get(t);
      for (int c = 0; c < termColumns[t].length; c++) {
        int col = termColumns[t][c];
        if (term == target) {
          l[col] = coding.value(level, c, target.levels().size());
        } else if (term instanceof Factor f) {
          int m = f.levels().size();
          double sum = 0;
          for (int g = 0; g < m; g++) {
            sum += coding.value(g, c, m);
          }
          l[col] = sum / m;
        } else {
          l[col] = ((Covariate) term).mean();
        }
      }
    }
    return l;
  }

  private double quadratic(double[] l) {
    double s = 0;
    for (int i = 0; i < l.length; i++) {
      for (int j = 0; j < l.length; j++) {
        s += l[i] * xtxInverse[i][j] * l[j];
      }
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
