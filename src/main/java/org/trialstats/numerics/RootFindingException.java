package org.trialstats.numerics;

/**
 * The one failure of the numerical kit: a root that is not bracketed by the given or searched
 * range, a function value that is NaN where a sign is needed, or an iteration that exhausted its
 * budget of evaluations. Unchecked: the statistical callers only ask for roots that exist, so it
 * marks a defect unless the caller catches it to report non-convergence.
 */
public final class RootFindingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The last iterate of an iteration that exhausted its budget, NaN when there is none. */
  private final double lastIterate;

  /** The evaluations spent before the failure, 0 when not counted. */
  private final int evaluations;

  /**
   * A failure described by {@code message}.
   *
   * @param message what was sought and why it was not found
   */
  public RootFindingException(String message) {
    this(message, Double.NaN, 0);
  }

  /**
   * A failure of an iteration that stopped at {@code lastIterate} after {@code evaluations} steps,
   * for callers that report the last iterate with a warning.
   *
   * @param message what was sought and why it was not found
   * @param lastIterate the last iterate
   * @param evaluations the iterations or evaluations spent
   */
  public RootFindingException(String message, double lastIterate, int evaluations) {
    super(message);
    this.lastIterate = lastIterate;
    this.evaluations = evaluations;
  }

  /**
   * A failure reported by Apache Commons Math.
   *
   * @param message what was sought
   * @param cause the Commons Math exception
   */
  public RootFindingException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.lastIterate = Double.NaN;
    this.evaluations = 0;
  }

  /**
   * The last iterate of the failed iteration.
   *
   * @return the last iterate, NaN when the failure has none
   */
  public double lastIterate() {
    return lastIterate;
  }

  /**
   * The iterations or evaluations spent before the failure.
   *
   * @return the count, 0 when not counted
   */
  public int evaluations() {
    return evaluations;
  }
}
