package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTest;

/**
 * {@code stratified.yaml} and claims of kind {@code stratified}: a small valid dataset (the counts
 * of the SAS migraine example) is loaded, then broken one thing at a time; each problem must name
 * file, line and field. The verdicts are those of {@link ClaimChecker}.
 */
class StratifiedDatasetTest {

  private static final String DATASET =
      """
      id: mini
      title: Mini
      drug: drug
      description: A minimal stratified dataset.
      sources:
        - id: src
          document: doc.txt
          section: Results
          citation: None.
      """;

  // line numbers of these texts are asserted below: the entry starts at line 2, strata at 8,
  // the female stratum at 9 (its treatment at 10), the male stratum at 12 (treatment at 13)
  private static final String STRATIFIED =
      """
      stratified:
        - id: s1
          endpoint: response
          timepoint: end of treatment
          stratified_by: gender
          treatment: Active
          control: Placebo
          strata:
            - label: female
              treatment: {events: 16, n: 27}
              control: {events: 5, n: 25}
            - label: male
              treatment: {events: 12, n: 28}
              control: {events: 7, n: 26}
          source: src
      """;

  // c1 at line 2 (check at line 7), c2 at 8 (reported 12, check 13), c3 at 14 (check 19)
  private static final String CLAIMS =
      """
      claims:
        - id: c1
          topic: odds ratio
          statement: The common odds ratio is 3.31.
          source: src
          reported: {value: 3.31, unit: odds ratio, as_reported: "3.31"}
          check: {kind: stratified, comparison: s1, measure: or, method: mh, quantity: estimate}
        - id: c2
          topic: association
          statement: The CMH p-value is 0.004.
          source: src
          reported: {value: 0.004, unit: p, as_reported: "p = 0.004"}
          check: {kind: stratified, comparison: s1, measure: test, method: cmh, quantity: p-value}
        - id: c3
          topic: risk difference
          statement: The common risk difference is 27.4 percentage points.
          source: src
          reported: {value: 27.4, unit: percentage points, as_reported: "27.4 points"}
          check: {kind: stratified, comparison: s1, measure: rd, method: mh, quantity: estimate}
      """;

  @TempDir Path dir;
  private final Map<String, String> files = new LinkedHashMap<>();

  @BeforeEach
  void validDataset() {
    files.put("dataset.yaml", DATASET);
    files.put("stratified.yaml", STRATIFIED);
    files.put("claims.yaml", CLAIMS);
  }

  private void replace(String file, String from, String to) {
    String text = files.get(file);
    assertThat(text).contains(from);
    files.put(file, text.replace(from, to));
  }

