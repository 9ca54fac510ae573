package org.trialstats.analysis;

import java.util.List;
import org.trialstats.io.InputFile;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.CoxResult;
import org.trialstats.survival.KaplanMeierCurve;
import org.trialstats.survival.LogRankResult;
import org.trialstats.survival.RestrictedMean;
import org.trialstats.survival.RestrictedMeanDifference;
import org.trialstats.survival.SurvivalPoint;
import org.trialstats.survival.SurvivalQuantile;
import org.trialstats.survival.TiesMethod;

/**
 * The result of a time-to-event analysis.
 *
 * @param groups one summary per group, in display order
 * @param reference the reference group's label
 * @param logRank the log-rank test, or null when it is undefined (see warnings)
 * @param cox the Cox model, or null when it has no finite estimate (see warnings)
 * @param coxTerms the Cox terms with their group labels (empty when {@code cox} is null)
 * @param rmstDifferences RMST differences versus the reference (empty without a tau)
 * @param transform the survival interval transform used
 * @param level the confidence level
 * @param ties the Cox ties method used
 * @param stratified whether the log-rank test and Cox model were stratified
 * @param strataVariable the stratification variable, or null
 * @param warnings notes on anything undefined, extrapolated or excluded
 * @param notes how the groups were ordered and chosen (for the text output)
 * @param version trialstats version
 * @param inputs the input files read
 */
public record SurvivalResult(
    List<GroupSummary> groups,
    String reference,
    LogRankResult logRank,
    CoxResult cox,
    List<LabelledCoxTerm> coxTerms,
    List<RmstComparison> rmstDifferences,
    ConfidenceTransform transform,
    double level,
    TiesMethod ties,
    boolean stratified,
    String strataVariable,
    List<String> warnings,
    List<String> notes,
    String version,
    List<InputFile> inputs) {
  public SurvivalResult {
    groups = List.copyOf(groups);
    coxTerms = List.copyOf(coxTerms);
    rmstDifferences = List.copyOf(rmstDifferences);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
    inputs = List.copyOf(inputs);
  }

  /**
   * One group's summary.
   *
   * @param label the group label
   * @param subjects n
   * @param events number of events
   * @param censored number censored
   * @param median the median with its interval (empty parts: not reached)
   * @param rmst the restricted mean, or null without a tau
   * @param points the curve at the requested times or at every event time
   * @param curve the full Kaplan-Meier curve (for figures)
   */
  public record GroupSummary(
      String label,
      int subjects,
      int events,
      int censored,
      SurvivalQuantile median,
      RestrictedMean rmst,
      List<SurvivalPoint> points,
      KaplanMeierCurve curve) {
    public GroupSummary {
      points = List.copyOf(points);
    }
  }

  /**
   * A Cox term with its group label.
   *
   * @param label the group label
   * @param term the estimate against the reference
   */
  public record LabelledCoxTerm(String label, org.trialstats.survival.CoxTerm term) {}

  /**
   * An RMST difference with its group label.
   *
   * @param label the group label
   * @param difference the difference versus the reference
   */
  public record RmstComparison(String label, RestrictedMeanDifference difference) {}
}
