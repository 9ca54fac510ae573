package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.analysis.RequestFields;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.Result;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StatsException;

/**
 * Invariants every interval of the catalogue must satisfy, over seeded random tables and rate pairs
 * fed through {@link MethodCatalogue#compute} (so every method of every measure is covered): 100
 * batches of 1,000 generated inputs per measure, i.e. 10^5 per measure, the batches of a measure
 * spread round-robin over its methods.
 *
 * <ul>
 *   <li>containment: lower &lt;= estimate &lt;= upper wherever the estimate is finite, except the
 *       documented disjoint NNT interval (lower &gt; upper, {@link
 *       org.trialstats.stats.NumberNeededToTreat}); the conditional mid-p odds ratio is only
 *       documented to miss its estimate at levels below about 0.5, and the levels used here are
 *       0.90 and 0.99;
 *   <li>range: limits inside the parameter space ([0, 1] proportions, [-1, 1] RD, [0, inf] ratios,
 *       rates and SIRs);
 *   <li>nesting: the 0.99 interval contains the 0.90 interval;
 *   <li>symmetry: swapping the arms negates RD, NNT and the rate difference and inverts RR, OR and
 *       the rate ratio (limits swap); x -&gt; n - x mirrors a single proportion (every proportion
 *       method is symmetric); two-sided test p-values do not depend on which arm is first.
 * </ul>
 *
 * <p>A {@link StatsException} (a method that does not apply to the counts, e.g. Woolf with a zero
 * cell) is an accepted outcome as long as it explains itself; anything else fails.
 *
 * <p>Methods with a size limit ({@link StatMethod#maxTables()}: the exact unconditional intervals,
 * which enumerate every table and take milliseconds even for small ones) get {@value
 * #LIMITED_INPUTS_PER_BATCH} inputs per batch with arms of at most {@value #LIMITED_ARM} subjects,
 * and each of those inputs is paired with one above the limit, which must be refused with a {@link
 * StatsException} naming the limit.
 */
class IntervalInvariantsTest {
  private static final int BATCHES_PER_MEASURE = 100;
  private static final int INPUTS_PER_BATCH = 1_000;
  private static final int LIMITED_INPUTS_PER_BATCH = 8;
  private static final int LIMITED_ARM = 16;

  /** Relative tolerance for comparisons that involve two independent root searches. */
  private static final double ROOT_TOLERANCE = 1e-7;

