package org.trialstats.analysis.csr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.RowOrder;
import org.trialstats.analysis.csr.DisplayShell.Columns;
import org.trialstats.analysis.csr.DisplayShell.Filter;
import org.trialstats.analysis.csr.DisplayShell.PValueRule;
import org.trialstats.analysis.csr.DisplayShell.Ref;
import org.trialstats.analysis.csr.DisplayShell.Subset;
import org.trialstats.io.YamlDocument;
import org.trialstats.io.YamlDocument.Entry;
import org.trialstats.io.YamlDocument.Node;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.TiesMethod;

/**
 * Reads a display shell (YAML, documented in {@code src/docs/csr.md}) into a {@link DisplayShell}.
 * Structural mistakes (unknown key, row kind, statistic or test; a value of the wrong type) are
 * reported with the file, line and key; names that only the data can check (variables, categories,
 * a population flag that selects nobody) are checked by {@link CsrEngine}.
 */
public final class ShellParser {
  private static final Set<String> TOP =
      Set.of(
          "number",
          "title",
          "population",
          "protocol",
          "data",
          "population_flag",
          "columns",
          "percent_decimals",
          "small_percent",
          "p_values",
          "rows",
          "footnotes",
          "font",
          "figure");
  private static final Set<String> KAPLAN_MEIER =
      Set.of(
          "kaplan_meier",
          "time",
          "censor",
          "group",
          "parameter",
          "where",
          "conf_type",
          "level",
          "ties",
          "times",
          "rmst",
          "time_label",
          "survival_label",
          "bands");
  private static final Set<String> COLUMNS =
      Set.of("treatment", "order", "total", "subsets", "n_in_header", "control");
  private static final Set<String> P_VALUES =
      Set.of(
          "decimals",
          "lower",
          "lower_text",
          "upper",
          "upper_text",
          "flag_below",
          "flag",
          "leading_zero");
  private static final Set<String> COMMON = Set.of("label", "dataset", "where");
  private static final String ADVERSE_EVENTS = "adverse_events";
  private static final List<String> KINDS = List.of("count", "summary", "model", ADVERSE_EVENTS);
  private static final Set<String> COUNT =
      Set.of(
          "count",
          "categories",
          "order",
          "within",
          "n_row",
          "missing_row",
          "denominator",
          "cell",
          "test",
          "strata",
          "origin",
          "risk_difference");
  private static final Set<String> SUMMARY =
      Set.of("summary", "statistics", "decimals", "quantiles", "test");
  private static final Set<String> MODEL =
      Set.of(
          "model", "factors", "covariates", "dose", "comparisons", "level", "ls_means", "decimals");

  private static final Set<String> AE =
      Set.of(
          ADVERSE_EVENTS,
          "soc",
          "term",
          "emergent_flag",
          "overall_label",
          "events",
          "order",
          "order_arm",
          "min_percent",
          "test",
          "strata",
          "strata_method",
          "level");

  /** The most characters a shell may have. */
  private static final int MAX_CHARS = 1 << 20;

  private ShellParser() {}

  /**
   * Parses a shell.
   *
   * @param content the YAML text
   * @param file the file name for messages
   * @return the shell
   * @throws ShellException naming file, line and key for every structural mistake
   */
  public static DisplayShell parse(String content, String file) {
    return parse(content, file, name -> true);
  }

