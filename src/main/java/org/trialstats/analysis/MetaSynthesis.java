package org.trialstats.analysis;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.Provenance;
import org.trialstats.meta.EggerTest;
import org.trialstats.meta.Influence;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.RankCorrelationTest;
import org.trialstats.meta.SensitivityStep;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.SubgroupAnalysis;
import org.trialstats.meta.TrimAndFill;
import org.trialstats.meta.TrimFillEstimator;
import org.trialstats.stats.StatsException;

/**
 * A meta-analysis with the sensitivity analyses asked for: the pooled result (overall and per
 * subgroup when the input has subgroups), leave-one-out, cumulative and Egger's test, with the
 * notes that say why an analysis was not done.
 *
 * @param result the main (overall) analysis
 * @param subgroups the subgroup analysis, or null
 * @param leaveOneOut leave-one-out steps, or null
 * @param cumulative cumulative steps, or null
 * @param cumulativeBy the column the cumulative analysis is ordered by, or null
 * @param egger Egger's test, or null
 * @param begg Begg and Mazumdar's rank correlation test, or null
 * @param notes extra warnings (e.g. why Egger's test was not run)
 * @param provenance what the analysis was computed from
 * @param trimFill trim-and-fill of the main analysis, or null
 * @param influence influence diagnostics of the main analysis, or null
 * @param moderation meta-regression, alternative tau^2 interval and Egger's rma test, or null
 */
