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
 * Every closed-form and iterative interval method on a mix of small (10-50 per arm), medium
 * (100-1000) and large (10^4-10^6) tables, one table per operation, single thread. The exact
 * methods, whose cost depends on the counts, are in {@link ExactBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IntervalBenchmark {
  @Param({
    "proportion:wald",
    "proportion:wald-cc",
    "proportion:wilson",
    "proportion:wilson-cc",
    "proportion:jeffreys",
    "proportion:agresti-coull",
    "rd:wald",
    "rd:wald-cc",
    "rd:newcombe",
    "rd:newcombe-cc",
    "rd:mn",
    "rd:mee",
    "rd:agresti-caffo",
    "rd:hauck-anderson",
    "rr:katz",
    "rr:koopman",
    "rr:mn",
    "or:woolf",
    "or:woolf-haldane",
    "or:mn",
    "nnt:newcombe",
    "nnt:mn",
    "rate:byar",
    "rate:wald",
    "rate-ratio:wald",
    "rate-diff:wald",
    "sir:byar",
    "test:chisq",
    "test:chisq-yates"
  })
  public String method;

  private TwoByTwo[] tables;
  private Function<TwoByTwo, Result> evaluator;
  private int next;

  @Setup
  public void setUp() {
    tables = Workload.tables("mix", 1L);
    evaluator = Workload.evaluator(method);
  }

  @Benchmark
  public Result interval() {
    TwoByTwo t = tables[next];
    next = (next + 1) & (Workload.TABLES - 1);
    return evaluator.apply(t);
  }
}
