package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;
import org.trialstats.testing.ReferenceCsv;

class BatchRunnerTest {
  @TempDir Path dir;

  private List<Map<String, String>> runBatch(String csv) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, csv, StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    Cli.Run run = Cli.run("batch", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var reader = Files.newBufferedReader(out)) {
      return ReferenceCsv.read(reader);
    }
  }

  @Test
  void computesRowsAndPassesExtraColumnsThrough() throws IOException {
    List<Map<String, String>> rows =
        runBatch(
            "study,measure,method,events1,n1,events2,n2,level\n"
                + "ACR20,rd,newcombe,95,250,55,251,\n"
                + "lymphoma,rate,exact,8,,,,\n");
    assertThat(rows.get(0).get("study")).isEqualTo("ACR20");
    // Newcombe (1998) method 10, project reference value: 0.080866 to 0.238159
    assertThat(Double.parseDouble(rows.get(0).get("estimate"))).isCloseTo(0.160876, within(1e-6));
    assertThat(Double.parseDouble(rows.get(0).get("lower"))).isCloseTo(0.080866, within(1e-6));
    assertThat(Double.parseDouble(rows.get(0).get("upper"))).isCloseTo(0.238159, within(1e-6));
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
    assertThat(rows.get(1).get("status")).isEqualTo("error");
    assertThat(rows.get(1).get("message")).contains("exposure1");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void invalidRowsAreMarkedAndTheBatchGoesOn() throws IOException {
    List<Map<String, String>> rows =
        runBatch(
            "id,measure,method,events1,n1,events2,n2,exposure1,exposure2,expected,per,level\n"
                + "a,proportion,wilson,12,10,,,,,,,\n"
                + "b,rd,nosuch,1,10,2,10,,,,,\n"
                + "c,rate,exact,3,,,,-5,,,,\n"
                + "d,or,woolf,0,10,2,10,,,,,\n"
                + "e,proportion,wilson,abc,10,,,,,,,\n"
                + "f,proportion,wilson,1,10,,,,,,,1.5\n"
                + "g,nosuch,wilson,1,10,,,,,,,\n"
                + "h,proportion,wilson,3,10,,,,,,,0.9\n"
                + "i,rate,exact,3,,,,NaN,,,,\n");
    assertThat(rows)
        .extracting(r -> r.get("status"))
        .containsExactly(
            "error", "error", "error", "error", "error", "error", "error", "ok", "error");
    assertThat(rows.get(0).get("message")).contains("events (12) must not exceed n (10)");
    assertThat(rows.get(1).get("message")).contains("unknown rd method 'nosuch'");
    assertThat(rows.get(2).get("message")).contains("exposure");
    assertThat(rows.get(3).get("message")).contains("woolf-haldane");
    assertThat(rows.get(4).get("message")).contains("field 'events1'");
    assertThat(rows.get(5).get("message")).contains("level");
    assertThat(rows.get(6).get("message")).contains("unknown measure");
    assertThat(rows.get(8).get("message")).contains("field 'exposure1'");
    assertThat(rows.get(0).get("message")).startsWith("line 2:");
  }

  @Test
  void infiniteLimitsAreWrittenAsInfinity() throws IOException {
    List<Map<String, String>> rows =
        runBatch("measure,method,events1,n1,events2,n2\nrr,koopman,5,10,0,10\n");
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
    assertThat(rows.get(0).get("upper")).isEqualTo("Infinity");
  }

  @Test
  void wholeInputErrorsExitWithCode2AndWriteNothing() throws IOException {
    Path out = dir.resolve("out.csv");
    String[][] cases = {
      {"measure,events1\nrd,1\n", "missing column 'method'"},
      {"", "empty"},
      {"measure,method,measure\nrd,wald,rd\n", "more than once"},
      {"measure,method,estimate\nrd,wald,1\n", "clashes with an output column"},
      {"measure,method\n\"rd,wald\n", "malformed CSV"},
    };
    for (String[] c : cases) {
      Path in = dir.resolve("bad.csv");
      Files.writeString(in, c[0]);
      Cli.Run run = Cli.run("batch", "--input", in.toString(), "--out", out.toString());
      assertThat(run.exitCode()).as(c[1]).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err()).contains(c[1]).doesNotContain("Exception");
      assertThat(out).doesNotExist();
      assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
          .as("no temporary file left behind")
          .containsOnly("bad.csv");
    }
  }

  @Test
  void invalidUtf8IsAWholeInputError() throws IOException {
    Path in = dir.resolve("latin1.csv");
    Files.write(
        in, "measure,method,note\nrd,wald,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path out = dir.resolve("out.csv");
    Cli.Run run = Cli.run("batch", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("not valid UTF-8");
    assertThat(out).doesNotExist();
  }

  @Test
  void byteOrderMarkInHeaderIsIgnored() throws IOException {
    List<Map<String, String>> rows =
        runBatch("\uFEFFmeasure,method,events1,n1\nproportion,wilson,95,250\n");
    assertThat(rows.get(0).get("status")).isEqualTo("ok");
  }

  @Test
  void anOverlongLineIsRefusedWithoutReadingItWhole() throws IOException {
    Path in = dir.resolve("huge.csv");
    try (var w = Files.newBufferedWriter(in)) {
      w.write("measure,method,note\nproportion,wilson,");
      char[] block = new char[1 << 16];
      java.util.Arrays.fill(block, 'x');
      for (int i = 0; i < 64; i++) { // 4 Mi characters on one line
        w.write(block);
      }
      w.write("\n");
    }
    Path out = dir.resolve("out.csv");
    Cli.Run run = Cli.run("batch", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("line 2 is longer than 1048576 characters")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void rowsComputedInParallelChunksKeepInputOrderAndLineNumbers() throws IOException {
    // 10,001 rows: several 2,048-row chunks and a partial one; every 7th row is an error.
    StringBuilder csv = new StringBuilder("id,measure,method,events1,n1\n");
    int rows = 10_001;
    for (int i = 0; i < rows; i++) {
      long n = 10 + i % 500;
      csv.append(i)
          .append(",proportion,wilson,")
          .append(i % 7 == 0 ? n + 1 : i % (n + 1))
          .append(',')
          .append(n)
          .append('\n');
    }
    List<Map<String, String>> out = runBatch(csv.toString());
    assertThat(out).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      Map<String, String> row = out.get(i);
      long n = 10 + i % 500;
      assertThat(row.get("id")).isEqualTo(Integer.toString(i));
      if (i % 7 == 0) {
        assertThat(row.get("status")).isEqualTo("error");
        assertThat(row.get("message")).startsWith("line " + (i + 2) + ":");
      } else {
        // the row's own estimate x/n, computed exactly as a single request would be
        assertThat(Double.parseDouble(row.get("estimate"))).isEqualTo((double) (i % (n + 1)) / n);
      }
    }
  }
}
