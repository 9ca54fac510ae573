import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the input of the build's class-data-sharing training run (pom.xml, executions
 * cds-training-data and cds-archive): a time-to-event CSV of 2,000 subjects in two arms, times in
 * whole days from 1 to 200 (so that, like trial data, they are tied and the survival command takes
 * the same paths as on real files), about a third censored. Run by the build in source-file mode:
 * {@code java src/build/CdsTrainingData.java target/cds-training.csv}. The values only decide which
 * classes the training run loads; the seed is fixed so that the build is repeatable.
 */
public final class CdsTrainingData {
  private CdsTrainingData() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CdsTrainingData OUTPUT.csv");
    }
    SplittableRandom random = new SplittableRandom(20261206L);
    StringBuilder csv = new StringBuilder("time,status,arm\n");
    for (int i = 0; i < 2000; i++) {
      String arm = i % 2 == 0 ? "Control" : "Treatment";
      int time = 1 + random.nextInt(200);
      int status = random.nextInt(3) == 0 ? 0 : 1;
      csv.append(String.format(Locale.ROOT, "%d,%d,%s\n", time, status, arm));
    }
    Path out = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(out.getParent());
    Files.writeString(out, csv, StandardCharsets.UTF_8);
  }
}
