package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.ExitCode;
import org.trialstats.testing.Cli;
import org.trialstats.testing.ReferenceCsv;

/**
 * The main job, {@code reproduce datasets/anakinra}, end to end: the project's reference numbers
 * (95%, from R 4.2.2 and statsmodels 0.13.5), byte-identical reruns, the committed report matching
 * a fresh run, and no partial report on a bad dataset.
 */
class ReproduceTest {
  @TempDir static Path dir;
  static Path report;
  static List<Map<String, String>> results;

  @BeforeAll
  static void reproduce() throws IOException {
    report = dir.resolve("anakinra");
    Cli.Run run = Cli.run("reproduce", "datasets/anakinra", "--out", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var reader = Files.newBufferedReader(report.resolve("results.csv"))) {
      results = ReferenceCsv.read(reader);
    }
  }

  private static double[] result(String figure, String measure, String method, String subject) {
    Map<String, String> row =
        results.stream()
            .filter(
                r ->
                    r.get("figure").equals(figure)
                        && r.get("measure").equals(measure)
                        && r.get("method").equals(method)
                        && (subject == null || r.get("subject").equals(subject)))
            .findFirst()
            .orElseThrow(() -> new AssertionError(figure + " " + measure + " " + method));
    return new double[] {
      ReferenceCsv.number(row.get("estimate")),
      ReferenceCsv.number(row.get("lower")),
      ReferenceCsv.number(row.get("upper")),
      ReferenceCsv.number(row.get("p_value"))
    };
  }

  @Test
  void acr20MatchesReferenceValues() {
    // 95/250 vs 55/251 (counts derived from 38% and 22%). Tolerance: 1e-6 absolute
    // (the reference values are printed to 6 decimals).
    double[] rd = result("acr20-24w", "rd", "newcombe", null);
    assertThat(rd[0]).isCloseTo(0.160876, within(1e-6));
    assertThat(rd[1]).isCloseTo(0.080866, within(1e-6));
    assertThat(rd[2]).isCloseTo(0.238159, within(1e-6));
    double[] mn = result("acr20-24w", "rd", "mn", null);
    assertThat(mn[1]).isCloseTo(0.081138, within(1e-6));
    assertThat(mn[2]).isCloseTo(0.239113, within(1e-6));
    double[] rr = result("acr20-24w", "rr", "mn", null);
    assertThat(rr[0]).isCloseTo(1.734182, within(1e-6));
    assertThat(rr[1]).isCloseTo(1.311966, within(1e-6));
    assertThat(rr[2]).isCloseTo(2.304767, within(1e-6));
    // R 4.2.2: fisher.test(matrix(c(95, 155, 55, 196), 2))$p.value = 9.25598617077215e-05
    assertThat(result("acr20-24w", "test", "fisher", null)[3])
        .isCloseTo(9.25598617077215e-05, within(1e-12));
    double[] wilson = result("acr20-24w", "proportion", "wilson", "anakinra + methotrexate");
    assertThat(wilson[1]).isCloseTo(0.322077, within(1e-6));
    assertThat(wilson[2]).isCloseTo(0.441555, within(1e-6));
  }

  @Test
  void injectionSiteReactionsMatchReferenceValues() {
    double[] rd = result("injection-site-reactions-cochrane", "rd", "newcombe", null);
    assertThat(rd[0]).isCloseTo(0.434450, within(1e-6));
    assertThat(rd[1]).isCloseTo(0.394360, within(1e-6));
    assertThat(rd[2]).isCloseTo(0.472089, within(1e-6));
    double[] mn = result("injection-site-reactions-cochrane", "rd", "mn", null);
    assertThat(mn[1]).isCloseTo(0.394600, within(1e-6));
    assertThat(mn[2]).isCloseTo(0.472396, within(1e-6));
    assertThat(result("injection-site-reactions-cochrane", "rr", "koopman", null)[0])
        .isCloseTo(2.552521, within(1e-6));
  }

