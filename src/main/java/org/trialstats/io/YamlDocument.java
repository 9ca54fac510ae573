package org.trialstats.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The project's one YAML reader: a document parsed once into a tree whose every node and key knows
 * its line and column, with typed accessors whose errors name the file, the line and the field and
 * say what was expected.
 *
 * <p>Reading uses Jackson's YAML token stream (SnakeYAML's parser underneath), which never
 * constructs objects from tags. The reader accepts the YAML subset a reviewer needs and rejects the
 * rest with a located message: one document per file, no aliases, no explicit tags, no duplicate
 * keys. Errors are built by the caller's {@link ErrorFactory}, so each data package raises its own
 * {@link InvalidDataException} (a dataset's, a display shell's), all formatted {@code FILE:LINE:
 * field 'KEY': expected ..., got ...}.
 */
public final class YamlDocument {

  /** Builds the exception for one located problem, e.g. {@code DatasetException::new}. */
  @FunctionalInterface
  public interface ErrorFactory {
    /**
     * The exception for a problem.
     *
     * @param file the file name for messages
     * @param line 1-based line, or 0 when the problem concerns the whole file
     * @param field the key the problem is about, or null
     * @param message what was expected and what was found
     * @return the exception to throw
     */
    InvalidDataException create(String file, int line, String field, String message);
  }

  /** A node of the tree: a mapping, a list or a scalar, with its 1-based line and column. */
  public sealed interface Node permits MapNode, ListNode, ScalarNode {
    /**
     * Where the node starts.
     *
     * @return the 1-based line
     */
    int line();

    /**
     * Where the node starts.
     *
     * @return the 1-based column
     */
    int column();

    /**
     * The node as shown after "got" in messages, e.g. {@code the text '6,400'}, {@code a list}.
     *
     * @return the description
     */
    String describe();

    /**
     * Whether the node is a mapping.
     *
     * @return true for a {@link MapNode}
     */
    default boolean isMap() {
      return this instanceof MapNode;
    }

    /**
     * Whether the node is a list.
     *
     * @return true for a {@link ListNode}
     */
    default boolean isList() {
      return this instanceof ListNode;
    }

    /**
     * The entries of a mapping, in file order.
     *
     * @return the entries; empty for a list or a scalar
     */
    default List<Entry> entries() {
      return List.of();
    }

    /**
     * The entry with the given key.
     *
     * @param key the key
     * @return the entry, or null when absent or when the node is not a mapping
     */
    default Entry get(String key) {
      return null;
    }
  }

  /**
   * A key of a mapping with its position and value.
   *
   * @param key the key
   * @param line the key's 1-based line
   * @param column the key's 1-based column
   * @param value the value
   */
  public record Entry(String key, int line, int column, Node value) {}

