package org.trialstats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.io.InputFile;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.io.Provenance;
import org.trialstats.survival.CoxResult;
import org.trialstats.survival.CoxTerm;
import org.trialstats.survival.LogRankResult;
import org.trialstats.survival.RestrictedMeanDifference;
import org.trialstats.survival.SurvivalPoint;

/**
 * Text, JSON and CSV renderings of a {@link SurvivalResult}: the fields the time-to-event command
 * documents, full precision in JSON and CSV.
 */
public final class SurvivalOutput {
  private SurvivalOutput() {}

  /**
   * The result in one format.
   *
   * @param r the result
   * @param format {@code json}, {@code csv} or anything else for text
   * @return the rendering
   */
  public static String render(SurvivalResult r, String format) {
    return switch (format) {
      case "json" -> json(r);
      case "csv" -> csv(r);
      default -> text(r);
    };
  }

  private static Object value(OptionalDouble x) {
    return x.isPresent() ? Json.number(x.getAsDouble()) : null;
  }

  static String json(SurvivalResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> groups = new ArrayList<>();
    for (SurvivalResult.GroupSummary g : r.groups()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("group", g.label());
      node.put("n", g.subjects());
      node.put("events", g.events());
      node.put("censored", g.censored());
      node.put("median", value(g.median().estimate()));
      node.put("median_lower", value(g.median().lower()));
      node.put("median_upper", value(g.median().upper()));
      node.put("rmst", g.rmst() == null ? null : Json.number(g.rmst().estimate()));
      node.put("rmst_se", g.rmst() == null ? null : Json.number(g.rmst().standardError()));
      List<Object> points = new ArrayList<>();
      for (SurvivalPoint p : g.points()) {
        Map<String, Object> pt = new LinkedHashMap<>();
        pt.put("time", Json.number(p.time()));
        pt.put("n_risk", p.atRisk());
        pt.put("n_event", p.events());
        pt.put("n_censor", p.censored());
        pt.put("estimate", Json.number(p.survival()));
        pt.put("se", Json.number(p.standardError()));
        pt.put("lower", Json.number(p.lower()));
        pt.put("upper", Json.number(p.upper()));
        points.add(pt);
      }
      node.put("survival", points);
      groups.add(node);
    }
    root.put("groups", groups);
    LogRankResult lr = r.logRank();
    Map<String, Object> logRank = null;
    if (lr != null) {
      logRank = new LinkedHashMap<>();
      logRank.put("chisq", Json.number(lr.chiSquare()));
      logRank.put("df", lr.degreesOfFreedom());
      logRank.put("p_value", Json.number(lr.pValue()));
      logRank.put("stratified", lr.stratified());
    }
    root.put("logrank", logRank);
    CoxResult cox = r.cox();
    Map<String, Object> model = null;
    if (cox != null) {
      model = new LinkedHashMap<>();
      model.put("ties", cox.ties().id());
      model.put("stratified", cox.stratified());
      List<Object> terms = new ArrayList<>();
      for (SurvivalResult.LabelledCoxTerm lt : r.coxTerms()) {
        CoxTerm t = lt.term();
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("group", lt.label());
        term.put("coef", Json.number(t.coefficient()));
        term.put("se", Json.number(t.standardError()));
        term.put("hr", Json.number(t.hazardRatio()));
        term.put("hr_lower", Json.number(t.lower()));
        term.put("hr_upper", Json.number(t.upper()));
        term.put("p_value", Json.number(t.pValue()));
        terms.add(term);
      }
      model.put("terms", terms);
      model.put("lr", Json.number(cox.likelihoodRatio()));
      model.put("lr_df", cox.degreesOfFreedom());
      model.put("lr_p", Json.number(cox.likelihoodRatioP()));
      model.put("wald", Json.number(cox.wald()));
      model.put("wald_p", Json.number(cox.waldP()));
      model.put("score", Json.number(cox.score()));
      model.put("score_p", Json.number(cox.scoreP()));
    }
    root.put("cox", model);
    List<Object> differences = new ArrayList<>();
    for (SurvivalResult.RmstComparison c : r.rmstDifferences()) {
      RestrictedMeanDifference d = c.difference();
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("group", c.label());
      node.put("difference", Json.number(d.difference()));
      node.put("lower", Json.number(d.lower()));
      node.put("upper", Json.number(d.upper()));
      node.put("p_value", Json.number(d.pValue()));
      differences.add(node);
    }
    root.put("rmst_difference", differences);
    root.put("conf_type", r.transform().id());
    root.put("level", r.level());
    root.put("warnings", List.copyOf(r.warnings()));
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", "trialstats " + r.version());
    List<Object> inputs = new ArrayList<>();
    for (InputFile f : r.inputs()) {
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("file", f.path());
      input.put("bytes", f.bytes());
      input.put("sha256", f.sha256());
      inputs.add(input);
    }
    provenance.put("inputs", inputs);
    root.put("provenance", provenance);
    return Json.write(root);
  }

