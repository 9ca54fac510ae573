package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.evidence.DatasetException;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.InvalidDataException;

/**
 * The damaged inputs found by {@link InputFuzzTest} that escaped as NullPointerException,
 * IllegalArgumentException or a raw commons-csv exception, each pinned as a located user error.
 */
class DatasetLoaderRegressionTest {
  private static final List<String> FILES =
      List.of("dataset.yaml", "comparisons.yaml", "rates.yaml", "claims.yaml", "approvals.csv");

  @TempDir Path temp;

  private Path datasetWith(String file, String from, String to) throws IOException {
    Path dir = temp.resolve("d");
    Files.createDirectories(dir);
    for (String name : FILES) {
      Files.copy(Path.of("datasets/anakinra").resolve(name), dir.resolve(name));
    }
    String text = Files.readString(dir.resolve(file));
    if (!text.contains(from)) {
      throw new AssertionError(file + " does not contain " + from);
    }
    Files.writeString(
        dir.resolve(file),
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    return dir;
  }

  @Test
  void aSourceWithoutItsSectionIsReportedNotANullPointer() throws IOException {
    Path dir = datasetWith("dataset.yaml", "    section: Lead (use in rheumatoid arthritis)\n", "");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("dataset.yaml")
        .hasMessageContaining("section");
  }

  @Test
  void aComparisonWithoutItsControlArmIsReportedNotANullPointer() throws IOException {
    Path dir =
        datasetWith(
            "comparisons.yaml",
            "    control:\n      label: methotrexate alone\n      n: 251\n      percent: 22\n",
            "");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("comparisons.yaml")
        .hasMessageContaining("control");
  }

  @Test
  void aNotCheckableClaimWhoseMissingTextIsAListIsReportedNotANullPointer() throws IOException {
    Path dir =
        datasetWith(
            "claims.yaml",
            "missing: \"the number of patients, the trials and the placebo frequency are not"
                + " given\"",
            "missing: [a, b]");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("claims.yaml")
        .hasMessageContaining("missing");
  }

  @Test
  void aPercentWithMoreThanFifteenDecimalsIsReportedNotAnIllegalArgument() throws IOException {
    Path dir = datasetWith("comparisons.yaml", "percent: 38", "percent: 38.00000000000000000001");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("comparisons.yaml")
        .hasMessageContaining("at most 15 decimals");
  }

  @Test
  void aNumberBeyondDoubleRangeIsReportedNotAnInfiniteExpectedCount() throws IOException {
    Path dir =
        datasetWith(
            "rates.yaml",
            "    observed: 8\n",
            "    observed: 8\n    expected: 1" + "0".repeat(400) + "\n");
    assertThatThrownBy(() -> DatasetLoader.load(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("rates.yaml")
        .hasMessageContaining("magnitude at most 1e300");
  }

  @Test
  void aMetaCsvLargerThanTheLimitFailsFastWithBoundedMemory() throws IOException {
    Path input = temp.resolve("huge.csv");
    try (var out = Files.newOutputStream(input)) {
      out.write("study,events1,n1,events2,n2\nA,1,2,3,".getBytes(StandardCharsets.US_ASCII));
      byte[] nines = new byte[1 << 20];
      java.util.Arrays.fill(nines, (byte) '9');
      for (long written = 0; written <= MetaInputReader.MAX_FILE_BYTES; written += nines.length) {
        out.write(nines);
      }
    }
    assertThatThrownBy(() -> MetaInputReader.read(input, null))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("huge.csv")
        .hasMessageContaining("larger than");
  }

  @Test
  void aMetaCsvWithAnUnclosedQuoteInTheHeaderIsInvalidData() throws IOException {
    Path input = temp.resolve("studies.csv");
    Files.writeString(input, "study,\"events1,n1,events2,n2\nA,1,2,3,4\n");
    assertThatThrownBy(() -> MetaInputReader.read(input, null))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("studies.csv")
        .hasMessageContaining("not a valid CSV file");
  }
}
