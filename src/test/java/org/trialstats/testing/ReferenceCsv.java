package org.trialstats.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV resources (reference values shipped in the jar) into maps keyed by header. */
public final class ReferenceCsv {
  private ReferenceCsv() {}

  /** Every row of a classpath CSV resource, as header -> value maps, in file order. */
  public static List<Map<String, String>> read(String resource) {
    try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of CSV text, as header -> value maps. */
  public static List<Map<String, String>> read(Reader reader) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CSVParser p =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      for (CSVRecord r : p) {
        rows.add(new LinkedHashMap<>(r.toMap()));
      }
    }
    return rows;
  }

  /** Parses a number cell: empty is NaN, "Infinity"/"Inf"/"-Infinity" are infinite. */
  public static double number(String s) {
    if (s == null || s.isBlank() || s.equals("NA")) {
      return Double.NaN;
    }
    return switch (s.strip()) {
      case "Inf", "inf", "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Inf", "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /**
   * Whether {@code actual} agrees with {@code expected} to the relative tolerance (absolute near
   * 0).
   */
  public static boolean close(double expected, double actual, double relTol) {
    if (Double.isNaN(expected)) {
      return Double.isNaN(actual);
    }
    if (Double.isInfinite(expected)) {
      return expected == actual;
    }
    return Math.abs(actual - expected) <= relTol * Math.max(Math.abs(expected), 1e-6);
  }
}
