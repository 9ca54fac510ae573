package org.trialstats.adam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Conversions between SAS values and text shared by the transport and CSV readers. */
public final class SasValues {
  /** Days from the SAS date origin 1960-01-01 to the Unix epoch 1970-01-01. */
  static final long SAS_EPOCH_OFFSET_DAYS = 3653;

  private static final DateTimeFormatter DATE9 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("ddMMMuuuu")
          .toFormatter(Locale.ENGLISH);

  private SasValues() {}

  /**
   * A number as text: integers without a decimal point, other values in the shortest decimal form
   * that reads back as the same double, never in exponent notation; empty for NaN.
   */
  public static String numberText(double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  /**
   * Parses a number written as text in a data file. Empty text, {@code .}, {@code ._} and {@code
   * .A}-{@code .Z} are SAS missing values (NaN). Dates in ISO 8601 ({@code 2014-01-02}) or SAS
   * DATE9 ({@code 02JAN2014}) form give SAS date values (days since 1960-01-01).
   *
   * @param where the file, line and variable, for the error message
   * @throws AdamDataException if the text is none of these
   */
  public static double parseNumber(String text, String where) {
    String t = text.strip();
    if (t.isEmpty()
        || t.equals(".")
        || (t.length() == 2
            && t.charAt(0) == '.'
            && SasMissing.isCode(Character.toUpperCase(t.charAt(1))))) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(t);
      if (!Double.isNaN(value) && !Double.isInfinite(value) && !endsWithTypeSuffix(t)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not a plain number: try the date forms below
    }
    try {
      if (t.length() == 10 && t.charAt(4) == '-') {
        return LocalDate.parse(t).toEpochDay() + SAS_EPOCH_OFFSET_DAYS;
      }
      if (t.length() == 9) {
        return LocalDate.parse(t, DATE9).toEpochDay() + SAS_EPOCH_OFFSET_DAYS;
      }
    } catch (DateTimeParseException e) {
      // fall through to the error below
    }
    throw new AdamDataException(
        where
            + ": '"
            + text
            + "' is not a number, a missing value (empty or .) or a date"
            + " (2014-01-02 or 02JAN2014)");
  }

  private static boolean endsWithTypeSuffix(String t) {
    char last = Character.toLowerCase(t.charAt(t.length() - 1));
    return last == 'd' || last == 'f';
  }
}
