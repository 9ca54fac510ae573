package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialstats.analysis.MetaSynthesis;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.InputFile;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.Provenance;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.FixedMethod;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.Tau2Estimator;
import org.trialstats.report.Figure;
import org.trialstats.report.ForestOptions;
import org.trialstats.report.ForestPlot;
import org.trialstats.report.FunnelPlot;
import org.trialstats.report.MetaOutput;
import picocli.CommandLine.Command;
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
      "Meta-analysis of two-by-two tables (study, events1, n1, events2, n2; arm 1 = treatment) or"
          + " generic effects (study, yi, vi or yi, sei), with the numbers of R's metafor.",
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
          + " --forest forest.png --funnel funnel.svg"
    })
public final class MetaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input CSV file.")
  Path input;

  @Option(
      names = "--measure",
      required = true,
      paramLabel = "MEASURE",
      description = "rr, or, rd (two-by-two input) or generic (yi, vi input).")
  String measure;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "fixed or random (default: implied by --method; random when neither is given).")
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
      description = "Hartung-Knapp-Sidik-Jonkman interval and test (t with k - 1 df).")
  boolean hksj;

  @Option(
      names = "--level",
      defaultValue = "0.95",
      paramLabel = "LEVEL",
      description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the text/json/csv output to this file instead of standard output.")
  Path output;

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

  @Option(names = "--egger", description = "Add Egger's regression test for funnel asymmetry.")
  boolean egger;

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
    String fmt = format.trim().toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "csv").contains(fmt)) {
      throw new UserError("unknown format '" + format + "'; use text, json or csv");
    }
    checkPlotFile("--forest", forest);
    checkPlotFile("--funnel", funnel);
    MetaOptions options = options();
    MetaInputReader.Input data = MetaInputReader.read(input, subgroupColumn);
    if (data.counts() != options.measure().usesCounts()) {
      throw new UserError(
          input.getFileName() + ": "
              + (data.counts()
                  ? "the file has two-by-two counts; use --measure rr, or or rd"
                  : "the file has generic effects (yi, vi); use --measure generic"));
    }
    MetaSynthesis analysis = MetaSynthesis.of(data, options,
        new MetaSynthesis.Sensitivity(leaveOneOut, cumulativeBy, egger),
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
        fo = fo.withFavours(
            favoursLeft != null ? favoursLeft : fo.favoursLeft(),
            favoursRight != null ? favoursRight : fo.favoursRight());
      }
      Figure figure =
          analysis.subgroups() != null
              ? ForestPlot.render(analysis.subgroups(), fo)
              : ForestPlot.render(analysis.result(), fo);
      forestBytes = bytes(figure, forest);
    }
    byte[] funnelBytes = funnel == null ? null : bytes(FunnelPlot.render(analysis.result()), funnel);
    if (forestBytes != null) {
      OutputFiles.writeBytes(forest, forestBytes);
    }
    if (funnelBytes != null) {
      OutputFiles.writeBytes(funnel, funnelBytes);
    }
    if (output != null) {
      OutputFiles.writeString(output, rendered);
    } else {
      out.print(rendered);
      out.flush();
    }
    return ExitCode.OK;
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

  /** Builds the options from --measure, --model, --method, --hksj, --level, --exp. */
  MetaOptions options() {
    EffectMeasure m = EffectMeasure.fromId(measure);
    FixedMethod fixed = method == null ? null : FixedMethod.fromIdOrNull(method);
    Tau2Estimator estimator = method == null ? null : Tau2Estimator.fromIdOrNull(method);
    if (method != null && fixed == null && estimator == null) {
      throw new UserError(
          "unknown method '" + method + "'; use iv, mh, peto (fixed) or dl, reml, pm, ml, sj, he"
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
            "--method " + method + " is a tau^2 estimator of the random-effects model; use"
                + " --model random, or a fixed-effect method (iv, mh, peto)");
      }
      if (fixed == null) {
        fixed = m.usesCounts() ? FixedMethod.MH : FixedMethod.IV;
      }
      o = MetaOptions.fixed(m, fixed);
    } else {
      if (fixed != null) {
        throw new UserError(
            "--method " + method + " is a fixed-effect method; use --model fixed, or a tau^2"
                + " estimator (dl, reml, pm, ml, sj, he)");
      }
      o = MetaOptions.random(m, estimator == null ? Tau2Estimator.REML : estimator);
    }
    return new MetaOptions(
        o.measure(), o.model(), o.fixedMethod(), o.tau2Estimator(), hksj, level, exponentiate);
  }
}
