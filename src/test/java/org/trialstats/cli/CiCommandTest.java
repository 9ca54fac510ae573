package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.testing.Cli;

class CiCommandTest {
  @Test
  void allRiskDifferenceMethodsSideBySide() {
    Cli.Run run = Cli.run("ci", "rd", "95/250", "55/251", "--all");
    assertThat(run.exitCode()).as(run.err()).isZero();
    for (var m : MethodCatalogue.forMeasure(Measure.RD)) {
      assertThat(run.out()).contains(m.id());
    }
    // project reference values (95%: Newcombe 0.080866 to 0.238159, MN 0.081138 to
    // 0.239113
    assertThat(run.out())
        .contains("0.08086")
        .contains("0.23815")
        .contains("0.08113")
        .contains("0.23911");
  }

  @Test
  void jsonOutputHasNumbersAndInfinityAsString() throws Exception {
    Cli.Run run = Cli.run("ci", "rr", "5/10", "0/10", "--method", "koopman", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get(0).get("method").asText()).isEqualTo("koopman");
    assertThat(json.get(0).get("upper").asText()).isEqualTo("Infinity");
    assertThat(json.get(0).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void ratesAndSir() {
    Cli.Run rate = Cli.run("ci", "rate", "8/6400", "--per", "100", "--format", "csv");
    assertThat(rate.exitCode()).as(rate.err()).isZero();
    // R 4.2.2: poisson.test(8, 6400)$conf.int * 100 -> 0.05396613 0.24629983
    assertThat(rate.out()).contains("0.125,0.0539661").contains(",0.246299");
    Cli.Run sir = Cli.run("ci", "sir", "3", "--expected", "1", "--format", "csv");
    assertThat(sir.exitCode()).as(sir.err()).isZero();
    // R 4.2.2: print(poisson.test(3, 1)$conf.int, digits = 10) -> 0.6186721229 8.7672730697,
    // p-value 0.08030139707
    assertThat(sir.out())
        .contains("3.0,0.618672122")
        .contains(",8.76727306")
        .contains(",0.080301397");
  }

  @Test
  void userErrorsExitWith2WithoutStackTrace() {
    Cli.Run bad = Cli.run("ci", "rd", "300/250", "55/251");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(bad.err()).contains("must not exceed").doesNotContain("Exception");
    assertThat(Cli.run("ci", "rd", "95/250").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(Cli.run("ci", "nosuch", "1/2").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(Cli.run("ci", "rd", "1/2", "1/2", "--method", "nosuch").exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(Cli.run("ci", "sir", "3").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(Cli.run("ci", "proportion", "1/2", "--level", "1.5").exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void zeroCellErrorShownPerMethodWithAll() {
    Cli.Run run = Cli.run("ci", "or", "0/10", "3/10", "--all");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("woolf").contains("error:").contains("woolf-haldane");
  }
}
