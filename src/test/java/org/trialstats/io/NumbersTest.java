package org.trialstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void fixedRoundsTheShortestDecimalRepresentation() {
    assertThat(Numbers.fixed(2.675, 2)).isEqualTo("2.68");
    assertThat(Numbers.fixed(0.125, 2)).isEqualTo("0.13");
    assertThat(Numbers.fixed(0.125, 2, RoundingMode.HALF_EVEN)).isEqualTo("0.12");
    assertThat(Numbers.fixed(-0.0004, 2)).isEqualTo("0.00");
    assertThat(Numbers.fixed(Double.POSITIVE_INFINITY, 2)).isEqualTo("∞");
    assertThat(Numbers.fixed(Double.NaN, 2)).isEqualTo("NA");
  }

  @Test
  void fullPrecisionRoundTrips() {
    double x = 0.1 + 0.2;
    assertThat(Double.parseDouble(Numbers.full(x))).isEqualTo(x);
    assertThat(Numbers.full(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(Numbers.full(Double.NaN)).isEmpty();
  }

  @Test
  void fullPrecisionUsesTheLayoutOfDoubleToString() {
    assertThat(Numbers.full(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Numbers.full(0.0)).isEqualTo("0.0");
    assertThat(Numbers.full(-0.0)).isEqualTo("-0.0");
    assertThat(Numbers.full(1.0)).isEqualTo("1.0");
    assertThat(Numbers.full(0.001)).isEqualTo("0.001");
    assertThat(Numbers.full(9.99e-4)).isEqualTo("9.99E-4");
    assertThat(Numbers.full(9999999.0)).isEqualTo("9999999.0");
    assertThat(Numbers.full(1e7)).isEqualTo("1.0E7");
    assertThat(Numbers.full(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(Numbers.full(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
    // Python 3.11: repr(0.16087649402390437) -> '0.16087649402390436', the closer of the two
    // 17-digit decimals that round-trip (exact value 0.160876494023904359487...); JDK 17's
    // Double.toString prints ...437.
    assertThat(Numbers.full(0.16087649402390437)).isEqualTo("0.16087649402390436");
  }

  @Test
  void fullPrecisionIsTheShortestRoundTrippingDecimal() {
    // JDK 17's Double.toString prints 2.50359402940121056E17 here: one digit more than needed
    // (JDK-4511638, fixed in JDK 19 by the same Schubfach algorithm).
    assertThat(Numbers.full(2.5035940294012106E17)).isEqualTo("2.5035940294012106E17");
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261122L);
    for (int i = 0; i < 200_000; i++) {
      double x = i % 2 == 0
          ? random.nextDouble()
          : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      String full = Numbers.full(x);
      assertThat(Double.parseDouble(full)).as(full).isEqualTo(x);
      String jdk = Double.toString(x);
      // never longer than the JDK's string; where the JDK's is already shortest, the same
      // digits unless two shortest decimals round-trip (then the closer one is chosen)
      assertThat(full.length()).as(jdk).isLessThanOrEqualTo(jdk.length());
    }
  }

  @Test
  void significantAndPValues() {
    assertThat(Numbers.significant(9.25598617077215e-05, 4)).isEqualTo("0.00009256");
    assertThat(Numbers.significant(3.93411168131095e-89, 4)).isEqualTo("3.934e-89");
    assertThat(Numbers.pValue(9.25598617077215e-05)).isEqualTo("0.00009256");
    assertThat(Numbers.pValue(0.0803014)).isEqualTo("0.0803");
    assertThat(Numbers.pValue(0.5)).isEqualTo("0.500");
  }

  @Test
  void intervalsShareTheirDecimals() {
    assertThat(Numbers.interval(0.38, 0.322077, 0.441555, 3)).isEqualTo("0.380 (0.322 to 0.442)");
    assertThat(Numbers.interval(3.0, 0.6186721, 8.7672731, 4)).isEqualTo("3.000 (0.619 to 8.767)");
    assertThat(Numbers.interval(0.125, 0.05396613, 0.24629983, 4))
        .isEqualTo("0.1250 (0.0540 to 0.2463)");
    assertThat(Numbers.interval(2.0, 0.5, Double.POSITIVE_INFINITY, 3)).isEqualTo("2.00 (0.50 to ∞)");
    assertThat(Numbers.significant(6400.0, 6)).isEqualTo("6400");
    assertThat(Numbers.significant(95.0, 6)).isEqualTo("95");
  }
}
