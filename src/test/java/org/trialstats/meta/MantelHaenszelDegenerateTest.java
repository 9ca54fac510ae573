package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.TwoByTwo;

class MantelHaenszelDegenerateTest {
  /**
   * 0/11 vs 50/50: RD = -1 exactly and the Sato, Greenland & Robins (1989) variance is exactly 0
   * (rounding made it negative, so its square root was NaN). R 4.2.2 metafor 3.8-1: rma.mh(ai=0,
   * n1i=11, ci=50, n2i=50, measure="RD") gives beta -1 and se NaN ("NaNs produced").
   */
  @Test
  void zeroVarianceGivesADegenerateIntervalWithAWarning() {
    MantelHaenszel.Pooled pooled =
        MantelHaenszel.pool(List.of(TwoByTwo.of(0, 11, 50, 50)), EffectMeasure.RD);
    assertThat(pooled.mu()).isEqualTo(-1.0);
    assertThat(pooled.se()).isEqualTo(0.0);
  }
}
