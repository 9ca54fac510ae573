package org.trialstats.adam;

import org.trialstats.stats.StatsException;

/**
 * A data file cannot be used: it is not a SAS transport or CSV file, it is truncated or
 * corrupt, or it lacks a variable the computation needs. The message names the file and, where
 * it applies, the byte offset, observation, line or variable. It is a user error (exit code 2 on
 * the command line), not a bug.
 */
public class AdamDataException extends StatsException {
  public AdamDataException(String message) {
    super(message);
  }
}
