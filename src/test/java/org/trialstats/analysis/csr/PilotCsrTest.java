package org.trialstats.analysis.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.testing.SharedFolder;
import tech.tablesaw.api.Table;

/**
 * The CDISC pilot CSR displays (shells in datasets/cdiscpilot01) on the shipped ADaM data: every
 * number against an independent R recomputation (fixtures/pilot_csr.R: base R, haven, emmeans,
 * fisher.test, chisq.test; relative tolerance 1e-9), and the committed outputs in
 * reports/cdiscpilot01/csr byte-identical to a fresh run.
 */
class PilotCsrTest {
  private static final Path SHELLS = Path.of("datasets/cdiscpilot01");

  @Test
  void everyNumberMatchesTheIndependentRComputation() throws Exception {
    // the adverse-event displays (14-5.*) are checked against ae-table and its R reference in
    // PilotAeCsrTest
    Path data = SharedFolder.require("data/cdiscpilot01/adsl.xpt").getParent();
    Map<String, String> reference = new HashMap<>();
    for (Map<String, String> row :
        ReferenceCsv.read("/org/trialstats/analysis/csr/fixtures/pilot_csr.csv")) {
      reference.put(
          String.join(
              "|",
              row.get("table"),
              row.get("block"),
              row.get("row"),
              row.get("column"),
              row.get("statistic")),
          row.get("value"));
    }
    Map<String, Table> loaded = new HashMap<>();
    int compared = 0;
    List<String> mismatches = new ArrayList<>();
    for (Path shellFile : shells()) {
      if (shellFile.getFileName().toString().startsWith("14-5.")) {
        continue;
      }
      DisplayShell shell =
          ShellParser.parse(Files.readString(shellFile), shellFile.getFileName().toString());
      Map<String, Table> tables = new HashMap<>();
      for (Map.Entry<String, String> d : shell.datasets().entrySet()) {
        Path file = data.resolve(d.getValue());
        if (!loaded.containsKey(d.getValue())) {
          loaded.put(d.getValue(), AdamTables.read(file));
        }
        tables.put(d.getKey(), loaded.get(d.getValue()));
      }
      if (shell.figure() != null) {
        continue; // Figure 14-1: PilotFigureTest
      }
      CsrDisplay display = CsrEngine.compute(shell, tables);
      for (CsrValue v : display.values()) {
        String key =
            String.join("|", display.number(), v.block(), v.row(), v.column(), v.statistic());
        String expected = reference.remove(key);
        if (expected == null) {
          mismatches.add("not in the R fixture: " + key);
          continue;
        }
        compared++;
        if (!ReferenceCsv.close(ReferenceCsv.number(expected), v.value(), 1e-9)) {
          mismatches.add(key + ": R " + expected + ", trialstats " + v.value());
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(reference.keySet()).as("R numbers the displays do not print").isEmpty();
    assertThat(compared).isEqualTo(1009);
  }

  @Test
  void committedOutputsAreByteIdenticalToAFreshRun(@TempDir Path temp) throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adsl.xpt").getParent();
    Path out = temp.resolve("csr");
    Cli.Run run =
        Cli.run(
            "csr",
            "--shells",
            SHELLS.toString(),
            "--data",
            data.toString(),
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path committed = Path.of("reports/cdiscpilot01/csr");
    List<String> names;
    try (Stream<Path> list = Files.list(out)) {
      names = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try (Stream<Path> list = Files.list(committed)) {
      assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
          .as(
              "regenerate with: trialstats csr --shells datasets/cdiscpilot01 --data"
                  + " ../shared/data/cdiscpilot01 --out reports/cdiscpilot01/csr")
          .isEqualTo(names);
    }
    for (String name : names) {
      assertThat(Files.readAllBytes(out.resolve(name)))
          .as(name + " is out of date: regenerate reports/cdiscpilot01/csr")
          .isEqualTo(Files.readAllBytes(committed.resolve(name)));
    }
    assertThat(names).hasSize(38);
  }

  private static List<Path> shells() throws Exception {
    try (Stream<Path> list = Files.list(SHELLS)) {
      return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /**
   * A count block's stratified risk difference on the pilot ADSL: women by arm versus placebo over
   * the pooled site groups (SITEGR1), Mantel-Haenszel with Sato's variance, against the formulas in
   * fixtures/small_engine_stratified_rd.py on the same strata (tolerance 1e-12).
   */
  @Test
  void aStratifiedRiskDifferenceMatchesTheMantelHaenszelSatoFormulas() throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adsl.xpt").getParent();
    String shell =
        """
        number: "X"
        title: Sex
        population: ITT Population
        data:
          adsl: adsl.xpt
        population_flag: ITTFL
        columns:
          treatment: TRT01P
          order: TRT01PN
          control: placebo
        rows:
          - count: SEX
            label: Sex
            categories: [{value: F, label: Female}, {value: M, label: Male}]
            risk_difference: {strata: SITEGR1, method: mh}
        """;
    CsrDisplay d =
        CsrEngine.compute(
            ShellParser.parse(shell, "x.yaml"),
            Map.of("adsl", AdamTables.read(data.resolve("adsl.xpt"))));
    Map<String, Double> rd = new HashMap<>();
    for (CsrValue v : d.values()) {
      if (v.row().equals("Female") && v.statistic().startsWith("rd")) {
        rd.put(v.column() + " " + v.statistic(), v.value());
      }
    }
    String low = "Xanomeline Low Dose vs Placebo ";
    String high = "Xanomeline High Dose vs Placebo ";
    assertThat(rd.get(low + "rd")).isCloseTo(-0.024625263737271808, within(1e-12));
    assertThat(rd.get(low + "rd_lower")).isCloseTo(-0.17111398679503656, within(1e-12));
    assertThat(rd.get(low + "rd_upper")).isCloseTo(0.12186345932049295, within(1e-12));
    assertThat(rd.get(high + "rd")).isCloseTo(-0.14429689281470903, within(1e-12));
    assertThat(rd.get(high + "rd_lower")).isCloseTo(-0.28929276199779508, within(1e-12));
    assertThat(rd.get(high + "rd_upper")).isCloseTo(0.00069897636837701338, within(1e-12));
    assertThat(d.rows().get(1).cells()).endsWith("-2.5 (-17.1, 12.2)", "-14.4 (-28.9, 0.1)");
  }
}
