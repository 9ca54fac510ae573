package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The size limit of a method ({@link StatMethod#maxTables()}) as the generic tests of a method
 * family honour it: tables above the limit must be refused with a {@link StatsException} that names
 * the limit, never computed and never skipped silently.
 */
final class SizeLimits {
  /**
   * Tolerance for comparing two limits of the exact unconditional intervals found by separate root
   * searches (each stops at 1e-9 in atanh(delta) / 0.05 or log(theta) / 0.05, about 5e-11 in delta
   * and relative in theta).
   */
  static final double EXACT_SEARCH_TOLERANCE = 1e-9;

  private SizeLimits() {}

  /** Whether the method has a size limit. */
  static boolean limited(StatMethod method) {
    return method.maxTables() != Long.MAX_VALUE;
  }

  /** Asserts that {@code call} is refused with a StatsException naming the method's limit. */
  static void assertRefused(StatMethod method, ThrowingCallable call) {
    assertThatThrownBy(call)
        .as("%s refuses a table above its size limit", method.id())
        .isInstanceOf(StatsException.class)
        .hasMessageContaining(method.id())
        .hasMessageContaining("(n1+1)(n2+1) <= " + method.maxTables());
  }
}
