package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntegerSearchTest {

  @Test
  void smallestAndLargestFindTheBoundaryInLogarithmicTime() {
    AtomicInteger calls = new AtomicInteger();
    long first =
        IntegerSearch.smallest(0, 1L << 40, k -> calls.incrementAndGet() > 0 && k >= 123_456_789);
    assertThat(first).isEqualTo(123_456_789);
    assertThat(calls.get()).isLessThanOrEqualTo(41);
    assertThat(IntegerSearch.largest(-1, 1000, k -> k * k <= 500)).isEqualTo(22);
  }

  @Test
  void theSentinelEndsMeanNone() {
    // never true inside [5, 9]: the sentinel 10 comes back without being evaluated
    assertThat(
            IntegerSearch.smallest(
                5,
                10,
                k -> {
                  assertThat(k).isLessThan(10);
                  return false;
                }))
        .isEqualTo(10);
    assertThat(
            IntegerSearch.largest(
                4,
                9,
                k -> {
                  assertThat(k).isGreaterThan(4);
                  return false;
                }))
        .isEqualTo(4);
  }

  @Test
  void smallestUnboundedDoublesItsGuess() {
    // first square above 10^12: 1,000,001^2 > 10^12 >= 10^6 squared
    assertThat(IntegerSearch.smallestUnbounded(0, 1, k -> k * k > 1_000_000_000_000L))
        .isEqualTo(1_000_001);
    assertThatThrownBy(() -> IntegerSearch.smallestUnbounded(0, 1, k -> false))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void modeOfBinomialAndPoissonMassFunctions() {
    // Binomial(10, 0.3): p(k+1)/p(k) = (10 - k)/(k + 1) * 3/7, mode floor(11 * 0.3) = 3
    assertThat(IntegerSearch.mode(0, 10, k -> Math.log((10.0 - k) / (k + 1) * 3 / 7))).isEqualTo(3);
    // Poisson(4.5) on [0, 100]: ratio 4.5/(k + 1), mode floor(4.5) = 4
    assertThat(IntegerSearch.mode(0, 100, k -> Math.log(4.5 / (k + 1)))).isEqualTo(4);
    // Poisson(4): p(3) = p(4); the smallest mode is returned
    assertThat(IntegerSearch.mode(0, 100, k -> Math.log(4.0 / (k + 1)))).isEqualTo(3);
    // increasing throughout: the top of the support
    assertThat(IntegerSearch.mode(0, 7, k -> 1)).isEqualTo(7);
  }
}
