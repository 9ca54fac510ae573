package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.trialstats.io.InvalidDataException;
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
    cli.setParameterExceptionHandler(TrialStats::handleParameter);
    return cli;
  }

  /**
   * The one place where an exception becomes an exit code, by its type: invalid arguments
   * ({@link UserError}, {@link StatsException}), invalid input data ({@link InvalidDataException})
   * and files that cannot be read or written give one message and exit code 2; anything else is
   * a bug: exit code 3 with the stack trace.
   */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    String prefix = name(cmd) + ": ";
    String message = userMessage(e);
    if (message != null) {
      err.println(prefix + "error: " + message);
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    err.println(prefix + "internal error (please report):");
    e.printStackTrace(err);
    err.flush();
    return ExitCode.INTERNAL_ERROR;
  }

  /** An invalid command line (unknown option, missing or malformed value): message and usage. */
  private static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(name(cmd) + ": error: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      cmd.usage(err);
    }
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  /** "trialstats" followed by the subcommand's name, if any. */
  private static String name(CommandLine cmd) {
    return cmd.getParent() == null ? "trialstats" : "trialstats " + cmd.getCommandName();
  }

  /** The message of an error caused by input, arguments or the file system, else null (a bug). */
  static String userMessage(Throwable e) {
    if (e instanceof UserError || e instanceof StatsException || e instanceof InvalidDataException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException unchecked) {
      return userMessage(unchecked.getCause());
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (e instanceof IOException io) {
      return "cannot read or write a file: " + io.getMessage();
    }
    return null;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
