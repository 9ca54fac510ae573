package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boundary tables for every RR, OR and test method at levels 0.5, 0.95, 0.999 and 1 - 1e-12: the
 * result is either a valid ordered interval (0 &lt;= lower &lt;= estimate &lt;= upper &lt;=
 * Infinity, no NaN) or p-value in [0, 1], or exactly the documented {@link StatsException}.
 */
class RatioEdgeCaseTest {
  private static final long BILLION = 1_000_000_000L;

  private static final long[][] TABLES = {
    {0, 10, 5, 20}, // x1 = 0
    {5, 20, 0, 10}, // x2 = 0
    {10, 10, 5, 20}, // x1 = n1
    {5, 20, 20, 20}, // x2 = n2
    {0, 10, 0, 20}, // no events
    {10, 10, 20, 20}, // every subject had the event
    {0, 10, 20, 20}, // x1 = 0 and x2 = n2
    {10, 10, 0, 20}, // x1 = n1 and x2 = 0
    {1, 1, 0, 1}, // n = 1
    {0, 1, 1, 1},
    {1, 1, 1, 1},
    {0, 1, 0, 1},
    {500000, BILLION, 400000, BILLION}, // n = 10^9
    {1, BILLION, 0, BILLION},
    {BILLION, BILLION, BILLION - 1, BILLION},
    {500000000, BILLION, 499990000, BILLION},
  };

  private static final double[] LEVELS = {0.5, 0.95, 0.999, 1 - 1e-12};

  static Stream<Arguments> intervalCases() {
    List<Arguments> cases = new ArrayList<>();
    for (long[] t : TABLES) {
      TwoByTwo table = TwoByTwo.of(t[0], t[1], t[2], t[3]);
      for (double level : LEVELS) {
        for (RiskRatioMethod method : RiskRatioMethod.values()) {
          cases.add(Arguments.of("rr " + method.id(), table, level));
        }
        for (OddsRatioMethod method : OddsRatioMethod.values()) {
          cases.add(Arguments.of("or " + method.id(), table, level));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} level {2}")
  @MethodSource("intervalCases")
  void intervalIsValidOrTheDocumentedException(String name, TwoByTwo t, double level) {
    String expectedError = expectedIntervalError(name, t);
    if (expectedError != null) {
      assertThatThrownBy(() -> interval(name, t, level))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining(expectedError);
      return;
    }
    Estimate e = interval(name, t, level);
    assertThat(e.level()).isEqualTo(level);
    assertThat(e.lower()).as("lower").isNotNaN().isGreaterThanOrEqualTo(0);
    assertThat(e.upper()).as("upper").isNotNaN().isGreaterThanOrEqualTo(e.lower());
    assertThat(e.estimate()).as("estimate").isNotNaN().isBetween(e.lower(), e.upper());
    assertThat(e.lower()).as("lower finite").isLessThan(Double.POSITIVE_INFINITY);
    assertThat(e.upper()).as("upper positive").isGreaterThan(0);
  }

  private static Estimate interval(String name, TwoByTwo t, double level) {
    String id = name.substring(3);
    return name.startsWith("rr")
        ? RiskRatioMethod.fromId(id).interval(t, level)
        : OddsRatioMethod.fromId(id).interval(t, level);
  }

  /** The documented refusals (see the Javadoc of the enums), or null. */
  private static String expectedIntervalError(String name, TwoByTwo t) {
    boolean noEvents = t.x1() == 0 && t.x2() == 0;
    boolean allEvents = t.x1() == t.n1() && t.x2() == t.n2();
    if (name.startsWith("rr")) {
      if (noEvents) {
        return "undefined estimate";
      }
      if (name.equals("rr katz") && (t.x1() == 0 || t.x2() == 0)) {
        return "use koopman or mn";
      }
      RiskRatioMethod method = RiskRatioMethod.fromId(name.substring(3));
      if (!method.accepts(t.n1(), t.n2())) {
        // the size limit of the exact unconditional interval (StatMethod.maxTables)
        return "(n1+1)(n2+1) <= " + method.maxTables();
      }
      return null;
    }
    if (name.equals("or woolf-haldane")) {
      return null;
    }
    if (noEvents || allEvents) {
      return "undefined estimate";
    }
    boolean zeroCell = t.x1() == 0 || t.x2() == 0 || t.x1() == t.n1() || t.x2() == t.n2();
    if (name.equals("or woolf") && zeroCell) {
      return "zero cell";
    }
    return null;
  }

  /**
   * An empty arm at a level next to 0 (found by a 1M-row random batch): the score interval's finite
   * limit lies beyond exp(230), the searched range, which is a documented refusal, not a failure of
   * the root finder escaping as an internal error.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"rr koopman", "rr mn", "or mn"})
  void aScoreLimitBeyondTheSearchedRangeIsRefused(String name) {
    TwoByTwo t = TwoByTwo.of(121, 123, 0, 32_803_224);
    assertThatThrownBy(() -> interval(name, t, 1e-320))
        .isInstanceOf(StatsException.class)
        .hasMessage(
            name.substring(3)
                + ": the score interval's lower limit at level 1.0E-320 lies outside the searched"
                + " range of the ratio, exp(-230) to exp(230) (about 1e-100 to 1e100)");
    // at the usual levels the same table has its limits (RR about 8.4e6, OR about 3.6e8)
    assertThat(interval(name, t, 0.95).lower()).isBetween(1e6, 1e9);
  }

  static Stream<Arguments> testCases() {
    List<Arguments> cases = new ArrayList<>();
    for (long[] t : TABLES) {
      for (TwoByTwoTest test : TwoByTwoTest.values()) {
        cases.add(Arguments.of(test, TwoByTwo.of(t[0], t[1], t[2], t[3])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("testCases")
  void testIsValidOrTheDocumentedException(TwoByTwoTest test, TwoByTwo t) {
    long m = t.x1() + t.x2();
    boolean zeroMargin = m == 0 || m == t.n1() + t.n2();
    boolean chiSquare = test == TwoByTwoTest.CHISQ || test == TwoByTwoTest.CHISQ_YATES;
    boolean unconditional = test == TwoByTwoTest.BARNARD || test == TwoByTwoTest.BOSCHLOO;
    if (chiSquare && zeroMargin) {
      assertThatThrownBy(() -> test.test(t))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("undefined: a margin is zero");
      return;
    }
    if (unconditional && ((t.n1() + 1) * (t.n2() + 1) > 4_000_000L || t.n1() + t.n2() > 20_000)) {
      assertThatThrownBy(() -> test.test(t))
          .isInstanceOf(StatsException.class)
          .hasMessageContaining("use chisq or fisher");
      return;
    }
    TestResult e = test.test(t);
    assertThat(e.measure()).isEqualTo(Measure.TEST);
    assertThat(e.pValue()).isNotNaN().isBetween(0.0, 1.0);
    if (test != TwoByTwoTest.FISHER) {
      assertThat(e.statistic()).isNotNaN();
    }
  }
}
