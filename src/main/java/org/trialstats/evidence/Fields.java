package org.trialstats.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.trialstats.io.YamlDocument;

/**
 * Typed, located access to the fields of one YAML mapping. Every problem (unknown key, missing
 * required field, wrong type, out-of-range value) is added to the shared {@link Problems} with the
 * file, line and dotted field path; the accessors then return null so that parsing can go on and
 * report further problems.
 */
final class Fields {
  /** Ids: lower-case letters, digits and hyphens, starting with a letter or digit. */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Plain decimal literals only: no exponent, no leading zeros (YAML 1.1 reads 010 as octal). */
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  final String file;
  final Problems problems;
  final YamlDocument.MapNode map;
  private final String prefix;

  /** The number of problems reported before the mapping was opened. */
  private final int openedAt;

  private Fields(
      String file, Problems problems, YamlDocument.MapNode map, String prefix, int openedAt) {
    this.file = file;
    this.problems = problems;
    this.map = map;
    this.prefix = prefix;
    this.openedAt = openedAt;
  }

  /**
   * Opens {@code node} as a mapping with the given required and optional keys, reporting unknown
   * and missing keys.
   *
   * @param prefix dotted path of the mapping itself ("" for an entry's top level)
   * @return null when the node is not a mapping (reported)
   */
  static Fields open(
      String file,
      Problems problems,
      YamlDocument.Node node,
      int lineIfAbsent,
      String prefix,
      List<String> required,
      List<String> optional) {
    if (!(node instanceof YamlDocument.MapNode map)) {
      problems.add(
          file,
          node == null ? lineIfAbsent : node.line(),
          prefix.isEmpty() ? null : prefix,
          "expected a mapping with the fields "
              + String.join(", ", required)
              + ", got "
              + (node == null ? "nothing" : node.describe()));
      return null;
    }
    Fields fields = new Fields(file, problems, map, prefix, problems.count());
    Set<String> allowed = new LinkedHashSet<>(required);
    allowed.addAll(optional);
    for (YamlDocument.Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        problems.add(
            file,
            e.line(),
            fields.path(e.key()),
            "expected one of the fields " + String.join(", ", allowed) + ", got an unknown field");
      }
    }
    for (String key : required) {
      if (map.get(key) == null) {
        problems.add(
            file,
            map.line(),
            fields.path(key),
            "expected a value, got nothing (the required field is missing)");
      }
    }
    return fields;
  }

  /**
   * Opens the optional child mapping under {@code key} with the given required and optional keys,
   * as {@link #open} does.
   *
   * @return null when the key is absent, or when its value is not a mapping (reported)
   */
  Fields child(String key, List<String> required, List<String> optional) {
    YamlDocument.Node node = node(key);
    return node == null
        ? null
        : open(file, problems, node, line(key), path(key), required, optional);
  }

  /**
   * Whether no problem has been reported since this mapping was opened (its missing and unknown
   * keys included), so that an entry built from its fields is complete. Problems are counted across
   * the whole dataset: read the entry's fields before asking.
   */
  boolean clean() {
    return problems.count() == openedAt;
  }

  /** The dotted path of {@code key}. */
  String path(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  /** Line of {@code key}, or of the mapping when the key is absent. */
  int line(String key) {
    YamlDocument.Entry e = map.get(key);
    return e == null ? map.line() : e.line();
  }

  /** The node under {@code key}, or null. */
  YamlDocument.Node node(String key) {
    YamlDocument.Entry e = map.get(key);
    return e == null ? null : e.value();
  }

  void problem(String key, String message) {
    problems.add(file, line(key), path(key), message);
  }

  /** Non-empty text (any scalar's text, trimmed), or null when absent or invalid. */
  String text(String key) {
    YamlDocument.Node node = node(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof YamlDocument.ScalarNode scalar) || scalar.isNull()) {
      problem(key, "expected text, got " + node.describe());
      return null;
    }
    String text = scalar.text().strip();
    if (text.isEmpty()) {
      problem(key, "expected non-empty text, got an empty string");
      return null;
    }
    return text;
  }

  /** Like {@link #text(String)}, with "" when absent. */
  String optionalText(String key) {
    String text = text(key);
    return text == null ? "" : text;
  }

  /** An id matching {@link #ID}, or null. */
  String id(String key) {
    String text = text(key);
    if (text != null && !ID.matcher(text).matches()) {
      problem(
          key,
          "expected an id of lower-case letters, digits and hyphens (e.g. acr20-24w), got '"
              + text
              + "'");
      return null;
    }
    return text;
  }

  /** A whole number at least {@code min}, or null. */
  Long count(String key, long min) {
    YamlDocument.Node node = node(key);
    if (node == null) {
      return null;
    }
    String expected = "expected a whole number >= " + min;
    if (!(node instanceof YamlDocument.ScalarNode scalar)
        || !scalar.isNumber()
        || !NUMBER.matcher(scalar.text()).matches()
        || scalar.text().contains(".")) {
      problem(key, expected + ", got " + node.describe());
      return null;
    }
    BigInteger value = new BigInteger(scalar.text());
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(LONG_MAX) > 0) {
      problem(key, expected + ", got " + scalar.text());
      return null;
    }
    return value.longValueExact();
  }

  /** A plain decimal number, or null. */
  BigDecimal number(String key) {
    YamlDocument.Node node = node(key);
    return node == null ? null : number(node, path(key));
  }

  /** A positive plain decimal number, or null. */
  /** Largest accepted magnitude of any number in a dataset. */
  private static final BigDecimal LARGEST_NUMBER = BigDecimal.ONE.scaleByPowerOfTen(300);

  BigDecimal positive(String key) {
    BigDecimal value = number(key);
    if (value != null && value.signum() <= 0) {
      problem(key, "expected a positive number, got " + Decimals.plain(value));
      return null;
    }
    return value;
  }

  /** {@code node} as a plain decimal number, reporting under {@code path}; null when invalid. */
  BigDecimal number(YamlDocument.Node node, String path) {
    if (node instanceof YamlDocument.ScalarNode scalar
        && scalar.isNumber()
        && NUMBER.matcher(scalar.text()).matches()) {
      BigDecimal value = new BigDecimal(scalar.text());
      if (value.abs().compareTo(LARGEST_NUMBER) > 0) {
        // Beyond this every computation in double would overflow to infinity.
        problems.add(
            file,
            node.line(),
            path,
            "expected a number of magnitude at most 1e300, got a"
                + " number with "
                + (value.precision() - value.scale())
                + " digits");
        return null;
      }
      return value;
    }
    String hint = "";
    if (node instanceof YamlDocument.ScalarNode scalar && !scalar.isNull()) {
      hint =
          scalar.isNumber()
              ? " (write plain decimals such as 0.5 or 6400)"
              : " (no quotes, no thousands separators)";
    }
    problems.add(file, node.line(), path, "expected a number, got " + node.describe() + hint);
    return null;
  }

  /** The list under {@code key} (empty when absent), or null when it is not a list. */
  List<YamlDocument.Node> list(String key) {
    YamlDocument.Node node = node(key);
    if (node == null) {
      return new ArrayList<>();
    }
    if (node instanceof YamlDocument.ListNode list) {
      return list.items();
    }
    problem(key, "expected a list, got " + node.describe());
    return null;
  }
}
