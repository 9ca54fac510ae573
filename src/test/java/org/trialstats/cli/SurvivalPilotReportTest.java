package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.adam.PilotData;
import org.trialstats.testing.Cli;

/**
 * The committed reproduction of the CDISC pilot's Figure 14-1 (time to first dermatologic event,
 * safety population, by planned treatment) in {@code reports/cdiscpilot01/} is what the command
 * produces today, byte for byte, with the SAS 9.1 interval transform of the 2006 CSR ({@code
 * plain}) and the SAS 9.2+ default ({@code log-log}). To refresh it, run the commands of the README
 * section "survival" (or {@link #arguments}).
 */
class SurvivalPilotReportTest {
  static final String[] TRANSFORMS = {"plain", "log-log"};

  /** The command line that writes the committed files of one transform into {@code out}. */
  static List<String> arguments(Path pilot, String transform, Path out) {
    String name = "km_" + transform.replace("-", "");
    return new ArrayList<>(
        List.of(
            "survival",
            "--input",
            pilot.resolve("adtte.xpt").toString(),
            "--time",
            "AVAL",
            "--censor",
            "CNSR",
            "--group",
            "TRTP",
            "--param",
            "TTDE",
            "--adsl",
            pilot.resolve("adsl.xpt").toString(),
            "--population",
            "SAFFL",
            "--conf-type",
            transform,
            "--times",
            "0,25,50,75,100,125,150,175,200",
            "--rmst",
            "180",
            "--format",
            "json",
            "--title",
            "Time to first dermatologic event by treatment group (safety population)",
            "--time-label",
            "Time since first dose (days)",
            "--survival-label",
            "Probability of no dermatologic event",
            "--out",
            out.toString(),
            "--name",
            name,
            "--plot",
            name + ".png",
            "--plot",
            name + ".svg"));
  }

  @Test
  void figureAndResultsAreUpToDate(@TempDir Path tmp) throws IOException {
    Path pilot = PilotData.require();
    Path committed = Path.of("reports/cdiscpilot01");
    for (String transform : TRANSFORMS) {
      Cli.Run run = Cli.run(arguments(pilot, transform, tmp).toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isZero();
      String name = "km_" + transform.replace("-", "");
      for (String ext : List.of(".json", ".png", ".svg")) {
        Path fresh = tmp.resolve(name + ext);
        assertThat(Files.readAllBytes(committed.resolve(name + ext)))
            .as(name + ext + " is out of date: rerun the README's survival commands")
            .isEqualTo(Files.readAllBytes(fresh));
      }
    }
  }
}
