package org.trialstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level line reader gives the lines {@link BufferedReader#readLine()} gives. */
class Utf8LinesTest {
  @TempDir Path temp;

  private List<String> read(byte[] bytes, int limit) throws IOException {
    Path file = temp.resolve("f.csv");
    Files.write(file, bytes);
    List<String> lines = new ArrayList<>();
    try (Utf8Lines in = Utf8Lines.open(file, limit)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        assertThat(in.line()).isEqualTo(lines.size());
      }
    }
    return lines;
  }

  private static List<String> expected(String text) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader in = new BufferedReader(new StringReader(text));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void splitsAtEveryKindOfLineBreakAsBufferedReaderDoes() throws IOException {
    String text = "a,b\r\n\r\nc\rd\n\ne,\u00e9,\u20ac,\ud83d\ude00\nlast";
    assertThat(read(text.getBytes(StandardCharsets.UTF_8), 100)).isEqualTo(expected(text));
    assertThat(read(new byte[0], 100)).isEmpty();
    assertThat(read("x\n".getBytes(StandardCharsets.UTF_8), 100)).containsExactly("x");
  }

  @Test
  void linesAcrossBufferBoundariesAreWhole() throws IOException {
    // Random lines of ASCII and multi-byte characters with every kind of break, long enough to
    // cross the 64 KiB buffer many times (also a \r\n and a character split between two reads).
    Random random = new Random(20261205);
    String[] pieces = {"a", "bc", ",", "\u00e9", "\u20ac", "\ud83d\ude00", "\n", "\r\n", "\r", "7"};
    StringBuilder text = new StringBuilder();
    while (text.length() < 600_000) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    String s = text.toString();
    assertThat(read(s.getBytes(StandardCharsets.UTF_8), 1 << 20)).isEqualTo(expected(s));
  }

  @Test
  void dropsTheByteOrderMarkOnlyAtTheStart() throws IOException {
    String text = "\ufeffa\n\ufeffb\n";
    assertThat(read(text.getBytes(StandardCharsets.UTF_8), 100)).containsExactly("a", "\ufeffb");
  }

  @Test
  void invalidUtf8IsAnErrorNamingItsLine() throws IOException {
    byte[] bytes = "ok\nstill ok\nbad \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = temp.resolve("latin1.csv");
    Files.write(file, bytes);
    try (Utf8Lines in = Utf8Lines.open(file, 100)) {
      assertThat(in.readLine()).isEqualTo("ok");
      assertThat(in.readLine()).isEqualTo("still ok");
      assertThatThrownBy(in::readLine)
          .isInstanceOfSatisfying(
              CharacterCodingException.class,
              e ->
                  assertThat(in.describe(e))
                      .isEqualTo(
                          "line 3: the file is not valid UTF-8 text (an invalid byte sequence);"
                              + " save it as UTF-8"));
    }
  }

  @Test
  void aLineOrRecordLongerThanTheLimitIsAnError() throws IOException {
    Path file = temp.resolve("long.csv");
    Files.writeString(file, "short\n" + "x".repeat(11) + "\n");
    try (Utf8Lines in = Utf8Lines.open(file, 10)) {
      assertThat(in.readLine()).isEqualTo("short");
      assertThatThrownBy(in::readLine)
          .isInstanceOf(CsvRecordLimit.RecordTooLongException.class)
          .hasMessage("line 2 is longer than 10 characters; is this a CSV file?");
    }
    // Exactly the limit, in multi-byte characters, is allowed.
    assertThat(read(("\u20ac".repeat(10) + "\n").getBytes(StandardCharsets.UTF_8), 10))
        .containsExactly("\u20ac".repeat(10));
    Files.writeString(file, "\"abc\ndef\nghi\n");
    try (Utf8Lines in = Utf8Lines.open(file, 10)) {
      assertThat(in.readLine()).isEqualTo("\"abc");
      assertThat(in.readContinuation()).isEqualTo("def");
      assertThatThrownBy(in::readContinuation)
          .hasMessage(
              "the record from line 1 to line 3 (a quoted field whose closing quote is missing?)"
                  + " is longer than 10 characters; is this a CSV file?");
    }
  }

  @Test
  void theLimitIsCheckedAsPerByteAcrossBuffersAndBeforeDecoding() throws IOException {
    // A line longer than the 64 KiB buffer: within the limit it is read whole, beyond it an error.
    String longLine = "y".repeat(200_000);
    assertThat(read((longLine + "\nz\n").getBytes(StandardCharsets.UTF_8), 200_000))
        .containsExactly(longLine, "z");
    Path file = temp.resolve("over.csv");
    Files.writeString(file, "a\n" + "y".repeat(200_001) + "\n");
    try (Utf8Lines in = Utf8Lines.open(file, 200_000)) {
      assertThat(in.readLine()).isEqualTo("a");
      assertThatThrownBy(in::readLine)
          .hasMessage("line 2 is longer than 200000 characters; is this a CSV file?");
    }
    // ASCII beyond the limit before an invalid byte: the length is reported, as a check after
    // every byte finds it first; within the limit, the invalid byte is.
    byte[] overLong = "12345678901\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, overLong);
    try (Utf8Lines in = Utf8Lines.open(file, 10)) {
      assertThatThrownBy(in::readLine).isInstanceOf(CsvRecordLimit.RecordTooLongException.class);
    }
    byte[] invalid = "123456789\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, invalid);
    try (Utf8Lines in = Utf8Lines.open(file, 10)) {
      assertThatThrownBy(in::readLine).isInstanceOf(CharacterCodingException.class);
    }
  }
}
