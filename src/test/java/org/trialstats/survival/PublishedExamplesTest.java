package org.trialstats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.StatsException;

/** Published worked examples and hand calculations, one or more per method. */
class PublishedExamplesTest {

  /**
   * Remission times (weeks) of the 6-MP / placebo leukaemia trial (Freireich et al. 1963, Blood
   * 21:699-716; the data of Gehan 1965), group 0 = 6-MP, group 1 = placebo.
   */
  static SurvivalSample remission() {
    double[] mp = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    int[] mpEvent = {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0};
    double[] placebo = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};
    int n = mp.length + placebo.length;
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    int[] group = new int[n];
    for (int i = 0; i < mp.length; i++) {
      time[i] = mp[i];
      event[i] = mpEvent[i] == 1;
    }
    for (int i = 0; i < placebo.length; i++) {
      time[mp.length + i] = placebo[i];
      event[mp.length + i] = true;
      group[mp.length + i] = 1;
    }
    return SurvivalSample.of(time, event, group, 2, null, 1);
  }

  /**
   * Klein &amp; Moeschberger (2003) Survival Analysis, Table 4.1A: Kaplan-Meier estimate and
   * Greenwood standard error of the 6-MP group, printed to 3 and 4 decimals.
   */
  @Test
  void kaplanMeierSixMpTableKleinMoeschberger() {
    KaplanMeierCurve mp = KaplanMeier.byGroup(remission()).get(0);
    List<SurvivalPoint> rows = mp.eventTimes(ConfidenceTransform.LOG, 0.95);
    double[] times = {6, 7, 10, 13, 16, 22, 23};
    double[] survival = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
    double[] se = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
    int[] atRisk = {21, 17, 15, 12, 11, 7, 6};
    assertThat(rows).hasSize(times.length);
    for (int i = 0; i < times.length; i++) {
      assertThat(rows.get(i).time()).isEqualTo(times[i]);
      assertThat(rows.get(i).atRisk()).isEqualTo(atRisk[i]);
      assertThat(rows.get(i).survival()).isCloseTo(survival[i], within(0.0005));
      assertThat(rows.get(i).standardError()).isCloseTo(se[i], within(0.00005));
    }
    // medians: 23 weeks (6-MP) and 8 weeks (placebo)
    assertThat(mp.quantile(0.5, ConfidenceTransform.LOG, 0.95).estimate()).hasValue(23);
    assertThat(
            KaplanMeier.byGroup(remission())
                .get(1)
                .quantile(0.5, ConfidenceTransform.LOG, 0.95)
                .estimate())
        .hasValue(8);
  }

  /**
   * Kleinbaum DG, Klein M (2012) Survival Analysis: A Self-Learning Text, 3rd ed., chapter 2:
   * remission data, log-rank chi-square 16.79 and Wilcoxon (Gehan-Breslow) 13.46, 1 df.
   */
  @Test
  void logRankAndWilcoxonRemissionDataKleinbaumKlein() {
    LogRankResult logRank = LogRankTest.test(remission(), LogRankWeight.LOG_RANK);
    assertThat(logRank.chiSquare()).isCloseTo(16.79, within(0.005));
    assertThat(logRank.degreesOfFreedom()).isEqualTo(1);
    assertThat(logRank.observed()).containsExactly(9, 21);
    assertThat(logRank.expected()[0]).isCloseTo(19.25, within(0.005));
    LogRankResult wilcoxon = LogRankTest.test(remission(), LogRankWeight.GEHAN_BRESLOW);
    assertThat(wilcoxon.chiSquare()).isCloseTo(13.46, within(0.005));
  }

  /**
   * Kleinbaum &amp; Klein (2012), chapter 3: Cox model of the remission data with Breslow ties
   * (Stata), placebo vs 6-MP coefficient 1.509, standard error 0.410, hazard ratio 4.523.
   */
  @Test
  void coxBreslowRemissionDataKleinbaumKlein() {
    CoxResult fit = CoxModel.fit(remission(), 0, TiesMethod.BRESLOW, 0.95);
    CoxTerm placebo = fit.terms().get(0);
    assertThat(placebo.group()).isEqualTo(1);
    assertThat(placebo.coefficient()).isCloseTo(1.509, within(0.0005));
    assertThat(placebo.standardError()).isCloseTo(0.410, within(0.0005));
    assertThat(placebo.hazardRatio()).isCloseTo(4.523, within(0.0005));
  }

  /**
   * Therneau &amp; Grambsch (2000) Modeling Survival Data, appendix E.1, test data 1: times 1, 1,
   * 6, 6, 8, 9, status 1, 0, 1, 1, 0, 1, x 1, 1, 1, 0, 0, 0. With r = exp(beta), the Breslow
   * log-likelihood is 2 beta - log(3r + 3) - 2 log(r + 3), maximised at r = (3 + sqrt 33) / 2, with
   * information r / (r + 1)^2 + 6r / (r + 3)^2; Efron's is 2 beta - log(3r + 3) - log(r + 3) -
   * log((r + 5) / 2). The exact partial likelihood 2 beta - 2 log(3r + 3) increases without bound:
   * no finite estimate.
   */
  @Test
  void coxTestDataOneTherneauGrambschAppendixE() {
    double[] time = {1, 1, 6, 6, 8, 9};
    boolean[] event = {true, false, true, true, false, true};
    int[] x = {1, 1, 1, 0, 0, 0};
    SurvivalSample sample = SurvivalSample.of(time, event, x, 2, null, 1);

    CoxResult breslow = CoxModel.fit(sample, 0, TiesMethod.BRESLOW, 0.95);
    double r = (3 + Math.sqrt(33)) / 2;
    CoxTerm term = breslow.terms().get(0);
    assertThat(term.coefficient()).isCloseTo(Math.log(r), within(1e-10));
    double info = r / ((r + 1) * (r + 1)) + 6 * r / ((r + 3) * (r + 3));
    assertThat(term.standardError()).isCloseTo(1 / Math.sqrt(info), within(1e-10));
    assertThat(breslow.logLikelihood())
        .isCloseTo(2 * Math.log(r) - Math.log(3 * r + 3) - 2 * Math.log(r + 3), within(1e-12));
    assertThat(breslow.logLikelihoodNull())
        .isCloseTo(-Math.log(6) - 2 * Math.log(4), within(1e-12));

    CoxResult efron = CoxModel.fit(sample, 0, TiesMethod.EFRON, 0.95);
    double b = efron.terms().get(0).coefficient();
    double re = Math.exp(b);
    // the score of the hand-written Efron likelihood vanishes at the estimate
    double efronScore = 2 - re / (re + 1) - re / (re + 3) - re / (re + 5);
    assertThat(efronScore).isCloseTo(0, within(1e-10));
    assertThat(b).isCloseTo(1.676857, within(5e-7));
    assertThat(efron.logLikelihood())
        .isCloseTo(
            2 * b - Math.log(3 * re + 3) - Math.log(re + 3) - Math.log((re + 5) / 2),
            within(1e-12));

    assertThatThrownBy(() -> CoxModel.fit(sample, 0, TiesMethod.EXACT, 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("no finite estimate");
  }

  /**
   * Exact partial likelihood by hand: at time 5 two events (one per group) among three treated
   * (theta = r) and three controls at risk. c_2 = C(3,2) r^2 + C(3,1) C(3,1) r + C(3,2) = 3r^2 + 9r
   * + 3, log L = beta - log c_2, score 1 - (6r^2 + 9r) / c_2 = 0 at r = 1; the information is the
   * variance of the treated count m: E[m] = 15/15, E[m^2] = (12 + 9)/15, variance 6/15.
   */
  @Test
  void exactTiesByHand() {
    double[] time = {5, 5, 7, 5, 5, 7};
    boolean[] event = {true, false, false, true, false, false};
    int[] group = {1, 1, 1, 0, 0, 0};
    SurvivalSample sample = SurvivalSample.of(time, event, group, 2, null, 1);
    CoxResult exact = CoxModel.fit(sample, 0, TiesMethod.EXACT, 0.95);
    assertThat(exact.terms().get(0).coefficient()).isCloseTo(0, within(1e-12));
    assertThat(exact.terms().get(0).standardError()).isCloseTo(Math.sqrt(15.0 / 6), within(1e-12));
    assertThat(exact.logLikelihood()).isCloseTo(-Math.log(15), within(1e-12));
  }

  /**
   * Restricted mean by hand for the 6-MP group to tau = 10: S = 1 on [0, 6), 6/7 on [6, 7), 6/7 *
   * 16/17 on [7, 10): area 6 + 6/7 + 3 * 96/119.
   */
  @Test
  void restrictedMeanByHand() {
    KaplanMeierCurve mp = KaplanMeier.byGroup(remission()).get(0);
    RestrictedMean m = mp.restrictedMean(10);
    assertThat(m.estimate()).isCloseTo(6 + 6.0 / 7 + 3 * 96.0 / 119, within(1e-12));
    // A(6) = 6/7 + 3 * 96/119 with d/(n(n-d)) = 3/(21*18); A(7) = 3*96/119 with 1/(17*16)
    double a6 = 6.0 / 7 + 3 * 96.0 / 119;
    double a7 = 3 * 96.0 / 119;
    double variance = a6 * a6 * 3 / (21.0 * 18) + a7 * a7 / (17.0 * 16);
    assertThat(m.standardError()).isCloseTo(Math.sqrt(variance), within(1e-12));
    assertThat(m.extended()).isFalse();
  }

  /**
   * The survRM2 vignette's worked example (Uno et al., "Vignette for survRM2 package: Comparing two
   * survival curves using the restricted mean survival time", survRM2 1.0-4,
   * inst/doc/survRM2-vignette3-2.html, output of {@code rmst2(time, status, arm, tau = 10)}): the
   * 312 randomised patients of the Mayo Clinic PBC trial, printed to 3 decimals. RMST (arm=1)
   * 7.146, se 0.283, 95% CI 6.592 to 7.701; RMST (arm=0) 7.283, se 0.295, 6.704 to 7.863;
   * difference (arm=1)-(arm=0) -0.137, 95% CI -0.939 to 0.665, p = 0.738. Data: R survival's {@code
   * pbc}, selected as {@code rmst2.sample.data()} does (fixtures/make_pbc_rmst.R).
   */
  @Test
  void restrictedMeanDifferenceSurvRm2VignettePbc() throws Exception {
    List<String> lines;
    try (var in = getClass().getResourceAsStream("fixtures/pbc_rmst.csv")) {
      lines =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
              .lines()
              .skip(1)
              .toList();
    }
    int n = lines.size();
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i).split(",");
      time[i] = Double.parseDouble(f[0]);
      event[i] = f[1].equals("1");
      group[i] = f[2].equals("1") ? 0 : 1; // group 0 = arm 1 (D-penicillamine), 1 = placebo
    }
    assertThat(n).isEqualTo(312);
    List<KaplanMeierCurve> curves =
        KaplanMeier.byGroup(SurvivalSample.of(time, event, group, 2, null, 1));
    RestrictedMean treated = curves.get(0).restrictedMean(10);
    RestrictedMean placebo = curves.get(1).restrictedMean(10);
    double printed = 0.0005;
    assertThat(treated.estimate()).isCloseTo(7.146, within(printed));
    assertThat(treated.standardError()).isCloseTo(0.283, within(printed));
    assertThat(placebo.estimate()).isCloseTo(7.283, within(printed));
    assertThat(placebo.standardError()).isCloseTo(0.295, within(printed));
    double z = 1.959963984540054;
    assertThat(treated.estimate() - z * treated.standardError()).isCloseTo(6.592, within(printed));
    assertThat(placebo.estimate() + z * placebo.standardError()).isCloseTo(7.863, within(printed));
    RestrictedMeanDifference d = RestrictedMeanDifference.of(treated, placebo, 0.95);
    assertThat(d.difference()).isCloseTo(-0.137, within(printed));
    assertThat(d.lower()).isCloseTo(-0.939, within(printed));
    assertThat(d.upper()).isCloseTo(0.665, within(printed));
    assertThat(d.pValue()).isCloseTo(0.738, within(printed));
  }
}
