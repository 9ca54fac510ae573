package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

  @Test
  void stratifiedRequestPrintsEstimateCmhAndHomogeneity() throws Exception {
    // PROC FREQ migraine example: MH OR 3.3132 (1.4456, 7.5934), CMH 8.3052, Breslow-Day 1.4929
    Cli.Run run =
        Cli.run(
            "ci", "or", "--strata", "16/27:5/25,12/28:7/26", "--method", "mh", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode row = new ObjectMapper().readTree(run.out()).get(0);
    assertThat(row.get("estimate").asDouble()).isCloseTo(3.3132, within(5e-5));
    assertThat(row.get("lower").asDouble()).isCloseTo(1.4456, within(5e-5));
    assertThat(row.get("upper").asDouble()).isCloseTo(7.5934, within(5e-5));
    assertThat(row.get("level").asDouble()).isEqualTo(0.95);
    assertThat(row.get("method").asText()).isEqualTo("mh");
    assertThat(row.get("strata")).hasSize(2);
    assertThat(row.get("cmh").get("statistic").asDouble()).isCloseTo(8.3052, within(5e-5));
    assertThat(row.get("cmh").get("p_value").asDouble()).isCloseTo(0.0040, within(5e-5));
    assertThat(row.get("homogeneity").get("df").asInt()).isEqualTo(1);
    assertThat(row.get("homogeneity").get("p_value").asDouble()).isBetween(0.0, 1.0);

    Cli.Run text = Cli.run("ci", "rd", "--strata", "10/50:8/50,20/60:15/60", "--method", "mn");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("mn")
        .contains("0.06363636")
        .contains("Cochran-Mantel-Haenszel")
        .contains("Breslow-Day-Tarone");
    Cli.Run tests =
        Cli.run("ci", "test", "--strata", "16/27:5/25,12/28:7/26", "--all", "--format", "csv");
    assertThat(tests.exitCode()).as(tests.err()).isZero();
    assertThat(tests.out()).contains("cmh-cc").contains("breslow-day-tarone");
  }

  @Test
  void stratifiedUserErrorsNameTheStratum() {
    Cli.Run bad = Cli.run("ci", "rd", "--strata", "10/50:8/50,30/20:1/5");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("stratum 2").contains("must not exceed");
    Cli.Run unknown = Cli.run("ci", "rr", "--strata", "10/50:8/50", "--method", "newcombe");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown rr method 'newcombe'");
    Cli.Run mixed = Cli.run("ci", "rd", "1/2", "--strata", "10/50:8/50");
    assertThat(mixed.exitCode()).isEqualTo(2);
    Cli.Run rate = Cli.run("ci", "rate", "--strata", "10/50:8/50");
    assertThat(rate.exitCode()).isEqualTo(2);
  }
}
