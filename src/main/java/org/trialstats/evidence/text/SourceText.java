package org.trialstats.evidence.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The plain text of a document with, for every character, the place in the source it came from, so
 * that a passage found in the text can be cited by file, line and column of the source.
 */
public final class SourceText {
  private final String file;
  private final TextFormat format;
  private final String text;
  private final int[] origin;
  private final int[] lineStarts;
  private final int[] pageStarts;

  /**
   * @param file the file name shown in spans
   * @param format the markup the text was extracted from
   * @param text the extracted plain text
   * @param origin for each character of {@code text}, its offset in {@code source}
   * @param source the decoded source the offsets refer to (for a PDF, its extracted text)
   * @param pageStarts offsets in {@code source} where each PDF page starts; empty otherwise
   */
  SourceText(
      String file, TextFormat format, String text, int[] origin, String source, int[] pageStarts) {
    this.file = Objects.requireNonNull(file, "file");
    this.format = Objects.requireNonNull(format, "format");
    this.text = Objects.requireNonNull(text, "text");
    if (origin.length != text.length()) {
      throw new IllegalArgumentException("one origin per character expected");
    }
    this.origin = origin.clone();
    this.lineStarts = lineStarts(source);
    this.pageStarts = pageStarts.clone();
  }

  /** Plain text taken as it is: each character is its own origin. */
  public static SourceText plain(String file, String text) {
    int[] origin = new int[text.length()];
    Arrays.setAll(origin, i -> i);
    return new SourceText(file, TextFormat.PLAIN, text, origin, text, new int[0]);
  }

  /** The file name shown in spans. */
  public String file() {
    return file;
  }

  /** The markup the text was extracted from. */
  public TextFormat format() {
    return format;
  }

  /** The extracted plain text. */
  public String text() {
    return text;
  }

  /**
   * The source span of the extracted characters {@code [start, end)}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= start < end <= text().length()}
   */
  public SourceSpan span(int start, int end) {
    if (start < 0 || end > text.length() || start >= end) {
      throw new IndexOutOfBoundsException("span " + start + "-" + end + " of " + text.length());
    }
    int first = origin[start];
    int last = origin[end - 1];
    int startLine = lineOf(first);
    int endLine = lineOf(last);
    int page = 0;
    if (pageStarts.length > 0) {
      int p = Arrays.binarySearch(pageStarts, first);
      page = (p >= 0 ? p : -p - 2) + 1;
    }
    return new SourceSpan(
        file,
        startLine,
        first - lineStarts[startLine - 1] + 1,
        endLine,
        last - lineStarts[endLine - 1] + 2,
        page);
  }

  private int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  private static int[] lineStarts(String source) {
    int count = 1;
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
