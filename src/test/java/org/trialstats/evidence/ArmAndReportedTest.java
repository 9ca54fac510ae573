package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Reported} rounding and {@link Arm} count derivation. The exact bound formula for
 * compatible counts is checked against brute force (rounding 100 k / n in decimal arithmetic for
 * every k near the bounds) on seeded random cases.
 */
class ArmAndReportedTest {

  private static Reported percent(String value) {
    BigDecimal v = new BigDecimal(value);
    return new Reported(v.doubleValue(), "%", v.scale(), Qualifier.EXACT, value + "%");
  }

  @Test
  void halfUnitFollowsThePrintedDecimals() {
    assertThat(percent("38").halfUnit()).isEqualTo(0.5);
    assertThat(new Reported(0.12, "rate", 2, Qualifier.EXACT, "0.12").halfUnit()).isEqualTo(0.005);
    assertThat(new Reported(6400, "py", -2, Qualifier.ABOUT, "about 6,400").halfUnit())
        .isEqualTo(50.0);
  }

  @Test
  void roundsToDecidesTiesInDecimalArithmetic() {
    Reported rate = new Reported(0.12, "per 100", 2, Qualifier.EXACT, "0.12");
    // 0.125 is a decimal tie: half-up 0.13, half-even 0.12, truncation 0.12
    assertThat(rate.roundsTo(0.125, RoundingMode.HALF_UP)).isFalse();
    assertThat(rate.roundsTo(0.125, RoundingMode.HALF_EVEN)).isTrue();
    assertThat(rate.roundsTo(0.125, RoundingMode.DOWN)).isTrue();
    assertThat(rate.roundsTo(0.1249999, RoundingMode.HALF_UP)).isTrue();
    assertThat(rate.roundsTo(Double.NaN, RoundingMode.HALF_UP)).isFalse();
    Reported hundreds = new Reported(6400, "py", -2, Qualifier.ABOUT, "about 6,400");
    assertThat(hundreds.roundsTo(6449.99, RoundingMode.HALF_UP)).isTrue();
    assertThat(hundreds.roundsTo(6450, RoundingMode.HALF_UP)).isFalse();
    assertThat(hundreds.roundsTo(6350, RoundingMode.HALF_UP)).isTrue();
    assertThat(hundreds.roundsTo(6625, RoundingMode.HALF_UP)).isFalse();
  }

  @Test
  void compatibleCountsAtTheEdgesOfTheScale() {
    // 0% of 10: only 0 (10% for k = 1); 100% of 10: only 10 (90% for k = 9)
    assertThat(new Arm("a", 10, null, percent("0")).compatibleEvents()).containsExactly(0L);
    assertThat(new Arm("a", 10, null, percent("100")).compatibleEvents()).containsExactly(10L);
    // 4.5% of 200: 9 / 200 = 4.5% only (8 -> 4.0%, 10 -> 5.0%)
    assertThat(new Arm("a", 200, null, percent("4.5")).compatibleEvents()).containsExactly(9L);
    // 33% of 4 is impossible: 25% or 50%; the point count is the nearest, 1.32 -> 1
    Arm impossible = new Arm("a", 4, null, percent("33"));
    assertThat(impossible.compatibleEvents()).isEmpty();
    assertThat(impossible.primaryEvents()).isEqualTo(1);
    // printed events win over the percentage
    Arm printed = new Arm("a", 1729, 1235L, percent("71"));
    assertThat(printed.compatibleEvents()).containsExactly(1235L);
    assertThat(printed.primaryEvents()).isEqualTo(1235);
  }

  @Test
  void compatibleCountsForABillionSubjectsTakeNoMemory() {
    // 38% of 1e9: 37.5% <= 100 k / 1e9 < 38.5%  <=>  375,000,000 <= k < 385,000,000
    Arm arm = new Arm("a", 1_000_000_000L, null, percent("38"));
    List<Long> counts = arm.compatibleEvents();
    assertThat(counts).hasSize(10_000_000);
    assertThat(counts.get(0)).isEqualTo(375_000_000L);
    assertThat(counts.get(counts.size() - 1)).isEqualTo(384_999_999L);
    assertThat(arm.primaryEvents()).isEqualTo(380_000_000L);
    assertThatThrownBy(() -> counts.get(10_000_000)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void armRejectsInconsistentInput() {
    assertThatThrownBy(() -> new Arm("a", 0, 0L, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Arm("a", 10, 11L, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Arm("a", 10, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    Reported bound = new Reported(10, "%", 0, Qualifier.MORE_THAN, "more than 10%");
    assertThatThrownBy(() -> new Arm("a", 10, null, bound))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> randomArms() {
    SplittableRandom random = new SplittableRandom(20240611L);
    return Stream.generate(
            () -> {
              long n = 1 + random.nextLong(random.nextBoolean() ? 300 : 2_000_000_000L);
              long k = random.nextLong(n + 1);
              int decimals = random.nextInt(3);
              return Arguments.of(n, k, decimals);
            })
        .limit(300);
  }

  /**
   * Prints 100 k / n at 0 to 2 decimals (half-up), then checks that k is compatible, that the first
   * and last compatible counts round to the printed value, and that their outer neighbours do not.
   */
  @ParameterizedTest
  @MethodSource("randomArms")
  void compatibleRangeMatchesBruteForce(long n, long k, int decimals) {
    BigDecimal exact =
        BigDecimal.valueOf(k)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(n), Decimals.CONTEXT);
    BigDecimal printed = exact.setScale(decimals, RoundingMode.HALF_UP);
    Reported reported =
        new Reported(
            printed.doubleValue(), "%", decimals, Qualifier.EXACT, printed.toPlainString() + "%");
    Arm arm = new Arm("a", n, null, reported);
    List<Long> counts = arm.compatibleEvents();
    assertThat(counts).isNotEmpty();
    long first = counts.get(0);
    long last = counts.get(counts.size() - 1);
    assertThat(k).isBetween(first, last);
    assertThat(roundsTo(reported, first, n)).isTrue();
    assertThat(roundsTo(reported, last, n)).isTrue();
    if (first > 0) {
      assertThat(roundsTo(reported, first - 1, n)).isFalse();
    }
    if (last < n) {
      assertThat(roundsTo(reported, last + 1, n)).isFalse();
    }
    assertThat(arm.primaryEvents()).isBetween(first, last);
  }

  private static boolean roundsTo(Reported reported, long k, long n) {
    BigDecimal p =
        BigDecimal.valueOf(k)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(n), Decimals.CONTEXT);
    return reported.roundsTo(p, RoundingMode.HALF_UP);
  }
}
