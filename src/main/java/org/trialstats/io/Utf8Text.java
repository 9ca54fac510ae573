package org.trialstats.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place where input text is decoded strictly as UTF-8: an invalid byte sequence is an error
 * naming the file, the line and the byte offset, never a replacement character; a leading
 * byte-order mark is dropped.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * A byte sequence that is not UTF-8.
   *
   * <p>Message: {@code FILE:LINE: expected UTF-8 text, got the invalid byte 0xE9 at byte 15}.
   */
  public static final class MalformedException extends InvalidDataException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int offset;
    private final String problem;

    MalformedException(String file, int line, int offset, int value) {
      this(
          file,
          line,
          offset,
          String.format(
              Locale.ROOT,
              "expected UTF-8 text, got the invalid byte 0x%02X at byte %d",
              value,
              offset));
    }

    private MalformedException(String file, int line, int offset, String problem) {
      super(file + ":" + line + ": " + problem);
      this.file = file;
      this.line = line;
      this.offset = offset;
      this.problem = problem;
    }

    /**
     * What was expected and found, without the location.
     *
     * @return e.g. {@code expected UTF-8 text, got the invalid byte 0xE9 at byte 15}
     */
    public String problem() {
      return problem;
    }

    /**
     * The file, as named to {@link #decode}.
     *
     * @return the file name
     */
    public String file() {
      return file;
    }

    /**
     * The line of the first invalid byte.
     *
     * @return the 1-based line
     */
    public int line() {
      return line;
    }

    /**
     * Where the first invalid byte sequence starts.
     *
     * @return the 0-based byte offset (the length of the input for a sequence cut off at its end)
     */
    public int offset() {
      return offset;
    }
  }

  /**
   * A decoder that reports malformed and unmappable input instead of replacing it.
   *
   * @return a new strict UTF-8 decoder
   */
  public static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Decodes a file's bytes strictly, dropping a leading byte-order mark.
   *
   * @param file the file name for messages
   * @param bytes the file's bytes
   * @return the text
   * @throws MalformedException at the first byte sequence that is not UTF-8
   */
  public static String decode(String file, byte[] bytes) {
    CharsetDecoder decoder = decoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new MalformedException(
          file, lineOfByte(bytes, at), at, at < bytes.length ? bytes[at] & 0xFF : 0);
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The line (from 1) of the first byte sequence of a file that is not UTF-8, read as a stream.
   *
   * @param file the file
   * @return the line, or the last line when the file is valid or cannot be read
   */
  public static long lineOfFirstInvalid(Path file) {
    CharsetDecoder decoder = decoder();
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long lines = 1;
    try (InputStream in = Files.newInputStream(file)) {
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        bytes.position(bytes.position() + Math.max(n, 0));
        bytes.flip();
        int start = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, end);
        for (int i = start; i < bytes.position(); i++) {
          if (bytes.get(i) == '\n') {
            lines++;
          }
        }
        if (result.isError()) {
          return lines;
        }
        chars.clear();
        bytes.compact();
      }
    } catch (IOException e) {
      return lines;
    }
    return lines;
  }

  private static int lineOfByte(byte[] bytes, int end) {
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