  private static final List<String> CSV_HEADER =
      List.of(
          "section",
          "group",
          "time",
          "n_risk",
          "n_event",
          "n_censor",
          "estimate",
          "se",
          "lower",
          "upper",
          "statistic",
          "df",
          "p_value",
          "method");

  static String csv(SurvivalResult r) {
    CsvTable t = new CsvTable(CSV_HEADER);
    String conf = r.transform().id() + " " + r.level();
    for (SurvivalResult.GroupSummary g : r.groups()) {
      for (SurvivalPoint pt : g.points()) {
        t.row()
            .put("section", "survival")
            .put("group", g.label())
            .put("time", Numbers.full(pt.time()))
            .put("n_risk", pt.atRisk())
            .put("n_event", pt.events())
            .put("n_censor", pt.censored())
            .put("estimate", Numbers.full(pt.survival()))
            .put("se", Numbers.full(pt.standardError()))
            .put("lower", Numbers.full(pt.lower()))
            .put("upper", Numbers.full(pt.upper()))
            .put("method", conf);
      }
      t.row()
          .put("section", "median")
          .put("group", g.label())
          .put("n_risk", g.subjects())
          .put("n_event", g.events())
          .put("n_censor", g.censored())
          .put("estimate", optional(g.median().estimate()))
          .put("lower", optional(g.median().lower()))
          .put("upper", optional(g.median().upper()))
          .put("method", "brookmeyer-crowley " + conf);
      if (g.rmst() != null) {
        t.row()
            .put("section", "rmst")
            .put("group", g.label())
            .put("time", Numbers.full(g.rmst().tau()))
            .put("estimate", Numbers.full(g.rmst().estimate()))
            .put("se", Numbers.full(g.rmst().standardError()))
            .put("method", "restricted mean to tau");
      }
    }
    if (r.logRank() != null) {
      LogRankResult lr = r.logRank();
      test(t, "logrank", lr.chiSquare(), lr.degreesOfFreedom(), lr.pValue())
          .put("method", lr.stratified() ? "stratified log-rank" : "log-rank");
    }
    if (r.cox() != null) {
      String method = "cox " + r.cox().ties().id() + (r.cox().stratified() ? " stratified" : "");
      for (SurvivalResult.LabelledCoxTerm lt : r.coxTerms()) {
        CoxTerm term = lt.term();
        t.row()
            .put("section", "cox_hr")
            .put("group", lt.label())
            .put("estimate", Numbers.full(term.hazardRatio()))
            .put("se", Numbers.full(term.standardError()))
            .put("lower", Numbers.full(term.lower()))
            .put("upper", Numbers.full(term.upper()))
            .put("statistic", Numbers.full(term.coefficient()))
            .put("p_value", Numbers.full(term.pValue()))
            .put("method", method + " (se and statistic: log HR)");
      }
      CoxResult c = r.cox();
      test(t, "cox_lr", c.likelihoodRatio(), c.degreesOfFreedom(), c.likelihoodRatioP())
          .put("method", method);
      test(t, "cox_wald", c.wald(), c.degreesOfFreedom(), c.waldP()).put("method", method);
      test(t, "cox_score", c.score(), c.degreesOfFreedom(), c.scoreP()).put("method", method);
    }
    for (SurvivalResult.RmstComparison c : r.rmstDifferences()) {
      RestrictedMeanDifference d = c.difference();
      t.row()
          .put("section", "rmst_difference")
          .put("group", c.label())
          .put("estimate", Numbers.full(d.difference()))
          .put("se", Numbers.full(d.standardError()))
          .put("lower", Numbers.full(d.lower()))
          .put("upper", Numbers.full(d.upper()))
          .put("p_value", Numbers.full(d.pValue()))
          .put("method", "vs " + r.reference());
    }
    for (String w : r.warnings()) {
      t.row().put("section", "warning").put("method", w);
    }
    t.row()
        .put("section", "provenance")
        .put("method", new Provenance(r.version(), r.inputs()).line());
    return t.text();
  }

  /** A row of a chi-square test: statistic, degrees of freedom and p-value. */
  private static CsvTable.Row test(
      CsvTable t, String section, double statistic, int df, double pValue) {
    return t.row()
        .put("section", section)
        .put("statistic", Numbers.full(statistic))
        .put("df", df)
        .put("p_value", Numbers.full(pValue));
  }

  private static String optional(OptionalDouble x) {
    return x.isPresent() ? Numbers.full(x.getAsDouble()) : "";
  }

