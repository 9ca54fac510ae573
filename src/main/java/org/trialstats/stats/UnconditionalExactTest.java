package org.trialstats.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Unconditional exact p-values of a 2x2 table with both arm sizes fixed (Barnard 1945, 1947;
 * Boschloo 1970): the two arms are independent binomial samples, x1 ~ Bin(n1, pi) and x2 ~ Bin(n2,
 * pi) under H0: p1 = p2 = pi, the rejection region R is the set of tables (i, j) at least as
 * extreme as the observed one under some ordering statistic, and
 *
 * <pre>
 *   p = sup over pi in [0, 1] of  sum over (i, j) in R of  b(i; n1, pi) b(j; n2, pi).
 * </pre>
 *
 * <p>The supremum is located on a grid that is uniform in arcsin(sqrt(pi)) — where binomial
 * features have constant width, about 1/(2 sqrt(N)) — with spacing below 1/(5 sqrt(N)) and at least
 * {@value #MIN_GRID} points, and each of the highest grid maxima is refined by Brent's method to
 * 1e-12 in pi. The sum is exact for each pi (binomial probabilities anchored at their mode by
 * {@link LoaderSaddlePoint} and extended by the ratio recurrence; sums over runs of the region
 * taken from the tail they touch).
 *
 * <p>All (n1 + 1)(n2 + 1) tables are enumerated, so tables with more than {@value #MAX_TABLES} of
 * them, or with more than {@value #MAX_SUBJECTS} subjects, are refused with a {@link
 * StatsException} (at those sizes the chi-square and Fisher tests are the practical choice and
 * agree closely with the unconditional tests).
 */
final class UnconditionalExactTest {
  /** Largest (n1 + 1)(n2 + 1) accepted. */
  static final long MAX_TABLES = 4_000_000L;

  /**
   * Largest n1 + n2 accepted: the grid has about 8 sqrt(N) points and each evaluation costs O(N),
   * so this bounds the work for unbalanced tables (e.g. 1 vs 19999) that pass the table limit.
   */
  static final long MAX_SUBJECTS = 20_000L;

  private static final int MIN_GRID = 400;
  private static final int REFINED_MAXIMA = 8;

  /** Relative tolerance of SciPy's boschloo_exact when comparing Fisher p-values (gh-14178). */
  private static final double FISHER_TIE_TOLERANCE = 1e-13;

  private final int n1;
  private final int n2;

  /** For each i: sorted disjoint runs [start, end] (inclusive) of j with (i, j) in R. */
  private final int[][] runs;

  private final boolean cornerLowInRegion;
  private final boolean cornerHighInRegion;

  private UnconditionalExactTest(int n1, int n2, int[][] runs) {
    this.n1 = n1;
    this.n2 = n2;
    this.runs = runs;
    this.cornerLowInRegion = contains(runs[0], 0);
    this.cornerHighInRegion = contains(runs[n1], n2);
  }

  /** Checks the size limit; names the method in the message. */
  static void checkSize(TwoByTwo t, String method) {
    long tables;
    try {
      tables = Math.multiplyExact(t.n1() + 1, t.n2() + 1);
    } catch (ArithmeticException e) {
      tables = Long.MAX_VALUE;
    }
    if (tables > MAX_TABLES || t.n1() + t.n2() > MAX_SUBJECTS) {
      throw new StatsException(
          method
              + " enumerates all (n1+1)(n2+1) tables and is limited to n1 + n2 <= "
              + MAX_SUBJECTS
              + " and (n1+1)(n2+1) <= "
              + MAX_TABLES
              + "; n1 = "
              + t.n1()
              + ", n2 = "
              + t.n2()
              + " is too large; for samples this large use chisq or fisher");
    }
  }

  /**
   * Barnard's test with the pooled-variance Z statistic, two-sided: R = {(i, j) : Z(i,j)^2 &gt;=
   * Z_obs^2}, Z(i,j) = (i/n1 - j/n2) / sqrt(p (1-p) (1/n1 + 1/n2)), p = (i+j)/N, and Z = 0 when
   * i/n1 = j/n2. Ties are decided exactly in integer arithmetic, Z^2 = (i n2 - j n1)^2 N / (n1 n2 m
   * (N - m)) with m = i + j.
   */
  static double barnardPValue(TwoByTwo t) {
    checkSize(t, "barnard");
    int n1 = (int) t.n1();
    int n2 = (int) t.n2();
    long big = (long) n1 + n2;
    long a0 = t.x1() * n2 - t.x2() * n1;
    if (a0 == 0) {
      return 1;
    }
    long m0 = t.x1() + t.x2();
    double observed = squaredZ(a0, m0, n1, n2);
    int[][] runs = new int[n1 + 1][];
    boolean[] member = new boolean[n2 + 1];
    for (int i = 0; i <= n1; i++) {
      for (int j = 0; j <= n2; j++) {
        long a = (long) i * n2 - (long) j * n1;
        if (a == 0) {
          member[j] = false;
          continue;
        }
        double value = squaredZ(a, i + j, n1, n2);
        if (value > observed * (1 + 1e-9)) {
          member[j] = true;
        } else if (value < observed * (1 - 1e-9)) {
          member[j] = false;
        } else {
          member[j] = compareExactly(a, i + j, a0, m0, big) >= 0;
        }
      }
      runs[i] = toRuns(member);
    }
    return new UnconditionalExactTest(n1, n2, runs).supremum();
  }

  /**
   * Z for the observed table, arm 1 minus arm 2: (x1 n2 - x2 n1) sqrt(N / (n1 n2 m (N - m))); 0
   * when p1 = p2.
   */
  static double barnardStatistic(TwoByTwo t) {
    long a = t.x1() * t.n2() - t.x2() * t.n1();
    if (a == 0) {
      return 0;
    }
    return Math.copySign(Math.sqrt(squaredZ(a, t.x1() + t.x2(), t.n1(), t.n2())), a);
  }

  private static double squaredZ(long a, long m, long n1, long n2) {
    double big = (double) n1 + n2;
    return (double) a / n1 * ((double) a / n2) * big / m / (big - m);
  }

  /** Sign of a^2 m0 (N - m0) - a0^2 m (N - m), in 128-bit integer arithmetic. */
  private static int compareExactly(long a, long m, long a0, long m0, long big) {
    long leftA = a * a;
    long leftB = m0 * (big - m0);
    long rightA = a0 * a0;
    long rightB = m * (big - m);
    long leftHigh = Math.multiplyHigh(leftA, leftB);
    long rightHigh = Math.multiplyHigh(rightA, rightB);
    if (leftHigh != rightHigh) {
      return Long.compare(leftHigh, rightHigh);
    }
    return Long.compareUnsigned(leftA * leftB, rightA * rightB);
  }

  /**
   * One-sided Boschloo p-value: the ordering statistic is Fisher's one-sided p-value, T(i, j) = P(X
   * &lt;= i | m = i + j) for {@code less} (arm 1 has fewer events than expected) or P(X &gt;= i |
   * m) otherwise, X hypergeometric; R = {T &lt;= T_obs (1 + 1e-13)} as SciPy's boschloo_exact.
   *
   * @return {p-value, T_obs}
   */
  static double[] boschlooOneSided(TwoByTwo t, boolean less) {
    checkSize(t, "boschloo");
    int n1 = (int) t.n1();
    int n2 = (int) t.n2();
    int big = n1 + n2;
    double observed = fisherOneSided(n1, n2, (int) (t.x1() + t.x2()), (int) t.x1(), less);
    double threshold = observed * (1 + FISHER_TIE_TOLERANCE);
    boolean[][] member = new boolean[n1 + 1][n2 + 1];
    for (int m = 0; m <= big; m++) {
      int lo = Math.max(0, m - n2);
      int hi = Math.min(n1, m);
      double[] probability = new double[hi - lo + 1];
      for (int k = lo; k <= hi; k++) {
        probability[k - lo] =
            Math.exp(LoaderSaddlePoint.logHypergeometricProbability(k, n1, n2, m));
      }
      double cumulative = 0;
      if (less) {
        for (int k = lo; k <= hi; k++) {
          cumulative += probability[k - lo];
          member[k][m - k] = cumulative <= threshold;
        }
      } else {
        for (int k = hi; k >= lo; k--) {
          cumulative += probability[k - lo];
          member[k][m - k] = cumulative <= threshold;
        }
      }
    }
    int[][] runs = new int[n1 + 1][];
    for (int i = 0; i <= n1; i++) {
      runs[i] = toRuns(member[i]);
    }
    double p = new UnconditionalExactTest(n1, n2, runs).supremum();
    return new double[] {p, observed};
  }

  /** Fisher's one-sided p-value P(X &lt;= x) (less) or P(X &gt;= x), summed as in the region. */
  private static double fisherOneSided(int n1, int n2, int m, int x, boolean less) {
    int lo = Math.max(0, m - n2);
    int hi = Math.min(n1, m);
    double sum = 0;
    if (less) {
      for (int k = lo; k <= x; k++) {
        sum += Math.exp(LoaderSaddlePoint.logHypergeometricProbability(k, n1, n2, m));
      }
    } else {
      for (int k = hi; k >= x; k--) {
        sum += Math.exp(LoaderSaddlePoint.logHypergeometricProbability(k, n1, n2, m));
      }
    }
    return sum;
  }

  /** The runs [start, end] (inclusive) of true entries, flattened. */
  static int[] toRuns(boolean[] member) {
    int[] buffer = new int[8];
    int size = 0;
    int j = 0;
    while (j < member.length) {
      if (!member[j]) {
        j++;
        continue;
      }
      int start = j;
      while (j < member.length && member[j]) {
        j++;
      }
      if (size + 2 > buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      buffer[size++] = start;
      buffer[size++] = j - 1;
    }
    return Arrays.copyOf(buffer, size);
  }

  private static boolean contains(int[] runList, int j) {
    for (int r = 0; r < runList.length; r += 2) {
      if (runList[r] <= j && j <= runList[r + 1]) {
        return true;
      }
    }
    return false;
  }

  /** sup over pi in [0, 1] of P(R; pi). */
  private double supremum() {
    int big = n1 + n2;
    int grid = Math.max(MIN_GRID, (int) Math.ceil(8 * Math.sqrt(big)));
    double[] pis = new double[grid + 1];
    double[] values = new double[grid + 1];
    for (int k = 0; k <= grid; k++) {
      double angle = 0.5 * Math.PI * k / grid;
      double s = Math.sin(angle);
      pis[k] = k == grid ? 1 : s * s;
      values[k] = probability(pis[k]);
    }
    double best = 0;
    for (double v : values) {
      best = Math.max(best, v);
    }
    List<Integer> maxima = new ArrayList<>();
    for (int k = 1; k < grid; k++) {
      if (values[k] >= values[k - 1] && values[k] >= values[k + 1] && values[k] > 0) {
        maxima.add(k);
      }
    }
    maxima.sort((u, v) -> Double.compare(values[v], values[u]));
    BrentOptimizer optimizer = new BrentOptimizer(1e-12, 1e-14);
    for (int r = 0; r < Math.min(REFINED_MAXIMA, maxima.size()); r++) {
      int k = maxima.get(r);
      UnivariatePointValuePair refined =
          optimizer.optimize(
              new MaxEval(1000),
              new UnivariateObjectiveFunction(this::probability),
              GoalType.MAXIMIZE,
              new SearchInterval(pis[k - 1], pis[k + 1], pis[k]));
      best = Math.max(best, refined.getValue());
    }
    return Math.min(1, best);
  }

  /** P(R; pi) = sum over (i, j) in R of b(i; n1, pi) b(j; n2, pi). */
  double probability(double pi) {
    if (pi <= 0) {
      return cornerLowInRegion ? 1 : 0;
    }
    if (pi >= 1) {
      return cornerHighInRegion ? 1 : 0;
    }
    double[] arm1 = binomialProbabilities(n1, pi);
    double[] arm2 = binomialProbabilities(n2, pi);
    double[] prefix = new double[n2 + 2];
    for (int j = 0; j <= n2; j++) {
      prefix[j + 1] = prefix[j] + arm2[j];
    }
    double[] suffix = new double[n2 + 2];
    for (int j = n2; j >= 0; j--) {
      suffix[j] = suffix[j + 1] + arm2[j];
    }
    double total = 0;
    for (int i = 0; i <= n1; i++) {
      if (arm1[i] == 0 || runs[i].length == 0) {
        continue;
      }
      double inner = 0;
      int[] runList = runs[i];
      for (int r = 0; r < runList.length; r += 2) {
        int start = runList[r];
        int end = runList[r + 1];
        if (start == 0) {
          inner += prefix[end + 1];
        } else if (end == n2) {
          inner += suffix[start];
        } else {
          for (int j = start; j <= end; j++) {
            inner += arm2[j];
          }
        }
      }
      total += arm1[i] * inner;
    }
    return total;
  }

  /** b(k; n, pi) for k = 0..n: the mode from the saddle-point form, the rest by recurrence. */
  private static double[] binomialProbabilities(int n, double pi) {
    double[] b = new double[n + 1];
    binomialProbabilities(n, pi, b);
    return b;
  }

  /**
   * b(k; n, pi) for k = 0..n into {@code b}: the mode from the saddle-point form, the rest by the
   * ratio recurrence; pi = 0 and pi = 1 give the point masses.
   */
  static void binomialProbabilities(int n, double pi, double[] b) {
    if (pi <= 0 || pi >= 1) {
      Arrays.fill(b, 0, n + 1, 0.0);
      b[pi <= 0 ? 0 : n] = 1;
      return;
    }
    double q = 1 - pi;
    int mode = (int) Math.min(n, Math.floor((n + 1) * pi));
    b[mode] = Math.exp(LoaderSaddlePoint.logBinomialProbability(mode, n, pi, q));
    double odds = pi / q;
    for (int k = mode; k < n; k++) {
      b[k + 1] = b[k] * ((double) (n - k) / (k + 1)) * odds;
    }
    for (int k = mode; k > 0; k--) {
      b[k - 1] = b[k] * ((double) k / (n - k + 1)) / odds;
    }
  }
}
