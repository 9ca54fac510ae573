package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hedges' correction J(m) against 30-digit mpmath values (make_hedges_correction.py), and the
 * study-level rules for continuous outcomes (which studies have no estimate).
 */
class ContinuousEffectsTest {
  @Test
  void hedgesCorrectionMatchesMpmath() {
    List<Map<String, String>> rows =
        ReferenceData.csv("/org/trialstats/meta/hedges_correction.csv");
    assertThat(rows).hasSize(15);
    for (Map<String, String> r : rows) {
      double m = Double.parseDouble(r.get("m"));
      double expected = Double.parseDouble(r.get("j"));
      // 4 ulp at 1: the log-beta form keeps full precision up to m = 10^9
      assertThat(ContinuousEffects.hedgesCorrection(m))
          .as("J(%s)", r.get("m"))
          .isCloseTo(expected, within(1e-15));
    }
  }

  @Test
  void publishedHedgesGExample() {
    // Hedges & Olkin (1985), ch. 5: J(m) ~ 1 - 3/(4m - 1); at m = 18 J = 0.9576 (table 2)
    assertThat(ContinuousEffects.hedgesCorrection(18)).isCloseTo(0.9576, within(5e-5));
    assertThat(ContinuousEffects.hedgesCorrection(18)).isCloseTo(1 - 3.0 / 71, within(2e-4));
  }

  @Test
  void studiesWithoutAnEstimateAreNamed() {
    ContinuousArms zeroSd = new ContinuousArms(1, 0, 5, 2, 0, 5);
    assertThat(ContinuousEffects.exclusionReason(zeroSd, EffectMeasure.MD)).contains("variance 0");
    assertThat(ContinuousEffects.exclusionReason(zeroSd, EffectMeasure.SMD))
        .contains("pooled standard deviation 0");
    ContinuousArms tiny = new ContinuousArms(1, 1, 1, 2, 1, 2);
    assertThat(ContinuousEffects.exclusionReason(tiny, EffectMeasure.SMD)).contains("fewer than 4");
    ContinuousArms signs = new ContinuousArms(-1, 1, 10, 2, 1, 10);
    assertThat(ContinuousEffects.exclusionReason(signs, EffectMeasure.ROM))
        .contains("different sign");
    assertThat(ContinuousEffects.exclusionReason(signs, EffectMeasure.MD)).isNull();
  }
}
