package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meta --trimfill}, {@code --influence} and {@code --baujat} end to end. Values: metafor
 * 3.8-1 on dat.hackshaw1998, REML (trimfill_fixtures.csv and influence_fixtures.csv of the meta
 * tests): k0 = 7 on the left, refitted mu 0.17447111041237481 (1e-9 absolute); 37 influence rows.
 */
class MetaTrimFillCommandTest {
  @TempDir static Path dir;
  static Path hackshaw;
  static Path bcg;

  @BeforeAll
  static void files() throws IOException {
    hackshaw = copy("/org/trialstats/meta/data/hackshaw1998.csv", "hackshaw.csv");
    bcg = copy("/org/trialstats/meta/data/bcg.csv", "bcg.csv");
  }

  private static Path copy(String resource, String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = MetaTrimFillCommandTest.class.getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void jsonCarriesTrimAndFillAndInfluence() throws IOException {
    MetaCommandTest.Run r =
        MetaCommandTest.run(
            "meta",
            "--input",
            hackshaw.toString(),
            "--measure",
            "generic",
            "--method",
            "reml",
            "--trimfill",
            "--influence",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode t = j.get("trim_and_fill");
    assertThat(t.get("estimator").asText()).isEqualTo("l0");
    assertThat(t.get("side").asText()).isEqualTo("left");
    assertThat(t.get("k0").asInt()).isEqualTo(7);
    assertThat(t.get("filled")).hasSize(7);
    assertThat(t.get("pooled").get("k").asInt()).isEqualTo(44);
    assertThat(t.get("pooled").get("mu").asDouble()).isCloseTo(0.17447111041237481, within(1e-9));
    JsonNode inf = j.get("influence");
    assertThat(inf).hasSize(37);
    assertThat(inf.get(0).get("study").asText()).isEqualTo("Garfinkel 1981");
    assertThat(inf.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "study",
            "rstudent",
            "dffits",
            "cook_d",
            "cov_r",
            "tau2_del",
            "qe_del",
            "hat",
            "weight",
            "dfbetas",
            "influential",
            "baujat_x",
            "baujat_y");
  }

  @Test
  void textAndCsvShowTheTables() {
    MetaCommandTest.Run text =
        MetaCommandTest.run(
            "meta",
            "--input",
            hackshaw.toString(),
            "--measure",
            "generic",
            "--exp",
            "--trimfill",
            "r0",
            "--influence");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Trim-and-fill: estimated missing studies k0 = 7 (SE 4, p = 0.0039")
        .contains("R0 estimator, left side (chosen from the data)")
        .contains("Filled 7")
        .contains("With filled studies (k = 44)")
        .contains("Influence diagnostics");
    MetaCommandTest.Run csv =
        MetaCommandTest.run(
            "meta",
            "--input",
            hackshaw.toString(),
            "--measure",
            "generic",
            "--trimfill",
            "--influence",
            "--format",
            "csv");
    assertThat(csv.exit()).as(csv.err()).isZero();
    assertThat(csv.out().lines().filter(l -> l.startsWith("trimfill_filled,"))).hasSize(7);
    assertThat(csv.out().lines().filter(l -> l.startsWith("trimfill,"))).hasSize(1);
    assertThat(csv.out().lines().filter(l -> l.startsWith("influence,"))).hasSize(37);
    assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith(",baujat_x,baujat_y");
  }

  @Test
  void plotsAreWrittenAndRepeatable() throws IOException {
    Path funnel1 = dir.resolve("tf1.png");
    Path funnel2 = dir.resolve("tf2.png");
    Path baujat = dir.resolve("baujat.svg");
    String[] common = {
      "meta", "--input", hackshaw.toString(), "--measure", "generic", "--trimfill"
    };
    assertThat(MetaCommandTest.run(concat(common, "--funnel", funnel1.toString())).exit()).isZero();
    assertThat(
            MetaCommandTest.run(
                    concat(common, "--funnel", funnel2.toString(), "--baujat", baujat.toString()))
                .exit())
        .isZero();
    assertThat(Files.readAllBytes(funnel1)).isEqualTo(Files.readAllBytes(funnel2));
    assertThat(Files.readString(baujat)).contains("<svg");
  }

  @Test
  void refusedForMantelHaenszelWithAReason() {
    Path plot = dir.resolve("mh-baujat.png");
    MetaCommandTest.Run r =
        MetaCommandTest.run(
            "meta",
            "--input",
            bcg.toString(),
            "--measure",
            "rr",
            "--method",
            "mh",
            "--trimfill",
            "--baujat",
            plot.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--baujat").contains("inverse-variance");
    assertThat(plot).doesNotExist();
    MetaCommandTest.Run notes =
        MetaCommandTest.run(
            "meta", "--input", bcg.toString(), "--measure", "rr", "--method", "mh", "--trimfill");
    assertThat(notes.exit()).isZero();
    assertThat(notes.out()).contains("trim-and-fill not done: trim-and-fill needs an");
    MetaCommandTest.Run bad =
        MetaCommandTest.run(
            "meta", "--input", bcg.toString(), "--measure", "rr", "--trimfill", "q0");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("trim-and-fill estimator 'q0'");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
