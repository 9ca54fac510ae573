package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4180 reading: quoted fields, doubled quotes, line breaks in quotes, empty lines. */
class CsvDatasetReaderTest {
  @TempDir Path dir;

  private List<List<String>> read(String text) throws IOException {
    Path file = dir.resolve("d.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    try (DatasetReader r = CsvDatasetReader.open(file)) {
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < r.variables().size(); i++) {
          row.add(r.text(i));
        }
        row.add(r.position());
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void quotedFieldsLineBreaksAndEmptyLines() throws IOException {
    String text =
        "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",\n3,ab\"c,\"\"\n";
    assertThat(read(text))
        .containsExactly(
            List.of("1", "x, y", "say \"hi\"", "d.csv, line 2"),
            List.of("2", "two\nlines", "", "d.csv, line 5"),
            List.of("3", "ab\"c", "", "d.csv, line 6"));
  }

  private static double plainDecimal(String text, int start, int end) {
    return CsvDatasetReader.plainDecimal(
        text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), start, end);
  }

  /** The plain-decimal fast path gives exactly Double.parseDouble's value, or defers to it. */
  @Test
  void plainDecimalsParseExactlyAsDoubleParseDouble() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(12);
    for (int i = 0; i < 200_000; i++) {
      long digits = random.nextLong(1, 1_000_000_000_000_000L);
      String text = Long.toString(digits);
      int point = random.nextInt(text.length() + 1);
      if (point < text.length()) {
        text = text.substring(0, point) + "." + text.substring(point);
      }
      if (random.nextBoolean()) {
        text = "-" + text;
      }
      double fast = plainDecimal(text, 0, text.length());
      if (!Double.isNaN(fast)) {
        assertThat(fast).as(text).isEqualTo(Double.parseDouble(text));
      }
    }
    assertThat(plainDecimal("x1,2.50,y", 3, 7)).isEqualTo(2.5);
    for (String deferred : new String[] {"", "-", "1e5", " 1", "1.", "1.2.3", "1234567890123456"}) {
      assertThat(plainDecimal(deferred, 0, deferred.length())).as(deferred).isNaN();
    }
  }

  @Test
  void malformedQuotingIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
        .isInstanceOf(AdamDataException.class)
        .hasMessage(
            "d.csv: cannot parse CSV: the quoted field opened on line 2 is not closed"
                + " before the end of the file");
    assertThatThrownBy(() -> read("a,b\n1,\"x\"y\n"))
        .isInstanceOf(AdamDataException.class)
        .hasMessageContaining("line 2: cannot parse CSV: invalid character 'y'");
    assertThatThrownBy(() -> read("a,b\n1,2,3\n"))
        .isInstanceOf(AdamDataException.class)
        .hasMessage("d.csv, line 2: 3 fields, but the header row names 2 columns");
  }
}
