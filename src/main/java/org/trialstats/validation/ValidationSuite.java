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
import org.trialstats.analysis.RequestFields;
import org.trialstats.io.InvalidDataException;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.NumberNeededToTreat;
import org.trialstats.stats.Result;
import org.trialstats.stats.StatsException;

/**
 * The built-in validation suite: every independent reference case and published worked example that
 * the project tests against, shipped inside the jar under {@code org/trialstats/validation/} and
 * run without network, R or Python.
 *
 * <p>Case files are CSV in the {@code batch} input format plus reference columns {@code
 * ref_estimate, ref_lower, ref_upper, ref_p_value, ref_source}; published examples add {@code
 * tolerance} and {@code tolerance_kind} per row: {@code absolute} with half a unit of the last
 * printed digit, {@code relative} for values quoted to full precision from another implementation
 * (relative to max(|reference|, 1e-6)), or {@code relative-strict} (relative to max(|reference|,
 * 1e-300): a reference of 0 must be met exactly, up to underflow). Number-needed-to-treat examples
 * that start from a published risk-difference interval and the meta-analysis cases have their own
 * files (see {@link MetaCases}).
 *
 * <p>Suites and their files:
 *
 * <ul>
 *   <li>independent reference: {@code binary_reference.csv} with {@link ReferenceCorrections};
 *   <li>independent meta-analysis reference: {@code meta_reference_bcg.csv} on {@code bcg.csv};
 *   <li>published worked examples: {@code published_examples.csv}, {@code
 *       published_nnt_examples.csv} and {@code published_meta_examples.csv} (study data in {@code
 *       meta_data_*.csv});
 *   <li>generated references: {@code generated_references.csv}, the unit-test fixtures of {@code
 *       org.trialstats.stats} (R 4.2.2, mpmath 1.3.0, SciPy 1.10.1, statsmodels 0.13.5) converted
 *       by {@code generated_references.py} with the tolerance of each fixture's unit test; it gives
 *       every method of {@link MethodCatalogue} at least one case;
 *   <li>time-to-event references: {@code survival/} (R survival fixtures and their script), see
 *       {@link SurvivalCases}.
 * </ul>
 */
public final class ValidationSuite {
  private static final String BASE = "/org/trialstats/validation/";

  /** Relative tolerance of the shared reference (its README); Barnard/Boschloo use 1e-3. */
  static final double SHARED_TOLERANCE = 1e-6;

  static final double UNCONDITIONAL_TEST_TOLERANCE = 1e-3;

  /** Name of the suite built from the shared independent reference for binary and Poisson data. */
  public static final String SHARED_SUITE = "independent reference (R, statsmodels, SciPy)";

  /** Name of the suite of published worked examples. */
  public static final String PUBLISHED_SUITE = "published worked examples";

  /**
   * Name of the suite built from the generated unit-test fixtures; their generating scripts ship
   * with the project, the conversion script with the data.
   */
  public static final String GENERATED_SUITE =
      "generated references (R, mpmath, SciPy; scripts shipped)";

  private ValidationSuite() {}

  /** Runs every case of every shipped reference set. */
  public static List<ValidationCase> run() {
    List<ValidationCase> cases = new ArrayList<>();
    cases.addAll(binaryCases(SHARED_SUITE, "binary_reference.csv", true));
    cases.addAll(MetaCases.sharedReference("bcg.csv", "meta_reference_bcg.csv"));
    cases.addAll(binaryCases(PUBLISHED_SUITE, "published_examples.csv", false));
    cases.addAll(nntCases(PUBLISHED_SUITE, "published_nnt_examples.csv"));
    cases.addAll(MetaCases.publishedExamples(PUBLISHED_SUITE, "published_meta_examples.csv"));
    cases.addAll(binaryCases(GENERATED_SUITE, "generated_references.csv", false));
    cases.addAll(SurvivalCases.published(PUBLISHED_SUITE));
    cases.addAll(SurvivalCases.run());
    cases.addAll(StratifiedCases.all());
    cases.addAll(MetaCases.generalisedQ("bcg.csv", "meta_genq_bcg.csv"));
    return cases;
  }

