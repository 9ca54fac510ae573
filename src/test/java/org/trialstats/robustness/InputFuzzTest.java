package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.DatasetVariable;
import org.trialstats.adam.VariableType;
import org.trialstats.adam.XportReader;
import org.trialstats.cli.BatchRunner;
import org.trialstats.cli.UserError;
import org.trialstats.evidence.DatasetException;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.InvalidDataException;

/**
 * Seeded fuzzing of every input reader: 10 batches of 1,000 mutations ({@link Mutations}) per
 * format, i.e. 10^4 per format, each batch under a preemptive time limit (a hang fails the test). A
 * reader may reject a damaged file only with its documented user-error type (the CLI turns those
 * into exit code 2 with a message): {@link DatasetException} for datasets, {@link
 * InvalidDataException} for the meta-analysis CSV (MetaInputReader#read), {@link UserError} for a
 * whole batch CSV (row errors go into the output), {@link AdamDataException} for transport files.
 * Anything else (NullPointerException, NumberFormatException, OutOfMemoryError, a Jackson or
 * commons-csv exception leaking through) fails.
 */
class InputFuzzTest {
  private static final int BATCHES = 10;
  private static final int MUTATIONS_PER_BATCH = 1_000;
  private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);
  private static final List<String> DATASET_FILES =
      List.of("dataset.yaml", "comparisons.yaml", "rates.yaml", "claims.yaml", "approvals.csv");

  /**
   * The fuzzed claims.yaml keeps the first 45 claims of anakinra (17 KB, every kind of check up to
   * the rate figures), a small input that still loads cleanly: a full 39 KB file would double the
   * time of the suite without reaching other code.
   */
  private static final int CLAIMS_KEPT = 45;

  @TempDir Path temp;

  private static byte[] firstClaims(byte[] claimsYaml, int count) {
    String text = new String(claimsYaml, StandardCharsets.UTF_8);
    int at = 0;
    for (int i = 0; i <= count; i++) {
      at = text.indexOf("\n  - id:", at + 1);
      assertThat(at).as("claims.yaml has more than %s claims", count).isPositive();
    }
    return text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8);
  }

  static IntStream batches() {
    return IntStream.range(0, BATCHES);
  }

  @ParameterizedTest(name = "dataset batch {0}: 1000 mutated anakinra files")
  @MethodSource("batches")
  void datasetLoaderRejectsDamageWithDatasetException(int batch) throws IOException {
    Path dir = temp.resolve("anakinra");
    Files.createDirectories(dir);
    List<byte[]> originals = new ArrayList<>();
    for (String name : DATASET_FILES) {
      byte[] bytes = Files.readAllBytes(Path.of("datasets/anakinra").resolve(name));
      if (name.equals("claims.yaml")) {
        bytes = firstClaims(bytes, CLAIMS_KEPT);
      }
      originals.add(bytes);
      Files.write(dir.resolve(name), bytes);
    }
    assertThat(DatasetLoader.load(dir).claims())
        .as("the unmutated small dataset is valid")
        .hasSize(CLAIMS_KEPT);
    SplittableRandom random = new SplittableRandom(0xDA7AL + batch);
    int[] rejected = new int[1];
    assertTimeoutPreemptively(
        BATCH_LIMIT,
        () -> {
          for (int i = 0; i < MUTATIONS_PER_BATCH; i++) {
            int which = random.nextInt(DATASET_FILES.size());
            Path file = dir.resolve(DATASET_FILES.get(which));
            Files.write(file, Mutations.mutate(originals.get(which), random));
            try {
              DatasetLoader.load(dir);
            } catch (DatasetException e) {
              assertThat(e.getMessage()).isNotBlank();
              rejected[0]++;
            }
            Files.write(file, originals.get(which));
          }
        });
    // Most mutations damage the dataset; some (a comment or free text) leave it valid.
    assertThat(rejected[0]).isGreaterThan(MUTATIONS_PER_BATCH / 4);
  }

  @ParameterizedTest(name = "meta CSV batch {0}: 1000 mutated bcg/studies.csv")
  @MethodSource("batches")
  void metaInputReaderRejectsDamageWithInvalidDataException(int batch) throws IOException {
    byte[] original = Files.readAllBytes(Path.of("datasets/bcg/studies.csv"));
    Path file = temp.resolve("studies.csv");
    SplittableRandom random = new SplittableRandom(0x3E7AL + batch);
    assertTimeoutPreemptively(
        BATCH_LIMIT,
        () -> {
          for (int i = 0; i < MUTATIONS_PER_BATCH; i++) {
            Files.write(file, Mutations.mutate(original, random));
            try {
              MetaInputReader.Input input = MetaInputReader.read(file, null);
              assertThat(input.rows()).isNotEmpty();
            } catch (InvalidDataException e) {
              assertThat(e.getMessage()).isNotBlank();
            }
          }
        });
  }

  @ParameterizedTest(name = "batch CSV batch {0}: 1000 mutated request files")
  @MethodSource("batches")
  void batchRunnerRejectsDamageWithUserErrorAndLeavesNoOutput(int batch) throws IOException {
    byte[] original =
        String.join(
                "\n",
                "id,measure,method,events1,n1,events2,n2,exposure1,exposure2,expected,per,level",
                "a,proportion,wilson,81,263,,,,,,,0.95",
                "b,rd,mn,12,40,5,38,,,,,",
                "c,or,exact-conditional,3,10,1,12,,,,,0.9",
                "d,rate-ratio,exact-conditional,7,,3,,120.5,98,,1000,",
                "e,sir,exact,4,,,,,,2.5,,",
                "f,test,fisher,3,10,1,12,,,,,",
                "")
            .getBytes(StandardCharsets.UTF_8);
    Path input = temp.resolve("requests.csv");
    Path output = temp.resolve("results.csv");
    SplittableRandom random = new SplittableRandom(0xBA7CL + batch);
    assertTimeoutPreemptively(
        BATCH_LIMIT,
        () -> {
          for (int i = 0; i < MUTATIONS_PER_BATCH; i++) {
            Files.write(input, Mutations.mutate(original, random));
            Files.deleteIfExists(output);
            try {
              BatchRunner.Summary summary = BatchRunner.run(input, output);
              assertThat(output).exists();
              assertThat(summary.errors()).isBetween(0L, summary.rows());
            } catch (UserError e) {
              assertThat(e.getMessage()).isNotBlank();
              assertThat(output).as("no output after a whole-input error").doesNotExist();
            }
            try (var leftovers = Files.list(temp)) {
              assertThat(leftovers.filter(p -> !p.equals(input) && !p.equals(output)))
                  .as("no temporary files left behind")
                  .isEmpty();
            }
          }
        });
  }

  @ParameterizedTest(name = "XPORT batch {0}: 1000 mutated transport files")
  @MethodSource("batches")
  void xportReaderRejectsDamageWithAdamDataException(int batch) throws IOException {
    byte[] original;
    try (InputStream in =
        InputFuzzTest.class.getResourceAsStream(
            "/org/trialstats/adam/fixtures/trialstats_written.xpt")) {
      original = in.readAllBytes();
    }
    Path file = temp.resolve("fuzz.xpt");
    SplittableRandom random = new SplittableRandom(0x0B5L + batch);
    int[] rejected = new int[1];
    assertTimeoutPreemptively(
        BATCH_LIMIT,
        () -> {
          for (int i = 0; i < MUTATIONS_PER_BATCH; i++) {
            Files.write(file, Mutations.mutate(original, random));
            try {
              readEverything(file);
            } catch (AdamDataException e) {
              assertThat(e.getMessage()).isNotBlank();
              rejected[0]++;
            }
          }
        });
    assertThat(rejected[0]).isGreaterThan(MUTATIONS_PER_BATCH / 4);
  }

  /** Reads every value of every member, as the ae-table command would. */
  static long readEverything(Path file) throws IOException {
    long values = 0;
    try (XportReader reader = XportReader.open(file)) {
      while (reader.nextMember().isPresent()) {
        List<DatasetVariable> variables = reader.variables();
        while (reader.next()) {
          for (int v = 0; v < variables.size(); v++) {
            if (variables.get(v).type() == VariableType.NUMERIC) {
              reader.number(v);
              reader.missing(v);
            } else {
              reader.text(v);
            }
            values++;
          }
        }
      }
    }
    return values;
  }
}
