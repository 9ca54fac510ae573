package org.trialstats.evidence.text;

import java.util.Objects;

/**
 * An input document that cannot be read as text: too large, binary, not UTF-8, a damaged or
 * encrypted PDF. The message names the file, the line (0 when the problem concerns the whole file)
 * and what was expected.
 */
public class TextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  /**
   * @param file the file name as given
   * @param line 1-based line of the problem, 0 for the whole file
   * @param problem what was expected and what was found
   */
  public TextException(String file, int line, String problem) {
    this(file, line, problem, null);
  }

  /** As {@link #TextException(String, int, String)}, keeping the underlying cause. */
  public TextException(String file, int line, String problem, Throwable cause) {
    super((line > 0 ? file + ":" + line + ": " : file + ": ") + problem, cause);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
  }

  /** The file name as given. */
  public String file() {
    return file;
  }

  /** 1-based line of the problem, 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
