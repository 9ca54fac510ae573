package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meta} with continuous and incidence-rate inputs, missing values, k of Mantel-Haenszel
 * analyses and the prediction-interval option. Expected numbers are metafor 3.8-1's from
 * src/test/resources/org/trialstats/meta/outcome_fixtures.csv (make_outcome_fixtures.R).
 */
class MetaOutcomesCommandTest {
  @TempDir static Path dir;
  static Path gibson;
  static Path rates;
  static Path yusufWithMissing;

  @BeforeAll
  static void files() throws IOException {
    gibson = copy("gibson2002");
    rates = copy("nielweise2008");
    yusufWithMissing = copy("yusuf1985");
    // Snow 1 has no counts in dat.yusuf1985: metafor leaves it out with a warning
    Files.writeString(
        yusufWithMissing,
        Files.readString(yusufWithMissing) + "\"1.8 Snow 1\",NA,NA,NA,NA\n",
        StandardCharsets.UTF_8);
  }

  private static Path copy(String name) throws IOException {
    Path target = dir.resolve(name + ".csv");
    try (InputStream in =
        MetaOutcomesCommandTest.class.getResourceAsStream(
            "/org/trialstats/meta/data/" + name + ".csv")) {
      Files.copy(in, target);
    }
    return target;
  }

  private static JsonNode json(String... args) throws IOException {
    MetaCommandTest.Run r = MetaCommandTest.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void standardisedMeanDifferenceLeavesOutStudiesWithMissingMeans() throws IOException {
    JsonNode j =
        json(
            "meta",
            "--input",
            gibson.toString(),
            "--measure",
            "smd",
            "--method",
            "reml",
            "--format",
            "json");
    assertThat(j.get("k").asInt()).isEqualTo(13);
    assertThat(j.get("mu").asDouble()).isCloseTo(-0.19420851171826037, within(1e-8));
    assertThat(j.get("smd_variance").asText()).isEqualTo("ls");
    assertThat(j.get("pi_method").asText()).isEqualTo("hts");
    JsonNode first = j.get("studies").get(0);
    assertThat(first.get("mean1").asDouble()).isEqualTo(2.2);
    assertThat(first.get("sd2").asDouble()).isEqualTo(12.5);
    assertThat(first.get("n2").asLong()).isEqualTo(54);
    assertThat(j.get("warnings").toString())
        .contains("study 'Yoon 1993' (line 15) left out: missing mean1")
        .contains("study 'Brewin 1995' (line 16) left out: missing mean1");

    MetaCommandTest.Run refused =
        MetaCommandTest.run(
            "meta", "--input", gibson.toString(), "--measure", "md", "--missing", "refuse");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("gibson2002.csv, line 15, field mean1: missing value (study 'Yoon 1993')");
  }

  @Test
  void rateRatioByMantelHaenszel() throws IOException {
    JsonNode j =
        json(
            "meta",
            "--input",
            rates.toString(),
            "--measure",
            "irr",
            "--method",
            "mh",
            "--format",
            "json");
    assertThat(j.get("method").asText()).isEqualTo("mh");
    assertThat(j.get("k").asInt()).isEqualTo(9);
    assertThat(j.get("mu").asDouble()).isCloseTo(-0.41517523349227581, within(1e-12));
    assertThat(j.get("se").asDouble()).isCloseTo(0.18343920849053832, within(1e-12));
    assertThat(j.get("studies").get(2).get("time1").asDouble()).isEqualTo(12012);
    MetaCommandTest.Run csv =
        MetaCommandTest.run(
            "meta", "--input", rates.toString(), "--measure", "irr", "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).contains(",time1,time2,pi_method");
    MetaCommandTest.Run wrong =
        MetaCommandTest.run("meta", "--input", rates.toString(), "--measure", "rr");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("the file has events and person-time; use --measure irr");
  }

  @Test
  void mantelHaenszelReportsKAsMetafor() throws IOException {
    JsonNode j =
        json(
            "meta",
            "--input",
            yusufWithMissing.toString(),
            "--measure",
            "or",
            "--method",
            "mh",
            "--format",
            "json");
    // metafor rma.mh: "Equal-Effects Model (k = 21)", k.yi = 18 (three double-zero trials)
    assertThat(j.get("k").asInt()).isEqualTo(21);
    assertThat(j.get("k_yi").asInt()).isEqualTo(18);
    assertThat(j.get("q_df").asInt()).isEqualTo(17);
    assertThat(j.get("mu").asDouble()).isCloseTo(-0.068961741186328515, within(1e-12));
    assertThat(j.get("warnings").toString()).contains("study '1.8 Snow 1' (line 23) left out");
    String text =
        MetaCommandTest.run(
                "meta", "--input", yusufWithMissing.toString(), "--measure", "or", "--method", "mh")
            .out();
    assertThat(text).contains("21 studies (k_yi = 18 with a study estimate)");
  }

  @Test
  void predictionIntervalFormulaIsNamedAndSelectable() throws IOException {
    Path bcg = dir.resolve("bcg.csv");
    try (InputStream in = getClass().getResourceAsStream("/org/trialstats/meta/data/bcg.csv")) {
      Files.copy(in, bcg);
    }
    JsonNode metafor =
        json(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "rr",
            "--prediction",
            "metafor",
            "--format",
            "json");
    assertThat(metafor.get("pi_lower").asDouble()).isCloseTo(0.1546, within(5e-5));
    assertThat(metafor.get("pi_upper").asDouble()).isCloseTo(1.5490, within(5e-5));
    assertThat(metafor.get("pi_formula").asText()).startsWith("metafor predict()");
    String text = MetaCommandTest.run("meta", "--input", bcg.toString(), "--measure", "rr").out();
    assertThat(text).contains("Prediction interval: Higgins-Thompson-Spiegelhalter, t(k-2)");
  }

  @Test
  void continuousForestPlotIsReproducible() throws IOException {
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    Path s1 = dir.resolve("a.svg");
    Path s2 = dir.resolve("b.svg");
    for (Path p : new Path[] {a, b, s1, s2}) {
      assertThat(
              MetaCommandTest.run(
                      "meta",
                      "--input",
                      gibson.toString(),
                      "--measure",
                      "md",
                      "--forest",
                      p.toString())
                  .exit())
          .isZero();
    }
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readString(s1).replaceAll("clip\\d+", "clip"))
        .isEqualTo(Files.readString(s2).replaceAll("clip\\d+", "clip"));
  }

  @Test
  void beggsRankCorrelationTestInEveryFormat() throws IOException {
    // metafor 3.8-1 ranktest() on the Gibson 2002 SMD (ranktest_fixtures.csv)
    JsonNode j =
        json(
            "meta", "--input", gibson.toString(), "--measure", "smd", "--begg", "--format", "json");
    assertThat(j.get("begg").get("tau").asDouble()).isCloseTo(-0.20512820512820512, within(1e-12));
    assertThat(j.get("begg").get("p_value").asDouble())
        .isCloseTo(0.36740428360220029, within(1e-12));
    assertThat(j.get("begg").get("exact").asBoolean()).isTrue();
    String text =
        MetaCommandTest.run("meta", "--input", gibson.toString(), "--measure", "smd", "--begg")
            .out();
    assertThat(text).contains("Begg's rank correlation test: Kendall's tau = -0.2051");
    String csv =
        MetaCommandTest.run(
                "meta",
                "--input",
                gibson.toString(),
                "--measure",
                "smd",
                "--begg",
                "--format",
                "csv")
            .out();
    assertThat(csv).contains("begg,Begg's rank correlation test,");
  }
}
