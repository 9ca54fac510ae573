package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.validation.ReferenceCorrections;

/**
 * Every row of the independent reference file (shared/reference/binary_reference.csv, shipped in
 * the jar under org/trialstats/validation/) computed through the {@code batch} path, with the
 * documented corrections of {@link ReferenceCorrections} (Barnard/Boschloo rows computed on the
 * transposed table; nine rows with wrong reference values). The reference file is itself a valid
 * batch input: its ref_* columns are passed through, so each output row carries both our result
 * and the reference. Tolerance: 1e-6 relative (absolute below
 * 1e-6), Barnard and Boschloo 1e-3 (SciPy's nuisance-parameter grid), as the reference README says.
 */
class BatchSharedReferenceTest {
  @Test
  void everyReferenceRowAgreesThroughTheBatchPath(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("binary_reference.csv");
    List<Map<String, String>> reference =
        ReferenceCsv.read("/org/trialstats/validation/binary_reference.csv");
    try (var out = Files.newBufferedWriter(input);
        var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(reference.get(0).keySet());
      for (Map<String, String> row : reference) {
        printer.printRecord(ReferenceCorrections.apply(row).values());
      }
    }
    Path output = dir.resolve("out.csv");
    BatchRunner.Summary summary = BatchRunner.run(input, output);

    List<Map<String, String>> rows;
    try (var reader = Files.newBufferedReader(output)) {
      rows = ReferenceCsv.read(reader);
    }
    assertThat(rows).hasSize(3112);
    assertThat(summary.rows()).isEqualTo(3112);
    List<String> failures = new ArrayList<>();
    for (Map<String, String> r : rows) {
      String method = r.get("method");
      double tol = method.equals("barnard") || method.equals("boschloo") ? 1e-3 : 1e-6;
      if (!r.get("status").equals("ok")) {
        failures.add(r.get("id") + ": " + r.get("message"));
        continue;
      }
      check(failures, r, "estimate", "ref_estimate", tol);
      check(failures, r, "lower", "ref_lower", tol);
      check(failures, r, "upper", "ref_upper", tol);
      check(failures, r, "p_value", "ref_p_value", tol);
    }
    assertThat(failures).as("rows disagreeing with the reference").isEmpty();
    assertThat(summary.errors()).isZero();
  }

  private static void check(List<String> failures, Map<String, String> r, String ours,
      String ref, double tol) {
    String expectedText = r.get(ref);
    if (expectedText == null || expectedText.isBlank()) {
      return;
    }
    double expected = ReferenceCsv.number(expectedText);
    double actual = ReferenceCsv.number(r.get(ours));
    if (!ReferenceCsv.close(expected, actual, tol)) {
      failures.add(r.get("id") + " " + ours + ": expected " + expected + ", got " + actual
          + " (" + r.get("ref_source") + ")");
    }
  }
}
