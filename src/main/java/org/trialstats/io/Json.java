package org.trialstats.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON output conventions: pretty-printed, keys in insertion order, NaN (not applicable) as {@code
 * null}, infinities as the strings {@code "Infinity"} and {@code "-Infinity"} (JSON has no
 * infinite numbers).
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON output", e);
    }
  }
}
