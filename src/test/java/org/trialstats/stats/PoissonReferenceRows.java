package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads reference rows (the shared binary_reference.csv layout: id, measure, method, events1,
 * exposure1, events2, exposure2, expected, per, level, ref_estimate, ref_lower, ref_upper,
 * ref_p_value) and computes the matching trialstats estimate.
 */
final class PoissonReferenceRows {
  static final Set<String> POISSON_MEASURES = Set.of("rate", "rate-ratio", "rate-diff", "sir");

  private PoissonReferenceRows() {}

  /** The rows of a classpath CSV resource whose measure is a Poisson measure. */
  static List<CSVRecord> load(String resource) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (InputStream in = PoissonReferenceRows.class.getResourceAsStream(resource)) {
      assertThat(in).as("resource %s", resource).isNotNull();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          CSVParser parser = format.parse(reader)) {
        return parser.stream()
            .filter(row -> POISSON_MEASURES.contains(row.get("measure")))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trialstats estimate for one row, scaled by its {@code per} column if it has one. */
  static Estimate compute(CSVRecord row) {
    String method = row.get("method");
    double level = number(row, "level");
    Estimate estimate =
        switch (row.get("measure")) {
          case "rate" -> RateMethod.fromId(method).interval(arm(row, 1), level);
          case "rate-ratio" ->
              RateRatioMethod.fromId(method).interval(arm(row, 1), arm(row, 2), level);
          case "rate-diff" ->
              RateDifferenceMethod.fromId(method).interval(arm(row, 1), arm(row, 2), level);
          case "sir" ->
              SirMethod.fromId(method)
                  .interval(Long.parseLong(row.get("events1")), number(row, "expected"), level);
          default -> throw new IllegalArgumentException("not a Poisson row: " + row);
        };
    if (row.isMapped("per") && !row.get("per").isEmpty()) {
      estimate = estimate.scaled(number(row, "per"));
    }
    return estimate;
  }

  /**
   * Asserts that {@code actual} is within {@code relative} tolerance of the reference value, with
   * exact agreement required for 0 and infinite references; values below {@code absoluteFloor} in
   * magnitude count as equal (for p-values that underflow in one implementation).
   */
  static void assertClose(
      String what, double actual, double reference, double relative, double absoluteFloor) {
    if (Double.isInfinite(reference)) {
      assertThat(actual).as(what).isEqualTo(reference);
    } else if (Math.abs(reference) <= absoluteFloor) {
      assertThat(Math.abs(actual)).as(what).isLessThanOrEqualTo(absoluteFloor);
    } else {
      assertThat(Math.abs(actual - reference))
          .as("%s: actual %s, reference %s", what, actual, reference)
          .isLessThanOrEqualTo(relative * Math.abs(reference));
    }
  }

  /** Compares estimate, limits and (where the row has one) p-value. */
  static void assertMatches(CSVRecord row, double relative) {
    Estimate actual = compute(row);
    String id = row.get("id");
    assertClose(id + " estimate", actual.estimate(), number(row, "ref_estimate"), relative, 0);
    assertClose(id + " lower", actual.lower(), number(row, "ref_lower"), relative, 0);
    assertClose(id + " upper", actual.upper(), number(row, "ref_upper"), relative, 0);
    if (!row.get("ref_p_value").isEmpty()) {
      assertClose(id + " p-value", actual.pValue(), number(row, "ref_p_value"), relative, 1e-300);
    }
  }

  static double number(CSVRecord row, String column) {
    String text = row.get(column).trim();
    return switch (text) {
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static PoissonCount arm(CSVRecord row, int arm) {
    return new PoissonCount(Long.parseLong(row.get("events" + arm)), number(row, "exposure" + arm));
  }
}
