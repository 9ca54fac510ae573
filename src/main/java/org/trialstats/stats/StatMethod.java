package org.trialstats.stats;

/**
 * One interval or test method of the catalogue. Each method family is an enum implementing this
 * interface (e.g. {@code RiskDifferenceMethod.NEWCOMBE}); the pair ({@link #measure()}, {@link
 * #id()}) is unique and is part of the public interface.
 */
public interface StatMethod {
  /** The measure this method estimates. */
  Measure measure();

  /** The method id, e.g. {@code newcombe}, {@code exact-conditional}. */
  String id();

  /** Formula, reference and crosswalk to other tools. */
  MethodInfo info();
}
