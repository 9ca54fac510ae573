package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.adam.PilotData;
import org.trialstats.testing.Cli;
import org.trialstats.testing.Cli.Run;
import picocli.CommandLine;

/**
 * The {@code ae-table} command end to end, constructed as picocli constructs it for {@code
 * trialstats ae-table}.
 */
class AeTableCommandTest {
  @TempDir Path dir;

  private static Run run(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "ae-table";
    System.arraycopy(args, 0, command, 1, args.length);
    return Cli.run(command);
  }

  private static Path pilot() {
    return PilotData.require();
  }

  @Test
  void pilotTableAndIdenticalBytesOnEveryRun() throws IOException {
    Path data = pilot();
    String[] args = {
      "--adsl",
      data.resolve("adsl.xpt").toString(),
      "--adae",
      data.resolve("adae.xpt").toString(),
      "--method",
      "wald",
      "--rr",
      "katz",
      "--out",
      dir.resolve("a").toString()
    };
    Run first = run(args);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "Safety population (SAFFL = Y); control: Placebo",
            "Placebo: N = 86, with any selected event: 65 (75.6%)",
            "Xanomeline Low Dose: N = 84, with any selected event: 77 (91.7%)",
            "Xanomeline High Dose: N = 84, with any selected event: 76 (90.5%)");
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(Files.readString(dir.resolve("a/ae_table.csv"))))
            .getRecords();
    CSVRecord pruritus =
        rows.stream()
            .filter(r -> r.get("term").equals("APPLICATION SITE PRURITUS"))
            .findFirst()
            .orElseThrow();
    // pilot study report: APPLICATION SITE PRURITUS 6, 22, 22 (Placebo, High, Low)
    assertThat(
            List.of(
                pruritus.get("Placebo:n"),
                pruritus.get("Xanomeline High Dose:n"),
                pruritus.get("Xanomeline Low Dose:n")))
        .containsExactly("6", "22", "22");

    String[] again = args.clone();
    again[again.length - 1] = dir.resolve("b").toString();
    assertThat(run(again).exitCode()).isZero();
    List<String> names = new ArrayList<>();
    try (var files = Files.list(dir.resolve("a"))) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertThat(names).hasSize(7);
    for (String name : names) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
    }
  }

  @Test
  void seriousEventsWithWhere() {
    Path data = pilot();
    Run r =
        run(
            "--adsl",
            data.resolve("adsl.xpt").toString(),
            "--adae",
            data.resolve("adae.xpt").toString(),
            "--method",
            "wald",
            "--where",
            "AESER=Y",
            "--format",
            "csv,md",
            "--out",
            dir.resolve("s").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // pandas (make_pilot_ae_reference.py, variant serious): 0/86, 1/84, 2/84
    assertThat(r.out())
        .contains(
            "Placebo: N = 86, with any selected event: 0 (0.0%)",
            "Xanomeline Low Dose: N = 84, with any selected event: 1 (1.2%)",
            "Xanomeline High Dose: N = 84, with any selected event: 2 (2.4%)");
    assertThat(dir.resolve("s/ae_table.md"))
        .content()
        .contains(
            "## Treatment-emergent adverse events by system organ class and preferred term"
                + " (AESER = Y)");
  }

  @Test
  void userErrorsExitWith2AndAClearMessage() throws IOException {
    Path adsl =
        Files.writeString(
            dir.resolve("adsl.csv"), "USUBJID,SAFFL,TRT01A,TRTDUR\nA,Y,Drug,10\nB,Y,Placebo,20\n");
    Path adae =
        Files.writeString(
            dir.resolve("adae.csv"), "USUBJID,TRTEMFL,AEBODSYS,AEDECOD\nA,Y,SKIN,RASH\n");
    String out = dir.resolve("o").toString();
    Run ok =
        run("--adsl", adsl.toString(), "--adae", adae.toString(), "--method", "wald", "--out", out);
    assertThat(ok.exitCode()).as(ok.err()).isZero();

    assertError(
        run(
            "--adsl",
            dir.resolve("nope.xpt").toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--out",
            out),
        "trialstats ae-table: error: no such file: " + dir.resolve("nope.xpt"));
    assertError(
        run("--adsl", adsl.toString(), "--adae", adae.toString(), "--method", "foo", "--out", out),
        "trialstats ae-table: error: unknown rd method 'foo'; expected one of [wald, wald-cc,"
            + " newcombe, newcombe-cc, mn, mee, agresti-caffo, hauck-anderson, exact-unconditional,"
            + " exact-unconditional-raw]");
    assertError(
        run("--adsl", adsl.toString(), "--adae", adae.toString(), "--rr", "foo", "--out", out),
        "trialstats ae-table: error: unknown rr method 'foo'; expected one of [katz, koopman, mn,"
            + " exact-unconditional]");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--rate-method",
            "foo",
            "--out",
            out),
        "trialstats ae-table: error: unknown rate method 'foo'; expected one of [exact, mid-p,"
            + " byar, wald]");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--rate-ratio-method",
            "foo",
            "--out",
            out),
        "trialstats ae-table: error: unknown rate-ratio method 'foo'; expected one of"
            + " [exact-conditional, mid-p, wald]");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--format",
            "xlsx",
            "--out",
            out),
        "trialstats ae-table: error: unknown output format 'xlsx'; expected some of [csv, html, md,"
            + " rtf, docx, png, svg]");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--plot-measure",
            "or",
            "--out",
            out),
        "trialstats ae-table: error: unknown plot measure 'or'; expected rd or rr");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--rounding",
            "down",
            "--out",
            out),
        "trialstats ae-table: error: unknown rounding 'down'; expected half-up or half-even");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--decimals",
            "7",
            "--out",
            out),
        "trialstats ae-table: error: --decimals must be 0 to 6, got 7");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--plot-measure",
            "rr",
            "--out",
            out),
        "trialstats ae-table: error: --plot-measure rr needs risk ratios: add --rr katz (or"
            + " koopman, mn)");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--arm",
            "TRT01P",
            "--out",
            out),
        "trialstats ae-table: error: adsl.csv: data set ADSL has no variable TRT01P; its variables"
            + " are [USUBJID, SAFFL, TRT01A, TRTDUR]");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--sort",
            "random",
            "--out",
            out),
        "trialstats ae-table: error: unknown row order 'random'; expected one of [frequency,"
            + " soc-alphabetical, alphabetical, arm]");
    assertError(
        run(
            "--adsl",
            adsl.toString(),
            "--adae",
            adae.toString(),
            "--method",
            "wald",
            "--where",
            "AESER",
            "--out",
            out),
        "trialstats ae-table: error: filter 'AESER' must be VAR=value, VAR=v1|v2 or VAR!=value"
            + " (e.g. AESER=Y)");
    assertThat(Path.of(out, "ae_table.csv")).exists();
  }

  @Test
  void anExposureTheDataCannotGiveNamesTheOptionThatWorks() throws IOException {
    Path adsl =
        Files.writeString(dir.resolve("adsl.csv"), "USUBJID,SAFFL,TRT01A\nA,Y,Drug\nB,Y,Placebo\n");
    Path adae =
        Files.writeString(
            dir.resolve("adae.csv"), "USUBJID,TRTEMFL,AEBODSYS,AEDECOD\nA,Y,SKIN,RASH\n");
    String out = dir.resolve("o").toString();
    assertError(
        run("--adsl", adsl.toString(), "--adae", adae.toString(), "--method", "wald", "--out", out),
        "trialstats ae-table: error: adsl.csv: exposure-adjusted rates need a positive treatment"
            + " duration for every subject, but 2 subject(s) have none (A, B; ADSL has neither a"
            + " duration variable nor start and end dates); use --exposure none to leave the"
            + " rates out");
    assertThat(Path.of(out)).doesNotExist();
    assertThat(
            run(
                    "--adsl",
                    adsl.toString(),
                    "--adae",
                    adae.toString(),
                    "--method",
                    "wald",
                    "--exposure",
                    "none",
                    "--out",
                    out)
                .exitCode())
        .isZero();
  }

  @Test
  void isRegisteredInTheMainCommand() {
    StringWriter out = new StringWriter();
    CommandLine cli = TrialStats.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("ae-table", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--adsl=FILE", "--adae=FILE", "--where=VAR=VALUE", "--exposure=DEF", "--format=LIST");
  }

  private static void assertError(Run r, String message) {
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(message);
  }
}
