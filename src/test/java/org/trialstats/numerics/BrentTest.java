package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrentTest {

  @Test
  void findsClosedFormRootsToTheRequestedAccuracy() {
    // cos x = x at the Dottie number 0.7390851332151606416553120876738734040134...
    Root dottie = Brent.solve(x -> Math.cos(x) - x, new Bracket(0, 1, 0), 1e-15, 1e-15, 100);
    assertThat(dottie.value()).isCloseTo(0.7390851332151607, within(4e-15));
    assertThat(dottie.evaluations()).isBetween(3, 20);
    // x^3 = 2: 2^(1/3) = 1.2599210498948731647672106...
    Root cubeRoot = Brent.solve(x -> x * x * x - 2, new Bracket(1, 2, 3), 1e-15, 0, 100);
    assertThat(cubeRoot.value()).isCloseTo(1.2599210498948732, within(4e-15));
    assertThat(cubeRoot.evaluations()).isGreaterThan(3);
  }

  @Test
  void returnsAnExactBracketWithoutEvaluating() {
    Root root =
        Brent.solve(
            x -> {
              throw new AssertionError();
            },
            new Bracket(2, 2, 7),
            1e-15,
            0,
            9);
    assertThat(root.value()).isEqualTo(2);
    assertThat(root.evaluations()).isEqualTo(7);
  }

  @Test
  void failuresFromCommonsMathBecomeRootFindingExceptions() {
    assertThatThrownBy(() -> Brent.solve(x -> x * x + 1, new Bracket(-1, 2, 0), 1e-15, 0, 100))
        .isInstanceOf(RootFindingException.class)
        .hasMessageContaining("no root in [-1.0, 2.0]");
    assertThatThrownBy(() -> Brent.solve(Math::sin, new Bracket(3, 4, 0), 1e-300, 0, 2))
        .isInstanceOf(RootFindingException.class);
  }
}
