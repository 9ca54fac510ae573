package org.trialstats.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialstats.io.InputFile;
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
      Path folder = out.toAbsolutePath().getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        // A typo in the path must not leave the qualification record in a new, unnoticed folder.
        throw new UserError(
            "--out " + out + ": the folder " + folder + " does not exist; create it first");
      }
      OutputTarget.checkFiles(List.of(out), List.of());
    }
    ValidationReport report =
        new ValidationReport(ValidationSuite.run(), Version.current(), environment());
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

  /** Where the suite runs: the Java runtime, the operating system and the jar (its SHA-256). */
  static List<String> environment() throws IOException {
    CodeSource source = TrialStats.class.getProtectionDomain().getCodeSource();
    Path code = null;
    if (source != null) {
      try {
        code = Path.of(source.getLocation().toURI());
      } catch (URISyntaxException e) {
        code = null;
      }
    }
    String jar =
        code != null && Files.isRegularFile(code)
            ? InputFile.hash(code).describe()
            : "not run from a jar (classes in " + code + ")";
    return List.of(
        "Java: "
            + System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.runtime.name")
            + " "
            + System.getProperty("java.runtime.version"),
        "Operating system: "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        "Jar: " + jar);
  }
}
