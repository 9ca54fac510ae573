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
 * targets being n = 100 under 50 ms and n = 500 under 2 s. Four tables per size ({@code table}, in
 * percent of each arm): 50% vs 40%, 10% vs 3%, 90% vs 80%, and 2% vs 0%.
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

  @Param({"50-40", "10-3", "90-80", "2-0"})
  public String table;

  private TwoByTwo counts;
  private Function<TwoByTwo, Estimate> evaluator;

  @Setup
  public void setUp() {
    String[] percent = table.split("-");
    counts =
        TwoByTwo.of(
            n * Long.parseLong(percent[0]) / 100, n, n * Long.parseLong(percent[1]) / 100, n);
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
    return evaluator.apply(counts);
  }
}
