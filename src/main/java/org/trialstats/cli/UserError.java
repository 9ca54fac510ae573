package org.trialstats.cli;

/**
 * An error caused by the user's input or arguments rather than by trialstats: reported as one
 * message on standard error, without a stack trace, with exit code {@link ExitCode#INVALID_INPUT}.
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
