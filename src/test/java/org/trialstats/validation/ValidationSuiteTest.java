package org.trialstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped validation suite: every case agrees with its reference, each suite has exactly the
 * cases its files define, and every case carries a source and a tolerance no looser than the
 * printed precision of a published value.
 */
class ValidationSuiteTest {
  private static List<ValidationCase> cases;

  @BeforeAll
  static void runSuite() {
    cases = ValidationSuite.run();
  }

  private static long count(String suite) {
    return cases.stream().filter(c -> c.suite().equals(suite)).count();
  }

  @Test
  void everyShippedCaseAgrees() {
    ValidationReport report = new ValidationReport(cases, "test");
    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(cases)
        .allSatisfy(
            c -> {
              assertThat(c.source()).as(c.id()).isNotBlank();
              assertThat(c.error()).as(c.id()).isEmpty();
            });
  }

  @Test
  void eachSuiteHasExactlyTheCasesOfItsFiles() {
    // 3112 shared reference rows give 8576 checked numbers (estimate, limits, p-values).
    assertThat(count(ValidationSuite.SHARED_SUITE)).isEqualTo(8576);
    // 19 metafor configurations: 7 fixed-effect ones with 14 non-NA values each (no tau^2
    // interval or prediction interval), 12 random-effects ones with all 20 values.
    assertThat(count(MetaCases.SHARED_SUITE)).isEqualTo(7 * 14 + 12 * 20);
    // published_examples.csv: 91 rows, 174 values; NNT: 3 rows, 6 values; meta: 26 values.
    assertThat(ValidationSuite.readCsv("published_examples.csv")).hasSize(91);
    assertThat(
            ValidationSuite.binaryCases(
                ValidationSuite.PUBLISHED_SUITE, "published_examples.csv", false))
        .hasSize(174);
    assertThat(
            ValidationSuite.nntCases(ValidationSuite.PUBLISHED_SUITE, "published_nnt_examples.csv"))
        .hasSize(6);
    assertThat(
            MetaCases.publishedExamples(
                ValidationSuite.PUBLISHED_SUITE, "published_meta_examples.csv"))
        .hasSize(26);
    // time-to-event: 6-MP Kaplan-Meier table (7 times x 2), log-rank, Wilcoxon, Cox (3 values)
    assertThat(SurvivalCases.published(ValidationSuite.PUBLISHED_SUITE)).hasSize(19);
    // published_stratified_examples.csv: 13 printed values (PROC FREQ migraine, Agresti).
    assertThat(count(ValidationSuite.PUBLISHED_SUITE)).isEqualTo(174 + 6 + 26 + 19 + 13);
    // generated_references.csv: 4391 rows of the unit-test fixtures give 11427 checked values.
    assertThat(ValidationSuite.readCsv("generated_references.csv")).hasSize(4391);
    assertThat(count(ValidationSuite.GENERATED_SUITE)).isEqualTo(11427);
    // R survival fixtures: Kaplan-Meier at requested times (456 values per transform), quantiles
    // (171 per transform), log-rank family (78), Cox (291), RMST (38)
    assertThat(count(SurvivalCases.SUITE)).isEqualTo(5 * 456 + 5 * 171 + 78 + 291 + 38);
    // stratified: 764 R/epiR values, 34 x 4 statsmodels Breslow-Day values, 240 x 3 mpmath
    assertThat(count(StratifiedCases.SUITE)).isEqualTo(764 + 136 + 720);
    // generalised-Q tau^2 interval on BCG: 2 weights x 2 levels x 2 limits
    assertThat(count(MetaCases.GENQ_SUITE)).isEqualTo(8);
    assertThat(cases).hasSize(8576 + 338 + 238 + 11427 + 3542 + 1620 + 8);
  }