  /**
   * Parses a shell and checks that every data set file it names exists, so a missing file is
   * reported at its line under {@code data:}.
   *
   * @param content the YAML text
   * @param file the file name for messages
   * @param dataFileExists whether a file named under {@code data:} exists
   * @return the shell
   * @throws ShellException naming file, line and key for every structural mistake or missing file
   */
  public static DisplayShell parse(
      String content, String file, java.util.function.Predicate<String> dataFileExists) {
    YamlDocument y = YamlDocument.parse(content, file, MAX_CHARS, ShellException::new);
    Node root = y.rootMap("a display shell (a YAML mapping)");
    y.keys(root, TOP, "the shell");
    Map<String, String> datasets = new LinkedHashMap<>();
    Node data = y.map(root, "data");
    if (data == null) {
      throw y.error(root.line(), "data", "is required: the data set files, e.g. adsl: adsl.xpt");
    }
    for (Entry e : data.entries()) {
      String name = y.text(data, e.key(), true);
      if (!dataFileExists.test(name)) {
        throw y.error(
            e.line(),
            e.key(),
            "data set file '" + name + "' not found in the data folder; expected a .xpt or .csv");
      }
      datasets.put(e.key().toLowerCase(Locale.ROOT), name);
    }
    if (!datasets.containsKey("adsl")) {
      throw y.error(y.line(root, "data"), "data", "needs the subject-level data set: adsl: FILE");
    }
    String flag = y.text(root, "population_flag", true);
    Ref population =
        flag.equalsIgnoreCase("all")
            ? null
            : new Ref(flag, y.line(root, "population_flag"), "population_flag");
    List<ShellRow> rows = new ArrayList<>();
    List<Node> rowNodes = y.list(root, "rows");
    KaplanMeierFigure figure = figure(y, root, datasets);
    if (figure != null) {
      for (String key :
          List.of("rows", "columns", "p_values", "percent_decimals", "small_percent")) {
        if (root.get(key) != null) {
          throw y.error(y.line(root, key), key, "a figure shell has no " + key + "; remove it");
        }
      }
    } else if (rowNodes.isEmpty()) {
      throw y.error(root.line(), "rows", "is required: at least one row block (or a figure)");
    }
    for (Node n : rowNodes) {
      rows.add(row(y, n, datasets));
    }
    List<String> footnotes = new ArrayList<>();
    for (Node n : y.list(root, "footnotes")) {
      footnotes.add(y.text(n, "footnotes"));
    }
    return new DisplayShell(
        file,
        y.text(root, "number", true),
        y.text(root, "title", true),
        y.text(root, "population", true),
        y.text(root, "protocol", false),
        datasets,
        population,
        figure == null ? columns(y, root) : null,
        y.integer(root, "percent_decimals", 1, 0, 3),
        smallPercent(y, root),
        pValues(y, root),
        rows,
        footnotes,
        fontFamily(y, root),
        fontSize(y, root),
        figure);
  }

