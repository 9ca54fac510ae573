package org.trialstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstats.io.YamlDocument.MapNode;
import org.trialstats.io.YamlDocument.Node;
import org.trialstats.io.YamlDocument.ScalarNode;
import org.trialstats.io.YamlDocument.ScalarType;

/** The one YAML reader: positions of every node, typed accessors and located errors. */
class YamlDocumentTest {
  /** Errors as FILE:LINE: field 'KEY': message, the format of the data packages' exceptions. */
  private static InvalidDataException located(String file, int line, String field, String msg) {
    return new InvalidDataException(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + (field == null ? "" : "field '" + field + "': ")
            + msg);
  }

  private static YamlDocument parse(String text) {
    return YamlDocument.parse(text, "f.yaml", 1 << 20, YamlDocumentTest::located);
  }

  @Test
  void everyNodeKnowsItsLineAndColumn() {
    YamlDocument d = parse("title: Trial\narms:\n  - n: 12\n    ok: true\n  - x\nnone: null\n");
    MapNode root = d.rootMap("a mapping");
    assertThat(root.get("title").line()).isEqualTo(1);
    assertThat(root.get("title").column()).isEqualTo(1);
    ScalarNode title = (ScalarNode) root.get("title").value();
    assertThat(title.type()).isEqualTo(ScalarType.TEXT);
    assertThat(title.column()).isEqualTo(8);
    List<Node> arms = d.list(root, "arms");
    assertThat(arms).hasSize(2);
    MapNode first = (MapNode) arms.get(0);
    assertThat(first.line()).isEqualTo(3);
    assertThat(first.column()).isEqualTo(5);
    assertThat(first.get("ok").line()).isEqualTo(4);
    assertThat(((ScalarNode) first.get("n").value()).type()).isEqualTo(ScalarType.INTEGER);
    assertThat(((ScalarNode) first.get("ok").value()).type()).isEqualTo(ScalarType.BOOLEAN);
    assertThat(((ScalarNode) root.get("none").value()).isNull()).isTrue();
    assertThat(d.text(arms.get(1), "arms")).isEqualTo("x");
  }

  @Test
  void typedAccessorsGiveValuesAndDefaults() {
    YamlDocument d = parse("n: 3\nlevel: 0.9\nflag: yes\nfont: {size: 9}\ntimes: 5\n");
    MapNode root = d.rootMap("a mapping");
    assertThat(d.integer(root, "n", 0, 0, 6)).isEqualTo(3);
    assertThat(d.integer(root, "absent", 7, 0, 9)).isEqualTo(7);
    assertThat(d.number(root, "level", 0.95, 0.5, 1)).isEqualTo(0.9);
    assertThat(d.bool(root, "flag", false)).isTrue();
    assertThat(d.map(root, "font").get("size")).isNotNull();
    assertThat(d.map(root, "absent")).isNull();
    assertThat(d.list(root, "times")).hasSize(1);
    assertThat(d.list(root, "absent")).isEmpty();
    assertThat(d.text(root, "absent", false)).isNull();
    d.keys(root, Set.of("n", "level", "flag", "font", "times"), "the file");
  }

  @Test
  void accessorErrorsNameFileLineAndFieldAndWhatWasExpected() {
    YamlDocument d = parse("n: nine\nfont: 3\nrows: {a: 1}\nflag: maybe\n");
    MapNode root = d.rootMap("a mapping");
    assertThatThrownBy(() -> d.integer(root, "n", 0, 0, 6))
        .hasMessage("f.yaml:1: field 'n': expected a whole number from 0 to 6, got nine");
    assertThatThrownBy(() -> d.map(root, "font"))
        .hasMessage("f.yaml:2: field 'font': expected a mapping of keys, got the number 3");
    assertThatThrownBy(() -> d.list(root, "rows"))
        .hasMessage("f.yaml:3: field 'rows': expected a list, got a mapping");
    assertThatThrownBy(() -> d.bool(root, "flag", false))
        .hasMessage("f.yaml:4: field 'flag': expected true or false, got maybe");
    assertThatThrownBy(() -> d.text(root, "title", true))
        .hasMessage("f.yaml:1: field 'title': is required here and missing");
    assertThatThrownBy(() -> d.keys(root, Set.of("n"), "the file"))
        .hasMessageStartingWith("f.yaml:2: field 'font': unknown key in the file; expected one of");
  }

  @Test
  void unsupportedYamlIsRefusedWithItsLine() {
    assertThatThrownBy(() -> parse("a: 1\nb: 2\na: 3\n"))
        .hasMessage(
            "f.yaml:3: field 'a': expected each key once per mapping, got it again (first at"
                + " line 1)");
    assertThatThrownBy(() -> parse("a: &x 1\nb: *x\n"))
        .hasMessage(
            "f.yaml:2: expected a plain value, got a YAML alias ('*x'): write the value out");
    assertThatThrownBy(() -> parse("a: !!str 1\n"))
        .hasMessageStartingWith("f.yaml:1: expected a plain value, got an explicit YAML tag");
    assertThatThrownBy(() -> parse("a: 1\n---\nb: 2\n"))
        .hasMessageStartingWith("f.yaml:3: expected a single YAML document, got a second one");
    assertThatThrownBy(() -> parse("a: [1\n"))
        .hasMessageStartingWith("f.yaml:2: expected well-formed YAML, got a syntax error:");
    assertThatThrownBy(() -> parse("").rootMap("a shell"))
        .hasMessage("f.yaml: expected a shell, got an empty file");
    assertThatThrownBy(() -> parse("- 1\n").rootMap("a shell"))
        .hasMessage("f.yaml:1: expected a shell, got a list");
    assertThat(parse("").root()).isNull();
  }
}
