package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstats.adam.PilotData;
import org.trialstats.testing.Cli;

/**
 * {@code ae-table --strata SITEGR1}: the Mantel-Haenszel risk difference of every row and arm,
 * stratified by the pooled site group, against an independent R computation
 * (adam/fixtures/make_strata_reference.R: Sato and Greenland-Robins variances coded from the
 * papers), relative tolerance 1e-6. Two data sets: a small shipped CSV pair whose site group C has
 * no placebo subject (left out of every comparison), and the CDISC pilot (../shared).
 */
class AeTableStrataTest {
  private static final Path FIXTURES = Path.of("src/test/resources/org/trialstats/adam/fixtures");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"mh", "mh-gr"})
  void smallShippedDataAgreesWithR(String method) throws IOException {
    int compared =
        compare(
            FIXTURES.resolve("strata_adsl.csv"),
            FIXTURES.resolve("strata_adae.csv"),
            FIXTURES.resolve("strata_reference.csv"),
            method);
    // any + 3 SOCs + 4 terms, two comparisons
    assertThat(compared).isEqualTo(16);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mh", "mh-gr"})
  void pilotAgreesWithR(String method) throws IOException {
    Path pilot = PilotData.require();
    int compared =
        compare(
            pilot.resolve("adsl.xpt"),
            pilot.resolve("adae.xpt"),
            FIXTURES.resolve("strata_pilot_reference.csv"),
            method);
    assertThat(compared).isEqualTo(508);
  }

  /** Runs ae-table and compares every reference row of {@code method}; returns their number. */
  private int compare(Path adsl, Path adae, Path reference, String method) throws IOException {
    Path out = dir.resolve(method);
    Cli.Run run =
        Cli.run(
            "ae-table",
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--strata",
            "SITEGR1",
            "--strata-method",
            method,
            "--exposure",
            "none",
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, CSVRecord> table = new HashMap<>();
    for (CSVRecord r : read(out.resolve("ae_table.csv"))) {
      assertThat(r.get("strata_variable")).isEqualTo("SITEGR1");
      assertThat(r.get("strat_rd_method")).isEqualTo(method);
      table.put(r.get("row_type") + "|" + r.get("soc") + "|" + r.get("term"), r);
    }
    int compared = 0;
    for (CSVRecord ref : read(reference)) {
      if (!ref.get("method").equals(method)) {
        continue;
      }
      String key = ref.get("row_type") + "|" + ref.get("soc") + "|" + ref.get("term");
      CSVRecord row = table.get(key);
      assertThat(row).as(key).isNotNull();
      String c = ref.get("comparison") + ":strat_rd";
      for (var column : List.of(List.of("estimate", c), List.of("lower", c + "_lower"))) {
        close(row.get(column.get(1)), ref.get(column.get(0)), key + " " + column.get(1));
      }
      close(row.get(c + "_upper"), ref.get("upper"), key + " " + c + "_upper");
      compared++;
    }
    return compared;
  }

  private static void close(String actual, String expected, String what) {
    double e = Double.parseDouble(expected);
    assertThat(Double.parseDouble(actual))
        .as(what)
        .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(e) + 1e-12));
  }

  private static List<CSVRecord> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getRecords();
    }
  }
}
