package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Worked examples with published numbers or the anakinra article's figures, compared to the printed
 * decimals (the full-precision references are in PoissonReferenceTest).
 */
class PoissonPublishedExamplesTest {

  /** Half a unit in the last printed decimal. */
  private static Offset<Double> printed(int decimals) {
    return within(0.5 * Math.pow(10, -decimals) + 1e-12);
  }

  @Test
  void lymphomaRatePer100PersonYears() {
    // Anakinra article: 8 lymphomas over 6400 person-years, per 100 PY: 0.125, exact 95% (0.0540,
    // 0.2463).
    // R 4.2.2: poisson.test(8, 6400)$conf.int * 100 -> 0.0539661277616953 0.246299831565521
    Estimate rate = RateMethod.EXACT.interval(new PoissonCount(8, 6400), 0.95).scaled(100);
    assertThat(rate.estimate()).isEqualTo(0.125);
    assertThat(rate.lower()).isCloseTo(0.0540, printed(4));
    assertThat(rate.upper()).isCloseTo(0.2463, printed(4));
    assertThat(rate.lower()).isCloseTo(0.0539661277616953, within(1e-15));
    assertThat(rate.upper()).isCloseTo(0.246299831565521, within(1e-15));
  }

  @Test
  void lymphomaSir() {
    // Anakinra article: 8 observed vs 8/3.6 = 2.2222 expected: SIR 3.6, exact 95% (1.554, 7.093).
    // R 4.2.2: poisson.test(8, 8/3.6)$conf.int -> 1.554224480 7.093435149
    Estimate sir = SirMethod.EXACT.interval(8, 8 / 3.6, 0.95);
    assertThat(sir.estimate()).isCloseTo(3.6, within(1e-14));
    assertThat(sir.lower()).isCloseTo(1.554, printed(3));
    assertThat(sir.upper()).isCloseTo(7.093, printed(3));
  }

  @Test
  void melanomaSir() {
    // Anakinra article: melanoma 3 observed vs 1 expected: SIR 3.0, exact 0.619 to 8.767, p =
    // 0.080.
    // R 4.2.2: poisson.test(3, 1) -> conf.int 0.6186721 8.7672731, p-value 0.0803013970713942
    Estimate sir = SirMethod.EXACT.interval(3, 1, 0.95);
    assertThat(sir.estimate()).isEqualTo(3.0);
    assertThat(sir.lower()).isCloseTo(0.619, printed(3));
    assertThat(sir.upper()).isCloseTo(8.767, printed(3));
    assertThat(sir.pValue()).isCloseTo(0.080, printed(3));
    assertThat(sir.pValue()).isCloseTo(0.0803013970713942, within(1e-15));
  }

  @Test
  void calabrese1992StandardisedRatio() {
    // Calabrese EJ (ed.), Biological Effects of Low Level Exposures to Chemicals and Radiation,
    // 1992, ch. 7 (Poisson table 7.5): 30 observed cases, 95% limits for the true expected number
    // 20.24 to 42.83; with 15.21 expected, SR 95% CI = (20.24, 42.83) / 15.21 = (1.33, 2.82).
    Estimate mean = RateMethod.EXACT.interval(new PoissonCount(30, 1), 0.95);
    assertThat(mean.lower()).isCloseTo(20.24, printed(2));
    assertThat(mean.upper()).isCloseTo(42.83, printed(2));
    Estimate sir = SirMethod.EXACT.interval(30, 15.21, 0.95);
    assertThat(sir.lower()).isCloseTo(1.33, printed(2));
    assertThat(sir.upper()).isCloseTo(2.82, printed(2));
  }

  @Test
  void openEpiSmrMidPExample() {
    // Soe MM, Sullivan KM. Standardized Mortality Ratio and Confidence Interval. OpenEpi
    // documentation, 5 January 2006: example SMR 1.212 (4 observed, 3.3 expected; also epiR's
    // epi.smr default example), "Mid-P exact test shows p=0.6571".
    Estimate sir = SirMethod.MID_P.interval(4, 3.3, 0.95);
    assertThat(sir.estimate()).isCloseTo(1.212, printed(3));
    assertThat(sir.pValue()).isCloseTo(0.6571, printed(4));
    // The mid-p limits bracket the same SMR inside the exact ones (mid-p is less conservative).
    Estimate exact = SirMethod.EXACT.interval(4, 3.3, 0.95);
    assertThat(sir.lower()).isGreaterThan(exact.lower());
    assertThat(sir.upper()).isLessThan(exact.upper());
  }

  @Test
  void byarClosedFormEvaluatedWithBc() {
    // Breslow & Day (1987) vol. II ch. 2 form for x = 100, z = qnorm(0.975) = 1.9599639845400536:
    // echo "100*(1-1/900-z/30)^3; 101*(1-1/909+z/(3*sqrt(101)))^3" | bc -l
    //   -> 81.36210549052786768500, 121.62793757920647530124
    Estimate mean = RateMethod.BYAR.interval(new PoissonCount(100, 1), 0.95);
    assertThat(mean.lower()).isCloseTo(81.36210549052787, within(1e-12));
    assertThat(mean.upper()).isCloseTo(121.62793757920648, within(1e-12));
  }
}
