package org.trialstats.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.FixedMethod;
import org.trialstats.meta.GeneralisedQWeights;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.ModeratorDesign;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.Tau2Estimator;
import org.trialstats.meta.Tau2Interval;
import org.trialstats.stats.StatsException;

/**
 * Meta-analysis validation cases: the shared metafor reference on the BCG trials and the published
 * meta-analysis examples. Each configuration is run once through {@link MetaAnalysis#run} and every
 * reference column becomes one case.
 *
 * <p>Configurations are named by the reference columns {@code measure, model, method, hksj}: a
 * fixed model takes a {@link FixedMethod} id, a random model a {@link Tau2Estimator} id, and {@code
 * hksj = TRUE} applies the Hartung-Knapp-Sidik-Jonkman adjustment.
 */
final class MetaCases {
  /** Name of the suite built from {@code meta_reference_bcg.csv}. */
  static final String SHARED_SUITE = "independent meta-analysis reference (metafor 3.8-1)";

  /**
   * Columns of {@code meta_reference_bcg.csv} checked for every configuration where the reference
   * is not NA (fixed-effect models have no tau^2 interval or prediction interval).
   */
  static final List<String> SHARED_QUANTITIES =
      List.of(
          "k",
          "mu",
          "se",
          "mu_lower",
          "mu_upper",
          "estimate",
          "lower",
          "upper",
          "pvalue",
          "tau2",
          "i2",
          "q",
          "q_df",
          "q_pvalue",
          "pi_lower",
          "pi_upper",
          "tau2_lower",
          "tau2_upper",
          "i2_lower",
          "i2_upper");

  /** Relative tolerance for closed-form results (the shared reference README). */
  static final double CLOSED_FORM_TOLERANCE = 1e-6;

  /** Relative tolerance for results of an iterative tau^2 estimator (REML, PM). */
  static final double ITERATIVE_TOLERANCE = 1e-5;

  /** Relative tolerance for Q-profile confidence limits of tau^2 and I^2. */
  static final double Q_PROFILE_TOLERANCE = 1e-3;

  private static final String SHARED_SOURCE =
      "metafor 3.8-1 (R 4.2.2) on the BCG vaccine trials"
          + " (Colditz et al. 1994): escalc(add = 1/2, to = \"only0\", drop00 = TRUE), rma / rma.mh"
          + " / rma.peto, confint(), t(k - 2) prediction interval; tol = threshold = 1e-12";

  private MetaCases() {}

  /**
   * Every non-NA value of every configuration in the shared reference, with the tolerances of its
   * README: counts exactly, Q-profile limits 1e-3, iterative estimators 1e-5, closed forms 1e-6
   * (relative).
   */
  static List<ValidationCase> sharedReference(String studiesFile, String referenceFile) {
    List<StudyData> studies = studies(studiesFile);
    List<ValidationCase> cases = new ArrayList<>();
    int line = 1;
    for (Map<String, String> row : ValidationSuite.readCsv(referenceFile)) {
      line++;
      String method = label(row);
      String id = row.get("dataset") + " " + method + " (" + referenceFile + " line " + line + ")";
      Run run = run(studies, row);
      boolean iterative =
          run.options != null
              && run.options.tau2Estimator() != null
              && run.options.tau2Estimator().isIterative();
      for (String quantity : SHARED_QUANTITIES) {
        double expected = ValidationSuite.number(row.get(quantity));
        if (Double.isNaN(expected)) {
          continue;
        }
        double tolerance;
        if (quantity.equals("k") || quantity.equals("q_df")) {
          tolerance = 0;
        } else if (quantity.startsWith("tau2_") || quantity.startsWith("i2_")) {
          tolerance = Q_PROFILE_TOLERANCE;
        } else {
          tolerance = iterative ? ITERATIVE_TOLERANCE : CLOSED_FORM_TOLERANCE;
        }
        cases.add(
            new ValidationCase(
                SHARED_SUITE,
                id,
                method,
                quantity,
                expected,
                run.value(quantity),
                tolerance,
                true,
                SHARED_SOURCE,
                run.error));
      }
    }
    return cases;
  }

  /**
   * The published meta-analysis examples: one row per printed value, naming the study data file,
   * the configuration, the quantity, the printed value and its absolute tolerance.
   */
  static List<ValidationCase> publishedExamples(String suite, String file) {
    Map<String, List<StudyData>> data = new HashMap<>();
    Map<String, Run> runs = new HashMap<>();
    List<ValidationCase> cases = new ArrayList<>();
    for (Map<String, String> row : ValidationSuite.readCsv(file)) {
      List<StudyData> studies = data.computeIfAbsent(row.get("data"), MetaCases::studies);
      String method = label(row);
      Run run = runs.computeIfAbsent(row.get("data") + " " + method, k -> run(studies, row));
      cases.add(
          new ValidationCase(
              suite,
              row.get("id"),
              method,
              row.get("quantity"),
              ValidationSuite.number(row.get("ref_value")),
              run.value(row.get("quantity")),
              Double.parseDouble(row.get("tolerance")),
              false,
              row.get("ref_source"),
              run.error));
    }
    return cases;
  }

