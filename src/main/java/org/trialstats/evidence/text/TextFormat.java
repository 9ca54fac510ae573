package org.trialstats.evidence.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The markup of an input document, which decides how its plain text is extracted. */
public enum TextFormat {
  /** Plain text: taken as it is. */
  PLAIN("plain text"),
  /** Markdown: emphasis, code marks, heading and list markers and link targets removed. */
  MARKDOWN("Markdown"),
  /** HTML, parsed with jsoup: the text of the body, block elements on lines of their own. */
  HTML("HTML"),
  /**
   * MediaWiki markup: references, comments and templates removed, infobox parameters kept as {@code
   * name = value} lines, links replaced by their text.
   */
  MEDIAWIKI("MediaWiki markup"),
  /** PDF: the text layer as extracted by Apache PDFBox, page by page. */
  PDF("PDF text");

  private final String label;

  TextFormat(String label) {
    this.label = label;
  }

  /** Human name, e.g. {@code MediaWiki markup}. */
  public String label() {
    return label;
  }

  /**
   * The format of a file, from its name and its first bytes: {@code .pdf} (or a {@code %PDF-}
   * header), {@code .html}/{@code .htm}/{@code .xhtml} (or a leading {@code <!DOCTYPE html} or
   * {@code <html}), {@code .md}/{@code .markdown}, {@code .wiki}/{@code .mediawiki}; any other
   * text is MediaWiki when it contains template, link or reference markup ({@code {{}},
   * {@code [[}, {@code <ref}), else plain.
   *
   * @param fileName the file name (only its extension is used)
   * @param bytes the file's content
   * @return the detected format
   */
  public static TextFormat detect(String fileName, byte[] bytes) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdf") || startsWith(bytes, "%PDF-")) {
      return PDF;
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return HTML;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return MARKDOWN;
    }
    if (name.endsWith(".wiki") || name.endsWith(".mediawiki")) {
      return MEDIAWIKI;
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 1 << 16), StandardCharsets.UTF_8);
    String lower = head.stripLeading().toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
      return HTML;
    }
    if (head.contains("{{") || head.contains("[[") || head.contains("<ref")) {
      return MEDIAWIKI;
    }
    return PLAIN;
  }

  private static boolean startsWith(byte[] bytes, String ascii) {
    if (bytes.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
