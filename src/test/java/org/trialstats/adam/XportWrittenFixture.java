package org.trialstats.adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialstats.adam.XportTestWriter.Member;
import org.trialstats.adam.XportTestWriter.Var;

/**
 * The transport file {@code fixtures/trialstats_written.xpt}, written by {@link XportTestWriter}
 * and read by R haven and pandas in {@code fixtures/make_written_reference.R} / {@code .py}, so the
 * test writer itself is checked by independent readers. Regenerate after changing the writer:
 * {@code java -cp target/test-classes:target/classes org.trialstats.adam.XportWrittenFixture
 * src/test/resources/org/trialstats/adam/fixtures/trialstats_written.xpt}, then rerun both scripts.
 */
final class XportWrittenFixture {
  private XportWrittenFixture() {}

  static Member member() {
    Var date = new Var("D", "A date", VariableType.NUMERIC, 8, "DATE", 9);
    Var shortNumber = new Var("S", "3-byte numeric", VariableType.NUMERIC, 3, "", 0);
    List<Var> vars =
        List.of(
            Var.chr("ID", "Identifier", 8),
            Var.num("X", "A number"),
            shortNumber,
            Var.chr("C", "Text", 30),
            date);
    double[] xs = {
      0, 1, -1, 0.1, 1.0 / 3, Math.PI, -118.625, 1e-70, -2.5e-60, 1e70, 81, 123456789.123456789
    };
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      Object x =
          i == 4
              ? new SasMissing('A')
              : i == 7 ? null : i == 9 ? new SasMissing('_') : (Object) xs[i];
      rows.add(
          new Object[] {
            "S-" + i, x, i * 54.0, i % 3 == 0 ? "" : "  text " + i + " end", 19183.0 + 17 * i
          });
    }
    return new Member("TSWRITE", "written by XportTestWriter", vars, rows);
  }

  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]), XportTestWriter.file(member()));
  }
}