  @Test
  void publishedExamplesCoverEveryAssertedMethod() {
    // Newcombe (1998) Table II: 8 examples x 6 methods x 2 limits; Table I: 13 intervals.
    Map<String, Long> perMethod = perMethod(ValidationSuite.PUBLISHED_SUITE);
    for (String rd : List.of("wald", "wald-cc", "mee", "mn", "newcombe", "newcombe-cc")) {
      assertThat(perMethod).containsEntry("rd " + rd, 16L);
    }
    assertThat(perMethod)
        .containsEntry("proportion wilson", 8L)
        .containsEntry("proportion wilson-cc", 6L)
        .containsEntry("proportion clopper-pearson", 6L)
        .containsEntry("proportion mid-p", 6L)
        .containsEntry("rr koopman", 6L)
        .containsEntry("rr katz", 3L)
        .containsEntry("rr mn", 3L)
        .containsEntry("or mn", 3L)
        .containsEntry("or mid-p", 2L)
        .containsEntry("or exact-conditional", 5L)
        .containsEntry("test chisq", 2L)
        .containsEntry("test chisq-yates", 2L)
        .containsEntry("test fisher", 3L)
        .containsEntry("test barnard", 1L)
        .containsEntry("rate exact", 2L)
        .containsEntry("sir exact", 2L)
        .containsEntry("sir mid-p", 2L)
        .containsEntry("nnt from rd interval", 6L)
        .containsEntry("meta or fixed peto", 3L)
        .containsEntry("meta or random dl", 6L)
        .containsEntry("meta or random ml", 3L)
        .containsEntry("meta or random reml", 4L)
        .containsEntry("meta or random sj", 4L)
        .containsEntry("meta or random pm", 3L)
        .containsEntry("meta or random he", 3L)
        .containsEntry("kaplan-meier", 14L)
        .containsEntry("test logrank", 1L)
        .containsEntry("test wilcoxon", 1L)
        .containsEntry("cox breslow", 3L)
        .containsEntry("stratified test cmh", 3L)
        .containsEntry("stratified test breslow-day", 3L)
        .containsEntry("stratified or mh", 4L)
        .containsEntry("stratified rr mh", 3L)
        .containsEntry("rd exact-unconditional", 6L)
        .containsEntry("rd exact-unconditional-raw", 8L)
        .containsEntry("rr exact-unconditional", 2L)
        .hasSize(42);
  }

  @Test
  void metaReferenceCoversEveryConfiguration() {
    Map<String, Long> perMethod = perMethod(MetaCases.SHARED_SUITE);
    assertThat(perMethod).hasSize(19);
    for (String measure : List.of("rr", "or", "rd")) {
      assertThat(perMethod)
          .containsEntry("meta " + measure + " fixed iv", 14L)
          .containsEntry("meta " + measure + " fixed mh", 14L)
          .containsEntry("meta " + measure + " random dl", 20L)
          .containsEntry("meta " + measure + " random reml", 20L)
          .containsEntry("meta " + measure + " random pm", 20L)
          .containsEntry("meta " + measure + " random reml hksj", 20L);
    }
    assertThat(perMethod).containsEntry("meta or fixed peto", 14L);
  }

  @Test
  void metaReferenceUsesTheToleranceOfEachKindOfResult() {
    // metafor README: 1e-6 relative closed form, 1e-5 iterative, 1e-3 Q-profile limits.
    ValidationCase dlMu = find(MetaCases.SHARED_SUITE, "meta rr random dl", "mu");
    assertThat(dlMu.tolerance()).isEqualTo(1e-6);
    assertThat(dlMu.relative()).isTrue();
    assertThat(find(MetaCases.SHARED_SUITE, "meta rr random reml", "mu").tolerance())
        .isEqualTo(1e-5);
    assertThat(find(MetaCases.SHARED_SUITE, "meta rr random pm", "tau2_upper").tolerance())
        .isEqualTo(1e-3);
    assertThat(find(MetaCases.SHARED_SUITE, "meta rr fixed iv", "k").tolerance()).isZero();
    // metafor 3.8-1: rma(yi, vi, data = escalc("RR", ...), method = "REML", test = "knha")
    // -> estimate exp(mu) = 0.48942093982603 (meta_reference_bcg.csv)
    ValidationCase hksj = find(MetaCases.SHARED_SUITE, "meta rr random reml hksj", "estimate");
    assertThat(hksj.expected()).isEqualTo(0.48942093982603);
    assertThat(hksj.actual())
        .isCloseTo(0.48942093982603, org.assertj.core.data.Offset.offset(1e-11));
  }

