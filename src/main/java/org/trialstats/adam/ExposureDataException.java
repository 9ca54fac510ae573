package org.trialstats.adam;

/**
 * The data do not support the chosen exposure definition (a subject without a usable treatment
 * duration, an event without an onset day), while another definition would work: {@link
 * #alternative()} names it, so that the caller can say how to ask for it.
 */
public final class ExposureDataException extends AdamDataException {
  private static final long serialVersionUID = 1L;

  private final ExposureDefinition alternative;

  /**
   * An exposure that cannot be computed.
   *
   * @param message what is missing, naming the file or subject
   * @param alternative the exposure definition the data do support
   */
  public ExposureDataException(String message, ExposureDefinition alternative) {
    super(message);
    this.alternative = alternative;
  }

  /** The exposure definition the data do support ({@link ExposureDefinition#NONE}: no rates). */
  public ExposureDefinition alternative() {
    return alternative;
  }
}
