package org.trialstats.numerics;

/**
 * The value and the first two derivatives of a function at one point, written by a {@link
 * DifferentiableFunction} into a holder that an iteration reuses (nothing is allocated per step).
 * Newton's method reads the value and slope only.
 */
public final class Derivatives {
  private double value;
  private double slope;
  private double curvature;

  /**
   * Sets the value and the first derivative.
   *
   * @param value the function value
   * @param slope the first derivative
   */
  public void set(double value, double slope) {
    this.value = value;
    this.slope = slope;
  }

  /**
   * Sets the value and the first two derivatives.
   *
   * @param value the function value
   * @param slope the first derivative
   * @param curvature the second derivative
   */
  public void set(double value, double slope, double curvature) {
    this.value = value;
    this.slope = slope;
    this.curvature = curvature;
  }

  /**
   * The function value.
   *
   * @return the value last set
   */
  public double value() {
    return value;
  }

  /**
   * The first derivative.
   *
   * @return the slope last set
   */
  public double slope() {
    return slope;
  }

  /**
   * The second derivative.
   *
   * @return the curvature last set
   */
  public double curvature() {
    return curvature;
  }
}
