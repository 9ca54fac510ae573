package org.trialstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact unconditional intervals (Chan-Zhang score, Santner-Snell raw difference, risk-ratio score)
 * against published values and the independent Python implementation
 * (fixtures/unconditional_intervals.py).
 */
class UnconditionalExactIntervalTest {

  /**
   * SAS PROC FREQ EXACT RISKDIFF(METHOD=NOSCORE) values as quoted (4 decimals) in the tern vignette
   * "Unconditional Exact Confidence Interval for Difference in Proportions", and Santner &amp;
   * Snell (1980, section 4) for 0/2 vs 2/2 at 90%: agreement to the 4 decimals given.
   */
  @ParameterizedTest
  @CsvSource({
    "40, 78, 5, 17, 0.95, -0.0466, 0.4676",
    "27, 57, 3, 3, 0.95, -0.9057, 0.1197",
    "27, 57, 3, 3, 0.99, -0.9586, 0.2677",
    "0, 2, 2, 2, 0.90, -1, 0.0543"
  })
  void rawDifferenceMatchesSasAndSantnerSnell(
      long x1, long n1, long x2, long n2, double level, double lower, double upper) {
    Estimate e = raw(TwoByTwo.of(x1, n1, x2, n2), level);
    assertThat(e.lower()).isCloseTo(lower, within(5.0001e-5));
    assertThat(e.upper()).isCloseTo(upper, within(5.0001e-5));
    assertThat(e.method()).isEqualTo("exact-unconditional-raw");
  }

  /**
   * StatXact 11 (and, for 13/13 vs 0/7, SAS 9.4 EXACT RISKDIFF) values quoted in the test suite of
   * the R package exact2x2 (inst/slowTests/test_StatXact.R; its arms are swapped, it estimates p2 -
   * p1 and p2 / p1), at the decimals printed there (tolerance half a unit of the last one): the
   * score statistic for the difference and the ratio, with gamma = 0 and with the Berger-Boos gamma
   * = 1e-6 (every gamma value quoted there). The gamma rows fix the definition of the restriction:
   * the nuisance proportion (p2 for rd, p1 for rr) in its own Clopper-Pearson 1 - gamma interval
   * reproduces all of them, while both arms at level sqrt(1 - gamma) gives 0.5690 for the upper
   * limit of 6/13 vs 2/7 and 29.04 for that of 11/13 vs 2/7. Kind: rd (difference) or rr (ratio).
   */
  @ParameterizedTest
  @CsvSource({
    "rd, 6, 13, 2, 7, 0, -0.3108, 0.00005, 0.5787, 0.00005",
    "rd, 13, 13, 0, 7, 0, 0.5904, 0.00005, 1.000, 0.00005",
    "rd, 24, 61, 10, 35, 0, -0.09922, 0.000005, 0.2949, 0.00005",
    "rd, 24, 61, 10, 35, 1e-6, -0.09731, 0.000005, 0.2949, 0.00005",
    "rd, 6, 13, 2, 7, 1e-6, -0.3108, 0.00005, 0.5787, 0.00005",
    "rd, 13, 13, 0, 7, 1e-6, 0.5904, 0.00005, 1.000, 0.00005",
    "rr, 11, 13, 2, 7, 0, 1.078, 0.0005, 29.1, 0.05",
    "rr, 11, 13, 2, 7, 1e-6, 1.078, 0.0005, 28.74, 0.005"
  })
  void matchesStatXact(
      String kind,
      long x1,
      long n1,
      long x2,
      long n2,
      double gamma,
      double lower,
      double lowerTolerance,
      double upper,
      double upperTolerance) {
    TwoByTwo t = TwoByTwo.of(x1, n1, x2, n2);
    Estimate e =
        kind.equals("rr")
            ? UnconditionalExactInterval.riskRatio(t, 0.95, gamma, "exact-unconditional")
            : UnconditionalExactInterval.riskDifference(
                t, 0.95, true, gamma, "exact-unconditional");
    assertThat(e.lower()).isCloseTo(lower, within(lowerTolerance));
    assertThat(e.upper()).isCloseTo(upper, within(upperTolerance));
  }

  /**
   * Every row of the Python reference: limits of the difference to 2e-8 absolute, of the ratio to
   * 2e-8 relative (both searches stop at 1e-9 in their scaled parameter, the reference at 1e-17).
   */
  @Test
  void agreesWithIndependentPythonImplementation() {
    assertAgreesWithFixture("unconditional_intervals.csv", 2e-8, 30);
  }

