package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;

class SurvivalCommandTest {
  @TempDir Path dir;

  /** The 6-MP / placebo remission data (Freireich et al. 1963) as CSV with an event column. */
  private Path remission() throws IOException {
    StringBuilder csv = new StringBuilder("USUBJID,weeks,relapse,arm,site\n");
    double[] mp = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    int[] mpEvent = {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0};
    double[] placebo = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};
    for (int i = 0; i < mp.length; i++) {
      csv.append("M")
          .append(i)
          .append(',')
          .append((int) mp[i])
          .append(',')
          .append(mpEvent[i])
          .append(",6-MP,")
          .append(i % 2 == 0 ? "A" : "B")
          .append('\n');
    }
    for (int i = 0; i < placebo.length; i++) {
      csv.append("P")
          .append(i)
          .append(',')
          .append((int) placebo[i])
          .append(",1,Placebo,")
          .append(i % 2 == 0 ? "A" : "B")
          .append('\n');
    }
    Path file = dir.resolve("remission.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void jsonHasExactlyTheDocumentedFieldsAndRsNumbers() throws IOException {
    Cli.Run run =
        Cli.run(
            "survival",
            "--input",
            remission().toString(),
            "--time",
            "weeks",
            "--event",
            "relapse",
            "--group",
            "arm",
            "--reference",
            "6-MP",
            "--times",
            "10,20",
            "--rmst",
            "20",
            "--ties",
            "breslow",
            "--format",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(names(root))
        .containsExactly(
            "groups",
            "logrank",
            "cox",
            "rmst_difference",
            "conf_type",
            "level",
            "warnings",
            "provenance");
    JsonNode mp = root.get("groups").get(0);
    assertThat(names(mp))
        .containsExactly(
            "group",
            "n",
            "events",
            "censored",
            "median",
            "median_lower",
            "median_upper",
            "rmst",
            "rmst_se",
            "survival");
    assertThat(names(mp.get("survival").get(0)))
        .containsExactly(
            "time", "n_risk", "n_event", "n_censor", "estimate", "se", "lower", "upper");
    assertThat(mp.get("group").asText()).isEqualTo("6-MP");
    assertThat(mp.get("median").asDouble()).isEqualTo(23);
    // R: summary(survfit(...), times = 10): n.risk 15, S = 0.7529, upper limit NA -> absent
    assertThat(mp.get("survival").get(0).get("n_risk").asInt()).isEqualTo(15);
    assertThat(mp.get("median_upper").isNull()).isTrue();
    assertThat(names(root.get("logrank"))).containsExactly("chisq", "df", "p_value", "stratified");
    assertThat(root.get("logrank").get("chisq").asDouble()).isBetween(16.79, 16.80);
    JsonNode cox = root.get("cox");
    assertThat(names(cox))
        .containsExactly(
            "ties",
            "stratified",
            "terms",
            "lr",
            "lr_df",
            "lr_p",
            "wald",
            "wald_p",
            "score",
            "score_p");
    assertThat(cox.get("ties").asText()).isEqualTo("breslow");
    JsonNode term = cox.get("terms").get(0);
    assertThat(names(term))
        .containsExactly("group", "coef", "se", "hr", "hr_lower", "hr_upper", "p_value");
    assertThat(term.get("group").asText()).isEqualTo("Placebo");
    assertThat(term.get("coef").asDouble()).isBetween(1.5091, 1.5093);
    assertThat(names(root.get("rmst_difference").get(0)))
        .containsExactly("group", "difference", "lower", "upper", "p_value");
    assertThat(root.get("conf_type").asText()).isEqualTo("log");
  }

  @Test
  void stratifiedAnalysisSaysSoAndTextAndCsvRender() throws IOException {
    Path input = remission();
    Cli.Run json =
        Cli.run(
            "survival",
            "--input",
            input.toString(),
            "--time",
            "weeks",
            "--event",
            "relapse",
            "--group",
            "arm",
            "--strata",
            "site",
            "--format",
            "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("logrank").get("stratified").asBoolean()).isTrue();
    assertThat(root.get("cox").get("stratified").asBoolean()).isTrue();
    Cli.Run text =
        Cli.run(
            "survival",
            "--input",
            input.toString(),
            "--time",
            "weeks",
            "--event",
            "relapse",
            "--group",
            "arm",
            "--strata",
            "site");
    assertThat(text.out())
        .contains("Stratified log-rank test (by site)")
        .contains("stratified by site")
        .contains("Provenance: trialstats");
    Cli.Run csv =
        Cli.run(
            "survival",
            "--input",
            input.toString(),
            "--time",
            "weeks",
            "--event",
            "relapse",
            "--group",
            "arm",
            "--format",
            "csv");
    assertThat(csv.out())
        .startsWith("section,group,time,n_risk")
        .contains("\nlogrank,")
        .contains("\ncox_hr,Placebo,");
  }

  @Test
  void figuresAreByteIdenticalRunToRun() throws IOException {
    Path input = remission();
    byte[][] first = new byte[2][];
    for (int i = 0; i < 2; i++) {
      Path out = dir.resolve("run" + i);
      Cli.Run run =
          Cli.run(
              "survival",
              "--input",
              input.toString(),
              "--time",
              "weeks",
              "--event",
              "relapse",
              "--group",
              "arm",
              "--bands",
              "--out",
              out.toString(),
              "--plot",
              "km.png",
              "--plot",
              "km.svg");
      assertThat(run.exitCode()).as(run.err()).isZero();
      byte[] png = Files.readAllBytes(out.resolve("km.png"));
      byte[] svg = Files.readAllBytes(out.resolve("km.svg"));
      if (i == 0) {
        first[0] = png;
        first[1] = svg;
      } else {
        assertThat(png).isEqualTo(first[0]);
        assertThat(svg).isEqualTo(first[1]);
      }
      assertThat(out.resolve("survival.txt")).exists();
    }
  }

  @Test
  void populationJoinOrdersGroupsByAdslAndRejectsASecondRecordPerSubject() throws IOException {
    Path adsl = dir.resolve("adsl.csv");
    Files.writeString(
        adsl,
        "USUBJID,SAFFL,TRT01P,TRT01PN\n1,Y,Zeta,0\n2,Y,Zeta,0\n3,Y,Alpha,54\n"
            + "4,Y,Alpha,54\n5,N,Alpha,54\n");
    Path adtte = dir.resolve("adtte.csv");
    Files.writeString(
        adtte,
        "USUBJID,PARAMCD,AVAL,CNSR,TRTP\n1,TTDE,2.5,0,Zeta\n2,TTDE,8,1,Zeta\n"
            + "3,TTDE,2,0,Alpha\n4,TTDE,3,0,Alpha\n5,TTDE,1,0,Alpha\n1,OTHER,9,0,Zeta\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "survival",
                "--input",
                adtte.toString(),
                "--time",
                "AVAL",
                "--censor",
                "CNSR",
                "--group",
                "TRTP",
                "--adsl",
                adsl.toString(),
                "--population",
                "SAFFL",
                "--format",
                "json"));
    Cli.Run twice = Cli.run(args.toArray(String[]::new));
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err())
        .contains("adtte.csv, line 7, variable USUBJID: subject 1 has a" + " second record");
    args.addAll(List.of("--param", "TTDE"));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    // Zeta (TRT01PN 0) before Alpha (54): the reference, whatever the alphabet says
    assertThat(root.get("groups").get(0).get("group").asText()).isEqualTo("Zeta");
    assertThat(root.get("groups").get(1).get("n").asInt()).isEqualTo(2);
    assertThat(root.get("cox").get("terms").get(0).get("group").asText()).isEqualTo("Alpha");
    assertThat(root.get("warnings").toString())
        .contains(
            "records left out because their" + " subject is not in the population (SAFFL = Y): 1");
  }

