package org.trialstats.evidence.text;

/**
 * Plain text of a Markdown document (CommonMark's common constructs): heading, quote and list
 * markers at line starts, emphasis and code marks ({@code *}, {@code _} at word edges, {@code `}),
 * HTML tags and link or image targets ({@code [text](url)} becomes {@code text}) are removed; code
 * blocks and table cells are kept as text (pipes become spaces).
 */
final class MarkdownText {
  private MarkdownText() {}

  static SourceText extract(String file, String src) {
    MappedText out = new MappedText();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (i == 0 || src.charAt(i - 1) == '\n') {
        int j = i;
        while (j < n && (src.charAt(j) == ' ' || src.charAt(j) == '>')) {
          j++;
        }
        if (j < n && src.charAt(j) == '#') {
          while (j < n && src.charAt(j) == '#') {
            j++;
          }
        } else if (j + 1 < n
            && (src.charAt(j) == '-' || src.charAt(j) == '*' || src.charAt(j) == '+')
            && src.charAt(j + 1) == ' ') {
          j += 2;
        }
        if (j > i) {
          i = j;
          continue;
        }
      }
      if (c == '!' && i + 1 < n && src.charAt(i + 1) == '[') {
        i++;
      } else if (c == '[') {
        int close = src.indexOf(']', i);
        int lineEnd = src.indexOf('\n', i);
        if (close > 0
            && (lineEnd < 0 || close < lineEnd)
            && close + 1 < n
            && src.charAt(close + 1) == '(') {
          int paren = src.indexOf(')', close);
          if (paren > 0 && (lineEnd < 0 || paren < lineEnd)) {
            out.appendSource(src, i + 1, close);
            i = paren + 1;
            continue;
          }
        }
        out.append(c, i++);
      } else if (c == '`' || ((c == '*' || c == '_') && emphasisMark(src, i))) {
        i++;
      } else if (c == '|') {
        out.append(' ', i++);
      } else if (c == '<'
          && i + 1 < n
          && (Character.isLetter(src.charAt(i + 1)) || src.charAt(i + 1) == '/')) {
        int end = src.indexOf('>', i);
        int lineEnd = src.indexOf('\n', i);
        if (end > 0 && (lineEnd < 0 || end < lineEnd)) {
          i = end + 1;
        } else {
          out.append(c, i++);
        }
      } else {
        out.append(c, i++);
      }
    }
    return new SourceText(file, TextFormat.MARKDOWN, out.text(), out.origin(), src, new int[0]);
  }

  /** A {@code *} or {@code _} next to a non-letter on at least one side (not inside a word). */
  private static boolean emphasisMark(String src, int i) {
    boolean letterBefore = i > 0 && Character.isLetterOrDigit(src.charAt(i - 1));
    boolean letterAfter = i + 1 < src.length() && Character.isLetterOrDigit(src.charAt(i + 1));
    return !(letterBefore && letterAfter);
  }
}
