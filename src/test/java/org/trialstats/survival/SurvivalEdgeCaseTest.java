package org.trialstats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.StatsException;

/** Degenerate data give defined results (never NaN) or a clear StatsException. */
class SurvivalEdgeCaseTest {

  private static SurvivalSample sample(double[] time, int[] event, int[] group, int groups) {
    boolean[] e = new boolean[event.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = event[i] == 1;
    }
    return SurvivalSample.of(time, e, group, groups, null, 1);
  }

  private static void assertFinite(List<SurvivalPoint> points) {
    for (SurvivalPoint p : points) {
      assertThat(new double[] {p.survival(), p.standardError(), p.lower(), p.upper()})
          .as(p.toString())
          .doesNotContain(Double.NaN);
      assertThat(p.lower()).isLessThanOrEqualTo(p.survival());
      assertThat(p.upper()).isGreaterThanOrEqualTo(p.survival());
    }
  }

  @Test
  void zeroEventGroupHasAFlatCurveALogRankTestAndNoCoxEstimate() {
    SurvivalSample s =
        sample(
            new double[] {1, 2, 3, 4, 5, 6},
            new int[] {1, 1, 1, 0, 0, 0},
            new int[] {0, 0, 0, 1, 1, 1},
            2);
    KaplanMeierCurve flat = KaplanMeier.byGroup(s).get(1);
    assertThat(flat.totalEvents()).isZero();
    assertThat(flat.quantile(0.5, ConfidenceTransform.LOG_LOG, 0.95).estimate()).isEmpty();
    LogRankResult lr = LogRankTest.test(s, LogRankWeight.LOG_RANK);
    assertThat(lr.pValue()).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> CoxModel.fit(s, 0, TiesMethod.EFRON, 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("group code 1 has no events");
  }

  @Test
  void lastObservationCensoredLeavesTheMedianNotReached() {
    SurvivalSample s =
        sample(new double[] {1, 2, 3, 10}, new int[] {1, 0, 0, 0}, new int[] {0, 0, 0, 0}, 1);
    KaplanMeierCurve c = KaplanMeier.byGroup(s).get(0);
    SurvivalQuantile median = c.quantile(0.5, ConfidenceTransform.LOG, 0.95);
    assertThat(median.estimate()).isEmpty();
    assertThat(median.upper()).isEmpty();
    assertThat(c.survivalAt(100)).isEqualTo(0.75);
    for (ConfidenceTransform t : ConfidenceTransform.values()) {
      assertFinite(c.at(new double[] {0, 1, 5, 10, 20}, t, 0.95));
    }
    RestrictedMean beyond = c.restrictedMean(20);
    assertThat(beyond.extended()).isTrue();
    assertThat(beyond.estimate()).isCloseTo(1 + 19 * 0.75, within(1e-12));
  }

  @Test
  void allCensoredGivesSurvivalOneAndNoTest() {
    SurvivalSample s =
        sample(new double[] {1, 2, 3, 4}, new int[] {0, 0, 0, 0}, new int[] {0, 1, 0, 1}, 2);
    for (KaplanMeierCurve c : KaplanMeier.byGroup(s)) {
      assertThat(c.eventTimes(ConfidenceTransform.LOG, 0.95)).isEmpty();
      assertFinite(c.at(new double[] {2, 4}, ConfidenceTransform.LOG_LOG, 0.95));
      assertThat(c.restrictedMean(4).estimate()).isEqualTo(4);
      assertThat(c.restrictedMean(4).standardError()).isZero();
    }
    assertThatThrownBy(() -> LogRankTest.test(s, LogRankWeight.LOG_RANK))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("log-rank");
  }

  @Test
  void oneSubjectAndCurvesReachingZero() {
    SurvivalSample s = sample(new double[] {7}, new int[] {1}, new int[] {0}, 1);
    KaplanMeierCurve c = KaplanMeier.byGroup(s).get(0);
    List<SurvivalPoint> rows = c.eventTimes(ConfidenceTransform.PLAIN, 0.95);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).survival()).isZero();
    assertThat(rows.get(0).standardError()).isZero();
    assertFinite(rows);
    for (ConfidenceTransform t : ConfidenceTransform.values()) {
      assertFinite(c.at(new double[] {3, 7, 8}, t, 0.95));
    }
    SurvivalQuantile median = c.quantile(0.5, ConfidenceTransform.LOG, 0.95);
    assertThat(median.estimate()).hasValue(7);
    assertThat(c.restrictedMean(10).estimate()).isEqualTo(7);
  }

  @Test
  void eventsAtTimeZeroAndHugeTimes() {
    SurvivalSample s =
        sample(
            new double[] {0, 0, 1e300, 2e300, 0, 3e300},
            new int[] {1, 0, 1, 0, 1, 1},
            new int[] {0, 0, 0, 1, 1, 1},
            2);
    List<KaplanMeierCurve> curves = KaplanMeier.byGroup(s);
    assertThat(curves.get(0).survival(0)).isCloseTo(2.0 / 3, within(1e-15));
    for (KaplanMeierCurve c : curves) {
      assertFinite(c.eventTimes(ConfidenceTransform.LOG_LOG, 0.95));
    }
    LogRankResult lr = LogRankTest.test(s, LogRankWeight.LOG_RANK);
    assertThat(lr.chiSquare()).isFinite();
    CoxResult cox = CoxModel.fit(s, 0, TiesMethod.EFRON, 0.95);
    assertThat(cox.terms().get(0).coefficient()).isFinite();
    RestrictedMean m = curves.get(1).restrictedMean(2.5e300);
    assertThat(m.estimate()).isFinite().isPositive();
  }

  @Test
  void invalidInputIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> sample(new double[] {1, -2}, new int[] {1, 1}, new int[] {0, 0}, 1))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("subject 2")
        .hasMessageContaining("-2.0");
    assertThatThrownBy(
            () -> sample(new double[] {1, Double.NaN}, new int[] {1, 1}, new int[] {0, 0}, 1))
        .isInstanceOf(StatsException.class);
    assertThatThrownBy(() -> sample(new double[] {}, new int[] {}, new int[] {}, 1))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("empty");
    KaplanMeierCurve c =
        KaplanMeier.byGroup(sample(new double[] {1}, new int[] {1}, new int[] {0}, 1)).get(0);
    assertThatThrownBy(() -> c.at(new double[] {5, 3}, ConfidenceTransform.LOG, 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("increasing");
    assertThatThrownBy(() -> c.quantile(1.0, ConfidenceTransform.LOG, 0.95))
        .isInstanceOf(StatsException.class);
    assertThatThrownBy(() -> c.restrictedMean(0)).isInstanceOf(StatsException.class);
    assertThatThrownBy(() -> ConfidenceTransform.parse("probit"))
        .hasMessageContaining("plain, log, log-log");
  }
}
