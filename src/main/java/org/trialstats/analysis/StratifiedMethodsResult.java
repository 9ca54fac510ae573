package org.trialstats.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trialstats.stats.ChiSquareStatistic;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedAnalysis;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTest;

/**
 * Named stratified methods applied to one set of strata (the use case of {@code ci --strata}): for
 * rd, rr and or each method's common estimate with the Cochran-Mantel-Haenszel and homogeneity
 * tests ({@link StratifiedAnalysis}); for {@code test} each stratified test.
 *
 * @param measure rd, rr, or or test
 * @param tables the strata
 * @param level the confidence level requested
 * @param outcomes one outcome per method, in the order named
 */
public record StratifiedMethodsResult(
    Measure measure, StratifiedTables tables, double level, List<Outcome> outcomes) {

  /**
   * The outcome of one method: an analysis (rd, rr, or), a test, or the error that prevented it.
   *
   * @param method the method id as named
   * @param analysis the estimate with its tests, or null
   * @param test the test statistic, or null
   * @param error why the method could not be computed, or null
   */
  public record Outcome(
      String method, StratifiedAnalysis analysis, ChiSquareStatistic test, String error) {}

  public StratifiedMethodsResult {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(tables, "tables");
    outcomes = List.copyOf(outcomes);
  }

  /**
   * Computes every named method. With one method its error propagates; with several, a method that
   * fails is recorded as an error outcome and the others are still computed.
   *
   * @param measure rd, rr, or or test
   * @param tables the strata
   * @param ids the method ids (already checked to exist for the measure)
   * @param level the confidence level
   * @return the outcomes in the order of {@code ids}
   * @throws StatsException when the only method named cannot be computed
   */
  public static StratifiedMethodsResult compute(
      Measure measure, StratifiedTables tables, List<String> ids, double level) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String id : ids) {
      try {
        if (measure == Measure.TEST) {
          outcomes.add(new Outcome(id, null, StratifiedTest.fromId(id).test(tables), null));
        } else {
          StratifiedMethod method = StratifiedMethod.find(measure, id);
          outcomes.add(new Outcome(id, StratifiedAnalysis.of(method, tables, level), null, null));
        }
      } catch (StatsException e) {
        if (ids.size() == 1) {
          throw e;
        }
        outcomes.add(new Outcome(id, null, null, e.getMessage()));
      }
    }
    return new StratifiedMethodsResult(measure, tables, level, outcomes);
  }

  /**
   * Whether no method could be computed.
   *
   * @return true when every outcome is an error
   */
  public boolean allFailed() {
    return outcomes.stream().allMatch(o -> o.error() != null);
  }
}
