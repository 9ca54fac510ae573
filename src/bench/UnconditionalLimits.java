import java.util.Random;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.TwoByTwo;
import org.trialstats.stats.UnconditionalExactInterval;

/**
 * Prints both limits (17 significant digits) of the three exact unconditional intervals (rd score,
 * rd raw, rr score; gamma = 0) for seeded random tables, one line per table, to compare two
 * versions of {@code UnconditionalExactInterval} with {@code cmp}:
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) src/bench/UnconditionalLimits.java SEED COUNT MAX_ARM
 * </pre>
 *
 * (cp.txt from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}). Arms of 1
 * to MAX_ARM subjects, counts uniform, levels uniform in [0.8, 0.99].
 */
public class UnconditionalLimits {
  public static void main(String[] args) {
    Random random = new Random(Long.parseLong(args[0]));
    int count = Integer.parseInt(args[1]);
    int maxArm = Integer.parseInt(args[2]);
    for (int t = 0; t < count; t++) {
      int n1 = 1 + random.nextInt(maxArm);
      int n2 = 1 + random.nextInt(maxArm);
      int x1 = random.nextInt(n1 + 1);
      int x2 = random.nextInt(n2 + 1);
      double level = 0.8 + 0.19 * random.nextDouble();
      TwoByTwo table = TwoByTwo.of(x1, n1, x2, n2);
      StringBuilder line = new StringBuilder(x1 + "/" + n1 + " " + x2 + "/" + n2 + " " + level);
      for (int k = 0; k < 3; k++) {
        line.append(" | ");
        try {
          Estimate e =
              k == 2
                  ? UnconditionalExactInterval.riskRatio(table, level, 0, "rr")
                  : UnconditionalExactInterval.riskDifference(table, level, k == 0, 0, "rd");
          line.append(e.lower()).append(' ').append(e.upper());
        } catch (RuntimeException e) {
          line.append("error");
        }
      }
      System.out.println(line);
    }
  }
}
