package org.trialstats.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.FTestResult;
import org.trialstats.stats.OneWayAnova;
import org.trialstats.stats.StatsException;
import org.trialstats.testing.ReferenceCsv;

/** LinearModel, DoseResponse and OneWayAnova against SAS's published example and R. */
class LinearModelTest {
  private static final String FIXTURES = "/org/trialstats/linear/fixtures/";

  /** Relative agreement with R's lm/drop1/emmeans (both QR in double precision). */
  private static final double REL = 1e-9;

  private static final Map<String, Double> R = new HashMap<>();

  static {
    for (Map<String, String> r : ReferenceCsv.read(FIXTURES + "linear_models.csv")) {
      R.put(
          r.get("dataset") + "|" + r.get("quantity") + "|" + r.get("label"),
          Double.parseDouble(r.get("value")));
    }
  }

  private static double r(String dataset, String quantity, String label) {
    Double v = R.get(dataset + "|" + quantity + "|" + label);
    assertThat(v).as("fixture %s %s %s", dataset, quantity, label).isNotNull();
    return v;
  }

  private static void close(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(REL * Math.max(1, Math.abs(expected))));
  }

  private static LinearModel drugModel(Coding coding) {
    List<Map<String, String>> rows = ReferenceCsv.read(FIXTURES + "drug_data.csv");
    double[] post = rows.stream().mapToDouble(m -> Double.parseDouble(m.get("post"))).toArray();
    double[] pre = rows.stream().mapToDouble(m -> Double.parseDouble(m.get("pre"))).toArray();
    String[] drug = rows.stream().map(m -> m.get("drug")).toArray(String[]::new);
    return LinearModel.fit(
        post,
        List.of(Factor.of("drug", drug, List.of("A", "D", "F")), new Covariate("pre", pre)),
        coding);
  }

  @Test
  void sasAnalysisOfCovarianceExample() {
    // SAS/STAT User's Guide, PROC GLM "Analysis of Covariance" example (Snedecor & Cochran 1967
    // data): Type III SS Drug 68.5537106 (F 2.14, Pr > F 0.1384), PreTreatment 577.8974030
    // (F 36.01); LSMEANS PostTreatment A 6.7149635, D 6.8239348, F 10.1611017.
    LinearModel fit = drugModel(Coding.REFERENCE);
    List<TypeIIITest> t3 = fit.typeIII();
    assertThat(t3.get(0).sumOfSquares()).isCloseTo(68.5537106, within(5e-8));
    assertThat(t3.get(0).f()).isCloseTo(2.14, within(0.005));
    assertThat(t3.get(0).pValue()).isCloseTo(0.1384, within(5e-5));
    assertThat(t3.get(1).sumOfSquares()).isCloseTo(577.8974030, within(5e-8));
    assertThat(t3.get(1).f()).isCloseTo(36.01, within(0.005));
    List<LeastSquaresMean> means = fit.leastSquaresMeans("drug", 0.95);
    assertThat(means).extracting(LeastSquaresMean::level).containsExactly("A", "D", "F");
    assertThat(means.get(0).estimate()).isCloseTo(6.7149635, within(5e-8));
    assertThat(means.get(1).estimate()).isCloseTo(6.8239348, within(5e-8));
    assertThat(means.get(2).estimate()).isCloseTo(10.1611017, within(5e-8));
  }

  @Test
  void drugModelMatchesR() {
    for (Coding coding : Coding.values()) {
      checkAgainstR(
          "drug",
          drugModel(coding),
          "drug",
          List.of(new String[] {"D", "A"}, new String[] {"F", "A"}, new String[] {"F", "D"}));
    }
    // Reference coding gives R's coefficients (contr.treatment).
    LinearModel fit = drugModel(Coding.REFERENCE);
    for (Coefficient c : fit.coefficients()) {
      String label = c.name().replace("[", "").replace("]", "");
      close(c.estimate(), r("drug", "coef", label), "coef " + label);
      close(c.standardError(), r("drug", "coef_se", label), "se " + label);
    }
  }

  private static LinearModel syntheticModel(Coding coding) {
    List<Map<String, String>> rows = ReferenceCsv.read(FIXTURES + "synthetic_data.csv");
    return LinearModel.fit(
        column(rows, "y"),
        List.of(
            Factor.of("arm", strings(rows, "arm"), List.of("Placebo", "Low", "High")),
            Factor.of("site", strings(rows, "site"), List.of()),
            new Covariate("base", column(rows, "base"))),
        coding);
  }

  @Test
  void unbalancedTwoFactorAncovaMatchesR() {
    for (Coding coding : Coding.values()) {
      checkAgainstR(
          "synthetic",
          syntheticModel(coding),
          "arm",
          List.of(
              new String[] {"Low", "Placebo"},
              new String[] {"High", "Placebo"},
              new String[] {"High", "Low"}));
    }
  }

  @Test
  void doseResponseMatchesR() {
    List<Map<String, String>> rows = ReferenceCsv.read(FIXTURES + "synthetic_data.csv");
    Coefficient slope =
        DoseResponse.test(
            column(rows, "y"),
            new Covariate("dose", column(rows, "dose")),
            List.of(
                Factor.of("site", strings(rows, "site"), List.of()),
                new Covariate("base", column(rows, "base"))));
    close(slope.estimate(), r("synthetic", "dose_slope", ""), "slope");
    close(slope.standardError(), r("synthetic", "dose_se", ""), "slope se");
    close(slope.pValue(), r("synthetic", "dose_p", ""), "slope p");
  }

  private static void checkAgainstR(
      String ds, LinearModel fit, String factor, List<String[]> pairs) {
    assertThat(fit.residualDegreesOfFreedom()).isEqualTo((int) r(ds, "residual_df", ""));
    close(fit.residualSumOfSquares(), r(ds, "rss", ""), ds + " rss");
    for (TypeIIITest t : fit.typeIII()) {
      close(t.sumOfSquares(), r(ds, "type3_ss", t.term()), ds + " SS " + t.term());
      close(t.f(), r(ds, "type3_f", t.term()), ds + " F " + t.term());
      close(t.pValue(), r(ds, "type3_p", t.term()), ds + " p " + t.term());
    }
    for (LeastSquaresMean m : fit.leastSquaresMeans(factor, 0.95)) {
      close(m.estimate(), r(ds, "lsmean", m.level()), ds + " lsmean " + m.level());
      close(m.standardError(), r(ds, "lsmean_se", m.level()), ds + " se " + m.level());
      close(m.lower(), r(ds, "lsmean_lower", m.level()), ds + " lower " + m.level());
      close(m.upper(), r(ds, "lsmean_upper", m.level()), ds + " upper " + m.level());
    }
    for (String[] p : pairs) {
      LeastSquaresMeanDifference d = fit.difference(factor, p[0], p[1], 0.95);
      String label = p[0] + " - " + p[1];
      close(d.estimate(), r(ds, "diff", label), ds + " diff " + label);
      close(d.standardError(), r(ds, "diff_se", label), ds + " diff se " + label);
      close(d.lower(), r(ds, "diff_lower", label), ds + " diff lower " + label);
      close(d.upper(), r(ds, "diff_upper", label), ds + " diff upper " + label);
      close(d.pValue(), r(ds, "diff_p", label), ds + " diff p " + label);
    }
  }

  @Test
  void oneWayAnovaPlantGrowth() {
    // Dobson AJ. An Introduction to Statistical Modelling (1983), plant weights by treatment
    // (R's PlantGrowth): F = 4.846 on 2 and 27 df, P = 0.0159.
    List<Map<String, String>> rows = ReferenceCsv.read(FIXTURES + "plants_data.csv");
    List<double[]> groups =
        List.of("ctrl", "trt1", "trt2").stream()
            .map(
                g ->
                    rows.stream()
                        .filter(m -> m.get("group").equals(g))
                        .mapToDouble(m -> Double.parseDouble(m.get("weight")))
                        .toArray())
            .toList();
    FTestResult a = OneWayAnova.test(groups);
    assertThat(a.f()).isCloseTo(4.846, within(5e-4));
    assertThat(a.numeratorDf()).isEqualTo(2);
    assertThat(a.denominatorDf()).isEqualTo(27);
    close(a.f(), r("plants", "anova_f", ""), "F");
    close(a.pValue(), r("plants", "anova_p", ""), "p");
    // The same test as a linear model with one factor.
    LinearModel fit =
        LinearModel.fit(
            column(rows, "weight"),
            List.of(Factor.of("group", strings(rows, "group"), List.of())),
            Coding.EFFECT);
    close(fit.typeIII().get(0).pValue(), a.pValue(), "p via the linear model");
  }

  @Test
  void invalidModelsAreErrors() {
    double[] y = {1, 2, 3, 4, 5, 7};
    String[] g = {"a", "a", "b", "b", "c", "c"};
    assertThatThrownBy(
            () ->
                LinearModel.fit(
                    y,
                    List.of(Factor.of("g", g, List.of()), Factor.of("h", g, List.of())),
                    Coding.REFERENCE))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("singular");
    assertThatThrownBy(
            () -> LinearModel.fit(new double[] {1, Double.NaN, 3}, List.of(), Coding.REFERENCE))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("observation 2");
    LinearModel fit = LinearModel.fit(y, List.of(Factor.of("g", g, List.of())), Coding.REFERENCE);
    assertThatThrownBy(() -> fit.leastSquaresMeans("arm", 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("no factor arm");
    assertThatThrownBy(() -> fit.difference("g", "z", "a", 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("no level z");
    assertThatThrownBy(() -> fit.leastSquaresMeans("g", 95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> OneWayAnova.test(List.of(new double[] {1, 2})))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("two groups");
  }

  private static double[] column(List<Map<String, String>> rows, String name) {
    return rows.stream().mapToDouble(m -> Double.parseDouble(m.get(name))).toArray();
  }

  private static String[] strings(List<Map<String, String>> rows, String name) {
    return rows.stream().map(m -> m.get(name)).toArray(String[]::new);
  }
}
