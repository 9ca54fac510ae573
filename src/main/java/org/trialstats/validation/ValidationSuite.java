package org.trialstats.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.Request;
import org.trialstats.stats.StatsException;

/**
 * The built-in validation suite: every independent reference case and published worked example
 * that the project tests against, shipped inside the jar under {@code org/trialstats/validation/}
 * and run without network, R or Python.
 *
 * <p>Case files are CSV in the {@code batch} input format plus reference columns {@code
 * ref_estimate, ref_lower, ref_upper, ref_p_value, ref_source}; published examples add {@code
 * tolerance} (absolute, half a unit of the printed last digit) per row.
 */
public final class ValidationSuite {
  private static final String BASE = "/org/trialstats/validation/";

  /** Relative tolerance of the shared reference (its README); Barnard/Boschloo use 1e-3. */
  static final double SHARED_TOLERANCE = 1e-6;

  static final double UNCONDITIONAL_TEST_TOLERANCE = 1e-3;

  private ValidationSuite() {}

  /** Runs every case of every shipped reference set. */
  public static List<ValidationCase> run() {
    List<ValidationCase> cases = new ArrayList<>();
    cases.addAll(binaryCases("independent reference (R, statsmodels, SciPy)",
        "binary_reference.csv"));
    cases.addAll(binaryCases("published worked examples", "published_examples.csv"));
    return cases;
  }

  /** The cases of one batch-format reference file. */
  static List<ValidationCase> binaryCases(String suite, String file) {
    List<ValidationCase> cases = new ArrayList<>();
    for (Map<String, String> original : readCsv(file)) {
      Map<String, String> row = ReferenceCorrections.apply(original);
      String method = row.get("measure") + " " + row.get("method");
      String source = row.getOrDefault("ref_source", "");
      String id = row.get("id");
      double tolerance;
      boolean relative;
      String tolText = row.getOrDefault("tolerance", "");
      if (!tolText.isBlank()) {
        tolerance = Double.parseDouble(tolText);
        relative = false;
      } else {
        String m = row.get("method").toLowerCase(Locale.ROOT);
        tolerance = m.equals("barnard") || m.equals("boschloo")
            ? UNCONDITIONAL_TEST_TOLERANCE : SHARED_TOLERANCE;
        relative = true;
      }
      Estimate e = null;
      String error = "";
      try {
        e = MethodCatalogue.compute(Request.fromFields(row));
      } catch (StatsException ex) {
        error = ex.getMessage();
      }
      String[][] quantities = {
        {"estimate", "ref_estimate"}, {"lower", "ref_lower"}, {"upper", "ref_upper"},
        {"p_value", "ref_p_value"}
      };
      for (String[] q : quantities) {
        String ref = row.getOrDefault(q[1], "");
        if (ref.isBlank()) {
          continue;
        }
        double actual = e == null ? Double.NaN : switch (q[0]) {
          case "estimate" -> e.estimate();
          case "lower" -> e.lower();
          case "upper" -> e.upper();
          default -> e.pValue();
        };
        cases.add(new ValidationCase(suite, id, method, q[0], number(ref), actual, tolerance,
            relative, source, error));
      }
    }
    return cases;
  }

  static List<Map<String, String>> readCsv(String file) {
    try (InputStream in = ValidationSuite.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("validation data missing from the jar: " + file);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (CSVRecord r : p) {
          rows.add(r.toMap());
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double number(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "na", "" -> Double.NaN;
      default -> Double.parseDouble(s.strip());
    };
  }
}