public record MetaSynthesis(
    MetaResult result,
    SubgroupAnalysis subgroups,
    List<SensitivityStep> leaveOneOut,
    List<SensitivityStep> cumulative,
    String cumulativeBy,
    EggerTest egger,
    RankCorrelationTest begg,
    List<String> notes,
    Provenance provenance,
    TrimAndFill trimFill,
    Influence influence,
    MetaModeration moderation) {

  /**
   * The sensitivity analyses to add to the main analysis.
   *
   * @param leaveOneOut whether to repeat the analysis leaving out each study in turn
   * @param cumulativeBy the column to order a cumulative analysis by, or null for none
   * @param egger whether to run Egger's regression test
   * @param begg whether to run Begg and Mazumdar's rank correlation test
   * @param trimFill the trim-and-fill estimator, or null for no trim-and-fill
   * @param influence whether to compute influence diagnostics
   */
  public record Sensitivity(
      boolean leaveOneOut,
      String cumulativeBy,
      boolean egger,
      boolean begg,
      TrimFillEstimator trimFill,
      boolean influence) {

    /**
     * Without trim-and-fill and influence diagnostics.
     *
     * @param leaveOneOut whether to repeat the analysis leaving out each study in turn
     * @param cumulativeBy the column to order a cumulative analysis by, or null for none
     * @param egger whether to run Egger's regression test
     * @param begg whether to run Begg and Mazumdar's rank correlation test
     */
    public Sensitivity(boolean leaveOneOut, String cumulativeBy, boolean egger, boolean begg) {
      this(leaveOneOut, cumulativeBy, egger, begg, null, false);
    }
  }

  /**
   * Runs the meta-analysis of the studies read and the sensitivity analyses asked for.
   * Leave-one-out needs at least 2 pooled studies and Egger's test at least 3: otherwise a note
   * says it was not done; with fewer than {@link EggerTest#RECOMMENDED_MINIMUM} studies a note
   * warns that Egger's test has little power (Sterne et al. 2011, BMJ 343:d4002).
   *
   * @param data the studies, in file order
   * @param options measure, model, estimator and level
   * @param sensitivity the sensitivity analyses to add
   * @param provenance the input files, for the outputs
   * @return the results
   */
  public static MetaSynthesis of(
      MetaInputReader.Input data,
      MetaOptions options,
      Sensitivity sensitivity,
      Provenance provenance) {
    return of(data, options, sensitivity, MetaModeration.Request.none(), provenance);
  }

  /**
   * Runs the meta-analysis, the sensitivity analyses and the moderator analyses asked for (see
   * {@link MetaModeration#of}).
   *
   * @param data the studies, in file order
   * @param options measure, model, estimator and level
   * @param sensitivity the sensitivity analyses to add
   * @param moderation the meta-regression, tau^2 interval and Egger's rma test to add
   * @param provenance the input files, for the outputs
   * @return the results
   */
  public static MetaSynthesis of(
      MetaInputReader.Input data,
      MetaOptions options,
      Sensitivity sensitivity,
      MetaModeration.Request moderation,
      Provenance provenance) {
    List<StudyData> studies = data.studies();
    List<String> notes = new ArrayList<>(data.omitted());
    SubgroupAnalysis subgroups = null;
    MetaResult result;
    if (data.subgroups()) {
      subgroups = MetaAnalysis.subgroups(studies, options);
      result = subgroups.overall();
    } else {
      result = MetaAnalysis.run(studies, options);
    }
    List<SensitivityStep> loo = null;
    if (sensitivity.leaveOneOut()) {
      if (result.k() < 2) {
        notes.add("leave-one-out not done: it needs at least 2 pooled studies");
      } else {
        loo = MetaAnalysis.leaveOneOut(studies, options);
      }
    }
    List<SensitivityStep> cumulative = null;
    if (sensitivity.cumulativeBy() != null) {
      cumulative = MetaAnalysis.cumulative(data.orderedBy(sensitivity.cumulativeBy()), options);
    }
    EggerTest eggerTest = null;
    if (sensitivity.egger()) {
      if (result.k() < 3) {
        notes.add("Egger's test not done: it needs at least 3 studies");
      } else {
        eggerTest = EggerTest.of(result);
        if (result.k() < EggerTest.RECOMMENDED_MINIMUM) {
          notes.add(
              "Egger's test with fewer than 10 studies has little power to detect funnel"
                  + " asymmetry (Sterne et al. 2011, BMJ 343:d4002)");
        }
      }
    }
    RankCorrelationTest beggTest = null;
    if (sensitivity.begg()) {
      if (result.k() < 3) {
        notes.add("Begg's rank correlation test not done: it needs at least 3 studies");
      } else {
        beggTest = RankCorrelationTest.of(result);
      }
    }
    return new MetaSynthesis(
        result,
        subgroups,
        loo,
        cumulative,
        sensitivity.cumulativeBy(),
        eggerTest,
        beggTest,
        notes,
        provenance,
        trimFill(result, sensitivity.trimFill(), notes),
        influence(result, sensitivity.influence(), notes),
        MetaModeration.of(data, result, moderation));
  }

  /** Trim-and-fill of the main analysis when asked for, or null with a note saying why not. */
  private static TrimAndFill trimFill(
      MetaResult result, TrimFillEstimator estimator, List<String> notes) {
    if (estimator == null) {
      return null;
    }
    try {
      TrimAndFill fill = TrimAndFill.of(result, estimator);
      if (fill.k0() > 0) {
        notes.add(
            "trim-and-fill: the pooled estimate with filled studies is an adjusted estimate"
                + " under the assumption that funnel asymmetry is due to missing small studies,"
                + " not a corrected result (Duval & Tweedie 2000)");
      }
      return fill;
    } catch (StatsException e) {
      notes.add("trim-and-fill not done: " + e.getMessage());
      return null;
    }
  }

  /** Influence diagnostics of the main analysis when asked for, or null with a note. */
  private static Influence influence(MetaResult result, boolean wanted, List<String> notes) {
    if (!wanted) {
      return null;
    }
    try {
      return Influence.of(result);
    } catch (StatsException e) {
      notes.add("influence diagnostics not done: " + e.getMessage());
      return null;
    }
  }

  /** All warnings: the main analysis', the subgroup analysis' and the extra notes. */
  public List<String> warnings() {
    List<String> all = new ArrayList<>(result.warnings());
    if (subgroups != null) {
      for (SubgroupAnalysis.Subgroup g : subgroups.subgroups()) {
        for (String w : g.result().warnings()) {
          all.add("subgroup " + g.name() + ": " + w);
        }
      }
      all.addAll(subgroups.warnings());
    }
    all.addAll(notes);
    if (moderation != null) {
      all.addAll(moderation.notes());
    }
    return all;
  }
}
