package org.trialstats.numerics;

/** A function that reports its value and derivatives at a point, for Newton and Halley. */
@FunctionalInterface
public interface DifferentiableFunction {
  /**
   * Evaluates the function at {@code x}.
   *
   * @param x the point
   * @param out receives the value and the derivatives the method needs
   */
  void evaluate(double x, Derivatives out);
}
