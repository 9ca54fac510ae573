package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.adam.AdaeSpec;
import org.trialstats.adam.AdslSpec;
import org.trialstats.adam.AdverseEvents;
import org.trialstats.adam.AeStrata;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.AeTableSpec;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.Condition;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.ExposureDataException;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.adam.Population;
import org.trialstats.adam.RowOrder;
import org.trialstats.analysis.AeIncidence;
import org.trialstats.io.InputFile;
import org.trialstats.io.Numbers;
import org.trialstats.io.OutputTarget;
import org.trialstats.io.Provenance;
import org.trialstats.report.AePValueRule;
import org.trialstats.report.AeReport;
import org.trialstats.report.AeReportStyle;
import org.trialstats.report.ReportTable;
import org.trialstats.stats.Measure;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.RateRatioMethod;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;
import org.trialstats.stats.StratifiedMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats ae-table}: adverse-event incidence tables from ADaM ADSL and ADAE data sets
 * (SAS transport v5 or CSV), with risk differences, optional risk ratios, exposure-adjusted
 * incidence rates, and CSV/HTML/Markdown/RTF/DOCX tables plus a PNG/SVG dot plot.
 */
@Command(
    name = "ae-table",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Adverse-event incidence table from ADaM ADSL and ADAE (SAS transport v5 .xpt or CSV).",
      "Counts subjects (not events) with at least one treatment-emergent event overall, per"
          + " system organ class and per preferred term, per arm of the population; compares"
          + " each arm with the control arm."
    })
