package org.trialstats.analysis.csr;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A display shell's YAML read into a tree whose nodes know their line, and typed accessors that
 * raise {@link ShellException} naming file, line and key. Jackson's YAML token stream never
 * constructs objects from tags; aliases, tags and duplicate keys are refused.
 */
final class ShellYaml {
  private static final int MAX_CHARS = 1 << 20;
  private static final YAMLFactory FACTORY = factory();

  private final String file;

  ShellYaml(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** A node: a mapping, a list or a scalar (null text for YAML null), with its line. */
  record Node(int line, List<Entry> entries, List<Node> items, String text, boolean scalar) {
    boolean isMap() {
      return entries != null;
    }

    boolean isList() {
      return items != null;
    }

    Entry entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }
  }

  /** A mapping key with its line and value. */
  record Entry(String key, int line, Node value) {}

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARS);
    options.setMaxAliasesForCollections(0);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /** Reads the document; its root must be a mapping. */
  Node parse(String content) {
    try (YAMLParser parser = FACTORY.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw error(0, null, "expected a display shell (a YAML mapping), got an empty file");
      }
      Node root = read(parser, first);
      if (parser.nextToken() != null) {
        throw error(
            parser.currentTokenLocation().getLineNr(),
            null,
            "expected a single YAML document, got a second one");
      }
      if (!root.isMap()) {
        throw error(root.line(), null, "expected a mapping of keys (title:, rows: ...)");
      }
      return root;
    } catch (JacksonException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof MarkedYAMLException m) {
          Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
          throw error(
              mark == null ? 0 : mark.getLine() + 1,
              null,
              "expected well-formed YAML, got a syntax error: " + m.getProblem());
        }
      }
      throw error(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          null,
          "expected well-formed YAML, got " + e.getOriginalMessage());
    } catch (IOException e) {
      throw error(0, null, "expected readable YAML, got " + e.getMessage());
    }
  }

  private Node read(YAMLParser parser, JsonToken token) throws IOException {
    int line = Math.max(parser.currentTokenLocation().getLineNr(), 0);
    if (parser.isCurrentAlias() || parser.getTypeId() != null) {
      throw error(line, null, "expected a plain value, got a YAML alias or tag: write it out");
    }
    if (token == JsonToken.START_OBJECT) {
      List<Entry> entries = new ArrayList<>();
      Node map = new Node(line, entries, null, null, false);
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        if (map.entry(key) != null) {
          throw error(keyLine, key, "expected each key once, got it twice");
        }
        entries.add(new Entry(key, keyLine, read(parser, parser.nextToken())));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        items.add(read(parser, t));
      }
      return new Node(line, null, items, null, false);
    }
    return new Node(
        line, null, null, token == JsonToken.VALUE_NULL ? null : parser.getText(), true);
  }

  ShellException error(int line, String field, String message) {
    return new ShellException(file, line, field, message);
  }

  /** Refuses keys outside {@code allowed}, listing the allowed ones. */
  void keys(Node map, Set<String> allowed, String where) {
    for (Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        throw error(
            e.line(),
            e.key(),
            "unknown key in " + where + "; expected one of " + allowed.stream().sorted().toList());
      }
    }
  }

  /** A mapping under {@code key}, or null when absent. */
  Node map(Node parent, String key) {
    Entry e = parent.entry(key);
    if (e == null) {
      return null;
    }
    if (!e.value().isMap()) {
      throw error(e.line(), key, "expected a mapping of keys, got " + describe(e.value()));
    }
    return e.value();
  }

  /** A list under {@code key} (a single scalar counts as a one-item list), or an empty list. */
  List<Node> list(Node parent, String key) {
    Entry e = parent.entry(key);
    if (e == null || (e.value().scalar() && e.value().text() == null)) {
      return List.of();
    }
    if (e.value().isList()) {
      return e.value().items();
    }
    if (e.value().scalar()) {
      return List.of(e.value());
    }
    throw error(e.line(), key, "expected a list, got a mapping");
  }

  /** Scalar text under {@code key}; null when absent and not required. */
  String text(Node parent, String key, boolean required) {
    Entry e = parent.entry(key);
    if (e == null || (e.value().scalar() && e.value().text() == null)) {
      if (required) {
        throw error(parent.line(), key, "is required here and missing");
      }
      return null;
    }
    if (!e.value().scalar()) {
      throw error(e.line(), key, "expected a single value, got " + describe(e.value()));
    }
    return e.value().text();
  }

  /** Scalar text of a list item. */
  String text(Node item, String where) {
    if (!item.scalar() || item.text() == null) {
      throw error(item.line(), where, "expected a single value, got " + describe(item));
    }
    return item.text();
  }

  int integer(Node parent, String key, int fallback, int min, int max) {
    String t = text(parent, key, false);
    if (t == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(t.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        line(parent, key),
        key,
        "expected a whole number from " + min + " to " + max + ", got " + t);
  }

  double number(Node parent, String key, double fallback, double min, double max) {
    String t = text(parent, key, false);
    if (t == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(t.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        line(parent, key), key, "expected a number from " + min + " to " + max + ", got " + t);
  }

  boolean bool(Node parent, String key, boolean fallback) {
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

  int line(Node parent, String key) {
    Entry e = parent.entry(key);
    return e == null ? parent.line() : e.line();
  }

  private static String describe(Node n) {
    return n.isMap() ? "a mapping" : n.isList() ? "a list" : "the value '" + n.text() + "'";
  }
}
