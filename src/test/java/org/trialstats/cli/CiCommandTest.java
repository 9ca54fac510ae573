package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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

  @Test
  void optionsThatDoNotApplyToTheMeasureAreRefusedWhateverTheirValue() {
    // --per 1 used to pass silently for rd (and --per 100 for rate-ratio was accepted unlabelled)
    Cli.Run rd = Cli.run("ci", "rd", "1/10", "2/10", "--per", "1");
    assertThat(rd.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(rd.err())
        .startsWith("trialstats ci: error: --per applies only to rate and rate-diff");
    for (String measure : new String[] {"rr", "or", "nnt", "test", "rate-ratio"}) {
      Cli.Run run = Cli.run("ci", measure, "1/10", "2/10", "--per", "100");
      assertThat(run.exitCode()).as(measure).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(run.err()).as(measure).contains("--per applies only");
    }
    Cli.Run sir = Cli.run("ci", "sir", "3", "--expected", "1", "--per", "100");
    assertThat(sir.err()).contains("--per applies only");
    Cli.Run expected = Cli.run("ci", "proportion", "1/10", "--expected", "2");
    assertThat(expected.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(expected.err()).contains("--expected applies only to sir");
    Cli.Run rate = Cli.run("ci", "rate", "8/6400", "--per", "1");
    assertThat(rate.exitCode()).as(rate.err()).isZero();
  }

  @Test
  void helpListsTheAcceptedMeasureIdsTheCountsAndEachMeasuresMethodsWithDefault() {
    Cli.Run help = Cli.run("ci", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .doesNotContain("RATE_RATIO")
        .containsPattern(
            "measure: proportion, rd, rr, or, nnt, rate,\\s+rate-ratio, rate-diff, sir,")
        .contains("trialstats ci sir OBSERVED --expected=E")
        .contains("trialstats ci proportion x/n [OPTIONS]")
        .contains("trialstats ci rate e/t [--per=K]")
        .contains("trialstats ci rate-ratio e1/t1 e2/t2 [OPTIONS]")
        .containsPattern("rd +wald, wald-cc, newcombe\\*, newcombe-cc, mn,")
        .containsPattern("proportion +wald, wald-cc, wilson\\*,")
        .containsPattern("or +woolf, woolf-haldane, mn, exact-conditional\\*, mid-p")
        .containsPattern("rate +exact\\*, mid-p, byar, wald")
        .containsPattern("test +chisq, chisq-yates, fisher\\*,")
        .containsPattern("rd --strata +mh\\*, mh-gr, mn,")
        .containsPattern("test --strata +cmh\\*, cmh-cc, breslow-day, breslow-day-tarone");
    // every measure the help lists is one ci accepts
    for (Measure m : Measure.values()) {
      assertThat(help.out()).contains(m.id());
      String count = m == Measure.SIR ? "3" : "1/10";
      String[] args =
          switch (m) {
            case PROPORTION, RATE -> new String[] {"ci", m.id(), count};
            case SIR -> new String[] {"ci", m.id(), count, "--expected", "2"};
            default -> new String[] {"ci", m.id(), count, "2/10"};
          };
      assertThat(Cli.run(args).exitCode()).as(m.id()).isZero();
    }
  }

  @Test
  void oddsRatioOfATableWithoutEventsIsCalledUninformativeNotRedirectedToWoolfHaldane() {
    Cli.Run none = Cli.run("ci", "or", "0/10", "0/20");
    assertThat(none.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(none.err())
        .contains("no events in either arm (0/10 vs 0/20)")
        .contains("uninformative")
        .doesNotContain("woolf-haldane");
    Cli.Run every = Cli.run("ci", "or", "10/10", "20/20", "--method", "mn");
    assertThat(every.err()).contains("every subject in both arms").contains("uninformative");
    Cli.Run all = Cli.run("ci", "or", "0/10", "0/20", "--all");
    assertThat(all.out()).doesNotContain("use woolf-haldane");
    String haldane =
        all.out().lines().filter(l -> l.startsWith("woolf-haldane")).findFirst().orElseThrow();
    assertThat(haldane).contains("1.952381").contains("uninformative table");
  }

  @Test
  void errorRowsOfAllKeepTheColumnsAligned() {
    for (String[] args :
        new String[][] {
          {"ci", "or", "0/10", "3/10", "--all"},
          {"ci", "or", "--strata", "0/10:0/10,0/10:0/12", "--all"},
        }) {
      Cli.Run run = Cli.run(args);
      List<String> lines = run.out().lines().skip(1).toList();
      int upperEnd = lines.get(0).indexOf("upper") + "upper".length();
      assertThat(lines).as(run.out()).hasSizeGreaterThan(2);
      assertThat(lines.stream().filter(l -> l.contains("error:"))).as(run.out()).isNotEmpty();
      for (String line : lines.subList(1, lines.size())) {
        if (line.startsWith("Cochran") || line.startsWith("Homogeneity")) {
          continue;
        }
        // the upper limit (or "-" for an error row) ends where the header's "upper" ends
        assertThat(line.charAt(upperEnd - 1)).as(line).isNotEqualTo(' ');
        assertThat(line.charAt(upperEnd)).as(line).isEqualTo(' ');
      }
    }
  }
}
