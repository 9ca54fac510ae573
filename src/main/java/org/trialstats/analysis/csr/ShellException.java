package org.trialstats.analysis.csr;

import org.trialstats.io.InvalidDataException;

/**
 * A display shell cannot be used: malformed YAML, an unknown key, row kind, statistic or test, or a
 * name the data do not have (variable, category, a population flag that selects nobody). The
 * message names the shell file, the line and the field, and says what was expected: {@code
 * FILE:LINE: field 'KEY': what is wrong; what was expected}.
 */
public class ShellException extends InvalidDataException {
  private static final long serialVersionUID = 1L;

  /**
   * A shell error.
   *
   * @param file the shell file name
   * @param line 1-based line of the offending field (0 when unknown)
   * @param field the field's key, or null
   * @param message what is wrong and what was expected
   */
  public ShellException(String file, int line, String field, String message) {
    // FILE:LINE: field 'KEY': message, as the evidence data sets' errors (DatasetException) and
    // compilers print them, so an editor can jump to the line.
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + (field == null ? "" : "field '" + field + "': ")
            + message);
  }
}
