package org.trialstats.analysis;

import java.util.Map;
import org.trialstats.io.InvalidDataException;
import org.trialstats.stats.Measure;
import org.trialstats.stats.Request;
import org.trialstats.stats.StatsException;

/**
 * Reads one row of named text fields, as a {@code batch} file or a validation reference file holds
 * them, into a typed {@link Request}. Both the command line's {@code batch} and the built-in
 * validation suite go through here, so that validation checks the very path a user's row takes.
 *
 * <p>The field names are the columns of a {@code batch} file: {@code measure, method, events1, n1,
 * events2, n2, exposure1, exposure2, expected, per, level}. A blank or absent field is an absent
 * value; {@code per} defaults to 1 and {@code level} to 0.95. Counts must be whole numbers (an
 * optional {@code +} and at most 19 digits), the other values finite decimals written as a person
 * writes them (no Java-only forms such as {@code 1d}, {@code 0x1p3} or {@code Infinity}).
 */
public final class RequestFields {

  /** Default multiplier of rates when the {@code per} field is blank. */
  private static final double DEFAULT_PER = 1;

  /** Default confidence level when the {@code level} field is blank. */
  private static final double DEFAULT_LEVEL = 0.95;

  private RequestFields() {}

  /**
   * Reads a request from text fields named as the columns of a {@code batch} file.
   *
   * @param fields the field values by column name; unknown names are ignored
   * @return the request, not yet checked against what its measure needs (that is the method's
   *     check)
   * @throws InvalidDataException naming the field and what was expected when {@code measure} is
   *     blank or a number is malformed
   * @throws StatsException when the measure id is unknown (the message lists the known ids)
   */
  public static Request parse(Map<String, String> fields) {
    String measureText = fields.getOrDefault("measure", "").strip();
    if (measureText.isEmpty()) {
      throw new InvalidDataException("field 'measure' is empty");
    }
    Measure measure = Measure.fromId(measureText);
    Double per = decimal(fields, "per");
    Double level = decimal(fields, "level");
    return new Request(
        measure,
        fields.getOrDefault("method", "").strip(),
        count(fields, "events1"),
        count(fields, "n1"),
        count(fields, "events2"),
        count(fields, "n2"),
        decimal(fields, "exposure1"),
        decimal(fields, "exposure2"),
        decimal(fields, "expected"),
        per == null ? DEFAULT_PER : per,
        level == null ? DEFAULT_LEVEL : level);
  }

  private static Long count(Map<String, String> fields, String field) {
    String s = fields.getOrDefault(field, "").strip();
    if (s.isEmpty()) {
      return null;
    }
    if (!isWholeNumber(s)) {
      throw new InvalidDataException(
          "field '" + field + "': expected a whole number >= 0, got '" + abbreviate(s) + "'");
    }
    try {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      throw new InvalidDataException(
          "field '" + field + "': number too large: '" + abbreviate(s) + "'", e);
    }
  }

  private static Double decimal(Map<String, String> fields, String field) {
    String s = fields.getOrDefault(field, "").strip();
    if (s.isEmpty()) {
      return null;
    }
    double x;
    try {
      x = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    // Java also accepts "1d", "0x1p3" and "Infinity": none is a number a user means here.
    if (!Double.isFinite(x) || hasJavaOnlySyntax(s)) {
      throw new InvalidDataException(
          "field '" + field + "': expected a finite decimal number, got '" + abbreviate(s) + "'");
    }
    return x;
  }

  // The two checks below are hand-written scans rather than regular expressions because batch
  // runs them on every field of every row.

  /** Whether {@code s} matches {@code \+?[0-9]{1,19}}: an optional plus sign and 1 to 19 digits. */
  private static boolean isWholeNumber(String s) {
    int start = !s.isEmpty() && s.charAt(0) == '+' ? 1 : 0;
    int digits = s.length() - start;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} matches {@code .*[dDfFxXpP].*}: one of those letters and, as {@code .} does
   * not match line terminators, none of {@code \n \r \u0085 \u2028 \u2029}.
   */
  private static boolean hasJavaOnlySyntax(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '\n', '\r', '\u0085', '\u2028', '\u2029' -> {
          return false;
        }
        case 'd', 'D', 'f', 'F', 'x', 'X', 'p', 'P' -> letter = true;
        default -> {
          // any other character is matched by '.'
        }
      }
    }
    return letter;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
