package org.trialstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.StudyData;
import org.trialstats.stats.Result;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/**
 * A plain timing loop for side-by-side comparisons with R and statsmodels on the same inputs
 * (src/bench/compare.sh), where a JMH run per method would be too slow. Usage:
 *
 * <pre>
 * java -cp ... org.trialstats.bench.TimingHarness TABLES.csv measure:method ...
 * java -cp ... org.trialstats.bench.TimingHarness --meta STUDIES.csv estimator
 * java -cp ... org.trialstats.bench.TimingHarness --in-process trialstats-arguments...
 * </pre>
 *
 * {@code --in-process} runs one trialstats command inside this JVM five times and prints the wall
 * time of each run in seconds: the first run is the time after JVM start (class loading and
 * interpretation included), the later ones show the warmed-up cost.
 *
 * <p>TABLES.csv has a header and columns x1,n1,x2,n2; STUDIES.csv the same, one study per row. Each
 * method is warmed up for one second, then timed in five rounds of about half a second over the
 * whole input; the median rate is printed as {@code name<TAB>ops/s}. A table a method rejects (a
 * zero cell for Woolf) counts as one operation, as in {@code batch}.
 */
public final class TimingHarness {
  private static final int ROUNDS = 5;

  private TimingHarness() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("--in-process")) {
      String[] command = Arrays.copyOfRange(args, 1, args.length);
      for (int run = 1; run <= 5; run++) {
        long start = System.nanoTime();
        int exit = org.trialstats.cli.TrialStats.execute(command);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(
            String.format(Locale.ROOT, "run %d\t%.3f s\texit %d", run, seconds, exit));
      }
      return;
    }
    if (args.length >= 3 && args[0].equals("--meta")) {
      List<StudyData> studies = new ArrayList<>();
      int i = 0;
      for (long[] row : read(Path.of(args[1]))) {
        studies.add(StudyData.counts("s" + i++, null, row[0], row[1], row[2], row[3]));
      }
      for (int a = 2; a < args.length; a++) {
        MetaOptions options = MetaBenchmark.options(args[a]);
        print("meta:" + args[a], rate(() -> MetaAnalysis.run(studies, options).estimate(), 1));
      }
      return;
    }
    List<long[]> rows = read(Path.of(args[0]));
    TwoByTwo[] tables = new TwoByTwo[rows.size()];
    for (int i = 0; i < tables.length; i++) {
      long[] r = rows.get(i);
      tables[i] = TwoByTwo.of(r[0], r[1], r[2], r[3]);
    }
    for (String name : Arrays.copyOfRange(args, 1, args.length)) {
      Function<TwoByTwo, Result> f = Workload.evaluator(name);
      print(
          name,
          rate(
              () -> {
                double sink = 0;
                for (TwoByTwo t : tables) {
                  try {
                    sink += f.apply(t).upper();
                  } catch (StatsException e) {
                    // a method that does not apply to a table (e.g. a zero cell) still costs one
                    // call
                    sink += 1;
                  }
                }
                return sink;
              },
              tables.length));
    }
  }

  private static void print(String name, double opsPerSecond) {
    System.out.println(String.format(Locale.ROOT, "%s\t%.1f", name, opsPerSecond));
  }

  /** Median operations per second of {@code body}, which performs {@code opsPerCall} operations. */
  static double rate(java.util.function.DoubleSupplier body, int opsPerCall) {
    double sink = 0;
    long warmEnd = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      sink += body.getAsDouble();
    }
    double[] rates = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long start = System.nanoTime();
      long calls = 0;
      long elapsed;
      do {
        sink += body.getAsDouble();
        calls++;
        elapsed = System.nanoTime() - start;
      } while (elapsed < 500_000_000L);
      rates[r] = calls * (double) opsPerCall / (elapsed / 1e9);
    }
    if (sink == 42.4242) {
      System.out.print("");
    }
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  private static List<long[]> read(Path file) throws IOException {
    List<long[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
        continue;
      }
      String[] f = line.split(",");
      rows.add(
          new long[] {
            Long.parseLong(f[0].strip()), Long.parseLong(f[1].strip()),
            Long.parseLong(f[2].strip()), Long.parseLong(f[3].strip())
          });
    }
    return rows;
  }
}