  /**
   * Every row of the independent 40-digit mpmath reference (fixtures/berger_boos_mpmath.py: direct
   * tails, the ratio parameterised by p1, Clopper-Pearson limits and the restricted supremum at 40
   * digits): the Berger-Boos restriction with gamma = 1e-6, 0.001 and 0.01 on the StatXact tables
   * and small ones, and gamma = 0 on 70 further tables (zero cells, all-event arms, ties,
   * unbalanced arms, levels 0.8 to 0.99). Limits of the difference to 1e-9 absolute, of the ratio
   * to 1e-9 relative: the Java search stops at 5e-11 in delta (relative in theta), the reference at
   * 1e-15; the largest deviation is 7e-11.
   */
  @Test
  void agreesWithMpmathBergerBoosReference() {
    assertAgreesWithFixture("berger_boos_mpmath.csv", 1e-9, 281);
  }

  private static void assertAgreesWithFixture(String file, double tolerance, int minimumRows) {
    List<CSVRecord> rows = RatioFixtures.read(RatioFixtures.FIXTURES + file);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(minimumRows);
    for (CSVRecord r : rows) {
      TwoByTwo t =
          TwoByTwo.of(
              Long.parseLong(r.get("x1")),
              Long.parseLong(r.get("n1")),
              Long.parseLong(r.get("x2")),
              Long.parseLong(r.get("n2")));
      double level = Double.parseDouble(r.get("level"));
      double gamma = Double.parseDouble(r.get("gamma"));
      String kind = r.get("statistic");
      Estimate e =
          kind.equals("rr")
              ? UnconditionalExactInterval.riskRatio(t, level, gamma, "exact-unconditional")
              : UnconditionalExactInterval.riskDifference(
                  t, level, kind.equals("rd"), gamma, "exact-unconditional");
      double lower = RatioFixtures.number(r.get("lower"));
      double upper = RatioFixtures.number(r.get("upper"));
      String what = file + " " + kind + " " + t + " level " + level + " gamma " + gamma;
      if (kind.equals("rr")) {
        RatioFixtures.assertRelative(e.lower(), lower, tolerance, what + " lower");
        RatioFixtures.assertRelative(e.upper(), upper, tolerance, what + " upper");
      } else {
        assertThat(e.lower()).as(what + " lower").isCloseTo(lower, within(tolerance));
        assertThat(e.upper()).as(what + " upper").isCloseTo(upper, within(tolerance));
      }
    }
  }

  private static Estimate score(TwoByTwo t, double level) {
    return UnconditionalExactInterval.riskDifference(t, level, true, 0, "exact-unconditional");
  }

  private static Estimate raw(TwoByTwo t, double level) {
    return UnconditionalExactInterval.riskDifference(t, level, false, 0, "exact-unconditional-raw");
  }

  private static Estimate ratio(TwoByTwo t, double level) {
    return UnconditionalExactInterval.riskRatio(t, level, 0, "exact-unconditional");
  }

  /** The interval contains the estimate and widens with the level, for all three statistics. */
  @ParameterizedTest
  @CsvSource({"7, 10, 2, 10", "12, 20, 5, 25", "0, 10, 3, 10", "9, 12, 3, 30", "30, 60, 20, 60"})
  void containsEstimateAndNestsByLevel(long x1, long n1, long x2, long n2) {
    TwoByTwo t = TwoByTwo.of(x1, n1, x2, n2);
    for (int m = 0; m < 3; m++) {
      Estimate previous = null;
      for (double level : new double[] {0.8, 0.9, 0.95, 0.99}) {
        Estimate e = m == 0 ? score(t, level) : m == 1 ? raw(t, level) : ratio(t, level);
        assertThat(e.lower()).as(m + " " + level).isLessThanOrEqualTo(e.estimate());
        assertThat(e.upper()).as(m + " " + level).isGreaterThanOrEqualTo(e.estimate());
        if (previous != null) {
          assertThat(e.lower()).as(m + " nested").isLessThanOrEqualTo(previous.lower());
          assertThat(e.upper()).as(m + " nested").isGreaterThanOrEqualTo(previous.upper());
        }
        previous = e;
      }
    }
  }

