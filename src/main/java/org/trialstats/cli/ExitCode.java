package org.trialstats.cli;

/** Exit codes of every trialstats command (documented in the README). */
public final class ExitCode {
  /** The command did what was asked. */
  public static final int OK = 0;

  /**
   * A check failed: a claim is a discrepancy under {@code --strict}, or a validation case
   * disagrees.
   */
  public static final int CHECK_FAILED = 1;

  /** Invalid input or arguments: the message names the file, line and field. */
  public static final int INVALID_INPUT = 2;

  /** An unexpected internal error (a bug): a stack trace is printed. */
  public static final int INTERNAL_ERROR = 3;

  /** The Java heap ran out: the input needs more memory than Java was given; nothing written. */
  public static final int OUT_OF_MEMORY = 4;

  private ExitCode() {}
}
