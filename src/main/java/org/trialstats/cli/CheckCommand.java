package org.trialstats.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.analysis.DocumentCheck;
import org.trialstats.evidence.DatasetWriter;
import org.trialstats.evidence.Verdict;
import org.trialstats.evidence.text.TextException;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;
import org.trialstats.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialstats check}: find and verify the figures in documents' own text. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Find the numeric statements of documents (plain text, Markdown, HTML, MediaWiki, PDF):"
          + " percentages with their n, totals, rates, observed/expected counts, intervals,"
          + " APA test statistics; check each with reproduce's rounding rules.",
      "Exit codes: 0 done; 1 with --strict when a claim is inconsistent; 2 unreadable input or"
          + " invalid arguments."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", description = "documents to check")
  List<Path> files;

  @Option(names = "--format", description = "report format: text (default), json, md, html")
  String format;

  @Option(
      names = "--out",
      description =
          "write the report into this folder (replaced as a whole) as check.txt, check.json,"
              + " check.md and check.html, or only the --format given")
  Path out;

  @Option(
      names = "--draft-dataset",
      description =
          "also write a dataset folder (the YAML"
              + " format reproduce reads) with every claim found, its source span and its check")
  Path draftDataset;

  @Option(
      names = "--strict",
      description = "exit with code 1 when any claim is inconsistent," + " and print those claims")
  boolean strict;

  @Override
  public Integer call() throws Exception {
    CheckReport.Format chosen = format == null ? null : parseFormat(format);
    List<DocumentCheck.Document> documents = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!names.add(name)) {
        throw new UserError(
            file
                + ": two inputs are named "
                + name
                + "; rename one (spans and"
                + " claim ids are named after the file)");
      }
      documents.add(new DocumentCheck.Document(file, name));
    }
    DocumentCheck check;
    try {
      check = DocumentCheck.of(documents);
    } catch (TextException e) {
      throw new UserError(e.getMessage(), e);
    }
    CheckReport report = new CheckReport(check, Version.current());
    PrintWriter stdout = spec.commandLine().getOut();
    if (out != null) {
      List<CheckReport.Format> formats =
          chosen == null ? List.of(CheckReport.Format.values()) : List.of(chosen);
      OutputTarget.checkFolder(
          out, files, "check", name -> name.startsWith("check.") && !name.equals("check."));
      OutputFiles.replaceFolder(
          out,
          folder -> {
            for (CheckReport.Format f : formats) {
              Files.writeString(folder.resolve("check." + f.extension()), report.render(f));
            }
          });
    } else {
      stdout.print(report.render(chosen == null ? CheckReport.Format.TEXT : chosen));
    }
    if (draftDataset != null) {
      Map<String, String> yaml =
          DatasetWriter.files(
              check.dataset(),
              "Draft written by"
                  + " trialstats check "
                  + Version.current()
                  + ": review every entry.\nSpans: each"
                  + " claim's source gives the line and column range it was read from.");
      OutputTarget.checkFolder(
          draftDataset,
          files,
          "check --draft-dataset",
          name -> yaml.containsKey(name) || name.endsWith(".yaml"));
      OutputFiles.replaceFolder(
          draftDataset,
          folder -> {
            for (Map.Entry<String, String> e : yaml.entrySet()) {
              Files.writeString(folder.resolve(e.getKey()), e.getValue());
            }
          });
    }
    Map<Verdict, Integer> counts = check.counts();
    if (out != null || draftDataset != null) {
      stdout.printf(
          Locale.ROOT,
          "trialstats check: %d file(s)%s%s%n  claims: %s%n",
          files.size(),
          out == null ? "" : " -> " + out,
          draftDataset == null ? "" : ", draft dataset " + draftDataset,
          Verdict.summary(counts));
    }
    if (strict && counts.get(Verdict.DISCREPANCY) > 0) {
      stdout.println("inconsistent claims:");
      report.inconsistentLines().forEach(line -> stdout.println("  " + line));
      stdout.flush();
      return ExitCode.CHECK_FAILED;
    }
    stdout.flush();
    return ExitCode.OK;
  }

  private static CheckReport.Format parseFormat(String text) {
    for (CheckReport.Format f : CheckReport.Format.values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
        return f;
      }
    }
    throw new UserError("--format: expected text, json, md or html, got '" + text + "'");
  }
}
