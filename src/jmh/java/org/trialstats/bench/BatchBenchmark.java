package org.trialstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstats.cli.BatchRunner;

/**
 * {@code batch} end to end without JVM start: {@link BatchRunner#run} on a generated CSV of 20,000
 * mixed rows ({@link Workload#BATCH_MIX}), CSV parse, compute, format and atomic write. The score
 * is rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class BatchBenchmark {
  static final int ROWS = 20_000;

  private Path folder;
  private Path input;
  private Path output;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("trialstats-batch-bench");
    input = folder.resolve("in.csv");
    output = folder.resolve("out.csv");
    Workload.writeBatchCsv(input, ROWS, 4L);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(input);
    Files.deleteIfExists(output);
    Files.deleteIfExists(folder);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public BatchRunner.Summary batch() throws IOException {
    return BatchRunner.run(input, output);
  }
}
