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
import org.trialstats.stats.Result;
import org.trialstats.stats.TwoByTwo;

/**
 * Exact methods by table size: Clopper-Pearson, mid-p, conditional exact odds ratio, exact Poisson
 * (rate, rate ratio, SIR) and Fisher. Barnard and Boschloo are in {@link UnconditionalBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ExactBenchmark {
  @Param({
    "proportion:clopper-pearson",
    "proportion:mid-p",
    "or:exact-conditional",
    "or:mid-p",
    "rate:exact",
    "rate:mid-p",
    "rate-ratio:exact-conditional",
    "rate-ratio:mid-p",
    "sir:exact",
    "sir:mid-p",
    "test:fisher"
  })
  public String method;

  @Param({"small", "medium", "large"})
  public String size;

  private TwoByTwo[] tables;
  private Function<TwoByTwo, Result> evaluator;
  private int next;

  @Setup
  public void setUp() {
    tables = Workload.tables(size, 2L);
    evaluator = Workload.evaluator(method);
  }

  @Benchmark
  public Result exact() {
    TwoByTwo t = tables[next];
    next = (next + 1) & (Workload.TABLES - 1);
    return evaluator.apply(t);
  }
}
