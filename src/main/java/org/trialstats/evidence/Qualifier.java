package org.trialstats.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a figure was worded in its source. The qualifier says which relation the source asserts
 * between the true value and the printed number; the precision of the printed number is carried
 * separately by {@link Reported#decimals()}.
 */
public enum Qualifier {
  /**
   * A plain figure ("38%"): the true value rounds (half-up) to the printed number at the printed
   * precision.
   */
  EXACT("exact"),
  /**
   * A figure introduced by "about" or "approximately" ("about 6,400"): judged exactly like {@link
   * #EXACT}, at the precision the reviewer recorded in {@link Reported#decimals()} (for example -2
   * when the wording implies rounding to hundreds).
   */
  ABOUT("about"),
  /** "At least v": the true value is greater than or equal to the printed number. */
  AT_LEAST("at-least"),
  /** "More than v" ("more than 10%"): the true value is strictly greater than the number. */
  MORE_THAN("more-than"),
  /**
   * "Up to v", "no more than v", "less than v": the true value is at most the printed number.
   * Strict and non-strict upper bounds are not distinguished.
   */
  UP_TO("up-to");

  private final String yamlName;

  Qualifier(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling used in dataset files, e.g. {@code more-than}. */
  public String yamlName() {
    return yamlName;
  }

  /** True for {@link #EXACT} and {@link #ABOUT}: the figure is a rounded value, not a bound. */
  public boolean isPointValue() {
    return this == EXACT || this == ABOUT;
  }

  /**
   * The qualifier spelled {@code name} in a dataset file.
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static Qualifier fromYamlName(String name) {
    for (Qualifier q : values()) {
      if (q.yamlName.equals(name.toLowerCase(Locale.ROOT))) {
        return q;
      }
    }
    throw new IllegalArgumentException("expected one of " + spellings() + ", got '" + name + "'");
  }

  /** The accepted spellings, comma separated, for messages. */
  static String spellings() {
    return Arrays.stream(values()).map(Qualifier::yamlName).collect(Collectors.joining(", "));
  }
}