  static Stream<Arguments> batches() {
    List<Arguments> all = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      List<StatMethod> methods = MethodCatalogue.forMeasure(measure);
      for (int batch = 0; batch < BATCHES_PER_MEASURE; batch++) {
        all.add(Arguments.of(measure, methods.get(batch % methods.size()).id(), batch));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} batch {2}: 1000 generated inputs")
  @MethodSource("batches")
  void invariantsHold(Measure measure, String method, int batch) {
    SplittableRandom random =
        new SplittableRandom(0x5EED_0000L + 7919L * measure.ordinal() + batch);
    StatMethod statMethod = MethodCatalogue.find(measure, method);
    boolean limited = statMethod.maxTables() != Long.MAX_VALUE;
    int inputs = limited ? LIMITED_INPUTS_PER_BATCH : INPUTS_PER_BATCH;
    int computed = 0;
    for (int i = 0; i < inputs; i++) {
      RequestFields.Fields at90 =
          limited
              ? limited(measure, method, random, 0.90)
              : generate(measure, method, random, 0.90);
      if (limited) {
        checkRefusedAboveLimit(statMethod, aboveLimit(at90, statMethod, random));
      }
      RequestFields.Fields at99 = withLevel(at90, 0.99);
      Result e90 = computeOrNull(at90);
      // A test has no level: one evaluation serves both.
      Result e99 = measure == Measure.TEST ? e90 : computeOrNull(at99);
      if (e90 == null || e99 == null) {
        assertThat(e90 == null)
            .as("applicability must not depend on the level: %s", at90)
            .isEqualTo(e99 == null);
        continue;
      }
      computed++;
      checkOne(e90, at90);
      checkOne(e99, at99);
      if (measure != Measure.TEST) {
        checkNesting(e90, e99, at90);
      }
      checkSymmetry(measure, at90, e90);
    }
    // Most generated inputs must be computable, or the invariants were not exercised (Woolf and
    // Katz refuse zero cells, which a quarter of the generated tables have).
    assertThat(computed).as("computable inputs in the batch").isGreaterThan(inputs / 3);
  }

  /** A two-arm request within a limited method's size limit: arms of 1 to LIMITED_ARM. */
  private static RequestFields.Fields limited(
      Measure measure, String method, SplittableRandom random, double level) {
    long n1 = 1 + random.nextLong(LIMITED_ARM);
    long n2 = 1 + random.nextLong(LIMITED_ARM);
    return new RequestFields.Fields(
        measure,
        method,
        events(random, n1),
        n1,
        events(random, n2),
        n2,
        null,
        null,
        null,
        1,
        level);
  }

  /**
   * The request with arm sizes above the method's limit: n1 from just above sqrt(limit) to 10^9, n2
   * the smallest that makes (n1 + 1)(n2 + 1) exceed the limit (or larger); about the same
   * proportions, with at least one event.
   */
  private static RequestFields.Fields aboveLimit(
      RequestFields.Fields r, StatMethod method, SplittableRandom random) {
    long root = (long) Math.sqrt((double) method.maxTables());
    long n1 = root + 1 + random.nextLong(1_000_000_000L - root);
    long n2 = Math.max(1, method.maxTables() / (n1 + 1)) + random.nextLong(1_000);
    long x1 = Math.round((double) r.events1() / r.n1() * n1);
    long x2 = Math.round((double) r.events2() / r.n2() * n2);
    if (x1 == 0 && x2 == 0) {
      x1 = 1; // 0/0 would be refused as an undefined risk ratio before the size is looked at
    }
    RequestFields.Fields big =
        new RequestFields.Fields(
            r.measure(), r.method(), x1, n1, x2, n2, null, null, null, r.per(), r.level());
    assertThat(method.accepts(n1, n2)).as("%s is above the limit", big).isFalse();
    return random.nextBoolean() ? big : swapped(big);
  }

  private static void checkRefusedAboveLimit(StatMethod method, RequestFields.Fields r) {
    assertThatThrownBy(() -> MethodCatalogue.compute(RequestFields.request(r)))
        .as("%s refuses %s", method.id(), r)
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("(n1+1)(n2+1) <= " + method.maxTables());
  }

  private static Result computeOrNull(RequestFields.Fields r) {
    try {
      return MethodCatalogue.compute(RequestFields.request(r));
    } catch (StatsException e) {
      assertThat(e.getMessage()).as("message of %s", r).isNotBlank();
      return null;
    }
  }

  /** A random count from a mix of tiny, moderate, large and huge magnitudes. */
  static long size(SplittableRandom random, long tinyMax) {
    double u = random.nextDouble();
    if (u < 0.55) {
      return 1 + random.nextLong(tinyMax);
    } else if (u < 0.92) {
      return 1 + random.nextLong(1_000);
    } else if (u < 0.99) {
      return 1 + random.nextLong(1_000_000);
    }
    return 1 + random.nextLong(1_000_000_000L);
  }

  /** Events out of n, with extra weight on the edges 0, 1, n - 1 and n. */
  static long events(SplittableRandom random, long n) {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> n;
      case 2 -> Math.min(1, n);
      case 3 -> Math.max(0, n - 1);
      default -> random.nextLong(n + 1);
    };
  }

  private static double exposure(SplittableRandom random) {
    return Math.exp(random.nextDouble(Math.log(1e-3), Math.log(1e7)));
  }

