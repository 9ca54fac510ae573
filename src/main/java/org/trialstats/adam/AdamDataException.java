package org.trialstats.adam;

import org.trialstats.io.InvalidDataException;

/**
 * An ADaM data set cannot be used: it is not a SAS transport or CSV file, it is truncated or
 * corrupt, it lacks a variable the computation needs, or an option names something the data
 * do not have. The message names the file and, where it applies, the byte offset, observation,
 * line or variable.
 */
public class AdamDataException extends InvalidDataException {
  private static final long serialVersionUID = 1L;

  /**
   * An ADaM data error.
   *
   * @param message what is wrong, naming the file and where in it
   */
  public AdamDataException(String message) {
    super(message);
  }
}