  /** The README pipeline: each study's log HR and SE from the JSON into a meta-analysis. */
  @Test
  void hazardRatiosFeedTheGenericMetaAnalysis() throws IOException {
    Path input = remission();
    StringBuilder studies = new StringBuilder("study,yi,sei\n");
    for (String site : List.of("A", "B")) {
      Cli.Run run =
          Cli.run(
              "survival",
              "--input",
              input.toString(),
              "--time",
              "weeks",
              "--event",
              "relapse",
              "--group",
              "arm",
              "--where",
              "site=" + site,
              "--format",
              "json");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode term = new ObjectMapper().readTree(run.out()).get("cox").get("terms").get(0);
      studies
          .append(site)
          .append(',')
          .append(term.get("coef").asText())
          .append(',')
          .append(term.get("se").asText())
          .append('\n');
    }
    Path csv = dir.resolve("hazard_ratios.csv");
    Files.writeString(csv, studies);
    Cli.Run meta =
        Cli.run(
            "meta",
            "--input",
            csv.toString(),
            "--measure",
            "generic",
            "--exp",
            "--method",
            "iv",
            "--format",
            "json");
    assertThat(meta.exitCode()).as(meta.err()).isZero();
    assertThat(new ObjectMapper().readTree(meta.out()).toString()).contains("\"k\":2");
  }

