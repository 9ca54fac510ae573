package org.trialstats.cli;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.stats.ChiSquareStatistic;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedAnalysis;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTables.Stratum;
import org.trialstats.stats.StratifiedTest;

/**
 * {@code ci MEASURE --strata x1/n1:x2/n2,...}: the stratified estimates of rd, rr and or (with the
 * CMH and homogeneity tests) and the stratified tests; parsing of the strata and rendering of the
 * three output formats.
 */
final class StratifiedCi {
  private StratifiedCi() {}

  /** One computed method: an analysis, a test, or the error that prevented it. */
  private record Row(
      String method, StratifiedAnalysis analysis, ChiSquareStatistic test, String error) {}

  /**
   * Parses the {@code --strata} value.
   *
   * @throws UserError naming the stratum and what was expected
   */
  static StratifiedTables parse(String text) {
    try {
      return StratifiedTables.parse(text);
    } catch (StatsException e) {
      throw new UserError("--strata: " + e.getMessage());
    }
  }

  /** The method used when none is named: Mantel-Haenszel, and the CMH test for {@code test}. */
  static String defaultMethod(Measure measure) {
    return measure == Measure.TEST ? "cmh" : "mh";
  }

  /** The method ids to run: the named ones (checked), all, or the default. */
  static List<String> methodIds(Measure measure, List<String> named, boolean all) {
    if (measure == Measure.TEST) {
      if (all) {
        return java.util.Arrays.stream(StratifiedTest.values()).map(StratifiedTest::id).toList();
      }
      List<String> ids = named == null || named.isEmpty() ? List.of(defaultMethod(measure)) : named;
      ids.forEach(id -> stratified(() -> StratifiedTest.fromId(id)));
      return ids;
    }
    if (measure != Measure.RD && measure != Measure.RR && measure != Measure.OR) {
      throw new UserError("--strata applies to rd, rr, or and test, not " + measure.id());
    }
    if (all) {
      return StratifiedMethod.forMeasure(measure).stream().map(StratifiedMethod::id).toList();
    }
    List<String> ids = named == null || named.isEmpty() ? List.of(defaultMethod(measure)) : named;
    ids.forEach(id -> stratified(() -> StratifiedMethod.find(measure, id)));
    return ids;
  }

  private static <T> T stratified(java.util.function.Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (StatsException e) {
      throw new UserError("--method: " + e.getMessage() + " (stratified methods)");
    }
  }

