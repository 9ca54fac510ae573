package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.adam.AdamDataException;
import org.trialstats.evidence.DatasetException;
import org.trialstats.io.InvalidDataException;
import org.trialstats.stats.StatsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The exit code and message follow from the exception's type alone, in the one handler of {@link
 * TrialStats}: the layers' user errors give exit code 2 and one line with the common prefix,
 * anything else (an {@link IllegalArgumentException} included) is a bug: exit code 3 and the stack
 * trace.
 */
class ErrorHandlingTest {

  /** A subcommand that throws what it is given. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    private final Supplier<Exception> failure;

    Fail(Supplier<Exception> failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      throw failure.get();
    }
  }

  record Outcome(int exitCode, String err) {}

  private static Outcome run(Exception failure) {
    CommandLine cli = TrialStats.commandLine();
    cli.addSubcommand("fail", new Fail(() -> failure));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int code = cli.execute("fail");
    return new Outcome(code, err.toString());
  }

  static Stream<Arguments> userErrors() {
    return Stream.of(
        Arguments.of(
            new UserError("--format must be md or json, got 'x'"),
            "--format must be md or json, got 'x'"),
        Arguments.of(
            new StatsException("events (3) must not exceed n (2)"),
            "events (3) must not exceed n (2)"),
        Arguments.of(
            new InvalidDataException("studies.csv, line 3, field n1: is empty"),
            "studies.csv, line 3, field n1: is empty"),
        Arguments.of(
            new AdamDataException("adsl.xpt: no variable TRT01A"), "adsl.xpt: no variable TRT01A"),
        Arguments.of(
            new DatasetException("claims.yaml", 4, "value", "expected a number"),
            "claims.yaml:4: field 'value': expected a number"),
        Arguments.of(new NoSuchFileException("in.csv"), "no such file: in.csv"),
        Arguments.of(
            new AccessDeniedException("out/report.html"),
            "cannot read or write a file: out/report.html"),
        Arguments.of(
            new UncheckedIOException(new NoSuchFileException("in.csv")), "no such file: in.csv"));
  }

  @ParameterizedTest
  @MethodSource("userErrors")
  void userErrorsExitWith2AndOneLineWithThePrefix(Exception failure, String message) {
    Outcome outcome = run(failure);
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(outcome.err()).isEqualTo("trialstats fail: error: " + message + "\n");
  }

  static Stream<Exception> bugs() {
    return Stream.of(
        new IllegalArgumentException("a precondition of a library method"),
        new IllegalStateException("unreachable"),
        new NullPointerException("null"),
        new ArithmeticException("/ by zero"));
  }

  @ParameterizedTest
  @MethodSource("bugs")
  void anythingElseIsABugWithExitCode3AndTheStackTrace(Exception failure) {
    Outcome outcome = run(failure);
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
    assertThat(outcome.err())
        .startsWith(
            "trialstats fail: internal error (please report):\n"
                + failure.getClass().getName()
                + ": "
                + failure.getMessage())
        .contains("\tat org.trialstats.cli.ErrorHandlingTest");
  }

  @Test
  void theLayersUserErrorsAreNoIllegalArgumentException() {
    assertThat(new StatsException("x")).isNotInstanceOf(IllegalArgumentException.class);
    assertThat(new InvalidDataException("x")).isNotInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInvalidCommandLineExitsWith2WithThePrefixAndAHintToTheUsage() {
    StringWriter err = new StringWriter();
    CommandLine cli = TrialStats.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("meta", "--measure", "rr")).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "trialstats meta: error: Missing required option: '--input=FILE'\n"
                + "Try 'trialstats meta --help' for the usage.\n");

    StringWriter unknown = new StringWriter();
    cli.setErr(new PrintWriter(unknown, true));
    assertThat(cli.execute("ci", "rd", "1/2", "3/4", "--levl", "0.9"))
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(unknown.toString())
        .startsWith("trialstats ci: error: Unknown options: '--levl', '0.9'")
        .contains("--level");
  }
}
