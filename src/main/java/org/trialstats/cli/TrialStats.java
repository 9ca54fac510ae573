package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.trialstats.io.Escape;
import org.trialstats.io.InvalidDataException;
import org.trialstats.io.OutputException;
import org.trialstats.stats.StatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code trialstats} command line. */
@Command(
    name = "trialstats",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Clinical-trial evidence statistics: recompute published figures and check them.")
public final class TrialStats implements Runnable {

  /** The subcommands, in the order {@code --help} lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          ReproduceCommand.class,
          CheckCommand.class,
          CiCommand.class,
          BatchCommand.class,
          MethodsCommand.class,
          ValidateCommand.class,
          MetaCommand.class,
          AeTableCommand.class,
          SurvivalCommand.class,
          CsrCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (used by tests). */
  public static int execute(String... args) {
    return run(commandLineFor(args), args);
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
      err.println(
          name(command)
              + ": error: out of memory ("
              + e.getMessage()
              + "): the input"
              + " needs more memory than Java was given; give it more, e.g. java -Xmx8g -jar"
              + " trialstats.jar ..., or split the input");
      err.flush();
      return ExitCode.OUT_OF_MEMORY;
    }
  }

  /** The configured command line with every subcommand (tests set its output and error writers). */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The command line for these arguments: when the first one names a subcommand, only that
   * subcommand is modelled, else all of them (for the overall help and the suggestions for a
   * mistyped name). Picocli builds each subcommand's model by reflection over its options and
   * registers its type converters per subcommand: modelling all of them took most of the start-up
   * time of a run.
   */
  static CommandLine commandLineFor(String... args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(args[0])) {
          return commandLine(List.of(command));
        }
      }
    }
    return commandLine(COMMANDS);
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    Locale.setDefault(Locale.ROOT);
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new TrialStats());
    for (Class<?> command : commands) {
      cli.addSubcommand(command);
    }
    cli.setExecutionExceptionHandler(TrialStats::handle);
    cli.setParameterExceptionHandler(TrialStats::handleParameter);
    cli.registerConverter(Double.class, new DecimalConverter());
    cli.registerConverter(Double.TYPE, new DecimalConverter());
    return cli;
  }

  /**
   * The one place where an exception becomes an exit code, by its type: invalid arguments ({@link
   * UserError}, {@link StatsException}), invalid input data ({@link InvalidDataException}) and
   * files that cannot be read or written give one message and exit code 2; anything else is a bug:
   * exit code 3 with the stack trace.
   */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    String prefix = name(cmd) + ": ";
    String message = userMessage(e);
    if (message != null) {
      // Messages quote data values: a terminal must not take them as commands.
      err.println(prefix + "error: " + Escape.terminal(message));
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    err.println(prefix + "internal error (please report):");
    e.printStackTrace(err);
    err.flush();
    return ExitCode.INTERNAL_ERROR;
  }

  /**
   * An invalid command line (unknown option, missing or malformed value): one line naming the
   * problem (picocli names the option), suggestions for a mistyped name, and where to find the
   * usage, rather than the whole usage text.
   */
  private static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(name(cmd) + ": error: " + Escape.terminal(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + name(cmd) + " --help' for the usage.");
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  /** "trialstats" followed by the subcommand's name, if any. */
  private static String name(CommandLine cmd) {
    return cmd.getParent() == null ? "trialstats" : "trialstats " + cmd.getCommandName();
  }

  /** The message of an error caused by input, arguments or the file system, else null (a bug). */
  static String userMessage(Throwable e) {
    if (e instanceof UserError
        || e instanceof StatsException
        || e instanceof InvalidDataException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException unchecked) {
      return userMessage(unchecked.getCause());
    }
    if (e instanceof OutputException output) {
      return output.getMessage();
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
