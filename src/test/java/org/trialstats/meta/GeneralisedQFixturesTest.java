package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.stats.StatsException;

/**
 * The generalised-Q interval for tau^2 (Jackson 2013) against metafor 3.8-1's {@code
 * confint(rma(yi, vi, weights = a, method = "GENQ"), type = "GENQ")} (genq_fixtures.csv, written by
 * make_genq_fixtures.R, which runs metafor's own code with a stand-in for CompQuadForm's
 * farebrother()): BCG (with and without the moderator ablat), Molloy 2014 (with and without
 * meanage), Hackshaw 1998 and Bangert-Drowns 2004 (with and without length), 1/SE and 1/variance
 * weights, 95% and 90%. metafor's printed limits carry uniroot's default tolerance, compared at
 * 1.2e-4 absolute; the same equations solved by metafor's objective to 1e-14 (columns *_exact) at
 * 1e-9 relative. Limits of 0 are exactly 0. Four limits are also checked at 1e-8 against a 25-digit
 * mpmath computation by Imhof's integral (quadosc), independent of Ruben's series.
 */
class GeneralisedQFixturesTest {
  private static final String BASE = "/org/trialstats/meta/";

  static Stream<Map<String, String>> rows() {
    return ReferenceData.csv(BASE + "genq_fixtures.csv").stream();
  }

  private static Tau2Interval interval(String dataset, String mods, String weights, double level) {
    MetaRegressionFixturesTest.Data d = MetaRegressionFixturesTest.data(dataset, mods);
    return Tau2Interval.generalisedQ(
        d.y(), d.v(), d.design(), GeneralisedQWeights.fromId(weights), level);
  }

  private static void limit(Map<String, String> row, String column, double actual, double tol) {
    double expected = ReferenceData.number(row.get(column));
    if (expected == 0) {
      assertThat(actual).as(row + " " + column).isZero();
    } else {
      Close.check(row, column, actual, tol);
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void agreesWithMetafor(Map<String, String> row) {
    Tau2Interval ci =
        interval(
            row.get("dataset"),
            row.get("mods"),
            row.get("weights"),
            Double.parseDouble(row.get("level")));
    assertThat(ci.converged()).isTrue();
    assertThat(ci.method()).isEqualTo(Tau2IntervalMethod.GENQ);
    limit(row, "lower_exact", ci.lower(), 1e-9);
    limit(row, "upper_exact", ci.upper(), 1e-9);
    assertThat(ci.lower())
        .as(row + " confint lower")
        .isCloseTo(ReferenceData.number(row.get("lower")), within(1.2e-4));
    assertThat(ci.upper())
        .as(row + " confint upper")
        .isCloseTo(ReferenceData.number(row.get("upper")), within(1.2e-4));
  }

  @Test
  void agreesWithMpmathOnBcg() {
    Tau2Interval ci95 = interval("bcg", "", "se", 0.95);
    Close.check("lower 95%", 0.12204553835188447, ci95.lower(), 1e-8);
    Close.check("upper 95%", 1.1399580216804208, ci95.upper(), 1e-8);
    Tau2Interval ci90 = interval("bcg", "", "se", 0.90);
    Close.check("lower 90%", 0.14377439047640633, ci90.lower(), 1e-8);
    Close.check("upper 90%", 0.9318927035557867, ci90.upper(), 1e-8);
    assertThat(ci95.label()).isEqualTo("generalised Q, 1/SE weights");
  }

  @Test
  void mixtureOfEqualWeightsIsScaledChiSquare() {
    // 2 chi2_3 has P(> 7) = P(chi2_3 > 3.5), scipy chi2.sf(3.5, 3)
    assertThat(ChiSquareMixture.upperTail(7, new double[] {2, 2, 2}))
        .isCloseTo(0.3207621208056397, within(1e-13));
  }

  @Test
  void mixtureOfTwoWeights() {
    // P(X1 + 3 X2 > 5) = 1 - int_0^(5/3) f_1(t) F_1(5 - 3t) dt, integrated with mpmath (40
    // digits)
    assertThat(ChiSquareMixture.upperTail(5, new double[] {1, 3}))
        .isCloseTo(0.2716477189055066, within(1e-13));
  }

  @Test
  void rejectsNonPositiveWeights() {
    assertThatThrownBy(() -> ChiSquareMixture.upperTail(1, new double[] {1, 0}))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> GeneralisedQWeights.INVERSE_SE.of(new double[] {0.1, -1}))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("study 2");
  }
}
