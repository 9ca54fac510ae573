package org.trialstats.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fails as soon as one line exceeds a maximum number of characters, so that a
 * hostile or corrupt input (one 100 MB field) is refused with a clear message instead of being
 * buffered whole by the CSV parser.
 */
public final class LineLengthLimit extends FilterReader {
  /** Thrown (wrapped by the parser) when a line is too long. */
  public static final class LineTooLongException extends IOException {
    LineTooLongException(long line, int limit) {
      super("line " + line + " is longer than " + limit + " characters; is this a CSV file?");
    }
  }

  private final int limit;
  private long line = 1;
  private int length;

  public LineLengthLimit(Reader in, int limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int count) throws IOException {
    int n = super.read(buffer, offset, count);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  private void count(char c) throws LineTooLongException {
    if (c == '\n') {
      line++;
      length = 0;
    } else if (++length > limit) {
      throw new LineTooLongException(line, limit);
    }
  }
}
