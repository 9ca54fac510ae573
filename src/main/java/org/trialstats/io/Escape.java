package org.trialstats.io;

/**
 * Escaping of text that comes from datasets before it is placed in a document, so that a study
 * named {@code <script>} or {@code =HYPERLINK(...)} is shown as text in every output format.
 */
public final class Escape {
  private Escape() {}

  /** Escapes HTML special characters (for element content and quoted attribute values). */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Escapes {@code s} as XML 1.0 character data that is also safe inside a quoted attribute: the
   * markup characters {@code & < > " '} become entity references, carriage return becomes a
   * character reference (a parser would otherwise turn it into a line feed), and characters that
   * XML 1.0 does not allow at all (control characters other than tab, line feed and carriage
   * return; U+FFFE, U+FFFF; unpaired surrogates) are dropped, since no escape can represent them
   * (XML 1.0, 5th ed., production [2] Char).
   */
  public static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\r' -> b.append("&#13;");
        case '\t', '\n' -> b.append(c);
        default -> {
          if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              b.append(c).append(s.charAt(++i));
            }
          } else if (c >= 0x20 && !Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Escapes text for a Markdown table cell: Markdown and HTML metacharacters are backslash- or
   * entity-escaped and line breaks become spaces.
   */
  public static String markdown(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> b.append('\\').append(c);
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\r', '\n' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Protects a CSV text cell against formula injection in spreadsheets: a cell that starts with
   * {@code = + - @}, a tab or a carriage return, and is not a plain number, is prefixed with a
   * single quote (OWASP CSV injection guidance). Numbers such as {@code -0.5} are left alone.
   */
  public static String csvText(String s) {
    if (s == null || s.isEmpty()) {
      return s == null ? "" : s;
    }
    char c = s.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (risky && !isNumber(s)) {
      return "'" + s;
    }
    return s;
  }

  private static boolean isNumber(String s) {
    if (s.equals("-Infinity") || s.equals("+Infinity")) {
      return true;
    }
    try {
      Double.parseDouble(s);
      return !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Escapes text for RTF: backslash and braces are escaped, non-ASCII characters become {@code
   * \\uN?} escapes, line breaks become {@code \\line}.
   */
  public static String rtf(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '{' || c == '}') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\line ");
      } else if (c == '\r') {
        continue;
      } else if (c < 0x20) {
        b.append(' ');
      } else if (c < 0x80) {
        b.append(c);
      } else {
        b.append("\\u").append((int) (short) c).append('?');
      }
    }
    return b.toString();
  }

  /**
   * Makes text from data safe to print on a terminal: control characters (other than line break and
   * tab) and the C1 controls, which a terminal takes as commands (colours, cursor moves, window
   * titles), and the bidirectional-override characters, which reorder what is shown, are written as
   * escapes: a backslash, x and two hexadecimal digits (u and four digits for the bidirectional
   * characters), e.g. ESC as {@code \x1b}.
   */
  public static String terminal(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
      boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (control || bidi) {
        if (b == null) {
          b = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        b.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
