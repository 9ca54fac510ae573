package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Scoring on t &gt;= 0 with its boundary rule, step halving and bracketing fall-back, on step
 * functions whose iterates can be followed by hand (each comment gives them).
 */
class NonNegativeScoringTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void newtonOnAQuadraticStopsAfterTheStepThatReachesTheMaximum() {
    // l(t) = -(t - 3)^2: score -2(t - 3), information 2, step 3 - t; iterates 0, 3, 3 (step 0)
    NonNegativeScoring.Solution s = NonNegativeScoring.solve(t -> 3 - t, 0, 1, TOLERANCE, 1000);
    assertThat(s.value()).isEqualTo(3);
    assertThat(s.iterations()).isEqualTo(2);
    assertThat(s.bracketed()).isFalse();
  }

  @Test
  void aScoreThatPointsBelowZeroAtTheBoundaryGivesZero() {
    // step -1 - t: from 1 the step -2 leaves [0, inf), and the step at 0 is -1: the solution is 0
    NonNegativeScoring.Solution s = NonNegativeScoring.solve(t -> -1 - t, 1, 1, TOLERANCE, 1000);
    assertThat(s.value()).isZero();
    assertThat(s.iterations()).isEqualTo(1);
    assertThat(s.bracketed()).isFalse();
  }

  @Test
  void aStepThatWouldLeaveTheRangeIsHalvedUntilItStaysInside() {
    // from 1 the step -2 is halved to -1 (to 0, inside); from 0 the step 0.25, then 0
    NonNegativeScoring.Solution s =
        NonNegativeScoring.solve(t -> t > 0.5 ? -2 * t : 0.25 - t, 1, 1, TOLERANCE, 1000);
    assertThat(s.value()).isEqualTo(0.25);
    assertThat(s.iterations()).isEqualTo(3);
    assertThat(s.bracketed()).isFalse();
  }

  @Test
  void oscillatingScoringFallsBackToBracketing() {
    // step 3 (1 - t) overshoots by a factor 2: 0, 3, then -6 halved to -3: 0, 3, 0, ... forever;
    // the fall-back brackets the root 1 in [1, 2] and Brent's method finds it
    NonNegativeScoring.Solution s =
        NonNegativeScoring.solve(t -> 3 * (1 - t), 0, 1, TOLERANCE, 1000);
    assertThat(s.value()).isCloseTo(1, within(1e-14));
    assertThat(s.bracketed()).isTrue();
    assertThat(s.iterations()).isGreaterThan(1000);
  }

  @Test
  void aNonFiniteStepFallsBackToBracketing() {
    // NaN at the start ends the scoring after one iteration; the root of 2 - t is in [2, 4]
    NonNegativeScoring.Solution s =
        NonNegativeScoring.solve(t -> t == 5 ? Double.NaN : 2 - t, 5, 1, TOLERANCE, 1000);
    assertThat(s.value()).isCloseTo(2, within(1e-14));
    assertThat(s.bracketed()).isTrue();
  }

  @Test
  void theFallBackGivesZeroWhenTheStepAtZeroIsNotPositive() {
    // 3 (t - 1) - 1 from 2: 2 + 2 = 4, 4 + 8 = 12, ... away from the root; the step at 0 is -4
    NonNegativeScoring.Solution s =
        NonNegativeScoring.solve(t -> 3 * (t - 1) - 1, 2, 1, TOLERANCE, 20);
    assertThat(s.value()).isZero();
    assertThat(s.bracketed()).isTrue();
    assertThat(s.iterations()).isEqualTo(21);
  }

  @Test
  void noRootThrowsTheKitsFailureWithTheLastIterate() {
    // a score that is positive everywhere: iterates 1, 2, ..., 50, and no sign change above 0
    assertThatThrownBy(() -> NonNegativeScoring.solve(t -> 1, 0, 1, TOLERANCE, 50))
        .isInstanceOfSatisfying(
            RootFindingException.class,
            e -> {
              assertThat(e.lastIterate()).isEqualTo(50);
              assertThat(e.evaluations()).isEqualTo(50);
              assertThat(e.getMessage()).contains("scoring stopped after 50 iterations");
            });
  }

  @Test
  void decreasingRootDoublesFromTheScaleThenUsesBrent() {
    // 10 - t from [0, 1]: upper ends 1, 2, 4, 8, 16 -> bracket [8, 16], 5 evaluations, then Brent
    Root r = NonNegativeScoring.decreasingRoot(t -> 10 - t, 1);
    assertThat(r.value()).isCloseTo(10, within(1e-14));
    assertThat(r.evaluations()).isGreaterThan(5);
    // a scale that is not positive starts the bracket at [0, 1]
    assertThat(NonNegativeScoring.decreasingRoot(t -> 0.5 - t, 0).value())
        .isCloseTo(0.5, within(1e-15));
    assertThatThrownBy(() -> NonNegativeScoring.decreasingRoot(t -> 1, 1))
        .isInstanceOf(RootFindingException.class);
  }
}
