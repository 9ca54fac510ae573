package org.trialstats.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A figure as printed in a source: its value, unit, printed precision and wording.
 *
 * <p>The printed precision is {@code decimals}, the number of decimals shown: 0 for "38%", 2 for
 * "0.12", and negative for figures rounded to tens or hundreds (-2 for "about 6,400" read as
 * rounded to the nearest hundred). A true value {@code x} is consistent with a point figure ({@link
 * Qualifier#isPointValue()}) when {@code x} rounded half-up at {@code decimals} equals {@code
 * value}, that is when {@code value - halfUnit() <= x < value + halfUnit()} for non-negative
 * values.
 *
 * @param value the printed number (for a date, its year)
 * @param unit the unit as used in the dataset, e.g. {@code %}, {@code patient-years}
 * @param decimals number of decimals shown, from -15 to 15
 * @param qualifier how the figure is worded ("about", "more than", ...)
 * @param asReported the printed wording, short, e.g. {@code approximately 6,400 patient years}
 */
public record Reported(
    double value, String unit, int decimals, Qualifier qualifier, String asReported) {

  /** Largest accepted absolute number of decimals. */
  static final int MAX_DECIMALS = 15;

  public Reported {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, got " + value);
    }
    if (decimals < -MAX_DECIMALS || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be between -"
              + MAX_DECIMALS
              + " and "
              + MAX_DECIMALS
              + ", got "
              + decimals);
    }
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(asReported, "asReported");
  }

  /**
   * Half of the last printed unit, {@code 0.5 * 10^-decimals}: 0.5 for "38%", 0.005 for "0.12", 50
   * for "6,400" at {@code decimals = -2}.
   */
  public double halfUnit() {
    return halfUnitExact().doubleValue();
  }

  /**
   * Whether {@code x}, rounded at this figure's decimals with {@code mode}, equals the printed
   * value. The rounding is done in decimal arithmetic on the shortest decimal representation of
   * {@code x} ({@link BigDecimal#valueOf(double)}), so 0.125 is a tie and rounds half-up to 0.13.
   *
   * @return false for NaN or infinite {@code x}
   */
  public boolean roundsTo(double x, RoundingMode mode) {
    if (!Double.isFinite(x)) {
      return false;
    }
    return roundsTo(BigDecimal.valueOf(x), mode);
  }

  /** {@link #roundsTo(double, RoundingMode)} for an exact decimal {@code x}. */
  boolean roundsTo(BigDecimal x, RoundingMode mode) {
    return x.setScale(decimals, mode)
            .compareTo(exactValue().setScale(decimals, RoundingMode.HALF_UP))
        == 0;
  }

  /** The printed value as an exact decimal, without trailing zeros (6400, not 6400.0). */
  BigDecimal exactValue() {
    return BigDecimal.valueOf(value).stripTrailingZeros();
  }

  /** {@code 0.5 * 10^-decimals} as an exact decimal. */
  BigDecimal halfUnitExact() {
    return new BigDecimal(BigInteger.valueOf(5), decimals + 1);
  }

  /** Lowest true value that rounds half-up to the printed value: {@code value - halfUnit()}. */
  BigDecimal lowerLimit() {
    return exactValue().subtract(halfUnitExact());
  }

  /**
   * Upper end (exclusive) of the values that round to the printed value: {@code value +
   * halfUnit()}.
   */
  BigDecimal upperLimit() {
    return exactValue().add(halfUnitExact());
  }

  /** The printed value formatted at its printed decimals, without the unit. */
  public String valueText() {
    return Decimals.plain(exactValue().setScale(Math.max(decimals, 0), RoundingMode.HALF_UP));
  }
}
