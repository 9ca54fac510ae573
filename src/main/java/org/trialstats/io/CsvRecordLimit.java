package org.trialstats.io;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reader that fails as soon as one CSV record exceeds a maximum number of characters, so that a
 * hostile or corrupt input (one 100 MB field, a gigabyte of NUL bytes, a quote that is never
 * closed) is refused with a clear message instead of being buffered whole by the CSV parser. It
 * counts records, not lines: a quoted field may hold line breaks (RFC 4180), and a record that
 * spans many lines is bounded as a whole.
 *
 * <p>The quote rules followed are those of RFC 4180 as Apache Commons CSV applies them with its
 * default format: a double quote opens a quoted field only as the first character of a field, a
 * doubled quote inside a quoted field is a literal quote, and a comma or line break ends a field
 * only outside quotes.
 */
public final class CsvRecordLimit extends FilterReader {
  /** Thrown (wrapped by the parser) when a record is too long. */
  public static final class RecordTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLongException(long startLine, long line, int limit) {
      super(
          (startLine == line
                  ? "line " + line
                  : "the record from line "
                      + startLine
                      + " to line "
                      + line
                      + " (a quoted field whose closing quote is missing?)")
              + " is longer than "
              + limit
              + " characters; is this a CSV file?");
    }
  }

  /** The default limit: 1 Mi characters per record, far above any real row of our inputs. */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  // The scanner's states, as ints: the scan runs over every character of a batch file, and a
  // switch over an enum there cost a visible share of a batch run's time.
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private final int limit;
  private final char[] one = new char[1];
  private int state = FIELD_START;
  private long line = 1;
  private long recordStartLine = 1;
  private int length;

  /** Whether a byte-order mark is still to be skipped (only before the first character). */
  private boolean skipByteOrderMark;

  /** The file read, when opened with {@link #openUtf8}: decoding errors are located in it. */
  private Path file;

  /**
   * @param in the characters of a CSV file
   * @param limit the largest number of characters a record may have, line breaks inside quoted
   *     fields included
   */
  public CsvRecordLimit(Reader in, int limit) {
    super(in);
    this.limit = limit;
  }

  /**
   * Opens a UTF-8 file for a CSV parser: invalid UTF-8 is an error (when the parser reaches it)
   * rather than replacement characters, a leading byte-order mark is skipped, and records are
   * limited to {@link #MAX_RECORD_CHARS} characters.
   */
  public static CsvRecordLimit openUtf8(Path file) throws IOException {
    CsvRecordLimit reader =
        new CsvRecordLimit(
            new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), Utf8Text.decoder()), 1 << 16),
            MAX_RECORD_CHARS);
    reader.skipByteOrderMark = true;
    reader.file = file;
    return reader;
  }

  /** The line number (from 1) of the last character read. */
  public long line() {
    return line;
  }

  /**
   * Describes a failure to read: the record that is too long, or the line where the text stops
   * being UTF-8, e.g. {@code line 3: the file is not valid UTF-8 text (malformed input of 1 byte)}.
   */
  public String describe(IOException e) {
    if (e instanceof RecordTooLongException) {
      return e.getMessage();
    }
    if (e instanceof CharacterCodingException) {
      // The decoder works ahead of the parser by a buffer: find the line in the bytes.
      long at = file == null ? line : Utf8Text.lineOfFirstInvalid(file);
      return invalidUtf8(at);
    }
    return "line " + line + ": " + e.getMessage();
  }

  /** The message for text that is not UTF-8, first found on this line. */
  static String invalidUtf8(long line) {
    return "line "
        + line
        + ": the file is not valid UTF-8 text (an invalid byte sequence); save it as UTF-8";
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c == '\uFEFF' && skipByteOrderMark) {
      c = super.read();
    }
    skipByteOrderMark = false;
    if (c >= 0) {
      one[0] = (char) c;
      scan(one, 0, 1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int count) throws IOException {
    int n = super.read(buffer, offset, count);
    if (n > 0 && skipByteOrderMark) {
      skipByteOrderMark = false;
      if (buffer[offset] == '\uFEFF') {
        System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
        n = n == 1 ? super.read(buffer, offset, count) : n - 1;
      }
    }
    if (n > 0) {
      scan(buffer, offset, offset + n);
    }
    return n;
  }

  /** Follows the quote state over {@code buffer[from, to)} and bounds each record's length. */
  private void scan(char[] buffer, int from, int to) throws RecordTooLongException {
    int s = state;
    int recordLength = length;
    for (int i = from; i < to; i++) {
      char c = buffer[i];
      if (s == QUOTED) {
        if (c == '"') {
          s = QUOTE_IN_QUOTED;
        } else if (c == '\n') {
          line++;
        }
      } else if (c == '"') {
        // Opens a quoted field at its start; after a closing quote it is a doubled quote.
        s = s == UNQUOTED ? UNQUOTED : QUOTED;
      } else if (c == ',') {
        s = FIELD_START;
      } else if (c == '\n') {
        s = FIELD_START;
        line++;
        recordLength = 0;
        recordStartLine = line;
        continue;
      } else {
        s = UNQUOTED;
      }
      if (++recordLength > limit) {
        state = s;
        length = recordLength;
        throw new RecordTooLongException(recordStartLine, line, limit);
      }
    }
    state = s;
    length = recordLength;
  }
}