  /**
   * A mapping, keys in file order.
   *
   * @param line 1-based line
   * @param column 1-based column
   * @param entries the entries
   */
  public record MapNode(int line, int column, List<Entry> entries) implements Node {
    @Override
    public Entry get(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /**
   * A sequence.
   *
   * @param line 1-based line
   * @param column 1-based column
   * @param items the items
   */
  public record ListNode(int line, int column, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** How the YAML parser typed a scalar. */
  public enum ScalarType {
    /** A string. */
    TEXT,
    /** An integer literal. */
    INTEGER,
    /** A floating-point literal. */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An empty value or {@code null}. */
    NULL
  }

  /**
   * A scalar as the YAML parser typed it.
   *
   * @param line 1-based line
   * @param column 1-based column
   * @param type how the parser typed it
   * @param text the scalar's text as written (for numbers, the literal, e.g. {@code 0.120})
   */
  public record ScalarNode(int line, int column, ScalarType type, String text) implements Node {
    /**
     * Whether the scalar is empty or {@code null}.
     *
     * @return true for {@link ScalarType#NULL}
     */
    public boolean isNull() {
      return type == ScalarType.NULL;
    }

    /**
     * Whether the parser read a number.
     *
     * @return true for an integer or floating-point literal
     */
    public boolean isNumber() {
      return type == ScalarType.INTEGER || type == ScalarType.DECIMAL;
    }

    @Override
    public String describe() {
      if (isNull()) {
        return "an empty value";
      }
      String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
      if (isNumber()) {
        return "the number " + shown;
      }
      if (type == ScalarType.BOOLEAN) {
        return "the boolean " + shown;
      }
      return "the text '" + shown.replace("\n", "\\n") + "'";
    }
  }

  private static final Map<Integer, YAMLFactory> FACTORIES = new ConcurrentHashMap<>();

  private final String file;
  private final ErrorFactory errors;
  private final Node root;

  private YamlDocument(String file, ErrorFactory errors, Node root) {
    this.file = file;
    this.errors = errors;
    this.root = root;
  }

  private static YAMLFactory factory(int maxChars) {
    return FACTORIES.computeIfAbsent(
        maxChars,
        limit -> {
          LoaderOptions options = new LoaderOptions();
          options.setCodePointLimit(limit);
          options.setMaxAliasesForCollections(0);
          return YAMLFactory.builder().loaderOptions(options).build();
        });
  }

  /**
   * Reads one YAML document.
   *
   * @param content the file's text
   * @param file the file name for messages
   * @param maxChars the most characters the reader accepts
   * @param errors builds the exception for a problem
   * @return the document (its root null when the document is empty)
   * @throws InvalidDataException from {@code errors}, for malformed YAML and the unsupported
   *     features listed above
   */
  public static YamlDocument parse(String content, String file, int maxChars, ErrorFactory errors) {
    YamlDocument document = new YamlDocument(file, errors, null);
    try (YAMLParser parser = factory(maxChars).createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return document;
      }
      Node root = document.read(parser, first);
      if (parser.nextToken() != null) {
        throw document.error(
            line(parser.currentTokenLocation()),
            null,
            "expected a single YAML document, got a second one (a '---' separator?)");
      }
      return new YamlDocument(file, errors, root);
    } catch (JacksonException e) {
      throw document.malformed(e);
    } catch (IOException e) {
      throw document.error(0, null, "expected readable YAML, got " + e.getMessage());
    }
  }

  private Node read(YAMLParser parser, JsonToken token) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = line(at);
    int column = column(at);
    rejectUnsupported(parser, line);
    if (token == JsonToken.START_OBJECT) {
      List<Entry> entries = new ArrayList<>();
      // keys seen so far, for the duplicate check in linear time (a shell or dataset may be large)
      Map<String, Entry> seen = new HashMap<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        JsonLocation keyAt = parser.currentTokenLocation();
        Entry earlier = seen.get(key);
        if (earlier != null) {
          throw error(
              line(keyAt),
              key,
              "expected each key once per mapping, got it again (first at line "
                  + earlier.line()
                  + ")");
        }
        Entry entry = new Entry(key, line(keyAt), column(keyAt), read(parser, parser.nextToken()));
        entries.add(entry);
        seen.put(key, entry);
      }
      return new MapNode(line, column, entries);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        items.add(read(parser, t));
      }
      return new ListNode(line, column, items);
    }
    ScalarType type =
        switch (token) {
          case VALUE_NUMBER_INT -> ScalarType.INTEGER;
          case VALUE_NUMBER_FLOAT -> ScalarType.DECIMAL;
          case VALUE_TRUE, VALUE_FALSE -> ScalarType.BOOLEAN;
          case VALUE_NULL -> ScalarType.NULL;
          default -> ScalarType.TEXT;
        };
    return new ScalarNode(line, column, type, parser.getText());
  }

  private void rejectUnsupported(YAMLParser parser, int line) throws IOException {
    if (parser.isCurrentAlias()) {
      throw error(
          line,
          null,
          "expected a plain value, got a YAML alias ('*"
              + parser.getText()
              + "'): write the value out");
    }
    Object tag = parser.getTypeId();
    if (tag != null) {
      throw error(line, null, "expected a plain value, got an explicit YAML tag (" + tag + ")");
    }
  }

  private InvalidDataException malformed(JacksonException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked) {
        Mark mark =
            marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
        return error(
            mark == null ? 0 : mark.getLine() + 1,
            null,
            "expected well-formed YAML, got a syntax error: " + context + marked.getProblem());
      }
    }
    JsonLocation location = e.getLocation();
    return error(
        location == null ? 0 : line(location),
        null,
        "expected well-formed YAML, got a syntax error: " + e.getOriginalMessage());
  }

  private static int line(JsonLocation location) {
    return Math.max(location.getLineNr(), 0);
  }

  private static int column(JsonLocation location) {
    return Math.max(location.getColumnNr(), 0);
  }

  // ---------------------------------------------------------------- the document

  /**
   * The file name used in messages.
   *
   * @return the file name
   */
  public String file() {
    return file;
  }

  /**
   * The root node.
   *
   * @return the root, or null when the document is empty
   */
  public Node root() {
    return root;
  }

  /**
   * The root as a mapping.
   *
   * @param expected what the file should hold, for messages (e.g. {@code a display shell (a YAML
   *     mapping)})
   * @return the root mapping
   * @throws InvalidDataException when the document is empty or its root is not a mapping
   */
  public MapNode rootMap(String expected) {
    if (root == null) {
      throw error(0, null, "expected " + expected + ", got an empty file");
    }
    if (!(root instanceof MapNode map)) {
      throw error(root.line(), null, "expected " + expected + ", got " + root.describe());
    }
    return map;
  }

  /**
   * The exception for a problem in this file.
   *
   * @param line 1-based line, or 0 for the whole file
   * @param field the key, or null
   * @param message what was expected and what was found
   * @return the exception, to be thrown by the caller
   */
  public InvalidDataException error(int line, String field, String message) {
    return errors.create(file, line, field, message);
  }

  // ---------------------------------------------------------------- typed accessors

  /**
   * Refuses keys outside {@code allowed}, listing the allowed ones.
   *
   * @param map the mapping
   * @param allowed the keys it may have
   * @param where the mapping as named in messages, e.g. {@code a count block}
   * @throws InvalidDataException at the first unknown key
   */
  public void keys(Node map, Set<String> allowed, String where) {
    for (Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        throw error(
            e.line(),
            e.key(),
            "unknown key in " + where + "; expected one of " + allowed.stream().sorted().toList());
      }
    }
  }

  /**
   * An optional child mapping.
   *
   * @param parent the mapping holding it
   * @param key its key
   * @return the mapping, or null when absent
   * @throws InvalidDataException when the value is not a mapping
   */
  public MapNode map(Node parent, String key) {
    Entry e = parent.get(key);
    if (e == null) {
      return null;
    }
    if (!(e.value() instanceof MapNode map)) {
      throw error(e.line(), key, "expected a mapping of keys, got " + e.value().describe());
    }
    return map;
  }

  /**
   * An optional list; a single scalar counts as a one-item list.
   *
   * @param parent the mapping holding it
   * @param key its key
   * @return the items, empty when absent or empty
   * @throws InvalidDataException when the value is a mapping
   */
  public List<Node> list(Node parent, String key) {
    Entry e = parent.get(key);
    if (e == null || isEmpty(e.value())) {
      return List.of();
    }
    if (e.value() instanceof ListNode list) {
      return list.items();
    }
    if (e.value() instanceof ScalarNode) {
      return List.of(e.value());
    }
    throw error(e.line(), key, "expected a list, got " + e.value().describe());
  }

  /**
   * The text of a scalar.
   *
   * @param parent the mapping holding it
   * @param key its key
   * @param required whether an absent or empty value is an error
   * @return the text as written, or null when absent or empty and not required
   * @throws InvalidDataException when required and missing, or when the value is a list or mapping
   */
  public String text(Node parent, String key, boolean required) {
    Entry e = parent.get(key);
    if (e == null || isEmpty(e.value())) {
      if (required) {
        throw error(parent.line(), key, "is required here and missing");
      }
      return null;
    }
    if (!(e.value() instanceof ScalarNode scalar)) {
      throw error(e.line(), key, "expected a single value, got " + e.value().describe());
    }
    return scalar.text();
  }

  /**
   * The text of a list item.
   *
   * @param item the item
   * @param where the list's key, for messages
   * @return the text as written
   * @throws InvalidDataException when the item is empty, a list or a mapping
   */
  public String text(Node item, String where) {
    if (!(item instanceof ScalarNode scalar) || scalar.isNull()) {
      throw error(item.line(), where, "expected a single value, got " + item.describe());
    }
    return scalar.text();
  }

  /**
   * An optional whole number in a range.
   *
   * @param parent the mapping holding it
   * @param key its key
   * @param fallback the value when absent
   * @param min the smallest accepted value
   * @param max the largest accepted value
   * @return the number, or {@code fallback}
   * @throws InvalidDataException when the value is not a whole number in range
   */
  public int integer(Node parent, String key, int fallback, int min, int max) {
    return inRange(
        parent,
        key,
        fallback,
        Integer::parseInt,
        v -> v >= min && v <= max,
        "a whole number",
        min,
        max);
  }

  /**
   * An optional number in a range.
   *
   * @param parent the mapping holding it
   * @param key its key
   * @param fallback the value when absent
   * @param min the smallest accepted value
   * @param max the largest accepted value
   * @return the number, or {@code fallback}
   * @throws InvalidDataException when the value is not a number in range
   */
  public double number(Node parent, String key, double fallback, double min, double max) {
    return inRange(
        parent,
        key,
        fallback,
        Double::parseDouble,
        v -> v >= min && v <= max,
        "a number",
        min,
        max);
  }

  /** The value under {@code key} parsed and accepted, or {@code fallback} when absent. */
  private <T> T inRange(
      Node parent,
      String key,
      T fallback,
      Function<String, T> parse,
      Predicate<T> accept,
      String expected,
      Object min,
      Object max) {
    String t = text(parent, key, false);
    if (t == null) {
      return fallback;
    }
    try {
      T v = parse.apply(t.strip());
      if (accept.test(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        line(parent, key),
        key,
        "expected " + expected + " from " + min + " to " + max + ", got " + t);
  }

  /**
   * An optional boolean: {@code true}/{@code yes} or {@code false}/{@code no}.
   *
   * @param parent the mapping holding it
   * @param key its key
   * @param fallback the value when absent
   * @return the value, or {@code fallback}
   * @throws InvalidDataException for any other value
   */
  public boolean bool(Node parent, String key, boolean fallback) {
    String t = text(parent, key, false);
    if (t == null) {
      return fallback;
    }
    return switch (t.strip()) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw error(line(parent, key), key, "expected true or false, got " + t);
    };
  }

  /**
   * The line of a key, for messages.
   *
   * @param parent the mapping
   * @param key the key
   * @return the key's line, or the mapping's when the key is absent
   */
  public int line(Node parent, String key) {
    Entry e = parent.get(key);
    return e == null ? parent.line() : e.line();
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar && scalar.isNull();
  }
}
