package org.trialstats.linear;

/** A term of a linear model's right-hand side: a {@link Factor} or a {@link Covariate}. */
public sealed interface Term permits Factor, Covariate {
  /**
   * @return the term's name, as printed in the tests
   */
  String name();
}