  private Cli.Run runOn(String csv, String... extra) throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, csv);
    List<String> args =
        new ArrayList<>(
            List.of("survival", "--input", file.toString(), "--time", "t", "--group", "g"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void invalidInputNamesFileLineAndVariableWithExitCode2() throws IOException {
    Cli.Run negative = runOn("t,CNSR,g\n1,0,A\n-2,0,B\n", "--censor", "CNSR");
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err())
        .startsWith("trialstats survival: error: bad.csv, line 3," + " variable t: time '-2'");
    Cli.Run censor = runOn("t,CNSR,g\n1,0,A\n2,0.5,B\n", "--censor", "CNSR");
    assertThat(censor.exitCode()).isEqualTo(2);
    assertThat(censor.err()).contains("line 3, variable CNSR: censor flag '0.5' must be 0");
    Cli.Run event = runOn("t,status,g\n1,2,A\n", "--event", "status");
    assertThat(event.exitCode()).isEqualTo(2);
    assertThat(event.err()).contains("line 2, variable status: event flag '2' must be 1");
    Cli.Run missing = runOn("t,status,grp\n1,1,A\n", "--event", "status");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("has no variable g");
    Cli.Run reference =
        runOn("t,status,g\n1,1,A\n2,1,B\n", "--event", "status", "--reference", "C");
    assertThat(reference.exitCode()).isEqualTo(2);
    assertThat(reference.err()).contains("reference group 'C' has no subjects");
    Cli.Run empty = runOn("t,status,g\n1,1,A\n", "--event", "status", "--where", "g=B");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("no record left after selecting g = B");
    Cli.Run both = runOn("t,status,g\n1,1,A\n", "--event", "status", "--censor", "status");
    assertThat(both.exitCode()).isEqualTo(2);
    Cli.Run level = runOn("t,status,g\n1,1,A\n", "--event", "status", "--level", "1.5");
    assertThat(level.exitCode()).isEqualTo(2);
    Cli.Run conf = runOn("t,status,g\n1,1,A\n", "--event", "status", "--conf-type", "probit");
    assertThat(conf.exitCode()).isEqualTo(2);
    assertThat(conf.err()).contains("--conf-type: unknown confidence interval transform");
  }

  @Test
  void undefinedTestsBecomeWarningsNotNumbers() throws IOException {
    Cli.Run run =
        runOn("t,status,g\n1,1,A\n2,1,A\n3,0,B\n4,0,B\n", "--event", "status", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("cox").isNull()).isTrue();
    assertThat(root.get("warnings").toString())
        .contains("Cox model not estimated: group B has" + " no events");
    assertThat(run.out()).doesNotContain("NaN");
  }

  @Test
  void anOutputOverTheInputIsRefusedAndTheInputKept() throws IOException {
    Path input = remission();
    String before = Files.readString(input);
    Cli.Run run =
        Cli.run(
            "survival",
            "--input",
            input.toString(),
            "--time",
            "weeks",
            "--event",
            "relapse",
            "--group",
            "arm",
            "--format",
            "csv",
            "--out",
            input.getParent().toString(),
            "--name",
            "remission");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("would destroy the input");
    Path km = dir.resolve("km.svg");
    Cli.Run twice =
        Cli.run(
            "survival",
            "--input",
            input.toString(),
            "--time",
            "weeks",
            "--event",
            "relapse",
            "--group",
            "arm",
            "--plot",
            km.toString(),
            "--plot",
            km.toString());
    assertThat(twice.exitCode()).as(twice.err()).isEqualTo(2);
    assertThat(twice.err()).contains("is given twice");
    assertThat(km).doesNotExist();
    assertThat(input).hasContent(before);
  }
}