  /**
   * {@code figure: {kaplan_meier: DATASET, time: AVAL, censor: CNSR, group: TRTP, ...}}, or null
   * when the shell is a table.
   */
  private static KaplanMeierFigure figure(YamlDocument y, Node root, Map<String, String> datasets) {
    Node f = y.map(root, "figure");
    if (f == null) {
      return null;
    }
    y.keys(f, KAPLAN_MEIER, "figure");
    String dataset = y.text(f, "kaplan_meier", false);
    if (dataset == null) {
      throw y.error(f.line(), "figure", "expected kaplan_meier: DATASET, the only kind of figure");
    }
    dataset = dataset.toLowerCase(Locale.ROOT);
    if (!datasets.containsKey(dataset)) {
      throw y.error(
          y.line(f, "kaplan_meier"),
          "kaplan_meier",
          "unknown data set '" + dataset + "'; the shell's data: lists " + datasets.keySet());
    }
    List<Filter> where = new ArrayList<>();
    for (Node w : y.list(f, "where")) {
      where.add(filter(y, w));
    }
    String conf = y.text(f, "conf_type", false);
    ConfidenceTransform transform;
    try {
      transform = ConfidenceTransform.parse(conf == null ? "log-log" : conf.strip());
    } catch (StatsException e) {
      throw y.error(y.line(f, "conf_type"), "conf_type", e.getMessage());
    }
    String tiesId = y.text(f, "ties", false);
    TiesMethod ties;
    try {
      ties = TiesMethod.parse(tiesId == null ? "efron" : tiesId.strip());
    } catch (StatsException e) {
      throw y.error(y.line(f, "ties"), "ties", e.getMessage());
    }
    List<Double> times = null;
    if (f.get("times") != null) {
      times = new ArrayList<>();
      for (Node t : y.list(f, "times")) {
        String text = y.text(t, "times");
        try {
          double v = Double.parseDouble(text.strip());
          if (v >= 0 && Double.isFinite(v)) {
            times.add(v);
            continue;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw y.error(t.line(), "times", "expected times >= 0, got " + text);
      }
      times.sort(null);
    }
    double rmst = y.number(f, "rmst", Double.NaN, 0, Double.MAX_VALUE);
    String timeLabel = y.text(f, "time_label", false);
    String survivalLabel = y.text(f, "survival_label", false);
    return new KaplanMeierFigure(
        dataset,
        ref(y, f, "time"),
        ref(y, f, "censor"),
        ref(y, f, "group"),
        y.text(f, "parameter", false),
        where,
        transform,
        y.number(f, "level", 0.95, 0.5, 0.9999),
        ties,
        times,
        Double.isNaN(rmst) ? null : rmst,
        timeLabel == null ? "Time" : timeLabel,
        survivalLabel == null ? "Survival probability" : survivalLabel,
        y.bool(f, "bands", false),
        f.line());
  }

  /** {@code font: {family: Courier New, size: 9}}; Times New Roman 9 pt when absent. */
  private static String fontFamily(YamlDocument y, Node root) {
    Node f = y.map(root, "font");
    if (f == null) {
      return "Times New Roman";
    }
    y.keys(f, Set.of("family", "size"), "font");
    String family = y.text(f, "family", false);
    if (family == null) {
      return "Times New Roman";
    }
    if (!family.equals("Times New Roman") && !family.equals("Courier New")) {
      throw y.error(f.line(), "family", "must be Times New Roman or Courier New, not " + family);
    }
    return family;
  }

  private static int fontSize(YamlDocument y, Node root) {
    Node f = y.map(root, "font");
    return f == null ? 9 : y.integer(f, "size", 9, 7, 12);
  }

  private static Columns columns(YamlDocument y, Node root) {
    Node c = y.map(root, "columns");
    if (c == null) {
      throw y.error(root.line(), "columns", "is required: treatment: VAR (e.g. TRT01P)");
    }
    y.keys(c, COLUMNS, "columns");
    List<Subset> subsets = new ArrayList<>();
    for (Node s : y.list(c, "subsets")) {
      if (!s.isMap()) {
        throw y.error(s.line(), "subsets", "expected {flag: VAR, label: TEXT}");
      }
      y.keys(s, Set.of("flag", "label"), "a subset");
      subsets.add(new Subset(ref(y, s, "flag"), y.text(s, "label", true)));
    }
    return new Columns(
        ref(y, c, "treatment"),
        optionalRef(y, c, "order"),
        y.bool(c, "total", false),
        subsets,
        y.bool(c, "n_in_header", true),
        optionalRef(y, c, "control"));
  }

  private static PValueRule pValues(YamlDocument y, Node root) {
    Node p = y.map(root, "p_values");
    if (p == null) {
      return new PValueRule(3, 0.001, "<0.001", 1, "", Double.NaN, "", true);
    }
    y.keys(p, P_VALUES, "p_values");
    int decimals = y.integer(p, "decimals", 3, 1, 6);
    double lower = y.number(p, "lower", Math.pow(10, -decimals), 0, 1);
    String lowerText = y.text(p, "lower_text", false);
    double upper = y.number(p, "upper", 1, 0, 1);
    String upperText = y.text(p, "upper_text", false);
    double flagBelow = y.number(p, "flag_below", Double.NaN, 0, 1);
    String flag = y.text(p, "flag", false);
    return new PValueRule(
        decimals,
        lower,
        lowerText == null ? "<" + lowerDefault(lower) : lowerText,
        upper,
        upperText == null ? ">" + upper : upperText,
        flagBelow,
        flag == null ? "*" : flag,
        y.bool(p, "leading_zero", true));
  }

  private static String lowerDefault(double lower) {
    return org.trialstats.io.Numbers.plain(lower);
  }

  private static ShellRow row(YamlDocument y, Node n, Map<String, String> datasets) {
    if (!n.isMap()) {
      throw y.error(
          n.line(),
          "rows",
          "expected a row block (a mapping starting with " + KINDS + "), got a single value");
    }
    List<String> kinds = KINDS.stream().filter(k -> n.get(k) != null).toList();
    if (kinds.size() != 1) {
      throw y.error(
          n.line(),
          kinds.isEmpty() ? n.entries().get(0).key() : kinds.get(1),
          kinds.isEmpty()
              ? "unknown row kind; a row block starts with one of " + KINDS + ": VARIABLE"
              : "a row block has one kind, got " + kinds);
    }
    String kind = kinds.get(0);
    String label = y.text(n, "label", false);
    String datasetKey = kind.equals(ADVERSE_EVENTS) ? ADVERSE_EVENTS : "dataset";
    String dataset = y.text(n, datasetKey, false);
    dataset = dataset == null ? "adsl" : dataset.toLowerCase(Locale.ROOT);
    if (!datasets.containsKey(dataset)) {
      throw y.error(
          y.line(n, datasetKey),
          datasetKey,
          "unknown data set '" + dataset + "'; the shell's data: lists " + datasets.keySet());
    }
    List<Filter> where = new ArrayList<>();
    for (Node w : y.list(n, "where")) {
      where.add(filter(y, w));
    }
    return switch (kind) {
      case "count" -> count(y, n, label, dataset, where);
      case "summary" -> summary(y, n, label, dataset, where);
      case ADVERSE_EVENTS -> adverseEvents(y, n, label, dataset, where);
      default -> model(y, n, label, dataset, where);
    };
  }

  private static Set<String> with(Set<String> kindKeys) {
    Set<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(kindKeys);
    return all;
  }

  private static ShellRow.Count count(
      YamlDocument y, Node n, String label, String dataset, List<Filter> where) {
    y.keys(n, with(COUNT), "a count block");
    List<ShellRow.Category> categories = new ArrayList<>();
    for (Node c : y.list(n, "categories")) {
      if (c.isMap()) {
        y.keys(c, Set.of("value", "label"), "a category");
        String value = y.text(c, "value", true);
        String text = y.text(c, "label", false);
        categories.add(new ShellRow.Category(value, text == null ? value : text, c.line()));
      } else {
        String value = y.text(c, "categories");
        categories.add(new ShellRow.Category(value, value, c.line()));
      }
    }
    String denominator = y.text(n, "denominator", false);
    ShellRow.Denominator d =
        denominator == null
            ? ShellRow.Denominator.POPULATION
            : switch (denominator) {
              case "population" -> ShellRow.Denominator.POPULATION;
              case "nonmissing" -> ShellRow.Denominator.NONMISSING;
              default ->
                  throw y.error(
                      y.line(n, "denominator"),
                      "denominator",
                      "expected population or nonmissing, got " + denominator);
            };
    String cell = y.text(n, "cell", false);
    ShellRow.CountCell c =
        cell == null
            ? ShellRow.CountCell.N_PERCENT
            : switch (cell) {
              case "n_percent" -> ShellRow.CountCell.N_PERCENT;
              case "n" -> ShellRow.CountCell.N;
              default ->
                  throw y.error(y.line(n, "cell"), "cell", "expected n_percent or n, got " + cell);
            };
    TestMethod countTest = test(y, n, true);
    Ref strata = optionalRef(y, n, "strata");
    if (countTest != null && countTest.stratified() && strata == null) {
      throw y.error(
          y.line(n, "test"), "test", countTest.id() + " needs strata: VAR (e.g. SITEGR1)");
    }
    if (strata != null && (countTest == null || !countTest.stratified())) {
      throw y.error(
          y.line(n, "strata"),
          "strata",
          "only the stratified tests (cmh, cmh_row_means) use strata; the test is "
              + (countTest == null ? "none" : countTest.id()));
    }
    return new ShellRow.Count(
        label,
        dataset,
        where,
        ref(y, n, "count"),
        categories,
        optionalRef(y, n, "order"),
        optionalRef(y, n, "within"),
        origin(y, n),
        y.bool(n, "n_row", false),
        y.bool(n, "missing_row", false),
        d,
        c,
        countTest,
        strata,
        riskDifference(y, n),
        n.line());
  }

  /**
   * {@code small_percent: rounded} (default: a percentage that rounds to 0 prints 0) or {@code
   * below} ({@code <1%}, the pilot's SAS convention).
   */
  private static DisplayShell.SmallPercent smallPercent(YamlDocument y, Node root) {
    String id = y.text(root, "small_percent", false);
    if (id == null) {
      return DisplayShell.SmallPercent.ROUNDED;
    }
    return switch (id.strip().toLowerCase(Locale.ROOT)) {
      case "rounded" -> DisplayShell.SmallPercent.ROUNDED;
      case "below" -> DisplayShell.SmallPercent.BELOW;
      default ->
          throw y.error(
              y.line(root, "small_percent"),
              "small_percent",
              "expected rounded (1 of 254 prints 0%) or below (<1%), got '" + id + "'");
    };
  }

  /** {@code origin: VAR = a|b}: subjects with one of these values count under that value. */
  private static Filter origin(YamlDocument y, Node n) {
    String text = y.text(n, "origin", false);
    if (text == null) {
      return null;
    }
    int line = y.line(n, "origin");
    int eq = text.indexOf('=');
    String variable = eq <= 0 ? "" : text.substring(0, eq).strip();
    if (variable.isEmpty() || variable.contains(" ") || variable.endsWith("!")) {
      throw y.error(
          line,
          "origin",
          "expected VAR = value (e.g. ETHNIC = HISPANIC OR LATINO), got '" + text + "'");
    }
    if (y.text(n, "within", false) != null) {
      throw y.error(line, "origin", "a block with within: has no origin");
    }
    List<String> values =
        Arrays.stream(text.substring(eq + 1).split("\\|")).map(String::strip).toList();
    if (values.stream().anyMatch(String::isEmpty)) {
      throw y.error(line, "origin", "an empty origin value cannot name a category: '" + text + "'");
    }
    return new Filter(new Ref(variable, line, "origin"), false, values);
  }

  /** {@code risk_difference: {strata: VAR, method: mh, level: 0.95}}, or null. */
  private static ShellRow.RiskDifference riskDifference(YamlDocument y, Node n) {
    Node r = y.map(n, "risk_difference");
    if (r == null) {
      return null;
    }
    y.keys(r, Set.of("strata", "method", "level"), "risk_difference");
    if (y.text(r, "strata", false) == null) {
      throw y.error(
          y.line(n, "risk_difference"),
          "risk_difference",
          "needs strata: VAR (an ADSL variable, e.g. SITEGR1)");
    }
    String methodId = y.text(r, "method", false);
    StratifiedMethod method;
    try {
      method = StratifiedMethod.find(Measure.RD, methodId == null ? "mh" : methodId.strip());
    } catch (StatsException e) {
      throw y.error(y.line(r, "method"), "method", e.getMessage());
    }
    if (y.text(n, "within", false) != null) {
      throw y.error(
          y.line(n, "risk_difference"), "risk_difference", "a block with within: has none");
    }
    return new ShellRow.RiskDifference(
        ref(y, r, "strata"), method, y.number(r, "level", 0.95, 0.5, 0.9999), r.line());
  }

  private static ShellRow.Summary summary(
      YamlDocument y, Node n, String label, String dataset, List<Filter> where) {
    y.keys(n, with(SUMMARY), "a summary block");
    List<Statistic> statistics = new ArrayList<>();
    for (Node s : y.list(n, "statistics")) {
      String id = y.text(s, "statistics");
      Statistic st = Statistic.fromId(id.toLowerCase(Locale.ROOT));
      if (st == null) {
        throw y.error(
            s.line(),
            "statistics",
            "unknown statistic '"
                + id
                + "'; expected some of "
                + Arrays.stream(Statistic.values()).map(Statistic::id).toList());
      }
      statistics.add(st);
    }
    if (statistics.isEmpty()) {
      statistics =
          List.of(
              Statistic.N,
              Statistic.MEAN,
              Statistic.SD,
              Statistic.MEDIAN,
              Statistic.MIN,
              Statistic.MAX);
    }
    return new ShellRow.Summary(
        label,
        dataset,
        where,
        ref(y, n, "summary"),
        statistics,
        y.integer(n, "decimals", 0, 0, 6),
        quantiles(y, n),
        test(y, n, false),
        n.line());
  }

  private static ShellRow.AdverseEvents adverseEvents(
      YamlDocument y, Node n, String label, String dataset, List<Filter> where) {
    Set<String> keys = with(AE);
    keys.remove("dataset");
    y.keys(n, keys, "an adverse_events block");
    String order = y.text(n, "order", false);
    RowOrder rowOrder = RowOrder.FREQUENCY;
    if (order != null) {
      try {
        rowOrder = RowOrder.fromId(order);
      } catch (AdamDataException e) {
        throw y.error(y.line(n, "order"), "order", e.getMessage());
      }
    }
    String flag = y.text(n, "emergent_flag", false);
    Ref emergent =
        flag == null
            ? new Ref("TRTEMFL", n.line(), ADVERSE_EVENTS)
            : flag.equalsIgnoreCase("none")
                ? null
                : new Ref(flag.strip(), y.line(n, "emergent_flag"), "emergent_flag");
    String test = y.text(n, "test", false);
    if (test != null && !test.equalsIgnoreCase("fisher")) {
      throw y.error(
          y.line(n, "test"),
          "test",
          "unknown test '"
              + test
              + "' for an adverse_events block; expected fisher (each arm versus the control)");
    }
    Ref strata = optionalRef(y, n, "strata");
    String methodId = y.text(n, "strata_method", false);
    StratifiedMethod method = null;
    if (strata != null || methodId != null) {
      if (strata == null) {
        throw y.error(
            y.line(n, "strata_method"), "strata_method", "needs strata: VAR (e.g. SITEGR1)");
      }
      try {
        method = StratifiedMethod.find(Measure.RD, methodId == null ? "mh" : methodId.strip());
      } catch (StatsException e) {
        throw y.error(y.line(n, "strata_method"), "strata_method", e.getMessage());
      }
    }
    String overall = y.text(n, "overall_label", false);
    return new ShellRow.AdverseEvents(
        label,
        dataset,
        where,
        optionalRef(y, n, "soc", "AEBODSYS"),
        optionalRef(y, n, "term", "AEDECOD"),
        emergent,
        overall == null
            ? "Any " + (emergent == null ? "" : "treatment-emergent ") + "adverse event"
            : overall,
        y.bool(n, "events", false),
        rowOrder,
        optionalRef(y, n, "order_arm"),
        y.number(n, "min_percent", 0, 0, 100),
        test != null,
        strata,
        method,
        y.number(n, "level", 0.95, 0.5, 0.9999),
        n.line());
  }

  /** {@code quantiles: sas5} (default: the pilot's SAS, QNTLDEF=5) or {@code r7} (R's default). */
  private static QuantileDefinition quantiles(YamlDocument y, Node n) {
    String id = y.text(n, "quantiles", false);
    if (id == null) {
      return QuantileDefinition.SAS5;
    }
    QuantileDefinition q = QuantileDefinition.fromId(id.strip().toLowerCase(Locale.ROOT));
    if (q == null) {
      throw y.error(
          y.line(n, "quantiles"),
          "quantiles",
          "unknown quantile definition '"
              + id
              + "'; expected sas5 (SAS QNTLDEF=5) or r7 (R's default type 7)");
    }
    return q;
  }

  private static ShellRow.Model model(
      YamlDocument y, Node n, String label, String dataset, List<Filter> where) {
    y.keys(n, with(MODEL), "a model block");
    List<Ref> factors = new ArrayList<>();
    for (Node f : y.list(n, "factors")) {
      factors.add(new Ref(y.text(f, "factors"), f.line(), "factors"));
    }
    List<Ref> covariates = new ArrayList<>();
    for (Node f : y.list(n, "covariates")) {
      covariates.add(new Ref(y.text(f, "covariates"), f.line(), "covariates"));
    }
    List<ShellRow.Comparison> comparisons = new ArrayList<>();
    for (Node c : y.list(n, "comparisons")) {
      if (!c.isMap()) {
        throw y.error(c.line(), "comparisons", "expected {arm: A, versus: B, label: TEXT}");
      }
      y.keys(c, Set.of("arm", "versus", "label"), "a comparison");
      String arm = y.text(c, "arm", true);
      String versus = y.text(c, "versus", true);
      String text = y.text(c, "label", false);
      comparisons.add(
          new ShellRow.Comparison(
              arm,
              versus,
              text == null ? "p-value (" + arm + " - " + versus + ")" : text,
              c.line()));
    }
    return new ShellRow.Model(
        label,
        dataset,
        where,
        ref(y, n, "model"),
        factors,
        covariates,
        optionalRef(y, n, "dose"),
        comparisons,
        y.number(n, "level", 0.95, 0.5, 0.9999),
        y.bool(n, "ls_means", false),
        y.integer(n, "decimals", 0, 0, 6),
        n.line());
  }

  private static TestMethod test(YamlDocument y, Node n, boolean counts) {
    String id = y.text(n, "test", false);
    if (id == null) {
      return null;
    }
    List<TestMethod> fitting =
        Arrays.stream(TestMethod.values()).filter(t -> t.forCounts() == counts).toList();
    for (TestMethod t : fitting) {
      if (t.id().equals(id.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw y.error(
        y.line(n, "test"),
        "test",
        "unknown test '"
            + id
            + "' for a "
            + (counts ? "count" : "summary")
            + " block; expected one of "
            + fitting.stream().map(TestMethod::id).toList());
  }

  /** {@code VAR = a|b} or {@code VAR != a|b}. */
  private static Filter filter(YamlDocument y, Node w) {
    String text = y.text(w, "where");
    int ne = text.indexOf("!=");
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw y.error(w.line(), "where", "expected VAR = value or VAR != value, got '" + text + "'");
    }
    boolean negate = ne > 0 && ne < eq + 1;
    String variable = text.substring(0, negate ? ne : eq).strip();
    String values = text.substring(eq + 1).strip();
    if (variable.isEmpty() || variable.contains(" ")) {
      throw y.error(w.line(), "where", "expected VAR = value or VAR != value, got '" + text + "'");
    }
    List<String> list = Arrays.stream(values.split("\\|", -1)).map(String::strip).toList();
    return new Filter(new Ref(variable, w.line(), "where"), negate, list);
  }

  private static Ref ref(YamlDocument y, Node n, String key) {
    return new Ref(y.text(n, key, true).strip(), y.line(n, key), key);
  }

  private static Ref optionalRef(YamlDocument y, Node n, String key, String otherwise) {
    Ref r = optionalRef(y, n, key);
    return r == null ? new Ref(otherwise, n.line(), key) : r;
  }

  private static Ref optionalRef(YamlDocument y, Node n, String key) {
    String t = y.text(n, key, false);
    return t == null ? null : new Ref(t.strip(), y.line(n, key), key);
  }
}