  /**
   * The cases of one batch-format reference file.
   *
   * @param corrected whether the documented {@link ReferenceCorrections} of the shared reference
   *     apply (only to {@code binary_reference.csv})
   */
  static List<ValidationCase> binaryCases(String suite, String file, boolean corrected) {
    List<ValidationCase> cases = new ArrayList<>();
    for (Map<String, String> original : readCsv(file)) {
      Map<String, String> row = corrected ? ReferenceCorrections.apply(original) : original;
      String method = row.get("measure") + " " + row.get("method");
      String source = row.getOrDefault("ref_source", "");
      String id = row.get("id");
      double tolerance;
      boolean relative;
      double floor = ValidationCase.DEFAULT_FLOOR;
      String tolText = row.getOrDefault("tolerance", "");
      if (!tolText.isBlank()) {
        tolerance = Double.parseDouble(tolText);
        String kind = row.getOrDefault("tolerance_kind", "").strip();
        relative = kind.startsWith("relative");
        floor =
            kind.equals("relative-strict")
                ? ValidationCase.STRICT_FLOOR
                : ValidationCase.DEFAULT_FLOOR;
      } else {
        String m = row.get("method").toLowerCase(Locale.ROOT);
        tolerance =
            m.equals("barnard") || m.equals("boschloo")
                ? UNCONDITIONAL_TEST_TOLERANCE
                : SHARED_TOLERANCE;
        relative = true;
      }
      Result e = null;
      String error = "";
      try {
        e = MethodCatalogue.compute(RequestFields.parse(row));
      } catch (StatsException | InvalidDataException ex) {
        error = ex.getMessage();
      }
      String[][] quantities = {
        {"estimate", "ref_estimate"},
        {"lower", "ref_lower"},
        {"upper", "ref_upper"},
        {"p_value", "ref_p_value"}
      };
      for (String[] q : quantities) {
        String ref = row.getOrDefault(q[1], "");
        if (ref.isBlank()) {
          continue;
        }
        double actual =
            e == null
                ? Double.NaN
                : switch (q[0]) {
                  case "estimate" -> e.value();
                  case "lower" -> e.lower();
                  case "upper" -> e.upper();
                  default -> e.pValue();
                };
        cases.add(
            new ValidationCase(
                suite,
                id,
                method,
                q[0],
                number(ref),
                actual,
                tolerance,
                relative,
                source,
                error,
                floor));
      }
    }
    return cases;
  }

  /**
   * Number needed to treat from a published risk-difference interval: NNT = 1/RD, limits 1/upper
   * and 1/lower, an NNT harmed as a negative number (Altman 1998).
   */
  static List<ValidationCase> nntCases(String suite, String file) {
    List<ValidationCase> cases = new ArrayList<>();
    for (Map<String, String> row : readCsv(file)) {
      Estimate rd =
          Estimate.interval(
              Measure.RD,
              "published",
              number(row.get("rd_estimate")),
              number(row.get("rd_lower")),
              number(row.get("rd_upper")),
              number(row.get("level")));
      Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd);
      double tolerance = Double.parseDouble(row.get("tolerance"));
      String[][] quantities = {
        {"estimate", "ref_estimate"}, {"lower", "ref_lower"}, {"upper", "ref_upper"}
      };
      for (String[] q : quantities) {
        String ref = row.get(q[1]);
        if (ref.isBlank()) {
          continue;
        }
        double actual =
            switch (q[0]) {
              case "estimate" -> nnt.estimate();
              case "lower" -> nnt.lower();
              default -> nnt.upper();
            };
        cases.add(
            new ValidationCase(
                suite,
                row.get("id"),
                "nnt from rd interval",
                q[0],
                number(ref),
                actual,
                tolerance,
                false,
                row.get("ref_source"),
                ""));
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
      try (CSVParser p =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
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
