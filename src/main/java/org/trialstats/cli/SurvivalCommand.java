package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstats.adam.Condition;
import org.trialstats.adam.TimeToEventColumns;
import org.trialstats.analysis.SurvivalAnalysis;
import org.trialstats.analysis.SurvivalRequest;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;
import org.trialstats.report.Figure;
import org.trialstats.report.KaplanMeierPlot;
import org.trialstats.report.SurvivalOutput;
import org.trialstats.stats.StatsException;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.TiesMethod;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats survival}: Kaplan-Meier, log-rank, Cox and RMST from ADTTE or CSV, with the
 * Kaplan-Meier figure. Exit code 0 on success, 2 for invalid input or arguments.
 */
@Command(
    name = "survival",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time-to-event analysis by group: Kaplan-Meier curves with Greenwood intervals, medians"
          + " with Brookmeyer-Crowley limits, the log-rank test, the Cox hazard ratio of each"
          + " group versus the reference and restricted mean survival times, with the numbers of"
          + " R's survival package.",
      "Input: ADaM ADTTE (XPORT) or CSV, one record per subject (and parameter). --censor"
          + " follows ADaM (CNSR = 0 is an event, a positive integer censored); --event takes 1"
          + " = event, 0 = censored. With --strata the log-rank test and the Cox model are"
          + " stratified (the curves are not)."
    },
    footer = {
      "",
      "Examples:",
      "  trialstats survival --input adtte.xpt --time AVAL --censor CNSR --group TRTP"
          + " --param TTDE --adsl adsl.xpt --population SAFFL --conf-type log-log"
          + " --plot km.png",
      "  trialstats survival --input trial.csv --time days --event status --group arm"
          + " --reference Placebo --times 30,60,90 --rmst 90 --format json"
    })
