package org.trialstats.io;

/**
 * An input file cannot be used: it is malformed, truncated, lacks a field the computation needs
 * or holds a value outside its range. The message names the file and, where they apply, the
 * line (or byte offset or observation), the field and what was expected. The command line
 * reports it as invalid input (exit code 2) without a stack trace; the data packages specialise
 * it ({@code AdamDataException}, {@code DatasetException}).
 */
public class InvalidDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An invalid-data error.
   *
   * @param message what is wrong, naming the file, line and field
   */
  public InvalidDataException(String message) {
    super(message);
  }

  /**
   * An invalid-data error detected through another exception (a parser's).
   *
   * @param message what is wrong, naming the file, line and field
   * @param cause the exception that revealed it
   */
  public InvalidDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
