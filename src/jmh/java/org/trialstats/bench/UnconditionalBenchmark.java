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
 * Barnard and Boschloo unconditional exact tests (nuisance-parameter maximisation over a grid of
 * the whole n1 x n2 sample space) on small and medium tables; large tables are out of scope for
 * these tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class UnconditionalBenchmark {
  @Param({"test:barnard", "test:boschloo"})
  public String method;

  @Param({"small", "medium"})
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
  public Result unconditional() {
    TwoByTwo t = tables[next];
    next = (next + 1) & (Workload.TABLES - 1);
    return evaluator.apply(t);
  }
}
