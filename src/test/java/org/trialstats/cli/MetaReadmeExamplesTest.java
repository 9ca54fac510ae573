package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code meta} commands printed in README.md and in datasets/*&#47;README.md run as written
 * (output files redirected into a temporary directory) through the command-line entry point. The
 * data-set READMEs' commands reproduce the committed example outputs under reports/ byte for byte
 * (SVG clip ids aside, which count per process); the README's examples agree with metafor 3.8-1
 * (fixtures/readme_meta_examples.R): pooled estimate, limits, tau^2, Q and I^2 to 1e-7 relative
 * (the script runs metafor's REML to a step below 1e-12 as trialstats does; its default 1e-5 would
 * leave tau^2 off in the sixth digit).
 */
class MetaReadmeExamplesTest {
  /** Options whose value is a file the command writes. */
  private static final Set<String> OUTPUTS =
      Set.of("--out", "--output", "--forest", "--funnel", "--bubble", "--baujat");

  private static final String FIXTURES = "src/test/resources/org/trialstats/cli/fixtures/";

  @TempDir Path dir;

  /** The {@code java -jar target/trialstats.jar meta ...} commands of a Markdown file, as words. */
  static List<List<String>> metaCommands(String markdown) {
    List<List<String>> commands = new ArrayList<>();
    String[] lines = markdown.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("java -jar target/trialstats.jar meta ")) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      String line = lines[i];
      while (line.endsWith("\\")) {
        command.append(line, 0, line.length() - 1);
        line = lines[++i];
      }
      command.append(line);
      commands.add(words(command.toString()));
    }
    return commands;
  }

  /** Shell words: blanks separate, double quotes group. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  /** The arguments after "java -jar target/trialstats.jar", output files moved into {@code dir}. */
  private List<String> redirected(List<String> command, Map<Path, String> written) {
    List<String> args = new ArrayList<>(command.subList(3, command.size()));
    for (int i = 0; i + 1 < args.size(); i++) {
      if (OUTPUTS.contains(args.get(i))) {
        Path target = dir.resolve(written.size() + "-" + Path.of(args.get(i + 1)).getFileName());
        written.put(target, args.get(i + 1));
        args.set(i + 1, target.toString());
      }
    }
    return args;
  }

  private static String readme(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bcg", "gibson2002", "nielweise2008"})
  void dataSetReadmeCommandsReproduceTheCommittedReports(String name) throws IOException {
    List<List<String>> commands = metaCommands(readme("datasets/" + name + "/README.md"));
    assertThat(commands).as("meta commands in datasets/%s/README.md", name).isNotEmpty();
    int compared = 0;
    for (List<String> command : commands) {
      Map<Path, String> written = new HashMap<>();
      MetaCommandTest.Run r =
          MetaCommandTest.run(redirected(command, written).toArray(String[]::new));
      assertThat(r.exit()).as("%s\n%s", command, r.err()).isZero();
      for (Map.Entry<Path, String> out : written.entrySet()) {
        Path committed = Path.of(out.getValue());
        if (!out.getValue().startsWith("reports/")) {
          continue;
        }
        assertThat(committed).as("committed example output").exists();
        if (out.getValue().endsWith(".svg")) {
          assertThat(Files.readString(out.getKey()).replaceAll("clip\\d+", "clip"))
              .as(out.getValue())
              .isEqualTo(Files.readString(committed).replaceAll("clip\\d+", "clip"));
        } else {
          assertThat(Files.readAllBytes(out.getKey()))
              .as(out.getValue())
              .isEqualTo(Files.readAllBytes(committed));
        }
        compared++;
      }
    }
    assertThat(compared).as("committed outputs compared for %s", name).isPositive();
  }

  private static List<Map<String, String>> fixture(String file) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(FIXTURES + file));
    List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.replace("\"", "").split(",");
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), cells[c]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The fixture row of a command: data set, measure, method and Hartung-Knapp. */
  private static String example(List<String> command) {
    String input = Path.of(value(command, "--input")).getParent().getFileName().toString();
    String method = value(command, "--method");
    return input
        + "_"
        + value(command, "--measure")
        + "_"
        + (method == null ? "reml" : method)
        + (command.contains("--hksj") ? "_hksj" : "");
  }

  private static String value(List<String> command, String option) {
    int i = command.indexOf(option);
    return i < 0 ? null : command.get(i + 1);
  }

  private static void close(String what, double expected, double actual, double relative) {
    assertThat(actual)
        .as(what)
        .isCloseTo(expected, within(relative * Math.max(1e-3, Math.abs(expected))));
  }

  @Test
  void readmeMetaExamplesRunAsWrittenAndAgreeWithMetafor() throws IOException {
    String readme = readme("README.md");
    String section =
        readme.substring(readme.indexOf("### `meta`"), readme.indexOf("### `ae-table`"));
    List<List<String>> commands = metaCommands(section);
    Map<String, Map<String, String>> expected = new HashMap<>();
    for (Map<String, String> row : fixture("readme_meta_examples.csv")) {
      expected.put(row.get("example"), row);
    }
    Map<String, String> bcg = fixture("readme_meta_examples_bcg.csv").get(0);
    Set<String> seen = new java.util.TreeSet<>();
    for (List<String> command : commands) {
      Map<Path, String> written = new HashMap<>();
      List<String> args = redirected(command, written);
      MetaCommandTest.Run asWritten = MetaCommandTest.run(args.toArray(String[]::new));
      assertThat(asWritten.exit()).as("%s\n%s", command, asWritten.err()).isZero();
      for (Path p : written.keySet()) {
        assertThat(Files.size(p)).as("%s writes %s", command, written.get(p)).isPositive();
      }
      List<String> json = new ArrayList<>(args);
      if (!json.contains("--format")) {
        json.addAll(List.of("--format", "json"));
      }
      int out = json.indexOf("--out");
      if (out >= 0) {
        json.remove(out + 1);
        json.remove(out);
      }
      MetaCommandTest.Run r = MetaCommandTest.run(json.toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode j = new ObjectMapper().readTree(r.out());
      String key = example(command);
      Map<String, String> row = expected.get(key);
      assertThat(row).as("metafor fixture for %s (%s)", key, command).isNotNull();
      seen.add(key);
      assertThat(j.get("k").asInt()).as(key + " k").isEqualTo(Integer.parseInt(row.get("k")));
      for (String field : List.of("estimate", "lower", "upper", "tau2", "q", "i2")) {
        close(key + " " + field, Double.parseDouble(row.get(field)), j.get(field).asDouble(), 1e-7);
      }
      if (j.has("meta_regression")) {
        close(
            "QM", Double.parseDouble(bcg.get("qm")), j.at("/meta_regression/qm").asDouble(), 1e-7);
        close(
            "QM p",
            Double.parseDouble(bcg.get("qm_p")),
            j.at("/meta_regression/qm_pvalue").asDouble(),
            1e-7);
      }
      if (j.has("egger_rma")) {
        close(
            "Egger z",
            Double.parseDouble(bcg.get("egger_z")),
            j.at("/egger_rma/statistic").asDouble(),
            1e-7);
        close(
            "Egger p",
            Double.parseDouble(bcg.get("egger_p")),
            j.at("/egger_rma/pvalue").asDouble(),
            1e-7);
      }
      if (j.has("trim_and_fill")) {
        assertThat(j.at("/trim_and_fill/k0").asInt())
            .isEqualTo((int) Double.parseDouble(bcg.get("trimfill_k0")));
        close(
            "trim-and-fill estimate",
            Double.parseDouble(bcg.get("trimfill_estimate")),
            j.at("/trim_and_fill/pooled/estimate").asDouble(),
            1e-7);
      }
    }
    assertThat(seen)
        .as("one example per outcome type: events, continuous, rates, yi/vi and yi/sei effects")
        .contains(
            "bcg_rr_reml_hksj",
            "gibson2002_smd_reml",
            "nielweise2008_irr_mh",
            "hackshaw1998_generic_reml",
            "riley2003_generic_dl");
  }
}
