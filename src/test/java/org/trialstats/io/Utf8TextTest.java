package org.trialstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict UTF-8 decoding: invalid bytes are located by file, line and byte offset. */
class Utf8TextTest {
  @TempDir Path temp;

  @Test
  void decodesAndDropsTheByteOrderMark() {
    byte[] bytes = "\uFEFFcaf\u00E9\nline 2\n".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8Text.decode("a.txt", bytes)).isEqualTo("caf\u00E9\nline 2\n");
  }

  @Test
  void anInvalidByteIsNamedWithItsFileLineAndOffset() throws IOException {
    byte[] bytes = {'a', '\n', 'b', 'c', '\n', 'd', (byte) 0xE9, 'e', '\n'};
    Utf8Text.MalformedException e =
        catchThrowableOfType(
            Utf8Text.MalformedException.class, () -> Utf8Text.decode("l.txt", bytes));
    assertThat(e.getMessage())
        .isEqualTo("l.txt:3: expected UTF-8 text, got the invalid byte 0xE9 at byte 6");
    assertThat(e.file()).isEqualTo("l.txt");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.offset()).isEqualTo(6);
    assertThat(e.problem()).isEqualTo("expected UTF-8 text, got the invalid byte 0xE9 at byte 6");
    Path file = temp.resolve("l.txt");
    Files.write(file, bytes);
    assertThat(Utf8Text.lineOfFirstInvalid(file)).isEqualTo(3);
  }

  @Test
  void aSequenceCutOffAtTheEndIsInvalid() {
    byte[] bytes = {'a', '\n', (byte) 0xC3};
    Utf8Text.MalformedException e =
        catchThrowableOfType(
            Utf8Text.MalformedException.class, () -> Utf8Text.decode("t.txt", bytes));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.offset()).isEqualTo(2);
  }
}
