package org.trialstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;

class ValidateCommandTest {
  private static final List<ValidationCase> CASES = ValidationSuite.run();

  @Test
  void everyShippedCaseAgrees() {
    List<ValidationCase> cases = CASES;
    ValidationReport report = new ValidationReport(cases, "test");
    assertThat(report.failures()).isEmpty();
    // 8576 shared binary/Poisson values, 338 metafor values, 225 published values, 11427
    // values of the generated unit-test fixtures, 3542 R survival values, 13 published and 1620
    // generated stratified values, 8 generalised-Q tau^2 limits
    assertThat(cases).hasSize(25749);
    assertThat(report.summaries())
        .extracting(ValidationReport.MethodSummary::method)
        .contains(
            "rd newcombe",
            "rr koopman",
            "test boschloo",
            "sir exact",
            "meta rr random reml hksj",
            "meta or fixed peto",
            "nnt from rd interval",
            "stratified rd mn",
            "stratified or exact-conditional",
            "stratified test breslow-day-tarone");
  }

  @Test
  void commandPrintsReportAndExitsZero() {
    Cli.Run run = Cli.run("validate");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("PASSED")
        .contains("published worked examples")
        .contains("independent meta-analysis reference (metafor 3.8-1)")
        .contains("independent reference (R, statsmodels, SciPy)")
        .contains("generated references (R, mpmath, SciPy; scripts shipped)");
    // every method of the report is listed in the text output
    for (ValidationReport.MethodSummary s : new ValidationReport(CASES, "test").summaries()) {
      assertThat(run.out()).contains("  " + s.method() + " ");
    }
    Cli.Run md = Cli.run("validate", "--format", "md");
    assertThat(md.out())
        .startsWith("# Validation report")
        .contains("| rd newcombe |")
        .contains("| meta rr random reml hksj |")
        .contains("Newcombe RG");
  }

  @Test
  void htmlReportIsWrittenToTheOutputFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("validation.html");
    Cli.Run run = Cli.run("validate", "--format", "html", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("validation PASSED" + System.lineSeparator());
    String html = Files.readString(out);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("25749 of 25749 cases agree")
        .contains("<td>meta or fixed peto</td>")
        .doesNotContain("class=\"bad\"");
  }

  @Test
  void unknownFormatIsAnInputError() {
    Cli.Run run = Cli.run("validate", "--format", "pdf");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be text, md or html");
  }

  @Test
  void aDisagreeingCaseFailsTheReport() {
    ValidationCase bad =
        new ValidationCase("s", "x", "rd wald", "lower", 0.1, 0.2, 1e-6, true, "src", "");
    ValidationReport report = new ValidationReport(List.of(bad), "test");
    assertThat(report.passed()).isFalse();
    assertThat(report.text()).contains("FAILED").contains("x lower: expected 0.1, got 0.2");
  }

  @Test
  void correctionsTransposeUnconditionalTestRows() {
    var row = new java.util.LinkedHashMap<String, String>();
    row.put("id", "test:barnard:55");
    row.put("measure", "test");
    row.put("method", "barnard");
    row.put("events1", "56");
    row.put("n1", "70");
    row.put("events2", "48");
    row.put("n2", "80");
    row.put("ref_source", "SciPy");
    var fixed = ReferenceCorrections.apply(row);
    // SciPy took the columns (56, 48) and (14, 32) as the samples
    assertThat(fixed)
        .containsEntry("events1", "56")
        .containsEntry("n1", "104")
        .containsEntry("events2", "14")
        .containsEntry("n2", "46");
  }
}
