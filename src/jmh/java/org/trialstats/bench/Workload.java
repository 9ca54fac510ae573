package org.trialstats.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.trialstats.stats.Binomial;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.NumberNeededToTreat;
import org.trialstats.stats.OddsRatioMethod;
import org.trialstats.stats.PoissonCount;
import org.trialstats.stats.ProportionMethod;
import org.trialstats.stats.RateDifferenceMethod;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.RateRatioMethod;
import org.trialstats.stats.Result;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;
import org.trialstats.stats.SirMethod;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.TwoByTwo;
import org.trialstats.stats.TwoByTwoTest;

/**
 * Seeded benchmark inputs shared by the JMH benchmarks, the timing harness and the batch-file
 * generator, so that every tool times the same tables.
 */
public final class Workload {
  /** Tables per generated set; benchmarks cycle through them so that no single table is cached. */
  public static final int TABLES = 1024;

  private Workload() {}

  /**
   * Arm sizes by class: small 10-50 per arm, medium 100-1000, large 10,000-1,000,000; {@code mix}
   * draws each table's class uniformly.
   */
  public static TwoByTwo[] tables(String size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TwoByTwo[] out = new TwoByTwo[TABLES];
    for (int i = 0; i < TABLES; i++) {
      String cls = size.equals("mix") ? new String[] {"small", "medium", "large"}[i % 3] : size;
      long n1 = armSize(cls, random);
      long n2 = armSize(cls, random);
      // event risks between 2% and 60%, different per arm, so intervals are not degenerate
      long x1 = Math.max(1, Math.round(n1 * (0.02 + 0.58 * random.nextDouble())));
      long x2 = Math.max(1, Math.round(n2 * (0.02 + 0.58 * random.nextDouble())));
      out[i] = TwoByTwo.of(Math.min(x1, n1 - 1), n1, Math.min(x2, n2 - 1), n2);
    }
    return out;
  }

  private static long armSize(String cls, SplittableRandom random) {
    return switch (cls) {
      case "small" -> random.nextLong(10, 51);
      case "medium" -> random.nextLong(100, 1001);
      case "large" -> random.nextLong(10_000, 1_000_001);
      default -> throw new IllegalArgumentException("size class " + cls);
    };
  }

  /**
   * The computation named {@code measure:method} applied to a table: binomial measures use the
   * counts as they are; rates read arm sizes as person-time (n * 1.5); the SIR uses arm 1 events
   * observed against x2 + 0.5 expected.
   */
  public static Function<TwoByTwo, Result> evaluator(String measureAndMethod) {
    int colon = measureAndMethod.indexOf(':');
    Measure measure = Measure.fromId(measureAndMethod.substring(0, colon));
    StatMethod method = MethodCatalogue.find(measure, measureAndMethod.substring(colon + 1));
    double level = 0.95;
    return switch (measure) {
      case PROPORTION ->
          t -> ((ProportionMethod) method).interval(new Binomial(t.x1(), t.n1()), level);
      case RD -> t -> ((RiskDifferenceMethod) method).interval(t, level);
      case RR -> t -> ((RiskRatioMethod) method).interval(t, level);
      case OR -> t -> ((OddsRatioMethod) method).interval(t, level);
      case NNT ->
          t ->
              NumberNeededToTreat.of(
                  t,
                  RiskDifferenceMethod.valueOf(
                      method.id().toUpperCase(Locale.ROOT).replace('-', '_')),
                  level);
      case TEST -> t -> ((TwoByTwoTest) method).test(t);
      case RATE -> t -> ((RateMethod) method).interval(rate(t.x1(), t.n1()), level);
      case RATE_RATIO ->
          t ->
              ((RateRatioMethod) method)
                  .interval(rate(t.x1(), t.n1()), rate(t.x2(), t.n2()), level);
      case RATE_DIFF ->
          t ->
              ((RateDifferenceMethod) method)
                  .interval(rate(t.x1(), t.n1()), rate(t.x2(), t.n2()), level);
      case SIR -> t -> ((SirMethod) method).interval(t.x1(), t.x2() + 0.5, level);
    };
  }

  private static PoissonCount rate(long events, long n) {
    return new PoissonCount(events, n * 1.5);
  }

  /**
   * The measure:method pairs of the mixed batch file, in rotation: every interval method except the
   * unconditional exact tests (Barnard, Boschloo), whose cost grows with n1 * n2 and which have
   * their own benchmark.
   */
  public static final String[] BATCH_MIX = {
    "proportion:wilson",
    "proportion:clopper-pearson",
    "proportion:jeffreys",
    "rd:wald",
    "rd:newcombe",
    "rd:mn",
    "rd:agresti-caffo",
    "rr:katz",
    "rr:koopman",
    "rr:mn",
    "or:woolf",
    "or:mn",
    "or:exact-conditional",
    "nnt:newcombe",
    "rate:exact",
    "rate:byar",
    "rate-ratio:exact-conditional",
    "rate-ratio:wald",
    "rate-diff:wald",
    "sir:exact",
    "test:chisq",
    "test:fisher"
  };

  /** Writes a batch input CSV of {@code rows} mixed requests (small and medium tables). */
  public static void writeBatchCsv(Path file, long rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,measure,method,events1,n1,events2,n2,exposure1,exposure2,expected,per,level\n");
      for (long i = 0; i < rows; i++) {
        String[] mm = BATCH_MIX[(int) (i % BATCH_MIX.length)].split(":");
        long n1 = random.nextLong(10, i % 2 == 0 ? 51 : 1001);
        long n2 = random.nextLong(10, i % 2 == 0 ? 51 : 1001);
        long x1 = random.nextLong(0, n1 + 1);
        long x2 = random.nextLong(0, n2 + 1);
        String measure = mm[0];
        StringBuilder b = new StringBuilder(96);
        b.append(i).append(',').append(measure).append(',').append(mm[1]).append(',');
        switch (measure) {
          case "rate", "rate-ratio", "rate-diff" ->
              b.append(x1)
                  .append(",,")
                  .append(x2)
                  .append(",,")
                  .append(n1 * 1.5)
                  .append(',')
                  .append(n2 * 1.5)
                  .append(",,");
          case "sir" -> b.append(x1).append(",,,,,,").append(x2 + 0.5).append(',');
          default ->
              b.append(x1)
                  .append(',')
                  .append(n1)
                  .append(',')
                  .append(x2)
                  .append(',')
                  .append(n2)
                  .append(",,,,");
        }
        b.append(measure.equals("rate") ? "1000" : "").append(",0.95\n");
        w.write(b.toString());
      }
    }
  }

  /** {@code java ... org.trialstats.bench.Workload OUT.csv ROWS}: writes a batch input file. */
  public static void main(String[] args) throws IOException {
    writeBatchCsv(Path.of(args[0]), Long.parseLong(args[1]), 20261122L);
  }
}
