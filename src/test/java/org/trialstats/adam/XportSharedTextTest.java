package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstats.adam.XportTestWriter.Member;
import org.trialstats.adam.XportTestWriter.Var;

/**
 * {@link XportReader#sharedText} returns exactly what {@link XportReader#text} returns (trailing
 * blanks and NULs removed, leading blanks kept, UTF-8 or Latin-1 decoding, numbers as text), and
 * one instance per distinct field of a variable, also in a second member.
 */
class XportSharedTextTest {
  @TempDir Path dir;

  private static final String[] VALUES = {
    "",
    " ",
    "RASH",
    "RASH ",
    " RASH",
    "RASH\0\0",
    "PRURITUS",
    "ÉRYTHÈME",
    "A",
    "AB",
    "APPLICATION SITE PRURITUS",
    "APPLICATION SITE ERYTHEMA"
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void sharedTextEqualsTextWithOneInstancePerValue(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < 2000; r++) {
      rows.add(
          new Object[] {
            VALUES[random.nextInt(VALUES.length)],
            "ID-" + random.nextInt(300),
            random.nextInt(4) == 0 ? null : (double) random.nextInt(50)
          });
    }
    List<Var> vars = List.of(Var.chr("TERM", "", 30), Var.chr("ID", "", 7), Var.num("DAY", ""));
    Path file =
        Files.write(
            dir.resolve("a.xpt"),
            XportTestWriter.file(
                new Member("ONE", "", vars, rows),
                new Member("TWO", "", vars, rows.subList(0, 500))));
    try (XportReader reader = XportReader.open(file)) {
      for (int member = 0; member < 2; member++) {
        reader.nextMember();
        Map<String, String> first = new HashMap<>();
        int n = 0;
        while (reader.next()) {
          for (int v = 0; v < 3; v++) {
            String shared = reader.sharedText(v);
            assertThat(shared).isEqualTo(reader.text(v));
            if (v < 2) {
              // one instance per distinct field (the writer pads with blanks: "RASH" and "RASH "
              // are the same field, "RASH\0\0" another)
              String field = ((String) rows.get(n)[v]).stripTrailing();
              assertThat(first.computeIfAbsent(v + ":" + field, k -> shared)).isSameAs(shared);
            }
          }
          n++;
        }
        assertThat(n).isEqualTo(member == 0 ? 2000 : 500);
      }
    }
  }
}
