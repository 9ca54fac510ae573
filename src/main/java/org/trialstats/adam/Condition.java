package org.trialstats.adam;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record filter on one variable, written {@code VAR=value}, {@code VAR=v1|v2} (any of the values)
 * or {@code VAR!=value} (none of the values), e.g. {@code AESER=Y} for serious events or {@code
 * AESEV=SEVERE}. Values are compared with the variable's text without trailing blanks (numeric
 * variables in shortest form: {@code AETOXGR=3}), case-sensitively.
 *
 * @param variable the variable name
 * @param negated true for {@code !=}
 * @param values the accepted (or, when negated, rejected) values
 */
public record Condition(String variable, boolean negated, List<String> values) {
  public Condition {
    Objects.requireNonNull(variable, "variable");
    values = List.copyOf(values);
  }

  /**
   * Parses {@code VAR=value}, {@code VAR=v1|v2} or {@code VAR!=value}.
   *
   * @throws AdamDataException if the text has no {@code =} or no variable name
   */
  public static Condition parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || (eq == 1 && text.charAt(0) == '!')) {
      throw new AdamDataException(
          "filter '" + text + "' must be VAR=value, VAR=v1|v2 or VAR!=value (e.g. AESER=Y)");
    }
    boolean negated = text.charAt(eq - 1) == '!';
    String variable = text.substring(0, negated ? eq - 1 : eq).strip();
    List<String> values =
        Arrays.stream(text.substring(eq + 1).split("\\|", -1)).map(String::strip).toList();
    return new Condition(variable, negated, values);
  }

  /** Whether a record whose variable has this text passes the filter. */
  public boolean accepts(String value) {
    return values.contains(value.strip()) != negated;
  }

  /** The condition as written, e.g. {@code AESER = Y}, for footnotes. */
  @Override
  public String toString() {
    return variable + (negated ? " ≠ " : " = ") + String.join(" or ", values);
  }
}
