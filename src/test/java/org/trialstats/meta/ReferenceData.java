package org.trialstats.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Test helper: reads CSV resources (reference values and study data) from the classpath. */
final class ReferenceData {
  private ReferenceData() {}

  static List<Map<String, String>> csv(String resource) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        rows.add(r.toMap());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses R's output: "NA" and "" are NaN, "Inf" infinity. */
  static double number(String s) {
    if (s == null || s.isEmpty() || s.equals("NA")) {
      return Double.NaN;
    }
    if (s.equals("Inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (s.equals("-Inf")) {
      return Double.NEGATIVE_INFINITY;
    }
    return Double.parseDouble(s);
  }

  /**
   * Studies in the meta input format: study, [subgroup,] events1, n1, events2, n2; mean1, sd1, n1,
   * mean2, sd2, n2; events1, time1, events2, time2; or yi, vi. Rows with an NA cell are left out,
   * as metafor's default {@code na.action} does (the CLI reader does the same with a warning; this
   * helper feeds the math directly).
   */
  static List<StudyData> studies(String resource) {
    List<StudyData> out = new ArrayList<>();
    for (Map<String, String> r : csv(resource)) {
      String subgroup = r.get("subgroup");
      if (r.containsValue("NA")) {
        continue;
      }
      if (r.containsKey("mean1")) {
        out.add(
            StudyData.means(
                r.get("study"),
                subgroup,
                new ContinuousArms(
                    number(r.get("mean1")),
                    number(r.get("sd1")),
                    Long.parseLong(r.get("n1")),
                    number(r.get("mean2")),
                    number(r.get("sd2")),
                    Long.parseLong(r.get("n2")))));
      } else if (r.containsKey("time1")) {
        out.add(
            StudyData.personTime(
                r.get("study"),
                subgroup,
                new PersonTime(
                    Long.parseLong(r.get("events1")),
                    number(r.get("time1")),
                    Long.parseLong(r.get("events2")),
                    number(r.get("time2")))));
      } else if (r.containsKey("events1")) {
        out.add(
            StudyData.counts(
                r.get("study"),
                subgroup,
                Long.parseLong(r.get("events1")),
                Long.parseLong(r.get("n1")),
                Long.parseLong(r.get("events2")),
                Long.parseLong(r.get("n2"))));
      } else {
        double vi = r.containsKey("vi") ? number(r.get("vi")) : square(number(r.get("sei")));
        out.add(StudyData.generic(r.get("study"), subgroup, number(r.get("yi")), vi));
      }
    }
    return out;
  }

  private static double square(double x) {
    return x * x;
  }

  /** Options from the reference columns measure, model, method, hksj. */
  static MetaOptions options(Map<String, String> row) {
    EffectMeasure measure = EffectMeasure.fromId(row.get("measure"));
    MetaModel model = MetaModel.fromId(row.get("model"));
    String method = row.get("method");
    MetaOptions o =
        model == MetaModel.FIXED
            ? MetaOptions.fixed(measure, FixedMethod.fromId(method))
            : MetaOptions.random(measure, Tau2Estimator.fromId(method));
    o = o.withHksj(Boolean.parseBoolean(row.getOrDefault("hksj", "FALSE").toLowerCase()));
    String smd = row.getOrDefault("smd_variance", "");
    return smd.isEmpty() ? o : o.withSmdVariance(SmdVariance.fromId(smd));
  }
}
