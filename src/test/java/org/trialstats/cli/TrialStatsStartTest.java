package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

  @Test
  void everyListedCommandIsFoundByItsNameAlone() {
    for (Class<?> command : TrialStats.commands()) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      assertThat(TrialStats.commandNamed(name)).as(name).isSameAs(command);
    }
  }

  @Test
  void everyCommandClassOfThePackageIsListed() {
    var declared =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TrialStats.class.getPackageName())
                .stream()
                .filter(c -> c.isAnnotatedWith(CommandLine.Command.class))
                .filter(c -> !c.isEquivalentTo(TrialStats.class))
                .map(JavaClass::reflect)
                .toList();
    assertThat(declared).containsExactlyInAnyOrderElementsOf(TrialStats.commands());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "--help",
        "surival",
        "Survival",
        "SURVIVAL",
        "ae-",
        "-ae-table",
        "ae--table",
        "aeTable",
        "ae_table",
        "stratified-batch",
        "trial-stats",
        "survival ",
        "methods2"
      })
  void aNameThatIsNoCommandFindsNone(String name) {
    assertThat(TrialStats.commandNamed(name)).isNull();
  }
}
