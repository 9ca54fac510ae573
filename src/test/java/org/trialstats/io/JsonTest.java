package org.trialstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** The form every JSON output had when it was written by Jackson's data binding. */
  private static final ObjectMapper BOUND =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  enum Kind {
    WILSON
  }

  record Wrapper(Kind rd, int n) {}

  private static Map<String, Object> sample() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("text", "quote \" backslash \\ tab \t line \n unit \u001f é ≥ 😀 / end");
    root.put("double", 0.000001268);
    root.put("tiny", 2.489e-7);
    root.put("whole", 3.0);
    root.put("big", 1.0e21);
    root.put("int", 7);
    root.put("long", 9_000_000_000L);
    root.put("decimal", new BigDecimal("0.10"));
    root.put("nan", Json.number(Double.NaN));
    root.put("infinite", Json.number(Double.NEGATIVE_INFINITY));
    root.put("flag", true);
    root.put("kind", Kind.WILSON);
    root.put("record", new Wrapper(Kind.WILSON, 3));
    root.put("empty_list", List.of());
    root.put("empty_map", Map.of());
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("i", i);
      row.put("values", List.of(1.5, -2.25));
      row.put("nested", List.of(List.of(), Map.of("a", "b")));
      rows.add(row);
    }
    root.put("rows", rows);
    return root;
  }

  @Test
  void writesTheBytesJacksonsDataBindingWrote() throws Exception {
    Map<String, Object> value = sample();
    assertThat(Json.write(value)).isEqualTo(BOUND.writeValueAsString(value) + "\n");
  }

  @Test
  void prettyPrintsObjectsOnLinesAndArraysInline() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", List.of(1, 2));
    value.put("b", List.of(Collections.singletonMap("c", null)));
    assertThat(Json.write(value))
        .isEqualTo("{\n  \"a\" : [ 1, 2 ],\n  \"b\" : [ {\n    \"c\" : null\n  } ]\n}\n");
  }

  @Test
  void writesDataBindingTreesAsBefore() throws Exception {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("x", 0.5).putArray("y").add("z");
    assertThat(Json.write(tree)).isEqualTo(BOUND.writeValueAsString(tree) + "\n");
  }

  @Test
  void refusesValuesWithoutAJsonForm() {
    assertThatThrownBy(() -> Json.write(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }
}
