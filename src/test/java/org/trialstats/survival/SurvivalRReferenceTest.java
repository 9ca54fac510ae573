package org.trialstats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstats.testing.ReferenceCsv.number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.trialstats.testing.ReferenceCsv;

/**
 * Every estimator against R survival 3.5 ({@code
 * org/trialstats/validation/survival/make_fixtures.R}, shipped for {@code validate}): nine data
 * sets (R's lung, aml, veteran, ovarian; generated untied, tied/stratified/three-group, 5000
 * subjects with heavy ties, and two small curves with flat stretches at exactly 0.5). Tolerance
 * 1e-6 relative (absolute below 1e-6) for every number; counts and quantile times exactly.
 */
class SurvivalRReferenceTest {
  private static final double TOL = 1e-6;

  @Test
  void kaplanMeierAtRequestedAndEventTimesForAllFiveTransforms() {
    Map<String, List<Map<String, String>>> byCurve = new LinkedHashMap<>();
    for (Map<String, String> r : SurvivalFixtures.rows("km.csv")) {
      String key =
          r.get("dataset") + "|" + r.get("conf_type") + "|" + r.get("group") + "|" + r.get("kind");
      byCurve.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    int compared = 0;
    for (var e : byCurve.entrySet()) {
      String[] key = e.getKey().split("\\|");
      List<Map<String, String>> expected = e.getValue();
      KaplanMeierCurve curve =
          KaplanMeier.byGroup(SurvivalFixtures.sample(key[0], false)).get(Integer.parseInt(key[2]));
      ConfidenceTransform tr = SurvivalFixtures.transform(key[1]);
      List<SurvivalPoint> actual;
      if (key[3].equals("times")) {
        double[] times = expected.stream().mapToDouble(r -> number(r.get("time"))).toArray();
        actual = curve.at(times, tr, 0.95);
      } else {
        actual = curve.eventTimes(tr, 0.95);
      }
      assertThat(actual).as(e.getKey()).hasSize(expected.size());
      for (int i = 0; i < actual.size(); i++) {
        Map<String, String> r = expected.get(i);
        SurvivalPoint p = actual.get(i);
        String where = e.getKey() + " t=" + r.get("time");
        assertThat(p.time()).as(where).isEqualTo(number(r.get("time")));
        assertThat(p.atRisk()).as(where).isEqualTo((int) number(r.get("n_risk")));
        assertThat(p.events()).as(where).isEqualTo((int) number(r.get("n_event")));
        if (!r.get("n_censor").equals("NA")) {
          assertThat(p.censored()).as(where).isEqualTo((int) number(r.get("n_censor")));
        }
        double s = number(r.get("surv"));
        assertClose(where + " surv", s, p.survival());
        // where R has NA/NaN (S = 0, or S = 1 on the log-log scale) the interval collapses to S
        assertCloseOrCollapsed(where + " se", number(r.get("std_err")), p.standardError(), 0);
        assertCloseOrCollapsed(where + " lower", number(r.get("lower")), p.lower(), s);
        assertCloseOrCollapsed(where + " upper", number(r.get("upper")), p.upper(), s);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(4000);
  }

  @Test
  void quantilesWithBrookmeyerCrowleyLimits() {
    int notReached = 0;
    for (Map<String, String> r : SurvivalFixtures.rows("quantiles.csv")) {
      KaplanMeierCurve curve =
          KaplanMeier.byGroup(SurvivalFixtures.sample(r.get("dataset"), false))
              .get(Integer.parseInt(r.get("group")));
      SurvivalQuantile q =
          curve.quantile(number(r.get("p")), SurvivalFixtures.transform(r.get("conf_type")), 0.95);
      String where = r.toString();
      assertOptional(where + " quantile", r.get("quantile"), q.estimate());
      assertOptional(where + " lower", r.get("lower"), q.lower());
      assertOptional(where + " upper", r.get("upper"), q.upper());
      notReached += r.get("upper").equals("NA") ? 1 : 0;
    }
    assertThat(notReached).as("rows with an upper limit not reached").isGreaterThan(20);
  }

  @Test
  void logRankPetoPetoAndGehanWilcoxonPlainAndStratified() {
    for (Map<String, String> r : SurvivalFixtures.rows("logrank.csv")) {
      boolean stratified = Boolean.parseBoolean(r.get("stratified"));
      LogRankResult result =
          LogRankTest.test(
              SurvivalFixtures.sample(r.get("dataset"), stratified),
              LogRankWeight.parse(r.get("weight")));
      String where = r.toString();
      assertThat(result.degreesOfFreedom()).as(where).isEqualTo((int) number(r.get("df")));
      assertClose(where + " chisq", number(r.get("chisq")), result.chiSquare());
      assertClose(where + " p", number(r.get("p")), result.pValue());
      assertThat(result.stratified()).isEqualTo(stratified);
    }
  }

  @Test
  void coxEfronBreslowExactPlainAndStratified() {
    Map<String, List<Map<String, String>>> byModel = new LinkedHashMap<>();
    for (Map<String, String> r : SurvivalFixtures.rows("cox.csv")) {
      byModel
          .computeIfAbsent(
              r.get("dataset") + "|" + r.get("ties") + "|" + r.get("stratified"),
              x -> new ArrayList<>())
          .add(r);
    }
    assertThat(byModel).hasSizeGreaterThan(35);
    for (var e : byModel.entrySet()) {
      String[] key = e.getKey().split("\\|");
      CoxResult fit =
          CoxModel.fit(
              SurvivalFixtures.sample(key[0], Boolean.parseBoolean(key[2])),
              0,
              TiesMethod.parse(key[1]),
              0.95);
      Map<String, String> first = e.getValue().get(0);
      String where = e.getKey();
      assertClose(where + " loglik0", number(first.get("loglik0")), fit.logLikelihoodNull());
      assertClose(where + " loglik", number(first.get("loglik")), fit.logLikelihood());
      assertClose(where + " lr", number(first.get("lr")), fit.likelihoodRatio());
      assertClose(where + " wald", number(first.get("wald")), fit.wald());
      assertClose(where + " score", number(first.get("score")), fit.score());
      assertThat(fit.terms()).hasSize(e.getValue().size());
      for (Map<String, String> r : e.getValue()) {
        CoxTerm term = fit.terms().get(Integer.parseInt(r.get("group")) - 1);
        assertClose(where + " coef", number(r.get("coef")), term.coefficient());
        assertClose(where + " se", number(r.get("se")), term.standardError());
        assertClose(where + " p", number(r.get("p")), term.pValue());
      }
    }
  }

  @Test
  void restrictedMeanSurvivalTime() {
    for (Map<String, String> r : SurvivalFixtures.rows("rmst.csv")) {
      KaplanMeierCurve curve =
          KaplanMeier.byGroup(SurvivalFixtures.sample(r.get("dataset"), false))
              .get(Integer.parseInt(r.get("group")));
      RestrictedMean m = curve.restrictedMean(number(r.get("tau")));
      assertClose(r + " rmean", number(r.get("rmean")), m.estimate());
      assertClose(r + " se", number(r.get("se")), m.standardError());
    }
  }

  private static void assertOptional(String where, String expected, OptionalDouble actual) {
    if (expected.equals("NA")) {
      assertThat(actual).as(where + " (R: not reached)").isEmpty();
    } else {
      assertThat(actual).as(where).isPresent();
      assertThat(actual.getAsDouble()).as(where).isEqualTo(number(expected));
    }
  }

  private static void assertClose(String where, double expected, double actual) {
    assertThat(ReferenceCsv.close(expected, actual, TOL))
        .as("%s: expected %s, got %s", where, expected, actual)
        .isTrue();
  }

  private static void assertCloseOrCollapsed(
      String where, double expected, double actual, double collapsed) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(where + " (R: NA)").isEqualTo(collapsed);
    } else {
      assertClose(where, expected, actual);
    }
  }
}
