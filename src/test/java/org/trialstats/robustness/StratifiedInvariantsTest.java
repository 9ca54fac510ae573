package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.stats.ChiSquareStatistic;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.Request;
import org.trialstats.stats.Result;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTables.Stratum;
import org.trialstats.stats.StratifiedTest;

/**
 * Invariants of every stratified method over seeded random strata (200 inputs per method):
 *
 * <ul>
 *   <li>one stratum: the result equals the unstratified method it reduces to (mn, newcombe,
 *       exact-conditional, summary-score = the MN interval; mh-gr = Wald, RR mh = Katz, OR mh =
 *       Woolf; CMH = Pearson chi-square times (N - 1) / N);
 *   <li>stratum order: permuting the strata changes nothing beyond rounding (1e-9 relative);
 *   <li>nesting by level: the 0.99 interval contains the 0.90 interval, which contains the estimate
 *       (not for the two methods whose weights depend on the level, see {@link
 *       #LEVEL_DEPENDENT_WEIGHTS});
 *   <li>an added stratum with an empty arm changes nothing;
 *   <li>100 strata are computed.
 * </ul>
 *
 * A {@link StatsException} (an undefined estimate, e.g. MH odds ratio with no arm-1 events) is
 * accepted when it does not depend on the order or level.
 */
class StratifiedInvariantsTest {
  private static final int INPUTS = 200;
  private static final double ROOT_TOLERANCE = 1e-9;

  /**
   * Methods whose stratum weights depend on the confidence level (tern's Wilson heuristic uses the
   * adjusted quantile; the summary score weights by the stratum interval widths at the level):
   * their intervals at two levels are built on different weightings, so they need not nest, and the
   * summary-score estimate moves with the level. Both are documented.
   */
  private static final java.util.Set<StratifiedMethod> LEVEL_DEPENDENT_WEIGHTS =
      java.util.EnumSet.of(StratifiedMethod.RD_NEWCOMBE_WILSON, StratifiedMethod.RD_SUMMARY_SCORE);

  static Stream<Arguments> methods() {
    return Stream.of(StratifiedMethod.values()).map(Arguments::of);
  }

  private static StratifiedTables random(SplittableRandom random, int strata) {
    List<long[]> rows = new ArrayList<>();
    for (int h = 0; h < strata; h++) {
      long n1 = 1 + random.nextInt(random.nextBoolean() ? 12 : 150);
      long n2 = 1 + random.nextInt(random.nextBoolean() ? 12 : 150);
      double p = random.nextDouble();
      double shift = random.nextDouble() * 0.3 - 0.15;
      rows.add(
          new long[] {
            binomial(random, n1, Math.min(1, Math.max(0, p + shift))), n1,
            binomial(random, n2, p), n2
          });
    }
    return StratifiedTables.of(rows.toArray(new long[0][]));
  }

  private static long binomial(SplittableRandom random, long n, double p) {
    long x = 0;
    for (long i = 0; i < n; i++) {
      x += random.nextDouble() < p ? 1 : 0;
    }
    return x;
  }

