package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one chart axis: its scales, the clamped mapping and each chart's own tick rule. */
class EffectAxisTest {

  @Test
  void intervalChartLinearRuleStepsInOneTwoTwoAndAHalfOrFive() {
    // span 0.45: a sixth is 0.075, so the step is 0.1; ends at multiples of it
    EffectAxis axis = EffectAxis.intervals(false, -0.1, 0.35);
    assertThat(axis.scale).isEqualTo(EffectAxis.Scale.LINEAR);
    assertThat(axis.min).isCloseTo(-0.1, within(1e-15));
    assertThat(axis.max).isCloseTo(0.4, within(1e-15));
    assertThat(axis.labels).containsExactly("-0.1", "0", "0.1", "0.2", "0.3", "0.4");
  }

  @Test
  void intervalChartLogRuleUsesThirdsOfADecadeAndOneTwoFiveTicks() {
    // log10 0.5 = -0.30 -> -1/3; log10 4 = 0.60 -> 2/3
    EffectAxis axis = EffectAxis.intervals(true, 0.5, 4);
    assertThat(axis.scale).isEqualTo(EffectAxis.Scale.LOG10);
    assertThat(axis.min).isCloseTo(-1.0 / 3, within(1e-15));
    assertThat(axis.max).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(axis.labels).containsExactly("0.5", "1", "2");
    assertThat(axis.ticks[1]).isZero();
    // a value outside the axis, 0 and -infinity clamp to the left end; +infinity to the right
    assertThat(axis.clampedX(0.1, 100, 400)).isEqualTo(100);
    assertThat(axis.clampedX(0, 100, 400)).isEqualTo(100);
    assertThat(axis.clampedX(Double.POSITIVE_INFINITY, 100, 400)).isEqualTo(500);
    assertThat(axis.contains(1)).isTrue();
    assertThat(axis.contains(0)).isFalse();
    assertThat(axis.contains(-1)).isFalse();
  }

  @Test
  void dotPlotRuleUsesHalfDecadesOnTheNaturalLogScale() {
    // ends 10^-0.5 and 10^1; ticks 1, 2, 5 times powers of 10 within 0.1% of them
    EffectAxis axis = EffectAxis.dotPlot(true, 0.5, 4);
    assertThat(axis.scale).isEqualTo(EffectAxis.Scale.LN);
    assertThat(axis.min).isEqualTo(Math.log(Math.pow(10, -0.5)));
    assertThat(axis.max).isEqualTo(Math.log(10));
    assertThat(axis.labels).containsExactly("0.5", "1", "2", "5", "10");
    assertThat(axis.position(10)).isEqualTo(1);
    assertThat(axis.position(Double.NaN)).isZero();
    assertThat(axis.position(-1)).isZero();
    assertThat(axis.share(axis.ticks[axis.ticks.length - 1])).isEqualTo(1);
  }

  @Test
  void dotPlotLinearRuleComputesItsTicksInDecimal() {
    // (37 - 0) / 5 = 7.4 -> step 10
    EffectAxis axis = EffectAxis.dotPlot(false, 0, 37);
    assertThat(axis.ticks).containsExactly(0, 10, 20, 30, 40);
    assertThat(axis.labels).containsExactly("0", "10", "20", "30", "40");
  }

  @Test
  void theRoundingRulesDifferOnlyWhereEachChartNeedsIt() {
    double justAboveTwo = 2 * (1 + 1e-13);
    assertThat(EffectAxis.niceCeiling(justAboveTwo)).isEqualTo(2);
    assertThat(EffectAxis.niceStep(justAboveTwo)).isEqualTo(2.5);
    assertThat(EffectAxis.symmetricCeiling(2.2)).isEqualTo(5);
    assertThat(EffectAxis.niceCeiling(2.2)).isEqualTo(2.5);
  }
}