public final class AeTableCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--adsl",
      required = true,
      paramLabel = "FILE",
      description = "Subject-level data set ADSL (.xpt or .csv).")
  Path adsl;

  @Option(
      names = "--adae",
      required = true,
      paramLabel = "FILE",
      description = "Adverse-event data set ADAE (.xpt or .csv).")
  Path adae;

  @Option(
      names = "--population",
      defaultValue = "SAFFL",
      paramLabel = "FLAG",
      description =
          "ADSL population flag; subjects with FLAG = Y are counted; 'none' for all"
              + " subjects (default: ${DEFAULT-VALUE}).")
  String population;

  @Option(
      names = "--arm",
      defaultValue = "TRT01A",
      paramLabel = "VAR",
      description =
          "ADSL treatment variable (default: ${DEFAULT-VALUE}); arms are ordered by"
              + " VAR||N (e.g. TRT01AN) when present.")
  String arm;

  @Option(
      names = "--arms",
      split = ",",
      paramLabel = "ARM",
      description = "Arms to show, in this order (default: all).")
  List<String> arms = new ArrayList<>();

  @Option(
      names = "--control",
      paramLabel = "ARM",
      description = "Control arm (default: Placebo if present, else the first arm).")
  String control;

  @Option(
      names = "--method",
      defaultValue = "newcombe",
      paramLabel = "ID",
      description =
          "Risk-difference interval method: any rd method id, e.g. wald, newcombe, mn"
              + " (default: ${DEFAULT-VALUE}).")
  String riskDifferenceMethod;

  @Option(
      names = "--rr",
      paramLabel = "ID",
      description = "Also show the risk ratio with this rr method (katz, koopman, mn).")
  String riskRatioMethod;

  @Mixin ConfidenceLevelOption level;

  @Option(
      names = "--where",
      paramLabel = "VAR=VALUE",
      description =
          "ADAE filter, repeatable (all must hold): VAR=value, VAR=v1|v2, VAR!=value;"
              + " e.g. --where AESER=Y or --where AESEV=SEVERE.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--teae-flag",
      defaultValue = "TRTEMFL",
      paramLabel = "VAR",
      description =
          "ADAE treatment-emergent flag (Y counts); 'none' counts every record"
              + " (default: ${DEFAULT-VALUE}).")
  String emergentFlag;

  @Option(
      names = "--soc",
      defaultValue = "AEBODSYS",
      paramLabel = "VAR",
      description = "ADAE system organ class variable (default: ${DEFAULT-VALUE}).")
  String soc;

  @Option(
      names = "--term",
      defaultValue = "AEDECOD",
      paramLabel = "VAR",
      description = "ADAE preferred term variable (default: ${DEFAULT-VALUE}).")
  String term;

  @Option(
      names = "--subject",
      defaultValue = "USUBJID",
      paramLabel = "VAR",
      description = "Subject identifier in ADSL and ADAE (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(
      names = "--min-percent",
      defaultValue = "0",
      paramLabel = "PCT",
      description =
          "Show preferred terms reported by at least PCT%% of subjects in some arm"
              + " (default: ${DEFAULT-VALUE}).")
  double minPercent;

  @Option(
      names = "--sort",
      defaultValue = "frequency",
      paramLabel = "ORDER",
      description =
          "Row order: frequency, soc-alphabetical, alphabetical, arm (descending count in"
              + " --sort-arm, then alphabetically) (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(
      names = "--sort-arm",
      paramLabel = "ARM",
      description = "Arm whose counts order the rows with --sort arm (default: the last arm).")
  String sortArm;

  @Option(
      names = "--events",
      description = "Print the number of events after n (%%): n (x.x%%) [events].")
  boolean events;

  @Option(names = "--total", description = "Add a Total column (all arms together).")
  boolean total;

  @Option(
      names = "--no-risk-difference",
      description = "Leave the risk-difference columns out of the printed tables (not the CSV).")
  boolean noRiskDifference;

  @Option(
      names = "--overall-label",
      paramLabel = "TEXT",
      description =
          "Label of the first row (default: from the selection, e.g. 'Any serious"
              + " treatment-emergent adverse event' with --where AESER=Y).")
  String overallLabel;

  @Option(
      names = "--fisher",
      description = "Fisher's exact p-value (two-sided) of each arm versus the control arm.")
  boolean fisher;

  @Option(
      names = "--p-decimals",
      defaultValue = "4",
      paramLabel = "D",
      description =
          "Decimals of p-values; smaller ones print as <.0001 (default: ${DEFAULT-VALUE}).")
  int pDecimals;

  @Option(
      names = "--p-upper",
      defaultValue = "0.99",
      paramLabel = "P",
      description = "p-values above P print as >P; 1 prints all (default: ${DEFAULT-VALUE}).")
  double pUpper;

  @Option(
      names = "--p-flag",
      defaultValue = "",
      paramLabel = "TEXT",
      description = "Flag appended to p-values below --p-flag-below, e.g. '*' (default: none).")
  String pFlag;

  @Option(
      names = "--p-flag-below",
      defaultValue = "0.05",
      paramLabel = "P",
      description = "Threshold of --p-flag (default: ${DEFAULT-VALUE}).")
  double pFlagBelow;

  @Option(
      names = "--strata",
      paramLabel = "VAR",
      description =
          "ADSL variable (e.g. SITEGR1) to stratify the risk difference of each arm versus"
              + " the control arm by.")
  String strata;

  @Option(
      names = "--strata-method",
      defaultValue = "mh",
      paramLabel = "ID",
      description =
          "Stratified risk-difference method: mh (Mantel-Haenszel, Sato variance), mh-gr, mn,"
              + " mn-iv, newcombe, newcombe-wilson (default: ${DEFAULT-VALUE}).")
  String strataMethod;

  @Option(
      names = "--font",
      defaultValue = "times",
      paramLabel = "FONT",
      description =
          "RTF/DOCX font: times (Times New Roman) or courier (Courier New), 9 pt"
              + " (default: ${DEFAULT-VALUE}).")
  String font;

  @Option(
      names = "--table-number",
      paramLabel = "TEXT",
      description = "Table number above the title in RTF/DOCX, e.g. 'Table 14-5.01'.")
  String tableNumber;

  @Option(
      names = "--exposure",
      defaultValue = "duration",
      paramLabel = "DEF",
      description =
          "Exposure-adjusted rates: duration (ADSL TRTDUR), first-event (time to the"
              + " first event), none (default: ${DEFAULT-VALUE}).")
  String exposure;

  @Option(
      names = "--rate-method",
      defaultValue = "exact",
      paramLabel = "ID",
      description = "Interval method for each rate (default: ${DEFAULT-VALUE}).")
  String rateMethod;

  @Option(
      names = "--rate-ratio-method",
      defaultValue = "exact-conditional",
      paramLabel = "ID",
      description = "Interval method for rate ratios (default: ${DEFAULT-VALUE}).")
  String rateRatioMethod;

  @Option(
      names = "--rounding",
      defaultValue = "half-up",
      paramLabel = "RULE",
      description =
          "half-up (half away from zero, as SAS) or half-even" + " (default: ${DEFAULT-VALUE}).")
  String rounding;

  @Option(
      names = "--decimals",
      defaultValue = "1",
      description =
          "Decimals of percentages, differences and rates (default: ${DEFAULT-VALUE});"
              + " ratios get one more.")
  int decimals;

  @Option(names = "--title", description = "Table title (default: from the event selection).")
  String title;

  @Option(
      names = "--paper",
      defaultValue = "letter",
      description = "RTF/DOCX paper, landscape: letter or a4 (default: ${DEFAULT-VALUE}).")
  String paper;

  @Option(
      names = "--plot-measure",
      defaultValue = "rd",
      description =
          "Dot plot right panel: rd or rr (log axis; needs --rr)" + " (default: ${DEFAULT-VALUE}).")
  String plotMeasure;

  @Option(
      names = "--plot-min-percent",
      defaultValue = "5",
      paramLabel = "PCT",
      description = "Dot plot shows terms reaching PCT%% in some arm (default: ${DEFAULT-VALUE}).")
  double plotMinPercent;

  @Option(
      names = "--out",
      defaultValue = "ae-table",
      paramLabel = "DIR",
      description = "Output folder, replaced as a whole (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Write NAME.csv, NAME.rtf, ... and NAME_dotplot.png|svg into --out, keeping the"
              + " folder's other files (default: ae_table.* in a folder replaced as a whole).")
  String name;

  @Option(
      names = "--format",
      defaultValue = "csv,html,md,rtf,docx,png,svg",
      paramLabel = "LIST",
      description = "Outputs: csv, html, md, rtf, docx, png, svg (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    Set<AeReport.Format> formats = AeReport.Format.parse(format);
    AeReportStyle style = style();
    AeTableSpec tableSpec = tableSpec();
    boolean onsets = tableSpec.exposure() == ExposureDefinition.TIME_TO_FIRST_EVENT;
    AdaeSpec adaeSpec =
        new AdaeSpec(
            subject,
            soc,
            term,
            none(emergentFlag),
            where.stream().map(Condition::parse).toList(),
            onsets ? "ASTDT" : null,
            onsets ? "ASTDY" : null);
    AdslSpec adslSpec =
        new AdslSpec(subject, none(population), arm, arms, "TRTDUR", "TRTSDT", "TRTEDT");
    if (name == null) {
      OutputTarget.checkFolder(out, List.of(adsl, adae), "ae-table", AeReport::isOutputFile);
    }
    Population subjects;
    try (DatasetReader reader = DatasetReader.open(adsl)) {
      subjects = Population.read(reader, adslSpec);
    }
    AeStrata strataOfSubjects = null;
    if (strata != null) {
      try (DatasetReader reader = DatasetReader.open(adsl)) {
        strataOfSubjects = AeStrata.read(reader, subject, strata, subjects);
      }
    }
    AdverseEvents adverseEvents;
    try (DatasetReader reader = DatasetReader.open(adae)) {
      adverseEvents = AdverseEvents.count(reader, adaeSpec, subjects);
    }
    AeTable table = incidence(subjects, adverseEvents, tableSpec, strataOfSubjects);
    if (table.treatmentArms().isEmpty()
        && (formats.contains(AeReport.Format.PNG) || formats.contains(AeReport.Format.SVG))) {
      throw new UserError(
          "the dot plot compares each arm with the control arm, but the population has only"
              + " the arm "
              + table.controlArm()
              + "; leave png and svg out of --format, e.g."
              + " --format csv,html,md,rtf,docx");
    }
    style =
        style.withProvenance(
            new Provenance(Version.current(), List.of(InputFile.hash(adsl), InputFile.hash(adae)))
                .line());
    List<Path> written =
        name == null
            ? AeReport.write(out, table, style, formats)
            : AeReport.writeNamed(out, name, table, style, formats);
    summary(stdout, table, style);
    written.forEach(p -> stdout.println("wrote " + p));
    table.notes().forEach(n -> stdout.println("note: " + n));
    stdout.flush();
    return ExitCode.OK;
  }

  /** The table; when the exposure cannot be computed, says which --exposure would work. */
  private static AeTable incidence(
      Population subjects, AdverseEvents events, AeTableSpec spec, AeStrata strata) {
    try {
      return AeIncidence.compute(subjects, events, spec, strata);
    } catch (ExposureDataException e) {
      ExposureDefinition alternative = e.alternative();
      throw new UserError(
          e.getMessage()
              + "; use --exposure "
              + alternative.id()
              + (alternative == ExposureDefinition.NONE ? " to leave the rates out" : " instead"),
          e);
    }
  }

  private AeTableSpec tableSpec() {
    ExposureDefinition definition = ExposureDefinition.fromId(exposure);
    boolean rates = definition != ExposureDefinition.NONE;
    return new AeTableSpec(
        control,
        level.value(),
        RiskDifferenceMethod.fromId(riskDifferenceMethod),
        riskRatioMethod == null ? null : RiskRatioMethod.fromId(riskRatioMethod),
        definition,
        rates ? RateMethod.fromId(rateMethod) : null,
        rates ? RateRatioMethod.fromId(rateRatioMethod) : null,
        RowOrder.fromId(sort),
        minPercent,
        sortArm,
        fisher,
        strata == null ? null : StratifiedMethod.find(Measure.RD, strataMethod));
  }

  private AeReportStyle style() {
    RoundingMode mode =
        switch (rounding.toLowerCase(Locale.ROOT)) {
          case "half-up" -> RoundingMode.HALF_UP;
          case "half-even" -> RoundingMode.HALF_EVEN;
          default ->
              throw new UserError(
                  "unknown rounding '" + rounding + "'; expected half-up or half-even");
        };
    ReportTable.Paper size =
        switch (paper.toLowerCase(Locale.ROOT)) {
          case "letter" -> ReportTable.Paper.LETTER;
          case "a4" -> ReportTable.Paper.A4;
          default -> throw new UserError("unknown paper '" + paper + "'; expected letter or a4");
        };
    Measure measure =
        switch (plotMeasure.toLowerCase(Locale.ROOT)) {
          case "rd" -> Measure.RD;
          case "rr" -> Measure.RR;
          default ->
              throw new UserError("unknown plot measure '" + plotMeasure + "'; expected rd or rr");
        };
    if (measure == Measure.RR && riskRatioMethod == null) {
      throw new UserError("--plot-measure rr needs risk ratios: add --rr katz (or koopman, mn)");
    }
    if (!(plotMinPercent >= 0 && plotMinPercent <= 100)) {
      throw new UserError(
          "--plot-min-percent must be a percentage from 0 to 100, got " + plotMinPercent);
    }
    if (decimals < 0 || decimals > 6) {
      throw new UserError("--decimals must be 0 to 6, got " + decimals);
    }
    String fontName =
        switch (font.toLowerCase(Locale.ROOT)) {
          case "times" -> ReportTable.TIMES;
          case "courier" -> ReportTable.COURIER;
          default -> throw new UserError("unknown font '" + font + "'; expected times or courier");
        };
    AePValueRule pValues;
    try {
      pValues = new AePValueRule(pDecimals, pUpper, false, pFlag, pFlagBelow);
    } catch (IllegalArgumentException e) {
      throw new UserError("--p-decimals / --p-flag-below: " + e.getMessage(), e);
    }
    return new AeReportStyle(
            title, mode, decimals, decimals, decimals + 1, decimals, size, measure, plotMinPercent)
        .withColumns(overallLabel, events, total, !noRiskDifference, pValues)
        .withPage(fontName, tableNumber);
  }

  private static String none(String variable) {
    return variable == null || variable.equalsIgnoreCase("none") ? null : variable;
  }

  private static void summary(PrintWriter out, AeTable table, AeReportStyle style) {
    out.println(table.population().description() + "; control: " + table.controlArm());
    for (ArmCount c : table.rows().get(0).arms()) {
      out.println(
          "  "
              + c.arm()
              + ": N = "
              + c.n()
              + ", with any selected event: "
              + c.subjects()
              + " ("
              + Numbers.fixed(c.percent(), 1, style.rounding())
              + "%)");
    }
    out.println("  rows: " + table.rows().size());
  }
}
