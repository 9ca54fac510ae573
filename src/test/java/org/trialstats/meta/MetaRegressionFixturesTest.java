package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.linear.Term;
import org.trialstats.stats.StatsException;

/**
 * Meta-regression, Egger's test as {@code regtest(model = "rma")} and tau^2 intervals against
 * metafor 3.8-1 (fixtures written by src/test/resources/org/trialstats/meta/make_metareg_fixtures.R
 * with convergence tightened to 1e-12): 15 designs on BCG (ablat, year, alloc), Molloy 2014,
 * Hackshaw 1998 and Bangert-Drowns 2004 (with missing moderator values) x FE, DL, ML, REML, PM, HE,
 * SJ x z / Knapp-Hartung. Tolerance 1e-9 relative for closed forms, 1e-7 for iterative estimators
 * (values near 0 compared at 1e-9 absolute).
 */
class MetaRegressionFixturesTest {
  private static final String BASE = "/org/trialstats/meta/";

  /** The studies and design of one fixture row, with rows missing a moderator left out. */
  record Data(double[] y, double[] v, ModeratorDesign design) {}

  static Data data(String dataset, String mods) {
    List<Map<String, String>> rows = ReferenceData.csv(BASE + "data/metareg_" + dataset + ".csv");
    List<String> names = mods.isEmpty() ? List.of() : List.of(mods.split(","));
    List<Map<String, String>> complete = new ArrayList<>();
    for (Map<String, String> r : rows) {
      if (names.stream().noneMatch(n -> r.get(n).equals("NA"))) {
        complete.add(r);
      }
    }
    int k = complete.size();
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = Double.parseDouble(complete.get(i).get("yi"));
      v[i] = Double.parseDouble(complete.get(i).get("vi"));
    }
    List<Term> terms = new ArrayList<>();
    for (String n : names) {
      terms.add(
          ModeratorDesign.term(n, complete.stream().map(r -> r.get(n)).toArray(String[]::new)));
    }
    return new Data(y, v, ModeratorDesign.of(k, terms));
  }

  static MetaRegression.Settings settings(Map<String, String> row) {
    boolean knha = row.get("test").equals("knha");
    String method = row.get("method");
    return method.equals("FE")
        ? new MetaRegression.Settings(MetaModel.FIXED, null, knha, 0.95)
        : new MetaRegression.Settings(MetaModel.RANDOM, Tau2Estimator.fromId(method), knha, 0.95);
  }

  private static double tolerance(Map<String, String> row) {
    return List.of("ML", "REML", "PM").contains(row.get("method")) ? 1e-7 : 1e-9;
  }

  private static void near(Map<String, String> row, String column, double actual, double tol) {
    double expected = ReferenceData.number(row.get(column));
    if (!Double.isNaN(expected) && Math.abs(expected) < 1e-9) {
      assertThat(Math.abs(actual)).as(row + " " + column).isLessThan(1e-9);
    } else {
      Close.check(row, column, actual, tol);
    }
  }

  static Stream<Map<String, String>> models() {
    return ReferenceData.csv(BASE + "metareg_fixtures.csv").stream();
  }

  @ParameterizedTest
  @MethodSource("models")
  void modelMatchesMetafor(Map<String, String> row) {
    Data d = data(row.get("dataset"), row.get("mods"));
    MetaRegression fit = MetaRegression.fit(d.y(), d.v(), d.design(), settings(row));
    double tol = tolerance(row);
    assertThat(fit.k()).isEqualTo(Integer.parseInt(row.get("k")));
    assertThat(fit.design().p()).isEqualTo(Integer.parseInt(row.get("p")));
    assertThat(fit.converged()).isTrue();
    near(row, "tau2", fit.tau2(), tol);
    near(row, "qe", fit.qe(), 1e-9);
    near(row, "qep", fit.qePvalue(), 1e-7);
    near(row, "i2", fit.i2(), tol);
    near(row, "h2", fit.h2(), tol);
    near(row, "qm", fit.qm(), tol);
    near(row, "qmp", fit.qmPvalue(), 1e-6);
    near(row, "r2", fit.r2(), 1e-6);
    if (!row.get("qp_lb").equals("NA")) {
      Tau2Interval qp = Tau2Interval.of(Tau2IntervalMethod.QP, fit);
      near(row, "qp_lb", qp.lower(), 1e-8);
      near(row, "qp_ub", qp.upper(), 1e-8);
    }
    if (!row.get("pl_lb").equals("NA")) {
      Tau2Interval pl = Tau2Interval.of(Tau2IntervalMethod.PL, fit);
      assertThat(pl.converged()).isTrue();
      near(row, "pl_lb", pl.lower(), 1e-7);
      near(row, "pl_ub", pl.upper(), 1e-7);
    }
  }

  static Stream<Map<String, String>> coefficients() {
    return ReferenceData.csv(BASE + "metareg_coefficients.csv").stream();
  }

  @ParameterizedTest
  @MethodSource("coefficients")
  void coefficientMatchesMetafor(Map<String, String> row) {
    Data d = data(row.get("dataset"), row.get("mods"));
    MetaRegression fit = MetaRegression.fit(d.y(), d.v(), d.design(), settings(row));
    RegressionCoefficient c = fit.coefficients().get(Integer.parseInt(row.get("j")) - 1);
    double tol = tolerance(row);
    near(row, "estimate", c.estimate(), tol);
    near(row, "se", c.se(), tol);
    near(row, "stat", c.statistic(), tol);
    near(row, "pvalue", c.pvalue(), 1e-6);
    near(row, "lower", c.lower(), tol);
    near(row, "upper", c.upper(), tol);
  }

  static Stream<Map<String, String>> regtests() {
    return ReferenceData.csv(BASE + "regtest_rma_fixtures.csv").stream();
  }

  @ParameterizedTest
  @MethodSource("regtests")
  void eggerRmaMatchesMetafor(Map<String, String> row) {
    Data d = data(row.get("dataset"), "");
    MetaRegression.Settings s = settings(row);
    ModeratorDesign design = ModeratorDesign.interceptOnly(d.y().length);
    double[] se = new double[d.v().length];
    for (int i = 0; i < se.length; i++) {
      se[i] = Math.sqrt(d.v()[i]);
    }
    MetaRegression fit = MetaRegression.fit(d.y(), d.v(), design.with("sei", "sei", se), s);
    MixedEggerTest test = MixedEggerTest.of(metaResult(d, s));
    double tol = tolerance(row);
    near(row, "zval", test.statistic(), tol);
    near(row, "pval", test.pvalue(), 1e-6);
    near(row, "est", test.limitEstimate(), tol);
    near(row, "ci_lb", test.limitLower(), tol);
    near(row, "ci_ub", test.limitUpper(), tol);
    near(row, "ddf", test.df(), 0);
    assertThat(test.statistic()).isEqualTo(fit.coefficients().get(1).statistic());
  }

  /** The meta-analysis of the generic effects with the row's model, as the command runs it. */
  private static MetaResult metaResult(Data d, MetaRegression.Settings s) {
    List<StudyData> studies = new ArrayList<>();
    for (int i = 0; i < d.y().length; i++) {
      studies.add(StudyData.generic("study " + (i + 1), null, d.y()[i], d.v()[i]));
    }
    MetaOptions options =
        s.model() == MetaModel.FIXED
            ? MetaOptions.fixed(EffectMeasure.GENERIC, FixedMethod.IV)
            : MetaOptions.random(EffectMeasure.GENERIC, s.estimator());
    return MetaAnalysis.run(studies, options.withHksj(s.knappHartung()));
  }

  @Test
  void interceptOnlyMatchesTheMetaAnalysisAndItsQProfile() {
    Data d = data("bcg", "");
    MetaRegression.Settings s =
        new MetaRegression.Settings(MetaModel.RANDOM, Tau2Estimator.REML, false, 0.95);
    MetaRegression fit = MetaRegression.fit(d.y(), d.v(), d.design(), s);
    MetaResult r = metaResult(d, s);
    Close.check("tau2", r.tau2(), fit.tau2(), 1e-10);
    Close.check("mu", r.mu(), fit.coefficients().get(0).estimate(), 1e-10);
    Close.check("se", r.se(), fit.coefficients().get(0).se(), 1e-10);
    QProfile.Interval qp = QProfile.tau2(d.y(), d.v(), 0.95);
    Tau2Interval general = Tau2Interval.of(Tau2IntervalMethod.QP, fit);
    Close.check("qp lower", qp.lower(), general.lower(), 1e-10);
    Close.check("qp upper", qp.upper(), general.upper(), 1e-10);
    assertThat(fit.qm()).isNaN();
    assertThat(fit.r2()).isNaN();
  }

  /**
   * Each estimator's two forms agree: with the intercept alone, its moderator form (a general
   * least-squares fit) gives the tau^2 of its meta-analysis form on BCG, to 1e-10 relative; only ML
   * and REML carry a profile-likelihood interval.
   */
  @Test
  void everyEstimatorsModeratorFormReducesToItsMetaAnalysisForm() {
    Data d = data("bcg", "");
    for (Tau2Estimator e : Tau2Estimator.values()) {
      Tau2Fit general = e.fit(d.y(), d.v(), d.design().matrix());
      Tau2Fit plain = Tau2.estimate(e, d.y(), d.v());
      assertThat(general.converged()).as("%s", e).isTrue();
      Close.check(e + " tau2", plain.tau2(), general.tau2(), 1e-10);
      assertThat(e.maximisesLikelihood())
          .as("%s", e)
          .isEqualTo(e == Tau2Estimator.ML || e == Tau2Estimator.REML);
    }
    assertThatThrownBy(
            () ->
                Tau2Interval.profileLikelihood(
                    d.y(), d.v(), d.design(), Tau2Estimator.DL, 0.1, 0.95))
        .hasMessageContaining("needs a likelihood estimate (ML or REML), not DerSimonian-Laird");
  }

  @Test
  void categoricalModeratorIsDummyCodedAgainstTheFirstSortedLevel() {
    Data d = data("bcg", "alloc");
    assertThat(d.design().columns())
        .containsExactly("intrcpt", "alloc[random]", "alloc[systematic]");
  }

  @Test
  void collinearModeratorsAndTooFewStudiesAreRefused() {
    Data d = data("bcg", "ablat");
    double[] twice = new double[d.y().length];
    for (int i = 0; i < twice.length; i++) {
      twice[i] = 2 * d.design().x()[i][1];
    }
    ModeratorDesign collinear = d.design().with("ablat2", "ablat2", twice);
    MetaRegression.Settings s =
        new MetaRegression.Settings(MetaModel.RANDOM, Tau2Estimator.REML, false, 0.95);
    assertThatThrownBy(() -> MetaRegression.fit(d.y(), d.v(), collinear, s))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("collinear");
    ModeratorDesign two = ModeratorDesign.interceptOnly(2).with("x", "x", new double[] {1, 2});
    assertThatThrownBy(() -> MetaRegression.fit(new double[] {1, 2}, new double[] {1, 1}, two, s))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("more studies than coefficients");
  }
}
