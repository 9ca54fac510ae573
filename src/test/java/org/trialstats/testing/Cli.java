package org.trialstats.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.trialstats.cli.TrialStats;
import picocli.CommandLine;

/** Runs the trialstats command line in-process and captures its output. */
public final class Cli {
  /** Exit code, standard output and standard error of one run. */
  public record Run(int exitCode, String out, String err) {}

  private Cli() {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TrialStats.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = TrialStats.run(cli, args);
    return new Run(code, out.toString(), err.toString());
  }
}