  private static Estimate computeOrNull(StratifiedMethod method, StratifiedTables t, double level) {
    try {
      return method.interval(t, level);
    } catch (StatsException e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }

  private static void close(String what, double expected, double actual) {
    if (Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs %s", what, expected, actual)
        .isLessThanOrEqualTo(ROOT_TOLERANCE * Math.max(1e-3, Math.abs(expected)));
  }

  private static void same(String what, Result expected, Result actual) {
    close(what + " estimate", expected.value(), actual.value());
    close(what + " lower", expected.lower(), actual.lower());
    close(what + " upper", expected.upper(), actual.upper());
  }

  @ParameterizedTest(name = "{0}: order, nesting, empty arms")
  @MethodSource("methods")
  void orderLevelAndEmptyArms(StratifiedMethod method) {
    SplittableRandom random = new SplittableRandom(0x57EA7AL + method.ordinal());
    int computed = 0;
    for (int i = 0; i < INPUTS; i++) {
      StratifiedTables t = random(random, 2 + random.nextInt(6));
      Estimate e90 = computeOrNull(method, t, 0.90);
      Estimate e99 = computeOrNull(method, t, 0.99);
      List<Stratum> shuffled = new ArrayList<>(t.strata());
      Collections.shuffle(shuffled, new Random(i));
      shuffled.add(random.nextInt(shuffled.size() + 1), new Stratum(0, 0, 3, 7));
      Estimate permuted = computeOrNull(method, new StratifiedTables(shuffled), 0.90);
      assertThat(e90 == null).as("applicability %s", t).isEqualTo(e99 == null);
      assertThat(e90 == null)
          .as("applicability after permutation %s", t)
          .isEqualTo(permuted == null);
      if (e90 == null) {
        continue;
      }
      computed++;
      same(method + " permuted " + t, e90, permuted);
      assertThat(permuted.note()).contains("1 of");
      if (LEVEL_DEPENDENT_WEIGHTS.contains(method)) {
        continue;
      }
      assertThat(e99.lower()).as("nesting %s", t).isLessThanOrEqualTo(e90.lower() + 1e-12);
      assertThat(e99.upper()).as("nesting %s", t).isGreaterThanOrEqualTo(e90.upper() - 1e-12);
      if (!Double.isNaN(e90.estimate())) {
        assertThat(e90.lower())
            .as("containment %s", t)
            .isLessThanOrEqualTo(e90.estimate() * (1 + 1e-12) + 1e-15);
        assertThat(e90.upper())
            .as("containment %s", t)
            .isGreaterThanOrEqualTo(e90.estimate() * (1 - 1e-12) - 1e-15);
      }
    }
    assertThat(computed).as("inputs where %s applies", method).isGreaterThan(INPUTS / 3);
  }

  /** The unstratified method each stratified one reduces to with one stratum. */
  private static Request single(StratifiedMethod method, Stratum s, double level) {
    String id =
        switch (method) {
          case RD_MH -> null;
          case RD_MH_GR -> "wald";
          case RD_SUMMARY_SCORE, RD_MN, RD_MN_IV, RR_MN, RR_MN_IV, OR_MN, OR_MN_IV -> "mn";
          case RD_NEWCOMBE, RD_NEWCOMBE_WILSON -> "newcombe";
          case RR_MH -> "katz";
          case OR_MH -> "woolf";
          case OR_EXACT_CONDITIONAL -> "exact-conditional";
        };
    return id == null
        ? null
        : Request.twoArms(
            MethodCatalogue.find(method.measure(), id), s.x1(), s.n1(), s.x2(), s.n2(), level);
  }

  @ParameterizedTest(name = "{0}: one stratum = unstratified")
  @MethodSource("methods")
  void oneStratumEqualsUnstratified(StratifiedMethod method) {
    if (method == StratifiedMethod.RD_MH) {
      return; // Sato's variance has no unstratified counterpart among the rd methods
    }
    SplittableRandom random = new SplittableRandom(0x0E57L + method.ordinal());
    int compared = 0;
    for (int i = 0; i < INPUTS; i++) {
      StratifiedTables t = random(random, 1);
      Stratum s = t.strata().get(0);
      Request request = single(method, s, 0.95);
      Estimate stratified = computeOrNull(method, t, 0.95);
      if (request == null || stratified == null) {
        continue;
      }
      Result plain;
      try {
        plain = MethodCatalogue.compute(request);
      } catch (StatsException e) {
        continue;
      }
      compared++;
      if (method == StratifiedMethod.RD_SUMMARY_SCORE) {
        close(
            "summary score midpoint " + s,
            0.5 * (plain.lower() + plain.upper()),
            stratified.estimate());
        close("summary score lower " + s, plain.lower(), stratified.lower());
        close("summary score upper " + s, plain.upper(), stratified.upper());
      } else {
        same(method + " " + s, plain, stratified);
      }
    }
    assertThat(compared).as("tables compared for %s", method).isGreaterThan(INPUTS / 3);
  }

  @ParameterizedTest(name = "{0}: 100 strata")
  @MethodSource("methods")
  void hundredStrata(StratifiedMethod method) {
    SplittableRandom random = new SplittableRandom(100 + method.ordinal());
    StratifiedTables t = random(random, 100);
    Estimate e = method.interval(t, 0.95);
    assertThat(e.lower()).isLessThan(e.upper());
    assertThat(Double.isFinite(e.lower()) && Double.isFinite(e.upper())).isTrue();
  }

  @ParameterizedTest(name = "{0}: one stratum, mirrored chi-square")
  @MethodSource("tests")
  void testsAreDefinedOrExplained(StratifiedTest test) {
    SplittableRandom random = new SplittableRandom(7 + test.ordinal());
    for (int i = 0; i < INPUTS; i++) {
      StratifiedTables t = random(random, 1 + random.nextInt(5));
      ChiSquareStatistic c = test.test(t);
      List<Stratum> reversed = new ArrayList<>(t.strata());
      Collections.reverse(reversed);
      ChiSquareStatistic r = test.test(new StratifiedTables(reversed));
      assertThat(c.defined()).isEqualTo(r.defined());
      if (c.defined()) {
        close(test + " order " + t, c.statistic(), r.statistic());
        assertThat(c.pValue()).isBetween(0.0, 1.0);
      }
    }
  }

  static Stream<Arguments> tests() {
    return Stream.of(StratifiedTest.values()).map(Arguments::of);
  }

  @ParameterizedTest(name = "CMH with one stratum is the (N-1)/N Pearson chi-square")
  @MethodSource("tests")
  void cmhWithOneStratum(StratifiedTest test) {
    if (test != StratifiedTest.CMH) {
      return;
    }
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < INPUTS; i++) {
      StratifiedTables t = random(random, 1);
      Stratum s = t.strata().get(0);
      ChiSquareStatistic c = test.test(t);
      if (!c.defined()) {
        continue;
      }
      Result pearson =
          MethodCatalogue.compute(
              Request.twoArms(
                  MethodCatalogue.find(Measure.TEST, "chisq"),
                  s.x1(),
                  s.n1(),
                  s.x2(),
                  s.n2(),
                  0.95));
      double total = s.n1() + s.n2();
      close("CMH vs Pearson " + s, pearson.value() * (total - 1) / total, c.statistic());
    }
  }
}
