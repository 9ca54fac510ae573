package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstats.stats.BinomialReferenceRows.assertPrinted;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumberNeededToTreatTest {

  @Test
  void noteNumbersArePrintedAsTheFormatterWould() {
    // The note's numbers used String.format(Locale.ROOT, "%.1f", x); the direct rounding must
    // print the same characters (half up on the shortest digits: 0.25 -> 0.3, 2.45 -> 2.5).
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double x =
          switch (i % 4) {
            case 0 -> 1 / random.nextDouble();
            case 1 -> random.nextInt(10_000) / 100.0 + 0.05;
            case 2 -> Math.pow(10, random.nextDouble(-3, 20));
            default -> random.nextInt(1000) + 0.25;
          };
      assertThat(NumberNeededToTreat.oneDecimal(x))
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", x));
    }
  }

  @Test
  void acr20ExampleWhoseRiskDifferenceIntervalExcludesZero() {
    // Reference values (R 4.2.2 / statsmodels 0.13.5): ACR20 95/250 vs 55/251, MN 95% RD 0.160876
    // (0.081138, 0.239113), so
    // NNT = 1/0.160876 = 6.216 (1/0.239113 = 4.182 to 1/0.081138 = 12.325).
    TwoByTwo acr20 = TwoByTwo.of(95, 250, 55, 251);
    Estimate rd = RiskDifferenceMethod.MN.interval(acr20, 0.95);
    Estimate nnt = NumberNeededToTreat.of(acr20, RiskDifferenceMethod.MN, 0.95);
    assertThat(nnt.measure()).isEqualTo(Measure.NNT);
    assertThat(nnt.method()).isEqualTo("mn");
    assertThat(nnt.level()).isEqualTo(0.95);
    assertThat(nnt.pValue()).isNaN();
    assertThat(nnt.note()).isEmpty();
    assertThat(nnt.estimate()).isEqualTo(1 / rd.estimate());
    assertThat(nnt.lower()).isEqualTo(1 / rd.upper());
    assertThat(nnt.upper()).isEqualTo(1 / rd.lower());
    assertPrinted("nnt", nnt.estimate(), "6.216");
    assertPrinted("lower", nnt.lower(), "4.182");
    assertPrinted("upper", nnt.upper(), "12.325");
    assertThat(nnt.lower()).isLessThan(nnt.upper());
  }

  @Test
  void altman1998IllustrationOfADisjointInterval() {
    // Altman DG (1998) BMJ 317:1309-1312, figures 1 and 2: ARR 10% with 95% CI -5% to 25% gives
    // NNT 10 with the interval "NNTB 4 to infinity to NNTH 20" (as also quoted by Newcombe's
    // rapid response to that article, BMJ, 5 January 1999).
    Estimate rd = Estimate.interval(Measure.RD, "newcombe", 0.10, -0.05, 0.25, 0.95);
    Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd);
    assertThat(nnt.estimate()).isCloseTo(10, within(1e-12));
    assertThat(nnt.lower()).isEqualTo(4);
    assertThat(nnt.upper()).isCloseTo(-20, within(1e-12));
    // lower > upper signals the disjoint interval NNTB 4..inf together with NNTH 20..inf.
    assertThat(nnt.lower()).isGreaterThan(nnt.upper());
    assertThat(nnt.note())
        .isEqualTo(
            "RD interval includes 0: NNT interval is disjoint: NNTB 4.0 to ∞ and NNTH 20.0 to ∞"
                + " (Altman 1998)");
    assertThat(nnt.method()).isEqualTo("newcombe");
  }

  @Test
  void barrowman2002WorkedExample() {
    // Barrowman NJ (2002) CMAJ 166:1676-1677: ARR 16.6% (95% CI 0.9% to 32.2%), "NNT 1/0.166 or
    // approximately 6 ... 95% confidence interval for the number needed to treat is 1/0.009 to
    // 1/0.322 or approximately 3.1-111.1".
    Estimate nnt =
        NumberNeededToTreat.fromRiskDifference(
            Estimate.interval(Measure.RD, "wald", 0.166, 0.009, 0.322, 0.95));
    assertPrinted("nnt", nnt.estimate(), "6");
    assertPrinted("lower", nnt.lower(), "3.1");
    assertPrinted("upper", nnt.upper(), "111.1");
    assertThat(nnt.note()).isEmpty();
  }

  @Test
  void tableWhoseRiskDifferenceIntervalIncludesZero() {
    // Newcombe (1998) Table II example (d), 5/56 vs 0/29: MN 95% RD 0.0893 (-0.0326, 0.1933), so
    // NNT 11.2 with NNTB 1/0.1933 = 5.2 to infinity and NNTH 1/0.0326 = 30.7 to infinity.
    Estimate nnt = NumberNeededToTreat.of(TwoByTwo.of(5, 56, 0, 29), RiskDifferenceMethod.MN, 0.95);
    assertThat(nnt.estimate()).isCloseTo(11.2, within(1e-12));
    assertPrinted("lower (NNTB)", nnt.lower(), "5.17");
    assertPrinted("upper (-NNTH)", nnt.upper(), "-30.68");
    assertThat(nnt.lower()).isGreaterThan(nnt.upper());
    assertThat(nnt.note())
        .isEqualTo(
            "RD interval includes 0: NNT interval is disjoint: NNTB 5.2 to ∞ and NNTH 30.7 to ∞"
                + " (Altman 1998)");
  }

  @Test
  void zeroRiskDifferenceGivesInfiniteNnt() {
    Estimate nnt = NumberNeededToTreat.of(TwoByTwo.of(0, 10, 0, 20), RiskDifferenceMethod.MN, 0.95);
    assertThat(nnt.estimate()).isEqualTo(Double.POSITIVE_INFINITY);
    // MN 95% RD interval (-0.1658, 0.2844) (Newcombe 1998 Table II (e)): NNTB 3.5, NNTH 6.0.
    assertPrinted("lower", nnt.lower(), "3.52");
    assertPrinted("upper", nnt.upper(), "-6.03");
    assertThat(nnt.note()).contains("disjoint").contains("NNTB 3.5 to ∞").contains("NNTH 6.0 to ∞");
    // The degenerate Wald interval [0, 0] of the same table: NNT infinite, no finite limit.
    Estimate wald =
        NumberNeededToTreat.of(TwoByTwo.of(0, 10, 0, 20), RiskDifferenceMethod.WALD, 0.95);
    assertThat(wald.estimate()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(wald.lower()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(wald.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(wald.note()).isEqualTo("RD interval is the single point 0: NNT is infinite");
  }

  @Test
  void zeroLimitsAndNegativeRiskDifferences() {
    Estimate touchingAbove =
        NumberNeededToTreat.fromRiskDifference(
            Estimate.interval(Measure.RD, "m", 0.1, 0, 0.2, 0.9));
    assertThat(touchingAbove.lower()).isEqualTo(5);
    assertThat(touchingAbove.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(touchingAbove.note()).isEmpty();
    Estimate touchingBelow =
        NumberNeededToTreat.fromRiskDifference(
            Estimate.interval(Measure.RD, "m", -0.1, -0.2, 0, 0.9));
    assertThat(touchingBelow.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(touchingBelow.upper()).isEqualTo(-5);
    // Fewer events in arm 1 throughout: negative NNT, ordered limits.
    Estimate negative =
        NumberNeededToTreat.fromRiskDifference(
            Estimate.interval(Measure.RD, "m", -0.1, -0.25, -0.05, 0.9));
    assertThat(negative.estimate()).isCloseTo(-10, within(1e-12));
    assertThat(negative.lower()).isCloseTo(-20, within(1e-12));
    assertThat(negative.upper()).isEqualTo(-4);
    assertThat(negative.note()).isEmpty();
    assertThat(negative.level()).isEqualTo(0.9);
  }

  @Test
  void rejectsEstimatesOtherThanRiskDifferences() {
    Estimate proportion = ProportionMethod.WILSON.interval(new Binomial(3, 10), 0.95);
    assertThatThrownBy(() -> NumberNeededToTreat.fromRiskDifference(proportion))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("risk difference")
        .hasMessageContaining("proportion");
    assertThatThrownBy(
            () -> NumberNeededToTreat.of(TwoByTwo.of(1, 2, 1, 2), RiskDifferenceMethod.MN, 1.0))
        .isInstanceOf(StatsException.class);
  }

  static Stream<Arguments> randomTables() {
    SplittableRandom random = new SplittableRandom(20240613L);
    List<Arguments> cases = new ArrayList<>();
    for (RiskDifferenceMethod method : RiskDifferenceMethod.values()) {
      for (int i = 0; i < 25; i++) {
        long n1 = 1 + random.nextLong(i % 2 == 0 ? 50 : 1_000_000_000L);
        long n2 = 1 + random.nextLong(i % 3 == 0 ? 50 : 1_000_000_000L);
        cases.add(Arguments.of(method, random.nextLong(n1 + 1), n1, random.nextLong(n2 + 1), n2));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}/{2} vs {3}/{4}")
  @MethodSource("randomTables")
  void limitsAreTheReciprocalRiskDifferenceLimits(
      RiskDifferenceMethod method, long x1, long n1, long x2, long n2) {
    TwoByTwo table = TwoByTwo.of(x1, n1, x2, n2);
    if (!method.accepts(n1, n2)) {
      // above the size limit of the exact unconditional interval: the NNT is refused as its RD
      SizeLimits.assertRefused(method, () -> NumberNeededToTreat.of(table, method, 0.95));
      return;
    }
    Estimate rd = method.interval(table, 0.95);
    Estimate nnt = NumberNeededToTreat.of(table, method, 0.95);
    assertThat(nnt.method()).isEqualTo(method.id());
    if (rd.lower() > 0 || rd.upper() < 0) {
      assertThat(nnt.lower()).isEqualTo(1 / rd.upper());
      assertThat(nnt.upper()).isEqualTo(1 / rd.lower());
      assertThat(nnt.lower()).isLessThan(nnt.upper());
      assertThat(nnt.note()).isEmpty();
    } else if (rd.lower() < 0 && rd.upper() > 0) {
      assertThat(nnt.lower()).isEqualTo(1 / rd.upper()).isPositive();
      assertThat(nnt.upper()).isEqualTo(1 / rd.lower()).isNegative();
      assertThat(nnt.note()).startsWith("RD interval includes 0: NNT interval is disjoint");
    }
    // |NNT| >= 1 wherever it is finite, since |RD| <= 1.
    for (double value : new double[] {nnt.estimate(), nnt.lower(), nnt.upper()}) {
      assertThat(Math.abs(value)).isGreaterThanOrEqualTo(1);
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }
}
