package org.trialstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.StatMethod;

/**
 * The generated-reference suite: every catalogue method has validate cases, and {@code
 * generated_references.csv} holds exactly the values of the unit-test fixtures it names (so the
 * shipped copy cannot drift from what the unit tests check), at no looser tolerance.
 */
class GeneratedReferencesTest {
  private static final String FILE = "generated_references.csv";
  private static final String FIXTURES = "/org/trialstats/stats/fixtures/";
  private static final String UNCONDITIONAL = "unconditional_intervals.csv";
  private static final String BERGER_BOOS = "berger_boos_mpmath.csv";
  private static final long EXACT_UNCONDITIONAL_VALUES = 60;

  /** Statistic of the exact unconditional fixture -&gt; (measure, method id). */
  private static final Map<String, List<String>> UNCONDITIONAL_METHODS =
      Map.of(
          "rd", List.of("rd", "exact-unconditional"),
          "raw", List.of("rd", "exact-unconditional-raw"),
          "rr", List.of("rr", "exact-unconditional"));

  private static List<ValidationCase> cases;

  @BeforeAll
  static void runSuite() {
    cases = ValidationSuite.run();
  }

  /** Every id of every measure of the catalogue has at least one case in {@code validate}. */
  @Test
  void everyCatalogueMethodHasAValidateCase() {
    Map<String, Long> all =
        cases.stream()
            .collect(Collectors.groupingBy(ValidationCase::method, Collectors.counting()));
    List<String> catalogue = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      for (StatMethod method : MethodCatalogue.forMeasure(measure)) {
        catalogue.add(measure.id() + " " + method.id());
      }
    }
    assertThat(catalogue).hasSize(53);
    assertThat(all.keySet()).containsAll(catalogue);
  }

  /**
   * With the generated suite no catalogue method rests on a handful of values: each is checked on
   * at least 50 values (limits, estimates, p-values) by one or more suites, the exact unconditional
   * intervals (and their NNT) on at least {@value #EXACT_UNCONDITIONAL_VALUES} (their two
   * independent references, unconditional_intervals.py and berger_boos_mpmath.py).
   */
  @Test
  void everyCatalogueMethodIsCheckedOnSeveralDozenValues() {
    Map<String, Long> all =
        cases.stream()
            .collect(Collectors.groupingBy(ValidationCase::method, Collectors.counting()));
    for (StatMethod method : MethodCatalogue.all()) {
      String name = method.measure().id() + " " + method.id();
      boolean exactUnconditional = method.id().startsWith("exact-unconditional");
      assertThat(all.getOrDefault(name, 0L))
          .as(name)
          .isGreaterThanOrEqualTo(exactUnconditional ? EXACT_UNCONDITIONAL_VALUES : 50);
    }
  }

  /**
   * Each row names its fixture and line (id {@code file:line[:suffix]}); the counts and every
   * reference value are that line's fields digit for digit, except the NNT rows, which are the
   * reciprocals of the mpmath risk-difference values (Altman 1998).
   */
  @Test
  void everyRowIsTheFixtureLineItNames() {
    Map<String, List<CSVRecord>> fixtures = new HashMap<>();
    List<Map<String, String>> rows = ValidationSuite.readCsv(FILE);
    assertThat(rows).hasSize(4391);
    for (Map<String, String> row : rows) {
      String[] id = row.get("id").split(":");
      List<CSVRecord> fixture = fixtures.computeIfAbsent(id[0], GeneratedReferencesTest::read);
      CSVRecord line = fixture.get(Integer.parseInt(id[1]) - 2);
      List<String> fields = line.toList();
      assertThat(row.get("ref_source")).endsWith("fixtures/" + id[0] + " line " + id[1]);
      // the binomial unit tests allow 1e-12 absolute near 0 (validate's default floor), the exact
      // unconditional risk-difference test compares absolutely; all others purely relatively
      boolean unconditional = id[0].equals(UNCONDITIONAL) || id[0].equals(BERGER_BOOS);
      boolean absolute = unconditional && row.get("measure").equals("rd");
      assertThat(row.get("tolerance_kind"))
          .as(row.get("id"))
          .isEqualTo(
              id[0].startsWith("binomial_")
                  ? "relative"
                  : absolute ? "absolute" : "relative-strict");
      for (String count : List.of("events1", "n1", "events2", "n2")) {
        if (!row.get(count).isBlank()) {
          assertThat(fields).as(row.get("id") + " " + count).contains(row.get(count));
        }
      }
      boolean nnt = row.get("measure").equals("nnt");
      if (unconditional) {
        // the fixture names the statistic (rd, raw, rr), not the method id
        assertThat(line.get("gamma")).as(row.get("id")).isEqualTo("0");
        assertThat(UNCONDITIONAL_METHODS.get(line.get("statistic")))
            .as(row.get("id"))
            .isEqualTo(List.of(nnt ? "rd" : row.get("measure"), row.get("method")));
        if (nnt) {
          checkUnconditionalReciprocals(row, line);
          continue;
        }
      } else if (nnt) {
        checkReciprocals(row, line);
        continue;
      } else {
        assertThat(fields).as(row.get("id")).contains(row.get("method"));
      }
      for (String ref : List.of("ref_estimate", "ref_lower", "ref_upper", "ref_p_value")) {
        String value = row.get(ref);
        if (!value.isBlank()) {
          assertThat(fields).as(row.get("id") + " " + ref).contains(value);
        }
      }
    }
  }

  /**
   * Tolerances of the fixtures' own unit tests: BinomialReferenceRows 1e-6, PoissonReferenceTest
   * 1e-9 and 1e-11, RateRatioShortSideReferenceTest and ProportionExactReferenceTest 1e-14,
   * OddsRatioMethodTest 1e-8 (conditional) and 1e-6 / 1e-8 (score), TwoByTwoTestMethodTest 1e-10
   * (statistic), 1e-9 (p) and 1e-6 (unconditional), UnconditionalExactIntervalTest 2e-8 (and the
   * 4e-6 relative that implies for the NNT rows) and 1e-9 for the mpmath fixture (2e-7 for NNT).
   */
  @Test
  void everyRowUsesItsFixtureTestTolerance() {
    Map<String, Double> byFixture =
        Map.of(
            "binomial_mpmath_reference.csv",
            1e-6,
            "binomial_r_reference.csv",
            1e-6,
            "proportion_exact_mpmath.csv",
            1e-14,
            "poisson_r.csv",
            1e-9,
            "poisson_python.csv",
            1e-9,
            "poisson_extreme.csv",
            1e-11,
            "rate_ratio_short_side.csv",
            1e-14,
            "conditional_odds_ratio.csv",
            1e-8,
            "unconditional_tests.csv",
            1e-6);
    for (Map<String, String> row : ValidationSuite.readCsv(FILE)) {
      String id = row.get("id");
      String fixture = id.substring(0, id.indexOf(':'));
      double tolerance = Double.parseDouble(row.get("tolerance"));
      double expected =
          switch (fixture) {
            case "score_intervals.csv" -> row.get("ref_source").contains("60-digit") ? 1e-8 : 1e-6;
            case "chisq_fisher.csv" -> id.endsWith(":statistic") ? 1e-10 : 1e-9;
            // 2e-8 absolute on |RD| >= 0.005 (the rows used) is 4e-6 relative on 1/RD
            case UNCONDITIONAL -> id.endsWith(":nnt") ? 4e-6 : 2e-8;
            // 1e-9 absolute on |RD| >= 0.005 is 2e-7 relative on 1/RD
            case BERGER_BOOS -> id.endsWith(":nnt") ? 2e-7 : 1e-9;
            default -> byFixture.get(fixture);
          };
      assertThat(tolerance).as(id).isEqualTo(expected);
    }
  }

  /**
   * relative-strict rows keep the unit tests' pure relative comparison: a reference of 0 is met
   * only by 0 (or an underflowed value below 1e-300), where the default floor allows 1e-6 x tol.
   */
  @Test
  void strictRelativeToleranceHasNoFloorNearZero() {
    ValidationCase loose =
        new ValidationCase("s", "x", "rate wald", "lower", 0, 1e-16, 1e-9, true, "src", "");
    ValidationCase strict =
        new ValidationCase(
            "s",
            "x",
            "rate wald",
            "lower",
            0,
            1e-16,
            1e-9,
            true,
            "src",
            "",
            ValidationCase.STRICT_FLOOR);
    assertThat(loose.agrees()).isTrue();
    assertThat(strict.agrees()).isFalse();
    assertThat(
            new ValidationCase(
                    "s",
                    "x",
                    "sir mid-p",
                    "p_value",
                    0,
                    1.4e-316,
                    1e-9,
                    true,
                    "src",
                    "",
                    ValidationCase.STRICT_FLOOR)
                .agrees())
        .isTrue();
    assertThat(
            new ValidationCase(
                    "s",
                    "x",
                    "rate wald",
                    "upper",
                    2e-20,
                    2.0000001e-20,
                    1e-9,
                    true,
                    "src",
                    "",
                    ValidationCase.STRICT_FLOOR)
                .agrees())
        .isFalse();
    assertThat(
            cases.stream()
                .filter(
                    c ->
                        c.suite().equals(ValidationSuite.GENERATED_SUITE)
                            && c.relativeFloor() == ValidationCase.STRICT_FLOOR))
        // binomial and NNT rows: 3 values each; exact unconditional RD rows (absolute): 2 each
        // (36 from unconditional_intervals.csv, 140 from berger_boos_mpmath.csv)
        .hasSize(11427 - 3 * (872 + 143 + 593) - 2 * (36 + 140));
  }

  /**
   * NNT rows of the exact unconditional fixture: the estimate is 1 / (x1/n1 - x2/n2) (infinite for
   * 0), the limits the reciprocals of the RD limits; every non-zero RD value is at least 0.005.
   */
  private static void checkUnconditionalReciprocals(Map<String, String> row, CSVRecord line) {
    java.math.BigDecimal rd =
        new java.math.BigDecimal(line.get("x1"))
            .divide(new java.math.BigDecimal(line.get("n1")), java.math.MathContext.DECIMAL128)
            .subtract(
                new java.math.BigDecimal(line.get("x2"))
                    .divide(
                        new java.math.BigDecimal(line.get("n2")),
                        java.math.MathContext.DECIMAL128));
    double estimate = ValidationSuite.number(row.get("ref_estimate"));
    if (rd.signum() == 0) {
      assertThat(estimate).isInfinite();
    } else {
      assertThat(estimate * rd.doubleValue())
          .as(row.get("id") + " estimate")
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    }
    String[][] pairs = {{"ref_lower", "upper"}, {"ref_upper", "lower"}};
    for (String[] pair : pairs) {
      double limit = Double.parseDouble(line.get(pair[1]));
      assertThat(Math.abs(limit)).as(row.get("id")).isGreaterThanOrEqualTo(0.005);
      assertThat(ValidationSuite.number(row.get(pair[0])) * limit)
          .as(row.get("id") + " " + pair[0])
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    }
  }

  private static void checkReciprocals(Map<String, String> row, CSVRecord line) {
    assertThat(line.get("measure")).isEqualTo("rd");
    assertThat(line.get("method")).isEqualTo(row.get("method"));
    double lower = Double.parseDouble(line.get("lower"));
    double upper = Double.parseDouble(line.get("upper"));
    String[][] pairs = {
      {"ref_estimate", "estimate"}, {"ref_lower", "upper"}, {"ref_upper", "lower"}
    };
    for (String[] pair : pairs) {
      double rd = Double.parseDouble(line.get(pair[1]));
      double nnt = ValidationSuite.number(row.get(pair[0]));
      if (lower == 0 && upper == 0 && !pair[0].equals("ref_estimate")) {
        assertThat(nnt).isEqualTo(Double.POSITIVE_INFINITY);
      } else if (rd == 0) {
        assertThat(nnt).isInfinite();
      } else {
        assertThat(nnt * rd)
            .as(row.get("id") + " " + pair[0])
            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
      }
    }
  }

  private static List<CSVRecord> read(String fixture) {
    try (InputStream in = GeneratedReferencesTest.class.getResourceAsStream(FIXTURES + fixture);
        CSVParser p =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return p.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
