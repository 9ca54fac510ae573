package org.trialstats.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.TwoByTwo;
import org.trialstats.stats.UnconditionalExactInterval;

/**
 * One exact unconditional interval (both limits) for a table with n1 = n2 = {@code n}, the issue 14
 * targets being n = 100 under 50 ms and n = 500 under 2 s. Four tables per size cycle: 50% vs 40%,
 * 10% vs 3%, 90% vs 80%, and 2% vs 0% of each arm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class UnconditionalIntervalBenchmark {
  @Param({"rd-score", "rd-raw", "rr-score"})
  public String method;

  @Param({"100", "500"})
  public int n;

  private TwoByTwo[] tables;
  private Function<TwoByTwo, Estimate> evaluator;
  private int next;

  @Setup
  public void setUp() {
    tables =
        new TwoByTwo[] {
          TwoByTwo.of(n / 2, n, 2L * n / 5, n),
          TwoByTwo.of(n / 10, n, 3L * n / 100, n),
          TwoByTwo.of(9L * n / 10, n, 4L * n / 5, n),
          TwoByTwo.of(n / 50, n, 0, n)
        };
    evaluator =
        switch (method) {
          case "rd-score" ->
              t -> UnconditionalExactInterval.riskDifference(t, 0.95, true, 0, method);
          case "rd-raw" ->
              t -> UnconditionalExactInterval.riskDifference(t, 0.95, false, 0, method);
          default -> t -> UnconditionalExactInterval.riskRatio(t, 0.95, 0, method);
        };
  }

  @Benchmark
  public Estimate interval() {
    TwoByTwo t = tables[next];
    next = (next + 1) & 3;
    return evaluator.apply(t);
  }
}
