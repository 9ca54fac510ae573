package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.io.Numbers;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.TwoByTwo;
import org.trialstats.stats.UnconditionalExactInterval;
import org.trialstats.testing.Cli;

/**
 * The Berger-Boos restriction through {@code ci --berger-boos} and the {@code batch} column {@code
 * berger_boos}: the command line gives exactly what {@link UnconditionalExactInterval} gives for
 * the same table, level and gamma (the expected values are computed through that API here, not
 * written down, so that the test holds whatever the numerics of the restriction), and refuses a
 * gamma that does not apply or is out of range with exit code 2, naming the option or column.
 */
class BergerBoosOptionTest {
  @TempDir Path dir;

  /** The expected interval, through the API. */
  private static Estimate expected(
      String measure, String method, String t, double level, double g) {
    String[] a = t.split("[/ ]");
    TwoByTwo table =
        TwoByTwo.of(
            Long.parseLong(a[0]), Long.parseLong(a[1]), Long.parseLong(a[2]), Long.parseLong(a[3]));
    return measure.equals("rd")
        ? UnconditionalExactInterval.riskDifference(
            table, level, method.equals("exact-unconditional"), g, method)
        : UnconditionalExactInterval.riskRatio(table, level, g, method);
  }

  @ParameterizedTest
  @CsvSource({
    "rd, exact-unconditional, 3/10 7/12, 0.95, 0.0001",
    "rd, exact-unconditional, 3/10 7/12, 0.95, 0.001",
    "rd, exact-unconditional, 5/15 2/14, 0.9, 0.01",
    "rd, exact-unconditional-raw, 0/8 4/9, 0.95, 0.001",
    "rd, exact-unconditional-raw, 12/20 12/20, 0.99, 0.0005",
    "rr, exact-unconditional, 3/10 7/12, 0.95, 0.001",
    "rr, exact-unconditional, 0/8 4/9, 0.95, 0.0001",
    "rr, exact-unconditional, 9/11 2/13, 0.9, 0.02"
  })
  void ciGivesTheApiInterval(String measure, String method, String t, double level, double g)
      throws Exception {
    Estimate want = expected(measure, method, t, level, g);
    String[] arms = t.split(" ");
    Cli.Run csv =
        Cli.run(
            "ci",
            measure,
            arms[0],
            arms[1],
            "--method",
            method,
            "--level",
            Double.toString(level),
            "--berger-boos",
            Double.toString(g),
            "--format",
            "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out())
        .isEqualTo(
            "measure,method,estimate,lower,upper,level,berger_boos,p_value,status,message\n"
                + String.join(
                    ",",
                    measure,
                    method,
                    Numbers.full(want.estimate()),
                    Numbers.full(want.lower()),
                    Numbers.full(want.upper()),
                    Numbers.full(level),
                    Numbers.full(g),
                    "",
                    "ok",
                    "")
                + "\n");
    Cli.Run json =
        Cli.run(
            "ci",
            measure,
            arms[0],
            arms[1],
            "--method",
            method,
            "--level",
            Double.toString(level),
            "--berger-boos",
            Double.toString(g),
            "--format",
            "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode row = new ObjectMapper().readTree(json.out()).get(0);
    assertThat(row.get("berger_boos").asDouble()).isEqualTo(g);
    assertThat(row.get("lower").asDouble()).isEqualTo(want.lower());
    assertThat(row.get("upper").asText()).isEqualTo(jsonText(want.upper()));
  }

  private static String jsonText(double x) {
    return Double.isInfinite(x) ? "Infinity" : new ObjectMapper().valueToTree(x).asText();
  }

  @Test
  void gammaZeroIsTheUnrestrictedIntervalWithTheOutputOfToday() {
    Cli.Run plain = Cli.run("ci", "rd", "3/10", "7/12", "--method", "exact-unconditional");
    Cli.Run zero =
        Cli.run(
            "ci", "rd", "3/10", "7/12", "--method", "exact-unconditional", "--berger-boos", "0");
    assertThat(zero.exitCode()).as(zero.err()).isZero();
    assertThat(zero.out()).isEqualTo(plain.out());
    Cli.Run json =
        Cli.run(
            "ci",
            "rr",
            "3/10",
            "7/12",
            "--method",
            "exact-unconditional",
            "--berger-boos",
            "0",
            "--format",
            "json");
    assertThat(json.out()).doesNotContain("berger_boos");
  }

  @Test
  void bothRdMethodsSideBySide() {
    Cli.Run run =
        Cli.run(
            "ci",
            "rd",
            "3/10",
            "7/12",
            "--method",
            "exact-unconditional,exact-unconditional-raw",
            "--berger-boos",
            "0.001");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Berger-Boos gamma 0.001");
    for (String method : List.of("exact-unconditional", "exact-unconditional-raw")) {
      Estimate want = expected("rd", method, "3/10 7/12", 0.95, 0.001);
      assertThat(run.out()).contains(Numbers.significant(want.lower(), 7));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ci rd 3/10 7/12 --method exact-unconditional --berger-boos 0.03"
            + "|--berger-boos must be 0 or between 0 and alpha/2 = 0.025 (--level 0.95), got 0.03",
        "ci rr 3/10 7/12 --method exact-unconditional --berger-boos -0.001"
            + "|--berger-boos must be 0 or between 0 and alpha/2 = 0.025",
        "ci rd 3/10 7/12 --method exact-unconditional --level 0.99 --berger-boos 0.006"
            + "|--berger-boos must be 0 or between 0 and alpha/2 = 0.005 (--level 0.99), got 0.006",
        "ci rd 3/10 7/12 --method mn --berger-boos 0.001"
            + "|--berger-boos applies only to --method exact-unconditional or"
            + " exact-unconditional-raw, not to mn",
        "ci rr 3/10 7/12 --method exact-unconditional,koopman --berger-boos 0.001"
            + "|--berger-boos applies only to --method exact-unconditional, not to koopman",
        "ci rd 3/10 7/12 --all --berger-boos 0.001|--berger-boos applies only to --method",
        "ci rd 3/10 7/12 --berger-boos 0.001|--berger-boos applies only to --method",
        "ci or 3/10 7/12 --berger-boos 0.001|--berger-boos applies only to rd and rr",
        "ci nnt 3/10 7/12 --berger-boos 0.001|--berger-boos applies only to rd and rr",
        "ci rd --strata 3/10:7/12,4/9:2/8 --berger-boos 0.001"
            + "|--berger-boos does not apply to --strata"
      })
  void refusedWithExitCode2NamingTheOption(String command, String message) {
    Cli.Run run = Cli.run(command.split(" "));
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains(message).doesNotContain("at org.trialstats");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void batchColumnGivesTheApiIntervalAndMarksBadRows() throws Exception {
    String[][] rows = {
      {"rd", "exact-unconditional", "3", "10", "7", "12", "0.95", "0.001"},
      {"rd", "exact-unconditional-raw", "0", "8", "4", "9", "0.9", "0.01"},
      {"rr", "exact-unconditional", "9", "11", "2", "13", "0.95", "0.0001"},
      {"rd", "exact-unconditional", "3", "10", "7", "12", "0.95", ""},
      {"rd", "mn", "3", "10", "7", "12", "0.95", "0"},
      {"rd", "exact-unconditional", "3", "10", "7", "12", "0.95", "0.03"},
      {"rd", "mn", "3", "10", "7", "12", "0.95", "0.001"},
      {"rd", "exact-unconditional", "3", "10", "7", "12", "0.95", "abc"}
    };
    StringBuilder in =
        new StringBuilder("measure,method,events1,n1,events2,n2,level,berger_boos\n");
    for (String[] r : rows) {
      in.append(String.join(",", r)).append('\n');
    }
    Path input = dir.resolve("in.csv");
    Path output = dir.resolve("out.csv");
    Files.writeString(input, in, StandardCharsets.UTF_8);
    Cli.Run run = Cli.run("batch", "--input", input.toString(), "--out", output.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("8 rows, 5 ok, 3 errors");
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    List<String> want = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String[] r = rows[i];
      double g = r[7].isEmpty() ? 0 : Double.parseDouble(r[7]);
      Estimate e =
          r[1].equals("mn")
              ? org.trialstats.stats.RiskDifferenceMethod.MN.interval(
                  TwoByTwo.of(3, 10, 7, 12), 0.95)
              : expected(
                  r[0],
                  r[1],
                  r[2] + "/" + r[3] + " " + r[4] + "/" + r[5],
                  Double.parseDouble(r[6]),
                  g);
      want.add(
          String.join(",", r)
              + ","
              + String.join(
                  ",",
                  Numbers.full(e.estimate()),
                  Numbers.full(e.lower()),
                  Numbers.full(e.upper()),
                  "",
                  "ok",
                  ""));
    }
    assertThat(lines.subList(1, 6)).containsExactlyElementsOf(want);
    assertThat(lines.get(6))
        .contains(",error,")
        .contains("line 7: field 'berger_boos': expected 0 or a number between 0 and alpha/2")
        .contains("= 0.025 (level 0.95), got 0.03");
    assertThat(lines.get(7))
        .contains("line 8: field 'berger_boos' applies only to the methods exact-unconditional");
    assertThat(lines.get(8))
        .contains("line 9: field 'berger_boos': expected a finite decimal number, got 'abc'");
  }
}
