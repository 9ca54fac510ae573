package org.trialstats.evidence.text;

import java.util.Locale;
import java.util.Map;

/**
 * Plain text from MediaWiki markup, each character mapped back to the source.
 *
 * <ul>
 *   <li>comments {@code <!-- -->} and references {@code <ref>...</ref>}, {@code <ref .../>} are
 *       removed; other tags are removed and their content kept;
 *   <li>templates {@code {{...}}} are removed, except infoboxes ({@code Infobox ...}, {@code
 *       Drugbox}, {@code Chembox}), whose parameters become {@code name = value} lines, their own
 *       nested templates removed;
 *   <li>internal links {@code [[target|label]]} become their label (or target); file, image and
 *       category links are removed; external links {@code [url label]} become their label;
 *   <li>bold and italic quotes, heading {@code =} signs, list and indent markers at line start and
 *       table markup are removed; common character entities are decoded.
 * </ul>
 *
 * <p>Unbalanced markup is kept as text rather than rejected. Nesting deeper than {@value
 * #MAX_DEPTH} levels is an error (hostile input). Every scan for a closing mark happens at most
 * once per unmatched kind, so the conversion stays linear in the input size.
 */
final class MediaWikiText {
  static final int MAX_DEPTH = 40;

  private static final Map<String, String> ENTITIES =
      Map.of(
          "&nbsp;",
          " ",
          "&amp;",
          "&",
          "&lt;",
          "<",
          "&gt;",
          ">",
          "&ndash;",
          "\u2013",
          "&mdash;",
          "\u2014",
          "&minus;",
          "-",
          "&quot;",
          "\"",
          "&thinsp;",
          " ",
          "&times;",
          "x");

  private final String file;
  private final String src;
  private final MappedText out = new MappedText();
  private boolean templatesUnclosed;
  private boolean linksUnclosed;
  private boolean referencesUnclosed;
  private boolean headingLine;

  private MediaWikiText(String file, String src) {
    this.file = file;
    this.src = src;
  }

  static SourceText extract(String file, String source) {
    MediaWikiText converter = new MediaWikiText(file, source);
    converter.convert(0, source.length(), 0);
    return new SourceText(
        file,
        TextFormat.MEDIAWIKI,
        converter.out.text(),
        converter.out.origin(),
        source,
        new int[0]);
  }

  private void convert(int from, int to, int depth) {
    if (depth > MAX_DEPTH) {
      throw new TextException(
          file,
          line(from),
          "expected MediaWiki markup nested at most " + MAX_DEPTH + " levels deep, got deeper");
    }
    int i = from;
    while (i < to) {
      char c = src.charAt(i);
      boolean lineStart = i == 0 || src.charAt(i - 1) == '\n';
      if (lineStart) {
        headingLine = isHeadingLine(i);
        int skipped = skipLineMarkup(i, to);
        if (skipped != i) {
          i = skipped;
          continue;
        }
      }
      if (src.startsWith("<!--", i)) {
        int end = src.indexOf("-->", i + 4);
        i = end < 0 || end >= to ? to : end + 3;
      } else if (startsWithIgnoreCase("<ref", i)
          && i + 4 < to
          && (src.charAt(i + 4) == '>' || src.charAt(i + 4) == ' ')) {
        i = skipReference(i, to);
      } else if (c == '<'
          && i + 1 < to
          && (Character.isLetter(src.charAt(i + 1)) || src.charAt(i + 1) == '/')) {
        int end = src.indexOf('>', i);
        if (end < 0 || end >= to) {
          out.append(c, i++);
        } else {
          String tag = src.substring(i, end + 1).toLowerCase(Locale.ROOT);
          if (tag.startsWith("<br")) {
            out.append(' ', i);
          }
          i = end + 1;
        }
      } else if (src.startsWith("{{", i) && !templatesUnclosed) {
        int end = matching(i, to, "{{", "}}");
        if (end < 0) {
          templatesUnclosed = true;
          out.append(c, i++);
        } else {
          template(i + 2, end, depth);
          i = end + 2;
        }
      } else if (src.startsWith("[[", i) && !linksUnclosed) {
        int end = matching(i, to, "[[", "]]");
        if (end < 0) {
          linksUnclosed = true;
          out.append(c, i++);
        } else {
          link(i + 2, end, depth);
          i = end + 2;
        }
      } else if (c == '[' && (src.startsWith("[http", i) || src.startsWith("[//", i))) {
        int end = src.indexOf(']', i);
        int lineEnd = src.indexOf('\n', i);
        if (end < 0 || end >= to || (lineEnd >= 0 && lineEnd < end)) {
          out.append(c, i++);
        } else {
          int space = src.indexOf(' ', i);
          if (space > 0 && space < end) {
            convert(space + 1, end, depth + 1);
          }
          i = end + 1;
        }
      } else if (src.startsWith("''", i)) {
        while (i < to && src.charAt(i) == '\'') {
          i++;
        }
      } else if (c == '&') {
        i = entity(i, to);
      } else if (c == '=' && headingLine) {
        i++;
      } else {
        out.append(c, i++);
      }
    }
  }

