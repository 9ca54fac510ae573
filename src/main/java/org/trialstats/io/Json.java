package org.trialstats.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * JSON output conventions: pretty-printed, keys in insertion order, NaN (not applicable) as {@code
 * null}, infinities as the strings {@code "Infinity"} and {@code "-Infinity"} (JSON has no infinite
 * numbers).
 *
 * <p>Values are maps (keys in their iteration order), collections, records (their components),
 * strings, numbers, booleans, enums (their name) and {@code null}, written with Jackson's streaming
 * generator and its default pretty printer. Trees of Jackson's data-binding model are accepted too,
 * but only they load data binding: its few hundred classes took a noticeable part of a command's
 * start-up.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** A double as a JSON value. */
  public static Object number(double x) {
    if (Double.isNaN(x)) {
      return null;
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return x;
  }

  /**
   * The value as pretty-printed JSON followed by a line break.
   *
   * @throws IllegalArgumentException for a value of another type than those listed above
   */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      if (value instanceof TreeNode tree) {
        DataBinding.MAPPER.writeTree(g, tree);
      } else {
        write(g, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise JSON output", e);
    }
    return out + "\n";
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        write(g, entry.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (value instanceof Record record) {
      // As Jackson writes a record: its components in declaration order.
      g.writeStartObject();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        g.writeFieldName(component.getName());
        write(g, component(record, component));
      }
      g.writeEndObject();
    } else if (value instanceof TreeNode tree) {
      DataBinding.MAPPER.writeTree(g, tree);
    } else {
      throw new IllegalArgumentException(
          "no JSON form for a value of type " + value.getClass().getName());
    }
  }

  private static Object component(Record record, RecordComponent component) {
    try {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** Jackson's data binding, loaded on first use of a tree. */
  private static final class DataBinding {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper();
  }
}
