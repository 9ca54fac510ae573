package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.testing.Cli;

/**
 * {@code trialstats reproduce} on seeded mutations of the anakinra dataset (2 batches of 25, i.e.
 * 50 runs, each batch time-boxed: a successful run draws every chart, so this is the costly
 * end-to-end complement of the 10^4 loader mutations in {@link InputFuzzTest}). Every run either
 * succeeds (exit 0 and a complete report folder) or fails with exit code 2, a message naming a
 * dataset file and no stack trace, and then leaves the previous report untouched and no staging
 * folder behind.
 */
class ReproduceFuzzTest {
  private static final List<String> FILES =
      List.of("dataset.yaml", "comparisons.yaml", "rates.yaml", "claims.yaml", "approvals.csv");
  private static final int RUNS_PER_BATCH = 25;

  @TempDir Path temp;

  static IntStream batches() {
    return IntStream.range(0, 2);
  }

  @ParameterizedTest(name = "batch {0}: 25 reproduce runs on mutated datasets")
  @MethodSource("batches")
  void reproduceSucceedsCompletelyOrFailsCleanly(int batch) throws IOException {
    Path dir = temp.resolve("dataset");
    Files.createDirectories(dir);
    byte[][] originals = new byte[FILES.size()][];
    for (int i = 0; i < FILES.size(); i++) {
      originals[i] = Files.readAllBytes(Path.of("datasets/anakinra").resolve(FILES.get(i)));
      Files.write(dir.resolve(FILES.get(i)), originals[i]);
    }
    Path reports = temp.resolve("reports");
    Path out = reports.resolve("anakinra");
    // an earlier, complete report (reproduce refuses a folder of other files)
    assertThat(Cli.run("reproduce", dir.toString(), "--out", out.toString()).exitCode()).isZero();
    Path marker = out.resolve("report.html");
    byte[][] previous = {Files.readAllBytes(marker)};
    SplittableRandom random = new SplittableRandom(0x4E9L + batch);
    int[] failures = new int[1];
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          for (int run = 0; run < RUNS_PER_BATCH; run++) {
            int which = random.nextInt(FILES.size());
            Path file = dir.resolve(FILES.get(which));
            Files.write(file, Mutations.mutate(originals[which], random));
            Cli.Run result = Cli.run("reproduce", dir.toString(), "--out", out.toString());
            if (result.exitCode() == 0) {
              assertThat(out.resolve("report.html")).exists();
              assertThat(out.resolve("report.md")).exists();
              assertThat(out.resolve("claims.csv")).exists();
              previous[0] = Files.readAllBytes(marker);
            } else {
              failures[0]++;
              assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
              assertThat(result.err())
                  .as("names a dataset file")
                  .containsAnyOf(FILES.toArray(String[]::new));
              assertThat(result.err()).as("no stack trace").doesNotContain("\tat org.");
              assertThat(marker)
                  .as("the previous report is left untouched")
                  .hasBinaryContent(previous[0]);
            }
            try (Stream<Path> left = Files.list(reports)) {
              assertThat(left).as("no staging folder left behind").containsExactly(out);
            }
            Files.write(file, originals[which]);
          }
        });
    assertThat(failures[0]).isGreaterThan(RUNS_PER_BATCH / 4);
  }
}
