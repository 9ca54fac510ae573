package org.trialstats.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.trialstats.io.Numbers;

/**
 * How a p-value is printed in a clinical-study-report table: {@code decimals} decimals (rounded
 * half away from zero); values that round to zero printed as {@code <.0001} (for 4 decimals);
 * values above {@code upperBound} printed as {@code >.99}; without a leading zero ({@code .0312},
 * as SAS's PVALUE format) unless {@code leadingZero}; an optional flag (e.g. {@code *}) appended
 * when p is below {@code flagBelow}; a blank cell where no p-value could be computed (NaN).
 *
 * @param decimals decimals shown, 1 to 8
 * @param upperBound p-values above this are printed as {@code >bound} (e.g. 0.99); 1 or more to
 *     print every value
 * @param leadingZero whether a zero precedes the decimal point ({@code 0.0312} or {@code .0312})
 * @param flag text appended to p-values below {@code flagBelow}; empty for none
 * @param flagBelow threshold of the flag, in (0, 1)
 */
public record AePValueRule(
    int decimals, double upperBound, boolean leadingZero, String flag, double flagBelow) {

  public AePValueRule {
    if (decimals < 1 || decimals > 8) {
      throw new IllegalArgumentException("p-value decimals must be 1 to 8, got " + decimals);
    }
    flag = flag == null ? "" : flag;
    if (!(flagBelow > 0 && flagBelow < 1)) {
      throw new IllegalArgumentException("the flag threshold must be in (0, 1), got " + flagBelow);
    }
  }

  /** As SAS's PVALUE6.4 format with an upper bound: 4 decimals, {@code <.0001}, {@code >.99}. */
  public static AePValueRule defaults() {
    return new AePValueRule(4, 0.99, false, "", 0.05);
  }

  /** This rule with {@code flag} appended to p-values below {@code threshold}. */
  public AePValueRule withFlag(String newFlag, double threshold) {
    return new AePValueRule(decimals, upperBound, leadingZero, newFlag, threshold);
  }

  /** The printed p-value; empty for NaN (not computable). */
  public String format(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    String flagged = !flag.isEmpty() && p < flagBelow ? flag : "";
    BigDecimal smallest = BigDecimal.ONE.movePointLeft(decimals);
    if (Numbers.fixed(p, decimals, RoundingMode.HALF_UP).matches("0\\.0*")) {
      return "<" + strip(smallest.toPlainString()) + flagged;
    }
    if (upperBound < 1 && p > upperBound) {
      return ">" + strip(BigDecimal.valueOf(upperBound).toPlainString()) + flagged;
    }
    return strip(Numbers.fixed(p, decimals, RoundingMode.HALF_UP)) + flagged;
  }

  /** The rule in words, for a footnote. */
  public String description() {
    String smallest = strip(BigDecimal.ONE.movePointLeft(decimals).toPlainString());
    return "p-values with "
        + decimals
        + " decimals, \"<"
        + smallest
        + "\" below "
        + smallest
        + (upperBound < 1
            ? ", \">"
                + strip(BigDecimal.valueOf(upperBound).toPlainString())
                + "\" above "
                + BigDecimal.valueOf(upperBound).toPlainString()
            : "")
        + (flag.isEmpty()
            ? ""
            : "; " + flag + " p < " + BigDecimal.valueOf(flagBelow).toPlainString())
        + "; blank where not computable";
  }

  private String strip(String number) {
    return leadingZero || !number.startsWith("0.") ? number : number.substring(1);
  }
}
