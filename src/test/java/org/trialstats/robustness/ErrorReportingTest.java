package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.trialstats.cli.ExitCode;
import org.trialstats.cli.TrialStats;
import org.trialstats.io.Escape;
import org.trialstats.testing.Cli;
import picocli.CommandLine;

/** How failures reach the user: out of memory, and data values with terminal control codes. */
class ErrorReportingTest {
  @CommandLine.Command(name = "exhaust")
  static final class Exhaust implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void outOfMemoryHasItsOwnMessageAndExitCodeNotACheckFailure() {
    CommandLine cli = TrialStats.commandLine();
    cli.addSubcommand("exhaust", new Exhaust());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = TrialStats.run(cli, "exhaust");
    assertThat(code).isEqualTo(ExitCode.OUT_OF_MEMORY).isEqualTo(4);
    assertThat(err.toString())
        .startsWith("trialstats exhaust: error: out of memory (Java heap space)")
        .contains("-Xmx")
        .doesNotContain("\tat ");
  }

  @Test
  void controlCharactersFromArgumentsAndDataArePrintedEscaped() {
    Cli.Run run = Cli.run("ci", "rd", "1/10", "2\u001b]0;owned\u0007\u001b[31m/10");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .contains("got '2\\x1b]0;owned\\x07\\x1b[31m'");
  }

  @Test
  void terminalEscapingKeepsPlainTextAndLineBreaks() {
    assertThat(Escape.terminal("a\tb\nc \\ d é")).isEqualTo("a\tb\nc \\ d é");
    assertThat(Escape.terminal("x\rY\u009b2J\u202ez\u007f"))
        .isEqualTo("x\\x0dY\\x9b2J\\u202ez\\x7f");
    assertThat(Escape.terminal(null)).isEmpty();
  }
}
