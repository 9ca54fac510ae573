package org.trialstats.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --level} option of every command that computes confidence intervals ({@code ci},
 * {@code reproduce}, {@code meta}, {@code survival}, {@code ae-table}): one name, default and help
 * text. Used as a picocli {@code @Mixin}; the level is checked where it is used (the statistics
 * reject a level outside (0, 1) with their own message).
 */
public final class ConfidenceLevelOption {
  @Option(
      names = "--level",
      defaultValue = "0.95",
      paramLabel = "LEVEL",
      description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
  double level;

  /**
   * The level given, or 0.95.
   *
   * @return the confidence level as given (not checked)
   */
  public double value() {
    return level;
  }
}
