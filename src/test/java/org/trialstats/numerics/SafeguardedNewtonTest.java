package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.trialstats.numerics.SafeguardedNewton.Safeguard;

class SafeguardedNewtonTest {

  @Test
  void convergesToClosedFormRoots() {
    // sqrt(2) = 1.41421356237309504880..., f = 2 - x^2 positive below the root
    double sqrt2 =
        SafeguardedNewton.solve(
            (x, d) -> d.set(2 - x * x, -2 * x),
            new Derivatives(),
            0,
            2,
            true,
            1,
            1e-12,
            Safeguard.BRACKET);
    assertThat(sqrt2).isCloseTo(Math.sqrt(2), within(4e-16));
    // negative below the root: x^3 - 10, root 10^(1/3) = 2.15443469003188372175...
    double cube =
        SafeguardedNewton.solve(
            (x, d) -> d.set(x * x * x - 10, 3 * x * x),
            new Derivatives(),
            0,
            10,
            false,
            9,
            1e-12,
            Safeguard.SHRINKING_STEPS);
    assertThat(cube).isCloseTo(2.154434690031884, within(1e-15));
  }

  @Test
  void bisectsWhereNewtonWouldCycleOrLeaveTheBracket() {
    // atan(x): Newton from |x| > 1.39 diverges, alternating sides with growing steps
    double root =
        SafeguardedNewton.solve(
            (x, d) -> d.set(-Math.atan(x), -1 / (1 + x * x)),
            new Derivatives(),
            -5,
            10,
            true,
            9,
            1e-12,
            Safeguard.SHRINKING_STEPS);
    assertThat(root).isCloseTo(0, within(1e-15));
    // a start outside the bracket is replaced by the midpoint
    double outside =
        SafeguardedNewton.solve(
            (x, d) -> d.set(3 - x, -1),
            new Derivatives(),
            0,
            4,
            true,
            17,
            1e-12,
            Safeguard.BRACKET);
    assertThat(outside).isEqualTo(3);
  }

  @Test
  void aStepFunctionEndsAtTheBracketThatCannotBeSplit() {
    // no derivative information: the slope is wrong, so only bisection narrows towards 1/3
    double jump =
        SafeguardedNewton.solve(
            (x, d) -> d.set(x < 1.0 / 3 ? 1 : -1, 1e-300),
            new Derivatives(),
            0,
            1,
            true,
            0.5,
            1e-12,
            Safeguard.BRACKET);
    assertThat(jump).isCloseTo(1.0 / 3, within(1e-16));
  }
}
