package org.trialstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstats.analysis.RequestFields;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.report.CsvTable;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.Request;
import org.trialstats.stats.Result;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StatsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialstats ci}: one estimate with one, several or all methods side by side. */
@Command(
    name = "ci",
    mixinStandardHelpOptions = true,
    synopsisHeading = "Usage:%n",
    customSynopsis = {
      "  trialstats ci proportion x/n [OPTIONS]",
      "  trialstats ci rd|rr|or|nnt|test x1/n1 x2/n2 [OPTIONS]",
      "  trialstats ci rate e/t [--per=K] [OPTIONS]",
      "  trialstats ci rate-ratio e1/t1 e2/t2 [OPTIONS]",
      "  trialstats ci rate-diff e1/t1 e2/t2 [--per=K] [OPTIONS]",
      "  trialstats ci sir OBSERVED --expected=E [OPTIONS]",
      "  trialstats ci rd|rr|or|test --strata=x1/n1:x2/n2,... [OPTIONS]",
      "  trialstats ci rd|rr x1/n1 x2/n2 --method=exact-unconditional --berger-boos=GAMMA",
      "OPTIONS: [--method=ID[,ID...] | --all] [--level=L] [--format=text|csv|json]"
    },
    description = {
      "Confidence interval (or test) for one set of counts, with one or all methods.",
      "Counts: x/n for binomial measures (arm 1 = treatment first), events/exposure for rates;"
          + " proportion and rate take one count, sir takes the observed count and --expected.",
      "Examples: ci rd 95/250 55/251 --all;  ci rate 8/6400 --per 100;  ci sir 3 --expected 1",
      "Strata (rd, rr, or, test): ci rd --strata 10/50:8/50,20/60:15/60 --method mn"
    })
public final class CiCommand implements Callable<Integer> {
  CommandSpec spec;

  /** Receives the command's spec and adds the generated method table to its help. */
  @Spec
  void spec(CommandSpec commandSpec) {
    this.spec = commandSpec;
    commandSpec.usageMessage().footerHeading("%nMethod ids (* = default):%n");
    commandSpec.usageMessage().footer(methodHelp().toArray(String[]::new));
  }

  @Parameters(
      index = "0",
      paramLabel = "MEASURE",
      description = "measure: ${COMPLETION-CANDIDATES}",
      completionCandidates = MeasureIds.class,
      converter = MeasureConverter.class)
  Measure measure;

  @Parameters(
      index = "1..2",
      arity = "0..1",
      paramLabel = "COUNT",
      description =
          "x/n, or events/exposure for rates; two counts (arm 1 = treatment, then arm 2) for the"
              + " two-arm measures, one for proportion and rate, the observed count for sir")
  List<String> counts = new ArrayList<>();

