package org.trialstats.stats;

/**
 * Thrown when a method cannot be applied to the given input: invalid counts (events > n,
 * negative counts or exposure), an undefined estimate (e.g. a Woolf interval with a zero cell),
 * or an invalid level. The message says what was wrong and, where one exists, what to use
 * instead. It is a user error, not a bug, and is reported without a stack trace.
 */
public class StatsException extends IllegalArgumentException {
  public StatsException(String message) {
    super(message);
  }
}
