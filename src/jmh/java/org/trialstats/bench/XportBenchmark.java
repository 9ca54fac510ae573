package org.trialstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.trialstats.adam.XportReader;
import org.trialstats.adam.XportTestWriter;

/**
 * XPORT reading: opens a generated ADAE-like transport file of 50,000 observations (5 character and
 * 3 numeric variables, some missing) and reads every value. The score is observations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class XportBenchmark {
  static final int OBSERVATIONS = 50_000;

  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<XportTestWriter.Var> vars =
        List.of(
            XportTestWriter.Var.chr("USUBJID", "Unique Subject Identifier", 20),
            XportTestWriter.Var.chr("TRTA", "Actual Treatment", 24),
            XportTestWriter.Var.chr("AEBODSYS", "Body System or Organ Class", 60),
            XportTestWriter.Var.chr("AEDECOD", "Dictionary-Derived Term", 40),
            XportTestWriter.Var.chr("TRTEMFL", "Treatment Emergent Analysis Flag", 1),
            XportTestWriter.Var.num("ASTDY", "Analysis Start Relative Day"),
            XportTestWriter.Var.num("AENDY", "Analysis End Relative Day"),
            XportTestWriter.Var.num("AESEQ", "Sequence Number"));
    SplittableRandom random = new SplittableRandom(5L);
    List<Object[]> rows = new ArrayList<>(OBSERVATIONS);
    for (int i = 0; i < OBSERVATIONS; i++) {
      rows.add(
          new Object[] {
            "01-" + (700 + i / 5),
            i % 3 == 0 ? "Placebo" : "Xanomeline High Dose",
            "SOC " + random.nextInt(25),
            "TERM " + random.nextInt(300),
            i % 7 == 0 ? "" : "Y",
            (double) random.nextInt(1, 200),
            i % 11 == 0 ? null : (double) random.nextInt(1, 400),
            (double) (i % 5 + 1)
          });
    }
    file = Files.createTempFile("trialstats-xport-bench", ".xpt");
    Files.write(
        file,
        XportTestWriter.file(new XportTestWriter.Member("ADAE", "Adverse Events", vars, rows)));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  @OperationsPerInvocation(OBSERVATIONS)
  public double read() throws IOException {
    double sum = 0;
    try (XportReader reader = XportReader.open(file)) {
      reader.nextMember();
      int variables = reader.variables().size();
      while (reader.next()) {
        for (int i = 0; i < 5; i++) {
          sum += reader.text(i).length();
        }
        for (int i = 5; i < variables; i++) {
          double x = reader.number(i);
          sum += Double.isNaN(x) ? 0 : x;
        }
      }
    }
    return sum;
  }
}
