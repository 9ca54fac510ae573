package org.trialstats.stats;

import java.util.Map;

/**
 * One computation request in the uniform shape of a {@code batch} row: a measure, a method id and
 * whichever counts the measure needs. Absent values are {@code null}.
 *
 * @param measure what to compute
 * @param method method id within the measure (for {@code nnt}: any {@code rd} method id)
 * @param events1 events in arm 1 (treatment), or the observed count for {@code sir}
 * @param n1 subjects in arm 1
 * @param events2 events in arm 2 (control)
 * @param n2 subjects in arm 2
 * @param exposure1 person-time of arm 1 (rates)
 * @param exposure2 person-time of arm 2 (rates)
 * @param expected expected count ({@code sir})
 * @param per multiplier for rates and rate differences (e.g. 100 for per 100 person-years)
 * @param level confidence level in (0, 1)
 */
public record Request(
    Measure measure,
    String method,
    Long events1,
    Long n1,
    Long events2,
    Long n2,
    Double exposure1,
    Double exposure2,
    Double expected,
    double per,
    double level) {

  /**
   * Builds a request from text fields named as the columns of a {@code batch} file ({@code measure,
   * method, events1, n1, events2, n2, exposure1, exposure2, expected, per, level}); blank or absent
   * fields are absent values, {@code per} defaults to 1 and {@code level} to 0.95.
   *
   * @param fields the field values by column name; unknown names are ignored
   * @return the request, not yet checked against what its measure needs
   * @throws StatsException naming the field when a value is malformed (counts must be whole
   *     numbers, other values finite decimals)
   */
  public static Request fromFields(Map<String, String> fields) {
    String measureText = fields.getOrDefault("measure", "").strip();
    if (measureText.isEmpty()) {
      throw new StatsException("field 'measure' is empty");
    }
    Measure measure;
    try {
      measure = Measure.fromId(measureText);
    } catch (IllegalArgumentException e) {
      throw new StatsException("field 'measure': " + e.getMessage());
    }
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
        per == null ? 1 : per,
        level == null ? 0.95 : level);
  }

  private static Long count(Map<String, String> fields, String field) {
    String s = fields.getOrDefault(field, "").strip();
    if (s.isEmpty()) {
      return null;
    }
    if (!isWholeNumber(s)) {
      throw new StatsException(
          "field '" + field + "': expected a whole number >= 0, got '" + abbreviate(s) + "'");
    }
    try {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      throw new StatsException("field '" + field + "': number too large: '" + abbreviate(s) + "'");
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
    boolean javaOnlySyntax = hasJavaOnlySyntax(s);
    if (!Double.isFinite(x) || javaOnlySyntax) {
      throw new StatsException(
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

  /**
   * A request for a single proportion x / n.
   *
   * @param method the proportion method id
   * @param x the number of events
   * @param n the number of subjects
   * @param level the confidence level, in (0, 1)
   * @return the request
   */
  public static Request proportion(String method, long x, long n, double level) {
    return new Request(Measure.PROPORTION, method, x, n, null, null, null, null, null, 1, level);
  }

  /**
   * A request for a two-arm binomial measure (rd, rr, or, nnt, test).
   *
   * @param measure one of rd, rr, or, nnt, test
   * @param method the method id within the measure
   * @param x1 events in arm 1 (treatment)
   * @param n1 subjects in arm 1
   * @param x2 events in arm 2 (control)
   * @param n2 subjects in arm 2
   * @param level the confidence level, in (0, 1)
   * @return the request
   */
  public static Request twoArm(
      Measure measure, String method, long x1, long n1, long x2, long n2, double level) {
    return new Request(measure, method, x1, n1, x2, n2, null, null, null, 1, level);
  }
}
