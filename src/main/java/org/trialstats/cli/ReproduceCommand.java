package org.trialstats.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstats.analysis.EvidenceAnalysis;
import org.trialstats.evidence.Dataset;
import org.trialstats.evidence.DatasetException;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.evidence.Verdict;
import org.trialstats.io.OutputTarget;
import org.trialstats.report.EvidenceReport;
import org.trialstats.stats.ConfidenceLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialstats reproduce}: recompute and check a dataset's published figures. */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every figure of a dataset from its counts, check each reported claim and write"
          + " a report (HTML, Markdown, CSV, charts as PNG and SVG).",
      "Exit codes: 0 done; 1 with --strict when a claim is a discrepancy; 2 invalid dataset or"
          + " arguments."
    })
public final class ReproduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "dataset folder, e.g. datasets/anakinra")
  Path dataset;

  @Option(names = "--out", description = "report folder (default: reports/<dataset name>)")
  Path out;

  @Mixin ConfidenceLevelOption level;

  @Option(names = "--strict", description = "exit with code 1 when any claim is a discrepancy")
  boolean strict;

  @Override
  public Integer call() throws Exception {
    ConfidenceLevel.check(level.value());
    if (!Files.isDirectory(dataset)) {
      throw new UserError(dataset + ": not a dataset folder");
    }
    Path target =
        out != null
            ? out
            : Path.of("reports").resolve(dataset.toAbsolutePath().normalize().getFileName());
    OutputTarget.checkFolder(target, List.of(dataset), "reproduce", EvidenceReport::isReportFile);
    Dataset data;
    try {
      data = DatasetLoader.load(dataset);
    } catch (DatasetException e) {
      // The loader names files relative to the dataset folder; say which folder.
      String folder = dataset.toString().replace('\\', '/').replaceAll("/+$", "") + "/";
      throw new UserError(
          e.getMessage()
              .lines()
              .map(line -> folder + line)
              .collect(java.util.stream.Collectors.joining("\n")),
          e);
    }
    EvidenceReport report =
        new EvidenceReport(EvidenceAnalysis.of(data, level.value()), Version.current());
    report.write(target);
    Map<Verdict, Integer> counts = report.verdictCounts();
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "trialstats reproduce: %s -> %s%n  claims: %s%n",
            dataset,
            target,
            Verdict.summary(counts));
    if (strict && counts.get(Verdict.DISCREPANCY) > 0) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("discrepancies:");
      report.discrepancyLines().forEach(line -> stdout.println("  " + line));
      stdout.flush();
      return ExitCode.CHECK_FAILED;
    }
    return ExitCode.OK;
  }
}
