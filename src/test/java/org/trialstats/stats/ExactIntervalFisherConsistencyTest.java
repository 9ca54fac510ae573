package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact conditional odds-ratio interval and Fisher's test on a seeded set of tables.
 *
 * <p>Cornfield's interval at level 1 - alpha excludes 1 exactly when min(P(X &lt;= x1), P(X &gt;=
 * x1)) &lt; alpha/2 at psi = 1, i.e. when the CENTRAL Fisher p-value 2 min(one-sided) is below
 * alpha: the lower limit solves P(X &gt;= x1; psi) = alpha/2 and that tail increases with psi
 * (likewise the upper). R's fisher.test, whose definition trialstats follows, reports this interval
 * but the two-sided p-value of the minimum-likelihood method (sum of the probabilities at most
 * P(x1)), which is a different number. So "interval excludes 1" equals "fisher p &lt; alpha" except
 * for tables where the two p-values fall on opposite sides of alpha; this test asserts the exact
 * equivalence with the central p-value and that the disagreements with the fisher p-value are
 * exactly those straddling tables (R behaves the same way).
 */
class ExactIntervalFisherConsistencyTest {

  @Test
  void intervalExcludesOneExactlyWhenTheCentralFisherPValueIsBelowAlpha() {
    SplittableRandom random = new SplittableRandom(20240614);
    int tables = 0;
    int excluded = 0;
    List<String> straddling = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    while (tables < 1500) {
      long n1 = 1 + random.nextLong(random.nextBoolean() ? 30 : 400);
      long n2 = 1 + random.nextLong(random.nextBoolean() ? 30 : 400);
      TwoByTwo t = TwoByTwo.of(random.nextLong(n1 + 1), n1, random.nextLong(n2 + 1), n2);
      long m = t.x1() + t.x2();
      if (m == 0 || m == n1 + n2) {
        continue; // undefined estimate: no interval
      }
      tables++;
      double level = tables % 3 == 0 ? 0.99 : 0.95;
      double alpha = 1 - level;
      Estimate interval = OddsRatioMethod.EXACT_CONDITIONAL.interval(t, level);
      boolean excludesOne = interval.lower() > 1 || interval.upper() < 1;
      ConditionalOddsRatioDistribution.Evaluation central =
          ConditionalOddsRatioDistribution.of(t).at(0);
      double centralP =
          Math.min(
              1,
              2
                  * Math.exp(
                      Math.min(central.logLowerTail(t.x1(), 1), central.logUpperTail(t.x1(), 1))));
      assertThat(excludesOne)
          .as("%s level %s central p %s", t, level, centralP)
          .isEqualTo(centralP < alpha);
      double fisherP = TwoByTwoTest.FISHER.test(t).pValue();
      if ((fisherP < alpha) != (centralP < alpha)) {
        straddling.add(t + " " + level);
      }
      if (excludesOne != (fisherP < alpha)) {
        disagreements.add(t + " " + level);
      }
      if (excludesOne) {
        excluded++;
      }
    }
    assertThat(disagreements).isEqualTo(straddling);
    // With this seed: 732 of the 1500 intervals exclude 1, and 33 tables (2.2%) have the
    // minimum-likelihood and the central p-value on opposite sides of alpha. The definitions do
    // differ (some straddling tables exist), but rarely.
    assertThat(excluded).isBetween(300, 1200);
    assertThat(disagreements).isNotEmpty();
    assertThat(disagreements.size()).isLessThan(tables / 20);
  }
}