  /**
   * The generalised-Q interval for tau^2 (Jackson 2013) on the log risk ratios of a study file: one
   * row per limit naming the weights ({@code se} or {@code iv}), the level, the quantity ({@code
   * tau2_lower} or {@code tau2_upper}), the reference value and its source; relative tolerance
   * 1e-9.
   */
  static List<ValidationCase> generalisedQ(String studiesFile, String file) {
    MetaResult result =
        MetaAnalysis.run(
            studies(studiesFile), MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML));
    int k = result.studies().size();
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = result.studies().get(i).yi();
      v[i] = result.studies().get(i).vi();
    }
    List<ValidationCase> cases = new ArrayList<>();
    for (Map<String, String> row : ValidationSuite.readCsv(file)) {
      double actual = Double.NaN;
      String error = "";
      try {
        Tau2Interval ci =
            Tau2Interval.generalisedQ(
                y,
                v,
                ModeratorDesign.interceptOnly(k),
                GeneralisedQWeights.fromId(row.get("weights")),
                Double.parseDouble(row.get("level")));
        actual = row.get("quantity").equals("tau2_lower") ? ci.lower() : ci.upper();
      } catch (StatsException e) {
        error = e.getMessage();
      }
      cases.add(
          new ValidationCase(
              GENQ_SUITE,
              row.get("id"),
              "meta rr tau^2 interval genq " + row.get("weights") + " " + row.get("level"),
              row.get("quantity"),
              ValidationSuite.number(row.get("ref_value")),
              actual,
              GENQ_TOLERANCE,
              true,
              row.get("ref_source"),
              error));
    }
    return cases;
  }

  /** The suite of the generalised-Q interval cases. */
  static final String GENQ_SUITE = "generalised-Q tau^2 interval (metafor 3.8-1 objective, mpmath)";

  /** Relative tolerance of the generalised-Q limits (both sides solve to about 1e-12). */
  static final double GENQ_TOLERANCE = 1e-9;

  /** Study data: columns study, events1, n1, events2, n2 (arm 1 = treatment). */
  static List<StudyData> studies(String file) {
    List<StudyData> out = new ArrayList<>();
    for (Map<String, String> r : ValidationSuite.readCsv(file)) {
      out.add(
          StudyData.counts(
              r.get("study"),
              null,
              Long.parseLong(r.get("events1").strip()),
              Long.parseLong(r.get("n1").strip()),
              Long.parseLong(r.get("events2").strip()),
              Long.parseLong(r.get("n2").strip())));
    }
    return out;
  }

  /** The configuration named by the columns measure, model, method and hksj. */
  static MetaOptions options(Map<String, String> row) {
    EffectMeasure measure = EffectMeasure.fromId(row.get("measure"));
    MetaModel model = MetaModel.fromId(row.get("model"));
    MetaOptions options =
        model == MetaModel.FIXED
            ? MetaOptions.fixed(measure, FixedMethod.fromId(row.get("method")))
            : MetaOptions.random(measure, Tau2Estimator.fromId(row.get("method")));
    return options.withHksj(hksj(row));
  }

  private static boolean hksj(Map<String, String> row) {
    return "true".equals(row.getOrDefault("hksj", "").strip().toLowerCase(Locale.ROOT));
  }

  /** Method label in the report, e.g. {@code meta rr random reml hksj}. */
  static String label(Map<String, String> row) {
    return "meta "
        + row.get("measure")
        + " "
        + row.get("model")
        + " "
        + row.get("method")
        + (hksj(row) ? " hksj" : "");
  }

  private static Run run(List<StudyData> studies, Map<String, String> row) {
    MetaOptions options = null;
    try {
      options = options(row);
      MetaResult result = MetaAnalysis.run(studies, options);
      String error = result.converged() ? "" : "the tau^2 estimator did not converge";
      return new Run(options, result, error);
    } catch (StatsException e) {
      return new Run(options, null, e.getMessage());
    }
  }

  /** One meta-analysis run, or why it failed. */
  private record Run(MetaOptions options, MetaResult result, String error) {
    double value(String quantity) {
      if (result == null) {
        return Double.NaN;
      }
      return switch (quantity) {
        case "k" -> result.k();
        case "mu" -> result.mu();
        case "se" -> result.se();
        case "mu_lower" -> result.muLower();
        case "mu_upper" -> result.muUpper();
        case "estimate" -> result.estimate();
        case "lower" -> result.lower();
        case "upper" -> result.upper();
        case "pvalue" -> result.pvalue();
        case "tau2" -> result.tau2();
        case "tau" -> Math.sqrt(result.tau2());
        case "i2" -> result.i2();
        case "q" -> result.q();
        case "q_df" -> result.qDf();
        case "q_pvalue" -> result.qPvalue();
        case "pi_lower" -> result.piLower();
        case "pi_upper" -> result.piUpper();
        case "tau2_lower" -> result.tau2Lower();
        case "tau2_upper" -> result.tau2Upper();
        case "i2_lower" -> result.i2Lower();
        case "i2_upper" -> result.i2Upper();
        default -> throw new IllegalStateException("unknown meta-analysis quantity " + quantity);
      };
    }
  }
}
