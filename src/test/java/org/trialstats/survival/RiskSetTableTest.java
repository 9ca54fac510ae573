package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The counting construction of the risk-set table gives exactly the sorting construction's. */
class RiskSetTableTest {

  /** Tied whole-day times, 3 groups, 4 strata, about a third censored; zeros included. */
  private static SurvivalSample tiedSample(long seed, int n, int days) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    int[] group = new int[n];
    int[] stratum = new int[n];
    for (int i = 0; i < n; i++) {
      time[i] = random.nextInt(days);
      event[i] = random.nextInt(3) > 0;
      group[i] = random.nextInt(3);
      stratum[i] = random.nextInt(4);
    }
    return SurvivalSample.of(time, event, group, 3, stratum, 4);
  }

  private static void assertSameTable(RiskSetTable expected, RiskSetTable actual) {
    assertEquals(expected.groups, actual.groups);
    assertEquals(expected.strata, actual.strata);
    assertArrayEquals(expected.start, actual.start);
    assertArrayEquals(expected.time, actual.time);
    assertArrayEquals(expected.risk, actual.risk);
    assertArrayEquals(expected.events, actual.events);
    assertArrayEquals(expected.censored, actual.censored);
    assertArrayEquals(expected.eventRows, actual.eventRows);
  }

  @Test
  void countingMatchesSortingPooledAndByStratum() {
    for (long seed = 1; seed <= 20; seed++) {
      // 5,000 distinct times forces several growths of the hash table and of the counts.
      SurvivalSample sample = tiedSample(seed, 20_000, seed % 2 == 0 ? 40 : 5_000);
      for (boolean byStratum : new boolean[] {false, true}) {
        RiskSetTable counted = RiskSetTable.byCounting(sample, byStratum, 1 << 16);
        assertNotNull(counted);
        assertSameTable(RiskSetTable.bySorting(sample, byStratum), counted);
      }
    }
  }

  @Test
  void countingGivesWayToSortingBeyondItsLimitAndOnNegativeZero() {
    SurvivalSample sample = tiedSample(7, 1_000, 500);
    assertNull(RiskSetTable.byCounting(sample, true, 10));
    assertSameTable(RiskSetTable.bySorting(sample, true), RiskSetTable.of(sample, true));
    SurvivalSample signedZero =
        SurvivalSample.of(
            new double[] {0.0, -0.0, 1.0},
            new boolean[] {true, true, false},
            new int[3],
            1,
            null,
            1);
    assertNull(RiskSetTable.byCounting(signedZero, false, 100));
    assertSameTable(RiskSetTable.bySorting(signedZero, false), RiskSetTable.of(signedZero, false));
  }
}
