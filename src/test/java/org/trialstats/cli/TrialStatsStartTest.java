package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

  /** Every subcommand name, as the full model lists them. */
  static Stream<String> commands() {
    return TrialStats.commandLine().getSubcommands().keySet().stream();
  }

  @Test
  void theFullModelHasEveryCommand() {
    assertThat(commands()).contains("reproduce", "ci", "meta", "ae-table", "survival");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aNamedSubcommandIsTheOnlyOneModelledAndHelpsAsInTheFullModel(String command) {
    CommandLine lazy = TrialStats.commandLineFor(command, "--help");
    assertThat(lazy.getSubcommands()).containsOnlyKeys(command);
    assertThat(help(lazy, command)).isEqualTo(help(TrialStats.commandLine(), command));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "--version", "surival", "--input"})
  void withoutASubcommandNameEveryOneIsModelled(String first) {
    assertThat(TrialStats.commandLineFor(first).getSubcommands().keySet())
        .containsExactlyElementsOf(commands().toList());
  }

  @Test
  void noArgumentsGiveTheFullModel() {
    assertThat(TrialStats.commandLineFor().getSubcommands().keySet())
        .containsExactlyElementsOf(commands().toList());
  }
}
