package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/** Study-level effect sizes, zero cells, double zeros and precision with counts up to 10^9. */
class EffectSizesTest {
  private static final MathContext MC = new MathContext(50);

  /**
   * 0.5 added to every cell of a table with a zero cell (a = 0.5, b = 30.5, c = 4.5, d = 27.5). R
   * 4.2.2, metafor 3.8-1: escalc(m, ai = 0, n1i = 30, ci = 4, n2i = 31) with sprintf("%.10g"): RR
   * yi -2.165475879 vi 2.158714158; OR yi -2.300765256 vi 2.291372744; RD yi -0.1244959677 vi
   * 0.00428844986.
   */
  @Test
  void zeroCellGetsHalfAddedToEveryCell() {
    TwoByTwo t = TwoByTwo.of(0, 30, 4, 31);
    EffectSizes.Effect rr = EffectSizes.of(t, EffectMeasure.RR);
    assertThat(rr.added()).isEqualTo(0.5);
    assertThat(rr.yi()).isCloseTo(-2.165475879, within(1e-9));
    assertThat(rr.vi()).isCloseTo(2.158714158, within(1e-9));
    EffectSizes.Effect or = EffectSizes.of(t, EffectMeasure.OR);
    assertThat(or.yi()).isCloseTo(-2.300765256, within(1e-9));
    assertThat(or.vi()).isCloseTo(2.291372744, within(1e-9));
    EffectSizes.Effect rd = EffectSizes.of(t, EffectMeasure.RD);
    assertThat(rd.yi()).isCloseTo(-0.1244959677, within(1e-10));
    assertThat(rd.vi()).isCloseTo(0.00428844986, within(1e-12));
    assertThat(EffectSizes.of(TwoByTwo.of(3, 30, 4, 31), EffectMeasure.RR).added()).isZero();
  }

  @Test
  void doubleZeroStudiesAreExcludedForRatiosOnly() {
    StudyData none = StudyData.counts("none", null, 0, 20, 0, 22);
    StudyData all = StudyData.counts("all", null, 20, 20, 15, 15);
    StudyData one = StudyData.counts("one", null, 0, 20, 3, 22);
    assertThat(EffectSizes.exclusionReason(none, EffectMeasure.RR)).contains("no events");
    assertThat(EffectSizes.exclusionReason(all, EffectMeasure.OR)).contains("every participant");
    assertThat(EffectSizes.exclusionReason(one, EffectMeasure.OR)).isNull();
    assertThat(EffectSizes.exclusionReason(none, EffectMeasure.RD)).isNull();
    assertThat(EffectSizes.exclusionReason(all, EffectMeasure.RD)).isNull();

    MetaResult rd =
        MetaAnalysis.run(
            List.of(none, all, one), MetaOptions.fixed(EffectMeasure.RD, FixedMethod.IV));
    assertThat(rd.k()).isEqualTo(3);
    assertThat(rd.zeroCells()).contains("kept for the risk difference: none, all");
    MetaResult rr =
        MetaAnalysis.run(
            List.of(none, all, one), MetaOptions.random(EffectMeasure.RR, Tau2Estimator.DL));
    assertThat(rr.k()).isEqualTo(1);
    assertThat(rr.warnings()).anyMatch(w -> w.contains("none (no events in either arm)"));
    assertThat(rr.zeroCells()).contains("Excluded").contains("none, all");
    assertThatThrownBy(
            () ->
                MetaAnalysis.run(
                    List.of(none, all), MetaOptions.fixed(EffectMeasure.OR, FixedMethod.MH)))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("the risk difference can use studies without events");
  }

