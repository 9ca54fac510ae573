package org.trialstats.analysis.csr;

import java.io.IOException;
import java.nio.file.Path;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.Condition;
import org.trialstats.adam.TimeToEventColumns;
import org.trialstats.analysis.SurvivalAnalysis;
import org.trialstats.analysis.SurvivalRequest;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.stats.StatsException;

/**
 * Computes the figure of a figure shell: a {@link KaplanMeierFigure} runs {@link SurvivalAnalysis}
 * on the shell's time-to-event data set, restricted to the ADSL population flag of the shell, as
 * {@code trialstats survival} does with the same choices (the records are streamed from the file).
 */
public final class CsrFigures {
  private CsrFigures() {}

  /**
   * The survival analysis of a Kaplan-Meier figure shell.
   *
   * @param shell a shell whose {@link DisplayShell#figure()} is set
   * @param data the folder of the data set files the shell names
   * @param version the tool version for the provenance
   * @return the analysis: curves, tests, hazard ratios, numbers at risk
   * @throws IOException when a file cannot be read
   * @throws ShellException when the data do not fit the shell (unknown variable, no record)
   */
  public static SurvivalResult kaplanMeier(DisplayShell shell, Path data, String version)
      throws IOException {
    KaplanMeierFigure f = shell.figure();
    SurvivalRequest request =
        new SurvivalRequest(
            data.resolve(shell.datasets().get(f.dataset())),
            new TimeToEventColumns(
                f.time().name(),
                f.censor().name(),
                true,
                f.group().name(),
                null,
                CsrEngine.SUBJECT,
                f.parameter(),
                f.where().stream()
                    .map(w -> new Condition(w.variable().name(), w.negate(), w.values()))
                    .toList()),
            shell.populationFlag() == null ? null : data.resolve(shell.datasets().get("adsl")),
            shell.populationFlag() == null ? null : shell.populationFlag().name(),
            null,
            f.transform(),
            f.level(),
            f.ties(),
            f.times() == null
                ? null
                : f.times().stream().mapToDouble(Double::doubleValue).toArray(),
            f.rmst());
    try {
      return SurvivalAnalysis.run(request, version);
    } catch (AdamDataException | StatsException e) {
      throw new ShellException(shell.file(), f.line(), "figure", e.getMessage());
    }
  }
}