public final class SurvivalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "ADTTE (.xpt) or CSV file.")
  Path input;

  @Option(
      names = "--time",
      required = true,
      paramLabel = "VAR",
      description = "Time variable (e.g. AVAL), >= 0.")
  String time;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Status status;

  /** Exactly one of --censor and --event. */
  static final class Status {
    @Option(
        names = "--censor",
        required = true,
        paramLabel = "VAR",
        description = "ADaM censor flag (CNSR): 0 = event, positive integer = censored.")
    String censor;

    @Option(
        names = "--event",
        required = true,
        paramLabel = "VAR",
        description = "Event indicator: 1 = event, 0 = censored.")
    String event;
  }

  @Option(
      names = "--group",
      required = true,
      paramLabel = "VAR",
      description = "Treatment group variable (e.g. TRTP).")
  String group;

  @Option(
      names = "--reference",
      paramLabel = "GROUP",
      description =
          "Reference group for hazard ratios and RMST differences (default: the"
              + " first group: ordered by <group>N, an ADSL pair such as TRT01P/TRT01PN, or"
              + " alphabetically).")
  String reference;

  @Option(
      names = "--strata",
      paramLabel = "VAR",
      description = "Stratification variable for the log-rank test and the Cox model.")
  String strata;

  @Option(
      names = "--param",
      paramLabel = "PARAMCD",
      description = "Keep the records of this parameter (PARAMCD), e.g. TTDE.")
  String param;

  @Option(
      names = "--where",
      paramLabel = "VAR=VALUE",
      description = "Keep records where VAR equals VALUE (VAR=v1|v2, VAR!=v); repeatable.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--adsl",
      paramLabel = "FILE",
      description = "ADSL file: keep the subjects of the population flag (joined by USUBJID).")
  Path adsl;

  @Option(
      names = "--population",
      paramLabel = "FLAG",
      description = "Population flag in ADSL (e.g. SAFFL, ITTFL); needs --adsl.")
  String population;

  @Option(
      names = "--subject",
      defaultValue = "USUBJID",
      paramLabel = "VAR",
      description = "Subject identifier for the ADSL join (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(
      names = "--conf-type",
      defaultValue = "log",
      paramLabel = "TYPE",
      description =
          "Survival interval scale: plain (SAS linear), log (R default), log-log"
              + " (SAS 9.2+ default), arcsine, logit (default: ${DEFAULT-VALUE}).")
  String confType;

  @Mixin ConfidenceLevelOption level;

  @Option(
      names = "--ties",
      defaultValue = "efron",
      paramLabel = "METHOD",
      description =
          "Cox ties: efron (R default), breslow (SAS default), exact (SAS"
              + " DISCRETE) (default: ${DEFAULT-VALUE}).")
  String ties;

  @Option(
      names = "--times",
      split = ",",
      paramLabel = "T",
      description = "Report the curves at these times (default: every event time).")
  double[] times;

  @Option(
      names = "--rmst",
      paramLabel = "TAU",
      description =
          "Restricted mean survival time up to TAU, and differences vs the" + " reference.")
  Double rmst;

  @Mixin OutputFormatOption format;

  @Option(
      names = "--plot",
      paramLabel = "FILE",
      description =
          "Draw the Kaplan-Meier figure (.png or .svg; relative to --out if given);"
              + " repeatable (e.g. --plot km.png --plot km.svg).")
  List<Path> plots = new ArrayList<>();

  @Option(names = "--bands", description = "Shade the pointwise confidence intervals.")
  boolean bands;

  @Option(
      names = "--title",
      defaultValue = "Kaplan-Meier estimate",
      paramLabel = "TEXT",
      description = "Figure title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(
      names = "--time-label",
      defaultValue = "Time",
      paramLabel = "TEXT",
      description = "Figure time axis label (default: ${DEFAULT-VALUE}).")
  String timeLabel;

  @Option(
      names = "--survival-label",
      defaultValue = "Survival probability",
      paramLabel = "TEXT",
      description = "Figure probability axis label (default: ${DEFAULT-VALUE}).")
  String survivalLabel;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write NAME.<format> (and the figures) into this folder instead of" + " printing.")
  Path out;

  @Option(
      names = "--name",
      defaultValue = "survival",
      paramLabel = "NAME",
      description =
          "File name (without extension) of the output written with --out"
              + " (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws IOException {
    String fmt = format.value();
    if (adsl != null && population == null) {
      throw new UserError("--adsl needs --population (e.g. --population SAFFL)");
    }
    if (population != null && adsl == null) {
      throw new UserError("--population needs --adsl (the file with the population flag)");
    }
    for (Path plot : plots) {
      String file = plot.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!file.endsWith(".png") && !file.endsWith(".svg")) {
        throw new UserError("--plot must name a .png or .svg file, got '" + plot + "'");
      }
    }
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new UserError(
          "--name must be a plain file name (letters, digits, _ . -), got '" + name + "'");
    }
    SurvivalRequest request =
        new SurvivalRequest(
            input,
            new TimeToEventColumns(
                time,
                status.censor != null ? status.censor : status.event,
                status.censor != null,
                group,
                strata,
                subject,
                param,
                where.stream().map(Condition::parse).toList()),
            adsl,
            population,
            reference,
            option("--conf-type", () -> ConfidenceTransform.parse(confType)),
            level.value(),
            option("--ties", () -> TiesMethod.parse(ties)),
            times == null ? null : sortedTimes(times),
            rmst);
    SurvivalResult result = SurvivalAnalysis.run(request, Version.current());
    String rendered = SurvivalOutput.render(result, fmt);
    Figure figure =
        plots.isEmpty()
            ? null
            : KaplanMeierPlot.figure(
                result, new KaplanMeierPlot.Options(title, timeLabel, survivalLabel, bands));
    // render every figure before writing anything, so that a failure leaves no partial outputs
    Map<Path, byte[]> figures = new LinkedHashMap<>();
    for (Path plot : plots) {
      boolean png = plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
      figures.put(
          out == null ? plot : out.resolve(plot),
          png ? figure.png() : figure.svg().getBytes(StandardCharsets.UTF_8));
    }
    // from the options, not the map: a figure named twice is refused, not merged
    List<Path> targets = new ArrayList<>();
    for (Path plot : plots) {
      targets.add(out == null ? plot : out.resolve(plot));
    }
    if (out != null) {
      targets.add(out.resolve(name + "." + (fmt.equals("text") ? "txt" : fmt)));
    }
    OutputTarget.checkFiles(targets, adsl == null ? List.of(input) : List.of(input, adsl));
    PrintWriter stdout = spec.commandLine().getOut();
    if (out != null) {
      Files.createDirectories(out);
      Path target = out.resolve(name + "." + (fmt.equals("text") ? "txt" : fmt));
      OutputFiles.writeString(target, rendered);
      stdout.println("wrote " + target);
    } else {
      stdout.print(rendered);
    }
    for (Map.Entry<Path, byte[]> e : figures.entrySet()) {
      OutputFiles.writeBytes(e.getKey(), e.getValue());
      if (out != null) {
        stdout.println("wrote " + e.getKey());
      }
    }
    stdout.flush();
    return 0;
  }

  private static double[] sortedTimes(double[] given) {
    double[] sorted = given.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  /** Runs a parser of an option value, naming the option in its error. */
  private static <T> T option(String name, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (StatsException e) {
      throw new UserError(name + ": " + e.getMessage());
    }
  }
}
