package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;
import picocli.CommandLine;

/** The conventions every command shares: one output-option name and one error prefix. */
class CommandConventionsTest {

  @Test
  void everyCommandThatWritesAFileNamesItsOutputOptionOut() {
    Map<String, CommandLine> commands = TrialStats.commandLine().getSubcommands();
    for (String name :
        new String[] {"reproduce", "check", "batch", "validate", "meta", "ae-table", "survival"}) {
      CommandLine.Model.CommandSpec spec = commands.get(name).getCommandSpec();
      assertThat(spec.findOption("--out")).as(name + " --out").isNotNull();
      CommandLine.Model.OptionSpec output = spec.findOption("--output");
      assertThat(output == null || output.hidden()).as(name + " --output hidden").isTrue();
      assertThat(Cli.run(name, "--help").out()).as(name).doesNotContain("--output");
    }
  }

  @Test
  void theFormerOutputNameOfBatchStillWorks(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "measure,method,events1,n1\nproportion,wilson,3,10\n");
    Path viaOut = dir.resolve("out.csv");
    Path viaOutput = dir.resolve("output.csv");
    Cli.Run out = Cli.run("batch", "--input", in.toString(), "--out", viaOut.toString());
    assertThat(out.exitCode()).as(out.err()).isZero();
    Cli.Run output = Cli.run("batch", "--input", in.toString(), "--output", viaOutput.toString());
    assertThat(output.exitCode()).as(output.err()).isZero();
    assertThat(Files.readString(viaOutput, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(viaOut, StandardCharsets.UTF_8))
        .contains("ok");
    Cli.Run missing = Cli.run("batch", "--input", in.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(missing.err()).startsWith("trialstats batch: error: --out FILE is required");
  }
}
