package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;
import org.trialstats.validation.ValidationReport;

/** The validation report records where it ran, and its output folder must exist. */
class ValidateEnvironmentTest {

  @Test
  void theReportNamesTheJavaRuntimeTheSystemAndTheJar() throws Exception {
    List<String> environment = ValidateCommand.environment();
    assertThat(environment).hasSize(3);
    assertThat(environment.get(0))
        .startsWith("Java: ")
        .contains(System.getProperty("java.runtime.version"));
    assertThat(environment.get(1))
        .startsWith("Operating system: " + System.getProperty("os.name"))
        .contains(System.getProperty("os.arch"));
    // Tests run from target/classes; the jar's SHA-256 is printed when run with java -jar.
    assertThat(environment.get(2))
        .matches("Jar: (not run from a jar .*|.* SHA-256 [0-9a-f]{64}\\))");
    ValidationReport report = new ValidationReport(List.of(), "test", environment);
    for (String text : List.of(report.text(), report.markdown(), report.html())) {
      assertThat(text).contains("Operating system: ").contains("Jar: ");
    }
  }

  @Test
  void aMissingOutputFolderIsAnErrorNotCreated(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-folder");
    Cli.Run run = Cli.run("validate", "--out", missing.resolve("report.txt").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .startsWith("trialstats validate: error: --out ")
        .contains("does not exist");
    assertThat(missing).doesNotExist();
  }
}
