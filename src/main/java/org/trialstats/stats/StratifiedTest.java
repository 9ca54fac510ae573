package org.trialstats.stats;

/**
 * Tests over K strata of 2x2 tables: the Cochran-Mantel-Haenszel test of conditional independence
 * and the Breslow-Day test of homogeneity of the odds ratios.
 */
public enum StratifiedTest implements StatMethod {
  /**
   * Cochran-Mantel-Haenszel test without continuity correction; see {@link
   * CochranMantelHaenszel#test}.
   */
  CMH(
      "cmh",
      new MethodInfo(
          "Cochran-Mantel-Haenszel test",
          "(sum (a - n1 m / N))^2 / sum n1 n2 m (N - m) / (N^2 (N - 1)), chi-square 1 df",
          "Mantel N, Haenszel W. J Natl Cancer Inst 1959;22:719-748; Cochran WG. Biometrics"
              + " 1954;10:417-451",
          "PROC FREQ; TABLES strata*arm*event / CMH; (general association statistic)",
          "mantelhaen.test(x, correct = FALSE)",
          "statsmodels.stats.contingency_tables.StratifiedTable(tables).test_null_odds("
              + "correction=False)")) {
    @Override
    public ChiSquareStatistic test(StratifiedTables tables) {
      return CochranMantelHaenszel.test(tables, false);
    }
  },

  /** Cochran-Mantel-Haenszel test with continuity correction. */
  CMH_CC(
      "cmh-cc",
      new MethodInfo(
          "Cochran-Mantel-Haenszel test with continuity correction",
          "(|sum (a - n1 m / N)| - 1/2)^2 / sum n1 n2 m (N - m) / (N^2 (N - 1)); the 1/2 is"
              + " subtracted only when |sum (a - E a)| >= 1/2",
          "Mantel N, Haenszel W. J Natl Cancer Inst 1959;22:719-748",
          "none (PROC FREQ reports the uncorrected statistic)",
          "mantelhaen.test(x, correct = TRUE)",
          "statsmodels.stats.contingency_tables.StratifiedTable(tables).test_null_odds("
              + "correction=True)")) {
    @Override
    public ChiSquareStatistic test(StratifiedTables tables) {
      return CochranMantelHaenszel.test(tables, true);
    }
  },

  /** Breslow-Day test of homogeneity of the odds ratios; see {@link BreslowDay}. */
  BRESLOW_DAY(
      "breslow-day",
      new MethodInfo(
          "Breslow-Day test of homogeneity of odds ratios",
          "sum (a - A)^2 / Var(a; OR_MH), A = expected a given the margins and OR_MH; df = K' - 1",
          "Breslow NE, Day NE. Statistical Methods in Cancer Research vol. 1, IARC 1980, eq. 4.30",
          "PROC FREQ; TABLES strata*arm*event / CMH(BD); (Breslow-Day)",
          "none in base R (DescTools::BreslowDayTest(x, correct = FALSE))",
          "statsmodels.stats.contingency_tables.StratifiedTable(tables).test_equal_odds("
              + "adjust=False)")) {
    @Override
    public ChiSquareStatistic test(StratifiedTables tables) {
      return BreslowDay.test(tables, false);
    }
  },

  /** Breslow-Day test with Tarone's adjustment. */
  BRESLOW_DAY_TARONE(
      "breslow-day-tarone",
      new MethodInfo(
          "Breslow-Day-Tarone test of homogeneity of odds ratios",
          "Breslow-Day - (sum (a - A))^2 / sum Var(a; OR_MH); df = K' - 1",
          "Tarone RE. On heterogeneity tests based on efficient scores. Biometrika 1985;72:91-95",
          "PROC FREQ; TABLES strata*arm*event / CMH(BDT);",
          "none in base R (DescTools::BreslowDayTest(x, correct = TRUE))",
          "statsmodels.stats.contingency_tables.StratifiedTable(tables).test_equal_odds("
              + "adjust=True)")) {
    @Override
    public ChiSquareStatistic test(StratifiedTables tables) {
      return BreslowDay.test(tables, true);
    }
  };

  private final String id;
  private final MethodInfo info;

  StratifiedTest(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.TEST;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public MethodInfo info() {
    return info;
  }

  /**
   * Looks a test up by its id (case-insensitive).
   *
   * @param id the test id
   * @return the test
   * @throws StatsException naming the valid ids when there is no such test
   */
  public static StratifiedTest fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  /**
   * Computes the test.
   *
   * @param tables the strata
   * @return the chi-square statistic, df and p-value (NaN where undefined)
   */
  public abstract ChiSquareStatistic test(StratifiedTables tables);
}
