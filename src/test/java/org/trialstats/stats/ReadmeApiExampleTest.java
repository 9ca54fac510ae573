package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Java API example of the README, with the values its comments print. */
class ReadmeApiExampleTest {
  @Test
  void readmeExampleGivesTheNumbersItShows() {
    TwoByTwo acr20 = TwoByTwo.of(95, 250, 55, 251);
    Estimate rd = RiskDifferenceMethod.NEWCOMBE.interval(acr20, 0.95);
    Estimate rr = RiskRatioMethod.MN.interval(acr20, 0.95);
    Result any =
        MethodCatalogue.compute(
            Request.twoArms(OddsRatioMethod.EXACT_CONDITIONAL, 95, 250, 55, 251, 0.95));
    // project reference values (R 4.2.2 / statsmodels 0.13.5), printed to 6 decimals
    assertThat(rd.estimate()).isCloseTo(0.160876, within(1e-6));
    assertThat(rd.lower()).isCloseTo(0.080866, within(1e-6));
    assertThat(rd.upper()).isCloseTo(0.238159, within(1e-6));
    assertThat(rr.estimate()).isCloseTo(1.734182, within(1e-6));
    assertThat(rr.lower()).isCloseTo(1.311966, within(1e-6));
    assertThat(rr.upper()).isCloseTo(2.304767, within(1e-6));
    assertThat(any.measure()).isEqualTo(Measure.OR);
    assertThat(any.method()).isEqualTo("exact-conditional");
    assertThat(any.lower()).isLessThan(any.value()).isGreaterThan(1);
  }
}