  private static long rateEvents(SplittableRandom random) {
    return random.nextInt(5) == 0 ? 0 : random.nextLong(size(random, 30) + 1);
  }

  static RequestFields.Fields generate(
      Measure measure, String method, SplittableRandom random, double level) {
    switch (measure) {
      case PROPORTION -> {
        long n = size(random, 30);
        return new RequestFields.Fields(
            measure, method, events(random, n), n, null, null, null, null, null, 1, level);
      }
      case RATE, RATE_DIFF, RATE_RATIO -> {
        double per = random.nextBoolean() ? 1 : 1000;
        return new RequestFields.Fields(
            measure,
            method,
            rateEvents(random),
            null,
            rateEvents(random),
            null,
            exposure(random),
            exposure(random),
            null,
            per,
            level);
      }
      case SIR -> {
        return new RequestFields.Fields(
            measure,
            method,
            rateEvents(random),
            null,
            null,
            null,
            null,
            null,
            exposure(random),
            1,
            level);
      }
      default -> {
        // Unconditional exact tests maximise over a nuisance parameter: keep their tables small.
        boolean unconditional = method.equals("barnard") || method.equals("boschloo");
        long n1 = unconditional ? 1 + random.nextLong(5) : size(random, 30);
        long n2 = unconditional ? 1 + random.nextLong(5) : size(random, 30);
        return new RequestFields.Fields(
            measure,
            method,
            events(random, n1),
            n1,
            events(random, n2),
            n2,
            null,
            null,
            null,
            1,
            level);
      }
    }
  }

  static RequestFields.Fields withLevel(RequestFields.Fields r, double level) {
    return new RequestFields.Fields(
        r.measure(),
        r.method(),
        r.events1(),
        r.n1(),
        r.events2(),
        r.n2(),
        r.exposure1(),
        r.exposure2(),
        r.expected(),
        r.per(),
        level);
  }

  static RequestFields.Fields swapped(RequestFields.Fields r) {
    return new RequestFields.Fields(
        r.measure(),
        r.method(),
        r.events2(),
        r.n2(),
        r.events1(),
        r.n1(),
        r.exposure2(),
        r.exposure1(),
        r.expected(),
        r.per(),
        r.level());
  }

  private static void checkOne(Result e, RequestFields.Fields r) {
    Measure m = r.measure();
    if (m == Measure.TEST) {
      assertThat(e.pValue()).as("p-value of %s", r).isBetween(0.0, 1.0);
      return;
    }
    assertThat(e.lower()).as("lower of %s -> %s", r, e).isNotNaN();
    assertThat(e.upper()).as("upper of %s -> %s", r, e).isNotNaN();
    double lo;
    double hi;
    switch (m) {
      case PROPORTION -> {
        lo = 0;
        hi = 1;
      }
      case RD -> {
        lo = -1;
        hi = 1;
      }
      case RR, OR, RATE, RATE_RATIO, SIR -> {
        lo = 0;
        hi = Double.POSITIVE_INFINITY;
      }
      default -> {
        lo = Double.NEGATIVE_INFINITY;
        hi = Double.POSITIVE_INFINITY;
      }
    }
    if (m != Measure.NNT) {
      assertThat(e.lower())
          .as("lower inside the parameter range: %s -> %s", r, e)
          .isBetween(lo, hi);
      assertThat(e.upper())
          .as("upper inside the parameter range: %s -> %s", r, e)
          .isBetween(lo, hi);
      assertThat(e.lower()).as("lower <= upper: %s -> %s", r, e).isLessThanOrEqualTo(e.upper());
    }
    boolean disjointNnt = m == Measure.NNT && e.lower() > e.upper();
    // Agresti-Caffo reports the unadjusted d with limits centred on the adjusted difference, so
    // d = +/-1 (and, rarely, values near it) can lie outside its interval by construction.
    boolean agrestiCaffo = r.method().equals("agresti-caffo");
    if (Double.isFinite(e.value()) && !disjointNnt && !agrestiCaffo) {
      double slack = ROOT_TOLERANCE * Math.max(1, Math.abs(e.value()));
      assertThat(e.lower())
          .as("lower <= estimate: %s -> %s", r, e)
          .isLessThanOrEqualTo(e.value() + slack);
      assertThat(e.upper())
          .as("estimate <= upper: %s -> %s", r, e)
          .isGreaterThanOrEqualTo(e.value() - slack);
    }
    if (disjointNnt) {
      assertThat(e.note()).as("a disjoint NNT interval is explained: %s", r).isNotBlank();
    }
  }

