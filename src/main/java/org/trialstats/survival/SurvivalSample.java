package org.trialstats.survival;

import org.trialstats.stats.StatsException;

/**
 * Right-censored time-to-event data in columns: one entry per subject with its follow-up time,
 * whether the time is an event (true) or a censoring (false), its group (0 to groups - 1) and its
 * stratum (0 to strata - 1; all 0 when unstratified). The arrays are used as given, not copied:
 * callers must not change them afterwards. The sorted risk-set summaries the estimators share are
 * built once, on first use, so that curves, tests and models of one sample sort it once.
 */
public final class SurvivalSample {
  private final double[] time;
  private final boolean[] event;
  private final int[] group;
  private final int groups;
  private final int[] stratum;
  private final int strata;
  private RiskSetTable pooledTable;
  private RiskSetTable stratifiedTable;

  private SurvivalSample(
      double[] time, boolean[] event, int[] group, int groups, int[] stratum, int strata) {
    this.time = time;
    this.event = event;
    this.group = group;
    this.groups = groups;
    this.stratum = stratum;
    this.strata = strata;
  }

  /**
   * Checks and wraps the columns.
   *
   * @param time follow-up times, finite and &gt;= 0
   * @param event true for an event, false for a censored time
   * @param group group of each subject in [0, groups)
   * @param groups number of groups, &gt;= 1
   * @param stratum stratum of each subject in [0, strata), or null for one stratum
   * @param strata number of strata (1 when {@code stratum} is null)
   * @return the sample
   * @throws StatsException if the lengths differ, the sample is empty, a time is negative or not
   *     finite (naming its position), or a group or stratum code is out of range
   */
  public static SurvivalSample of(
      double[] time, boolean[] event, int[] group, int groups, int[] stratum, int strata) {
    int n = time.length;
    if (event.length != n || group.length != n || (stratum != null && stratum.length != n)) {
      throw new StatsException("time, event, group and stratum columns must have equal lengths");
    }
    if (n == 0) {
      throw new StatsException("no subjects: the sample is empty");
    }
    if (groups < 1 || (stratum == null ? strata != 1 : strata < 1)) {
      throw new StatsException("at least one group and one stratum are needed");
    }
    for (int i = 0; i < n; i++) {
      double t = time[i];
      if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
        throw new StatsException(
            "time of subject " + (i + 1) + " is " + t + "; times must be finite and >= 0");
      }
      if (group[i] < 0 || group[i] >= groups) {
        throw new StatsException("group code of subject " + (i + 1) + " is out of range");
      }
      if (stratum != null && (stratum[i] < 0 || stratum[i] >= strata)) {
        throw new StatsException("stratum code of subject " + (i + 1) + " is out of range");
      }
    }
    return new SurvivalSample(time, event, group, groups, stratum, strata);
  }

  /**
   * Number of subjects.
   *
   * @return n
   */
  public int size() {
    return time.length;
  }

  /**
   * Number of groups.
   *
   * @return k
   */
  public int groups() {
    return groups;
  }

  /**
   * Number of strata (1 when unstratified).
   *
   * @return the number of strata
   */
  public int strata() {
    return strata;
  }

  /**
   * Whether a stratum column was given.
   *
   * @return true when stratified
   */
  public boolean stratified() {
    return stratum != null;
  }

  /** The risk-set table with the strata pooled, built (one sort) on first use. */
  synchronized RiskSetTable pooledTable() {
    if (pooledTable == null) {
      pooledTable = RiskSetTable.of(this, false);
    }
    return pooledTable;
  }

  /** The risk-set table within strata (the pooled one when unstratified). */
  synchronized RiskSetTable stratifiedTable() {
    if (stratum == null) {
      return pooledTable();
    }
    if (stratifiedTable == null) {
      stratifiedTable = RiskSetTable.of(this, true);
    }
    return stratifiedTable;
  }

  double time(int i) {
    return time[i];
  }

  boolean event(int i) {
    return event[i];
  }

  int group(int i) {
    return group[i];
  }

  int stratum(int i) {
    return stratum == null ? 0 : stratum[i];
  }
}
