package org.trialstats.survival;

import java.util.Arrays;

/**
 * The counting-process summary of a sample on which every estimator here runs: within each stratum,
 * the distinct observed times in increasing order and, per time and group, the number at risk (time
 * &gt;= t), the number of events and the number of censorings at t. A censoring at t counts as at
 * risk at t, as in R's {@code survfit} and SAS LIFETEST. Built by counting subjects per distinct
 * time when times are heavily tied, else with one sort of the times of each (stratum, group,
 * status) cell and one merge; O(n log n) time and O(n) memory of primitive arrays at most; every
 * later computation is a sweep over its rows. Times are compared exactly (R's {@code timefix},
 * which merges times differing by a rounding error, is not applied).
 */
final class RiskSetTable {
  final int groups;
  final int strata;

  /** Rows of stratum s are start[s] to start[s + 1] - 1. */
  final int[] start;

  final double[] time;

  /** Per row and group, index row * groups + g. */
  final int[] risk;

  final int[] events;
  final int[] censored;

  /** Rows with at least one event, in table order. */
  final int[] eventRows;

  private RiskSetTable(
      int groups,
      int strata,
      int[] start,
      double[] time,
      int[] risk,
      int[] events,
      int[] censored) {
    this.groups = groups;
    this.strata = strata;
    this.start = start;
    this.time = time;
    this.risk = risk;
    this.events = events;
    this.censored = censored;
    int count = 0;
    int[] rows = new int[time.length];
    for (int r = 0; r < time.length; r++) {
      for (int g = 0; g < groups; g++) {
        if (events[r * groups + g] > 0) {
          rows[count++] = r;
          break;
        }
      }
    }
    this.eventRows = Arrays.copyOf(rows, count);
  }

  /**
   * Builds the table of a sample, within its strata or pooling them. Trial times are usually whole
   * days, so a million subjects share a few thousand distinct times: then counting subjects per
   * distinct time ({@link #byCounting}) replaces the O(n log n) sort by one O(n) pass and a sort of
   * the distinct times only. Both constructions give the same table.
   *
   * @param sample the data
   * @param byStratum true to keep the strata separate, false for one pooled stratum
   */
  static RiskSetTable of(SurvivalSample sample, boolean byStratum) {
    // Beyond n / 8 distinct times hashing stops paying for itself against the sort.
    int maxDistinct = Math.min(Math.max(sample.size() / 8, 16), MAX_COUNTED_TIMES);
    RiskSetTable counted = byCounting(sample, byStratum, maxDistinct);
    return counted != null ? counted : bySorting(sample, byStratum);
  }

  /** Upper bound on distinct times for the counting construction (keeps its counts small). */
  private static final int MAX_COUNTED_TIMES = 1 << 16;

  private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

  /**
   * The table from one sort of the times of each (stratum, group, status) cell and a merge of the
   * sorted cells.
   */
  static RiskSetTable bySorting(SurvivalSample sample, boolean byStratum) {
    int k = sample.groups();
    int strata = byStratum ? sample.strata() : 1;
    int cells = strata * k * 2;
    int[] sizes = new int[cells];
    int n = sample.size();
    for (int i = 0; i < n; i++) {
      sizes[cell(sample, i, byStratum, k)]++;
    }
    double[][] cellTimes = new double[cells][];
    for (int c = 0; c < cells; c++) {
      cellTimes[c] = new double[sizes[c]];
    }
    int[] fill = new int[cells];
    for (int i = 0; i < n; i++) {
      int c = cell(sample, i, byStratum, k);
      cellTimes[c][fill[c]++] = sample.time(i);
    }
    for (double[] times : cellTimes) {
      Arrays.parallelSort(times);
    }
    int[] start = new int[strata + 1];
    for (int s = 0; s < strata; s++) {
      start[s + 1] = start[s] + mergeStratum(cellTimes, s, k, null, 0, null, null);
    }
    int rows = start[strata];
    double[] time = new double[rows];
    int[] events = new int[rows * k];
    int[] censored = new int[rows * k];
    for (int s = 0; s < strata; s++) {
      mergeStratum(cellTimes, s, k, time, start[s], events, censored);
    }
    return withRisk(k, strata, start, time, events, censored);
  }

