package org.trialstats.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.evidence.Verdict;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTest;
import org.trialstats.testing.ReferenceCsv;

/**
 * {@code reproduce} on {@code datasets/migraine} (the SAS PROC FREQ CMH example): every common
 * estimate, limit and test statistic against R (base {@code mantelhaen.test}, epiR 2.0.57) at 1e-6
 * relative, from {@code fixtures/migraine_stratified_r.csv} written by {@code
 * fixtures/migraine_stratified.R}; every printed figure of the documentation reproduced.
 */
class EvidenceAnalysisStratifiedTest {
  private static final double RELATIVE_PERCENT = 1e-4; // 1e-6 relative

  /** R's exact conditional results, found by uniroot at its default tolerance: 5e-4 relative. */
  private static final double R_UNIROOT_PERCENT = 0.05;

  static EvidenceAnalysis analysis;
  static Map<String, Double> r = new HashMap<>();

  @BeforeAll
  static void analyse() throws IOException {
    analysis = EvidenceAnalysis.of(DatasetLoader.load(Path.of("datasets/migraine")), 0.95);
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(
                EvidenceAnalysisStratifiedTest.class.getResourceAsStream(
                    "fixtures/migraine_stratified_r.csv")),
            StandardCharsets.UTF_8)) {
      for (Map<String, String> row : ReferenceCsv.read(reader)) {
        r.put(row.get("quantity"), ReferenceCsv.number(row.get("value")));
      }
    }
    assertThat(r).hasSize(18);
  }

  private static ResultRow row(StatMethod method) {
    return analysis.result("migraine-better", method).orElseThrow();
  }

  private static void assertInterval(StatMethod method, String quantity) {
    ResultRow row = row(method);
    assertThat(row.estimate()).isCloseTo(r.get(quantity), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.lower())
        .isCloseTo(r.get(quantity + "_lower"), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.upper())
        .isCloseTo(r.get(quantity + "_upper"), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.level()).isEqualTo(0.95);
  }

  private static void assertTest(StatMethod method, String quantity) {
    ResultRow row = row(method);
    assertThat(row.estimate()).isCloseTo(r.get(quantity), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.pValue()).isCloseTo(r.get(quantity + "_p"), withinPercentage(RELATIVE_PERCENT));
  }

  @Test
  void mantelHaenszelEstimatesMatchR() {
    assertInterval(StratifiedMethod.OR_MH, "or_mh");
    assertInterval(StratifiedMethod.RR_MH, "rr_mh");
    assertInterval(StratifiedMethod.RD_MH, "rd_mh");
  }

  /**
   * R's {@code mantelhaen.test(exact = TRUE)} finds the conditional MLE and the limits with {@code
   * uniroot} at its default tolerance (about 1e-4), so it agrees only to about 3e-4 relative (upper
   * limit 8.45705 against 8.45509). The 40-digit mpmath computation of the project's validation
   * suite ({@code validation/stratified/stratified_mpmath.py}, exact integer convolutions, roots to
   * 1e-22) settles it: 3.3029795, 1.3534053, 8.4550916, agreed at 1e-6.
   */
  @Test
  void exactConditionalOddsRatioMatchesMpmathAndR() {
    Map<String, String> mp =
        ReferenceCsv.read("/org/trialstats/validation/stratified/stratified_mpmath.csv").stream()
            .filter(
                row ->
                    row.get("case").equals("sas-migraine")
                        && row.get("method").equals("exact-conditional")
                        && row.get("level").equals("0.95"))
            .findFirst()
            .orElseThrow();
    ResultRow row = row(StratifiedMethod.OR_EXACT_CONDITIONAL);
    assertThat(row.estimate())
        .isCloseTo(ReferenceCsv.number(mp.get("estimate")), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.lower())
        .isCloseTo(ReferenceCsv.number(mp.get("lower")), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.upper())
        .isCloseTo(ReferenceCsv.number(mp.get("upper")), withinPercentage(RELATIVE_PERCENT));
    assertThat(row.estimate())
        .isCloseTo(r.get("or_exact_conditional"), withinPercentage(R_UNIROOT_PERCENT));
    assertThat(row.lower())
        .isCloseTo(r.get("or_exact_conditional_lower"), withinPercentage(R_UNIROOT_PERCENT));
    assertThat(row.upper())
        .isCloseTo(r.get("or_exact_conditional_upper"), withinPercentage(R_UNIROOT_PERCENT));
  }

  @Test
  void testsMatchR() {
    assertTest(StratifiedTest.CMH, "cmh");
    assertTest(StratifiedTest.CMH_CC, "cmh_cc");
    assertTest(StratifiedTest.BRESLOW_DAY, "breslow_day");
    assertThat(row(StratifiedTest.BRESLOW_DAY).note()).isEqualTo("chi-square with 1 df");
  }

  @Test
  void typedResultCarriesEveryMethodInOrder() {
    assertThat(analysis.stratified()).hasSize(1);
    StratifiedResult s = analysis.stratified().get(0);
    assertThat(s.comparison().id()).isEqualTo("migraine-better");
    assertThat(s.estimates())
        .extracting(ResultRow::method)
        .containsExactlyElementsOf(EvidenceAnalysis.STRATIFIED_METHODS);
    assertThat(s.tests())
        .extracting(ResultRow::method)
        .containsExactlyElementsOf(EvidenceAnalysis.STRATIFIED_TESTS);
    assertThat(analysis.results()).containsAll(s.estimates()).containsAll(s.tests());
    assertThat(s.estimates())
        .extracting(ResultRow::subject)
        .containsOnly("Active vs Placebo, 2 strata of gender");
  }

  @Test
  void everyPrintedFigureOfTheDocumentationIsReproduced() {
    List<ClaimResult> claims = analysis.claims();
    assertThat(claims).hasSize(10);
    assertThat(claims).extracting(ClaimResult::verdict).containsOnly(Verdict.REPRODUCED);
    ClaimResult upper =
        claims.stream().filter(c -> c.claim().id().equals("or-mh-upper")).findFirst().orElseThrow();
    assertThat(upper.recomputed())
        .isCloseTo(r.get("or_mh_upper"), withinPercentage(RELATIVE_PERCENT));
  }
}