  private static void checkNesting(Result e90, Result e99, RequestFields.Fields r) {
    if (r.measure() == Measure.NNT) {
      // A wider RD interval can only turn a one-piece NNT interval into a disjoint one.
      if (e90.lower() > e90.upper()) {
        assertThat(e99.lower())
            .as("0.99 NNT interval also disjoint: %s", r)
            .isGreaterThan(e99.upper());
      }
      return;
    }
    assertThat(e99.lower())
        .as("0.99 lower <= 0.90 lower: %s: %s %s", r, e90, e99)
        .isLessThanOrEqualTo(e90.lower() + slack(e90.lower()));
    assertThat(e99.upper())
        .as("0.99 upper >= 0.90 upper: %s: %s %s", r, e90, e99)
        .isGreaterThanOrEqualTo(e90.upper() - slack(e90.upper()));
  }

  private static double slack(double limit) {
    return Double.isInfinite(limit) ? 0 : ROOT_TOLERANCE * Math.max(1, Math.abs(limit));
  }

  private static void checkSymmetry(Measure m, RequestFields.Fields r, Result e) {
    switch (m) {
      case PROPORTION -> {
        RequestFields.Fields mirrored =
            new RequestFields.Fields(
                m,
                r.method(),
                r.n1() - r.events1(),
                r.n1(),
                null,
                null,
                null,
                null,
                null,
                1,
                r.level());
        Result f = MethodCatalogue.compute(RequestFields.request(mirrored));
        close(f.value(), 1 - e.value(), r, "mirrored estimate");
        close(f.lower(), 1 - e.upper(), r, "mirrored lower");
        close(f.upper(), 1 - e.lower(), r, "mirrored upper");
      }
      case RD, RATE_DIFF, NNT -> {
        Result f = MethodCatalogue.compute(RequestFields.request(swapped(r)));
        close(f.value(), -e.value(), r, "swapped estimate");
        close(f.lower(), -e.upper(), r, "swapped lower");
        close(f.upper(), -e.lower(), r, "swapped upper");
      }
      case RR, OR, RATE_RATIO -> {
        Result f = MethodCatalogue.compute(RequestFields.request(swapped(r)));
        if (!Double.isNaN(e.value())) {
          close(f.value(), 1 / e.value(), r, "swapped estimate");
        }
        close(f.lower(), 1 / e.upper(), r, "swapped lower");
        close(f.upper(), 1 / e.lower(), r, "swapped upper");
      }
      case TEST -> {
        Result f = MethodCatalogue.compute(RequestFields.request(swapped(r)));
        close(f.pValue(), e.pValue(), r, "p-value with the arms swapped");
      }
      default -> {
        // RATE and SIR describe one group: no arm symmetry.
      }
    }
  }

  private static void close(double actual, double expected, RequestFields.Fields r, String what) {
    if (actual == expected || (Double.isNaN(actual) && Double.isNaN(expected))) {
      return;
    }
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    // 1 - upper (the mirror of a proportion) is exact only to half an ulp of 1.
    double absolute = 4 * Math.ulp(1.0);
    if (Math.abs(actual - expected) <= Math.max(ROOT_TOLERANCE * scale, absolute)) {
      return;
    }
    fail(what + " of " + r + ": expected " + expected + ", got " + actual);
  }
}
