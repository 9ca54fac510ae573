package org.trialstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;
import org.trialstats.validation.ValidationReport;
import org.trialstats.validation.ValidationSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats validate}: the built-in validation suite (operational qualification). */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Run every published worked example, independent reference case and generated reference"
          + " (R, mpmath, SciPy) shipped in the jar and print a validation report. No network,"
          + " R or Python needed.",
      "Exit codes: 0 all cases agree; 1 a case disagrees."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text, md or html")
  String format;

  @Option(
      names = "--out",
      description = "write the report to this file instead of the console" + " ('-': the console)")
  Path out;

  @Override
  public Integer call() throws Exception {
    boolean toFile = out != null && !OutputTarget.isStandardOutput(out);
    if (toFile) {
      OutputTarget.checkFiles(List.of(out), List.of());
    }
    ValidationReport report = new ValidationReport(ValidationSuite.run(), Version.current());
    String text =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "text" -> report.text();
          case "md" -> report.markdown();
          case "html" -> report.html();
          default -> throw new UserError("--format must be text, md or html, got '" + format + "'");
        };
    if (toFile) {
      OutputFiles.writeString(out, text);
      spec.commandLine()
          .getOut()
          .println(report.passed() ? "validation PASSED" : "validation FAILED");
    } else {
      spec.commandLine().getOut().print(text);
    }
    spec.commandLine().getOut().flush();
    return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
