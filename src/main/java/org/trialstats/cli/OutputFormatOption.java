package org.trialstats.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of the commands that print one result as text, JSON or CSV ({@code
 * ci}, {@code meta}, {@code survival}): one name, default, help text and error message. Used as a
 * picocli {@code @Mixin}. Commands with other formats ({@code methods}, {@code validate}, {@code
 * check}, the list of files of {@code ae-table}) declare their own.
 */
public final class OutputFormatOption {
  /** The formats, in the order the help names them. */
  static final List<String> FORMATS = List.of("text", "json", "csv");

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  /**
   * The format, checked.
   *
   * @return {@code text}, {@code json} or {@code csv} (lower case)
   * @throws UserError for any other value
   */
  public String value() {
    String f = format.strip().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new UserError("--format must be text, json or csv, got '" + format + "'");
    }
    return f;
  }
}
