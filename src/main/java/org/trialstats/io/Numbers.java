package org.trialstats.io;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locale-independent number formatting for reports.
 *
 * <p>Rounding works on the shortest decimal representation of the double ({@link
 * BigDecimal#valueOf(double)}), so 2.675 rounds half-up to 2.68 as a person (and SAS's ROUND)
 * expects, not to 2.67 as the exact binary value 2.67499999... would.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * Full precision for machine-readable outputs: the shortest decimal that parses back to the same
   * double (the closest one if several are that short), in the layout of {@link
   * Double#toString(double)}; {@code Infinity} / {@code -Infinity}; empty for NaN (not applicable).
   *
   * <p>The digits come from Giulietti's Schubfach algorithm (R. Giulietti, "The Schubfach way to
   * render doubles", 2020; the implementation shipped in jackson-core), which is what {@link
   * Double#toString(double)} uses from JDK 19 on. JDK 17's own conversion is about five times
   * slower (batch writes four numbers per row) and, for about 1 double in 1,000, prints a digit
   * more than needed (2.50359402940121056E17 for 2.5035940294012106E17), so using it would also
   * make the output depend on the JDK version.
   */
  public static String full(double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return DoubleToDecimal.toString(x);
  }

  /**
   * An input value as the user typed it: whole numbers without decimals ("1344"), others in the
   * shortest form that reads back to the same double ("2.2"); for means, standard deviations and
   * person-time shown next to the results.
   *
   * @param x the value
   * @return the text
   */
  public static String plain(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return full(x);
  }

  /**
   * Fixed number of decimals under the given rounding mode; "∞" / "−∞" for infinities and "NA" for
   * NaN. Negative zero prints as 0.
   */
  public static String fixed(double x, int decimals, RoundingMode mode) {
    if (Double.isNaN(x)) {
      return "NA";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "−∞";
    }
    BigDecimal rounded = BigDecimal.valueOf(x).setScale(decimals, mode);
    if (rounded.signum() == 0) {
      rounded = rounded.abs();
    }
    return rounded.toPlainString();
  }

  /** Fixed decimals, rounding half away from zero. */
  public static String fixed(double x, int decimals) {
    return fixed(x, decimals, RoundingMode.HALF_UP);
  }

  /**
   * Rounds to {@code digits} significant digits (half away from zero) and prints without an
   * exponent for values between 1e-6 and 1e9, with one otherwise.
   */
  public static String significant(double x, int digits) {
    if (Double.isNaN(x)) {
      return "NA";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "−∞";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal rounded =
        BigDecimal.valueOf(x)
            .round(new java.math.MathContext(digits, RoundingMode.HALF_UP))
            .stripTrailingZeros();
    double abs = Math.abs(x);
    if (abs >= 1e-6 && abs < 1e9) {
      return rounded.toPlainString();
    }
    return rounded.toString().replace("E+", "e").replace("E", "e");
  }

  /**
   * Formats an estimate and its limits with one shared number of decimals, chosen so that the
   * largest magnitude shows {@code digits} significant digits: "0.380 (0.322 to 0.442)".
   */
  public static String interval(double estimate, double lower, double upper, int digits) {
    double largest = 0;
    for (double v : new double[] {estimate, lower, upper}) {
      if (Double.isFinite(v)) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    int magnitude = largest == 0 ? 0 : (int) Math.floor(Math.log10(largest));
    int decimals = Math.max(0, Math.min(8, digits - 1 - magnitude));
    return fixed(estimate, decimals)
        + " ("
        + fixed(lower, decimals)
        + " to "
        + fixed(upper, decimals)
        + ")";
  }

  /**
   * A p-value as reviewers print it: 4 significant digits, or "&lt; 1e-300"-style bounds are not
   * used; tiny values are shown in exponent form (e.g. 9.256e-5).
   */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    if (p >= 0.001) {
      return fixed(p, p >= 0.1 ? 3 : 4);
    }
    return significant(p, 4);
  }
}
