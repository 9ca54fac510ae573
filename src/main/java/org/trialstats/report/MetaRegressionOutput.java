package org.trialstats.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstats.analysis.MetaModeration;
import org.trialstats.io.Json;
import org.trialstats.io.Numbers;
import org.trialstats.meta.MetaRegression;
import org.trialstats.meta.MixedEggerTest;
import org.trialstats.meta.RegressionCoefficient;
import org.trialstats.meta.Tau2Interval;

/**
 * Text, JSON and CSV renderings of the moderator analyses of a meta-analysis ({@link
 * MetaModeration}): the meta-regression coefficient table, the omnibus test of moderators QM, the
 * residual heterogeneity QE, tau^2 with its interval, I^2, H^2 and R^2; a tau^2 interval of another
 * kind; Egger's test as metafor's {@code regtest(model = "rma")}. Coefficients are on the analysis
 * scale (log scale for ratio measures), as metafor prints them.
 */
public final class MetaRegressionOutput {
  private MetaRegressionOutput() {}

  private static String sig(double x) {
    return Numbers.significant(x, 4);
  }

  private static String interval(Tau2Interval t) {
    return "[" + sig(t.lower()) + ", " + sig(t.upper()) + "] (" + t.label() + ")";
  }

  /**
   * The text block.
   *
   * @param m the analyses
   * @param level the confidence level
   * @return lines ending in a newline, starting with an empty line
   */
  public static String text(MetaModeration m, double level) {
    StringBuilder b = new StringBuilder();
    MetaRegression r = m.regression();
    if (r != null) {
      boolean kh = r.settings().knappHartung();
      b.append('\n')
          .append(
              String.format(
                  Locale.ROOT,
                  "Meta-regression (%s, %s%s; moderators: %s; k = %d; analysis scale)%n",
                  r.settings().estimator() == null ? "fixed effect" : "mixed effects",
                  r.settings().label(),
                  kh ? ", Knapp-Hartung" : "",
                  String.join(", ", m.moderators()),
                  r.k()));
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "Coefficient", "Estimate", "SE", kh ? "t" : "z", "p", MetaOutput.ciLabel(level)
          });
      for (RegressionCoefficient c : r.coefficients()) {
        rows.add(
            new String[] {
              c.name(),
              sig(c.estimate()),
              sig(c.se()),
              Numbers.fixed(c.statistic(), 3),
              Numbers.pValue(c.pvalue()),
              "[" + sig(c.lower()) + ", " + sig(c.upper()) + "]"
            });
      }
      b.append(MetaOutput.columns(rows));
      if (r.qmDf() > 0) {
        b.append(
            kh
                ? String.format(
                    Locale.ROOT,
                    "Test of moderators: F(%d, %d) = %s, p = %s%n",
                    r.qmDf(),
                    r.qeDf(),
                    Numbers.fixed(r.qm(), 3),
                    Numbers.pValue(r.qmPvalue()))
                : String.format(
                    Locale.ROOT,
                    "Test of moderators: QM = %s, df = %d, p = %s%n",
                    Numbers.fixed(r.qm(), 3),
                    r.qmDf(),
                    Numbers.pValue(r.qmPvalue())));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "Residual heterogeneity: QE = %s, df = %d, p = %s%n",
              Numbers.fixed(r.qe(), 3),
              r.qeDf(),
              Numbers.pValue(r.qePvalue())));
      b.append("Residual tau^2 = ").append(sig(r.tau2()));
      if (m.regressionTau2() != null) {
        b.append(' ').append(interval(m.regressionTau2()));
      }
      b.append(", I^2 = ").append(Numbers.fixed(r.i2(), 1)).append("%, H^2 = ").append(sig(r.h2()));
      if (!Double.isNaN(r.r2())) {
        b.append(", R^2 = ").append(Numbers.fixed(r.r2(), 1)).append('%');
      }
      b.append('\n');
    }
    if (m.tau2Interval() != null) {
      b.append('\n').append("tau^2 ").append(interval(m.tau2Interval())).append('\n');
    }
    MixedEggerTest e = m.eggerRma();
    if (e != null) {
      b.append('\n')
          .append(
              String.format(
                  Locale.ROOT,
                  "Egger's test (metafor regtest, model rma, %s, predictor se): %s = %s,%s p = %s;"
                      + " limit estimate %s %s [%s, %s]%n",
                  e.method(),
                  Double.isNaN(e.df()) ? "z" : "t",
                  Numbers.fixed(e.statistic(), 3),
                  Double.isNaN(e.df()) ? "" : " df = " + (long) e.df() + ",",
                  Numbers.pValue(e.pvalue()),
                  sig(e.limitEstimate()),
                  MetaOutput.ciLabel(level),
                  sig(e.limitLower()),
                  sig(e.limitUpper())));
    }
    return b.toString();
  }

  private static void number(ObjectNode node, String field, double value) {
    node.putPOJO(field, Json.number(value));
  }

  private static void interval(ObjectNode parent, String field, Tau2Interval t) {
    if (t == null) {
      return;
    }
    ObjectNode n = parent.putObject(field);
    n.put("method", t.method().id());
    if (t.weights() != null) {
      n.put("weights", t.weights().id());
    }
    number(n, "lower", t.lower());
    number(n, "upper", t.upper());
    n.put("converged", t.converged());
  }

  /**
   * Adds the JSON fields {@code meta_regression}, {@code tau2_interval} and {@code egger_rma}.
   *
   * @param root the document of the meta-analysis
   * @param m the analyses
   */
  public static void json(ObjectNode root, MetaModeration m) {
    MetaRegression r = m.regression();
    if (r != null) {
      ObjectNode n = root.putObject("meta_regression");
      ArrayNode mods = n.putArray("moderators");
      m.moderators().forEach(mods::add);
      n.put("model", r.settings().model().id());
      n.put("method", r.settings().label().toLowerCase(Locale.ROOT));
      n.put("knapp_hartung", r.settings().knappHartung());
      n.put("k", r.k());
      n.put("p", r.design().p());
      ArrayNode studies = n.putArray("studies");
      m.studies().forEach(studies::add);
      ArrayNode coefficients = n.putArray("coefficients");
      for (RegressionCoefficient c : r.coefficients()) {
        ObjectNode o = coefficients.addObject();
        o.put("name", c.name());
        number(o, "estimate", c.estimate());
        number(o, "se", c.se());
        number(o, "statistic", c.statistic());
        number(o, "pvalue", c.pvalue());
        number(o, "lower", c.lower());
        number(o, "upper", c.upper());
      }
      number(n, "statistic_df", r.testDf());
      number(n, "qm", r.qm());
      n.put("qm_df", r.qmDf());
      number(n, "qm_df2", r.settings().knappHartung() ? r.qeDf() : Double.NaN);
      number(n, "qm_pvalue", r.qmPvalue());
      number(n, "qe", r.qe());
      n.put("qe_df", r.qeDf());
      number(n, "qe_pvalue", r.qePvalue());
      number(n, "tau2", r.tau2());
      interval(n, "tau2_interval", m.regressionTau2());
      number(n, "i2", r.i2());
      number(n, "h2", r.h2());
      number(n, "r2", r.r2());
      n.put("converged", r.converged());
    }
    interval(root, "tau2_interval", m.tau2Interval());
    MixedEggerTest e = m.eggerRma();
    if (e != null) {
      ObjectNode n = root.putObject("egger_rma");
      n.put("k", e.k());
      n.put("method", e.method().toLowerCase(Locale.ROOT));
      number(n, "slope", e.slope());
      number(n, "slope_se", e.slopeSe());
      number(n, "statistic", e.statistic());
      number(n, "df", e.df());
      number(n, "pvalue", e.pvalue());
      number(n, "limit_estimate", e.limitEstimate());
      number(n, "limit_lower", e.limitLower());
      number(n, "limit_upper", e.limitUpper());
    }
  }

  /**
   * The CSV rows (in the meta-analysis table's columns): one {@code regression_coefficient} row per
   * coefficient (estimate, lower, upper, pvalue; se and statistic in the note), a {@code
   * regression_moderators} row (QM in the note, its p-value), a {@code regression_residual} row
   * (tau2 and its interval, i2, h2, q = QE, q_df, q_pvalue; R^2 in the note), a {@code
   * tau2_interval} row and an {@code egger_rma} row.
   *
   * @param m the analyses
   * @param base makes an empty row of the given kind and label
   * @return the rows
   */
  static List<List<String>> csv(
      MetaModeration m, java.util.function.BiFunction<String, String, List<String>> base) {
    List<List<String>> out = new ArrayList<>();
    MetaRegression r = m.regression();
    if (r != null) {
      for (RegressionCoefficient c : r.coefficients()) {
        List<String> row = base.apply("regression_coefficient", c.name());
        row.set(7, Integer.toString(r.k()));
        row.set(14, Numbers.full(c.estimate()));
        row.set(15, Numbers.full(c.lower()));
        row.set(16, Numbers.full(c.upper()));
        row.set(18, Numbers.full(c.pvalue()));
        row.set(
            31,
            "se "
                + Numbers.full(c.se())
                + ", "
                + (r.settings().knappHartung() ? "t" : "z")
                + " = "
                + Numbers.full(c.statistic())
                + (r.settings().knappHartung() ? " on " + r.qeDf() + " df" : ""));
        out.add(row);
      }
      if (r.qmDf() > 0) {
        List<String> row = base.apply("regression_moderators", String.join(" + ", m.moderators()));
        row.set(18, Numbers.full(r.qmPvalue()));
        row.set(
            31,
            r.settings().knappHartung()
                ? "F = " + Numbers.full(r.qm()) + " on " + r.qmDf() + " and " + r.qeDf() + " df"
                : "QM = " + Numbers.full(r.qm()) + " on " + r.qmDf() + " df");
        out.add(row);
      }
      List<String> row = base.apply("regression_residual", "residual heterogeneity");
      row.set(7, Integer.toString(r.k()));
      row.set(19, Numbers.full(r.tau2()));
      if (m.regressionTau2() != null) {
        row.set(20, Numbers.full(m.regressionTau2().lower()));
        row.set(21, Numbers.full(m.regressionTau2().upper()));
      }
      row.set(22, Numbers.full(r.i2()));
      row.set(25, Numbers.full(r.h2()));
      row.set(26, Numbers.full(r.qe()));
      row.set(27, Integer.toString(r.qeDf()));
      row.set(28, Numbers.full(r.qePvalue()));
      row.set(31, Double.isNaN(r.r2()) ? "" : "R^2 = " + Numbers.full(r.r2()) + "%");
      out.add(row);
    }
    if (m.tau2Interval() != null) {
      List<String> row = base.apply("tau2_interval", m.tau2Interval().label());
      row.set(20, Numbers.full(m.tau2Interval().lower()));
      row.set(21, Numbers.full(m.tau2Interval().upper()));
      out.add(row);
    }
    MixedEggerTest e = m.eggerRma();
    if (e != null) {
      List<String> row = base.apply("egger_rma", "Egger's test (rma)");
      row.set(7, Integer.toString(e.k()));
      row.set(14, Numbers.full(e.limitEstimate()));
      row.set(15, Numbers.full(e.limitLower()));
      row.set(16, Numbers.full(e.limitUpper()));
      row.set(18, Numbers.full(e.pvalue()));
      row.set(
          31,
          "slope on se "
              + Numbers.full(e.slope())
              + ", "
              + (Double.isNaN(e.df()) ? "z" : "t")
              + " = "
              + Numbers.full(e.statistic())
              + "; estimate/lower/upper: limit estimate as se -> 0 (analysis scale)");
      out.add(row);
    }
    return out;
  }
}
