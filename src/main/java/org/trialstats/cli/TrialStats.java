package org.trialstats.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.trialstats.evidence.DatasetException;
import org.trialstats.stats.StatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code trialstats} command line. */
@Command(
    name = "trialstats",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Clinical-trial evidence statistics: recompute published figures and check them.",
    subcommands = {
      ReproduceCommand.class,
      CheckCommand.class,
      CiCommand.class,
      BatchCommand.class,
      MethodsCommand.class,
      ValidateCommand.class,
      MetaCommand.class,
      AeTableCommand.class
    })
public final class TrialStats implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (used by tests). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line (tests set its output and error writers). */
  public static CommandLine commandLine() {
    Locale.setDefault(Locale.ROOT);
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new TrialStats());
    cli.setExecutionExceptionHandler(TrialStats::handle);
    return cli;
  }

  private static int handle(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (isUserError(e)) {
      err.println("trialstats " + cmd.getCommandName() + ": error: " + e.getMessage());
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof NoSuchFileException missing) {
      err.println("trialstats " + cmd.getCommandName() + ": error: no such file: " + missing.getFile());
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    err.println("trialstats " + cmd.getCommandName() + ": internal error (please report):");
    e.printStackTrace(err);
    err.flush();
    return ExitCode.INTERNAL_ERROR;
  }

  /** Errors caused by input or arguments: reported without a stack trace. */
  static boolean isUserError(Throwable e) {
    return e instanceof UserError
        || e instanceof StatsException
        || e instanceof DatasetException;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