  @Option(
      names = "--strata",
      description =
          "stratified counts x1/n1:x2/n2,x1/n1:x2/n2,... (rd, rr, or, test; methods below)")
  String strata;

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "ID",
      description = "method id(s), comma-separated (see the table below; default marked *)")
  List<String> methods;

  @Option(names = "--all", description = "every method of the measure")
  boolean all;

  @Mixin ConfidenceLevelOption levelOption;

  @Option(
      names = "--berger-boos",
      paramLabel = "GAMMA",
      description =
          "Berger-Boos restriction of the exact unconditional intervals (rd: exact-unconditional,"
              + " exact-unconditional-raw; rr: exact-unconditional): 0 (default, none) or a"
              + " gamma between 0 and alpha/2")
  Double bergerBoos;

  @Option(names = "--expected", paramLabel = "E", description = "expected count (sir only)")
  Double expected;

  @Option(
      names = "--per",
      paramLabel = "K",
      description = "rate multiplier, e.g. 100 for per 100 person-years (rate and rate-diff only)")
  Double per;

  @Mixin OutputFormatOption formatOption;

  /** The confidence level given. */
  private double level;

  /** The measure ids, for the help's list of measures. */
  static final class MeasureIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Measure.values()).map(Measure::id).iterator();
    }
  }

  /** Converts measure ids such as {@code rate-ratio}. */
  static final class MeasureConverter implements picocli.CommandLine.ITypeConverter<Measure> {
    @Override
    public Measure convert(String value) {
      try {
        return Measure.fromId(value);
      } catch (StatsException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    level = levelOption.value();
    rejectOptionsThatDoNotApply();
    if (strata != null) {
      return stratified();
    }
    String format = formatOption.value();
    List<String> ids = methodIds();
    checkBergerBoos(ids);
    RequestFields.Fields fields = fields();
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      try {
        Request request = RequestFields.request(fields.withMethod(id));
        rows.add(new Row(id, MethodCatalogue.compute(request), null));
      } catch (StatsException e) {
        if (ids.size() == 1) {
          throw e;
        }
        rows.add(new Row(id, null, e.getMessage()));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "text" -> out.print(text(rows));
      case "csv" -> out.print(csv(rows));
      default -> out.print(json(rows));
    }
    out.flush();
    return rows.stream().allMatch(r -> r.error != null) ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private Integer stratified() throws java.io.IOException {
    if (!counts.isEmpty() || expected != null || per != null) {
      throw new UserError(
          "--strata replaces the count arguments; --expected and --per do not apply");
    }
    if (all && methods != null) {
      throw new UserError("give either --method or --all, not both");
    }
    List<String> ids = StratifiedCi.methodIds(measure, methods, all);
    Map.Entry<String, Boolean> result =
        StratifiedCi.run(measure, StratifiedCi.parse(strata), ids, level, formatOption.value());
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.getKey());
    out.flush();
    return result.getValue() ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  private record Row(String method, Result estimate, String error) {}

  /**
   * Refuses an option the measure does not use, whatever its value ({@code --per 1} included), so
   * that no output is labelled with a scale or an expectation it was not computed with.
   */
  private void rejectOptionsThatDoNotApply() {
    if (per != null && measure != Measure.RATE && measure != Measure.RATE_DIFF) {
      throw new UserError(
          "--per applies only to rate and rate-diff, not "
              + measure.id()
              + (measure == Measure.RATE_RATIO ? " (a ratio of rates has no scale)" : ""));
    }
    if (expected != null && measure != Measure.SIR) {
      throw new UserError("--expected applies only to sir, not " + measure.id());
    }
    if (bergerBoos != null && measure != Measure.RD && measure != Measure.RR) {
      throw new UserError(
          "--berger-boos applies only to rd and rr (their exact unconditional intervals), not "
              + measure.id());
    }
    if (bergerBoos != null && strata != null) {
      throw new UserError("--berger-boos does not apply to --strata");
    }
  }

  /**
   * Refuses {@code --berger-boos} with a method that does not take it and a gamma outside [0,
   * alpha/2) (when the level itself is valid; an invalid level is reported by the computation).
   */
  private void checkBergerBoos(List<String> ids) {
    if (bergerBoos == null) {
      return;
    }
    for (String id : ids) {
      if (!MethodCatalogue.acceptsBergerBoos(MethodCatalogue.find(measure, id))) {
        throw new UserError(
            "--berger-boos applies only to --method "
                + (measure == Measure.RD
                    ? "exact-unconditional or exact-unconditional-raw"
                    : "exact-unconditional")
                + ", not to "
                + id);
      }
    }
    double halfAlpha = (1 - level) / 2;
    boolean validLevel = level > 0 && level < 1;
    if (validLevel && !(bergerBoos == 0 || (bergerBoos > 0 && bergerBoos < halfAlpha))) {
      throw new UserError(
          "--berger-boos must be 0 or between 0 and alpha/2 = "
              + Numbers.significant(halfAlpha, 6)
              + " (--level "
              + Numbers.significant(level, 6)
              + "), got "
              + Numbers.full(bergerBoos));
    }
  }

  /** Per measure: its method ids with the default marked, and its stratified ids (the help). */
  static List<String> methodHelp() {
    List<String> lines = new ArrayList<>();
    for (Measure m : Measure.values()) {
      String ids =
          MethodCatalogue.forMeasure(m).stream()
              .map(x -> x.id() + (x.id().equals(defaultMethod(m)) ? "*" : ""))
              .collect(java.util.stream.Collectors.joining(", "));
      lines.addAll(wrapped(m.id(), ids));
    }
    for (Measure m : List.of(Measure.RD, Measure.RR, Measure.OR, Measure.TEST)) {
      String def = StratifiedCi.defaultMethod(m);
      String ids =
          StratifiedCi.methodIds(m, null, true).stream()
              .map(id -> id + (id.equals(def) ? "*" : ""))
              .collect(java.util.stream.Collectors.joining(", "));
      lines.addAll(wrapped(m.id() + " --strata", ids));
    }
    lines.add("nnt takes any rd id (Altman's interval from that RD interval).");
    lines.add("Formulas, references and SAS/R/Python equivalents: trialstats methods");
    return lines;
  }

  private List<String> methodIds() {
    if (all && methods != null) {
      throw new UserError("give either --method or --all, not both");
    }
    if (all) {
      return MethodCatalogue.forMeasure(measure).stream().map(StatMethod::id).toList();
    }
    if (methods == null || methods.isEmpty()) {
      return List.of(
          MethodCatalogue.forMeasure(measure).stream()
              .map(StatMethod::id)
              .filter(id -> id.equals(defaultMethod(measure)))
              .findFirst()
              .orElse(MethodCatalogue.forMeasure(measure).get(0).id()));
    }
    for (String id : methods) {
      MethodCatalogue.find(measure, id);
    }
    return methods;
  }

  /** The method used when none is named: the one reviewers most often quote. */
  static String defaultMethod(Measure measure) {
    return switch (measure) {
      case PROPORTION -> "wilson";
      case RD, NNT -> "newcombe";
      case RR -> "koopman";
      case OR -> "exact-conditional";
      case RATE, SIR -> "exact";
      case RATE_RATIO -> "exact-conditional";
      case RATE_DIFF -> "wald";
      case TEST -> "fisher";
    };
  }

  /** One help line per measure, wrapped under the ids at 80 characters. */
  private static List<String> wrapped(String label, String ids) {
    List<String> lines = new ArrayList<>();
    String indent = " ".repeat(16);
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-13s ", label));
    for (String id : ids.split(" ")) {
      if (line.length() + id.length() > 79) {
        lines.add(line.toString().stripTrailing());
        line = new StringBuilder(indent);
      }
      line.append(id).append(' ');
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }

  /**
   * The counts of the arguments as the fields of a {@code batch} row (the method id is set per
   * method): the same checks, in the same order, as a row of {@code batch}.
   */
  private RequestFields.Fields fields() {
    boolean rates =
        measure == Measure.RATE || measure == Measure.RATE_RATIO || measure == Measure.RATE_DIFF;
    boolean twoArms =
        switch (measure) {
          case RD, RR, OR, NNT, TEST, RATE_RATIO, RATE_DIFF -> true;
          default -> false;
        };
    int needed = twoArms ? 2 : 1;
    if (counts.size() != needed) {
      throw new UserError(
          measure.id() + " needs " + needed + " count argument(s), got " + counts.size());
    }
    double gamma = bergerBoos == null ? 0 : bergerBoos;
    if (measure == Measure.SIR) {
      if (expected == null) {
        throw new UserError("sir needs --expected E (the expected count)");
      }
      long observed = wholeNumber(counts.get(0), "observed");
      return new RequestFields.Fields(
          measure, "", observed, null, null, null, null, null, expected, 1, level, gamma);
    }
    String[] a1 = split(counts.get(0));
    String[] a2 = twoArms ? split(counts.get(1)) : null;
    if (rates) {
      return new RequestFields.Fields(
          measure,
          "",
          wholeNumber(a1[0], "events1"),
          null,
          a2 == null ? null : wholeNumber(a2[0], "events2"),
          null,
          decimal(a1[1], "exposure1"),
          a2 == null ? null : decimal(a2[1], "exposure2"),
          null,
          scale(),
          level,
          gamma);
    }
    return new RequestFields.Fields(
        measure,
        "",
        wholeNumber(a1[0], "x1"),
        wholeNumber(a1[1], "n1"),
        a2 == null ? null : wholeNumber(a2[0], "x2"),
        a2 == null ? null : wholeNumber(a2[1], "n2"),
        null,
        null,
        null,
        1,
        level,
        gamma);
  }

  /** The rate multiplier: {@code --per}, or 1. */
  private double scale() {
    return per == null ? 1 : per;
  }

  private static String[] split(String arg) {
    String[] parts = arg.split("/", -1);
    if (parts.length != 2) {
      throw new UserError("expected x/n (or events/exposure), got '" + arg + "'");
    }
    return parts;
  }

  private static long wholeNumber(String s, String field) {
    try {
      long v = Long.parseLong(s.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserError(field + ": expected a whole number >= 0, got '" + s + "'");
    }
  }

  private static double decimal(String s, String field) {
    try {
      double v = Double.parseDouble(s.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserError(field + ": expected a finite number, got '" + s + "'");
    }
  }

  private String text(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(measure.label())
        .append(" (")
        .append(measure.id())
        .append("), ")
        .append(String.join(" vs ", counts));
    if (expected != null) {
      b.append(", expected ").append(Numbers.full(expected));
    }
    if (measure != Measure.TEST) {
      b.append(", ").append(Numbers.significant(level * 100, 6)).append("% confidence");
    }
    if (per != null) {
      b.append(", per ").append(Numbers.significant(per, 6));
    }
    if (hasBergerBoos()) {
      b.append(", Berger-Boos gamma ").append(Numbers.full(bergerBoos));
    }
    b.append('\n');
    // the method column is 18 wide, wider when an id is longer (exact-unconditional-raw)
    int width = Math.max(18, rows.stream().mapToInt(r -> r.method.length()).max().orElse(0));
    String fmt = "%-" + width + "s %14s %14s %14s %12s  %s%n";
    b.append(
        String.format(
            Locale.ROOT,
            fmt,
            "method",
            measure == Measure.TEST ? "statistic" : "estimate",
            "lower",
            "upper",
            "p-value",
            "note"));
    for (Row r : rows) {
      if (r.error != null) {
        // The message goes in the note column so that the numeric columns stay aligned.
        b.append(String.format(Locale.ROOT, fmt, r.method, "-", "-", "-", "", "error: " + r.error));
        continue;
      }
      Result e = r.estimate;
      b.append(
          String.format(
              Locale.ROOT,
              fmt,
              r.method,
              Numbers.significant(e.value(), 7),
              Numbers.significant(e.lower(), 7),
              Numbers.significant(e.upper(), 7),
              Double.isNaN(e.pValue()) ? "" : Numbers.pValue(e.pValue()),
              e.note()));
    }
    return b.toString();
  }

  /** Whether a non-zero Berger-Boos gamma was given (then it is part of the output). */
  private boolean hasBergerBoos() {
    return bergerBoos != null && bergerBoos != 0;
  }

  private String csv(List<Row> rows) {
    List<String> header =
        new ArrayList<>(List.of("measure", "method", "estimate", "lower", "upper", "level"));
    if (hasBergerBoos()) {
      header.add("berger_boos");
    }
    header.addAll(List.of("p_value", "status", "message"));
    CsvTable table = new CsvTable(header);
    for (Row r : rows) {
      CsvTable.Row row = table.row().put("measure", measure.id()).put("method", r.method);
      if (hasBergerBoos()) {
        row.put("berger_boos", Numbers.full(bergerBoos));
      }
      if (r.error != null) {
        row.put("level", Numbers.full(level)).put("status", "error").put("message", r.error);
      } else {
        Result e = r.estimate;
        row.put("estimate", Numbers.full(e.value()))
            .put("lower", Numbers.full(e.lower()))
            .put("upper", Numbers.full(e.upper()))
            .put("level", Numbers.full(e.level()))
            .put("p_value", Numbers.full(e.pValue()))
            .put("status", "ok")
            .put("message", e.note());
      }
    }
    return table.text();
  }

  private String json(List<Row> rows) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", measure.id());
      m.put("method", r.method);
      Result e = r.estimate;
      m.put("estimate", e == null ? null : Json.number(e.value()));
      m.put("lower", e == null ? null : Json.number(e.lower()));
      m.put("upper", e == null ? null : Json.number(e.upper()));
      m.put("level", e == null ? Json.number(level) : Json.number(e.level()));
      if (hasBergerBoos()) {
        m.put("berger_boos", Json.number(bergerBoos));
      }
      m.put("p_value", e == null ? null : Json.number(e.pValue()));
      m.put("status", r.error == null ? "ok" : "error");
      m.put("message", r.error == null ? e.note() : r.error);
      list.add(m);
    }
    return Json.write(list);
  }
}
