package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The typed request: its counts are checked when they are built, the request checks that they fit
 * the method's measure, and the messages speak of the mathematics, not of options or columns.
 */
class RequestTest {
  @Test
  void countsAreCheckedWhenBuilt() {
    assertThatThrownBy(() -> new Counts.Proportion(5, 3))
        .isInstanceOf(StatsException.class)
        .hasMessage("events (5) must not exceed n (3)");
    assertThatThrownBy(() -> new Counts.Proportion(1, 3_000_000_000L))
        .hasMessageStartingWith("n = 3000000000 is above 2 x 10^9");
    assertThatThrownBy(() -> new Counts.Rate(3, 0, 1))
        .hasMessage("exposure must be a finite positive number, got 0.0");
    assertThatThrownBy(() -> new Counts.Rate(3, 10, 0))
        .hasMessage("per must be a finite positive number, got 0.0");
    assertThatThrownBy(() -> new Counts.Sir(3, -1))
        .hasMessage("expected must be a finite positive number, got -1.0");
    assertThatThrownBy(() -> new Counts.TwoArms(TwoByTwo.of(1, 2, 1, 2), -0.1))
        .hasMessageContaining("Berger-Boos gamma");
  }

  @Test
  void theCountsMustFitTheMeasure() {
    assertThatThrownBy(
            () -> new Request(RiskDifferenceMethod.MN, new Counts.Proportion(1, 2), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessage("Risk difference (rd) cannot be computed from Proportion counts");
    assertThatThrownBy(() -> new Request(ProportionMethod.WILSON, new Counts.Sir(1, 2), 0.95))
        .hasMessageContaining("cannot be computed from Sir counts");
    assertThatThrownBy(() -> Request.proportion(ProportionMethod.WILSON, 1, 2, 1.5))
        .hasMessage("level must be strictly between 0 and 1, got 1.5");
  }

  /** The methods themselves take gamma: the exact ones pass it on, the others refuse it. */
  @Test
  void theMethodsTakeTheBergerBoosGammaThemselves() {
    TwoByTwo t = TwoByTwo.of(6, 13, 2, 7);
    assertThat(RiskDifferenceMethod.EXACT_UNCONDITIONAL.interval(t, 0.95, 1e-6))
        .isEqualTo(
            UnconditionalExactInterval.riskDifference(t, 0.95, true, 1e-6, "exact-unconditional"));
    assertThat(RiskDifferenceMethod.EXACT_UNCONDITIONAL_RAW.interval(t, 0.95, 0.001))
        .isEqualTo(
            UnconditionalExactInterval.riskDifference(
                t, 0.95, false, 0.001, "exact-unconditional-raw"));
    assertThat(RiskRatioMethod.EXACT_UNCONDITIONAL.interval(t, 0.95, 1e-6))
        .isEqualTo(UnconditionalExactInterval.riskRatio(t, 0.95, 1e-6, "exact-unconditional"));
    assertThat(RiskDifferenceMethod.MN.interval(t, 0.95, 0))
        .isEqualTo(RiskDifferenceMethod.MN.interval(t, 0.95));
    assertThatThrownBy(() -> RiskRatioMethod.KOOPMAN.interval(t, 0.95, 0.001))
        .isInstanceOf(StatsException.class)
        .hasMessage(
            "the Berger-Boos restriction applies only to the exact unconditional intervals, not to"
                + " rr koopman");
  }

  @Test
  void theBergerBoosGammaAppliesOnlyToExactUnconditionalIntervalsBelowHalfAlpha() {
    Counts arms = new Counts.TwoArms(TwoByTwo.of(3, 10, 7, 12), 0.001);
    assertThatThrownBy(() -> new Request(RiskDifferenceMethod.MN, arms, 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("applies only to the exact unconditional intervals")
        .hasMessageNotContaining("--");
    assertThatThrownBy(() -> new Request(OddsRatioMethod.MN, arms, 0.95))
        .hasMessageContaining("not to or mn");
    assertThatThrownBy(() -> new Request(RiskRatioMethod.EXACT_UNCONDITIONAL, arms, 0.999))
        .hasMessage(
            "exact-unconditional: the Berger-Boos restriction gamma must satisfy 0 <= gamma <"
                + " alpha/2, where alpha = 1 - confidence level; for the level 0.999 that is the"
                + " range [0, 0.0005); got gamma = 0.001");
    for (StatMethod m :
        new StatMethod[] {
          RiskDifferenceMethod.EXACT_UNCONDITIONAL,
          RiskDifferenceMethod.EXACT_UNCONDITIONAL_RAW,
          RiskRatioMethod.EXACT_UNCONDITIONAL
        }) {
      assertThat(MethodCatalogue.acceptsBergerBoos(m)).isTrue();
      Result r = MethodCatalogue.compute(new Request(m, arms, 0.95));
      Estimate api =
          m == RiskRatioMethod.EXACT_UNCONDITIONAL
              ? UnconditionalExactInterval.riskRatio(TwoByTwo.of(3, 10, 7, 12), 0.95, 0.001, m.id())
              : UnconditionalExactInterval.riskDifference(
                  TwoByTwo.of(3, 10, 7, 12),
                  0.95,
                  m == RiskDifferenceMethod.EXACT_UNCONDITIONAL,
                  0.001,
                  m.id());
      assertThat(r).isEqualTo(api);
    }
  }

  @Test
  void aRateRatioHasNoScale() {
    Counts rates = new Counts.TwoRates(new PoissonCount(3, 10), new PoissonCount(4, 12), 100);
    assertThatThrownBy(() -> new Request(RateRatioMethod.WALD, rates, 0.95))
        .hasMessage("a ratio of rates has no scale: per must be 1, got 100.0");
    Result diff = MethodCatalogue.compute(new Request(RateDifferenceMethod.WALD, rates, 0.95));
    Result unscaled =
        MethodCatalogue.compute(
            new Request(
                RateDifferenceMethod.WALD,
                new Counts.TwoRates(new PoissonCount(3, 10), new PoissonCount(4, 12), 1),
                0.95));
    assertThat(diff.value()).isEqualTo(unscaled.value() * 100);
  }
}
