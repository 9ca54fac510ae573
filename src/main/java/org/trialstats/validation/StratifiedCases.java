package org.trialstats.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTest;

/**
 * Validation cases of the stratified methods, from {@code stratified/}: the published examples
 * (PROC FREQ's migraine example, Agresti's Chinese smoking data; half a unit of the last printed
 * digit), R mantelhaen.test and epiR, statsmodels' Breslow-Day, and the 40-digit mpmath values
 * (1e-9 relative); see the README there.
 */
public final class StratifiedCases {
  /** Name of the suite of generated stratified references. */
  public static final String SUITE =
      "stratified references (R, epiR, statsmodels, mpmath; scripts shipped)";

  /** Relative tolerance of the generated stratified references. */
  static final double TOLERANCE = 1e-9;

  private static final String DIR = "stratified/";

  private StratifiedCases() {}

  /** Every stratified case: published examples and generated references. */
  static List<ValidationCase> all() {
    List<ValidationCase> cases = new ArrayList<>();
    for (Map<String, String> row :
        ValidationSuite.readCsv(DIR + "published_stratified_examples.csv")) {
      cases.add(
          quantityCase(
              ValidationSuite.PUBLISHED_SUITE,
              row,
              row.get("quantity"),
              row.get("value"),
              Double.parseDouble(row.get("tolerance")),
              false,
              row.get("source")));
    }
    for (Map<String, String> row : ValidationSuite.readCsv(DIR + "stratified_r.csv")) {
      cases.add(
          quantityCase(
              SUITE,
              row,
              row.get("quantity"),
              row.get("value"),
              TOLERANCE,
              true,
              "R 4.2 mantelhaen.test / epiR 2.0 epi.2by2 (stratified_r.R)"));
    }
    for (Map<String, String> row : ValidationSuite.readCsv(DIR + "breslow_day_statsmodels.csv")) {
      String source = "statsmodels 0.13.5 StratifiedTable.test_equal_odds";
      cases.add(
          quantityCase(SUITE, row, "breslow_day", row.get("statistic"), TOLERANCE, true, source));
      cases.add(
          quantityCase(SUITE, row, "breslow_day_p", row.get("p_value"), TOLERANCE, true, source));
      cases.add(
          quantityCase(
              SUITE,
              row,
              "breslow_day_tarone",
              row.get("tarone_statistic"),
              TOLERANCE,
              true,
              source));
      cases.add(
          quantityCase(
              SUITE,
              row,
              "breslow_day_tarone_p",
              row.get("tarone_p_value"),
              TOLERANCE,
              true,
              source));
    }
    for (Map<String, String> row : ValidationSuite.readCsv(DIR + "stratified_mpmath.csv")) {
      String id = row.get("case") + " " + row.get("level");
      String method = "stratified " + row.get("measure") + " " + row.get("method");
      Estimate e = null;
      String error = "";
      try {
        e =
            StratifiedMethod.find(Measure.fromId(row.get("measure")), row.get("method"))
                .interval(
                    StratifiedTables.parse(row.get("strata")),
                    Double.parseDouble(row.get("level")));
      } catch (StatsException ex) {
        error = ex.getMessage();
      }
      String[] quantities = {"estimate", "lower", "upper"};
      for (String q : quantities) {
        double actual =
            e == null
                ? Double.NaN
                : q.equals("estimate") ? e.estimate() : q.equals("lower") ? e.lower() : e.upper();
        cases.add(
            new ValidationCase(
                SUITE,
                id,
                method,
                q,
                ValidationSuite.number(row.get(q)),
                actual,
                TOLERANCE,
                true,
                "40-digit mpmath (stratified_mpmath.py)",
                error));
      }
    }
    return cases;
  }

  private static ValidationCase quantityCase(
      String suite,
      Map<String, String> row,
      String quantity,
      String expected,
      double tolerance,
      boolean relative,
      String source) {
    String id =
        row.getOrDefault("id", row.getOrDefault("case", "")) + " " + row.getOrDefault("level", "");
    double actual = Double.NaN;
    String error = "";
    try {
      actual =
          quantity(
              StratifiedTables.parse(row.get("strata")),
              Double.parseDouble(row.getOrDefault("level", "0.95")),
              quantity);
    } catch (StatsException ex) {
      error = ex.getMessage();
    }
    return new ValidationCase(
        suite,
        id.strip(),
        "stratified " + methodOf(quantity),
        quantity,
        ValidationSuite.number(expected),
        actual,
        tolerance,
        relative,
        source,
        error,
        relative ? ValidationCase.STRICT_FLOOR : ValidationCase.DEFAULT_FLOOR);
  }

  private static String methodOf(String quantity) {
    return switch (quantity) {
      case "cmh", "cmh_p" -> "test cmh";
      case "cmh_cc", "cmh_cc_p" -> "test cmh-cc";
      case "breslow_day", "breslow_day_p" -> "test breslow-day";
      case "breslow_day_tarone", "breslow_day_tarone_p" -> "test breslow-day-tarone";
      case "rd_mh_gr_lower", "rd_mh_gr_upper" -> "rd mh-gr";
      default -> quantity.substring(0, 2) + " mh";
    };
  }

  /**
   * One named quantity of the stratified methods: {@code cmh, cmh_p, cmh_cc, cmh_cc_p,
   * breslow_day(_tarone)(_p), or_mh(_lower|_upper), rr_mh(...), rd_mh(...), rd_mh_gr_lower,
   * rd_mh_gr_upper}.
   *
   * @param tables the strata
   * @param level confidence level
   * @param quantity the quantity's name
   * @return its value
   * @throws StatsException when the method does not apply
   */
  public static double quantity(StratifiedTables tables, double level, String quantity) {
    return switch (quantity) {
      case "cmh" -> StratifiedTest.CMH.test(tables).statistic();
      case "cmh_p" -> StratifiedTest.CMH.test(tables).pValue();
      case "cmh_cc" -> StratifiedTest.CMH_CC.test(tables).statistic();
      case "cmh_cc_p" -> StratifiedTest.CMH_CC.test(tables).pValue();
      case "breslow_day" -> StratifiedTest.BRESLOW_DAY.test(tables).statistic();
      case "breslow_day_p" -> StratifiedTest.BRESLOW_DAY.test(tables).pValue();
      case "breslow_day_tarone" -> StratifiedTest.BRESLOW_DAY_TARONE.test(tables).statistic();
      case "breslow_day_tarone_p" -> StratifiedTest.BRESLOW_DAY_TARONE.test(tables).pValue();
      default -> {
        String[] parts = quantity.split("_");
        boolean greenland = quantity.startsWith("rd_mh_gr");
        StratifiedMethod method =
            StratifiedMethod.find(Measure.fromId(parts[0]), greenland ? "mh-gr" : "mh");
        Estimate e = method.interval(tables, level);
        yield quantity.endsWith("_lower")
            ? e.lower()
            : quantity.endsWith("_upper") ? e.upper() : e.estimate();
      }
    };
  }
}
