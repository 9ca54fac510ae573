package org.trialstats.numerics;

/**
 * The one failure of the numerical kit: a root that is not bracketed by the given or searched
 * range, a function value that is NaN where a sign is needed, or an iteration that exhausted its
 * budget of evaluations. Unchecked: the statistical callers only ask for roots that exist, so it
 * marks a defect unless the caller catches it to report non-convergence.
 */
public final class RootFindingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure described by {@code message}.
   *
   * @param message what was sought and why it was not found
   */
  public RootFindingException(String message) {
    super(message);
  }

  /**
   * A failure reported by Apache Commons Math.
   *
   * @param message what was sought
   * @param cause the Commons Math exception
   */
  public RootFindingException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
