package org.trialstats.evidence.text;

import java.util.Objects;

/**
 * Where a passage of extracted text came from in its source file. Lines and columns are 1-based;
 * columns count UTF-16 characters of the decoded source line, the end column is exclusive. For a
 * PDF, lines are those of the extracted text layer and {@code page} is the page (1-based); for
 * every other format {@code page} is 0.
 *
 * @param file the file name as given
 * @param startLine first line
 * @param startColumn column of the first character
 * @param endLine last line
 * @param endColumn column just after the last character
 * @param page the PDF page of the first character, 0 for other formats
 */
public record SourceSpan(
    String file, int startLine, int startColumn, int endLine, int endColumn, int page) {
  public SourceSpan {
    Objects.requireNonNull(file, "file");
    if (startLine < 1 || endLine < startLine || startColumn < 1 || endColumn < 1) {
      throw new IllegalArgumentException(
          "invalid span " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  /** {@code file:line:column-line:column}, with {@code page N} for a PDF. */
  public String describe() {
    String where = file + ":" + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    return page > 0 ? where + " (page " + page + ")" : where;
  }
}
