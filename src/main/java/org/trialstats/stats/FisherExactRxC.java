package org.trialstats.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fisher's exact test of independence for an r x c contingency table (Freeman-Halton extension),
 * two-sided as R's {@code fisher.test} and SAS PROC FREQ ({@code EXACT FISHER}): the sum of the
 * probabilities, under the multivariate hypergeometric distribution given both margins, of every
 * table at most as probable as the observed one, P(T) &lt;= P(observed) (1 + 1e-7).
 *
 * <p>P(T) = prod_i R_i! prod_j C_j! / (N! prod_ij n_ij!). Computed by the network algorithm of
 * Mehta CR, Patel NR. A network algorithm for performing Fisher's exact test in r x c contingency
 * tables. J Am Stat Assoc 1983;78:427-434. The columns are the stages of a network; a node is the
 * multiset of row totals still to fill (sorted, because the number of completions and their
 * probabilities do not depend on the order of the rows); a path is a table. At each node, bounds on
 * the largest and smallest probability of a completion decide for whole sub-networks at once: when
 * even the most probable completion keeps a path at most as probable as the observed table, all
 * completions count (their total is the closed form M!/prod r_i! with M the subjects left); when
 * even the least probable one makes it more probable, none does; only the remaining paths are
 * expanded. Paths reaching a node with the same probability (to 1e-10 relative) are merged, as in
 * the algorithm's "past probability" lists. The largest and smallest completion of every node (the
 * longest and shortest paths of its sub-network) are found once by dynamic programming over the
 * stages. Tables with zero-total rows or columns are reduced first.
 *
 * <p>For 2 x 2 tables the result equals {@link TwoByTwoTest#FISHER}. Freeman GH, Halton JH. Note on
 * an exact treatment of contingency, goodness of fit and other problems of significance. Biometrika
 * 1951;38:141-149.
 */
public final class FisherExactRxC {
  /** R's relative tolerance for tables as probable as the observed one. */
  private static final double LOG_TIE = Math.log1p(1e-7);

  /** Past-probability lists merge log values equal to this resolution. */
  private static final double MERGE_RESOLUTION = 1e10;

  /** Guard against tables whose exact enumeration would run for hours. */
  private static final long MAX_EXPANSIONS = 200_000_000L;

  private FisherExactRxC() {}

  /**
   * The two-sided exact p-value.
   *
   * @param table the observed counts (rows and columns with a zero total are ignored)
   * @return the p-value, in [0, 1]
   * @throws StatsException if fewer than two rows or columns have a non-zero total, the total
   *     exceeds 10^7, or the table is too large for exact enumeration (the message suggests the
   *     chi-square test)
   */
  public static double pValue(ContingencyTable table) {
    ContingencyTable t = table.withoutEmptyMargins();
    if (t.rows() < 2 || t.columns() < 2) {
      throw new StatsException(
          "Fisher's exact test needs at least two non-empty rows and two"
              + " non-empty columns; the table has "
              + t.rows()
              + " x "
              + t.columns());
    }
    if (t.total() > 10_000_000L) {
      throw new StatsException(
          "Fisher's exact test is limited to 10^7 subjects; the table has "
              + t.total()
              + " (use the chi-square test)");
    }
    // The shorter dimension is the node key, the longer one the stages.
    long[][] cells = t.rows() <= t.columns() ? t.counts() : transpose(t.counts());
    return new Network(cells).pValue();
  }

  private static long[][] transpose(long[][] c) {
    long[][] t = new long[c[0].length][c.length];
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c[0].length; j++) {
        t[j][i] = c[i][j];
      }
    }
    return t;
  }

  /** Paths into a node sharing one (merged) past log-weight. */
  private static final class Past {
    final double logWeight;
    double paths;

    Past(double logWeight, double paths) {
      this.logWeight = logWeight;
      this.paths = paths;
    }
  }

  /** A node key: the sorted remaining row totals. */
  private record Node(int[] remaining) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && Arrays.equals(remaining, n.remaining);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(remaining);
    }
  }

  private static final class Network {
    private final int k;
    private final int[] columns;
    private final double[] logFactorial;
    private final double logRootTotal;
    private final double threshold;
    private final List<Map<Node, double[]>> pathBounds = new ArrayList<>();
    private long expansions;
    private double pValue;

    Network(long[][] cells) {
      k = cells.length;
      int c = cells[0].length;
      int n = 0;
      int[] rowTotals = new int[k];
      Integer[] cols = new Integer[c];
      for (int j = 0; j < c; j++) {
        int s = 0;
        for (int i = 0; i < k; i++) {
          s += (int) cells[i][j];
          rowTotals[i] += (int) cells[i][j];
        }
        cols[j] = s;
        n += s;
      }
      logFactorial = new double[n + 1];
      for (int i = 2; i <= n; i++) {
        logFactorial[i] = logFactorial[i - 1] + Math.log(i);
      }
      double observed = 0;
      for (int j = 0; j < c; j++) {
        observed += logFactorial[cols[j]];
        for (int i = 0; i < k; i++) {
          observed -= logFactorial[(int) cells[i][j]];
        }
      }
      threshold = observed + LOG_TIE;
      // Small columns first: few paths until the last two stages, which binary search sums.
      Arrays.sort(cols);
      columns = Arrays.stream(cols).mapToInt(Integer::intValue).toArray();
      int[] root = rowTotals.clone();
      Arrays.sort(root);
      logRootTotal = logTotal(root);
      for (int s = 0; s < columns.length; s++) {
        pathBounds.add(new HashMap<>());
      }
      Map<Node, Map<Long, Past>> stage = new HashMap<>();
      addPast(stage, new Node(root), 0.0, 1.0);
      for (int s = 0; s < columns.length; s++) {
        stage = step(stage, s);
      }
    }

    double pValue() {
      return Math.min(1.0, pValue);
    }

    /** log of the summed weights of all completions: M! / prod r_i!. */
    private double logTotal(int[] remaining) {
      int m = 0;
      double t = 0;
      for (int r : remaining) {
        m += r;
        t -= logFactorial[r];
      }
      return t + logFactorial[m];
    }

    private Map<Node, Map<Long, Past>> step(Map<Node, Map<Long, Past>> stage, int s) {
      Map<Node, Map<Long, Past>> next = new HashMap<>();
      // Deterministic order: the sum does not depend on the HashMap's iteration order beyond
      // floating-point rounding, but identical bytes need identical summation order.
      List<Node> nodes = new ArrayList<>(stage.keySet());
      nodes.sort((a, b) -> Arrays.compare(a.remaining, b.remaining));
      for (Node node : nodes) {
        double total = logTotal(node.remaining);
        double[] bounds = bounds(node.remaining, s);
        List<Past> expand = new ArrayList<>();
        List<Past> pasts = new ArrayList<>(stage.get(node).values());
        pasts.sort((a, b) -> Double.compare(a.logWeight, b.logWeight));
        for (Past p : pasts) {
          if (p.logWeight + bounds[0] <= threshold) {
            pValue += p.paths * Math.exp(p.logWeight + total - logRootTotal);
          } else if (p.logWeight + bounds[1] <= threshold) {
            expand.add(p);
          }
        }
        if (expand.isEmpty()) {
          continue;
        }
        if (s == columns.length - 2) {
          addLastTwoStages(node.remaining, s, expand);
        } else {
          expand(node.remaining, s, expand, next);
        }
      }
      return next;
    }

    /**
     * With two columns left every allocation of the first fixes the table, so the completions are
     * listed once, sorted, and each path adds the completions it qualifies for by binary search
     * instead of being expanded.
     */
    private void addLastTwoStages(int[] remaining, int s, List<Past> pasts) {
      List<Double> list = new ArrayList<>();
      forEachAllocation(remaining, s, (child, w) -> list.add(w + logTotal(child)));
      double[] values = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double top = values[values.length - 1];
      double[] prefix = new double[values.length + 1];
      for (int i = 0; i < values.length; i++) {
        prefix[i + 1] = prefix[i] + Math.exp(values[i] - top);
      }
      for (Past p : pasts) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (p.logWeight + values[mid] <= threshold) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        pValue += p.paths * Math.exp(p.logWeight + top - logRootTotal) * prefix[lo];
      }
    }

    /**
     * {largest, smallest} log-weight of a completion from this node (the longest and shortest paths
     * of the sub-network), computed once per node by dynamic programming over the remaining stages.
     */
    private double[] bounds(int[] remaining, int s) {
      if (s == columns.length - 1) {
        double exact = logTotal(remaining);
        return new double[] {exact, exact};
      }
      Node key = new Node(remaining);
      double[] known = pathBounds.get(s).get(key);
      if (known != null) {
        return known;
      }
      double[] result = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
      forEachAllocation(
          remaining,
          s,
          (child, w) -> {
            double[] b = bounds(child, s + 1);
            result[0] = Math.max(result[0], w + b[0]);
            result[1] = Math.min(result[1], w + b[1]);
          });
      pathBounds.get(s).put(key, result);
      return result;
    }

    private double logMultinomial(int total, int[] parts) {
      double v = logFactorial[total];
      for (int p : parts) {
        v -= logFactorial[p];
      }
      return v;
    }

    private void expand(int[] remaining, int s, List<Past> pasts, Map<Node, Map<Long, Past>> next) {
      forEachAllocation(
          remaining,
          s,
          (child, w) -> {
            Node node = new Node(child);
            for (Past p : pasts) {
              addPast(next, node, p.logWeight + w, p.paths);
            }
            expansions += pasts.size();
            if (expansions > MAX_EXPANSIONS) {
              throw new StatsException(
                  "the table is too large for Fisher's exact test (more than "
                      + MAX_EXPANSIONS
                      + " network paths); use the chi-square test");
            }
          });
    }

    /** Calls back with every child node (sorted remaining totals) and the column's log-weight. */
    private void forEachAllocation(int[] remaining, int s, Edge edge) {
      int[] suffixCapacity = new int[k + 1];
      for (int i = k - 1; i >= 0; i--) {
        suffixCapacity[i] = suffixCapacity[i + 1] + remaining[i];
      }
      allocate(
          0, columns[s], remaining, suffixCapacity, new int[k], logFactorial[columns[s]], edge);
    }

    private void allocate(
        int i,
        int left,
        int[] remaining,
        int[] suffixCapacity,
        int[] alloc,
        double weight,
        Edge edge) {
      if (i == k - 1) {
        alloc[i] = left;
        int[] child = new int[k];
        for (int q = 0; q < k; q++) {
          child[q] = remaining[q] - alloc[q];
        }
        Arrays.sort(child);
        edge.accept(child, weight - logFactorial[left]);
        return;
      }
      int from = Math.max(0, left - suffixCapacity[i + 1]);
      int to = Math.min(remaining[i], left);
      for (int a = from; a <= to; a++) {
        alloc[i] = a;
        allocate(i + 1, left - a, remaining, suffixCapacity, alloc, weight - logFactorial[a], edge);
      }
    }

    private static void addPast(
        Map<Node, Map<Long, Past>> stage, Node node, double logWeight, double paths) {
      Map<Long, Past> list = stage.computeIfAbsent(node, x -> new HashMap<>());
      long key = Math.round(logWeight * MERGE_RESOLUTION);
      Past p = list.get(key);
      if (p == null) {
        list.put(key, new Past(logWeight, paths));
      } else {
        p.paths += paths;
      }
    }
  }

  /** An edge of the network: the child node and the log-weight of the column allocation. */
  @FunctionalInterface
  private interface Edge {
    void accept(int[] child, double logWeight);
  }
}
