package org.trialstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstats.analysis.StratifiedMethodsResult;
import org.trialstats.analysis.StratifiedMethodsResult.Outcome;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.stats.ChiSquareStatistic;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StratifiedAnalysis;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTables.Stratum;
import org.trialstats.stats.StratifiedTest;

/**
 * Text, CSV and JSON renderings of {@code ci --strata}: per method the common estimate and interval
 * with the Cochran-Mantel-Haenszel and Breslow-Day-Tarone tests (rd, rr, or), or the test statistic
 * (test). CSV and JSON carry full precision; the CSV result columns are those of {@link
 * StratifiedRow}.
 */
public final class StratifiedOutput {
  private StratifiedOutput() {}

  /** The strata as written on the command line: {@code x1/n1:x2/n2,...}. */
  private static String strataText(StratifiedTables tables) {
    List<String> parts = new ArrayList<>();
    for (Stratum s : tables.strata()) {
      parts.add(s.x1() + "/" + s.n1() + ":" + s.x2() + "/" + s.n2());
    }
    return String.join(",", parts);
  }

  /**
   * The result as aligned text for the terminal.
   *
   * @param r the computed methods
   * @return the text, lines ended by the platform-independent {@code %n} of {@link String#format}
   */
  public static String text(StratifiedMethodsResult r) {
    Measure measure = r.measure();
    StratifiedTables tables = r.tables();
    StringBuilder b = new StringBuilder();
    b.append(measure.label())
        .append(" (")
        .append(measure.id())
        .append("), ")
        .append(tables.strata().size())
        .append(" strata ")
        .append(strataText(tables));
    if (measure != Measure.TEST) {
      b.append(", ").append(Numbers.significant(r.level() * 100, 6)).append("% confidence");
    }
    b.append('\n');
    if (measure == Measure.TEST) {
      String fmt = "%-20s %14s %4s %12s%n";
      b.append(String.format(Locale.ROOT, fmt, "test", "statistic", "df", "p-value"));
      for (Outcome o : r.outcomes()) {
        if (o.error() != null) {
          // After the numeric columns, so that they stay aligned.
          b.append(
              String.format(
                  Locale.ROOT,
                  fmt.replace("%n", "  %s%n"),
                  o.method(),
                  "-",
                  "",
                  "-",
                  "error: " + o.error()));
        } else {
          b.append(
              String.format(
                  Locale.ROOT,
                  fmt,
                  o.method(),
                  statistic(o.test()),
                  o.test().df(),
                  pValue(o.test())));
        }
      }
      return b.toString();
    }
    String fmt = "%-18s %14s %14s %14s  %s%n";
    b.append(String.format(Locale.ROOT, fmt, "method", "estimate", "lower", "upper", "note"));
    StratifiedAnalysis first = null;
    for (Outcome o : r.outcomes()) {
      if (o.error() != null) {
        b.append(String.format(Locale.ROOT, fmt, o.method(), "-", "-", "-", "error: " + o.error()));
        continue;
      }
      first = first == null ? o.analysis() : first;
      var e = o.analysis().estimate();
      b.append(
          String.format(
              Locale.ROOT,
              fmt,
              o.method(),
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

  /**
   * The result as CSV, one row per method. A test row puts its statistic in {@code estimate} and
   * its degrees of freedom and p-value in the {@code homogeneity_df} and {@code
   * homogeneity_p_value} columns.
   *
   * @param r the computed methods
   * @return RFC 4180 CSV with a header line
   */
  public static String csv(StratifiedMethodsResult r) {
    List<String> header = new ArrayList<>(List.of("measure", "method", "strata"));
    header.addAll(StratifiedRow.COLUMNS.subList(1, 4)); // estimate, lower, upper
    header.add("level");
    header.addAll(StratifiedRow.COLUMNS.subList(4, StratifiedRow.COLUMNS.size()));
    header.addAll(List.of("status", "message"));
    CsvTable t = new CsvTable(header);
    String strata = strataText(r.tables());
    for (Outcome o : r.outcomes()) {
      CsvTable.Row row =
          t.row().put("measure", r.measure().id()).put("method", o.method()).put("strata", strata);
      if (o.error() != null) {
        row.put("level", Numbers.full(r.level())).put("status", "error").put("message", o.error());
      } else if (o.test() != null) {
        row.put("estimate", Numbers.full(o.test().statistic()))
            .put("homogeneity_df", o.test().df())
            .put("homogeneity_p_value", Numbers.full(o.test().pValue()))
            .put("status", "ok");
      } else {
        // the result columns of a batch row, less its count of strata (here the strata's text)
        List<String> cells = StratifiedRow.cells(o.analysis());
        for (int i = 1; i < StratifiedRow.COLUMNS.size(); i++) {
          row.put(StratifiedRow.COLUMNS.get(i), cells.get(i));
        }
        row.put("level", Numbers.full(o.analysis().estimate().level()))
            .put("status", "ok")
            .put("message", o.analysis().estimate().note());
      }
    }
    return t.text();
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

  /**
   * The result as a JSON array, one object per method: {@code measure, method}, the estimate
   * ({@code estimate, lower, upper, level}) or the test ({@code statistic, df, p_value}), {@code
   * strata}, and for estimates {@code cmh} and {@code homogeneity}; then {@code status} and {@code
   * message}.
   *
   * @param r the computed methods
   * @return the JSON text
   */
  public static String json(StratifiedMethodsResult r) {
    List<Map<String, Object>> strata = new ArrayList<>();
    for (Stratum s : r.tables().strata()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("x1", s.x1());
      m.put("n1", s.n1());
      m.put("x2", s.x2());
      m.put("n2", s.n2());
      strata.add(m);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Outcome o : r.outcomes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("measure", r.measure().id());
      m.put("method", o.method());
      if (o.test() != null) {
        m.putAll(chiSquare(o.test(), true));
      } else if (o.analysis() != null) {
        var e = o.analysis().estimate();
        m.put("estimate", Json.number(e.estimate()));
        m.put("lower", Json.number(e.lower()));
        m.put("upper", Json.number(e.upper()));
        m.put("level", Json.number(e.level()));
      } else if (r.measure() != Measure.TEST) {
        m.put("estimate", null);
        m.put("lower", null);
        m.put("upper", null);
        m.put("level", Json.number(r.level()));
      }
      m.put("strata", strata);
      if (o.analysis() != null) {
        m.put("cmh", chiSquare(o.analysis().cmh(), false));
        Map<String, Object> homogeneity = chiSquare(o.analysis().homogeneity(), true);
        homogeneity.put("method", StratifiedTest.BRESLOW_DAY_TARONE.id());
        m.put("homogeneity", homogeneity);
      }
      m.put("status", o.error() == null ? "ok" : "error");
      m.put(
          "message",
          o.error() != null
              ? o.error()
              : o.analysis() != null ? o.analysis().estimate().note() : "");
      list.add(m);
    }
    return Json.write(list);
  }
}