  /** Random two-by-two tables with counts up to 10^9, some with ratios very close to 1. */
  static Stream<long[]> largeTables() {
    SplittableRandom rnd = new SplittableRandom(42);
    return Stream.generate(
            () -> {
              long n1 = 1 + rnd.nextLong(1_000_000_000L);
              long n2 = rnd.nextBoolean() ? n1 : 1 + rnd.nextLong(1_000_000_000L);
              long x1 = 1 + rnd.nextLong(n1 - 1 > 0 ? n1 - 1 : 1);
              long x2 =
                  rnd.nextBoolean()
                      ? Math.min(n2 - 1, Math.max(1, x1 + rnd.nextInt(3) - 1))
                      : 1 + rnd.nextLong(n2 - 1 > 0 ? n2 - 1 : 1);
              return new long[] {Math.min(x1, n1 - 1), n1, Math.max(1, Math.min(x2, n2 - 1)), n2};
            })
        .filter(t -> t[0] >= 1 && t[2] >= 1 && t[0] < t[1] && t[2] < t[3])
        .limit(200);
  }

  /**
   * log RR and log OR agree with a 50-digit BigDecimal evaluation (log of the exact ratio via log1p
   * of the exact difference): 1e-14 relative, or 1e-16 absolute where the log ratio is below 1e-2
   * (the absolute error is what matters next to a standard error of at least 1e-5).
   */
  @ParameterizedTest
  @MethodSource("largeTables")
  void largeCountsKeepFullPrecision(long[] t) {
    TwoByTwo table = TwoByTwo.of(t[0], t[1], t[2], t[3]);
    BigDecimal a = BigDecimal.valueOf(t[0]);
    BigDecimal n1 = BigDecimal.valueOf(t[1]);
    BigDecimal c = BigDecimal.valueOf(t[2]);
    BigDecimal n2 = BigDecimal.valueOf(t[3]);
    BigDecimal b = n1.subtract(a);
    BigDecimal d = n2.subtract(c);
    check(EffectSizes.of(table, EffectMeasure.RR).yi(), a.multiply(n2), c.multiply(n1));
    check(EffectSizes.of(table, EffectMeasure.OR).yi(), a.multiply(d), b.multiply(c));
    double rd = a.divide(n1, MC).subtract(c.divide(n2, MC)).doubleValue();
    assertThat(EffectSizes.of(table, EffectMeasure.RD).yi())
        .isCloseTo(rd, within(Math.max(Math.abs(rd) * 1e-14, 1e-18)));
    double rrVariance =
        b.divide(a.multiply(n1), MC).add(d.divide(c.multiply(n2), MC)).doubleValue();
    assertThat(EffectSizes.of(table, EffectMeasure.RR).vi())
        .isCloseTo(rrVariance, within(rrVariance * 1e-14));
  }

  private static void check(double actual, BigDecimal numerator, BigDecimal denominator) {
    double x = numerator.subtract(denominator).divide(denominator, MC).doubleValue();
    double ratio = numerator.divide(denominator, MC).doubleValue();
    double expected = Math.abs(x) < 0.5 ? Math.log1p(x) : Math.log(ratio);
    double allowed = Math.max(Math.abs(expected) * 1e-14, 1e-16);
    assertThat(actual).isCloseTo(expected, within(allowed));
  }

  /** Mantel-Haenszel and Peto with counts near 10^9 stay finite (no overflow) and sensible. */
  @Test
  void poolingLargeCounts() {
    List<StudyData> studies =
        List.of(
            StudyData.counts("a", null, 400_000_000L, 999_999_999L, 400_000_100L, 999_999_999L),
            StudyData.counts("b", null, 123_456_789L, 987_654_321L, 123_456_000L, 987_654_320L));
    for (MetaOptions o :
        List.of(
            MetaOptions.fixed(EffectMeasure.OR, FixedMethod.MH),
            MetaOptions.fixed(EffectMeasure.RR, FixedMethod.MH),
            MetaOptions.fixed(EffectMeasure.RD, FixedMethod.MH),
            MetaOptions.fixed(EffectMeasure.OR, FixedMethod.PETO),
            MetaOptions.random(EffectMeasure.OR, Tau2Estimator.REML))) {
      MetaResult r = MetaAnalysis.run(studies, o);
      assertThat(r.mu()).as(o.methodId()).isFinite();
      assertThat(r.se()).as(o.methodId()).isFinite().isPositive();
      assertThat(Math.abs(r.mu())).as(o.methodId()).isLessThan(1e-5);
    }
  }
}
