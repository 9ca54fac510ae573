package org.trialstats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.testing.Cli;

class ValidateCommandTest {
  @Test
  void everyShippedCaseAgrees() {
    List<ValidationCase> cases = ValidationSuite.run();
    ValidationReport report = new ValidationReport(cases, "test");
    assertThat(report.failures()).isEmpty();
    // the 3112 shared reference rows give 8576 checked numbers (estimate, limits, p-values)
    assertThat(cases.stream().filter(c -> c.suite().startsWith("independent")).count())
        .isEqualTo(8576);
    assertThat(report.summaries()).extracting(ValidationReport.MethodSummary::method)
        .contains("rd newcombe", "rr koopman", "test boschloo", "sir exact");
  }

  @Test
  void commandPrintsReportAndExitsZero() {
    Cli.Run run = Cli.run("validate");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("PASSED").contains("published worked examples");
    Cli.Run md = Cli.run("validate", "--format", "md");
    assertThat(md.out()).startsWith("# Validation report").contains("| rd newcombe |");
  }

  @Test
  void aDisagreeingCaseFailsTheReport() {
    ValidationCase bad = new ValidationCase("s", "x", "rd wald", "lower", 0.1, 0.2, 1e-6, true,
        "src", "");
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
    assertThat(fixed).containsEntry("events1", "56").containsEntry("n1", "104")
        .containsEntry("events2", "14").containsEntry("n2", "46");
  }
}