  /**
   * The table from counts per distinct time: one pass gives each distinct time an id through an
   * open-addressing hash of its bits and counts the subjects of each (id, stratum, group, status)
   * cell; only the distinct times are then sorted. Returns null (the caller then sorts) once more
   * than {@code maxDistinct} distinct times are seen, or on a time of -0.0, which equals 0.0 under
   * == (as the sort path compares) but has other bits.
   */
  static RiskSetTable byCounting(SurvivalSample sample, boolean byStratum, int maxDistinct) {
    int k = sample.groups();
    int strata = byStratum ? sample.strata() : 1;
    int cells = strata * k * 2;
    int n = sample.size();
    int bitsOfCapacity = 10;
    long[] keys = new long[1 << bitsOfCapacity];
    int[] idPlusOne = new int[1 << bitsOfCapacity]; // 0 marks an empty slot
    long[] distinct = new long[64];
    int[] counts = new int[64 * cells];
    int d = 0;
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(sample.time(i));
      if (bits == NEGATIVE_ZERO_BITS) {
        return null;
      }
      int mask = keys.length - 1;
      int slot = slotOf(bits, bitsOfCapacity);
      while (idPlusOne[slot] != 0 && keys[slot] != bits) {
        slot = (slot + 1) & mask;
      }
      int id = idPlusOne[slot] - 1;
      if (id < 0) {
        if (d == maxDistinct) {
          return null;
        }
        if (d == distinct.length) {
          distinct = Arrays.copyOf(distinct, 2 * d);
          counts = Arrays.copyOf(counts, 2 * d * cells);
        }
        id = d++;
        distinct[id] = bits;
        keys[slot] = bits;
        idPlusOne[slot] = id + 1;
        if (2 * d > keys.length) { // keep the table at most half full: short probe runs
          bitsOfCapacity++;
          keys = new long[1 << bitsOfCapacity];
          idPlusOne = new int[1 << bitsOfCapacity];
          for (int j = 0; j < d; j++) {
            int s = slotOf(distinct[j], bitsOfCapacity);
            while (idPlusOne[s] != 0) {
              s = (s + 1) & (keys.length - 1);
            }
            keys[s] = distinct[j];
            idPlusOne[s] = j + 1;
          }
        }
      }
      counts[id * cells + cell(sample, i, byStratum, k)]++;
    }
    // Times are >= 0 and not -0.0, so their bits as signed longs sort as the values do.
    Integer[] byTime = new Integer[d];
    for (int j = 0; j < d; j++) {
      byTime[j] = j;
    }
    long[] distinctBits = distinct;
    Arrays.sort(byTime, (a, b) -> Long.compare(distinctBits[a], distinctBits[b]));
    int[] start = new int[strata + 1];
    for (int s = 0; s < strata; s++) {
      int present = 0;
      for (int id : byTime) {
        if (anyIn(counts, id * cells + s * 2 * k, 2 * k)) {
          present++;
        }
      }
      start[s + 1] = start[s] + present;
    }
    int rows = start[strata];
    double[] time = new double[rows];
    int[] events = new int[rows * k];
    int[] censored = new int[rows * k];
    for (int s = 0; s < strata; s++) {
      int row = start[s];
      for (int id : byTime) {
        int base = id * cells + s * 2 * k;
        if (anyIn(counts, base, 2 * k)) {
          time[row] = Double.longBitsToDouble(distinct[id]);
          for (int g = 0; g < k; g++) {
            censored[row * k + g] = counts[base + 2 * g];
            events[row * k + g] = counts[base + 2 * g + 1];
          }
          row++;
        }
      }
    }
    return withRisk(k, strata, start, time, events, censored);
  }

  /** Fibonacci hashing: the top bits of the product, which depend on all the bits of the time. */
  private static int slotOf(long bits, int bitsOfCapacity) {
    return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - bitsOfCapacity));
  }

  private static boolean anyIn(int[] counts, int from, int length) {
    for (int j = from; j < from + length; j++) {
      if (counts[j] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Adds the numbers at risk, counted backwards from the last time of each stratum. */
  private static RiskSetTable withRisk(
      int k, int strata, int[] start, double[] time, int[] events, int[] censored) {
    int[] risk = new int[time.length * k];
    for (int s = 0; s < strata; s++) {
      for (int r = start[s + 1] - 1; r >= start[s]; r--) {
        for (int g = 0; g < k; g++) {
          int later = r + 1 < start[s + 1] ? risk[(r + 1) * k + g] : 0;
          risk[r * k + g] = later + events[r * k + g] + censored[r * k + g];
        }
      }
    }
    return new RiskSetTable(k, strata, start, time, risk, events, censored);
  }

  private static int cell(SurvivalSample sample, int i, boolean byStratum, int k) {
    int s = byStratum ? sample.stratum(i) : 0;
    return ((s * k) + sample.group(i)) * 2 + (sample.event(i) ? 1 : 0);
  }

  /**
   * Merges the sorted cells of one stratum into distinct-time rows starting at {@code first}; with
   * null outputs only counts the rows.
   */
  private static int mergeStratum(
      double[][] cellTimes, int s, int k, double[] time, int first, int[] events, int[] censored) {
    int[] pos = new int[2 * k];
    int rows = 0;
    while (true) {
      double next = Double.POSITIVE_INFINITY;
      for (int j = 0; j < 2 * k; j++) {
        double[] cell = cellTimes[s * 2 * k + j];
        if (pos[j] < cell.length && cell[pos[j]] < next) {
          next = cell[pos[j]];
        }
      }
      if (next == Double.POSITIVE_INFINITY) {
        return rows;
      }
      int row = first + rows;
      for (int j = 0; j < 2 * k; j++) {
        double[] cell = cellTimes[s * 2 * k + j];
        int from = pos[j];
        while (pos[j] < cell.length && cell[pos[j]] == next) {
          pos[j]++;
        }
        if (time != null && pos[j] > from) {
          int g = j / 2;
          if (j % 2 == 1) {
            events[row * k + g] = pos[j] - from;
          } else {
            censored[row * k + g] = pos[j] - from;
          }
        }
      }
      if (time != null) {
        time[row] = next;
      }
      rows++;
    }
  }

  /** Number of subjects of group g in stratum s. */
  int size(int s, int g) {
    return start[s + 1] > start[s] ? risk[start[s] * groups + g] : 0;
  }

  /** Stratum of a row. */
  int stratumOf(int row) {
    int s = Arrays.binarySearch(start, row);
    if (s >= 0) {
      while (s + 1 < start.length && start[s + 1] == row) {
        s++;
      }
      return s;
    }
    return -s - 2;
  }
}
