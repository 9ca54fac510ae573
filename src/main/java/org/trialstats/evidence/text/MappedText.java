package org.trialstats.evidence.text;

import java.util.Arrays;

/**
 * Extracted text under construction, remembering for every character the offset in the source
 * string it came from. Whitespace runs are collapsed (at most one blank line), so that markup
 * removal does not leave sentences torn apart by stray spaces.
 */
final class MappedText {
  private final StringBuilder text = new StringBuilder();
  private int[] origin = new int[256];

  /** Appends {@code c}, which stands for the source character at {@code sourceOffset}. */
  void append(char c, int sourceOffset) {
    if (c == '\r' || c == '\t' || c == '\u00A0' || c == '\f') {
      c = c == '\f' ? '\n' : ' ';
    }
    int n = text.length();
    if (c == ' ' && (n == 0 || text.charAt(n - 1) == ' ' || text.charAt(n - 1) == '\n')) {
      return;
    }
    if (c == '\n') {
      while (n > 0 && text.charAt(n - 1) == ' ') {
        n--;
      }
      text.setLength(n);
      if (n == 0 || (n >= 2 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) == '\n')) {
        return;
      }
    }
    if (n == origin.length) {
      origin = Arrays.copyOf(origin, n * 2);
    }
    origin[n] = sourceOffset;
    text.append(c);
  }

  /** Ends the current line unless it is already ended (no blank line). */
  void lineBreak(int sourceOffset) {
    int n = text.length();
    while (n > 0 && text.charAt(n - 1) == ' ') {
      n--;
    }
    text.setLength(n);
    if (n > 0 && text.charAt(n - 1) != '\n') {
      append('\n', sourceOffset);
    }
  }

  /** Appends the source characters {@code [from, to)} as they are. */
  void appendSource(String source, int from, int to) {
    for (int i = from; i < to; i++) {
      append(source.charAt(i), i);
    }
  }

  /** Appends {@code s}, every character mapped to {@code sourceOffset}. */
  void appendAt(String s, int sourceOffset) {
    for (int i = 0; i < s.length(); i++) {
      append(s.charAt(i), sourceOffset);
    }
  }

  int length() {
    return text.length();
  }

  String text() {
    return text.toString();
  }

  int[] origin() {
    return Arrays.copyOf(origin, text.length());
  }
}
