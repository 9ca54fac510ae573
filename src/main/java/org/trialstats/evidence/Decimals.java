package org.trialstats.evidence;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal arithmetic and locale-independent number text for claim details. */
final class Decimals {
  /**
   * Precision of quotients (34 significant digits). A quotient of whole numbers that terminates
   * within 34 digits, such as 800 / 6400 = 0.125, is exact, so rounding ties are seen as ties.
   */
  static final MathContext CONTEXT = MathContext.DECIMAL128;

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Decimals() {}

  /** {@code x} without exponent; "-0" becomes "0". */
  static String plain(BigDecimal x) {
    String s = x.toPlainString();
    return x.signum() == 0 && s.startsWith("-") ? s.substring(1) : s;
  }

  /** {@code x} rounded half-up to at most {@code maxDecimals} decimals, trailing zeros removed. */
  static String round(BigDecimal x, int maxDecimals) {
    return plain(x.setScale(Math.max(maxDecimals, 0), RoundingMode.HALF_UP).stripTrailingZeros());
  }

  /** {@link #round(BigDecimal, int)} for a double; NaN gives an empty string. */
  static String round(double x, int maxDecimals) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return round(BigDecimal.valueOf(x), maxDecimals);
  }

  /** Like {@link #round(BigDecimal, int)} with an explicit "+" for positive values. */
  static String signed(BigDecimal x, int maxDecimals) {
    String s = round(x, maxDecimals);
    return x.signum() > 0 && !"0".equals(s) ? "+" + s : s;
  }

  /** {@code x} to two significant digits with an explicit sign, e.g. {@code -1.0}, {@code +3.5}. */
  static String signedSignificant(BigDecimal x) {
    String s = plain(x.round(new MathContext(2, RoundingMode.HALF_UP)));
    return x.signum() > 0 ? "+" + s : s;
  }
}
