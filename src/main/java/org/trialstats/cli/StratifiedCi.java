package org.trialstats.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstats.analysis.StratifiedMethodsResult;
import org.trialstats.report.StratifiedOutput;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTest;

/**
 * {@code ci MEASURE --strata x1/n1:x2/n2,...}: parses the strata and method ids, computes them
 * ({@link StratifiedMethodsResult}) and renders them ({@link StratifiedOutput}).
 */
final class StratifiedCi {
  private StratifiedCi() {}

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
   * Computes the request and renders it in {@code format}.
   *
   * @return the output text, and whether every method failed
   */
  static Map.Entry<String, Boolean> run(
      Measure measure, StratifiedTables tables, List<String> ids, double level, String format) {
    StratifiedMethodsResult result = StratifiedMethodsResult.compute(measure, tables, ids, level);
    String text =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "text" -> StratifiedOutput.text(result);
          case "csv" -> StratifiedOutput.csv(result);
          case "json" -> StratifiedOutput.json(result);
          default ->
              throw new UserError("--format must be text, csv or json, got '" + format + "'");
        };
    return Map.entry(text, result.allFailed());
  }
}
