package org.trialstats.evidence;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.trialstats.io.InvalidDataException;

/**
 * A dataset could not be loaded because its files are invalid. The message lists every problem
 * found, one per line, each as {@code file:line: field 'x': expected ..., got ...}; the accessors
 * describe the first.
 */
public class DatasetException extends InvalidDataException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem in a dataset file.
   *
   * @param file file name relative to the dataset directory ({@code /} separators)
   * @param line 1-based line, or 0 when the problem concerns the whole file
   * @param field dotted field path within the entry (e.g. {@code treatment.events}), or null
   *     when the problem is not about a field (missing file, malformed YAML)
   * @param message what was expected and what was found
   */
  public record Problem(String file, int line, String field, String message) {
    public Problem {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: field 'x': message}, leaving out the parts that do not apply. */
    public String format() {
      StringBuilder s = new StringBuilder(file);
      if (line > 0) {
        s.append(':').append(line);
      }
      s.append(": ");
      if (field != null) {
        s.append("field '").append(field).append("': ");
      }
      return s.append(message).toString();
    }
  }

  private final List<Problem> problems;

  /** A single problem. */
  public DatasetException(String file, int line, String field, String message) {
    this(List.of(new Problem(file, line, field, message)));
  }

  /** Several problems, the first being the one the accessors describe. */
  public DatasetException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a DatasetException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** File of the first problem, relative to the dataset directory. */
  public String file() {
    return problems.get(0).file();
  }

  /** Line of the first problem (1-based; 0 when it concerns the whole file). */
  public int line() {
    return problems.get(0).line();
  }

  /** Field of the first problem, or null when it is not about a field. */
  public String field() {
    return problems.get(0).field();
  }

  /** All problems, in file order and then line order. */
  public List<Problem> problems() {
    return problems;
  }
}
