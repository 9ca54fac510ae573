package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.stats.StatsException;

/**
 * Influence diagnostics and Baujat coordinates against metafor 3.8-1 {@code influence()} and {@code
 * baujat()} (fixture influence_fixtures.csv from make_trimfill_fixtures.R): 6 data sets, FE, DL,
 * REML (PM, ML, SJ, HE and REML with Hartung-Knapp on BCG, DL with Hartung-Knapp on Hackshaw), one
 * row per study. Tolerance 1e-8 relative (1e-12 absolute for values that are 0 in metafor up to
 * rounding); the influential flag exactly.
 */
class InfluenceTest {
  static Stream<Map<String, String>> rows() {
    return ReferenceData.csv("/org/trialstats/meta/influence_fixtures.csv").stream();
  }

  private static final Map<String, Influence> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Influence influence(Map<String, String> row) {
    String key = row.get("dataset") + row.get("measure") + row.get("method") + row.get("hksj");
    return CACHE.computeIfAbsent(key, x -> Influence.of(TrimAndFillTest.fit(row)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesMetaforInfluence(Map<String, String> row) {
    Influence.Study s = influence(row).studies().get(Integer.parseInt(row.get("index")) - 1);
    check(row, "rstudent", s.rstudent());
    check(row, "dffits", s.dffits());
    check(row, "cook_d", s.cooksDistance());
    check(row, "cov_r", s.covRatio());
    check(row, "tau2_del", s.tau2Deleted());
    check(row, "qe_del", s.qDeleted());
    check(row, "hat", s.hat());
    check(row, "weight", s.weight());
    check(row, "dfbetas", s.dfbetas());
    check(row, "baujat_x", s.baujatX());
    check(row, "baujat_y", s.baujatY());
    assertThat(s.influential()).as(row + " inf").isEqualTo(Boolean.parseBoolean(row.get("inf")));
  }

  private static void check(Map<String, String> row, String column, double actual) {
    double expected = ReferenceData.number(row.get(column));
    if (Math.abs(expected) < 1e-12) {
      assertThat(Math.abs(actual)).as(row + " " + column).isLessThan(1e-12);
    } else {
      Close.check(row, column, actual, 1e-8);
    }
  }

  /**
   * The expected values of metafor's own test suite (tests/testthat/test_misc_influence.r,
   * "influence() works for rma()"): BCG, log risk ratio, REML at metafor's default convergence,
   * first study. Tolerance 1e-5 relative, the default REML threshold's precision (the fixture test
   * above uses tightened convergence).
   */
  @Test
  void matchesMetaforTestSuiteValues() {
    MetaResult r =
        MetaAnalysis.run(
            ReferenceData.studies("/org/trialstats/meta/data/bcg.csv"),
            MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML));
    Influence.Study s = Influence.of(r).studies().get(0);
    Close.check("rstudent", -0.218142474344442, s.rstudent(), 1e-5);
    Close.check("dffits", -0.0407075604868486, s.dffits(), 1e-5);
    Close.check("cook.d", 0.00171654236729195, s.cooksDistance(), 1e-5);
    Close.check("cov.r", 1.11644891104804, s.covRatio(), 1e-5);
    Close.check("tau2.del", 0.336156745300306, s.tau2Deleted(), 1e-5);
    Close.check("QE.del", 151.582572747109, s.qDeleted(), 1e-5);
    Close.check("hat", 0.0505948307931551, s.hat(), 1e-5);
    Close.check("weight", 5.05948307931551, s.weight(), 1e-5);
    Close.check("dfbetas", -0.0402659025974144, s.dfbetas(), 1e-5);
    assertThat(s.influential()).isFalse();
  }

  @Test
  void refusesPetoAndTooFewStudies() {
    List<StudyData> bcg = ReferenceData.studies("/org/trialstats/meta/data/bcg.csv");
    MetaResult peto = MetaAnalysis.run(bcg, MetaOptions.fixed(EffectMeasure.OR, FixedMethod.PETO));
    assertThatThrownBy(() -> Influence.of(peto))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("inverse-variance");
    MetaResult two =
        MetaAnalysis.run(
            bcg.subList(0, 2), MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML));
    assertThatThrownBy(() -> Influence.of(two)).hasMessageContaining("at least 3");
  }
}
