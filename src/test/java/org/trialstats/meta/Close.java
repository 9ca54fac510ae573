package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

/** Test helper: relative comparison against reference values, NaN meaning "not applicable". */
final class Close {
  private Close() {}

  /** Asserts |actual - expected| &lt;= tol * max(|expected|, tiny); NaN/NA must match NaN. */
  static void check(Map<String, String> row, String column, double actual, double relTol) {
    check(row.toString() + " " + column, ReferenceData.number(row.get(column)), actual, relTol);
  }

  static void check(String what, double expected, double actual, double relTol) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what + " should be not applicable").isNaN();
      return;
    }
    double allowed = relTol * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    assertThat(actual).as(what).isCloseTo(expected, within(allowed));
  }
}
