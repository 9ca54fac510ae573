package org.trialstats.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstats.adam.CsvDatasetReader;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.TimeToEventColumns;
import org.trialstats.adam.TimeToEventData;
import org.trialstats.analysis.SurvivalAnalysis;
import org.trialstats.analysis.SurvivalRequest;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.LogRankTest;
import org.trialstats.survival.LogRankWeight;
import org.trialstats.survival.SurvivalSample;
import org.trialstats.survival.TiesMethod;

/**
 * Kaplan-Meier + log-rank + Cox (Efron) on n subjects in two groups with integer-day times (heavy
 * ties) and about a third censored: the in-memory computation on columns, and the whole use case
 * from a CSV file (read, compute, medians), and the CSV read alone. Milliseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SurvivalBenchmark {
  @Param({"10000", "1000000"})
  public int n;

  private double[] time;
  private boolean[] event;
  private int[] group;
  private Path csv;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    time = new double[n];
    event = new boolean[n];
    group = new int[n];
    csv = Files.createTempFile("survival-bench", ".csv");
    write(csv, n, time, event, group);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(csv);
  }

  /**
   * The design of {@code src/bench/compare_survival.sh} (its own seeded draws): arm 0 "Control"
   * with hazard 0.002 per day, arm 1 "Treatment" 0.0015, uniform censoring between day 200 and
   * 1000, times rounded up to whole days.
   */
  static void write(Path file, int n, double[] time, boolean[] event, int[] group)
      throws IOException {
    SplittableRandom random = new SplittableRandom(20261205L);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("time,status,arm\n");
      for (int i = 0; i < n; i++) {
        int arm = i % 2;
        double t = -Math.log(1 - random.nextDouble()) / (arm == 0 ? 0.002 : 0.0015);
        double c = 200 + random.nextDouble() * 800;
        boolean e = t <= c;
        time[i] = Math.floor(Math.min(t, c)) + 1;
        event[i] = e;
        group[i] = arm;
        out.write(
            String.format(
                Locale.ROOT,
                "%d,%d,%s%n",
                (long) time[i],
                e ? 1 : 0,
                arm == 0 ? "Control" : "Treatment"));
      }
    }
  }

  @Benchmark
  public double kaplanMeierLogRankCoxEfron() {
    SurvivalSample sample = SurvivalSample.of(time, event, group, 2, null, 1);
    double median =
        KaplanMeier.byGroup(sample)
            .get(0)
            .quantile(0.5, ConfidenceTransform.LOG, 0.95)
            .estimate()
            .orElse(0);
    double chi = LogRankTest.test(sample, LogRankWeight.LOG_RANK).chiSquare();
    return median + chi + CoxModel.fit(sample, 0, TiesMethod.EFRON, 0.95).logLikelihood();
  }

  /**
   * The CSV read alone (the largest phase of a fresh run): records into the time, event and group
   * columns, as {@link #fromCsv()} reads them.
   */
  @Benchmark
  public TimeToEventData readCsv() throws IOException {
    try (DatasetReader reader = CsvDatasetReader.open(csv)) {
      return TimeToEventData.read(
          reader,
          new TimeToEventColumns("time", "status", false, "arm", null, "USUBJID", null, List.of()),
          null);
    }
  }

  @Benchmark
  public SurvivalResult fromCsv() throws IOException {
    SurvivalRequest request =
        new SurvivalRequest(
            csv,
            new TimeToEventColumns(
                "time", "status", false, "arm", null, "USUBJID", null, List.of()),
            null,
            null,
            null,
            ConfidenceTransform.LOG,
            0.95,
            TiesMethod.EFRON,
            null,
            null);
    return SurvivalAnalysis.run(request, "bench");
  }
}
