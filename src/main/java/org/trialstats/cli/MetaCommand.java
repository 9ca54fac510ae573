package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialstats.analysis.MetaModeration;
import org.trialstats.analysis.MetaSynthesis;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.InputFile;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;
import org.trialstats.io.Provenance;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.FixedMethod;
import org.trialstats.meta.GeneralisedQWeights;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.PredictionMethod;
import org.trialstats.meta.SmdVariance;
import org.trialstats.meta.Tau2Estimator;
import org.trialstats.meta.Tau2IntervalMethod;
import org.trialstats.meta.TrimFillEstimator;
import org.trialstats.report.BaujatPlot;
import org.trialstats.report.BubblePlot;
import org.trialstats.report.Figure;
import org.trialstats.report.ForestOptions;
import org.trialstats.report.ForestPlot;
import org.trialstats.report.FunnelPlot;
import org.trialstats.report.MetaOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats meta}: pools studies from a CSV file (fixed or random effects), prints text,
 * JSON or CSV and optionally draws forest and funnel plots. Exit code 0 on success, 2 for invalid
 * input or arguments (the message names the file, line and field).
 */
@Command(
    name = "meta",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Meta-analysis of two-by-two tables (study, events1, n1, events2, n2; arm 1 = treatment),"
          + " continuous outcomes (study, mean1, sd1, n1, mean2, sd2, n2), incidence rates"
          + " (study, events1, time1, events2, time2; time = person-time at risk) or generic"
          + " effects (study, yi, vi or yi, sei). Estimates, tau^2, Q, I^2 and their intervals"
          + " agree with R's metafor; the default prediction interval is the Cochrane/RevMan one"
          + " (t with k - 2 df), narrower in metafor (--prediction metafor gives metafor's).",
      "Missing values (NA or an empty cell) leave the study out with a warning naming it, as"
          + " metafor does; --missing refuse makes them an error.",
      "Optional columns: subgroup (subgroup analysis and test for subgroup differences), and any"
          + " column to order a cumulative analysis by (e.g. year).",
      "Zero cells: 0.5 is added to every cell of a study with a zero cell for inverse-variance"
          + " and random-effects models; Mantel-Haenszel and Peto use the raw counts; studies"
          + " with no events (or only events) in both arms are left out for RR and OR and kept"
          + " for RD."
    },
    footer = {
      "",
      "Examples:",
      "  trialstats meta --input studies.csv --measure rr --model random --method reml --hksj",
      "  trialstats meta --input studies.csv --measure or --method mh --format json"
          + " --forest forest.png --funnel funnel.svg",
      "  trialstats meta --input means.csv --measure smd --method reml --forest forest.svg",
      "  trialstats meta --input rates.csv --measure irr --method mh",
      "  trialstats meta --input bcg.csv --measure rr --method reml --mods ablat,alloc"
          + " --bubble bubble.svg --bubble-moderator ablat"
    })