  @Test
  void ratesAndSirsMatchReferenceValues() {
    // R 4.2.2: poisson.test(8, 6400)$conf.int * 100 = 0.05396613 0.24629983
    double[] rate = result("lymphoma-incidence", "rate", "exact", null);
    assertThat(rate[0]).isCloseTo(0.125, within(1e-12));
    assertThat(rate[1]).isCloseTo(0.0539661277616953, within(1e-9));
    assertThat(rate[2]).isCloseTo(0.246299831565521, within(1e-9));
    // 8 observed vs 8 / 3.6 expected: SIR 3.6, exact 1.554 to 7.093 (3 decimals)
    double[] lymphoma = result("lymphoma-general-population", "sir", "exact", null);
    assertThat(lymphoma[0]).isCloseTo(3.6, within(1e-9));
    assertThat(lymphoma[1]).isCloseTo(1.554, within(5e-4));
    assertThat(lymphoma[2]).isCloseTo(7.093, within(5e-4));
    // R 4.2.2: print(poisson.test(3, 1)$conf.int, digits = 10) -> 0.6186721229 8.7672730697,
    // p-value 0.08030139707
    double[] melanoma = result("melanoma-study-4", "sir", "exact", null);
    assertThat(melanoma[0]).isCloseTo(3.0, within(1e-12));
    assertThat(melanoma[1]).isCloseTo(0.6186721229, within(1e-9));
    assertThat(melanoma[2]).isCloseTo(8.7672730697, within(1e-9));
    assertThat(melanoma[3]).isCloseTo(0.08030139707, within(1e-10));
  }

  @Test
  void reportFolderHasEveryOutput() {
    for (String f :
        List.of(
            "report.html",
            "report.md",
            "results.csv",
            "claims.csv",
            "sensitivity.csv",
            "proportions.png",
            "proportions.svg",
            "risk-differences.png",
            "risk-differences.svg",
            "rates.png",
            "rates.svg",
            "sir.png",
            "sir.svg")) {
      assertThat(report.resolve(f)).as(f).isNotEmptyFile();
    }
    String html = read(report.resolve("report.html"));
    assertThat(html)
        .contains("<svg")
        .contains("SHA-256")
        .contains("Miettinen")
        .doesNotContain("<script")
        .doesNotContainPattern("20[0-9]{2}-[0-9]{2}-[0-9]{2}T");
  }

  @Test
  void rerunIsByteIdentical(@TempDir Path other) throws IOException {
    Path second = other.resolve("again");
    assertThat(Cli.run("reproduce", "datasets/anakinra", "--out", second.toString()).exitCode())
        .isZero();
    try (Stream<Path> files = Files.list(report)) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(second.resolve(f.getFileName())))
            .as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void committedReportMatchesAFreshRun() throws IOException {
    // Every file, charts included: a stale SVG once printed other numbers than its PNG.
    try (Stream<Path> files = Files.list(report)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).contains("report.html", "rates.svg", "rates.png");
      for (String f : names) {
        assertThat(Files.readAllBytes(Path.of("reports/anakinra").resolve(f)))
            .as("reports/anakinra/" + f + " is out of date: rerun the README's first command")
            .isEqualTo(Files.readAllBytes(report.resolve(f)));
      }
    }
  }

  @Test
  void strictExitsWith1WhenAClaimIsADiscrepancy(@TempDir Path out) {
    Cli.Run run =
        Cli.run("reproduce", "datasets/anakinra", "--out", out.resolve("r").toString(), "--strict");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    // Which claims failed, one line each with what was printed and what was recomputed.
    List<String> lines = run.out().lines().toList();
    int header = lines.indexOf("discrepancies:");
    assertThat(header).isPositive();
    List<String> failed = lines.subList(header + 1, lines.size());
    assertThat(failed)
        .hasSize(5)
        .allSatisfy(
            l -> assertThat(l).startsWith("  ").contains(": printed ").contains(", recomputed "));
    assertThat(String.join("\n", failed)).contains("2876").contains("2846");
  }

  @Test
  void badDatasetLeavesExistingReportUntouched(@TempDir Path work) throws IOException {
    Path data = work.resolve("broken");
    Files.createDirectories(data);
    try (Stream<Path> files = Files.list(Path.of("datasets/anakinra"))) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    Path comparisons = data.resolve("comparisons.yaml");
    Files.writeString(
        comparisons, Files.readString(comparisons).replaceFirst("events: 1235", "events: 12350"));
    Path out = work.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.html"), "previous report");

    Cli.Run run = Cli.run("reproduce", data.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains("comparisons.yaml:")
        .contains("events")
        .doesNotContain("Exception");
    assertThat(read(out.resolve("report.html"))).isEqualTo("previous report");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsOnly("broken", "out");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
