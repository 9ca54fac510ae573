package org.trialstats.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class LogScaleHalleyTest {

  @Test
  void solvesPowerEquationsOnTheLogScale() {
    // f(u) = 3u - log(5): x^3 = 5, x = 5^(1/3) = 1.7099759466766969893531...
    double root =
        LogScaleHalley.root(100, (x, d) -> d.set(3 * Math.log(x) - Math.log(5), 3, 0), "cube");
    assertThat(root).isCloseTo(1.709975946676697, withinPercentage(1e-13));
    // log(x / (1 + x)) = log(0.25): x = 1/3, with its derivatives in u = log x
    double odds =
        LogScaleHalley.root(
            1e-6,
            (x, d) -> {
              double p = x / (1 + x);
              d.set(Math.log(p) - Math.log(0.25), 1 - p, -p * (1 - p));
            },
            "odds");
    assertThat(odds).isCloseTo(1.0 / 3, withinPercentage(1e-13));
  }

  @Test
  void aFunctionPositiveEverywhereEndsWhereTheScaleRunsOut() {
    // no root: steps of -4 in log(x) until x cannot be divided further
    double end = LogScaleHalley.root(1, (x, d) -> d.set(1, 0, 0), "nothing");
    assertThat(end).isPositive().isLessThan(1e-300);
  }
}