  static String text(SurvivalResult r) {
    StringBuilder b = new StringBuilder();
    b.append("Kaplan-Meier (intervals: ")
        .append(r.transform().id())
        .append(' ')
        .append(Numbers.fixed(100 * r.level(), 1))
        .append("%; R's default is log, SAS 9.2+" + " LIFETEST's log-log, SAS 9.1's linear)\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"group", "n", "events", "censored", "median (CI)", "RMST (SE)"});
    for (SurvivalResult.GroupSummary g : r.groups()) {
      rows.add(
          new String[] {
            g.label(),
            Integer.toString(g.subjects()),
            Integer.toString(g.events()),
            Integer.toString(g.censored()),
            shown(g.median().estimate())
                + " ("
                + shown(g.median().lower())
                + ", "
                + shown(g.median().upper())
                + ")",
            g.rmst() == null
                ? ""
                : Numbers.significant(g.rmst().estimate(), 5)
                    + " ("
                    + Numbers.significant(g.rmst().standardError(), 4)
                    + ")"
          });
    }
    table(b, rows);
    if (r.logRank() != null) {
      LogRankResult lr = r.logRank();
      b.append(
              lr.stratified()
                  ? "Stratified log-rank test (by " + r.strataVariable() + ")"
                  : "Log-rank test")
          .append(": chi-square ")
          .append(Numbers.significant(lr.chiSquare(), 5))
          .append(" on ")
          .append(lr.degreesOfFreedom())
          .append(" df, p = ")
          .append(Numbers.pValue(lr.pValue()))
          .append('\n');
    }
    if (r.cox() != null) {
      CoxResult c = r.cox();
      b.append("Cox model (ties: ")
          .append(c.ties().id())
          .append(c.stratified() ? "; stratified by " + r.strataVariable() : "")
          .append("), hazard ratio vs ")
          .append(r.reference())
          .append(":\n");
      for (SurvivalResult.LabelledCoxTerm lt : r.coxTerms()) {
        CoxTerm t = lt.term();
        b.append("  ")
            .append(lt.label())
            .append(": HR ")
            .append(Numbers.interval(t.hazardRatio(), t.lower(), t.upper(), 4))
            .append(", log HR ")
            .append(Numbers.significant(t.coefficient(), 5))
            .append(" (SE ")
            .append(Numbers.significant(t.standardError(), 4))
            .append("), Wald p = ")
            .append(Numbers.pValue(t.pValue()))
            .append('\n');
      }
      b.append(
          String.format(
              Locale.ROOT,
              "  likelihood ratio %s, Wald %s, score %s on %d df (p = %s, %s, %s)%n",
              Numbers.significant(c.likelihoodRatio(), 5),
              Numbers.significant(c.wald(), 5),
              Numbers.significant(c.score(), 5),
              c.degreesOfFreedom(),
              Numbers.pValue(c.likelihoodRatioP()),
              Numbers.pValue(c.waldP()),
              Numbers.pValue(c.scoreP())));
    }
    for (SurvivalResult.RmstComparison c : r.rmstDifferences()) {
      RestrictedMeanDifference d = c.difference();
      b.append("RMST difference ")
          .append(c.label())
          .append(" - ")
          .append(r.reference())
          .append(": ")
          .append(Numbers.interval(d.difference(), d.lower(), d.upper(), 4))
          .append(", p = ")
          .append(Numbers.pValue(d.pValue()))
          .append('\n');
    }
    for (SurvivalResult.GroupSummary g : r.groups()) {
      b.append("\nSurvival, ").append(g.label()).append('\n');
      List<String[]> points = new ArrayList<>();
      points.add(
          new String[] {
            "time", "at risk", "events", "censored", "survival", "SE", "lower", "upper"
          });
      for (SurvivalPoint p : g.points()) {
        points.add(
            new String[] {
              shown(OptionalDouble.of(p.time())),
              Integer.toString(p.atRisk()),
              Integer.toString(p.events()),
              Integer.toString(p.censored()),
              Numbers.fixed(p.survival(), 4),
              Numbers.fixed(p.standardError(), 4),
              Numbers.fixed(p.lower(), 4),
              Numbers.fixed(p.upper(), 4)
            });
      }
      table(b, points);
    }
    b.append('\n');
    r.notes().forEach(n -> b.append("Note: ").append(n).append('\n'));
    r.warnings().forEach(w -> b.append("Warning: ").append(w).append('\n'));
    b.append("Provenance: ").append(new Provenance(r.version(), r.inputs()).line()).append('\n');
    return b.toString();
  }

  private static String shown(OptionalDouble x) {
    if (x.isEmpty()) {
      return "NR";
    }
    double v = x.getAsDouble();
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Numbers.full(v);
  }

  private static void table(StringBuilder b, List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        String pad = " ".repeat(width[i] - cell.length());
        line.append(i == 0 ? cell + pad : pad + cell).append(i + 1 < row.length ? "  " : "");
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
