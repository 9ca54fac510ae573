package org.trialstats.stats;

/**
 * Thrown when a method cannot be applied to the given arguments: invalid counts (events > n,
 * negative counts or exposure), an undefined estimate (e.g. a Woolf interval with a zero cell),
 * an unknown method id or an invalid level. The message says what was wrong and, where one
 * exists, which method to use instead; it never names a command-line option (the command line
 * adds those). It is a user error, not a bug: the command line reports it without a stack trace
 * and exits with code 2. It is deliberately not an {@link IllegalArgumentException}, so that a
 * programming error in the library is never mistaken for invalid input.
 */
public class StatsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An invalid-argument error.
   *
   * @param message what is wrong with the arguments
   */
  public StatsException(String message) {
    super(message);
  }
}