  /** Swapping the arms negates (difference) or inverts (ratio) the interval. */
  @Test
  void swappingArmsMirrorsTheInterval() {
    TwoByTwo t = TwoByTwo.of(12, 20, 5, 25);
    TwoByTwo swapped = TwoByTwo.of(5, 25, 12, 20);
    Estimate d = score(t, 0.95);
    Estimate ds = score(swapped, 0.95);
    assertThat(d.lower()).isCloseTo(-ds.upper(), within(1e-12));
    assertThat(d.upper()).isCloseTo(-ds.lower(), within(1e-12));
    Estimate r = ratio(t, 0.95);
    Estimate rs = ratio(swapped, 0.95);
    assertThat(r.lower() * rs.upper()).isCloseTo(1, within(1e-12));
  }

  /** Berger-Boos: gamma outside [0, alpha/2) and oversized tables are refused. */
  @Test
  void refusesInvalidGammaAndOversizedTables() {
    TwoByTwo t = TwoByTwo.of(3, 10, 1, 10);
    assertThatThrownBy(() -> UnconditionalExactInterval.riskDifference(t, 0.95, true, 0.03, "x"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("0 <= gamma < alpha/2")
        .hasMessageContaining("[0, 0.025")
        .hasMessageContaining("got gamma = 0.03");
    assertThatThrownBy(() -> UnconditionalExactInterval.riskRatio(t, 0.95, -1e-9, "x"))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("0 <= gamma < alpha/2");
    assertThatThrownBy(() -> score(TwoByTwo.of(10, 2000, 10, 2000), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("(n1+1)(n2+1) <= 1100000");
    assertThatThrownBy(() -> ratio(TwoByTwo.of(0, 5, 0, 5), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("undefined estimate");
  }

  /**
   * The scan's block decision ({@code UpperTail.blockBetween}) holds point by point: whenever it
   * accepts a block of scan points, P_U at each point, from the grid with Brent refinement and from
   * a dense uniform scan of 4001 nuisance values, lies in [alpha/4, alpha/2]; over blocks of 2 to
   * 64 points (steps of 1/(8N) in log theta or atanh delta) below the lower limit of ten tables.
   */
  @Test
  void blockDecisionHoldsAtEveryPoint() {
    int[][] tables = {
      {10, 100, 3, 100}, {3, 100, 10, 100}, {2, 100, 0, 100}, {40, 78, 5, 17}, {9, 12, 3, 30},
      {24, 61, 10, 35}, {6, 13, 2, 7}, {50, 100, 40, 100}, {1, 25, 7, 20}, {15, 40, 4, 45}
    };
    int accepted = 0;
    int rejected = 0;
    for (int[] t : tables) {
      for (UnconditionalExactInterval.Ordering o :
          List.of(
              UnconditionalExactInterval.Ordering.RISK_DIFFERENCE_SCORE,
              UnconditionalExactInterval.Ordering.RISK_RATIO_SCORE)) {
        if (t[0] == 0) {
          continue;
        }
        boolean ratio = o == UnconditionalExactInterval.Ordering.RISK_RATIO_SCORE;
        UnconditionalExactInterval.UpperTail tail =
            new UnconditionalExactInterval.UpperTail(o, t[0], t[1], t[2], t[3], 0.025, 0);
        assertThat(tail.blocks()).isTrue();
        double step = 1.0 / (8 * (t[1] + t[3]));
        TwoByTwo table = TwoByTwo.of(t[0], t[1], t[2], t[3]);
        double limit =
            ratio
                ? UnconditionalExactInterval.riskRatio(table, 0.95, 0, "rr").lower()
                : UnconditionalExactInterval.riskDifference(table, 0.95, true, 0, "rd").lower();
        if (limit <= (ratio ? 0 : -1)) {
          continue;
        }
        double start = ratio ? Math.log(limit) : 0.5 * Math.log((1 + limit) / (1 - limit));
        for (int size = 2; size <= 64; size *= 2) {
          for (double s = start - step; s > start - 1; s -= 0.029) {
            double[] phis = new double[size];
            for (int k = 0; k < size; k++) {
              double sk = s - k * step;
              phis[k] = ratio ? Math.exp(sk) : Math.tanh(Math.max(-18, sk));
            }
            if (!tail.blockBetween(phis, size)) {
              rejected++;
              continue;
            }
            accepted++;
            for (double phi : phis) {
              double refined = tail.pValue(phi);
              assertThat(refined).as("%s %s phi %s", o, List.of(t), phi).isBetween(0.0125, 0.025);
              double high = ratio ? Math.min(1, 1 / phi) : Math.min(1, 1 - phi);
              double low = ratio ? 0 : Math.max(0, -phi);
              for (int k = 0; k <= 1000; k++) {
                double nuisance = low + (high - low) * k / 1000;
                assertThat(tail.probability(phi, nuisance)).isLessThanOrEqualTo(0.025);
              }
            }
          }
        }
      }
    }
    assertThat(accepted).isGreaterThan(20);
    assertThat(rejected).isGreaterThan(20);
  }

  /**
   * The staircase walk equals full enumeration of {T(i, j; phi) &gt;= t0} (Barnard convexity of all
   * three statistics) on 8 pairs of arm sizes up to 60, about 64 observed tables each, at 13 values
   * of phi.
   */
  @Test
  void staircaseEqualsFullEnumeration() {
    int checked = 0;
    int[][] sizes = {{3, 5}, {7, 7}, {14, 9}, {1, 14}, {12, 13}, {60, 20}, {25, 60}, {40, 41}};
    for (int[] size : sizes) {
      int n1 = size[0];
      int n2 = size[1];
      for (UnconditionalExactInterval.Ordering o : UnconditionalExactInterval.Ordering.values()) {
        for (int x1 = 0; x1 <= n1; x1 += Math.max(1, n1 / 7)) {
          for (int x2 = 0; x2 <= n2; x2 += Math.max(1, n2 / 7)) {
            UnconditionalExactInterval.UpperTail tail =
                new UnconditionalExactInterval.UpperTail(o, x1, n1, x2, n2, 0.025, 0);
            for (int k = -18; k <= 18; k += 3) {
              double phi =
                  o == UnconditionalExactInterval.Ordering.RISK_RATIO_SCORE
                      ? Math.exp(k / 3.0)
                      : k / 20.0;
              int[] bound = tail.staircase(phi);
              double t0 = o.statistic(x1, n1, x2, n2, phi);
              double threshold = o.exact() ? t0 : t0 - 1e-10 * (1 + Math.abs(t0));
              for (int i = 0; i <= n1; i++) {
                for (int j = 0; j <= n2; j++) {
                  boolean member = o.statistic(i, n1, j, n2, phi) >= threshold;
                  assertThat(j <= bound[i])
                      .as("%s %d/%d vs %d/%d phi %s table (%d, %d)", o, x1, n1, x2, n2, phi, i, j)
                      .isEqualTo(member);
                }
              }
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1500);
  }

  /**
   * Edge cases: no events in either arm (symmetric interval around 0, the ratio refused), all
   * events in one arm and none in the other (the limit at the end of the range is exact), n = 1 in
   * both arms, and counts up to 10^9 (refused with the size limit; an empty arm is refused by
   * {@link Binomial}).
   */
  @Test
  void edgeCases() {
    for (Estimate e :
        new Estimate[] {
          score(TwoByTwo.of(0, 10, 0, 10), 0.95), raw(TwoByTwo.of(0, 10, 0, 10), 0.95)
        }) {
      assertThat(e.estimate()).isEqualTo(0.0);
      assertThat(e.lower()).isCloseTo(-e.upper(), within(1e-12));
      assertThat(e.upper()).isBetween(0.1, 0.5);
    }
    assertThat(score(TwoByTwo.of(10, 10, 0, 10), 0.95).upper()).isEqualTo(1.0);
    assertThat(score(TwoByTwo.of(0, 10, 10, 10), 0.95).lower()).isEqualTo(-1.0);
    Estimate one = score(TwoByTwo.of(1, 1, 0, 1), 0.95);
    assertThat(one.upper()).isEqualTo(1.0);
    assertThat(one.lower()).isBetween(-1.0, 0.0);
    Estimate noControlEvents = ratio(TwoByTwo.of(4, 10, 0, 10), 0.95);
    assertThat(noControlEvents.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(noControlEvents.lower()).isGreaterThan(0.0).isLessThan(Double.POSITIVE_INFINITY);
    assertThat(ratio(TwoByTwo.of(0, 10, 4, 10), 0.95).lower()).isEqualTo(0.0);
    assertThatThrownBy(() -> raw(TwoByTwo.of(5, 1_000_000_000L, 7, 1_000_000_000L), 0.95))
        .isInstanceOf(StatsException.class)
        .hasMessageContaining("(n1+1)(n2+1) <= 1100000")
        .hasMessageContaining("use mn");
    assertThatThrownBy(() -> TwoByTwo.of(0, 0, 3, 10)).isInstanceOf(StatsException.class);
  }
}
