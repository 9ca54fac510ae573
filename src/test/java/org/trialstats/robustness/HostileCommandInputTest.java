package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;

/**
 * Arguments and input files that used to crash a command (exit 3 with a stack trace), be accepted
 * silently or be reported without naming the file, line or option: each must now give exit code 2
 * and one message that says what is wrong and where, or, for one bad batch row, a row error while
 * the batch goes on.
 */
class HostileCommandInputTest {
  private static final String ADAE =
      "USUBJID,TRTEMFL,AEBODSYS,AEDECOD\n1,Y,SKIN,RASH\n2,Y,SKIN,ITCH\n";

  @TempDir Path temp;

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static void assertInvalid(Cli.Run run, String... fragments) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).as("message").contains(fragments).doesNotContain("\tat ", "Usage:");
  }

  private Cli.Run aeTable(Path adsl, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "ae-table",
                "--adsl",
                adsl.toString(),
                "--adae",
                temp.resolve("adae.csv").toString(),
                "--out",
                temp.resolve("ae").toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void ciRefusesCountsBeyondTheExactRange() {
    // n = 2^63 - 1 used to return an interval that excludes its own estimate.
    Cli.Run run =
        Cli.run(
            "ci",
            "rd",
            "9223372036854775807/9223372036854775807",
            "1/9223372036854775807",
            "--method",
            "newcombe");
    assertInvalid(run, "events1 = 9223372036854775807", "2 x 10^9");
    // counts of 10^15 kept the exact conditional odds ratio busy for minutes
    assertInvalid(
        Cli.run(
            "ci",
            "or",
            "500000000000000/1000000000000000",
            "1/1000000000000000",
            "--method",
            "exact-conditional"),
        "2 x 10^9");
    // extreme but in range: a finite answer
    assertThat(Cli.run("ci", "or", "1/1000000000", "999999999/1000000000", "--all").exitCode())
        .isZero();
  }

  @Test
  void batchRowWithHugeCountsIsARowErrorAndTheBatchGoesOn() throws IOException {
    Path in =
        write(
            "in.csv",
            "id,measure,method,events1,n1,events2,n2\n"
                + "a,or,exact-conditional,1234567890123456789,2234567890123456789,2,10\n"
                + "b,rd,wald,1,10,2,10\n");
    Path out = temp.resolve("out.csv");
    Cli.Run run = Cli.run("batch", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<CSVRecord> rows = csv(out);
    assertThat(rows.get(0).get("status")).isEqualTo("error");
    assertThat(rows.get(0).get("message")).contains("line 2", "2 x 10^9");
    assertThat(rows.get(1).get("status")).isEqualTo("ok");
  }

  @Test
  void batchProtectsPassThroughCellsAgainstFormulaInjection() throws IOException {
    Path in =
        write(
            "in.csv",
            "id,measure,method,events1,n1,events2,n2,note,=cmd\n"
                + "=HYPERLINK(\"http://x\"),rd,wald,1,10,2,10,+cmd|' /C calc'!A0,@SUM(1)\n"
                + "-0.5,rd,wald,1,10,2,10,\"\tx\",-2\n");
    Path out = temp.resolve("out.csv");
    assertThat(Cli.run("batch", "--input", in.toString(), "--out", out.toString()).exitCode())
        .isZero();
    List<CSVRecord> rows = csv(out);
    assertThat(rows.get(0).get("id")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(rows.get(0).get("note")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(rows.get(0).get("'=cmd")).isEqualTo("'@SUM(1)");
    assertThat(rows.get(1).get("id")).isEqualTo("-0.5");
    assertThat(rows.get(1).get("note")).isEqualTo("'\tx");
    assertThat(rows.get(1).get("'=cmd")).isEqualTo("-2");
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
  }

  @Test
  void batchBoundsRecordsNotLines() throws IOException {
    // a quoted cell of 2 Mi characters spread over short lines
    String cell = ("x".repeat(1000) + "\n").repeat(2100);
    Path in =
        write(
            "in.csv",
            "id,measure,method,events1,n1,note\n1,proportion,wilson,1,10,\"" + cell + "\"\n");
    Cli.Run run =
        Cli.run("batch", "--input", in.toString(), "--out", temp.resolve("out.csv").toString());
    assertInvalid(run, "in.csv", "the record from line 2", "longer than 1048576 characters");
    assertThat(temp.resolve("out.csv")).doesNotExist();
  }

  @Test
  void hexadecimalAndNonFiniteDecimalsAreRefusedNamingTheOption() {
    assertInvalid(Cli.run("ci", "or", "1/10", "2/10", "--level", "0x1p-1"), "--level", "0x1p-1");
    assertInvalid(Cli.run("ci", "rate", "1/10", "--per", "NaN"), "--per");
    assertInvalid(
        Cli.run("ci", "sir", "3", "--expected", "1", "--per", "100"), "--per applies only to rate");
    assertThat(Cli.run("ci", "or", "1/10", "2/10", "--level", "0.9").exitCode()).isZero();
    assertThat(Cli.run("ci", "rate", "1/10", "--per", "1e2").exitCode()).isZero();
  }

  @Test
  void missingParameterIsOneLineWithAHintNotTheWholeUsage() {
    Cli.Run run = Cli.run("ci", "or");
    assertInvalid(run, "or needs 2 count argument(s), got 0");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void plotThresholdThatIsNotANumberNamesTheOption() throws IOException {
    write("adae.csv", ADAE);
    Path adsl = write("adsl.csv", "USUBJID,SAFFL,TRT01A,TRTDUR\n1,Y,Placebo,10\n2,Y,Drug,20\n");
    assertInvalid(aeTable(adsl, "--plot-min-percent", "NaN"), "--plot-min-percent");
    assertInvalid(aeTable(adsl, "--plot-min-percent", "150"), "--plot-min-percent");
  }

  @Test
  void oneArmPopulationCannotHaveADotPlotButGetsItsTables() throws IOException {
    write("adae.csv", ADAE);
    Path adsl = write("adsl.csv", "USUBJID,SAFFL,TRT01A,TRTDUR\n1,Y,Placebo,10\n2,Y,Placebo,20\n");
    assertInvalid(aeTable(adsl), "only the arm Placebo", "--format");
    assertThat(temp.resolve("ae")).doesNotExist();
    Cli.Run tables = aeTable(adsl, "--format", "csv,html");
    assertThat(tables.exitCode()).as(tables.err()).isZero();
    assertThat(temp.resolve("ae/ae_table.csv")).exists();
  }

  @Test
  void unterminatedQuoteInTheAdslHeaderNamesFileAndLine() throws IOException {
    write("adae.csv", ADAE);
    Path adsl = write("adsl.csv", "USUBJID,\"SAFFL,TRT01A\n1,Y,Placebo\n");
    assertInvalid(aeTable(adsl), "adsl.csv", "the quoted field opened on line 1 is not closed");
  }

  @Test
  void invalidUtf8NamesFileLineAndCause() throws IOException {
    write("adae.csv", ADAE);
    byte[] text =
        "USUBJID,SAFFL,TRT01A,TRTDUR\n1,Y,Placebo,10\n2,Y,Plac\u00e9bo,20\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Path adsl = write("adsl.csv", text);
    Cli.Run run = aeTable(adsl);
    assertInvalid(run, "adsl.csv, line 3", "not valid UTF-8");
    assertThat(run.err()).doesNotContain("Input length");
  }

  @Test
  void duplicateSubjectIdNamesBothLines() throws IOException {
    write("adae.csv", ADAE);
    // the duplicate is outside the population, where it used to pass silently
    Path adsl =
        write(
            "adsl.csv",
            "USUBJID,SAFFL,TRT01A,TRTDUR\n1,Y,Placebo,10\n2,Y,Drug,20\n"
                + "3,N,Drug,5\n3,N,Placebo,7\n");
    assertInvalid(aeTable(adsl), "subject 3 occurs twice", "adsl.csv, line 4", "adsl.csv, line 5");
  }

  @Test
  void sparseOrUnbrokenCsvDataSetIsRefusedBeforeItFillsTheMemory() throws IOException {
    write("adae.csv", ADAE);
    // what a sparse file reads as: NUL bytes without a line break (3 MiB here, 1 GB reported)
    byte[] header = "USUBJID,SAFFL,TRT01A\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[header.length + (3 << 20)];
    System.arraycopy(header, 0, bytes, 0, header.length);
    Path adsl = write("adsl.csv", bytes);
    assertInvalid(aeTable(adsl), "adsl.csv, line 2 is longer than 1048576 characters");
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .get()
        .parse(new StringReader(Files.readString(file)))
        .getRecords();
  }
}
