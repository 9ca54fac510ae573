package org.trialstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialstats.analysis.MetaSynthesis;
import org.trialstats.io.Escape;
import org.trialstats.io.InputFile;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.meta.ContinuousArms;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.EggerTest;
import org.trialstats.meta.ExcludedStudy;
import org.trialstats.meta.Influence;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.PersonTime;
import org.trialstats.meta.RankCorrelationTest;
import org.trialstats.meta.SensitivityStep;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.StudyEffect;
import org.trialstats.meta.SubgroupAnalysis;
import org.trialstats.meta.TrimAndFill;
import org.trialstats.stats.TwoByTwo;

/**
 * Text, JSON and CSV renderings of a meta-analysis. JSON field names are part of the command's
 * interface (see the meta-analysis issue); values that do not apply are {@code null}.
 */
public final class MetaOutput {
  private MetaOutput() {}

  // ------------------------------------------------------------------------------------ JSON

  /** The analysis as a JSON document (pretty-printed, fields in a fixed order). */
  public static String json(MetaSynthesis a) {
    ObjectNode root = summary(a.result());
    ArrayNode studies = root.putArray("studies");
    for (StudyEffect e : a.result().studies()) {
      ObjectNode s = studies.addObject();
      s.put("study", e.study());
      s.put("yi", e.yi());
      s.put("vi", e.vi());
      number(s, "estimate", e.estimate());
      number(s, "lower", e.lower());
      number(s, "upper", e.upper());
      number(s, "weight", e.weight());
      if (e.data().subgroup() != null) {
        s.put("subgroup", e.data().subgroup());
      }
      armData(s, e.data());
      s.put("added", e.added());
    }
    ArrayNode excluded = root.putArray("excluded");
    for (ExcludedStudy x : a.result().excluded()) {
      ObjectNode s = excluded.addObject();
      s.put("study", x.study());
      s.put("reason", x.reason());
      armData(s, x.data());
    }
    root.put("zero_cells", a.result().zeroCells());
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("tool", "trialstats " + a.provenance().version());
    ArrayNode inputs = provenance.putArray("inputs");
    for (InputFile f : a.provenance().inputs()) {
      inputs.addObject().put("file", f.path()).put("bytes", f.bytes()).put("sha256", f.sha256());
    }
    if (a.subgroups() != null) {
      ArrayNode groups = root.putArray("subgroups");
      for (SubgroupAnalysis.Subgroup g : a.subgroups().subgroups()) {
        ObjectNode node = summary(g.result());
        ObjectNode named = groups.addObject();
        named.put("subgroup", g.name());
        named.setAll(node);
        ArrayNode names = named.putArray("studies");
        g.result().studies().forEach(e -> names.add(e.study()));
      }
      ObjectNode test = root.putObject("subgroup_test");
      number(test, "q", a.subgroups().qBetween());
      test.put("q_df", a.subgroups().dfBetween());
      number(test, "q_p_value", a.subgroups().pBetween());
      number(test, "i2", a.subgroups().i2Between());
    }
    if (a.leaveOneOut() != null) {
      steps(root.putArray("leave_one_out"), "omitted", a.leaveOneOut());
    }
    if (a.cumulative() != null) {
      root.put("cumulative_by", a.cumulativeBy());
      steps(root.putArray("cumulative"), "added", a.cumulative());
    }
    if (a.egger() != null) {
      EggerTest e = a.egger();
      ObjectNode eg = root.putObject("egger");
      eg.put("k", e.k());
      eg.put("intercept", e.intercept());
      eg.put("intercept_se", e.interceptSe());
      eg.put("t", e.t());
      eg.put("df", e.df());
      eg.put("p_value", e.pvalue());
      eg.put("limit_estimate", e.slope());
    }
    if (a.begg() != null) {
      RankCorrelationTest t = a.begg();
      ObjectNode begg = root.putObject("begg");
      begg.put("k", t.k());
      begg.put("tau", t.tau());
      begg.put("p_value", t.pvalue());
      begg.put("exact", t.exact());
    }
    trimFillJson(root, a);
    influenceJson(root, a);
    if (a.moderation() != null) {
      MetaRegressionOutput.json(root, a.moderation());
    }
    ArrayNode warnings = root.putArray("warnings");
    a.warnings().forEach(warnings::add);
    return Json.write(root);
  }

