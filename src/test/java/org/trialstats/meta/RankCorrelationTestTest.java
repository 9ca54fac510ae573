package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Begg's rank correlation test against metafor 3.8-1 {@code ranktest()} on 11 data sets (counts,
 * means, rates; k = 6 to 102; fixture ranktest_fixtures.csv from make_ranktest_fixtures.R), and the
 * tie-corrected normal approximation against R's {@code cor.test(method = "kendall")}. Tolerances:
 * tau 1e-12 relative, p-values 1e-9 relative.
 */
class RankCorrelationTestTest {
  static Stream<Map<String, String>> rows() {
    return ReferenceData.csv("/org/trialstats/meta/ranktest_fixtures.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesMetaforRanktest(Map<String, String> row) {
    List<StudyData> studies =
        ReferenceData.studies("/org/trialstats/meta/data/" + row.get("dataset") + ".csv");
    MetaResult r =
        MetaAnalysis.run(
            studies,
            MetaOptions.random(EffectMeasure.fromId(row.get("measure")), Tau2Estimator.REML));
    RankCorrelationTest t = RankCorrelationTest.of(r);
    assertThat(t.k()).isEqualTo(Integer.parseInt(row.get("k")));
    assertThat(t.exact()).isTrue();
    Close.check(row, "tau", t.tau(), 1e-12);
    Close.check(row, "pvalue", t.pvalue(), 1e-9);
  }

  @Test
  void tiesUseTheNormalApproximationAsCorTest() {
    // R: cor.test(c(1,2,2,3,4,5,5,6), c(2,1,3,3,5,4,6,7), method = "kendall", exact = TRUE)
    RankCorrelationTest t =
        RankCorrelationTest.kendall(
            new double[] {1, 2, 2, 3, 4, 5, 5, 6}, new double[] {2, 1, 3, 3, 5, 4, 6, 7});
    assertThat(t.exact()).isFalse();
    assertThat(t.tau()).isCloseTo(0.79259392390121708, within(1e-15));
    assertThat(t.pvalue()).isCloseTo(0.0078526765250908938, within(1e-15));
  }

  @Test
  void inversionDistributionIsMahonian() {
    // n = 4: 1, 3, 5, 6, 5, 3, 1 permutations with 0..6 inversions (OEIS A008302)
    double[] cdf = RankCorrelationTest.inversionCdf(4);
    double[] counts = {1, 3, 5, 6, 5, 3, 1};
    double running = 0;
    for (int q = 0; q < counts.length; q++) {
      running += counts[q];
      assertThat(cdf[q]).isCloseTo(running / 24, within(1e-15));
    }
  }
}
