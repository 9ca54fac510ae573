package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented differences from and agreements with metafor's printed output: the prediction
 * interval formulas (BCG trials, RR, REML: metafor {@code predict(res, transf = exp)} prints pi.lb
 * 0.1546, pi.ub 1.5490, and with {@code test = "knha"} 0.1359, 1.7629), and the sparse-events
 * warning, which depends on the counts only, not on the tau^2 estimator.
 */
class MetaforParityTest {
  private static final List<StudyData> BCG = MetaforFixturesTest.data("bcg");
  private static final List<StudyData> NIELWEISE = MetaforFixturesTest.data("nielweise2007");

  @Test
  void predictionIntervalBothWays() {
    MetaOptions reml = MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML);
    MetaResult hts = MetaAnalysis.run(BCG, reml);
    assertThat(hts.piLower()).isCloseTo(0.134, within(5e-4));
    assertThat(hts.piUpper()).isCloseTo(1.785, within(5e-4));
    MetaResult metafor = MetaAnalysis.run(BCG, reml.withPrediction(PredictionMethod.METAFOR));
    assertThat(metafor.piLower()).isCloseTo(0.1546, within(5e-5));
    assertThat(metafor.piUpper()).isCloseTo(1.5490, within(5e-5));
    MetaResult knha =
        MetaAnalysis.run(BCG, reml.withHksj(true).withPrediction(PredictionMethod.METAFOR));
    assertThat(knha.piLower()).isCloseTo(0.1359, within(5e-5));
    assertThat(knha.piUpper()).isCloseTo(1.7629, within(5e-5));
  }

  @Test
  void hartungKnappForAFixedEffectModel() {
    // metafor rma(method = "FE", test = "knha") on BCG: se 0.1442, t(12) p 0.0114, CI -0.7446,
    // -0.1160
    MetaResult r =
        MetaAnalysis.run(BCG, MetaOptions.fixed(EffectMeasure.RR, FixedMethod.IV).withHksj(true));
    assertThat(r.se()).isCloseTo(0.1442, within(5e-5));
    assertThat(r.statisticDf()).isEqualTo(12);
    assertThat(r.pvalue()).isCloseTo(0.0114, within(5e-5));
    assertThat(r.muLower()).isCloseTo(-0.7446, within(5e-5));
    assertThat(r.muUpper()).isCloseTo(-0.1160, within(5e-5));
    assertThat(r.warnings()).anyMatch(w -> w.contains("designed for random-effects models"));
  }

  @Test
  void sparseEventsWarningDependsOnTheCountsOnly() {
    for (Tau2Estimator e : Tau2Estimator.values()) {
      MetaOptions o = MetaOptions.random(EffectMeasure.RR, e);
      assertThat(MetaAnalysis.run(BCG, o).warnings())
          .as("BCG, 1,065 and 1,510 events, %s", e)
          .noneMatch(w -> w.contains("sparse events"));
      assertThat(MetaAnalysis.run(NIELWEISE, o).warnings())
          .as("Niel-Weise 2007, zero cells, %s", e)
          .anyMatch(w -> w.startsWith("sparse events (no events in an arm of"));
    }
    assertThat(
            MetaAnalysis.run(NIELWEISE, MetaOptions.fixed(EffectMeasure.RR, FixedMethod.MH))
                .warnings())
        .noneMatch(w -> w.contains("sparse events"));
  }

  /**
   * The same counts-only rule for incidence rates: in Niel-Weise 2008 Jaeger 2001 has 1 + 1 events,
   * so the warning names it under every estimator and not under Mantel-Haenszel; the same trials
   * with ten times the events (person-time scaled alike) draw no warning.
   */
  @Test
  void sparseEventsWarningForIncidenceRatesDependsOnTheCountsOnly() {
    List<StudyData> rates = MetaforFixturesTest.data("nielweise2008");
    List<StudyData> common =
        rates.stream()
            .map(
                s ->
                    StudyData.personTime(
                        s.study(),
                        null,
                        new PersonTime(
                            10 * s.rates().events1(),
                            10 * s.rates().time1(),
                            10 * s.rates().events2(),
                            10 * s.rates().time2())))
            .toList();
    for (Tau2Estimator e : Tau2Estimator.values()) {
      MetaOptions o = MetaOptions.random(EffectMeasure.IRR, e);
      assertThat(MetaAnalysis.run(rates, o).warnings())
          .as("Niel-Weise 2008, %s", e)
          .anyMatch(w -> w.startsWith("sparse events (fewer than 5 events in Jaeger et al. 2001)"));
      assertThat(MetaAnalysis.run(common, o).warnings())
          .as("ten times the events, %s", e)
          .noneMatch(w -> w.contains("sparse events"));
    }
    assertThat(
            MetaAnalysis.run(rates, MetaOptions.fixed(EffectMeasure.IRR, FixedMethod.MH))
                .warnings())
        .noneMatch(w -> w.contains("sparse events"));
  }

  @Test
  void mantelHaenszelKeepsAnAllEventsStudyAsMetafor() {
    // metafor rma.mh(measure = "RR") on (10/10, 10/10), (5/20, 8/20), (20/40, 25/40):
    // k = 3, estimate -0.2059, se 0.1388, Q(df = 1) = 0.3176
    List<StudyData> s =
        List.of(
            StudyData.counts("all", null, 10, 10, 10, 10),
            StudyData.counts("b", null, 5, 20, 8, 20),
            StudyData.counts("c", null, 20, 40, 25, 40));
    MetaResult r = MetaAnalysis.run(s, MetaOptions.fixed(EffectMeasure.RR, FixedMethod.MH));
    assertThat(r.kTables()).isEqualTo(3);
    assertThat(r.k()).isEqualTo(2);
    assertThat(r.mu()).isCloseTo(-0.2059, within(5e-5));
    assertThat(r.se()).isCloseTo(0.1388, within(5e-5));
    assertThat(r.q()).isCloseTo(0.3176, within(5e-5));
  }
}