  /** The per-arm input of a study: counts, means or person-time (nothing for generic). */
  private static void armData(ObjectNode s, StudyData d) {
    TwoByTwo t = d.table();
    if (t != null) {
      s.put("events1", t.x1());
      s.put("n1", t.n1());
      s.put("events2", t.x2());
      s.put("n2", t.n2());
    } else if (d.means() != null) {
      ContinuousArms m = d.means();
      s.put("mean1", m.mean1());
      s.put("sd1", m.sd1());
      s.put("n1", m.n1());
      s.put("mean2", m.mean2());
      s.put("sd2", m.sd2());
      s.put("n2", m.n2());
    } else if (d.rates() != null) {
      PersonTime p = d.rates();
      s.put("events1", p.events1());
      s.put("time1", p.time1());
      s.put("events2", p.events2());
      s.put("time2", p.time2());
    }
  }

  private static void steps(ArrayNode array, String labelField, List<SensitivityStep> steps) {
    for (SensitivityStep s : steps) {
      ObjectNode node = array.addObject();
      node.put(labelField, s.study());
      node.setAll(summary(s.result()));
    }
  }

  /** The summary fields of one analysis, in the order, followed by the extras. */
  static ObjectNode summary(MetaResult r) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("k", r.kTables());
    n.put("measure", r.measure().id());
    n.put("model", r.model().id());
    n.put("method", r.method());
    n.put("hksj", r.hksj());
    number(n, "mu", r.mu());
    number(n, "se", r.se());
    number(n, "mu_lower", r.muLower());
    number(n, "mu_upper", r.muUpper());
    number(n, "estimate", r.estimate());
    number(n, "lower", r.lower());
    number(n, "upper", r.upper());
    number(n, "p_value", r.pvalue());
    number(n, "tau2", r.tau2());
    number(n, "tau2_lower", r.tau2Lower());
    number(n, "tau2_upper", r.tau2Upper());
    number(n, "i2", r.i2());
    number(n, "i2_lower", r.i2Lower());
    number(n, "i2_upper", r.i2Upper());
    number(n, "h2", r.h2());
    number(n, "q", r.q());
    n.put("q_df", r.qDf());
    number(n, "q_p_value", r.qPvalue());
    number(n, "pi_lower", r.piLower());
    number(n, "pi_upper", r.piUpper());
    n.put("k_yi", r.k());
    n.put("pi_method", r.options().prediction().id());
    n.put("pi_formula", r.options().prediction().formula());
    if (r.measure() == EffectMeasure.SMD) {
      n.put("smd_variance", r.options().smdVariance().id());
    }
    n.put("level", r.level());
    // true when estimate, lower, upper and the prediction interval are exp(mu ...): ratio
    // measures and generic effects given --exponentiate
    n.put("exponentiated", r.options().ratioScale());
    number(n, "statistic", r.statistic());
    if (Double.isNaN(r.statisticDf())) {
      n.putNull("statistic_df");
    } else {
      n.put("statistic_df", (long) r.statisticDf());
    }
    n.put("converged", r.converged());
    return n;
  }

  private static void number(ObjectNode node, String field, double value) {
    node.putPOJO(field, Json.number(value));
  }

  // ------------------------------------------------------------------------------------- CSV

  private static final List<String> CSV_COLUMNS =
      List.of(
          "row",
          "label",
          "subgroup",
          "measure",
          "model",
          "method",
          "hksj",
          "k",
          "events1",
          "n1",
          "events2",
          "n2",
          "yi",
          "vi",
          "estimate",
          "lower",
          "upper",
          "weight",
          "p_value",
          "tau2",
          "tau2_lower",
          "tau2_upper",
          "i2",
          "i2_lower",
          "i2_upper",
          "h2",
          "q",
          "q_df",
          "q_p_value",
          "pi_lower",
          "pi_upper",
          "note",
          "k_yi",
          "mean1",
          "sd1",
          "mean2",
          "sd2",
          "time1",
          "time2",
          "pi_method",
          "rstudent",
          "dffits",
          "cook_d",
          "cov_r",
          "tau2_del",
          "qe_del",
          "hat",
          "dfbetas",
          "influential",
          "baujat_x",
          "baujat_y");

  /**
   * The analysis as one CSV table: {@code study} and {@code excluded} rows, a {@code pooled} row
   * (yi = mu, vi = se^2), {@code subgroup} and {@code subgroup_test} rows, {@code leave_one_out}
   * and {@code cumulative} rows, an {@code egger} row, a {@code zero_cells} row and one {@code
   * warning} row per warning (text in the note column). Full-precision numbers, empty cells for
   * values that do not apply.
   */
  public static String csv(MetaSynthesis a) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      p.printRecord(CSV_COLUMNS);
      MetaResult r = a.result();
      for (StudyEffect e : r.studies()) {
        List<String> row = base("study", e.study(), e.data().subgroup(), r);
        counts(row, e.data());
        row.set(12, Numbers.full(e.yi()));
        row.set(13, Numbers.full(e.vi()));
        row.set(14, Numbers.full(e.estimate()));
        row.set(15, Numbers.full(e.lower()));
        row.set(16, Numbers.full(e.upper()));
        row.set(17, Numbers.full(e.weight()));
        row.set(31, e.added() > 0 ? "0.5 added to every cell (zero cell)" : "");
        p.printRecord(escape(row));
      }
      for (ExcludedStudy x : r.excluded()) {
        List<String> row = base("excluded", x.study(), x.data().subgroup(), r);
        counts(row, x.data());
        row.set(31, x.reason());
        p.printRecord(escape(row));
      }
      p.printRecord(escape(pooled("pooled", "pooled", null, r)));
      if (a.subgroups() != null) {
        for (SubgroupAnalysis.Subgroup g : a.subgroups().subgroups()) {
          p.printRecord(escape(pooled("subgroup", g.name(), g.name(), g.result())));
        }
        List<String> row = base("subgroup_test", "test for subgroup differences", null, r);
        row.set(26, Numbers.full(a.subgroups().qBetween()));
        row.set(27, Integer.toString(a.subgroups().dfBetween()));
        row.set(28, Numbers.full(a.subgroups().pBetween()));
        row.set(22, Numbers.full(a.subgroups().i2Between()));
        p.printRecord(escape(row));
      }
      if (a.leaveOneOut() != null) {
        for (SensitivityStep s : a.leaveOneOut()) {
          p.printRecord(escape(pooled("leave_one_out", s.study(), null, s.result())));
        }
      }
      if (a.cumulative() != null) {
        for (SensitivityStep s : a.cumulative()) {
          p.printRecord(escape(pooled("cumulative", s.study(), null, s.result())));
        }
      }
      if (a.egger() != null) {
        EggerTest e = a.egger();
        List<String> row = base("egger", "Egger's regression test", null, r);
        row.set(7, Integer.toString(e.k()));
        row.set(18, Numbers.full(e.pvalue()));
        row.set(
            31,
            "intercept "
                + Numbers.full(e.intercept())
                + " (se "
                + Numbers.full(e.interceptSe())
                + "), t = "
                + Numbers.full(e.t())
                + " on "
                + e.df()
                + " df");
        p.printRecord(escape(row));
      }
      if (a.begg() != null) {
        RankCorrelationTest t = a.begg();
        List<String> row = base("begg", "Begg's rank correlation test", null, r);
        row.set(7, Integer.toString(t.k()));
        row.set(18, Numbers.full(t.pvalue()));
        row.set(
            31,
            "Kendall's tau "
                + Numbers.full(t.tau())
                + (t.exact() ? " (exact p-value)" : " (normal approximation)"));
        p.printRecord(escape(row));
      }
      trimFillCsv(p, a);
      influenceCsv(p, a);
      if (a.moderation() != null) {
        for (List<String> row :
            MetaRegressionOutput.csv(a.moderation(), (kind, label) -> base(kind, label, null, r))) {
          p.printRecord(escape(row));
        }
      }
      List<String> zero = base("zero_cells", "zero cells", null, r);
      zero.set(31, r.zeroCells());
      p.printRecord(escape(zero));
      for (String w : a.warnings()) {
        List<String> row = base("warning", "warning", null, r);
        row.set(31, w);
        p.printRecord(escape(row));
      }
      List<String> provenance = base("provenance", "provenance", null, r);
      provenance.set(31, a.provenance().line());
      p.printRecord(escape(provenance));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  // ------------------------------------------------ trim-and-fill and influence diagnostics

  /** "trim_and_fill": k0, its SE, the side, the filled studies and the refitted pooled result. */
  private static void trimFillJson(ObjectNode root, MetaSynthesis a) {
    TrimAndFill t = a.trimFill();
    if (t == null) {
      return;
    }
    ObjectNode n = root.putObject("trim_and_fill");
    n.put("estimator", t.estimator().id());
    n.put("side", t.side().id());
    n.put("side_chosen", t.sideChosen());
    n.put("k0", t.k0());
    number(n, "k0_se", t.k0Se());
    number(n, "k0_p_value", t.k0Pvalue());
    n.put("iterations", t.iterations());
    ArrayNode filled = n.putArray("filled");
    MetaResult r = a.result();
    for (TrimAndFill.Filled f : t.filled()) {
      ObjectNode s = filled.addObject();
      s.put("study", f.study());
      s.put("mirrors", f.mirrorOf());
      s.put("yi", f.yi());
      s.put("vi", f.vi());
      number(s, "estimate", r.options().toReportScale(f.yi()));
    }
    MetaResult fit = t.result();
    ObjectNode pooled = n.putObject("pooled");
    pooled.put("k", fit.k());
    number(pooled, "mu", fit.mu());
    number(pooled, "se", fit.se());
    number(pooled, "estimate", fit.estimate());
    number(pooled, "lower", fit.lower());
    number(pooled, "upper", fit.upper());
    number(pooled, "p_value", fit.pvalue());
    number(pooled, "tau2", fit.tau2());
    number(pooled, "i2", fit.i2());
    number(pooled, "q", fit.q());
    pooled.put("q_df", fit.qDf());
  }

  /** "influence": one object per study with metafor's influence() columns and Baujat x, y. */
  private static void influenceJson(ObjectNode root, MetaSynthesis a) {
    Influence inf = a.influence();
    if (inf == null) {
      return;
    }
    ArrayNode rows = root.putArray("influence");
    for (Influence.Study s : inf.studies()) {
      ObjectNode n = rows.addObject();
      n.put("study", s.study());
      number(n, "rstudent", s.rstudent());
      number(n, "dffits", s.dffits());
      number(n, "cook_d", s.cooksDistance());
      number(n, "cov_r", s.covRatio());
      number(n, "tau2_del", s.tau2Deleted());
      number(n, "qe_del", s.qDeleted());
      number(n, "hat", s.hat());
      number(n, "weight", s.weight());
      number(n, "dfbetas", s.dfbetas());
      n.put("influential", s.influential());
      number(n, "baujat_x", s.baujatX());
      number(n, "baujat_y", s.baujatY());
    }
  }

  /** {@code trimfill_filled} rows (one per filled study) and a {@code trimfill} pooled row. */
  private static void trimFillCsv(CSVPrinter p, MetaSynthesis a) throws IOException {
    TrimAndFill t = a.trimFill();
    if (t == null) {
      return;
    }
    MetaResult r = a.result();
    double z = org.trialstats.stats.ConfidenceLevel.z(r.level());
    for (TrimAndFill.Filled f : t.filled()) {
      List<String> row = base("trimfill_filled", f.study(), null, r);
      row.set(12, Numbers.full(f.yi()));
      row.set(13, Numbers.full(f.vi()));
      row.set(14, Numbers.full(r.options().toReportScale(f.yi())));
      row.set(15, Numbers.full(r.options().toReportScale(f.yi() - z * f.se())));
      row.set(16, Numbers.full(r.options().toReportScale(f.yi() + z * f.se())));
      row.set(31, "mirrors " + f.mirrorOf());
      p.printRecord(escape(row));
    }
    List<String> row = pooled("trimfill", "pooled with filled studies", null, t.result());
    row.set(3, r.measure().id());
    row.set(31, trimFillSummary(t));
    p.printRecord(escape(row));
  }

  /** {@code influence} rows, one per study, in the influence columns (weight in weight). */
  private static void influenceCsv(CSVPrinter p, MetaSynthesis a) throws IOException {
    Influence inf = a.influence();
    if (inf == null) {
      return;
    }
    int first = CSV_COLUMNS.indexOf("rstudent");
    for (Influence.Study s : inf.studies()) {
      List<String> row = base("influence", s.study(), null, a.result());
      row.set(17, Numbers.full(s.weight()));
      double[] values = {
        s.rstudent(),
        s.dffits(),
        s.cooksDistance(),
        s.covRatio(),
        s.tau2Deleted(),
        s.qDeleted(),
        s.hat(),
        s.dfbetas()
      };
      for (int i = 0; i < values.length; i++) {
        row.set(first + i, Numbers.full(values[i]));
      }
      row.set(first + 8, Boolean.toString(s.influential()));
      row.set(first + 9, Numbers.full(s.baujatX()));
      row.set(first + 10, Numbers.full(s.baujatY()));
      p.printRecord(escape(row));
    }
  }

  /** "k0 = 3 (SE 2.72), L0 estimator, left side (chosen from the data)". */
  private static String trimFillSummary(TrimAndFill t) {
    return "k0 = "
        + t.k0()
        + " (SE "
        + sig(t.k0Se())
        + (Double.isNaN(t.k0Pvalue()) ? "" : ", p = " + Numbers.pValue(t.k0Pvalue()))
        + "), "
        + t.estimator().label()
        + " estimator, "
        + t.side().id()
        + " side"
        + (t.sideChosen() ? " (chosen from the data)" : "");
  }

  private static void trimFillText(StringBuilder b, MetaSynthesis a) {
    TrimAndFill t = a.trimFill();
    if (t == null) {
      return;
    }
    MetaResult r = a.result();
    b.append('\n').append("Trim-and-fill: estimated missing studies ").append(trimFillSummary(t));
    b.append('\n');
    String effect = ForestPlot.effectName(r);
    if (!t.filled().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"Filled study", "Mirrors", effect, "SE (analysis scale)"});
      for (TrimAndFill.Filled f : t.filled()) {
        rows.add(
            new String[] {
              f.study(), f.mirrorOf(), sig(r.options().toReportScale(f.yi())), sig(f.se())
            });
      }
      b.append(columns(rows));
    }
    MetaResult fit = t.result();
    b.append(
        String.format(
            Locale.ROOT,
            "With filled studies (k = %d): %s %s %s, p = %s%s%n",
            fit.k(),
            effect,
            sig(fit.estimate()),
            "[" + sig(fit.lower()) + ", " + sig(fit.upper()) + "]",
            Numbers.pValue(fit.pvalue()),
            fit.model() == MetaModel.RANDOM ? ", tau^2 = " + sig(fit.tau2()) : ""));
  }

  private static void influenceText(StringBuilder b, MetaSynthesis a) {
    Influence inf = a.influence();
    if (inf == null) {
      return;
    }
    b.append('\n').append("Influence diagnostics (* influential by metafor's rule)\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "Study",
          "rstudent",
          "dffits",
          "cook.d",
          "cov.r",
          "tau2.del",
          "QE.del",
          "hat",
          "weight",
          "dfbetas",
          "inf"
        });
    for (Influence.Study s : inf.studies()) {
      rows.add(
          new String[] {
            s.study(),
            Numbers.fixed(s.rstudent(), 4),
            Numbers.fixed(s.dffits(), 4),
            Numbers.fixed(s.cooksDistance(), 4),
            Numbers.fixed(s.covRatio(), 4),
            sig(s.tau2Deleted()),
            Numbers.fixed(s.qDeleted(), 4),
            Numbers.fixed(s.hat(), 4),
            Numbers.fixed(s.weight(), 2) + "%",
            Numbers.fixed(s.dfbetas(), 4),
            s.influential() ? "*" : ""
          });
    }
    b.append(columns(rows));
  }

  private static List<String> base(String kind, String label, String subgroup, MetaResult r) {
    List<String> row = new ArrayList<>(CSV_COLUMNS.size());
    for (int i = 0; i < CSV_COLUMNS.size(); i++) {
      row.add("");
    }
    row.set(0, kind);
    row.set(1, label);
    row.set(2, subgroup == null ? "" : subgroup);
    row.set(3, r.measure().id());
    row.set(4, r.model().id());
    row.set(5, r.method());
    row.set(6, Boolean.toString(r.hksj()));
    return row;
  }

  private static void counts(List<String> row, StudyData d) {
    TwoByTwo t = d.table();
    if (t != null) {
      row.set(8, Long.toString(t.x1()));
      row.set(9, Long.toString(t.n1()));
      row.set(10, Long.toString(t.x2()));
      row.set(11, Long.toString(t.n2()));
    } else if (d.means() != null) {
      ContinuousArms m = d.means();
      row.set(9, Long.toString(m.n1()));
      row.set(11, Long.toString(m.n2()));
      row.set(33, Numbers.full(m.mean1()));
      row.set(34, Numbers.full(m.sd1()));
      row.set(35, Numbers.full(m.mean2()));
      row.set(36, Numbers.full(m.sd2()));
    } else if (d.rates() != null) {
      PersonTime p = d.rates();
      row.set(8, Long.toString(p.events1()));
      row.set(10, Long.toString(p.events2()));
      row.set(37, Numbers.full(p.time1()));
      row.set(38, Numbers.full(p.time2()));
    }
  }

  private static List<String> pooled(String kind, String label, String subgroup, MetaResult r) {
    List<String> row = base(kind, label, subgroup, r);
    row.set(7, Integer.toString(r.kTables()));
    row.set(32, Integer.toString(r.k()));
    if (r.model() == MetaModel.RANDOM) {
      row.set(39, r.options().prediction().id());
    }
    row.set(12, Numbers.full(r.mu()));
    row.set(13, Numbers.full(r.se() * r.se()));
    row.set(14, Numbers.full(r.estimate()));
    row.set(15, Numbers.full(r.lower()));
    row.set(16, Numbers.full(r.upper()));
    row.set(17, "100");
    row.set(18, Numbers.full(r.pvalue()));
    row.set(19, Numbers.full(r.tau2()));
    row.set(20, Numbers.full(r.tau2Lower()));
    row.set(21, Numbers.full(r.tau2Upper()));
    row.set(22, Numbers.full(r.i2()));
    row.set(23, Numbers.full(r.i2Lower()));
    row.set(24, Numbers.full(r.i2Upper()));
    row.set(25, Numbers.full(r.h2()));
    row.set(26, Numbers.full(r.q()));
    row.set(27, Integer.toString(r.qDf()));
    row.set(28, Numbers.full(r.qPvalue()));
    row.set(29, Numbers.full(r.piLower()));
    row.set(30, Numbers.full(r.piUpper()));
    return row;
  }

  private static List<String> escape(List<String> row) {
    List<String> out = new ArrayList<>(row.size());
    for (String s : row) {
      out.add(Escape.csvText(s));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ text

  /** A human-readable report (Locale.ROOT, 4 significant digits, p-values as reviewers print). */
  public static String text(MetaSynthesis a) {
    MetaResult r = a.result();
    StringBuilder b = new StringBuilder();
    b.append(title(r)).append('\n');
    b.append("Provenance: ").append(a.provenance().line()).append('\n');
    b.append('\n');
    String effect =
        r.options().ratioScale() && !r.measure().isRatio()
            ? "exp(yi)"
            : r.measure().id().toUpperCase(Locale.ROOT);
    String ci = ciLabel(r.level());
    List<String[]> table = new ArrayList<>();
    table.add(
        switch (r.measure().input()) {
          case TWO_BY_TWO ->
              new String[] {"Study", "Events/N (1)", "Events/N (2)", effect, ci, "Weight"};
          case MEANS ->
              new String[] {"Study", "Mean (SD), N (1)", "Mean (SD), N (2)", effect, ci, "Weight"};
          case PERSON_TIME ->
              new String[] {"Study", "Events/time (1)", "Events/time (2)", effect, ci, "Weight"};
          case EFFECT -> new String[] {"Study", "yi", "SE", effect, ci, "Weight"};
        });
    java.util.Map<StudyData, StudyEffect> effects = new java.util.IdentityHashMap<>();
    r.studies().forEach(e -> effects.put(e.data(), e));
    for (StudyData d : r.input()) {
      StudyEffect e = effects.get(d);
      if (e == null) {
        table.add(new String[] {d.study(), arm(d, 1), arm(d, 2), "no estimate", "", ""});
        continue;
      }
      boolean generic = d.input() == EffectMeasure.Input.EFFECT;
      table.add(
          new String[] {
            e.study() + (e.added() > 0 ? " *" : ""),
            generic ? sig(e.yi()) : arm(d, 1),
            generic ? sig(e.se()) : arm(d, 2),
            sig(e.estimate()),
            "[" + sig(e.lower()) + ", " + sig(e.upper()) + "]",
            Numbers.fixed(e.weight(), 1) + "%"
          });
    }
    table.add(
        new String[] {
          "Pooled (" + methodLabel(r) + ")",
          "",
          "",
          sig(r.estimate()),
          "[" + sig(r.lower()) + ", " + sig(r.upper()) + "]",
          "100.0%"
        });
    if (!Double.isNaN(r.piLower())) {
      table.add(
          new String[] {
            "Prediction interval",
            "",
            "",
            "",
            "[" + sig(r.piLower()) + ", " + sig(r.piUpper()) + "]",
            ""
          });
    }
    b.append(columns(table));
    if (r.studies().stream().anyMatch(e -> e.added() > 0)) {
      b.append(
          r.measure().input() == EffectMeasure.Input.PERSON_TIME
              ? "* 0.5 added to both event counts (an arm without events)\n"
              : "* 0.5 added to every cell (zero cell)\n");
    }
    if (!Double.isNaN(r.piLower())) {
      b.append("Prediction interval: ").append(r.options().prediction().formula()).append('\n');
    }
    if (r.measure() == EffectMeasure.SMD) {
      b.append("Hedges' g with the exact correction J; variance: ")
          .append(r.options().smdVariance().label())
          .append('\n');
    }
    b.append('\n');
    b.append(overallTest(r)).append('\n');
    b.append(heterogeneity(r)).append('\n');
    b.append("Zero cells: ").append(r.zeroCells()).append('\n');

    if (a.subgroups() != null) {
      b.append('\n').append("Subgroups\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"Subgroup", "k", effect, ci, "p", "tau^2", "I^2", "Q (df)"});
      for (SubgroupAnalysis.Subgroup g : a.subgroups().subgroups()) {
        MetaResult s = g.result();
        rows.add(
            new String[] {
              g.name(),
              Integer.toString(s.k()),
              sig(s.estimate()),
              "[" + sig(s.lower()) + ", " + sig(s.upper()) + "]",
              Numbers.pValue(s.pvalue()),
              s.model() == MetaModel.RANDOM ? sig(s.tau2()) : "",
              Double.isNaN(s.i2()) ? "NA" : Numbers.fixed(s.i2(), 1) + "%",
              Numbers.fixed(s.q(), 2) + " (" + s.qDf() + ")"
            });
      }
      b.append(columns(rows));
      SubgroupAnalysis sg = a.subgroups();
      b.append(
          String.format(
              Locale.ROOT,
              "Test for subgroup differences: Q = %s, df = %d, p = %s, I^2 = %s%n",
              Numbers.fixed(sg.qBetween(), 2),
              sg.dfBetween(),
              Numbers.pValue(sg.pBetween()),
              Double.isNaN(sg.i2Between()) ? "NA" : Numbers.fixed(sg.i2Between(), 1) + "%"));
    }
    if (a.leaveOneOut() != null) {
      b.append('\n').append("Leave-one-out\n");
      b.append(stepTable("Omitted", a.leaveOneOut(), effect, ci));
    }
    if (a.cumulative() != null) {
      b.append('\n').append("Cumulative (ordered by ").append(a.cumulativeBy()).append(")\n");
      b.append(stepTable("Added", a.cumulative(), effect, ci));
    }
    if (a.egger() != null) {
      EggerTest e = a.egger();
      b.append('\n')
          .append(
              String.format(
                  Locale.ROOT,
                  "Egger's regression test: intercept = %s (SE %s), t = %s, df = %d, p = %s%n",
                  sig(e.intercept()),
                  sig(e.interceptSe()),
                  Numbers.fixed(e.t(), 3),
                  e.df(),
                  Numbers.pValue(e.pvalue())));
    }
    if (a.begg() != null) {
      RankCorrelationTest t = a.begg();
      b.append('\n')
          .append(
              String.format(
                  Locale.ROOT,
                  "Begg's rank correlation test: Kendall's tau = %s, p = %s (%s, k = %d)%n",
                  Numbers.fixed(t.tau(), 4),
                  Numbers.pValue(t.pvalue()),
                  t.exact() ? "exact" : "normal approximation",
                  t.k()));
    }
    trimFillText(b, a);
    influenceText(b, a);
    if (a.moderation() != null) {
      b.append(MetaRegressionOutput.text(a.moderation(), r.level()));
    }
    List<String> warnings = a.warnings();
    if (!warnings.isEmpty()) {
      b.append('\n').append("Warnings\n");
      for (String w : warnings) {
        b.append("- ").append(w).append('\n');
      }
    }
    return b.toString();
  }

  /** One arm's input as shown in the text table: "12/150", "5.2 (1.3), 40" or "12/1520.5". */
  private static String arm(StudyData d, int arm) {
    if (d.table() != null) {
      TwoByTwo t = d.table();
      return arm == 1 ? t.x1() + "/" + t.n1() : t.x2() + "/" + t.n2();
    }
    if (d.means() != null) {
      ContinuousArms m = d.means();
      return arm == 1
          ? Numbers.plain(m.mean1()) + " (" + Numbers.plain(m.sd1()) + "), " + m.n1()
          : Numbers.plain(m.mean2()) + " (" + Numbers.plain(m.sd2()) + "), " + m.n2();
    }
    if (d.rates() != null) {
      PersonTime p = d.rates();
      return arm == 1
          ? p.events1() + "/" + Numbers.plain(p.time1())
          : p.events2() + "/" + Numbers.plain(p.time2());
    }
    return "";
  }

  private static String stepTable(
      String what, List<SensitivityStep> steps, String effect, String ci) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {what, "k", effect, ci, "p", "tau^2", "I^2"});
    for (SensitivityStep s : steps) {
      MetaResult r = s.result();
      rows.add(
          new String[] {
            s.study(),
            Integer.toString(r.k()),
            sig(r.estimate()),
            "[" + sig(r.lower()) + ", " + sig(r.upper()) + "]",
            Numbers.pValue(r.pvalue()),
            r.model() == MetaModel.RANDOM ? sig(r.tau2()) : "",
            Double.isNaN(r.i2()) ? "NA" : Numbers.fixed(r.i2(), 1) + "%"
          });
    }
    return columns(rows);
  }

  /** e.g. "Meta-analysis: risk ratio, random effects (REML), 13 studies". */
  static String title(MetaResult r) {
    return "Meta-analysis: "
        + r.measure().label().toLowerCase(Locale.ROOT)
        + ", "
        + (r.model() == MetaModel.FIXED ? "fixed effect" : "random effects")
        + " ("
        + methodLabel(r)
        + "), "
        + r.kTables()
        + (r.kTables() == 1 ? " study" : " studies")
        + (r.kTables() != r.k() ? " (k_yi = " + r.k() + " with a study estimate)" : "");
  }

  /** e.g. "Mantel-Haenszel", "REML, HKSJ". */
  public static String methodLabel(MetaResult r) {
    String label =
        r.model() == MetaModel.FIXED
            ? r.options().fixedMethod().label()
            : r.options().tau2Estimator().label();
    return r.hksj() ? label + ", HKSJ" : label;
  }

  /** e.g. "95% CI". */
  public static String ciLabel(double level) {
    return new java.math.BigDecimal(Double.toString(100 * level))
            .round(new java.math.MathContext(10))
            .stripTrailingZeros()
            .toPlainString()
        + "% CI";
  }

  /** "Test for overall effect: z = -3.97 (p = 7.05e-05)". */
  public static String overallTest(MetaResult r) {
    String stat =
        Double.isNaN(r.statisticDf())
            ? "z = " + Numbers.fixed(r.statistic(), 2)
            : "t(" + (long) r.statisticDf() + ") = " + Numbers.fixed(r.statistic(), 2);
    return "Test for overall effect: " + stat + " (p " + pWithRelation(r.pvalue()) + ")";
  }

  /** The heterogeneity line: tau^2 (random), Q, df, p, I^2 (with intervals when available). */
  public static String heterogeneity(MetaResult r) {
    if (r.k() < 2) {
      return "Heterogeneity: not applicable (one study)";
    }
    StringBuilder b = new StringBuilder("Heterogeneity: ");
    if (r.model() == MetaModel.RANDOM) {
      b.append("tau^2 = ").append(sig(r.tau2()));
      if (!Double.isNaN(r.tau2Lower())) {
        b.append(" [")
            .append(sig(r.tau2Lower()))
            .append(", ")
            .append(sig(r.tau2Upper()))
            .append("]");
      }
      b.append("; ");
    }
    b.append("Q = ")
        .append(Numbers.fixed(r.q(), 2))
        .append(", df = ")
        .append(r.qDf())
        .append(" (p ")
        .append(pWithRelation(r.qPvalue()))
        .append("); I^2 = ")
        .append(Numbers.fixed(r.i2(), 1))
        .append('%');
    if (!Double.isNaN(r.i2Lower())) {
      b.append(" [")
          .append(Numbers.fixed(r.i2Lower(), 1))
          .append("%, ")
          .append(Numbers.fixed(r.i2Upper(), 1))
          .append("%]");
    }
    b.append("; H^2 = ").append(Numbers.fixed(r.h2(), 2));
    return b.toString();
  }

  /** "= 0.0123" or "< 0.0001" style as used in forest plots. */
  public static String pWithRelation(double p) {
    if (Double.isNaN(p)) {
      return "= NA";
    }
    if (p < 1e-4) {
      return "< 0.0001";
    }
    return "= " + Numbers.pValue(p);
  }

  private static String sig(double x) {
    return Numbers.significant(x, 4);
  }

  static String columns(List<String[]> rows) {
    int n = rows.get(0).length;
    int[] width = new int[n];
    for (String[] r : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        String cell = r[i];
        int pad = width[i] - cell.codePointCount(0, cell.length());
        if (i == 0) {
          line.append(cell).append(" ".repeat(pad));
        } else {
          line.append("  ").append(" ".repeat(pad)).append(cell);
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