  /**
   * Computes and renders the request.
   *
   * @return the output text, and whether every method failed
   */
  static Map.Entry<String, Boolean> run(
      Measure measure, StratifiedTables tables, List<String> ids, double level, String format)
      throws java.io.IOException {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      try {
        if (measure == Measure.TEST) {
          rows.add(new Row(id, null, StratifiedTest.fromId(id).test(tables), null));
        } else {
          StratifiedMethod method = StratifiedMethod.find(measure, id);
          rows.add(new Row(id, StratifiedAnalysis.of(method, tables, level), null, null));
        }
      } catch (StatsException e) {
        if (ids.size() == 1) {
          throw e;
        }
        rows.add(new Row(id, null, null, e.getMessage()));
      }
    }
    String text =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "text" -> text(measure, tables, level, rows);
          case "csv" -> csv(measure, tables, level, rows);
          case "json" -> json(measure, tables, level, rows);
          default ->
              throw new UserError("--format must be text, csv or json, got '" + format + "'");
        };
    return Map.entry(text, rows.stream().allMatch(r -> r.error != null));
  }

  private static String strataText(StratifiedTables tables) {
    List<String> parts = new ArrayList<>();
    for (Stratum s : tables.strata()) {
      parts.add(s.x1() + "/" + s.n1() + ":" + s.x2() + "/" + s.n2());
    }
    return String.join(",", parts);
  }

  private static String text(
      Measure measure, StratifiedTables tables, double level, List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append(measure.label())
        .append(" (")
        .append(measure.id())
        .append("), ")
        .append(tables.strata().size())
        .append(" strata ")
        .append(strataText(tables));
    if (measure != Measure.TEST) {
      b.append(", ").append(Numbers.significant(level * 100, 6)).append("% confidence");
    }
    b.append('\n');
    if (measure == Measure.TEST) {
      String fmt = "%-20s %14s %4s %12s%n";
      b.append(String.format(Locale.ROOT, fmt, "test", "statistic", "df", "p-value"));
      for (Row r : rows) {
        if (r.error != null) {
          // After the numeric columns, so that they stay aligned.
          b.append(
              String.format(
                  Locale.ROOT,
                  fmt.replace("%n", "  %s%n"),
                  r.method,
                  "-",
                  "",
                  "-",
                  "error: " + r.error));
        } else {
          b.append(
              String.format(
                  Locale.ROOT, fmt, r.method, statistic(r.test), r.test.df(), pValue(r.test)));
        }
      }
      return b.toString();
    }
    String fmt = "%-18s %14s %14s %14s  %s%n";
    b.append(String.format(Locale.ROOT, fmt, "method", "estimate", "lower", "upper", "note"));
    StratifiedAnalysis first = null;
    for (Row r : rows) {
      if (r.error != null) {
        b.append(String.format(Locale.ROOT, fmt, r.method, "-", "-", "-", "error: " + r.error));
        continue;
      }
      first = first == null ? r.analysis : first;
      var e = r.analysis.estimate();
      b.append(
          String.format(
              Locale.ROOT,
              fmt,
              r.method,
              Numbers.significant(e.estimate(), 7),
              Numbers.significant(e.lower(), 7),
              Numbers.significant(e.upper(), 7),
              e.note()));
    }
    if (first != null) {
      b.append("Cochran-Mantel-Haenszel: statistic ")
          .append(statistic(first.cmh()))
          .append(", df 1, p ")
          .append(pValue(first.cmh()))
          .append('\n');
      b.append("Homogeneity (Breslow-Day-Tarone): statistic ")
          .append(statistic(first.homogeneity()))
          .append(", df ")
          .append(first.homogeneity().df())
          .append(", p ")
          .append(pValue(first.homogeneity()))
          .append('\n');
    }
    return b.toString();
  }

  private static String statistic(ChiSquareStatistic c) {
    return c.defined() ? Numbers.significant(c.statistic(), 7) : "undefined";
  }

  private static String pValue(ChiSquareStatistic c) {
    return c.defined() ? Numbers.pValue(c.pValue()) : "undefined";
  }

  private static String csv(Measure measure, StratifiedTables tables, double level, List<Row> rows)
      throws java.io.IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      p.printRecord(
          "measure",
          "method",
          "strata",
          "estimate",
          "lower",
          "upper",
          "level",
          "cmh_statistic",
          "cmh_p_value",
          "homogeneity_statistic",
          "homogeneity_df",
          "homogeneity_p_value",
          "status",
          "message");
      for (Row r : rows) {
        List<Object> cells = new ArrayList<>(List.of(measure.id(), r.method, strataText(tables)));
        if (r.error != null) {
          cells.addAll(
              List.of("", "", "", Numbers.full(level), "", "", "", "", "", "error", r.error));
        } else if (r.test != null) {
          cells.addAll(
              List.of(
                  Numbers.full(r.test.statistic()),
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  r.test.df(),
                  Numbers.full(r.test.pValue()),
                  "ok",
                  ""));
        } else {
          var e = r.analysis.estimate();
          cells.addAll(
              List.of(
                  Numbers.full(e.estimate()),
                  Numbers.full(e.lower()),
                  Numbers.full(e.upper()),
                  Numbers.full(e.level()),
                  Numbers.full(r.analysis.cmh().statistic()),
                  Numbers.full(r.analysis.cmh().pValue()),
                  Numbers.full(r.analysis.homogeneity().statistic()),
                  r.analysis.homogeneity().df(),
                  Numbers.full(r.analysis.homogeneity().pValue()),
                  "ok",
                  e.note()));
        }
        p.printRecord(cells);
      }
    }
    return w.toString();
  }

  private static Map<String, Object> chiSquare(ChiSquareStatistic c, boolean withDf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statistic", Json.number(c.statistic()));
    if (withDf) {
      m.put("df", c.df());
    }
    m.put("p_value", Json.number(c.pValue()));
    return m;
  }

  private static String json(
      Measure measure, StratifiedTables tables, double level, List<Row> rows) {
    List<Map<String, Object>> strata = new ArrayList<>();
    for (Stratum s : tables.strata()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("x1", s.x1());
      m.put("n1", s.n1());
      m.put("x2", s.x2());
      m.put("n2", s.n2());
      strata.add(m);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", measure.id());
      m.put("method", r.method);
      if (r.test != null) {
        m.putAll(chiSquare(r.test, true));
      } else if (r.analysis != null) {
        var e = r.analysis.estimate();
        m.put("estimate", Json.number(e.estimate()));
        m.put("lower", Json.number(e.lower()));
        m.put("upper", Json.number(e.upper()));
        m.put("level", Json.number(e.level()));
      } else if (measure != Measure.TEST) {
        m.put("estimate", null);
        m.put("lower", null);
        m.put("upper", null);
        m.put("level", Json.number(level));
      }
      m.put("strata", strata);
      if (r.analysis != null) {
        m.put("cmh", chiSquare(r.analysis.cmh(), false));
        Map<String, Object> homogeneity = chiSquare(r.analysis.homogeneity(), true);
        homogeneity.put("method", StratifiedTest.BRESLOW_DAY_TARONE.id());
        m.put("homogeneity", homogeneity);
      }
      m.put("status", r.error == null ? "ok" : "error");
      m.put(
          "message",
          r.error != null ? r.error : r.analysis != null ? r.analysis.estimate().note() : "");
      list.add(m);
    }
    return Json.write(list);
  }
}
