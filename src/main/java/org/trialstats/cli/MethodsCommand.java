package org.trialstats.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.io.Escape;
import org.trialstats.io.Json;
import org.trialstats.meta.MetaMethods;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTest;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.LogRankWeight;
import org.trialstats.survival.TiesMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats methods}: the method catalogue with references and the crosswalk. */
@Command(
    name = "methods",
    mixinStandardHelpOptions = true,
    description =
        "List every method with its formula, reference and how to get the same numbers"
            + " in SAS, R and Python.")
public final class MethodsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (for the terminal, the default), md (Markdown tables) or json")
  String format;

  @Override
  public Integer call() {
    String out =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "text" -> text();
          case "md" -> markdown();
          case "json" -> json();
          default -> throw new UserError("--format must be text, md or json, got '" + format + "'");
        };
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  static String markdown() {
    StringBuilder b = new StringBuilder("# trialstats method catalogue\n\n");
    b.append(
        "Arm 1 is the treatment arm, arm 2 the control: RD = p1 - p2, RR = p1 / p2,"
            + " OR = odds1 / odds2.\n");
    for (Measure measure : Measure.values()) {
      b.append("\n## ").append(measure.label()).append(" (`").append(measure.id()).append("`)\n\n");
      table(b, MethodCatalogue.forMeasure(measure));
      List<StatMethod> stratified = stratified(measure);
      if (!stratified.isEmpty()) {
        b.append("\n### Stratified (`ci ")
            .append(measure.id())
            .append(" --strata x1/n1:x2/n2,...`)\n\n");
        table(b, stratified);
      }
    }
    b.append("\n## Time-to-event (`survival`)\n\n");
    b.append("| option | id | method | formula | reference | SAS | R | Python |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (Section.Entry e : survival()) {
      b.append("| ").append(e.family()).append(" | `").append(e.id()).append("` | ");
      row(b, e.info());
    }
    b.append("\n## Adverse events (`ae-table --exposure`)\n\n");
    b.append("| option | id | method | formula | reference | SAS | R | Python |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (Section.Entry e : adverseEvents()) {
      b.append("| ").append(e.family()).append(" | `").append(e.id()).append("` | ");
      row(b, e.info());
    }
    b.append("\n## Meta-analysis (`meta`)\n\n");
    b.append("| option | id | method | formula | reference | SAS | R | Python |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (MetaMethods.Entry e : MetaMethods.all()) {
      b.append("| ")
          .append(Escape.markdown(e.family()))
          .append(" | `")
          .append(e.id())
          .append("` | ");
      row(b, e.info());
    }
    return b.toString();
  }

  /** One titled group of catalogue entries, as the text and JSON formats list them. */
  record Section(String title, List<Entry> entries) {
    /** A method: the option or measure it belongs to, its id and its documentation. */
    record Entry(String family, String id, MethodInfo info) {}
  }

  /** The time-to-event methods: interval transforms, log-rank weights and Cox ties handling. */
  static List<Section.Entry> survival() {
    List<Section.Entry> out = new ArrayList<>();
    for (ConfidenceTransform t : ConfidenceTransform.values()) {
      out.add(new Section.Entry("--conf-type", t.id(), t.info()));
    }
    for (LogRankWeight w : LogRankWeight.values()) {
      out.add(new Section.Entry("log-rank weights", w.id(), w.info()));
    }
    for (TiesMethod t : TiesMethod.values()) {
      out.add(new Section.Entry("--ties", t.id(), t.info()));
    }
    return out;
  }

  /** The exposure-adjusted incidence rates of {@code ae-table}. */
  static List<Section.Entry> adverseEvents() {
    List<Section.Entry> out = new ArrayList<>();
    for (ExposureDefinition d : ExposureDefinition.values()) {
      if (d != ExposureDefinition.NONE) {
        out.add(new Section.Entry("--exposure", d.id(), d.info()));
      }
    }
    return out;
  }

  /** Every section of the catalogue in the order of the Markdown format. */
  static List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      sections.add(
          new Section(
              measure.label() + " (ci " + measure.id() + ")",
              MethodCatalogue.forMeasure(measure).stream()
                  .map(m -> new Section.Entry(measure.id(), m.id(), m.info()))
                  .toList()));
      List<StatMethod> stratified = stratified(measure);
      if (!stratified.isEmpty()) {
        sections.add(
            new Section(
                measure.label() + ", stratified (ci " + measure.id() + " --strata ...)",
                stratified.stream()
                    .map(m -> new Section.Entry(measure.id(), m.id(), m.info()))
                    .toList()));
      }
    }
    sections.add(new Section("Time-to-event (survival)", survival()));
    sections.add(new Section("Adverse events (ae-table --exposure)", adverseEvents()));
    sections.add(
        new Section(
            "Meta-analysis (meta)",
            MetaMethods.all().stream()
                .map(e -> new Section.Entry(e.family(), e.id(), e.info()))
                .toList()));
    return sections;
  }

  /**
   * The catalogue for a terminal: one block per method, plain text (no Markdown or HTML escapes),
   * lines wrapped at 100 characters.
   */
  static String text() {
    StringBuilder b =
        new StringBuilder("trialstats method catalogue\n")
            .append(
                "Arm 1 is the treatment arm, arm 2 the control: RD = p1 - p2, RR = p1 / p2,"
                    + " OR = odds1 / odds2.\n");
    for (Section section : sections()) {
      b.append('\n').append(section.title()).append('\n');
      b.append("=".repeat(section.title().length())).append('\n');
      for (Section.Entry e : section.entries()) {
        MethodInfo i = e.info();
        b.append('\n').append(e.id()).append(": ").append(i.name()).append('\n');
        wrap(b, "formula", i.formula());
        wrap(b, "reference", i.reference());
        wrap(b, "SAS", i.sas());
        wrap(b, "R", i.r());
        wrap(b, "Python", i.python());
      }
    }
    return b.toString();
  }

  /** " label: text" wrapped at word boundaries, continuation lines indented. */
  private static void wrap(StringBuilder b, String label, String text) {
    String indent = "    ";
    StringBuilder line = new StringBuilder("  ").append(label).append(':');
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() + 1 + word.length() > 100 && line.length() > indent.length()) {
        b.append(line).append('\n');
        line = new StringBuilder(indent);
      } else {
        line.append(' ');
      }
      line.append(word);
    }
    b.append(line).append('\n');
  }

  /** The stratified methods of a measure (the tests for {@code test}). */
  private static List<StatMethod> stratified(Measure measure) {
    if (measure == Measure.TEST) {
      return List.of(StratifiedTest.values());
    }
    return new ArrayList<>(StratifiedMethod.forMeasure(measure));
  }

  private static void table(StringBuilder b, List<? extends StatMethod> methods) {
    b.append("| id | method | formula | reference | SAS | R | Python |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (StatMethod m : methods) {
      b.append("| `").append(m.id()).append("` | ");
      row(b, m.info());
    }
  }

  /** The name, formula, reference and crosswalk cells of a markdown row, and its end. */
  private static void row(StringBuilder b, MethodInfo i) {
    b.append(Escape.markdown(i.name()))
        .append(" | ")
        .append(Escape.markdown(i.formula()))
        .append(" | ")
        .append(Escape.markdown(i.reference()))
        .append(" | ")
        .append(Escape.markdown(i.sas()))
        .append(" | ")
        .append(Escape.markdown(i.r()))
        .append(" | ")
        .append(Escape.markdown(i.python()))
        .append(" |\n");
  }

  static String json() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (StatMethod m : MethodCatalogue.all()) {
      list.add(entry(m.measure().id(), m.id(), false, m.info()));
    }
    for (Measure measure : Measure.values()) {
      for (StatMethod m : stratified(measure)) {
        list.add(entry(m.measure().id(), m.id(), true, m.info()));
      }
    }
    for (Section.Entry m : survival()) {
      list.add(entry("survival " + m.family(), m.id(), false, m.info()));
    }
    for (Section.Entry m : adverseEvents()) {
      list.add(entry("ae-table " + m.family(), m.id(), false, m.info()));
    }
    for (MetaMethods.Entry m : MetaMethods.all()) {
      list.add(entry("meta " + m.family(), m.id(), false, m.info()));
    }
    return Json.write(list);
  }

  private static Map<String, Object> entry(
      String measure, String id, boolean stratified, MethodInfo i) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("measure", measure);
    e.put("id", id);
    e.put("stratified", stratified);
    e.put("name", i.name());
    e.put("formula", i.formula());
    e.put("reference", i.reference());
    e.put("sas", i.sas());
    e.put("r", i.r());
    e.put("python", i.python());
    return e;
  }
}
