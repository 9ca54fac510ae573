package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line models only the subcommand a run names, without changing what it does. */
class TrialStatsStartTest {

  private static String help(CommandLine cli, String command) {
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute(command, "--help")).isZero();
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reproduce",
        "check",
        "ci",
        "batch",
        "methods",
        "validate",
        "meta",
        "ae-table",
        "survival"
      })
  void aNamedSubcommandIsTheOnlyOneModelledAndHelpsAsInTheFullModel(String command) {
    CommandLine lazy = TrialStats.commandLineFor(command, "--help");
    assertThat(lazy.getSubcommands()).containsOnlyKeys(command);
    assertThat(help(lazy, command)).isEqualTo(help(TrialStats.commandLine(), command));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "--version", "surival", "--input"})
  void withoutASubcommandNameEveryOneIsModelled(String first) {
    assertThat(TrialStats.commandLineFor(first).getSubcommands())
        .containsOnlyKeys(
            "reproduce",
            "check",
            "ci",
            "batch",
            "methods",
            "validate",
            "meta",
            "ae-table",
            "survival");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "--version"})
  void noArgumentsGiveTheFullModel(String ignored) {
    assertThat(TrialStats.commandLineFor().getSubcommands()).hasSize(9);
  }
}