public final class MetaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input CSV file.")
  Path input;

  @Option(
      names = "--measure",
      required = true,
      paramLabel = "MEASURE",
      description =
          "rr, or, rd (two-by-two input); md, smd (Hedges' g), cohend, rom (continuous input);"
              + " irr, ird (incidence-rate input); generic (yi, vi input).")
  String measure;

  @Option(
      names = "--smd-variance",
      defaultValue = "ls",
      paramLabel = "FORM",
      description =
          "Hedges' g variance: ls (large-sample, metafor's default), ub (unbiased) or revman"
              + " (Review Manager 5's g and variance) (default: ${DEFAULT-VALUE}).")
  String smdVariance;

  @Option(
      names = "--prediction",
      defaultValue = "hts",
      paramLabel = "FORMULA",
      description =
          "Prediction interval: hts (Higgins-Thompson-Spiegelhalter, t with k - 2 df, as the"
              + " Cochrane Handbook and RevMan) or metafor (metafor's predict(): z, or t with"
              + " k - 1 df with --hksj) (default: ${DEFAULT-VALUE}).")
  String prediction;

  @Option(
      names = "--missing",
      defaultValue = "omit",
      paramLabel = "POLICY",
      description =
          "Studies with a missing value (NA or empty): omit (left out with a warning, as"
              + " metafor) or refuse (error) (default: ${DEFAULT-VALUE}).")
  String missing;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "fixed or random (default: implied by --method; random when neither is given).")
  String model;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      description =
          "Fixed effect: iv, mh, peto. Random effects (tau^2 estimator): dl, reml, pm, ml, sj,"
              + " he. Default: reml for random, mh for fixed with counts, iv for fixed generic.")
  String method;

  @Option(
      names = "--hksj",
      description =
          "Hartung-Knapp(-Sidik-Jonkman) interval and test (t with k - 1 df); random effects,"
              + " or fixed effect with --method iv.")
  boolean hksj;

  @Mixin ConfidenceLevelOption level;

  @Mixin OutputFormatOption format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the text/json/csv output to this file instead of standard output"
              + " ('-': standard output).")
  Path output;

  /** The option's former name, kept working (hidden) so that existing scripts do not break. */
  @Option(names = "--output", hidden = true, paramLabel = "FILE")
  void deprecatedOutput(Path file) {
    output = file;
  }

  @Option(
      names = "--forest",
      paramLabel = "FILE",
      description = "Draw a forest plot (.png or .svg).")
  Path forest;

  @Option(
      names = "--funnel",
      paramLabel = "FILE",
      description = "Draw a funnel plot with pseudo-confidence limits (.png or .svg).")
  Path funnel;

  @Option(
      names = "--subgroup",
      paramLabel = "COLUMN",
      description = "Subgroup column (default: a column named 'subgroup' when present).")
  String subgroupColumn;

  @Option(names = "--leave-one-out", description = "Add a leave-one-out analysis.")
  boolean leaveOneOut;

  @Option(
      names = "--cumulative",
      paramLabel = "COLUMN",
      description = "Add a cumulative analysis in the order of this column (e.g. year).")
  String cumulativeBy;

  @Option(
      names = "--egger",
      arity = "0..1",
      fallbackValue = "classical",
      paramLabel = "FORM",
      description =
          "Add Egger's regression test for funnel asymmetry: classical (least squares of y/se"
              + " on 1/se; the form without a value) or rma (metafor's default regtest():"
              + " meta-regression on se with the analysis' tau^2 method).")
  String egger;

  @Option(
      names = "--mods",
      split = ",",
      paramLabel = "COLUMN",
      description =
          "Meta-regression on these input columns (comma-separated; a column with a"
              + " non-numeric value is categorical, its first sorted level the reference):"
              + " coefficients, test of moderators QM, residual QE, tau^2, I^2, R^2 (metafor"
              + " rma(mods = ~ ...)).")
  List<String> mods;

  @Option(
      names = "--tau2-ci",
      defaultValue = "qp",
      paramLabel = "TYPE",
      description =
          "Interval for tau^2: qp (Q-profile, always reported), pl (profile likelihood, ML"
              + " or REML) or genq (generalised Q, Jackson 2013; weights by --genq-weights)"
              + " (default: ${DEFAULT-VALUE}).")
  String tau2Ci;

  @Option(
      names = "--genq-weights",
      defaultValue = "se",
      paramLabel = "WEIGHTS",
      description =
          "Weights a_i of the generalised Q statistic for --tau2-ci genq: se (1/SE, Jackson's"
              + " recommendation) or iv (1/variance, Cochran's Q: Biggerstaff and Jackson 2008)"
              + " (default: ${DEFAULT-VALUE}).")
  String genqWeights;

  @Option(
      names = "--bubble",
      paramLabel = "FILE",
      description =
          "Draw a bubble plot of the meta-regression (.png or .svg): effect against one"
              + " moderator, circle area proportional to weight, fitted line with its"
              + " confidence band.")
  Path bubble;

  @Option(
      names = "--bubble-moderator",
      paramLabel = "COLUMN",
      description = "The continuous moderator of the bubble plot (default: the first one).")
  String bubbleModerator;

  @Option(
      names = "--begg",
      description =
          "Add Begg and Mazumdar's rank correlation test for funnel asymmetry (metafor's"
              + " ranktest()).")
  boolean begg;

  @Option(
      names = "--trimfill",
      arity = "0..1",
      fallbackValue = "l0",
      paramLabel = "ESTIMATOR",
      description =
          "Add trim-and-fill (Duval & Tweedie) with the l0 (default) or r0 estimator of the"
              + " number of missing studies, side chosen as metafor's trimfill(); --funnel then"
              + " shows the filled studies as open circles. Inverse-variance models only.")
  String trimFill;

  @Option(
      names = "--influence",
      description =
          "Add influence diagnostics as metafor's influence(): studentised residuals, DFFITS,"
              + " Cook's distance, covariance ratio, tau^2 and Q left out, hat values, weights.")
  boolean influence;

  @Option(
      names = "--baujat",
      paramLabel = "FILE",
      description =
          "Draw a Baujat plot (contribution to heterogeneity vs influence on the pooled"
              + " estimate; .png or .svg); implies --influence.")
  Path baujat;

  @Option(
      names = "--exp",
      description =
          "Generic effects are log ratios (e.g. log hazard ratios): report and plot exp(yi).")
  boolean exponentiate;

  @Option(
      names = "--treatment-label",
      paramLabel = "TEXT",
      description = "Name of arm 1 in the forest plot (default: Treatment).")
  String treatmentLabel;

  @Option(
      names = "--control-label",
      paramLabel = "TEXT",
      description = "Name of arm 2 in the forest plot (default: Control).")
  String controlLabel;

  @Option(
      names = "--effect-label",
      paramLabel = "TEXT",
      description = "Name of the effect in the forest plot (e.g. 'Hazard Ratio').")
  String effectLabel;

  @Option(
      names = "--favours-left",
      paramLabel = "TEXT",
      description = "Text under the forest plot axis left of no effect (default: Favours <arm 1>).")
  String favoursLeft;

  @Option(
      names = "--favours-right",
      paramLabel = "TEXT",
      description =
          "Text under the forest plot axis right of no effect (default: Favours <arm 2>).")
  String favoursRight;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title of the forest plot.")
  String title;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String fmt = format.value();
    checkPlotFile("--forest", forest);
    checkPlotFile("--funnel", funnel);
    checkPlotFile("--baujat", baujat);
    checkPlotFile("--bubble", bubble);
    MetaModeration.Request moderation = moderationRequest();
    OutputTarget.checkFiles(Arrays.asList(output, forest, funnel, baujat, bubble), List.of(input));
    MetaOptions options = options();
    MetaInputReader.Input data = MetaInputReader.read(input, subgroupColumn, missingValues());
    if (data.form() != options.measure().input()) {
      throw new UserError(
          input.getFileName()
              + ": "
              + switch (data.form()) {
                case TWO_BY_TWO -> "the file has two-by-two counts; use --measure rr, or or rd";
                case MEANS ->
                    "the file has means and standard deviations; use --measure md,"
                        + " smd, cohend or rom";
                case PERSON_TIME ->
                    "the file has events and person-time; use --measure irr or" + " ird";
                case EFFECT -> "the file has generic effects (yi, vi); use --measure generic";
              });
    }
    MetaSynthesis analysis =
        MetaSynthesis.of(
            data,
            options,
            new MetaSynthesis.Sensitivity(
                leaveOneOut,
                cumulativeBy,
                "classical".equals(eggerForm()),
                begg,
                trimFill == null ? null : TrimFillEstimator.fromId(trimFill),
                influence || baujat != null),
            moderation,
            new Provenance(Version.current(), List.of(InputFile.hash(input))));
    String rendered =
        switch (fmt) {
          case "json" -> MetaOutput.json(analysis);
          case "csv" -> MetaOutput.csv(analysis);
          default -> MetaOutput.text(analysis);
        };
    // render everything before writing anything, so that a failure leaves no partial outputs
    byte[] forestBytes = null;
    if (forest != null) {
      ForestOptions fo =
          ForestOptions.defaults()
              .withTitle(title)
              .withArms(treatmentLabel, controlLabel)
              .withEffectLabel(effectLabel);
      if (favoursLeft != null || favoursRight != null) {
        fo =
            fo.withFavours(
                favoursLeft != null ? favoursLeft : fo.favoursLeft(),
                favoursRight != null ? favoursRight : fo.favoursRight());
      }
      Figure figure =
          analysis.subgroups() != null
              ? ForestPlot.render(analysis.subgroups(), fo)
              : ForestPlot.render(analysis.result(), fo);
      forestBytes = bytes(figure, forest);
    }
    byte[] funnelBytes = funnel == null ? null : bytes(funnelFigure(analysis), funnel);
    byte[] baujatBytes = baujat == null ? null : bytes(baujatFigure(analysis), baujat);
    byte[] bubbleBytes = bubble == null ? null : bytes(bubbleFigure(analysis), bubble);
    // all outputs are committed together, or none of them
    try (OutputFiles.Group outputs = new OutputFiles.Group()) {
      if (bubbleBytes != null) {
        outputs.add(bubble, stream -> stream.write(bubbleBytes));
      }
      if (forestBytes != null) {
        byte[] bytes = forestBytes;
        outputs.add(forest, stream -> stream.write(bytes));
      }
      if (funnelBytes != null) {
        outputs.add(funnel, stream -> stream.write(funnelBytes));
      }
      if (baujatBytes != null) {
        outputs.add(baujat, stream -> stream.write(baujatBytes));
      }
      boolean toFile = output != null && !OutputTarget.isStandardOutput(output);
      if (toFile) {
        outputs.add(output, stream -> stream.write(rendered.getBytes(StandardCharsets.UTF_8)));
      }
      outputs.commit();
      if (!toFile) {
        out.print(rendered);
        out.flush();
      }
    }
    return ExitCode.OK;
  }

  /** The funnel plot, with the filled studies when trim-and-fill was done. */
  private static Figure funnelFigure(MetaSynthesis analysis) {
    return analysis.trimFill() == null
        ? FunnelPlot.render(analysis.result())
        : FunnelPlot.render(analysis.result(), analysis.trimFill(), "Funnel plot (trim-and-fill)");
  }

  /** The Baujat plot; refused when the diagnostics could not be computed (the note says why). */
  private static Figure baujatFigure(MetaSynthesis analysis) {
    if (analysis.influence() == null) {
      throw new UserError(
          "--baujat: no Baujat plot: "
              + analysis.notes().stream()
                  .filter(n -> n.startsWith("influence diagnostics not done: "))
                  .map(n -> n.substring("influence diagnostics not done: ".length()))
                  .findFirst()
                  .orElse("influence diagnostics are not available"));
    }
    return BaujatPlot.render(analysis.result(), analysis.influence());
  }

  /** The Egger form asked for: null, classical or rma. */
  private String eggerForm() {
    if (egger == null) {
      return null;
    }
    String form = egger.trim().toLowerCase(Locale.ROOT);
    if (!form.equals("classical") && !form.equals("rma")) {
      throw new UserError("unknown --egger '" + egger + "'; use classical or rma");
    }
    return form;
  }

  /** The meta-regression, tau^2 interval and Egger's rma test asked for. */
  private MetaModeration.Request moderationRequest() {
    List<String> columns = mods == null ? List.of() : mods.stream().map(String::trim).toList();
    if (columns.stream().anyMatch(String::isEmpty)) {
      throw new UserError("--mods needs column names separated by commas, got an empty name");
    }
    if (bubble != null && columns.isEmpty()) {
      throw new UserError("--bubble draws a meta-regression: give its moderators with --mods");
    }
    Tau2IntervalMethod interval;
    try {
      interval = Tau2IntervalMethod.fromId(tau2Ci.trim());
    } catch (org.trialstats.stats.StatsException e) {
      throw new UserError("unknown --tau2-ci '" + tau2Ci + "'; use qp, pl or genq");
    }
    GeneralisedQWeights weights;
    try {
      weights = GeneralisedQWeights.fromId(genqWeights.trim());
    } catch (org.trialstats.stats.StatsException e) {
      throw new UserError("unknown --genq-weights '" + genqWeights + "'; use se or iv");
    }
    return new MetaModeration.Request(columns, interval, "rma".equals(eggerForm()), weights);
  }

  private Figure bubbleFigure(MetaSynthesis analysis) {
    MetaModeration m = analysis.moderation();
    String moderator =
        bubbleModerator != null ? bubbleModerator.trim() : BubblePlot.firstContinuous(m);
    if (moderator == null) {
      throw new UserError(
          "--bubble needs a continuous moderator; every moderator in --mods is categorical");
    }
    try {
      return BubblePlot.render(analysis.result(), m, moderator);
    } catch (IllegalArgumentException e) {
      throw new UserError("--bubble-moderator: " + e.getMessage());
    }
  }

  private static byte[] bytes(Figure figure, Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
        ? figure.png()
        : figure.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void checkPlotFile(String option, Path file) {
    if (file == null) {
      return;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new UserError(option + " file must end in .png or .svg, got '" + file + "'");
    }
  }

  private MetaInputReader.MissingValues missingValues() {
    return switch (missing.trim().toLowerCase(Locale.ROOT)) {
      case "omit" -> MetaInputReader.MissingValues.OMIT;
      case "refuse" -> MetaInputReader.MissingValues.REFUSE;
      default -> throw new UserError("unknown --missing '" + missing + "'; use omit or refuse");
    };
  }

  /**
   * Builds the options from --measure, --model, --method, --hksj, --level, --exp, --smd-variance
   * and --prediction.
   */
  MetaOptions options() {
    EffectMeasure m = EffectMeasure.fromId(measure);
    FixedMethod fixed = method == null ? null : FixedMethod.fromIdOrNull(method);
    Tau2Estimator estimator = method == null ? null : Tau2Estimator.fromIdOrNull(method);
    if (method != null && fixed == null && estimator == null) {
      throw new UserError(
          "unknown method '"
              + method
              + "'; use iv, mh, peto (fixed) or dl, reml, pm, ml, sj, he"
              + " (random)");
    }
    MetaModel mm;
    if (model != null) {
      mm = MetaModel.fromId(model);
    } else if (fixed != null) {
      mm = MetaModel.FIXED;
    } else {
      mm = MetaModel.RANDOM;
    }
    MetaOptions o;
    if (mm == MetaModel.FIXED) {
      if (estimator != null) {
        throw new UserError(
            "--method "
                + method
                + " is a tau^2 estimator of the random-effects model; use"
                + " --model random, or a fixed-effect method (iv, mh, peto)");
      }
      if (fixed == null) {
        fixed =
            m.usesCounts() || m.input() == EffectMeasure.Input.PERSON_TIME
                ? FixedMethod.MH
                : FixedMethod.IV;
      }
      o = MetaOptions.fixed(m, fixed);
    } else {
      if (fixed != null) {
        throw new UserError(
            "--method "
                + method
                + " is a fixed-effect method; use --model fixed, or a tau^2"
                + " estimator (dl, reml, pm, ml, sj, he)");
      }
      o = MetaOptions.random(m, estimator == null ? Tau2Estimator.REML : estimator);
    }
    return o.withHksj(hksj)
        .withLevel(level.value())
        .withExponentiate(exponentiate)
        .withSmdVariance(SmdVariance.fromId(smdVariance))
        .withPrediction(PredictionMethod.fromId(prediction));
  }
}
