package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonotoneRootTest {

  @Test
  void findsRootsFarFromTheStartInEitherDirection() {
    // exp(t) = 1e30 at t = 30 log 10 = 69.07755278982137
    assertThat(MonotoneRoot.solve(t -> Math.exp(t) - 1e30, 0, true))
        .isCloseTo(30 * Math.log(10), within(1e-13));
    // decreasing: 5 - t = 0 from a start above the root
    assertThat(MonotoneRoot.solve(t -> 5 - t, 40, false)).isCloseTo(5, within(1e-14));
    // a root exactly at the start
    assertThat(MonotoneRoot.solve(t -> t - 2, 2, true)).isEqualTo(2);
  }

  @Test
  void infiniteValuesOnTheWayOnlyCountBySign() {
    // -Infinity below 1, finite above: root at t = 3
    assertThat(MonotoneRoot.solve(t -> t < 1 ? Double.NEGATIVE_INFINITY : t - 3, -50, true))
        .isCloseTo(3, within(1e-13));
  }

  @Test
  void refusesFunctionsWithoutASignChangeOrWithNaN() {
    assertThatThrownBy(() -> MonotoneRoot.solve(t -> 1 + Math.exp(t), 0, true))
        .isInstanceOf(RootFindingException.class)
        .hasMessageContaining("no sign change");
    assertThatThrownBy(() -> MonotoneRoot.solve(t -> Double.NaN, 0, true))
        .isInstanceOf(RootFindingException.class)
        .hasMessageContaining("NaN");
  }
}
