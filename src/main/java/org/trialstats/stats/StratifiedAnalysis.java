package org.trialstats.stats;

/**
 * A stratified comparison as reported: the common estimate with its interval, the
 * Cochran-Mantel-Haenszel test (without continuity correction, as PROC FREQ's CMH output) and the
 * Breslow-Day test of homogeneity with Tarone's adjustment.
 *
 * @param estimate the common estimate and interval of the chosen method
 * @param cmh the Cochran-Mantel-Haenszel statistic (1 df)
 * @param homogeneity the Breslow-Day-Tarone statistic (K' - 1 df)
 * @param strata the number of strata given
 */
public record StratifiedAnalysis(
    Estimate estimate, ChiSquareStatistic cmh, ChiSquareStatistic homogeneity, int strata) {

  /**
   * Runs one stratified method with the two tests.
   *
   * @param method the interval method
   * @param tables the strata
   * @param level confidence level in (0, 1)
   * @return estimate, CMH and homogeneity tests
   * @throws StatsException for an invalid level or an undefined estimate
   */
  public static StratifiedAnalysis of(
      StratifiedMethod method, StratifiedTables tables, double level) {
    return new StratifiedAnalysis(
        method.interval(tables, level),
        StratifiedTest.CMH.test(tables),
        StratifiedTest.BRESLOW_DAY_TARONE.test(tables),
        tables.strata().size());
  }
}
