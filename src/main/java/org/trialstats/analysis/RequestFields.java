package org.trialstats.analysis;

import java.util.Map;
import org.trialstats.io.InvalidDataException;
import org.trialstats.io.Numbers;
import org.trialstats.stats.Binomial;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.Counts;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.PoissonCount;
import org.trialstats.stats.Request;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/**
 * Reads one row of named text fields, as a {@code batch} file or a validation reference file holds
 * them, into a typed {@link Request}. Both the command line's {@code batch} and the built-in
 * validation suite go through here, so that validation checks the very path a user's row takes.
 *
 * <p>The field names are the columns of a {@code batch} file: {@code measure, method, events1, n1,
 * events2, n2, exposure1, exposure2, expected, per, level, berger_boos}. A blank or absent field is
 * an absent value; {@code per} defaults to 1, {@code level} to 0.95 and {@code berger_boos} to 0.
 * Counts must be whole numbers (an optional {@code +} and at most 19 digits), the other values
 * finite decimals written as a person writes them (no Java-only forms such as {@code 1d}, {@code
 * 0x1p3} or {@code Infinity}).
 */
public final class RequestFields {

  /** Default multiplier of rates when the {@code per} field is blank. */
  private static final double DEFAULT_PER = 1;

  /** Default confidence level when the {@code level} field is blank. */
  private static final double DEFAULT_LEVEL = 0.95;

  /** The field of the Berger-Boos gamma (exact unconditional rd and rr intervals). */
  public static final String BERGER_BOOS = "berger_boos";

  private RequestFields() {}

  /**
   * The fields of one row as numbers, before they are checked against what the measure needs.
   * Absent values are {@code null}.
   *
   * @param measure what to compute
   * @param method the method id as written (blank when the field is blank)
   * @param events1 events in arm 1, or the observed count for {@code sir}
   * @param n1 subjects in arm 1
   * @param events2 events in arm 2
   * @param n2 subjects in arm 2
   * @param exposure1 person-time of arm 1 (rates)
   * @param exposure2 person-time of arm 2 (rates)
   * @param expected expected count ({@code sir})
   * @param per multiplier of rates and rate differences
   * @param level confidence level
   * @param bergerBoos Berger-Boos gamma, 0 for none
   */
  public record Fields(
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
      double level,
      double bergerBoos) {

    /**
     * The fields of a row without the Berger-Boos gamma (0).
     *
     * @param measure what to compute
     * @param method the method id as written
     * @param events1 events in arm 1, or the observed count for {@code sir}
     * @param n1 subjects in arm 1
     * @param events2 events in arm 2
     * @param n2 subjects in arm 2
     * @param exposure1 person-time of arm 1
     * @param exposure2 person-time of arm 2
     * @param expected expected count
     * @param per multiplier of rates and rate differences
     * @param level confidence level
     */
    public Fields(
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
      this(
          measure, method, events1, n1, events2, n2, exposure1, exposure2, expected, per, level, 0);
    }

    /**
     * These fields with another method id (the command line computes one set of counts with several
     * methods).
     *
     * @param id the method id
     * @return the fields with {@code method} replaced
     */
    public Fields withMethod(String id) {
      return new Fields(
          measure,
          id,
          events1,
          n1,
          events2,
          n2,
          exposure1,
          exposure2,
          expected,
          per,
          level,
          bergerBoos);
    }
  }

  /**
   * Reads a request from text fields named as the columns of a {@code batch} file. The checks run
   * in a fixed order, so that a row with several faults always reports the same one: the numbers'
   * syntax, the level, the size of every count given, the method id, the Berger-Boos gamma, then
   * the counts the measure needs.
   *
   * @param fields the field values by column name; unknown names are ignored
   * @return the request
   * @throws InvalidDataException naming the field and what was expected when {@code measure} is
   *     blank, a number is malformed or the Berger-Boos gamma does not apply
   * @throws StatsException when the measure or method id is unknown (the message lists the known
   *     ids), a needed value is missing or a value is out of its range
   */
  public static Request parse(Map<String, String> fields) {
    return request(read(fields));
  }

