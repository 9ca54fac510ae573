package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Subgroup analysis, leave-one-out, cumulative analysis and Egger's test against metafor 3.8-1
 * (fixtures written by src/test/resources/org/trialstats/meta/make_fixtures.R):
 *
 * <ul>
 *   <li>meta_fixtures_subgroups.csv: the BCG trials by allocation (random, alternate, systematic),
 *       separate models per subgroup and the test for subgroup differences as {@code rma(mu_g, sei
 *       = se_g, method = "FE")$QE} (5 configurations)
 *   <li>meta_fixtures_sensitivity.csv: metafor's {@code leave1out()} on BCG and Niel-Weise 2007 (5
 *       configurations each) and the cumulative analysis of BCG by year (checked against {@code
 *       cumul()} inside the script)
 *   <li>meta_fixtures_egger.csv: {@code regtest(model = "lm", predictor = "sei")} on four data sets
 * </ul>
 *
 * Tolerance 1e-9 relative (1e-7 for REML/PM rows).
 */
class SensitivityFixturesTest {
  private static final String BASE = "/org/trialstats/meta/";

  private static List<StudyData> data(String name) {
    return MetaforFixturesTest.data(name);
  }

  private static double tolerance(Map<String, String> row) {
    return List.of("reml", "pm", "ml").contains(row.get("method")) ? 1e-7 : 1e-9;
  }

  static Stream<List<Map<String, String>>> subgroupConfigs() {
    Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
    for (Map<String, String> r : ReferenceData.csv(BASE + "meta_fixtures_subgroups.csv")) {
      groups
          .computeIfAbsent(
              r.get("measure") + "|" + r.get("model") + "|" + r.get("method"),
              k -> new ArrayList<>())
          .add(r);
    }
    return groups.values().stream();
  }

  @ParameterizedTest
  @MethodSource("subgroupConfigs")
  void subgroupsMatchMetafor(List<Map<String, String>> rows) {
    MetaOptions options = ReferenceData.options(rows.get(0));
    SubgroupAnalysis a = MetaAnalysis.subgroups(data(rows.get(0).get("dataset")), options);
    double tol = tolerance(rows.get(0));
    int g = 0;
    for (Map<String, String> row : rows) {
      if (row.get("subgroup").equals("(between)")) {
        Close.check(row, "q", a.qBetween(), tol);
        Close.check(row, "pvalue", a.pBetween(), 1e-7);
        assertThat(a.dfBetween()).isEqualTo(Integer.parseInt(row.get("df")));
        continue;
      }
      SubgroupAnalysis.Subgroup s = a.subgroups().get(g++);
      assertThat(s.name()).isEqualTo(row.get("subgroup"));
      MetaResult r = s.result();
      assertThat(r.k()).isEqualTo(Integer.parseInt(row.get("k")));
      Close.check(row, "mu", r.mu(), tol);
      Close.check(row, "se", r.se(), tol);
      Close.check(row, "q", r.q(), 1e-9);
      Close.check(row, "pvalue", r.pvalue(), 1e-7);
      if (ReferenceData.number(row.get("tau2")) > 1e-9) {
        Close.check(row, "tau2", r.tau2(), tol);
        Close.check(row, "i2", r.i2(), tol);
      }
    }
    assertThat(g).isEqualTo(a.subgroups().size());
  }

  static Stream<List<Map<String, String>>> sensitivityConfigs() {
    return ReferenceData.csv(BASE + "meta_fixtures_sensitivity.csv").stream()
        .collect(
            Collectors.groupingBy(
                r ->
                    r.get("dataset")
                        + "|"
                        + r.get("measure")
                        + "|"
                        + r.get("model")
                        + "|"
                        + r.get("method")
                        + "|"
                        + r.get("kind"),
                LinkedHashMap::new,
                Collectors.toList()))
        .values()
        .stream();
  }

  @ParameterizedTest
  @MethodSource("sensitivityConfigs")
  void leaveOneOutAndCumulativeMatchMetafor(List<Map<String, String>> rows) {
    Map<String, String> first = rows.get(0);
    MetaOptions options = ReferenceData.options(first);
    List<StudyData> studies = data(first.get("dataset"));
    List<SensitivityStep> steps;
    if (first.get("kind").equals("leave1out")) {
      steps = MetaAnalysis.leaveOneOut(studies, options);
    } else {
      // by year, ties in file order (the script uses order(year))
      List<StudyData> byYear = new ArrayList<>(studies);
      List<Map<String, String>> raw =
          ReferenceData.csv(BASE + "data/" + first.get("dataset") + ".csv");
      Map<StudyData, Integer> year = new java.util.IdentityHashMap<>();
      for (int i = 0; i < studies.size(); i++) {
        year.put(studies.get(i), Integer.parseInt(raw.get(i).get("year")));
      }
      byYear.sort(Comparator.comparingInt(year::get));
      steps = MetaAnalysis.cumulative(byYear, options);
    }
    assertThat(steps).hasSize(rows.size());
    double tol = tolerance(first);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      SensitivityStep s = steps.get(i);
      assertThat(s.study()).isEqualTo(row.get("study"));
      MetaResult r = s.result();
      Close.check(row, "mu", r.mu(), tol);
      Close.check(row, "se", r.se(), tol);
      Close.check(row, "mu_lower", r.muLower(), tol);
      Close.check(row, "mu_upper", r.muUpper(), tol);
      Close.check(row, "pvalue", r.pvalue(), 1e-6);
      Close.check(row, "q", r.q(), 1e-9);
      if (ReferenceData.number(row.get("tau2")) > 1e-9) {
        Close.check(row, "tau2", r.tau2(), tol);
        Close.check(row, "i2", r.i2(), tol);
      }
    }
  }

  static Stream<Map<String, String>> eggerRows() {
    return ReferenceData.csv(BASE + "meta_fixtures_egger.csv").stream();
  }

  @ParameterizedTest
  @MethodSource("eggerRows")
  void eggerMatchesRegtest(Map<String, String> row) {
    MetaResult r = MetaAnalysis.run(data(row.get("dataset")), ReferenceData.options(row));
    EggerTest e = EggerTest.of(r);
    assertThat(e.k()).isEqualTo(Integer.parseInt(row.get("k")));
    assertThat(e.df()).isEqualTo(Integer.parseInt(row.get("df")));
    Close.check(row, "t", e.t(), 1e-9);
    Close.check(row, "pvalue", e.pvalue(), 1e-8);
    Close.check(row, "limit", e.slope(), 1e-9);
  }
}
