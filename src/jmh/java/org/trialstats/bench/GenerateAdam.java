package org.trialstats.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.trialstats.adam.AdamWorkload;

/**
 * Writes a synthetic ADSL/ADAE pair for {@code ae-table} scale runs (see {@link AdamWorkload}).
 * Usage: {@code GenerateAdam FOLDER SUBJECTS RECORDS [TERMS [SEED]]}; defaults 1,000 preferred
 * terms and seed 1. BENCHMARKS.md uses 100000 subjects and 10000000 records.
 */
public final class GenerateAdam {
  private GenerateAdam() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: GenerateAdam FOLDER SUBJECTS RECORDS [TERMS [SEED]]");
      System.exit(2);
    }
    long start = System.nanoTime();
    AdamWorkload.Written written =
        AdamWorkload.write(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            Long.parseLong(args[2]),
            args.length > 3 ? Integer.parseInt(args[3]) : 1000,
            args.length > 4 ? Long.parseLong(args[4]) : 1L);
    System.out.printf(
        java.util.Locale.ROOT, "%s in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
  }
}
