package org.trialstats.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstats.io.Escape;
import org.trialstats.io.Json;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats methods}: the method catalogue with references and the crosswalk. */
@Command(
    name = "methods",
    mixinStandardHelpOptions = true,
    description = "List every method with its formula, reference and how to get the same numbers"
        + " in SAS, R and Python.")
public final class MethodsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "md", description = "md or json")
  String format;

  @Override
  public Integer call() {
    String out = switch (format.toLowerCase(Locale.ROOT)) {
      case "md" -> markdown();
      case "json" -> json();
      default -> throw new UserError("--format must be md or json, got '" + format + "'");
    };
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  static String markdown() {
    StringBuilder b = new StringBuilder("# trialstats method catalogue\n\n");
    b.append("Arm 1 is the treatment arm, arm 2 the control: RD = p1 - p2, RR = p1 / p2,"
        + " OR = odds1 / odds2.\n");
    for (Measure measure : Measure.values()) {
      b.append("\n## ").append(measure.label()).append(" (`").append(measure.id()).append("`)\n\n");
      b.append("| id | method | formula | reference | SAS | R | Python |\n");
      b.append("|---|---|---|---|---|---|---|\n");
      for (StatMethod m : MethodCatalogue.forMeasure(measure)) {
        MethodInfo i = m.info();
        b.append("| `").append(m.id()).append("` | ")
            .append(Escape.markdown(i.name())).append(" | ")
            .append(Escape.markdown(i.formula())).append(" | ")
            .append(Escape.markdown(i.reference())).append(" | ")
            .append(Escape.markdown(i.sas())).append(" | ")
            .append(Escape.markdown(i.r())).append(" | ")
            .append(Escape.markdown(i.python())).append(" |\n");
      }
    }
    return b.toString();
  }

  static String json() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (StatMethod m : MethodCatalogue.all()) {
      MethodInfo i = m.info();
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("measure", m.measure().id());
      e.put("id", m.id());
      e.put("name", i.name());
      e.put("formula", i.formula());
      e.put("reference", i.reference());
      e.put("sas", i.sas());
      e.put("r", i.r());
      e.put("python", i.python());
      list.add(e);
    }
    return Json.write(list);
  }
}
