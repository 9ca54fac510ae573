package org.trialstats.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a UTF-8 text file, read from its bytes: line breaks {@code \n}, {@code \r\n} or
 * {@code \r} as {@link java.io.BufferedReader#readLine()} takes them, a byte-order mark at the
 * start dropped, invalid UTF-8 and over-long records reported with their line number.
 *
 * <p>Why not a {@code Reader}: a CSV file of a million subjects is mostly ASCII, and scanning its
 * bytes once for line breaks and non-ASCII bytes, then copying an ASCII line into a string as
 * Latin-1 (which equals its UTF-8 decoding), costs a fraction of decoding every character through a
 * chain of readers. A line with a byte above 127 is decoded strictly, so an invalid sequence is an
 * error, never a replacement character.
 *
 * <p>A record is one line, or several when a quoted field holds line breaks ({@link
 * #readContinuation()}); a record longer than the limit in characters (line breaks inside it
 * included) is an error, so a binary file or a quote that is never closed does not fill the memory.
 */
public final class Utf8Lines implements Closeable {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final int limit;
  private final CharsetDecoder decoder = Utf8Text.decoder();
  private byte[] buffer = new byte[1 << 16];
  private int position;
  private int end;
  private boolean endOfInput;
  private boolean started;

  /** The number of the last line returned (1-based), 0 before the first. */
  private long line;

  private long recordStartLine = 1;
  private long recordLength;

  private int lineStart;
  private int lineEnd;
  private boolean lineAscii;
  private String lineText;

  /** After a {@code \r}: a {@code \n} that follows belongs to the same line break. */
  private boolean afterCarriageReturn;

  private Utf8Lines(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /**
   * Opens a file.
   *
   * @param file the file
   * @param limit the longest record in characters
   * @return the lines of the file
   * @throws IOException when the file cannot be opened
   */
  public static Utf8Lines open(Path file, int limit) throws IOException {
    return new Utf8Lines(Files.newInputStream(file), limit);
  }

  /**
   * The number of the last line returned.
   *
   * @return the 1-based line number, 0 before the first line
   */
  public long line() {
    return line;
  }

  /**
   * The next line, starting a record.
   *
   * @return the line without its line break, or null at the end of the file
   * @throws IOException when the file cannot be read, its text is not UTF-8 ({@link
   *     CharacterCodingException}) or the line is longer than the limit ({@link
   *     CsvRecordLimit.RecordTooLongException})
   */
  public String readLine() throws IOException {
    return nextLine() ? text() : null;
  }

  /**
   * The next line, continuing the record of the previous one (a quoted field with a line break).
   *
   * @return the line without its line break, or null at the end of the file
   * @throws IOException as {@link #readLine()}, the limit applying to the whole record
   */
  public String readContinuation() throws IOException {
    return nextContinuation() ? text() : null;
  }

  /**
   * Moves to the next line, starting a record; its bytes are then {@link #bytes()} from {@link
   * #start()} to {@link #end()}, valid until the next move.
   *
   * @return false at the end of the file
   * @throws IOException as {@link #readLine()}
   */
  public boolean nextLine() throws IOException {
    recordStartLine = line + 1;
    recordLength = 0;
    return scan();
  }

  /**
   * Moves to the next line, continuing the record of the previous one.
   *
   * @return false at the end of the file
   * @throws IOException as {@link #readContinuation()}
   */
  public boolean nextContinuation() throws IOException {
    recordLength++;
    return scan();
  }

  /**
   * The buffer holding the current line: read it, never write it, and not after the next move.
   *
   * @return the buffer
   */
  public byte[] bytes() {
    return buffer;
  }

  /**
   * Where the current line starts in {@link #bytes()}.
   *
   * @return the index of its first byte
   */
  public int start() {
    return lineStart;
  }

  /**
   * Where the current line ends in {@link #bytes()}.
   *
   * @return the index after its last byte (its line break excluded)
   */
  public int end() {
    return lineEnd;
  }

  /**
   * Whether the current line is ASCII, so that each byte is one character.
   *
   * @return true when no byte is above 127
   */
  public boolean ascii() {
    return lineAscii;
  }

  /**
   * The current line as text.
   *
   * @return the line without its line break
   */
  public String text() {
    if (lineText == null) {
      // ASCII: Latin-1 decoding equals UTF-8 decoding and is a plain copy.
      lineText = new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
    }
    return lineText;
  }

  private boolean scan() throws IOException {
    if (!started) {
      started = true;
      fill();
      if (end >= 3 && Arrays.equals(buffer, 0, 3, BYTE_ORDER_MARK, 0, 3)) {
        position = 3;
      }
    }
    int start = position;
    boolean ascii = true;
    int i = position;
    while (true) {
      // The bytes buffered: one comparison per byte for most of them (line breaks and bytes above
      // 127, negative as Java bytes, are both <= '\r'); the limit is checked per buffer, not per
      // byte, with the same outcome (see checkLimit).
      int high = 0;
      while (i < end) {
        byte b = buffer[i];
        if (b <= '\r' && (b == '\n' || b == '\r')) {
          break;
        }
        high |= b;
        i++;
      }
      if (high < 0) {
        ascii = false;
      }
      checkLimit(start, i, ascii);
      if (i < end || endOfInput) {
        break;
      }
      int scanned = i - start;
      start = compact(start);
      i = start + scanned;
      fill();
    }
    if (i == start && i == end && endOfInput) {
      return false;
    }
    if (afterCarriageReturn && i == start && i < end && buffer[i] == '\n') {
      // The \n of a \r\n split over two reads.
      afterCarriageReturn = false;
      position = i + 1;
      return scan();
    }
    afterCarriageReturn = false;
    lineStart = start;
    lineEnd = i;
    lineAscii = ascii;
    lineText = ascii ? null : decode(start, i);
    line++;
    recordLength += ascii ? i - start : lineText.length();
    if (recordLength > limit) {
      throw new CsvRecordLimit.RecordTooLongException(recordStartLine, line, limit);
    }
    if (i < end) {
      if (buffer[i] == '\r') {
        i++;
        if (i == end && !endOfInput) {
          afterCarriageReturn = true;
        } else if (i < end && buffer[i] == '\n') {
          i++;
        }
      } else {
        i++;
      }
    }
    position = i;
    return true;
  }

  /**
   * Throws when the line scanned so far, {@code start} to {@code stop}, makes the record longer
   * than the limit, as a check after every byte would: while the line is ASCII each byte is one
   * character; from its first byte above 127 on, a character takes at most 4 bytes (the exact count
   * is checked once the line is decoded). Checked per buffer, this bounds the buffer as the check
   * per byte did.
   */
  private void checkLimit(int start, int stop, boolean ascii)
      throws CsvRecordLimit.RecordTooLongException {
    long length = recordLength + stop - start;
    if (ascii ? length <= limit : length <= 4L * limit && asciiPrefix(start, stop) <= limit) {
      return;
    }
    throw new CsvRecordLimit.RecordTooLongException(recordStartLine, line + 1, limit);
  }

  /** The record's length up to the first byte above 127 of the range (the range has one). */
  private long asciiPrefix(int start, int stop) {
    int i = start;
    while (i < stop && buffer[i] >= 0) {
      i++;
    }
    return recordLength + i - start;
  }

  private String decode(int start, int stop) throws CharacterCodingException {
    decoder.reset();
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(buffer, start, stop - start));
    return chars.toString();
  }

  /**
   * The message for an error of {@link #readLine()} or {@link #readContinuation()}, naming the
   * line.
   *
   * @param e the error
   * @return the message, starting with the line
   */
  public String describe(IOException e) {
    if (e instanceof CharacterCodingException) {
      return CsvRecordLimit.invalidUtf8(line + 1);
    }
    if (e instanceof CsvRecordLimit.RecordTooLongException) {
      return e.getMessage();
    }
    return "line " + (line + 1) + ": " + e.getMessage();
  }

  /** Moves the unread bytes from {@code start} to the front (growing the buffer when full). */
  private int compact(int start) {
    int remaining = end - start;
    if (start == 0 && remaining == buffer.length) {
      buffer = Arrays.copyOf(buffer, 2 * buffer.length);
    } else {
      System.arraycopy(buffer, start, buffer, 0, remaining);
    }
    position = 0;
    end = remaining;
    return 0;
  }

  private void fill() throws IOException {
    while (end < buffer.length) {
      int n = in.read(buffer, end, buffer.length - end);
      if (n < 0) {
        endOfInput = true;
        return;
      }
      end += n;
      if (n > 0) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