  private Dataset load() throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    return DatasetLoader.load(dir);
  }

  private DatasetException failure() {
    Throwable t = catchThrowable(this::load);
    assertThat(t).isInstanceOf(DatasetException.class);
    return (DatasetException) t;
  }

  private static void assertProblem(
      DatasetException e, String file, int line, String field, String message) {
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage().lines().findFirst().orElseThrow()).isEqualTo(message);
  }

  @Test
  void validDatasetLoadsIntoTheTypedModel() throws IOException {
    Dataset d = load();
    StratifiedComparison c = d.stratifiedComparison("s1");
    assertThat(c.stratifiedBy()).isEqualTo("gender");
    assertThat(c.timepoint()).isEqualTo("end of treatment");
    assertThat(c.strata())
        .containsExactly(
            new StratifiedComparison.Stratum("female", 16, 27, 5, 25),
            new StratifiedComparison.Stratum("male", 12, 28, 7, 26));
    assertThat(d.claim("c1").check())
        .isEqualTo(
            new ClaimCheck.Stratified(
                "s1",
                StratifiedMethod.OR_MH,
                ClaimCheck.Stratified.Quantity.ESTIMATE,
                new java.math.BigDecimal("0.95"),
                ""));
    assertThat(((ClaimCheck.Stratified) d.claim("c2").check()).method())
        .isEqualTo(StratifiedTest.CMH);
  }

  @Test
  void verdictsReproduceThePrintedFigures() throws IOException {
    List<ClaimResult> results = ClaimChecker.check(load());
    assertThat(results).extracting(ClaimResult::verdict).containsOnly(Verdict.REPRODUCED);
    // Sato's MH risk difference 0.273760 (R epiR), compared in percentage points
    assertThat(results.get(2).recomputed()).isCloseTo(27.3759857884962, within());
  }

  @Test
  void aMisprintedLimitIsADiscrepancyWithItsSize() throws IOException {
    replace("claims.yaml", "{value: 3.31, unit", "{value: 3.13, unit");
    ClaimResult r = ClaimChecker.check(load()).get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.difference()).isCloseTo(3.31316806913805 - 3.13, within());
    assertThat(r.detail())
        .contains("Mantel-Haenszel odds ratio")
        .contains("Rounded half-up to 2 decimals: 3.31, not the printed 3.13");
  }

  @Test
  void aRiskDifferencePrintedAsAProportionIsComparedAsOne() throws IOException {
    replace(
        "claims.yaml",
        "{value: 27.4, unit: percentage points, as_reported: \"27.4 points\"}",
        "{value: 0.274, unit: difference, as_reported: \"0.274\"}");
    ClaimResult r = ClaimChecker.check(load()).get(2);
    assertThat(r.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.recomputed()).isCloseTo(0.273759857884962, within());
  }

  @Test
  void eventsAboveN() {
    replace("stratified.yaml", "{events: 12, n: 28}", "{events: 29, n: 28}");
    assertProblem(
        failure(),
        "stratified.yaml",
        13,
        "strata[1].treatment.events",
        "stratified.yaml:13: field 'strata[1].treatment.events': expected at most n = 28, got 29");
  }

  @Test
  void missingArmOfAStratum() {
    replace("stratified.yaml", "        control: {events: 5, n: 25}\n", "");
    DatasetException e = failure();
    assertThat(e.file()).isEqualTo("stratified.yaml");
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.field()).isEqualTo("strata[0].control");
  }

  @Test
  void duplicateStratumLabel() {
    replace("stratified.yaml", "label: male", "label: female");
    assertProblem(
        failure(),
        "stratified.yaml",
        12,
        "strata[1].label",
        "stratified.yaml:12: field 'strata[1].label': expected a label used once in the"
            + " comparison, got 'female', already used at line 9");
  }

  @Test
  void noStratumWithBothArms() {
    replace("stratified.yaml", "{events: 5, n: 25}", "{events: 0, n: 0}");
    replace("stratified.yaml", "{events: 12, n: 28}", "{events: 0, n: 0}");
    assertProblem(
        failure(),
        "stratified.yaml",
        8,
        "strata",
        "stratified.yaml:8: field 'strata': expected at least one stratum with subjects in both"
            + " arms (n >= 1), got 2 strata each with an empty arm");
  }

  @Test
  void emptyArmIsAllowedAndLeftOutByTheMethods() throws IOException {
    replace("stratified.yaml", "{events: 12, n: 28}", "{events: 0, n: 0}");
    Dataset d = load();
    assertThat(d.stratifiedComparison("s1").tables().droppedEmptyArm()).isEqualTo(1);
  }

  @Test
  void unknownMethodNamesTheChoices() {
    replace("claims.yaml", "measure: or, method: mh,", "measure: or, method: wald,");
    assertProblem(
        failure(),
        "claims.yaml",
        7,
        "check.method",
        "claims.yaml:7: field 'check.method': expected a stratified or method (mh, mn, mn-iv,"
            + " exact-conditional), got 'wald'");
  }

  @Test
  void quantityMustBelongToTheMethod() {
    replace("claims.yaml", "method: cmh, quantity: p-value", "method: cmh, quantity: upper");
    assertProblem(
        failure(),
        "claims.yaml",
        13,
        "check.quantity",
        "claims.yaml:13: field 'check.quantity': expected statistic or p-value (the results of a"
            + " test), got 'upper'");
  }

  @Test
  void referenceToAnUnknownStratifiedComparison() {
    replace("claims.yaml", "comparison: s1, measure: or", "comparison: s2, measure: or");
    assertProblem(
        failure(),
        "claims.yaml",
        7,
        "check.comparison",
        "claims.yaml:7: field 'check.comparison': expected the id of a stratified comparison in"
            + " stratified.yaml (e.g. s1), got 's2'");
  }

  @Test
  void pValueOutsideZeroToOne() {
    replace("claims.yaml", "{value: 0.004, unit: p", "{value: 4, unit: p");
    assertProblem(
        failure(),
        "claims.yaml",
        12,
        "reported",
        "claims.yaml:12: field 'reported': expected a p-value between 0 and 1, got 4");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
