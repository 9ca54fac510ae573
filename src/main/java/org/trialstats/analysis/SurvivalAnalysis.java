package org.trialstats.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.PopulationSubjects;
import org.trialstats.adam.TimeToEventData;
import org.trialstats.io.InputFile;
import org.trialstats.stats.StatsException;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.CoxResult;
import org.trialstats.survival.CoxTerm;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KaplanMeierCurve;
import org.trialstats.survival.LogRankResult;
import org.trialstats.survival.LogRankTest;
import org.trialstats.survival.LogRankWeight;
import org.trialstats.survival.RestrictedMean;
import org.trialstats.survival.RestrictedMeanDifference;
import org.trialstats.survival.SurvivalSample;

/**
 * The time-to-event use case: reads ADTTE (or CSV), joins the ADSL population, and computes per
 * group the Kaplan-Meier curve, median with its interval and RMST, the log-rank test, the Cox model
 * of the groups against the reference and the RMST differences. Undefined results (no events, a
 * group without events for Cox) become warnings and null parts, never NaN.
 */
public final class SurvivalAnalysis {
  private SurvivalAnalysis() {}

  /**
   * Runs the analysis.
   *
   * @param request what to read and compute
   * @param version the tool version for the provenance
   * @return the typed result
   * @throws IOException when a file cannot be read
   * @throws AdamDataException for invalid data (naming file, record and variable)
   * @throws StatsException for an invalid argument (level, times, tau, reference)
   */
  public static SurvivalResult run(SurvivalRequest request, String version) throws IOException {
    List<InputFile> inputs = new ArrayList<>();
    PopulationSubjects population = null;
    if (request.adsl() != null) {
      if (request.populationFlag() == null) {
        throw new StatsException("a population flag is needed with the ADSL file (e.g. SAFFL)");
      }
      try (DatasetReader adsl = DatasetReader.open(request.adsl())) {
        population =
            TimeToEventData.population(adsl, request.columns().subject(), request.populationFlag());
      }
    }
    InputFile.Pending inputHash = InputFile.hashConcurrently(request.input());
    TimeToEventData data;
    try (DatasetReader reader = DatasetReader.open(request.input())) {
      data = TimeToEventData.read(reader, request.columns(), population);
    }
    inputs.add(inputHash.get());
    if (request.adsl() != null) {
      inputs.add(InputFile.hash(request.adsl()));
    }
    return analyse(request, data, version, inputs);
  }

  /**
   * Runs the computations on columns already read.
   *
   * @param request the options (its file fields are not used)
   * @param data the records
   * @param version the tool version
   * @param inputs the input files for the provenance
   * @return the typed result
   * @throws StatsException for an invalid argument
   */
  public static SurvivalResult analyse(
      SurvivalRequest request, TimeToEventData data, String version, List<InputFile> inputs) {
    List<String> warnings = new ArrayList<>();
    List<String> labels = data.groups();
    int reference = 0;
    if (request.reference() != null) {
      reference = labels.indexOf(request.reference());
      if (reference < 0) {
        throw new StatsException(
            "reference group '"
                + request.reference()
                + "' has no subjects; the groups are "
                + labels);
      }
    }
    boolean stratified = data.stratum() != null;
    SurvivalSample sample =
        SurvivalSample.of(
            data.time(),
            data.event(),
            data.group(),
            labels.size(),
            data.stratum(),
            stratified ? data.strata().size() : 1);
    if (data.excluded() > 0) {
      warnings.add(
          "records left out because their subject is not in the population ("
              + request.populationFlag()
              + " = Y): "
              + data.excluded());
    }
    List<String> notes = List.of(data.groupOrder() + "; reference group: " + labels.get(reference));

    List<KaplanMeierCurve> curves = KaplanMeier.byGroup(sample);
    List<SurvivalResult.GroupSummary> groups = new ArrayList<>();
    for (int g = 0; g < curves.size(); g++) {
      KaplanMeierCurve c = curves.get(g);
      RestrictedMean rmst = null;
      if (request.rmstTau() != null) {
        rmst = c.restrictedMean(request.rmstTau());
        if (rmst.extended()) {
          warnings.add(
              "RMST of "
                  + labels.get(g)
                  + ": tau is beyond the group's last observed time;"
                  + " the curve was carried forward flat (as R does)");
        }
      }
      int events = c.totalEvents();
      groups.add(
          new SurvivalResult.GroupSummary(
              labels.get(g),
              c.subjects(),
              events,
              c.subjects() - events,
              c.quantile(0.5, request.transform(), request.level()),
              rmst,
              request.times() == null
                  ? c.eventTimes(request.transform(), request.level())
                  : c.at(request.times(), request.transform(), request.level()),
              c));
    }

    LogRankResult logRank = null;
    if (labels.size() > 1) {
      try {
        logRank = LogRankTest.test(sample, LogRankWeight.LOG_RANK);
      } catch (StatsException e) {
        warnings.add("log-rank test not computed: " + e.getMessage());
      }
    } else {
      warnings.add("one group only: no log-rank test, Cox model or RMST difference");
    }

    CoxResult cox = null;
    List<SurvivalResult.LabelledCoxTerm> terms = new ArrayList<>();
    if (labels.size() > 1) {
      try {
        cox = CoxModel.fit(sample, reference, request.ties(), request.level());
        for (CoxTerm t : cox.terms()) {
          terms.add(new SurvivalResult.LabelledCoxTerm(labels.get(t.group()), t));
        }
      } catch (StatsException e) {
        warnings.add("Cox model not estimated: " + describeGroup(e.getMessage(), labels));
      }
    }

    List<SurvivalResult.RmstComparison> differences = new ArrayList<>();
    if (request.rmstTau() != null && labels.size() > 1) {
      RestrictedMean ref = groups.get(reference).rmst();
      for (int g = 0; g < groups.size(); g++) {
        if (g != reference) {
          differences.add(
              new SurvivalResult.RmstComparison(
                  labels.get(g),
                  RestrictedMeanDifference.of(groups.get(g).rmst(), ref, request.level())));
        }
      }
    }
    return new SurvivalResult(
        groups,
        labels.get(reference),
        logRank,
        cox,
        terms,
        differences,
        request.transform(),
        request.level(),
        request.ties(),
        stratified,
        request.columns().strata(),
        warnings,
        notes,
        version,
        inputs);
  }

  /** Replaces "group code i" in a math message by the group's label. */
  private static String describeGroup(String message, List<String> labels) {
    String out = message;
    for (int g = labels.size() - 1; g >= 0; g--) {
      out = out.replace("group code " + g, "group " + labels.get(g));
    }
    return out;
  }
}
