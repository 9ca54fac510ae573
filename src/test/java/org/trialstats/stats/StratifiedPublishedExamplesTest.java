package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Published worked examples, compared at the precision they are printed (half a unit of the last
 * printed digit).
 */
class StratifiedPublishedExamplesTest {
  /**
   * SAS/STAT User's Guide, PROC FREQ, "Cochran-Mantel-Haenszel Statistics" example (migraine data,
   * strata = gender; arm 1 = active, event = better): CMH 8.3052 (p 0.0040), MH odds ratio 3.3132
   * (1.4456, 7.5934), MH relative risk (column 1) 2.1636 (1.2336, 3.7948), Breslow-Day 1.4929 with
   * 1 df (p 0.2218).
   */
  @Test
  void sasMigraineExample() {
    StratifiedTables migraine =
        StratifiedTables.of(new long[] {16, 27, 5, 25}, new long[] {12, 28, 7, 26});
    ChiSquareStatistic cmh = StratifiedTest.CMH.test(migraine);
    assertThat(cmh.statistic()).isCloseTo(8.3052, within(0.00005));
    assertThat(cmh.pValue()).isCloseTo(0.0040, within(0.00005));
    Estimate or = StratifiedMethod.OR_MH.interval(migraine, 0.95);
    assertThat(or.estimate()).isCloseTo(3.3132, within(0.00005));
    assertThat(or.lower()).isCloseTo(1.4456, within(0.00005));
    assertThat(or.upper()).isCloseTo(7.5934, within(0.00005));
    Estimate rr = StratifiedMethod.RR_MH.interval(migraine, 0.95);
    assertThat(rr.estimate()).isCloseTo(2.1636, within(0.00005));
    assertThat(rr.lower()).isCloseTo(1.2336, within(0.00005));
    assertThat(rr.upper()).isCloseTo(3.7948, within(0.00005));
    ChiSquareStatistic bd = StratifiedTest.BRESLOW_DAY.test(migraine);
    assertThat(bd.statistic()).isCloseTo(1.4929, within(0.00005));
    assertThat(bd.df()).isEqualTo(1);
    assertThat(bd.pValue()).isCloseTo(0.2218, within(0.00005));
  }

  /**
   * Agresti A, Categorical Data Analysis, 3rd ed. 2013, section 6.4 (Chinese smoking and lung
   * cancer case-control data from 8 cities; arm 1 = cases, event = smoker): MH odds ratio 2.174,
   * CMH 280.1, Breslow-Day 5.2 with 7 df.
   */
  @Test
  void agrestiChineseSmokingExample() {
    StratifiedTables cities =
        StratifiedReferenceTest.parse(
            "126/161:100/161,908/1405:688/1495,913/1249:747/1345,235/293:172/293,"
                + "402/523:308/523,182/254:156/254,60/71:99/142,104/125:89/125");
    assertThat(StratifiedMethod.OR_MH.interval(cities, 0.95).estimate())
        .isCloseTo(2.174, within(0.0005));
    assertThat(StratifiedTest.CMH.test(cities).statistic()).isCloseTo(280.1, within(0.05));
    ChiSquareStatistic bd = StratifiedTest.BRESLOW_DAY.test(cities);
    assertThat(bd.statistic()).isCloseTo(5.2, within(0.05));
    assertThat(bd.df()).isEqualTo(7);
  }
}
