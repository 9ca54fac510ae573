package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.evidence.ClaimChecker;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.evidence.Verdict;
import org.trialstats.testing.Cli;
import org.trialstats.testing.SharedFolder;

/**
 * {@code trialstats check}: the seed texts against the hand-made anakinra dataset (every
 * same-passage check found with reproduce's verdict, no false alarm), the committed report in
 * reports/anakinra-check, the draft dataset, exit codes and errors.
 */
class CheckCommandTest {
  @TempDir Path tmp;

  /** Dataset claim id -> (check kind, printed figure) that check must find for it. */
  private static final Map<String, String[]> EXPECTED =
      Map.ofEntries(
          Map.entry("acr20-anakinra-mtx", new String[] {"arm-percent", "38% of 250"}),
          Map.entry("acr20-mtx-alone", new String[] {"arm-percent", "22%"}),
          Map.entry("cochrane-total-patients", new String[] {"sum", "2876 patients"}),
          Map.entry("isr-cochrane-anakinra", new String[] {"arm-percent", "1235/1729 (71%)"}),
          Map.entry("isr-cochrane-placebo", new String[] {"arm-percent", "204/729 (28%)"}),
          Map.entry(
              "lymphoma-patient-years",
              new String[] {"product", "approximately 6,400 patient years"}),
          Map.entry("lymphoma-rate", new String[] {"rate", "0.12 cases/100 patient years"}),
          Map.entry("lymphoma-sir", new String[] {"ratio", "3.6 fold higher"}),
          Map.entry("melanoma-significant", new String[] {"poisson-tail", "significant"}),
          Map.entry("drugbox-molecular-weight", new String[] {"formula-mass", "17,257.6 g/mol"}),
          Map.entry("chem-kilodaltons", new String[] {"product", "17.3 kDa"}),
          Map.entry("duration-experience-months", new String[] {"product", "15 months"}));

  private static List<String> seeds() {
    return List.of(
        SharedFolder.require("sources/anakinra-article.txt").toString(),
        SharedFolder.require("sources/anakinra-summary.txt").toString());
  }

  @Test
  void seedTextsGiveReproducesVerdictsWithoutFalseAlarms() throws IOException {
    List<String> seeds = seeds();
    Path draft = tmp.resolve("draft");
    Cli.Run run =
        Cli.run(
            "check",
            seeds.get(0),
            seeds.get(1),
            "--format",
            "json",
            "--draft-dataset",
            draft.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, Verdict> reproduce =
        ClaimChecker.check(DatasetLoader.load(Path.of("datasets/anakinra"))).stream()
            .collect(Collectors.toMap(r -> r.claim().id(), ClaimResult::verdict));
    List<ClaimResult> found = ClaimChecker.check(DatasetLoader.load(draft));
    for (Map.Entry<String, String[]> e : EXPECTED.entrySet()) {
      List<ClaimResult> match =
          found.stream()
              .filter(
                  r ->
                      r.claim().check().kind().equals(e.getValue()[0])
                          && r.claim().reported().asReported().equals(e.getValue()[1]))
              .toList();
      assertThat(match).as("found %s", e.getKey()).hasSize(1);
      assertThat(match.get(0).verdict()).as(e.getKey()).isEqualTo(reproduce.get(e.getKey()));
    }
    // Discrepancies found: exactly the two the dataset also flags (false positives: 0).
    assertThat(
            found.stream()
                .filter(r -> r.verdict() == Verdict.DISCREPANCY)
                .map(r -> r.claim().reported().asReported()))
        .containsExactly("2876 patients", "15 months");
    assertThat(reproduce.get("cochrane-total-patients")).isEqualTo(Verdict.DISCREPANCY);
    assertThat(reproduce.get("duration-experience-months")).isEqualTo(Verdict.DISCREPANCY);
    assertThat(run.out()).contains("\"start_line\" : 109");
  }

  @Test
  void committedReportIsUpToDate() throws IOException {
    List<String> seeds = seeds();
    Path fresh = tmp.resolve("check");
    assertThat(Cli.run("check", seeds.get(0), seeds.get(1), "--out", fresh.toString()).exitCode())
        .isZero();
    for (String f : List.of("check.txt", "check.json", "check.md", "check.html")) {
      assertThat(Files.readString(Path.of("reports/anakinra-check").resolve(f)))
          .as(
              "reports/anakinra-check/"
                  + f
                  + " is out of date: rerun the check command of the"
                  + " README")
          .isEqualTo(Files.readString(fresh.resolve(f)));
    }
  }

  @Test
  void strictExitsOneAndPrintsInconsistentClaims() throws IOException {
    Path doc = tmp.resolve("doc.md");
    Files.writeString(
        doc,
        "# Trial\n\nOf 300 patients, 150 were randomised to A and 140 to B."
            + "\n\nResponse: 30/60 (50%).\n");
    Cli.Run run = Cli.run("check", doc.toString(), "--strict");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(run.out())
        .contains("inconsistent claims:")
        .contains("doc.md:3:4-3:16: 300 patients");
    Cli.Run ok = Cli.run("check", doc.toString(), "--format", "md");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("| discrepancy | doc.md:3:4-3:16 | sum |");
  }

  @Test
  void badInputIsExitTwoWithFileAndLine() throws IOException {
    Path binary = tmp.resolve("b.txt");
    Files.write(binary, new byte[] {'o', 'k', '\n', 0, 1});
    Cli.Run run = Cli.run("check", binary.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .startsWith(
            "trialstats check: error: b.txt:2: expected text, got the"
                + " control character U+0000");
    Cli.Run format = Cli.run("check", binary.toString(), "--format", "pdf");
    assertThat(format.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(format.err()).contains("--format: expected text, json, md or html, got 'pdf'");
  }

  @Test
  void outputFoldersThatHoldOtherFilesOrTheInputAreRefusedAndKept() throws IOException {
    Path doc = tmp.resolve("doc.md");
    Files.writeString(doc, "Response: 30/60 (50%).\n");
    Path folder = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(folder.resolve("notes.txt"), "keep");
    for (String option : List.of("--out", "--draft-dataset")) {
      Cli.Run run = Cli.run("check", doc.toString(), option, folder.toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err()).contains("holds other files (notes.txt)");
      assertThat(folder.resolve("notes.txt")).hasContent("keep");
    }
    Cli.Run input = Cli.run("check", doc.toString(), "--out", tmp.toString());
    assertThat(input.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(doc).hasContent("Response: 30/60 (50%).\n");
  }
}