  /**
   * Reads the text fields into numbers, without checking them against what the measure needs.
   *
   * @param fields the field values by column name; unknown names are ignored
   * @return the fields as numbers
   * @throws InvalidDataException naming the field and what was expected when {@code measure} is
   *     blank or a number is malformed
   * @throws StatsException when the measure id is unknown (the message lists the known ids)
   */
  public static Fields read(Map<String, String> fields) {
    String measureText = fields.getOrDefault("measure", "").strip();
    if (measureText.isEmpty()) {
      throw new InvalidDataException("field 'measure' is empty");
    }
    Measure measure = Measure.fromId(measureText);
    Double per = decimal(fields, "per");
    Double level = decimal(fields, "level");
    String method = fields.getOrDefault("method", "").strip();
    Long events1 = count(fields, "events1");
    Long n1 = count(fields, "n1");
    Long events2 = count(fields, "events2");
    Long n2 = count(fields, "n2");
    Double exposure1 = decimal(fields, "exposure1");
    Double exposure2 = decimal(fields, "exposure2");
    Double expected = decimal(fields, "expected");
    Double bergerBoos = decimal(fields, BERGER_BOOS);
    return new Fields(
        measure,
        method,
        events1,
        n1,
        events2,
        n2,
        exposure1,
        exposure2,
        expected,
        per == null ? DEFAULT_PER : per,
        level == null ? DEFAULT_LEVEL : level,
        bergerBoos == null ? 0 : bergerBoos);
  }

  /**
   * The typed request of a row's fields.
   *
   * @param f the fields as numbers
   * @return the request
   * @throws InvalidDataException when the Berger-Boos gamma does not apply to the method or is out
   *     of its range
   * @throws StatsException when the level is not in (0, 1), a count is above {@link
   *     MethodCatalogue#MAX_COUNT}, the method id is unknown, a needed value is missing or a value
   *     is out of its range
   */
  public static Request request(Fields f) {
    ConfidenceLevel.check(f.level());
    checkCount(f.events1(), "events1");
    checkCount(f.n1(), "n1");
    checkCount(f.events2(), "events2");
    checkCount(f.n2(), "n2");
    StatMethod method = MethodCatalogue.find(f.measure(), f.method());
    checkBergerBoos(method, f.bergerBoos(), f.level());
    Counts counts =
        switch (f.measure()) {
          case PROPORTION ->
              new Counts.Proportion(required(f.events1(), "events1"), required(f.n1(), "n1"));
          case RD, RR, OR, NNT, TEST ->
              new Counts.TwoArms(
                  new TwoByTwo(
                      new Binomial(required(f.events1(), "events1"), required(f.n1(), "n1")),
                      new Binomial(required(f.events2(), "events2"), required(f.n2(), "n2"))),
                  f.bergerBoos());
          case RATE ->
              new Counts.Rate(
                  required(f.events1(), "events1"), required(f.exposure1(), "exposure1"), f.per());
          case RATE_RATIO -> new Counts.TwoRates(rate1(f), rate2(f), 1);
          case RATE_DIFF -> new Counts.TwoRates(rate1(f), rate2(f), f.per());
          case SIR ->
              new Counts.Sir(required(f.events1(), "events1"), required(f.expected(), "expected"));
        };
    return new Request(method, counts, f.level());
  }

  private static PoissonCount rate1(Fields f) {
    return new PoissonCount(required(f.events1(), "events1"), required(f.exposure1(), "exposure1"));
  }

  private static PoissonCount rate2(Fields f) {
    return new PoissonCount(required(f.events2(), "events2"), required(f.exposure2(), "exposure2"));
  }

  private static void checkCount(Long count, String field) {
    if (count != null) {
      MethodCatalogue.checkCount(count, field);
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new StatsException(field + " is required for this measure");
    }
    return value;
  }

  /** The gamma applies to the exact unconditional rd and rr intervals only, below alpha/2. */
  private static void checkBergerBoos(StatMethod method, double gamma, double level) {
    if (gamma == 0) {
      return;
    }
    if (!MethodCatalogue.acceptsBergerBoos(method)) {
      throw new InvalidDataException(
          "field '"
              + BERGER_BOOS
              + "' applies only to the methods exact-unconditional and"
              + " exact-unconditional-raw of rd and exact-unconditional of rr, not to "
              + method.measure().id()
              + " "
              + method.id()
              + "; leave it empty or 0");
    }
    double halfAlpha = (1 - level) / 2;
    if (!(gamma > 0 && gamma < halfAlpha)) {
      throw new InvalidDataException(
          "field '"
              + BERGER_BOOS
              + "': expected 0 or a number between 0 and alpha/2 = "
              + Numbers.significant(halfAlpha, 6)
              + " (level "
              + Numbers.significant(level, 6)
              + "), got "
              + Numbers.full(gamma));
    }
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
