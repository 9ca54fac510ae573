package org.trialstats.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code trialstats} command line. */
@Command(
    name = "trialstats",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Clinical-trial evidence statistics: recompute published figures and check them.",
    subcommands = {MetaCommand.class})
public final class TrialStats implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (used by tests). */
  public static int execute(String... args) {
    Locale.setDefault(Locale.ROOT);
    System.setProperty("java.awt.headless", "true");
    return new CommandLine(new TrialStats()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