  /** Skips list, indent and table markers at a line start; returns where the text resumes. */
  private int skipLineMarkup(int i, int to) {
    int j = i;
    if (src.startsWith("{|", j) || src.startsWith("|}", j) || src.startsWith("|-", j)) {
      int end = src.indexOf('\n', j);
      return end < 0 || end >= to ? to : end;
    }
    while (j < to
        && (src.charAt(j) == '*'
            || src.charAt(j) == '#'
            || src.charAt(j) == ':'
            || src.charAt(j) == ';'
            || src.charAt(j) == '!'
            || (src.charAt(j) == '|' && !src.startsWith("||", j)))) {
      j++;
    }
    return j;
  }

  /** Whether the line starting at {@code start} is a heading {@code == Title ==}. */
  private boolean isHeadingLine(int start) {
    int end = src.indexOf('\n', start);
    String line = src.substring(start, end < 0 ? src.length() : end).strip();
    return line.length() > 2 && line.startsWith("=") && line.endsWith("=");
  }

  private int skipReference(int i, int to) {
    int close = src.indexOf('>', i);
    if (close < 0 || close >= to) {
      return to;
    }
    if (src.charAt(close - 1) == '/') {
      return close + 1;
    }
    int end = referencesUnclosed ? -1 : indexOfIgnoreCase("</ref>", close, to);
    if (end < 0) {
      referencesUnclosed = true;
      return close + 1;
    }
    return end + "</ref>".length();
  }

  private void template(int from, int to, int depth) {
    int bar = topLevelBar(from, to);
    String name = src.substring(from, bar < 0 ? to : bar).strip().toLowerCase(Locale.ROOT);
    boolean infobox =
        name.startsWith("infobox") || name.equals("drugbox") || name.equals("chembox");
    if (!infobox || bar < 0) {
      return;
    }
    out.lineBreak(from);
    for (int start = bar + 1; start <= to; ) {
      int next = topLevelBar(start, to);
      int end = next < 0 ? to : next;
      int trimmed = end;
      while (trimmed > start && Character.isWhitespace(src.charAt(trimmed - 1))) {
        trimmed--;
      }
      convert(start, trimmed, depth + 1);
      out.lineBreak(start - 1);
      start = end + 1;
    }
  }

  private void link(int from, int to, int depth) {
    String target = src.substring(from, to).toLowerCase(Locale.ROOT);
    if (target.startsWith("file:")
        || target.startsWith("image:")
        || target.startsWith("category:")) {
      return;
    }
    int bar = topLevelBar(from, to);
    int last = bar;
    while (bar >= 0) {
      last = bar;
      bar = topLevelBar(bar + 1, to);
    }
    convert(last < 0 ? from : last + 1, to, depth + 1);
  }

  /** First {@code |} in {@code [from, to)} outside nested templates and links, or -1. */
  private int topLevelBar(int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      if (src.startsWith("{{", i) || src.startsWith("[[", i)) {
        depth++;
        i++;
      } else if ((src.startsWith("}}", i) || src.startsWith("]]", i)) && depth > 0) {
        depth--;
        i++;
      } else if (src.charAt(i) == '|' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the {@code close} matching the {@code open} at {@code i}, or -1. */
  private int matching(int i, int to, String open, String close) {
    int depth = 0;
    for (int j = i; j + 1 < to + 1 && j < src.length() - 1; j++) {
      if (src.startsWith(open, j)) {
        depth++;
        j++;
      } else if (src.startsWith(close, j)) {
        depth--;
        if (depth == 0) {
          return j + close.length() <= to ? j : -1;
        }
        j++;
      }
    }
    return -1;
  }

  private int entity(int i, int to) {
    for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
      if (src.startsWith(e.getKey(), i)) {
        out.appendAt(e.getValue(), i);
        return i + e.getKey().length();
      }
    }
    if (src.startsWith("&#", i)) {
      int end = src.indexOf(';', i);
      if (end > i + 2 && end - i < 10 && end < to) {
        String digits = src.substring(i + 2, end);
        try {
          int code =
              digits.startsWith("x") || digits.startsWith("X")
                  ? Integer.parseInt(digits.substring(1), 16)
                  : Integer.parseInt(digits);
          if (Character.isValidCodePoint(code)) {
            out.appendAt(new String(Character.toChars(code)), i);
            return end + 1;
          }
        } catch (NumberFormatException e) {
          // not a character reference: keep the text as written
        }
      }
    }
    out.append('&', i);
    return i + 1;
  }

  private boolean startsWithIgnoreCase(String prefix, int i) {
    return src.regionMatches(true, i, prefix, 0, prefix.length());
  }

  private int indexOfIgnoreCase(String needle, int from, int to) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (src.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private int line(int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
