package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.stats.StatsException;

/**
 * Trim-and-fill against metafor 3.8-1 {@code trimfill()} (fixture trimfill_fixtures.csv from
 * make_trimfill_fixtures.R): 6 data sets (BCG RR and OR, Hackshaw 1998, Molloy 2014, Pritz 1997,
 * Egger 2001), FE, DL and REML (PM, ML, SJ, HE on BCG), L0 and R0, side chosen by the slope on
 * sqrt(v) (the slope itself 1e-8 relative). Side, k0 exact; se(k0), p(k0) 1e-12 relative; filled
 * estimates and the refitted mu, tau^2 and Q 1e-9 relative (metafor run with convergence tightened
 * to 1e-12); the refit's SE is compared for z-based models (metafor refits the filled data with z
 * even after {@code test = "knha"}; trialstats keeps the Hartung-Knapp adjustment).
 */
class TrimAndFillTest {
  static Stream<Map<String, String>> rows() {
    return ReferenceData.csv("/org/trialstats/meta/trimfill_fixtures.csv").stream();
  }

  static MetaResult fit(Map<String, String> row) {
    List<StudyData> studies =
        ReferenceData.studies("/org/trialstats/meta/data/" + row.get("dataset") + ".csv");
    EffectMeasure measure = EffectMeasure.fromId(row.get("measure"));
    String method = row.get("method");
    MetaOptions options =
        method.equals("fe")
            ? MetaOptions.fixed(measure, FixedMethod.IV)
            : MetaOptions.random(measure, Tau2Estimator.fromId(method));
    return MetaAnalysis.run(studies, options.withHksj(Boolean.parseBoolean(row.get("hksj"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesMetaforTrimfill(Map<String, String> row) {
    TrimAndFill t = TrimAndFill.of(fit(row), TrimFillEstimator.fromId(row.get("estimator")));
    assertThat(t.side().id()).as(row + " side").isEqualTo(row.get("side"));
    assertThat(t.sideChosen()).isTrue();
    assertThat(t.k0()).as(row + " k0").isEqualTo(Integer.parseInt(row.get("k0")));
    Close.check(row, "se_k0", t.k0Se(), 1e-12);
    Close.check(row, "p_k0", t.k0Pvalue(), 1e-12);
    Close.check(row, "mu", t.result().mu(), 1e-9);
    Close.check(row, "tau2", t.result().tau2(), 1e-9);
    Close.check(row, "q", t.result().q(), 1e-9);
    if (!Boolean.parseBoolean(row.get("hksj"))) {
      Close.check(row, "se", t.result().se(), 1e-9);
    }
    String filled = row.get("filled_yi");
    double[] expected =
        filled == null || filled.isEmpty() || filled.equals("NA")
            ? new double[0]
            : Arrays.stream(filled.split(";")).mapToDouble(Double::parseDouble).toArray();
    assertThat(t.filled()).hasSize(expected.length);
    for (int j = 0; j < expected.length; j++) {
      Close.check(row + " filled " + j, expected[j], t.filled().get(j).yi(), 1e-9);
      assertThat(t.filled().get(j).study()).isEqualTo("Filled " + (j + 1));
    }
    assertThat(t.result().k()).isEqualTo(fit(row).k() + t.k0());
  }

  /**
   * The slope of y on sqrt(v) that picks the side, against metafor's {@code rma(yi, vi, mods =
   * sqrt(vi), method = ...)} with every estimator (FE, DL, REML, PM, ML, SJ, HE): 1e-8 relative.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void sideSlopeMatchesMetaforMetaRegression(Map<String, String> row) {
    MetaResult r = fit(row);
    double[] y = r.studies().stream().mapToDouble(StudyEffect::yi).toArray();
    double[] v = r.studies().stream().mapToDouble(StudyEffect::vi).toArray();
    Close.check(row, "slope", StandardErrorSlope.of(y, v, r.options()), 1e-8);
  }

  @Test
  void filledStudiesMirrorTheTrimmedOnesAboutTheTrimmedEstimate() {
    // BCG RR, fixed effect, L0: 4 studies filled on the right; each filled estimate is 2 beta - y
    // of the study it mirrors, with that study's variance
    MetaResult r =
        MetaAnalysis.run(
            ReferenceData.studies("/org/trialstats/meta/data/bcg.csv"),
            MetaOptions.fixed(EffectMeasure.RR, FixedMethod.IV));
    TrimAndFill t = TrimAndFill.of(r, TrimFillEstimator.L0);
    assertThat(t.side()).isEqualTo(TrimAndFill.Side.RIGHT);
    double twoBeta = Double.NaN;
    for (TrimAndFill.Filled f : t.filled()) {
      StudyEffect mirrored =
          r.studies().stream().filter(s -> s.study().equals(f.mirrorOf())).findFirst().get();
      assertThat(f.vi()).isEqualTo(mirrored.vi());
      double sum = f.yi() + mirrored.yi();
      if (!Double.isNaN(twoBeta)) {
        assertThat(sum).isCloseTo(twoBeta, org.assertj.core.api.Assertions.within(1e-12));
      }
      twoBeta = sum;
    }
  }

  @Test
  void givenSideOverridesTheChoice() {
    MetaResult r =
        MetaAnalysis.run(
            ReferenceData.studies("/org/trialstats/meta/data/bcg.csv"),
            MetaOptions.fixed(EffectMeasure.RR, FixedMethod.IV));
    TrimAndFill t = TrimAndFill.of(r, TrimFillEstimator.L0, TrimAndFill.Side.LEFT);
    assertThat(t.sideChosen()).isFalse();
    assertThat(t.side()).isEqualTo(TrimAndFill.Side.LEFT);
    assertThat(t.filled()).allSatisfy(f -> assertThat(f.yi()).isGreaterThan(r.mu()));
  }

  @Test
  void signedRanksBreakTiesByPosition() {
    // R: x <- c(1, -1, 2, 0.5) - 0; sign(x) * rank(abs(x), ties.method = "first") = 2 -3 4 1
    assertThat(TrimAndFill.signedRanks(new double[] {1, -1, 2, 0.5}, 0))
        .containsExactly(2, -3, 4, 1);
  }

  @Test
  void refusesMantelHaenszelAndTooFewStudies() {
    List<StudyData> bcg = ReferenceData.studies("/org/trialstats/meta/data/bcg.csv");
    MetaResult mh = MetaAnalysis.run(bcg, MetaOptions.fixed(EffectMeasure.RR, FixedMethod.MH));
    assertThatThrownBy(() -> TrimAndFill.of(mh, TrimFillEstimator.L0))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("inverse-variance");
    MetaResult two =
        MetaAnalysis.run(bcg.subList(0, 2), MetaOptions.random(EffectMeasure.RR, Tau2Estimator.DL));
    assertThatThrownBy(() -> TrimAndFill.of(two, TrimFillEstimator.R0))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("at least 3");
  }
}
