package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;

/**
 * {@code reproduce datasets/migraine}, a dataset with a comparison published by stratum: the
 * committed report matches a fresh run byte for byte, and the report shows the strata, the common
 * estimates and the tests.
 */
class ReproduceStratifiedTest {
  @Test
  void committedReportMatchesAFreshRun(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("migraine");
    Cli.Run run = Cli.run("reproduce", "datasets/migraine", "--out", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("10 reproduced").contains("0 discrepancies");
    List<String> names;
    try (Stream<Path> files = Files.list(report)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names)
        .containsExactly(
            "claims.csv", "report.html", "report.md", "results.csv", "sensitivity.csv");
    for (String f : names) {
      assertThat(Files.readAllBytes(Path.of("reports/migraine").resolve(f)))
          .as("reports/migraine/" + f + " is out of date: rerun reproduce datasets/migraine")
          .isEqualTo(Files.readAllBytes(report.resolve(f)));
    }
    String md = Files.readString(report.resolve("report.md"));
    assertThat(md)
        .contains("## Stratified comparisons")
        .contains("| female | 16/27 (59.3%) | 5/25 (20.0%) |")
        .contains("| or | Mantel-Haenszel odds ratio, Robins-Breslow-Greenland variance | 3.31 |")
        .contains("| Cochran-Mantel-Haenszel test | 8.31 | 0.0040 | chi-square with 1 df |");
  }
}
