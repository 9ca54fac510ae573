package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.SensitivityStep;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.Tau2Estimator;

/**
 * Leave-one-out and cumulative analyses keep one summary per step, not a copy of every study per
 * step: 5,000 studies needed 5.4 GB when each step held its k studies (O(k^2) memory).
 */
class SensitivityMemoryTest {
  private static List<StudyData> studies(int k) {
    SplittableRandom random = new SplittableRandom(18);
    List<StudyData> studies = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long n1 = 50 + random.nextInt(200);
      long n2 = 50 + random.nextInt(200);
      studies.add(
          StudyData.counts("s" + i, null, 1 + random.nextInt(20), n1, 1 + random.nextInt(20), n2));
    }
    return studies;
  }

  @Test
  void stepsHoldSummariesWithTheSameNumbersAsAFullRefit() {
    List<StudyData> studies = studies(40);
    MetaOptions options = MetaOptions.random(EffectMeasure.OR, Tau2Estimator.REML);
    List<SensitivityStep> loo = MetaAnalysis.leaveOneOut(studies, options);
    List<SensitivityStep> cumulative = MetaAnalysis.cumulative(studies, options);
    assertThat(loo).hasSize(40);
    for (SensitivityStep step : loo) {
      assertThat(step.result().studies()).isEmpty();
      assertThat(step.result().input()).isEmpty();
    }
    cumulative.forEach(step -> assertThat(step.result().studies()).isEmpty());
    // step 7 equals the model fitted to the 39 other studies, to the last bit
    List<StudyData> rest = new ArrayList<>(studies);
    rest.remove(7);
    MetaResult refit = MetaAnalysis.run(rest, options);
    MetaResult step = loo.get(7).result();
    assertThat(loo.get(7).study()).isEqualTo("s7");
    assertThat(step.k()).isEqualTo(39);
    assertThat(step.estimate()).isCloseTo(refit.estimate(), within(0.0));
    assertThat(step.lower()).isCloseTo(refit.lower(), within(0.0));
    assertThat(step.tau2()).isCloseTo(refit.tau2(), within(0.0));
    assertThat(step.i2()).isCloseTo(refit.i2(), within(0.0));
  }
}
