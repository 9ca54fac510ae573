package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.linear.Term;

/**
 * The bracketing fall-back of the ML and REML estimators, plain and with moderators, on a data set
 * where Fisher scoring from the Hedges estimate does not converge: data/oscillating.csv (k = 7, one
 * precise study far from the others), on which the REML iterates alternate between about 0.19 and
 * 2.6 with and without the moderator x. The references maximise the (restricted) likelihood in
 * 60-digit arithmetic (make_scoring_fallback_fixtures.py, mpmath; scoring_fallback_fixtures.csv).
 * Tolerance 1e-9 relative (Brent's method stops at 1e-15; the score is computed in doubles).
 */
class ScoringFallbackTest {
  private static final String BASE = "/org/trialstats/meta/";

  static Stream<Map<String, String>> fits() {
    return ReferenceData.csv(BASE + "scoring_fallback_fixtures.csv").stream();
  }

  private static MetaRegression fit(Map<String, String> row) {
    List<Map<String, String>> data = ReferenceData.csv(BASE + "data/oscillating.csv");
    int k = data.size();
    double[] y = data.stream().mapToDouble(r -> Double.parseDouble(r.get("yi"))).toArray();
    double[] v = data.stream().mapToDouble(r -> Double.parseDouble(r.get("vi"))).toArray();
    ModeratorDesign design =
        row.get("model").equals("moderator")
            ? ModeratorDesign.of(
                k,
                List.<Term>of(
                    ModeratorDesign.term(
                        "x", data.stream().map(r -> r.get("x")).toArray(String[]::new))))
            : ModeratorDesign.interceptOnly(k);
    Tau2Estimator estimator = Tau2Estimator.fromId(row.get("method"));
    return MetaRegression.fit(
        y, v, design, new MetaRegression.Settings(MetaModel.RANDOM, estimator, false, 0.95));
  }

  @ParameterizedTest
  @MethodSource("fits")
  void maximumOfTheLikelihoodWhereScoringOscillates(Map<String, String> row) {
    MetaRegression fit = fit(row);
    assertThat(fit.tau2Fit().converged()).isTrue();
    double tau2 = ReferenceData.number(row.get("tau2"));
    if (tau2 == 0) {
      assertThat(fit.tau2()).isZero();
    } else {
      Close.check(row, "tau2", fit.tau2(), 1e-9);
    }
    Close.check(row, "b0", fit.coefficients().get(0).estimate(), 1e-9);
    Close.check(row, "se_b0", fit.coefficients().get(0).se(), 1e-9);
    if (fit.coefficients().size() > 1) {
      Close.check(row, "b1", fit.coefficients().get(1).estimate(), 1e-9);
      Close.check(row, "se_b1", fit.coefficients().get(1).se(), 1e-9);
    }
    if (row.get("method").equals("REML")) {
      // scoring alone oscillates here: the estimate comes from the bracketing fall-back
      assertThat(fit.tau2Fit().note()).contains("bracketing root search on the score");
      assertThat(fit.tau2Fit().iterations()).isGreaterThan(Tau2.MAX_ITERATIONS);
    }
  }

  @ParameterizedTest
  @MethodSource("fits")
  void thePlainEstimatorAgreesWithItsInterceptOnlyForm(Map<String, String> row) {
    if (!row.get("model").equals("intercept")) {
      return;
    }
    List<Map<String, String>> data = ReferenceData.csv(BASE + "data/oscillating.csv");
    double[] y = data.stream().mapToDouble(r -> Double.parseDouble(r.get("yi"))).toArray();
    double[] v = data.stream().mapToDouble(r -> Double.parseDouble(r.get("vi"))).toArray();
    Tau2Fit plain = Tau2.estimate(Tau2Estimator.fromId(row.get("method")), y, v);
    assertThat(plain.converged()).isTrue();
    Close.check(row, "tau2", plain.tau2(), 1e-9);
    if (row.get("method").equals("REML")) {
      assertThat(plain.note())
          .isEqualTo(
              "Fisher scoring for the REML estimate of tau^2 did not converge in 1000"
                  + " iterations; tau^2 was found by a bracketing root search on the score"
                  + " instead");
    }
  }
}
