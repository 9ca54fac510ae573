package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Iterative estimators (REML, ML, PM) and the Q-profile limits converge to ~1e-12 on k = 2 and k =
 * 2,000 generated studies, or report non-convergence in words without an exception. The checks use
 * the defining equations: the REML score y'PPy - tr(P) = 0 (Viechtbauer 2005, eq. 14), the ML score
 * sum w^2 (y - mu)^2 - sum w = 0, and Q_gen(tau^2) = k - 1 for Paule-Mandel (or the boundary tau^2
 * = 0 with a non-positive score / Q_gen(0) &lt;= k - 1). The metafor values for two generated k =
 * 2,000 sets are checked in {@link MetaforFixturesTest}.
 */
class ConvergenceTest {

  /** Generated meta-analyses: k, true tau^2, seed. */
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    SplittableRandom seeds = new SplittableRandom(20240604L);
    for (int k : new int[] {2, 3, 2000}) {
      for (double tau2 : new double[] {0, 0.05, 1}) {
        for (int rep = 0; rep < 4; rep++) {
          out.add(Arguments.of(k, tau2, seeds.nextLong()));
        }
      }
    }
    return out.stream();
  }

  static double[][] generate(int k, double tau2, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = 0.002 + 0.5 * rnd.nextDouble() * rnd.nextDouble();
      y[i] = -0.3 + Math.sqrt(tau2) * gaussian(rnd) + Math.sqrt(v[i]) * gaussian(rnd);
    }
    return new double[][] {y, v};
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double w = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * w);
  }

  @ParameterizedTest(name = "k = {0}, tau2 = {1}, seed {2}")
  @MethodSource("cases")
  void iterativeEstimatorsSolveTheirEquations(int k, double tau2, long seed) {
    double[][] data = generate(k, tau2, seed);
    double[] y = data[0];
    double[] v = data[1];
    double scale = Tau2.meanOf(v);

    Tau2Fit reml = Tau2.estimate(Tau2Estimator.REML, y, v);
    assertThat(reml.converged()).isTrue();
    WeightedSums s = new WeightedSums(y, v, reml.tau2());
    double remlScore = s.yPPy(y) - s.traceP();
    if (reml.tau2() > 0) {
      // the Fisher step at the solution is below the tolerance
      assertThat(Math.abs(remlScore / s.tracePP())).isLessThan(1e-9 * Math.max(reml.tau2(), scale));
    } else {
      assertThat(remlScore).isLessThanOrEqualTo(1e-12 * s.traceP());
    }

    Tau2Fit ml = Tau2.estimate(Tau2Estimator.ML, y, v);
    assertThat(ml.converged()).isTrue();
    WeightedSums m = new WeightedSums(y, v, ml.tau2());
    double mlScore = m.yPPy(y) - m.sumW;
    if (ml.tau2() > 0) {
      assertThat(Math.abs(mlScore / m.sumW2())).isLessThan(1e-9 * Math.max(ml.tau2(), scale));
    } else {
      assertThat(mlScore).isLessThanOrEqualTo(1e-12 * m.sumW);
    }

    Tau2Fit pm = Tau2.estimate(Tau2Estimator.PM, y, v);
    assertThat(pm.converged()).isTrue();
    double q = new WeightedSums(y, v, pm.tau2()).q;
    if (pm.tau2() > 0) {
      assertThat(q).isCloseTo(k - 1, org.assertj.core.api.Assertions.within(1e-9 * (k - 1)));
    } else {
      assertThat(q).isLessThanOrEqualTo(k - 1);
    }

    QProfile.Interval ci = QProfile.tau2(y, v, 0.95);
    assertThat(ci.converged()).isTrue();
    assertThat(ci.lower()).isLessThanOrEqualTo(ci.upper());
  }

  @Test
  void twoThousandStudiesThroughTheWholeAnalysis() {
    double[][] data = generate(2000, 0.04, 7L);
    List<StudyData> studies = new ArrayList<>();
    for (int i = 0; i < data[0].length; i++) {
      studies.add(StudyData.generic("S" + i, null, data[0][i], data[1][i]));
    }
    for (Tau2Estimator e : Tau2Estimator.values()) {
      MetaResult r =
          MetaAnalysis.run(studies, MetaOptions.random(EffectMeasure.GENERIC, e).withHksj(true));
      assertThat(r.converged()).as(e.id()).isTrue();
      assertThat(r.warnings()).as(e.id()).noneMatch(w -> w.contains("converge"));
      assertThat(r.k()).isEqualTo(2000);
      assertThat(r.tau2Lower()).isLessThan(r.tau2Upper());
    }
  }

  /**
   * Numbers so large that the weighted sums overflow: Fisher scoring and the bracketing fall-back
   * cannot converge; the result says so in its warnings instead of throwing.
   */
  @Test
  void nonConvergenceIsReportedNotThrown() {
    List<StudyData> studies =
        List.of(
            StudyData.generic("a", null, -1e200, 1e-200),
            StudyData.generic("b", null, 1e200, 1e-200),
            StudyData.generic("c", null, 3e199, 2e-200));
    for (Tau2Estimator e :
        new Tau2Estimator[] {Tau2Estimator.REML, Tau2Estimator.ML, Tau2Estimator.PM}) {
      assertThatCode(
              () -> {
                MetaResult r =
                    MetaAnalysis.run(studies, MetaOptions.random(EffectMeasure.GENERIC, e));
                assertThat(r.converged()).isFalse();
                assertThat(r.warnings()).anyMatch(w -> w.contains("did not converge"));
              })
          .as(e.id())
          .doesNotThrowAnyException();
    }
  }
}
