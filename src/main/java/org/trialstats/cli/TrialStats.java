package org.trialstats.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.trialstats.evidence.DatasetException;
import org.trialstats.io.Escape;
import org.trialstats.io.OutputException;
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
    return run(commandLine(), args);
  }

  /**
   * Runs a configured command line: as {@link CommandLine#execute}, and when the Java heap runs
   * out, one message that says so and exit code {@link ExitCode#OUT_OF_MEMORY} (by then the
   * command's data are unreachable, so there is memory left to say it). No output was written:
   * outputs are committed only at the end.
   */
  public static int run(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      CommandLine.ParseResult parsed = cli.getParseResult();
      List<CommandLine> commands = parsed == null ? List.of(cli) : parsed.asCommandLineList();
      CommandLine command = commands.get(commands.size() - 1);
      PrintWriter err = command.getErr();
      err.println(command.getCommandSpec().qualifiedName() + ": error: out of memory ("
          + e.getMessage() + "): the input needs more memory than Java was given; give it more,"
          + " e.g. java -Xmx8g -jar trialstats.jar ..., or split the input");
      err.flush();
      return ExitCode.OUT_OF_MEMORY;
    }
  }

  /** The configured command line (tests set its output and error writers). */
  public static CommandLine commandLine() {
    Locale.setDefault(Locale.ROOT);
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new TrialStats());
    cli.setExecutionExceptionHandler(TrialStats::handle);
    cli.setParameterExceptionHandler(TrialStats::badArguments);
    cli.registerConverter(Double.class, new DecimalConverter());
    cli.registerConverter(Double.TYPE, new DecimalConverter());
    return cli;
  }

  /**
   * Invalid arguments: one line naming the problem (picocli names the option) and where to find
   * the usage, rather than the whole usage text after the message.
   */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": error: " + Escape.terminal(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + name + " --help' for the usage.");
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  private static int handle(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (isUserError(e) || e instanceof OutputException) {
      // Messages quote data values: a terminal must not take them as commands.
      err.println("trialstats " + cmd.getCommandName() + ": error: "
          + Escape.terminal(e.getMessage()));
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
