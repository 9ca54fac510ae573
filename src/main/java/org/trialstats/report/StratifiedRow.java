package org.trialstats.report;

import java.util.List;
import org.trialstats.io.Numbers;
import org.trialstats.stats.StratifiedAnalysis;

/**
 * The result columns of one stratified comparison in a CSV row, named as the CSV and JSON of {@code
 * ci --strata} name them: the common estimate and interval, the number of strata, the
 * Cochran-Mantel-Haenszel test and the Breslow-Day-Tarone homogeneity test. Numbers are written
 * with full precision ({@link Numbers#full(double)}) so that scripts can compare them.
 */
public final class StratifiedRow {
  /** The result columns, in output order. */
  public static final List<String> COLUMNS =
      List.of(
          "strata",
          "estimate",
          "lower",
          "upper",
          "cmh_statistic",
          "cmh_p_value",
          "homogeneity_statistic",
          "homogeneity_df",
          "homogeneity_p_value");

  private StratifiedRow() {}

  /**
   * The cells of {@link #COLUMNS} for a computed analysis.
   *
   * @param analysis the stratified analysis
   * @return one cell per column
   */
  public static List<String> cells(StratifiedAnalysis analysis) {
    var e = analysis.estimate();
    return List.of(
        Integer.toString(analysis.strata()),
        Numbers.full(e.estimate()),
        Numbers.full(e.lower()),
        Numbers.full(e.upper()),
        Numbers.full(analysis.cmh().statistic()),
        Numbers.full(analysis.cmh().pValue()),
        Numbers.full(analysis.homogeneity().statistic()),
        Integer.toString(analysis.homogeneity().df()),
        Numbers.full(analysis.homogeneity().pValue()));
  }

  /**
   * The cells of {@link #COLUMNS} for a comparison that could not be computed: only the number of
   * strata read, if any.
   *
   * @param strata the strata read (0 when none could be read)
   * @return one cell per column
   */
  public static List<String> empty(int strata) {
    return List.of(strata == 0 ? "" : Integer.toString(strata), "", "", "", "", "", "", "", "");
  }
}
