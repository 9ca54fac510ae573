package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meta --mods}, {@code --bubble} and {@code --tau2-ci genq} end to end on the BCG trials
 * (datasets/bcg/studies.csv: year and allocation as moderators). Expected values: metafor 3.8-1
 * {@code rma(yi, vi, mods = ~ year, method = "REML")} and {@code mods = ~ alloc}
 * (metareg_fixtures.csv, metareg_coefficients.csv of src/test/resources/org/trialstats/meta,
 * make_metareg_fixtures.R) and {@code confint(type = "GENQ")} (genq_fixtures.csv,
 * make_genq_fixtures.R); tolerance 1e-7 (REML is iterative), 1e-9 for the generalised-Q limits.
 */
class MetaRegressionCommandTest {
  @TempDir Path dir;

  private static final String BCG = "datasets/bcg/studies.csv";

  private static MetaCommandTest.Run run(String... args) {
    return MetaCommandTest.run(args);
  }

  private static String[] base(String... more) {
    String[] head = {"meta", "--input", BCG, "--measure", "rr", "--method", "reml"};
    String[] all = new String[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(more, 0, all, head.length, more.length);
    return all;
  }

  @Test
  void jsonHasTheRegressionAsMetafor() throws IOException {
    MetaCommandTest.Run r = run(base("--mods", "year", "--format", "json"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode reg = new ObjectMapper().readTree(r.out()).get("meta_regression");
    assertThat(reg.get("moderators").get(0).asText()).isEqualTo("year");
    assertThat(reg.get("k").asInt()).isEqualTo(13);
    assertThat(reg.get("p").asInt()).isEqualTo(2);
    JsonNode year = reg.get("coefficients").get(1);
    assertThat(year.get("name").asText()).isEqualTo("year");
    assertThat(year.get("estimate").asDouble())
        .isCloseTo(0.026662647802114404, within(1e-7 * 0.0267));
    assertThat(year.get("se").asDouble()).isCloseTo(0.016269130009655842, within(1e-7 * 0.0163));
    assertThat(reg.get("coefficients").get(0).get("estimate").asDouble())
        .isCloseTo(-53.171117795888108, within(1e-7 * 53.2));
    assertThat(reg.get("qm").asDouble()).isCloseTo(2.6858261163057682, within(1e-7 * 2.69));
    assertThat(reg.get("qe").asDouble()).isCloseTo(100.17824942201699, within(1e-7 * 100));
    assertThat(reg.get("tau2").asDouble()).isCloseTo(0.26655577238037492, within(1e-7 * 0.267));
    assertThat(reg.get("r2").asDouble()).isCloseTo(14.904546081489272, within(1e-6 * 14.9));
    JsonNode qp = reg.get("tau2_interval");
    assertThat(qp.get("method").asText()).isEqualTo("qp");
    assertThat(qp.get("lower").asDouble()).isCloseTo(0.09401947274010726, within(1e-7 * 0.094));
    assertThat(qp.get("upper").asDouble()).isCloseTo(1.024395741781263, within(1e-7 * 1.02));
  }

  @Test
  void categoricalModeratorInText() {
    MetaCommandTest.Run r = run(base("--mods", "allocation"));
    assertThat(r.exit()).as(r.err()).isZero();
    // metafor rma(mods = ~ alloc): alternate is the reference level; QM = 1.768 on 2 df
    assertThat(r.out())
        .contains("Meta-regression (mixed effects, REML; moderators: allocation; k = 13")
        .contains("allocation[random]")
        .contains("allocation[systematic]")
        .contains("Test of moderators: QM = 1.768, df = 2, p = 0.413")
        .containsPattern("allocation\\[random\\] +-0\\.4478 +0\\.5158");
  }

  @Test
  void csvHasCoefficientModeratorAndResidualRows() throws IOException {
    MetaCommandTest.Run r = run(base("--mods", "year", "--format", "csv"));
    assertThat(r.exit()).as(r.err()).isZero();
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(r.out()))
            .getRecords();
    CSVRecord year =
        rows.stream()
            .filter(x -> x.get("row").equals("regression_coefficient"))
            .filter(x -> x.get("label").equals("year"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(year.get("estimate")))
        .isCloseTo(0.026662647802114404, within(1e-7 * 0.0267));
    assertThat(Double.parseDouble(year.get("lower")))
        .isCloseTo(-0.0052242610766108262, within(1e-7 * 0.0267));
    CSVRecord residual =
        rows.stream()
            .filter(x -> x.get("row").equals("regression_residual"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(residual.get("q"))).isCloseTo(100.17824942201699, within(1e-5));
    assertThat(residual.get("q_df")).isEqualTo("11");
    assertThat(rows).anyMatch(x -> x.get("row").equals("regression_moderators"));
  }

  @Test
  void generalisedQIntervalInEveryFormat() throws IOException {
    MetaCommandTest.Run json =
        run(base("--tau2-ci", "genq", "--genq-weights", "iv", "--format", "json"));
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode ci = new ObjectMapper().readTree(json.out()).get("tau2_interval");
    assertThat(ci.get("method").asText()).isEqualTo("genq");
    assertThat(ci.get("weights").asText()).isEqualTo("iv");
    // genq_fixtures.csv, bcg, iv, 95%: metafor's objective solved to 1e-14
    assertThat(ci.get("lower").asDouble()).isCloseTo(0.10105006945203791, within(1e-10));
    assertThat(ci.get("upper").asDouble()).isCloseTo(1.6360882010747693, within(2e-9));
    MetaCommandTest.Run text = run(base("--tau2-ci", "genq"));
    assertThat(text.out()).contains("tau^2 [0.122, 1.14] (generalised Q, 1/SE weights)");
    MetaCommandTest.Run csv = run(base("--tau2-ci", "genq", "--format", "csv"));
    assertThat(csv.out()).contains("tau2_interval,\"generalised Q, 1/SE weights\"");
    MetaCommandTest.Run bad = run(base("--tau2-ci", "genq", "--genq-weights", "n"));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown --genq-weights 'n'; use se or iv");
  }

  @Test
  void bubblePlotIsByteIdenticalOnTwoRuns() throws IOException {
    for (String ext : List.of("png", "svg")) {
      Path first = dir.resolve("bubble1." + ext);
      Path second = dir.resolve("bubble2." + ext);
      MetaCommandTest.Run a = run(base("--mods", "year,allocation", "--bubble", first.toString()));
      MetaCommandTest.Run b =
          run(
              base(
                  "--mods",
                  "year,allocation",
                  "--bubble",
                  second.toString(),
                  "--bubble-moderator",
                  "year"));
      assertThat(a.exit()).as(a.err()).isZero();
      assertThat(b.exit()).as(b.err()).isZero();
      byte[] bytes = Files.readAllBytes(first);
      assertThat(bytes).hasSizeGreaterThan(1000).isEqualTo(Files.readAllBytes(second));
      if (ext.equals("png")) {
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
      } else {
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<svg");
      }
    }
  }

  @Test
  void bubbleErrors() {
    MetaCommandTest.Run noMods = run(base("--bubble", dir.resolve("b.png").toString()));
    assertThat(noMods.exit()).isEqualTo(2);
    assertThat(noMods.err()).contains("--bubble draws a meta-regression");
    MetaCommandTest.Run categorical =
        run(base("--mods", "allocation", "--bubble", dir.resolve("c.png").toString()));
    assertThat(categorical.exit()).isEqualTo(2);
    assertThat(categorical.err()).contains("--bubble needs a continuous moderator");
    assertThat(dir.resolve("c.png")).doesNotExist();
  }
}