  @Test
  void sharedReferenceCorrectionsApplyOnlyToTheSharedFile() {
    assertThat(
            ValidationSuite.binaryCases(
                ValidationSuite.PUBLISHED_SUITE, "published_examples.csv", false))
        .noneMatch(c -> c.source().contains("transposed") || c.source().startsWith("corrected"));
    assertThat(cases.stream().filter(c -> c.suite().equals(ValidationSuite.SHARED_SUITE)))
        .anyMatch(c -> c.source().startsWith("corrected"))
        .anyMatch(c -> c.source().contains("checked on the transposed table"));
  }

  /** Published values whose tolerance is, by the reason in their source, one printed unit. */
  private static final Set<String> WIDER_THAN_HALF_UNIT =
      Set.of("dersimonian2007-ml-mu", "dersimonian2007-ml-se");

  static Stream<Map<String, String>> publishedRows() {
    return Stream.of(
            "published_examples.csv", "published_nnt_examples.csv", "published_meta_examples.csv")
        .flatMap(f -> ValidationSuite.readCsv(f).stream());
  }

  /**
   * A printed value with d decimals is only known to within half a unit of the d-th decimal, so an
   * absolute tolerance may not be larger; values quoted to full precision use a relative one.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedRows")
  void absoluteToleranceIsAtMostHalfAUnitOfThePrintedDigits(Map<String, String> row) {
    assertThat(row.get("ref_source")).isNotBlank();
    double tolerance = Double.parseDouble(row.get("tolerance"));
    assertThat(tolerance).isPositive();
    if ("relative".equals(row.getOrDefault("tolerance_kind", ""))) {
      assertThat(tolerance).isLessThanOrEqualTo(1e-10);
      return;
    }
    if (WIDER_THAN_HALF_UNIT.contains(row.get("id"))) {
      assertThat(row.get("ref_source")).contains("tolerance one unit of the 4th decimal");
      return;
    }
    for (String column :
        List.of("ref_estimate", "ref_lower", "ref_upper", "ref_p_value", "ref_value")) {
      String printed = row.getOrDefault(column, "");
      if (!printed.isBlank()) {
        double halfUnit = 0.5 * Math.pow(10, -Math.max(0, new BigDecimal(printed).scale()));
        assertThat(tolerance).as(row.get("id") + " " + column).isLessThanOrEqualTo(halfUnit);
      }
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"collins1985b", "clasp", "yusuf1985"})
  void metaStudyDataAreTheDataTheUnitTestsUse(String name) throws Exception {
    try (var shipped =
            getClass()
                .getResourceAsStream("/org/trialstats/validation/meta_data_" + name + ".csv");
        var unitTest =
            getClass().getResourceAsStream("/org/trialstats/meta/data/" + name + ".csv")) {
      assertThat(shipped.readAllBytes()).isEqualTo(unitTest.readAllBytes());
    }
  }

  private static Map<String, Long> perMethod(String suite) {
    return new ValidationReport(cases, "test")
        .summaries().stream()
            .filter(s -> s.suite().equals(suite))
            .collect(
                java.util.stream.Collectors.toMap(
                    ValidationReport.MethodSummary::method, s -> (long) s.cases()));
  }

  private static ValidationCase find(String suite, String method, String quantity) {
    return cases.stream()
        .filter(
            c ->
                c.suite().equals(suite)
                    && c.method().equals(method)
                    && c.quantity().equals(quantity))
        .findFirst()
        .orElseThrow();
  }
}
