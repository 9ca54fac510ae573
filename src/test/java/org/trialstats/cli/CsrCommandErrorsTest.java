package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;

/**
 * A bad display shell stops {@code trialstats csr} with exit code 2 and one message {@code
 * trialstats csr: error: FILE:LINE: field 'KEY': ...} naming the shell, the line and the field, and
 * writes nothing. The data are a small ADSL written here (no ../shared).
 */
class CsrCommandErrorsTest {
  @TempDir Path dir;
  private Path shells;
  private Path data;
  private Path out;

  /** Six subjects in two arms; nobody has SAFFL = Y. */
  @BeforeEach
  void data() throws IOException {
    shells = Files.createDirectories(dir.resolve("shells"));
    data = Files.createDirectories(dir.resolve("data"));
    out = dir.resolve("out");
    Files.writeString(
        data.resolve("adsl.csv"),
        """
        USUBJID,TRT01P,TRT01PN,ITTFL,SAFFL,SEX,AGE
        S1,Placebo,0,Y,N,F,70
        S2,Placebo,0,Y,N,M,64
        S3,Placebo,0,Y,N,F,81
        S4,Drug,1,Y,N,M,75
        S5,Drug,1,Y,N,F,66
        S6,Drug,1,Y,N,M,59
        """);
  }

  /** A valid shell, with {@code rows} as its row blocks (lines 11 on). */
  private static String shell(String populationFlag, String rows) {
    return """
    number: "1"
    title: Demographics
    population: ITT
    data:
      adsl: adsl.csv
    population_flag: %s
    columns:
      treatment: TRT01P
      order: TRT01PN
      total: true
    rows:
    %s\
    """
        .formatted(populationFlag, rows.strip().indent(2));
  }

  private Cli.Run run(String shellText) throws IOException {
    Files.writeString(shells.resolve("t1.yaml"), shellText);
    return Cli.run(
        "csr", "--shells", shells.toString(), "--data", data.toString(), "--out", out.toString());
  }

  private void assertError(String shellText, String expected) throws IOException {
    Cli.Run run = run(shellText);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("trialstats csr: error: " + expected);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void aShellThatIsNotUtf8IsRejectedAtItsLine() throws IOException {
    byte[] latin1 =
        shell("ITTFL", "- count: SEX\n  label: Sex \u00e9")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(shells.resolve("t1.yaml"), latin1);
    Cli.Run run =
        Cli.run(
            "csr",
            "--shells",
            shells.toString(),
            "--data",
            data.toString(),
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "trialstats csr: error: t1.yaml:13: expected UTF-8 text, got the invalid byte 0xE9");
    assertThat(out).doesNotExist();
  }

  @Test
  void theValidShellRenders() throws IOException {
    Cli.Run run = run(shell("ITTFL", "- count: SEX\n  label: Sex\n  n_row: true"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("1.csv")).exists();
  }

  @Test
  void unknownVariableNamesItsLineAndTheDataSet() throws IOException {
    assertError(
        shell("ITTFL", "- count: SEXX\n  label: Sex"),
        "t1.yaml:12: field 'count': unknown variable SEXX in data set adsl (adsl.csv);"
            + " its variables are [USUBJID, TRT01P");
  }

  @Test
  void unknownVariableInAWhereFilter() throws IOException {
    assertError(
        shell("ITTFL", "- count: SEX\n  label: Sex\n  where: [ARM = A]"),
        "t1.yaml:14: field 'where': unknown variable ARM");
  }

  @Test
  void unknownTreatmentVariable() throws IOException {
    assertError(
        shell("ITTFL", "- count: SEX").replace("treatment: TRT01P", "treatment: TRTP"),
        "t1.yaml:8: field 'treatment': unknown variable TRTP");
  }

  @Test
  void unknownStatistic() throws IOException {
    assertError(
        shell("ITTFL", "- summary: AGE\n  statistics: [n, mean, geomean]"),
        "t1.yaml:13: field 'statistics': unknown statistic 'geomean'; expected some of [n,");
  }

  @Test
  void unknownRowKind() throws IOException {
    assertError(
        shell("ITTFL", "- tally: SEX\n  label: Sex"),
        "t1.yaml:12: field 'tally': unknown row kind; a row block starts with one of"
            + " [count, summary, model");
  }

  @Test
  void unknownKeyInARowBlock() throws IOException {
    assertError(
        shell("ITTFL", "- count: SEX\n  lable: Sex"),
        "t1.yaml:13: field 'lable': unknown key in a count block; expected one of");
  }

  @Test
  void populationFlagThatSelectsNobody() throws IOException {
    assertError(
        shell("SAFFL", "- count: SEX"),
        "t1.yaml:6: field 'population_flag': population flag SAFFL selects nobody:"
            + " no ADSL record has SAFFL = Y (values found: [N])");
  }

  @Test
  void unknownPopulationFlag() throws IOException {
    assertError(
        shell("EFFFL", "- count: SEX"),
        "t1.yaml:6: field 'population_flag': unknown variable EFFFL");
  }

  @Test
  void unknownDataSetOfARow() throws IOException {
    assertError(
        shell("ITTFL", "- count: AESOC\n  dataset: adae"),
        "t1.yaml:13: field 'dataset': unknown data set 'adae'; the shell's data: lists [adsl]");
  }

  @Test
  void missingDataSetFile() throws IOException {
    assertError(
        shell("ITTFL", "- count: SEX").replace("adsl.csv", "adsl.xpt"),
        "t1.yaml:5: field 'adsl': data set file 'adsl.xpt' not found in the data folder");
  }

  @Test
  void badDecimals() throws IOException {
    assertError(
        shell("ITTFL", "- summary: AGE\n  decimals: two"),
        "t1.yaml:13: field 'decimals': expected a whole number from 0 to 6, got two");
    assertError(
        shell("ITTFL", "- summary: AGE\n  decimals: 9"),
        "t1.yaml:13: field 'decimals': expected a whole number from 0 to 6, got 9");
  }

  @Test
  void unknownQuantileDefinition() throws IOException {
    assertError(
        shell("ITTFL", "- summary: AGE\n  quantiles: type6"),
        "t1.yaml:13: field 'quantiles': unknown quantile definition 'type6'; expected sas5");
  }

  @Test
  void unknownTest() throws IOException {
    assertError(
        shell("ITTFL", "- count: SEX\n  label: Sex\n  test: anova"),
        "t1.yaml:14: field 'test': unknown test 'anova' for a count block; expected one of");
  }

  @Test
  void nonNumericValueWhereANumberIsNeeded() throws IOException {
    assertError(
        shell("ITTFL", "- summary: SEX\n  label: Sex"),
        "t1.yaml:12: field 'summary': variable SEX must be numeric, but has the value 'F'");
  }

  @Test
  void malformedYaml() throws IOException {
    assertError("number: [1\ntitle: x\n", "t1.yaml");
  }
}
