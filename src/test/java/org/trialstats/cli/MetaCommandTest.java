package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code meta} command end to end: outputs, exit codes, messages, plots. */
class MetaCommandTest {
  @TempDir static Path dir;
  static Path bcg;
  static Path bcgWithSubgroups;
  static Path nielweise;
  static Path normand;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = TrialStats.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Path copy(String resource, String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = MetaCommandTest.class.getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    return target;
  }

  @BeforeAll
  static void files() throws IOException {
    bcg = copy("/org/trialstats/validation/bcg.csv", "bcg.csv");
    bcgWithSubgroups = copy("/org/trialstats/meta/data/bcg.csv", "bcg_subgroups.csv");
    nielweise = copy("/org/trialstats/meta/data/nielweise2007.csv", "nielweise.csv");
    normand = copy("/org/trialstats/meta/data/normand1999.csv", "normand.csv");
  }

  /**
   * JSON field names and order are the issue's interface; values are the shared reference row
   * bcg/rr/random/reml/hksj = FALSE (metafor 3.8-1: mu -0.71453234215814, tau2 0.313243258136486,
   * pi_lower 0.134206461553001).
   */
  @Test
  void jsonHasTheIssueFieldsInOrder() throws IOException {
    Run r =
        run(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "rr",
            "--model",
            "random",
            "--method",
            "reml",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names.subList(0, 25))
        .containsExactly(
            "k",
            "measure",
            "model",
            "method",
            "hksj",
            "mu",
            "se",
            "mu_lower",
            "mu_upper",
            "estimate",
            "lower",
            "upper",
            "p_value",
            "tau2",
            "tau2_lower",
            "tau2_upper",
            "i2",
            "i2_lower",
            "i2_upper",
            "h2",
            "q",
            "q_df",
            "q_p_value",
            "pi_lower",
            "pi_upper");
    assertThat(names).contains("studies", "warnings", "zero_cells", "excluded");
    assertThat(json.get("k").asInt()).isEqualTo(13);
    assertThat(json.get("measure").asText()).isEqualTo("rr");
    assertThat(json.get("method").asText()).isEqualTo("reml");
    assertThat(json.get("hksj").asBoolean()).isFalse();
    assertThat(json.get("mu").asDouble()).isCloseTo(-0.71453234215814, within(1e-8));
    assertThat(json.get("tau2").asDouble()).isCloseTo(0.313243258136486, within(1e-8));
    assertThat(json.get("pi_lower").asDouble()).isCloseTo(0.134206461553001, within(1e-8));
    JsonNode first = json.get("studies").get(0);
    List<String> studyFields = new ArrayList<>();
    first.fieldNames().forEachRemaining(studyFields::add);
    assertThat(studyFields.subList(0, 7))
        .containsExactly("study", "yi", "vi", "estimate", "lower", "upper", "weight");
    assertThat(first.get("study").asText()).isEqualTo("Aronson 1948");
    double sum = 0;
    for (JsonNode s : json.get("studies")) {
      sum += s.get("weight").asDouble();
    }
    assertThat(sum).isCloseTo(100, within(1e-9));
  }

  /** Fields that do not apply are null: no tau^2 interval or prediction interval for fixed. */
  @Test
  void notApplicableFieldsAreNull() throws IOException {
    Run r =
        run(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "or",
            "--method",
            "mh",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("model").asText()).isEqualTo("fixed");
    for (String f :
        List.of("tau2_lower", "tau2_upper", "i2_lower", "i2_upper", "pi_lower", "pi_upper")) {
      assertThat(json.get(f).isNull()).as(f).isTrue();
    }
    // metafor 3.8-1 rma.mh (shared reference): mu -0.473410988388585, i2 92.6803640448177
    assertThat(json.get("mu").asDouble()).isCloseTo(-0.473410988388585, within(1e-12));
    assertThat(json.get("i2").asDouble()).isCloseTo(92.6803640448177, within(1e-9));
    assertThat(json.get("tau2").asDouble()).isZero();
  }

