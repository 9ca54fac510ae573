package org.trialstats.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trialstats.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats batch}: the scripting interface over the whole method catalogue. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Compute many estimates from a CSV file, one request per row.",
      "Input columns (any order; extra columns are passed through): id, measure, method,"
          + " events1, n1, events2, n2, exposure1, exposure2, expected, per, level, berger_boos.",
      "berger_boos (optional; empty = 0): the Berger-Boos gamma, 0 or between 0 and alpha/2, of"
          + " the exact unconditional intervals (rd exact-unconditional[-raw], rr"
          + " exact-unconditional).",
      "Output: the input columns, then estimate, lower, upper, p_value, status, message."
          + " A row that cannot be computed gets status 'error' and the batch goes on.",
      "Stratified: with both a group and a stratum column, the rows of one group are the strata"
          + " (events1/n1:events2/n2) of one rd, rr or or request; the output has one row per"
          + " group: group, measure, method, level, strata, estimate, lower, upper, cmh_statistic,"
          + " cmh_p_value, homogeneity_statistic, homogeneity_df, homogeneity_p_value, status,"
          + " message."
    })
public final class BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "input CSV file")
  Path input;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "output CSV file ('-': standard output); required")
  Path output;

  /** The option's former name, kept working (hidden) so that existing scripts do not break. */
  @Option(names = "--output", hidden = true, paramLabel = "FILE")
  void deprecatedOutput(Path file) {
    output = file;
  }

  @Override
  public Integer call() throws Exception {
    if (output == null) {
      throw new UserError("--out FILE is required (the output CSV file, '-' for standard output)");
    }
    BatchRunner.Summary summary =
        OutputTarget.isStandardOutput(output)
            ? BatchRunner.run(input, spec.commandLine().getOut())
            : BatchRunner.run(input, output);
    spec.commandLine()
        .getErr()
        .printf(
            java.util.Locale.ROOT,
            "trialstats batch: %d rows, %d ok, %d errors -> %s%n",
            summary.rows(),
            summary.rows() - summary.errors(),
            summary.errors(),
            output);
    return ExitCode.OK;
  }
}
