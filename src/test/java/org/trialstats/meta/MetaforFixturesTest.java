package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * trialstats against metafor 3.8-1 on more data sets than the shared BCG reference: every measure
 * (RR, OR, RD, generic) with every method (IV, MH, Peto, DL, REML, PM, ML, SJ, HE, each
 * random-effects estimator with and without HKSJ) on the BCG trials, pre-eclampsia (Collins et al.
 * 1985 as in Viechtbauer 2007), CLASP (DerSimonian &amp; Kacker 2007), beta-blockers after
 * myocardial infarction (Yusuf et al. 1985, table 6: zero cells and three double-zero trials),
 * catheter infections (Niel-Weise et al. 2007: rare events, zero cells, one double-zero study),
 * lidocaine (Hine et al. 1989), a synthetic set with a double-zero study, an all-events study and
 * zero cells, k = 2, mean differences (Normand 1999, generic yi/sei), and 2,000 generated studies
 * with and without heterogeneity.
 *
 * <p>Fixtures: src/test/resources/org/trialstats/meta/make_fixtures.R (R 4.2.2, metafor 3.8-1,
 * convergence tightened to 1e-12) wrote meta_fixtures.csv (375 configurations) and
 * meta_fixtures_studies.csv (per-study yi, vi and weight for each of them). Tolerances: 1e-9
 * relative for closed-form estimators, 1e-7 for iterative ones (REML, ML, PM) and 1e-6 for
 * Q-profile limits, tighter than the required 1e-6 / 1e-5 / 1e-3.
 */
class MetaforFixturesTest {
  private static final String BASE = "/org/trialstats/meta/";
  private static final Map<String, List<StudyData>> DATA = new HashMap<>();

  static List<StudyData> data(String name) {
    return DATA.computeIfAbsent(name, n -> ReferenceData.studies(BASE + "data/" + n + ".csv"));
  }

  static Stream<Map<String, String>> summaries() {
    return ReferenceData.csv(BASE + "meta_fixtures.csv").stream();
  }

  private static String key(Map<String, String> r) {
    return r.get("dataset")
        + "|"
        + r.get("measure")
        + "|"
        + r.get("model")
        + "|"
        + r.get("method")
        + "|"
        + r.get("hksj");
  }

  private static final Map<String, List<Map<String, String>>> STUDY_ROWS =
      ReferenceData.csv(BASE + "meta_fixtures_studies.csv").stream()
          .collect(Collectors.groupingBy(MetaforFixturesTest::key));

  @ParameterizedTest(name = "{0}")
  @MethodSource("summaries")
  void summaryMatchesMetafor(Map<String, String> row) {
    MetaOptions options = ReferenceData.options(row);
    MetaResult r = MetaAnalysis.run(data(row.get("dataset")), options);
    boolean iterative = options.tau2Estimator() != null && options.tau2Estimator().isIterative();
    double tol = iterative ? 1e-7 : 1e-9;

    assertThat(r.converged()).isTrue();
    assertThat(r.k()).isEqualTo(Integer.parseInt(row.get("k")));
    assertThat(r.qDf()).isEqualTo(Integer.parseInt(row.get("q_df")));
    Close.check(row, "mu", r.mu(), tol);
    Close.check(row, "se", r.se(), tol);
    Close.check(row, "mu_lower", r.muLower(), tol);
    Close.check(row, "mu_upper", r.muUpper(), tol);
    Close.check(row, "pvalue", r.pvalue(), iterative ? 1e-6 : 1e-8);
    closeOrTiny(row, "tau2", r.tau2(), tol, r);
    closeOrTiny(row, "i2", r.i2(), tol, r);
    closeOrTiny(row, "h2", r.h2(), tol, r);
    Close.check(row, "q", r.q(), 1e-9);
    Close.check(row, "q_pvalue", r.qPvalue(), 1e-7);
    Close.check(row, "pi_lower", r.piMuLower(), tol);
    Close.check(row, "pi_upper", r.piMuUpper(), tol);
    closeOrTiny(row, "tau2_lower", r.tau2Lower(), 1e-6, r);
    closeOrTiny(row, "tau2_upper", r.tau2Upper(), 1e-6, r);
    closeOrTiny(row, "i2_lower", r.i2Lower(), 1e-6, r);
    closeOrTiny(row, "i2_upper", r.i2Upper(), 1e-6, r);

    List<Map<String, String>> studies = STUDY_ROWS.get(key(row));
    if (studies == null) {
      return; // generated data sets: summaries only
    }
    assertThat(r.studies()).hasSize(studies.size());
    for (int i = 0; i < studies.size(); i++) {
      Map<String, String> s = studies.get(i);
      StudyEffect e = r.studies().get(i);
      assertThat(e.study()).isEqualTo(s.get("study"));
      Close.check(s, "yi", e.yi(), 1e-12);
      Close.check(s, "vi", e.vi(), 1e-12);
      Close.check(s, "weight", e.weight(), tol);
    }
  }

  /**
   * Relative comparison, except that estimates of tau^2 at the boundary may differ by an absolute
   * 1e-10 of the typical sampling variance (metafor stops Fisher scoring at a tiny positive value,
   * trialstats returns 0 exactly when the score at 0 is not positive).
   */
  private static void closeOrTiny(
      Map<String, String> row, String column, double actual, double tol, MetaResult r) {
    double expected = ReferenceData.number(row.get(column));
    double scale = column.startsWith("tau2") ? Tau2.meanOf(variances(r)) : 100;
    if (!Double.isNaN(expected) && Math.abs(expected) < 1e-9 * scale) {
      assertThat(Math.abs(actual - expected)).as(row + " " + column).isLessThan(1e-9 * scale);
      return;
    }
    Close.check(row, column, actual, tol);
  }

  private static double[] variances(MetaResult r) {
    return r.studies().stream().mapToDouble(StudyEffect::vi).toArray();
  }
}