  @Test
  void zeroCellsAreStatedInEveryFormat() throws IOException {
    String[] base = {"meta", "--input", nielweise.toString(), "--measure", "rr", "--method", "dl"};
    Run text = run(concat(base, "--format", "text"));
    assertThat(text.exit()).isZero();
    assertThat(text.out())
        .contains("Zero cells: 0.5 added to every cell of the 5 studies with a zero cell")
        .contains("Excluded (no events, or only events, in both arms): Yucel 2004")
        .contains("Yucel 2004")
        .contains("sparse events (no events in an arm of");
    Run json = run(concat(base, "--format", "json"));
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("zero_cells").asText()).contains("Bach 1996");
    assertThat(node.get("excluded").get(0).get("study").asText()).isEqualTo("Yucel 2004");
    assertThat(node.get("warnings").toString()).contains("Yucel 2004");
    Run csv = run(concat(base, "--format", "csv"));
    List<CSVRecord> rows = csv(csv.out());
    assertThat(rows)
        .anyMatch(r -> r.get("row").equals("zero_cells") && r.get("note").contains("Bach 1996"));
    assertThat(rows)
        .anyMatch(r -> r.get("row").equals("excluded") && r.get("label").equals("Yucel 2004"));
    assertThat(rows).anyMatch(r -> r.get("row").equals("warning"));
  }

  @Test
  void csvHasStudyAndPooledRows() throws IOException {
    Run r =
        run(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "rd",
            "--method",
            "pm",
            "--format",
            "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    List<CSVRecord> rows = csv(r.out());
    assertThat(rows.stream().filter(x -> x.get("row").equals("study"))).hasSize(13);
    CSVRecord pooled =
        rows.stream().filter(x -> x.get("row").equals("pooled")).findFirst().orElseThrow();
    // shared reference bcg/rd/random/pm: mu -0.0252808398802228, tau2 0.00149419354468446
    assertThat(Double.parseDouble(pooled.get("estimate")))
        .isCloseTo(-0.0252808398802228, within(1e-9));
    assertThat(Double.parseDouble(pooled.get("tau2")))
        .isCloseTo(0.00149419354468446, within(1e-11));
    assertThat(pooled.get("pi_lower")).isNotEmpty();
  }

  @Test
  void subgroupsLeaveOneOutCumulativeAndEgger() throws IOException {
    Run r =
        run(
            "meta",
            "--input",
            bcgWithSubgroups.toString(),
            "--measure",
            "rr",
            "--method",
            "reml",
            "--leave-one-out",
            "--cumulative",
            "year",
            "--egger",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("subgroups")).hasSize(3);
    assertThat(json.get("subgroups").get(0).get("subgroup").asText()).isEqualTo("random");
    assertThat(json.get("subgroup_test").get("q_df").asInt()).isEqualTo(2);
    assertThat(json.get("leave_one_out")).hasSize(13);
    assertThat(json.get("cumulative")).hasSize(13);
    // cumulative by year starts with Aronson 1948 and ends with all 13 studies
    assertThat(json.get("cumulative").get(0).get("added").asText()).isEqualTo("Aronson 1948");
    assertThat(json.get("cumulative").get(12).get("k").asInt()).isEqualTo(13);
    // metafor 3.8-1 regtest(rma(yi, vi, method = "REML"), model = "lm"): t -1.4012820022893326
    assertThat(json.get("egger").get("t").asDouble()).isCloseTo(-1.4012820022893326, within(1e-9));
    Run text =
        run(
            "meta",
            "--input",
            bcgWithSubgroups.toString(),
            "--measure",
            "rr",
            "--method",
            "reml",
            "--egger");
    assertThat(text.out())
        .contains("Test for subgroup differences: Q = ")
        .contains("Egger's regression test");
  }

  @Test
  void genericInputWithStandardErrors() throws IOException {
    Run r =
        run(
            "meta",
            "--input",
            normand.toString(),
            "--measure",
            "generic",
            "--method",
            "dl",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    // metafor 3.8-1 (meta_fixtures.csv, normand1999/generic/random/dl): mu -13.981721817043939
    assertThat(json.get("mu").asDouble()).isCloseTo(-13.981721817043939, within(1e-9));
    assertThat(json.get("estimate").asDouble()).isEqualTo(json.get("mu").asDouble());
    assertThat(json.get("zero_cells").asText()).startsWith("Not applicable");
  }

  @Test
  void plotsAreWrittenAndByteIdenticalAcrossRuns() throws IOException {
    Path png1 = dir.resolve("f1.png");
    Path png2 = dir.resolve("f2.png");
    Path svg1 = dir.resolve("f1.svg");
    Path svg2 = dir.resolve("f2.svg");
    Path funnel = dir.resolve("funnel.svg");
    String[] args = {
      "meta",
      "--input",
      bcgWithSubgroups.toString(),
      "--measure",
      "rr",
      "--method",
      "dl",
      "--treatment-label",
      "BCG",
      "--title",
      "BCG vaccine"
    };
    assertThat(run(concat(args, "--forest", png1.toString(), "--funnel", funnel.toString())).exit())
        .isZero();
    assertThat(run(concat(args, "--forest", png2.toString())).exit()).isZero();
    assertThat(run(concat(args, "--forest", svg1.toString())).exit()).isZero();
    assertThat(run(concat(args, "--forest", svg2.toString())).exit()).isZero();
    assertThat(Files.readAllBytes(png1)).isEqualTo(Files.readAllBytes(png2));
    assertThat(Files.readAllBytes(svg1)).isEqualTo(Files.readAllBytes(svg2));
    byte[] png = Files.readAllBytes(png1);
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(Files.readString(svg1)).startsWith("<?xml").contains("<svg").doesNotContain("<text");
    assertThat(Files.readString(funnel)).contains("<svg");
  }

  @Test
  void outputFileIsWrittenInsteadOfStdout() throws IOException {
    Path out = dir.resolve("result.json");
    Run r =
        run(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "rr",
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"k\" : 13");
  }

  @Test
  void invalidInputExitsWith2AndNamesFileLineAndField() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "study,events1,n1,events2,n2\nA,3,40,5,41\nB,7,x,9,50\n");
    Run r = run("meta", "--input", bad.toString(), "--measure", "rr");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "trialstats meta: error: bad.csv, line 3, field n1: 'x' is not a" + " whole number\n");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");

    Path over = dir.resolve("over.csv");
    Files.writeString(over, "study,events1,n1,events2,n2\nA,3,40,5,41\nB,70,60,9,50\n");
    assertThat(run("meta", "--input", over.toString(), "--measure", "or").err())
        .contains("over.csv, line 3, field events1: '70' exceeds n1 = 60");

    assertThat(run("meta", "--input", dir.resolve("missing.csv").toString(), "--measure", "rr"))
        .satisfies(
            x -> {
              assertThat(x.exit()).isEqualTo(2);
              assertThat(x.err())
                  .isEqualTo(
                      "trialstats meta: error: no such file: " + dir.resolve("missing.csv") + "\n");
            });
  }

  @Test
  void invalidOptionsExitWith2() {
    String in = bcg.toString();
    Map<String[], String> cases =
        Map.of(
            new String[] {"--measure", "hr"},
            "unknown measure 'hr'",
            new String[] {"--measure", "rr", "--method", "xyz"},
            "unknown method 'xyz'",
            new String[] {"--measure", "rr", "--model", "fixed", "--method", "dl"},
            "tau^2 estimator",
            new String[] {"--measure", "rr", "--method", "peto"},
            "Peto's method estimates an odds ratio",
            new String[] {"--measure", "rr", "--method", "mh", "--hksj"},
            "inverse-variance pooling only",
            new String[] {"--measure", "generic"},
            "use --measure rr, or or rd",
            new String[] {"--measure", "rr", "--level", "95"},
            "level must be strictly between",
            new String[] {"--measure", "rr", "--format", "xml"},
            "--format must be text, json or csv, got 'xml'",
            new String[] {"--measure", "rr", "--forest", "f.pdf"},
            "must end in .png or .svg");
    for (Map.Entry<String[], String> c : cases.entrySet()) {
      Run r = run(concat(new String[] {"meta", "--input", in}, c.getKey()));
      assertThat(r.exit()).as(String.join(" ", c.getKey())).isEqualTo(2);
      assertThat(r.err())
          .as(String.join(" ", c.getKey()))
          .startsWith("trialstats meta: error: ")
          .contains(c.getValue());
    }
  }

  @Test
  void hksjAndLevelAreApplied() throws IOException {
    Run r =
        run(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "or",
            "--method",
            "reml",
            "--hksj",
            "--level",
            "0.9",
            "--format",
            "json");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("hksj").asBoolean()).isTrue();
    assertThat(json.get("statistic_df").asInt()).isEqualTo(12);
    assertThat(json.get("level").asDouble()).isEqualTo(0.9);
    // shared reference bcg/or/random/reml/hksj: se 0.186726187662067 (level-independent)
    assertThat(json.get("se").asDouble()).isCloseTo(0.186726187662067, within(1e-9));
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    List<CSVRecord> rows = new ArrayList<>();
    Iterator<CSVRecord> it =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .iterator();
    it.forEachRemaining(rows::add);
    return rows;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
