package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BracketTest {

  @Test
  void steppingWalksOneTwoFourFromTheStartTowardsTheRoot() {
    // f(x) = x - 10 from 0: points 0, 1, 3, 7, 15 -> bracket [7, 15]
    Bracket up = Bracket.stepping(x -> x - 10, 0, true, 230);
    assertThat(up.lower()).isEqualTo(7);
    assertThat(up.upper()).isEqualTo(15);
    assertThat(up.evaluations()).isEqualTo(5);
    // decreasing function, root below the start: 0, -1, -3, -7 -> [-7, -3]
    Bracket down = Bracket.stepping(x -> -x - 5, 0, false, 230);
    assertThat(down.lower()).isEqualTo(-7);
    assertThat(down.upper()).isEqualTo(-3);
  }

  @Test
  void steppingReportsAnExactHitAndStopsAtTheLimit() {
    Bracket exact = Bracket.stepping(x -> x - 3, 0, true, 230);
    assertThat(exact.isExact()).isTrue();
    assertThat(exact.lower()).isEqualTo(3);
    assertThatThrownBy(() -> Bracket.stepping(x -> x - 500, 0, true, 230))
        .isInstanceOf(RootFindingException.class)
        .hasMessageContaining("no sign change");
  }

  @Test
  void doublingUpwardMovesTheLowerEndToTheLastUpperEnd() {
    // 100 - x: negative first at 128 from 1 -> [64, 128], 8 evaluations
    Bracket b = Bracket.doublingUpward(x -> 100 - x, 0, 1, 100);
    assertThat(b.lower()).isEqualTo(64);
    assertThat(b.upper()).isEqualTo(128);
    assertThat(b.evaluations()).isEqualTo(8);
    // NaN counts as not yet negative
    Bracket pastNan = Bracket.doublingUpward(x -> x < 5 ? Double.NaN : 10 - x, 0, 1, 100);
    assertThat(pastNan.lower()).isEqualTo(8);
    assertThat(pastNan.upper()).isEqualTo(16);
    assertThatThrownBy(() -> Bracket.doublingUpward(x -> 1, 0, 1, 10))
        .isInstanceOf(RootFindingException.class);
  }

  @Test
  void widenedMovesBothEndsOutUntilTheSignChanges() {
    // the root 1 lies just above [0.5, 1 - 1e-13]: one widening by 1 + 1e-12 reaches it
    Bracket b = Bracket.widened(x -> x - 1, 0.5, 1 - 1e-13);
    assertThat(b.lower()).isEqualTo(0.5 / (1 + 1e-12));
    assertThat(b.upper()).isEqualTo((1 - 1e-13) * (1 + 1e-12));
    assertThat(b.evaluations()).isEqualTo(4);
    // an end that is the root is returned as an exact bracket
    assertThat(Bracket.widened(x -> x - 2, 2, 3).isExact()).isTrue();
    // a root far outside is refused after the widening reaches a factor of 2
    assertThatThrownBy(() -> Bracket.widened(x -> x - 100, 1, 2))
        .isInstanceOf(RootFindingException.class)
        .hasMessageContaining("does not contain the root");
  }
}
