package org.trialstats.evidence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into a tree whose every node and key knows its line, for validation messages
 * that point at the offending line.
 *
 * <p>Reading uses Jackson's YAML token stream (SnakeYAML's parser underneath), which never
 * constructs objects from tags. The reader accepts the YAML subset a reviewer needs and rejects the
 * rest with a located message: one document per file, no aliases, no explicit tags, no duplicate
 * keys.
 */
final class YamlTree {

  /** A node of the tree. */
  sealed interface Node permits MapNode, ListNode, ScalarNode {
    /** 1-based line where the node starts. */
    int line();

    /** The node as shown after "got" in messages, e.g. {@code string '6,400'}, {@code a list}. */
    String describe();
  }

  /** A key of a mapping with its line and value. */
  record Entry(String key, int line, Node value) {}

  /** A mapping, keys in file order. */
  record MapNode(int line, List<Entry> entries) implements Node {
    /** The entry with the given key, or null. */
    Entry get(String key) {
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

  /** A sequence. */
  record ListNode(int line, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar as the YAML parser typed it.
   *
   * @param token one of VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE,
   *     VALUE_FALSE, VALUE_NULL
   * @param text the scalar's text as written (for numbers, the literal, e.g. {@code 0.120})
   */
  record ScalarNode(int line, JsonToken token, String text) implements Node {
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
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
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        return "the boolean " + shown;
      }
      return "the text '" + shown.replace("\n", "\\n") + "'";
    }
  }

  private static final YAMLFactory FACTORY = createFactory();

  private YamlTree() {}

  private static YAMLFactory createFactory() {
    LoaderOptions options = new LoaderOptions();
    // the loader bounds files to MAX_FILE_BYTES, and a character takes at least one byte
    options.setCodePointLimit(Math.toIntExact(DatasetLoader.MAX_FILE_BYTES));
    options.setMaxAliasesForCollections(0);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * Reads one YAML document.
   *
   * @param content the file's text
   * @param file the file name for messages
   * @return the root node, or null for an empty document
   * @throws DatasetException for malformed YAML and the unsupported features listed above
   */
  static Node parse(String content, String file) {
    try (YAMLParser parser = FACTORY.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      Node root = read(parser, first, file);
      JsonToken next = parser.nextToken();
      if (next != null) {
        throw new DatasetException(
            file,
            line(parser.currentTokenLocation()),
            null,
            "expected a single YAML document, got a second one (a '---' separator?)");
      }
      return root;
    } catch (JacksonException e) {
      throw malformed(e, file);
    } catch (IOException e) {
      throw new DatasetException(file, 0, null, "expected readable YAML, got " + e.getMessage());
    }
  }

  private static Node read(YAMLParser parser, JsonToken token, String file) throws IOException {
    int line = line(parser.currentTokenLocation());
    rejectUnsupported(parser, file, line);
    if (token == JsonToken.START_OBJECT) {
      List<Entry> entries = new ArrayList<>();
      MapNode map = new MapNode(line, entries);
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        int keyLine = line(parser.currentTokenLocation());
        Entry earlier = map.get(key);
        if (earlier != null) {
          throw new DatasetException(
              file,
              keyLine,
              key,
              "expected each key once per mapping, got it again (first at line "
                  + earlier.line()
                  + ")");
        }
        entries.add(new Entry(key, keyLine, read(parser, parser.nextToken(), file)));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        items.add(read(parser, t, file));
      }
      return new ListNode(line, items);
    }
    return new ScalarNode(line, token, parser.getText());
  }

  private static void rejectUnsupported(YAMLParser parser, String file, int line)
      throws IOException {
    if (parser.isCurrentAlias()) {
      throw new DatasetException(
          file,
          line,
          null,
          "expected a plain value, got a YAML alias ('*"
              + parser.getText()
              + "'): write the value out");
    }
    Object tag = parser.getTypeId();
    if (tag != null) {
      throw new DatasetException(
          file, line, null, "expected a plain value, got an explicit YAML tag (" + tag + ")");
    }
  }

  private static DatasetException malformed(JacksonException e, String file) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked) {
        Mark mark =
            marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
        return new DatasetException(
            file,
            mark == null ? 0 : mark.getLine() + 1,
            null,
            "expected well-formed YAML, got a syntax error: " + context + marked.getProblem());
      }
    }
    JsonLocation location = e.getLocation();
    return new DatasetException(
        file,
        location == null ? 0 : line(location),
        null,
        "expected well-formed YAML, got a syntax error: " + e.getOriginalMessage());
  }

  private static int line(JsonLocation location) {
    return Math.max(location.getLineNr(), 0);
  }
}
