package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.analysis.csr.AdamTables;
import org.trialstats.analysis.csr.CsrDisplay;
import org.trialstats.analysis.csr.CsrEngine;
import org.trialstats.analysis.csr.CsrFigures;
import org.trialstats.analysis.csr.DisplayShell;
import org.trialstats.analysis.csr.ShellException;
import org.trialstats.analysis.csr.ShellParser;
import org.trialstats.io.InputFile;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;
import org.trialstats.io.Provenance;
import org.trialstats.io.Utf8Text;
import org.trialstats.report.CsrReport;
import org.trialstats.report.ReportTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code trialstats csr}: renders every display shell ({@code *.yaml}) of a folder from the ADaM
 * data sets of another folder into RTF, DOCX, HTML and CSV files.
 */
@Command(
    name = "csr",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "Clinical-study-report displays from declarative YAML shells and ADaM data (.xpt or .csv):"
          + " counts, summary statistics, tests and ANCOVA models by arm; one RTF, DOCX, HTML"
          + " and CSV file per shell (see src/docs/csr.md); Kaplan-Meier figure shells give"
          + " PNG, SVG, JSON, CSV and the PNG on an RTF and a DOCX page."
    })
public final class CsrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--shells",
      required = true,
      paramLabel = "DIR",
      description = "Folder of display shells (*.yaml), rendered in file-name order.")
  Path shells;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Folder of the data set files the shells name under data:.")
  Path data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder, replaced as a whole.")
  Path out;

  @Option(
      names = "--paper",
      defaultValue = "letter",
      description = "RTF/DOCX paper, landscape: letter or a4 (default: ${DEFAULT-VALUE}).")
  String paper;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    ReportTable.Paper size =
        switch (paper.toLowerCase(Locale.ROOT)) {
          case "letter" -> ReportTable.Paper.LETTER;
          case "a4" -> ReportTable.Paper.A4;
          default -> throw new UserError("unknown paper '" + paper + "'; expected letter or a4");
        };
    if (!Files.isDirectory(shells)) {
      throw new UserError("--shells " + shells + " is not a folder");
    }
    if (!Files.isDirectory(data)) {
      throw new UserError("--data " + data + " is not a folder");
    }
    OutputTarget.checkFolder(out, List.of(shells, data), "csr", CsrReport::isOutputFile);
    List<Path> files;
    try (Stream<Path> list = Files.list(shells)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new UserError("--shells " + shells + " holds no display shell (*.yaml)");
    }
    Map<String, Table> loaded = new HashMap<>();
    Map<String, InputFile> hashes = new HashMap<>();
    Map<String, byte[]> outputs = new LinkedHashMap<>();
    List<String> summary = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      DisplayShell shell =
          ShellParser.parse(
              Utf8Text.decode(name, bytes), name, f -> Files.isRegularFile(data.resolve(f)));
      if (shell.figure() != null) {
        SurvivalResult result = CsrFigures.kaplanMeier(shell, data, Version.current());
        for (Map.Entry<String, byte[]> f : CsrReport.renderFigure(shell, result, size).entrySet()) {
          if (outputs.put(f.getKey(), f.getValue()) != null) {
            throw new UserError("two shells have the number " + shell.number());
          }
        }
        summary.add(shell.number() + ": figure, " + result.groups().size() + " groups");
        result.warnings().forEach(w -> summary.add("  note: " + w));
        continue;
      }
      Map<String, Table> tables = new HashMap<>();
      List<InputFile> inputs = new ArrayList<>();
      inputs.add(InputFile.of(name, bytes));
      for (Map.Entry<String, String> d : new java.util.TreeMap<>(shell.datasets()).entrySet()) {
        Path path = data.resolve(d.getValue());
        if (!Files.isRegularFile(path)) {
          throw new ShellException(
              name, 0, "data", "data set file " + path + " (" + d.getKey() + ") not found");
        }
        String key = path.toString();
        if (!loaded.containsKey(key)) {
          loaded.put(key, AdamTables.read(path));
          hashes.put(key, InputFile.hash(path));
        }
        tables.put(d.getKey(), loaded.get(key));
        inputs.add(hashes.get(key));
      }
      CsrDisplay display = CsrEngine.compute(shell, tables);
      String provenance = new Provenance(Version.current(), inputs).line();
      for (Map.Entry<String, byte[]> f :
          CsrReport.render(display, provenance, size, shell.font(), shell.fontSize()).entrySet()) {
        if (outputs.put(f.getKey(), f.getValue()) != null) {
          throw new UserError("two shells have the table number " + display.number());
        }
      }
      summary.add(display.number() + ": " + display.rows().size() + " rows");
      display.notes().forEach(n -> summary.add("  note: " + n));
    }
    OutputFiles.replaceFolder(
        out,
        staging -> {
          for (Map.Entry<String, byte[]> f : outputs.entrySet()) {
            Files.write(staging.resolve(f.getKey()), f.getValue());
          }
        });
    summary.forEach(stdout::println);
    stdout.println("wrote " + outputs.size() + " files to " + out);
    stdout.flush();
    return ExitCode.OK;
  }
}
