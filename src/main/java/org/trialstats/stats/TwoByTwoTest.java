package org.trialstats.stats;

import java.math.BigInteger;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstats.numerics.IntegerSearch;

/**
 * Two-sided tests of H0: p1 = p2 for a 2x2 table of two independent binomial samples (arm 1 =
 * treatment, arm 2 = control). {@link #test(TwoByTwo)} returns the test statistic (NaN where a
 * method has none) and the two-sided p-value.
 *
 * <p>With cells a = x1, b = n1 - x1, c = x2, d = n2 - x2, N = n1 + n2 and m = x1 + x2 events.
 */
public enum TwoByTwoTest implements StatMethod {
  /**
   * Pearson's chi-square test without continuity correction: X^2 = N (ad - bc)^2 / (n1 n2 m (N -
   * m)) on 1 degree of freedom. Pearson K. Phil Mag 1900;50:157-175. Undefined when no subject or
   * every subject had the event (a zero margin): throws a {@link StatsException}.
   */
  CHISQ(
      "chisq",
      new MethodInfo(
          "Pearson chi-square test (no continuity correction)",
          "X^2 = N (ad - bc)^2 / (n1 n2 m (N - m)), p = P(chi^2_1 >= X^2)",
          "Pearson K. On the criterion that a given system of deviations ... Phil Mag"
              + " 1900;50:157-175",
          "PROC FREQ; TABLES arm*event / CHISQ; (Chi-Square)",
          "chisq.test(x, correct = FALSE)",
          "scipy.stats.chi2_contingency(table, correction=False)")) {
    @Override
    public TestResult test(TwoByTwo table) {
      return chiSquare(table, false);
    }
  },

  /**
   * Pearson's chi-square test with Yates' continuity correction as R's {@code chisq.test} and SAS
   * (continuity-adjusted chi-square): X^2 = N max(0, |ad - bc| - N/2)^2 / (n1 n2 m (N - m)), the
   * correction never exceeding |O - E|. Yates F. Contingency tables involving small numbers and the
   * chi-square test. J R Stat Soc Suppl 1934;1:217-235.
   */
  CHISQ_YATES(
      "chisq-yates",
      new MethodInfo(
          "Chi-square test with Yates' continuity correction",
          "X^2 = N max(0, |ad - bc| - N/2)^2 / (n1 n2 m (N - m)), p = P(chi^2_1 >= X^2)",
          "Yates F. Contingency tables involving small numbers and the chi-square test."
              + " J R Stat Soc Suppl 1934;1:217-235",
          "PROC FREQ; TABLES arm*event / CHISQ; (Continuity Adj. Chi-Square)",
          "chisq.test(x, correct = TRUE)",
          "scipy.stats.chi2_contingency(table, correction=True)")) {
    @Override
    public TestResult test(TwoByTwo table) {
      return chiSquare(table, true);
    }
  },

  /**
   * Fisher's exact test, two-sided as R's {@code fisher.test}: the sum of the hypergeometric
   * probabilities P(X = k | margins) that are at most P(X = x1) (1 + 1e-7). Fisher RA. The logic of
   * inductive inference. J R Stat Soc 1935;98:39-82; Irwin JO. Metron 1935;12:83-94. Computed in
   * log space, summing only the tails (see {@link ConditionalOddsRatioDistribution}), so it is
   * exact and fast for any n. No statistic (estimate NaN).
   */
  FISHER(
      "fisher",
      new MethodInfo(
          "Fisher's exact test (two-sided, probabilities <= observed)",
          "p = sum over k with P(k) <= P(x1) (1 + 1e-7) of P(k),"
              + " P(k) = C(n1,k) C(n2,m-k) / C(N,m)",
          "Fisher RA. J R Stat Soc 1935;98:39-82; Irwin JO. Metron 1935;12:83-94",
          "PROC FREQ; TABLES arm*event / FISHER; (two-sided Pr <= P)",
          "fisher.test(x)$p.value",
          "scipy.stats.fisher_exact(table)")) {
    @Override
    public TestResult test(TwoByTwo table) {
      return new TestResult(this, Double.NaN, fisherPValue(table));
    }
  },

  /**
   * Barnard's unconditional exact test with the pooled-variance Z statistic, two-sided, as SciPy's
   * {@code barnard_exact(table, pooled=True)} when the table's columns are the arms: p = sup over
   * pi of P(|Z| &gt;= |Z_obs|; p1 = p2 = pi). Barnard GA. Significance tests for 2x2 tables.
   * Biometrika 1947;34:123-138; Suissa S, Shuster JJ. J R Stat Soc A 1985;148:317-327. Statistic =
   * Z_obs (arm 1 minus arm 2). Limited to n1 + n2 &lt;= 20,000 and (n1+1)(n2+1) &lt;= 4,000,000
   * tables.
   *
   * <p>Tables whose |Z| equals |Z_obs| belong to the rejection region; trialstats decides these
   * ties exactly in integer arithmetic. SciPy 1.10.1 (and commons-statistics-inference 1.2) compare
   * the floating-point values, which leaves a tied table out whenever rounding makes its |Z| one
   * unit in the last place smaller (e.g. 9/12 vs 1/8: SciPy 0.006949, exact 0.007011); on such
   * tables trialstats differs from SciPy by design.
   */
  BARNARD(
      "barnard",
      new MethodInfo(
          "Barnard's unconditional exact test (pooled Z, two-sided)",
          "p = sup_pi sum_{(i,j): |Z(i,j)| >= |Z_obs|} Bin(i; n1, pi) Bin(j; n2, pi),"
              + " Z = (i/n1 - j/n2) / sqrt(p(1-p)(1/n1 + 1/n2)), p = (i+j)/N;"
              + " ties |Z| = |Z_obs| decided exactly (SciPy decides them in floating point)",
          "Barnard GA. Significance tests for 2x2 tables. Biometrika 1947;34:123-138;"
              + " Suissa S, Shuster JJ. J R Stat Soc A 1985;148:317-327",
          "PROC FREQ; TABLES arm*event; EXACT BARNARD; (not compared with SAS here)",
          "Exact::exact.test(x, method = \"z-pooled\", to.plot = FALSE)",
          "scipy.stats.barnard_exact([[x1, x2], [n1 - x1, n2 - x2]], pooled=True)")) {
    @Override
    public TestResult test(TwoByTwo table) {
      return new TestResult(
          this,
          UnconditionalExactTest.barnardStatistic(table),
          UnconditionalExactTest.barnardPValue(table));
    }
  },

  /**
   * Boschloo's test: unconditional test ordered by Fisher's one-sided p-value; two-sided p-value as
   * SciPy's {@code boschloo_exact} defines it: twice the smaller of the two one-sided p-values,
   * capped at 1. Boschloo RD. Raised conditional level of significance for the 2x2-table when
   * testing the equality of two probabilities. Stat Neerl 1970;24:1-9. Statistic = the one-sided
   * Fisher p-value of the observed table on the side that gives the smaller p-value (SciPy's
   * statistic). Limited to n1 + n2 &lt;= 20,000 and (n1+1)(n2+1) &lt;= 4,000,000 tables.
   */
  BOSCHLOO(
      "boschloo",
      new MethodInfo(
          "Boschloo's unconditional exact test (two-sided = 2 x smaller one-sided)",
          "p_less = sup_pi sum_{T(i,j) <= T_obs} Bin(i; n1, pi) Bin(j; n2, pi),"
              + " T = Fisher one-sided p-value P(X <= i | i + j); p_greater likewise with"
              + " P(X >= i | i + j); p = min(1, 2 min(p_less, p_greater))",
          "Boschloo RD. Stat Neerl 1970;24:1-9",
          "none (SAS EXACT BARNARD does not offer Boschloo's ordering)",
          "Exact::exact.test(x, method = \"boschloo\") (different two-sided definition)",
          "scipy.stats.boschloo_exact([[x1, x2], [n1 - x1, n2 - x2]])")) {
    @Override
    public TestResult test(TwoByTwo table) {
      double[] less = UnconditionalExactTest.boschlooOneSided(table, true);
      double[] greater = UnconditionalExactTest.boschlooOneSided(table, false);
      double[] smaller = less[0] < greater[0] ? less : greater;
      return new TestResult(this, smaller[1], Math.min(1, 2 * smaller[0]));
    }
  };

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** R fisher.test's relative tolerance for "probability at most that of the observed table". */
  private static final double FISHER_RELATIVE_ERROR = 1e-7;

  private final String id;
  private final MethodInfo info;

  TwoByTwoTest(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  @Override
  public Measure measure() {
    return Measure.TEST;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public MethodInfo info() {
    return info;
  }

  /**
   * Looks a test up by its id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the constant with that id
   * @throws StatsException naming the valid ids when {@code id} is unknown
   */
  public static TwoByTwoTest fromId(String id) {
    return StatMethod.byId(values(), id);
  }

  /**
   * The test statistic (NaN for fisher) and two-sided p-value.
   *
   * @param table the two arms' counts
   * @return the statistic and its p-value
   * @throws StatsException for chisq / chisq-yates with a zero margin, or for barnard / boschloo
   *     with n1 + n2 &gt; 20,000 or (n1+1)(n2+1) &gt; 4,000,000
   */
  public abstract TestResult test(TwoByTwo table);

  TestResult chiSquare(TwoByTwo t, boolean yates) {
    long m = t.x1() + t.x2();
    long big = t.n1() + t.n2();
    if (m == 0 || m == big) {
      throw new StatsException(
          id
              + ": undefined: a margin is zero ("
              + (m == 0 ? "no subject" : "every subject")
              + " had the event: "
              + t.x1()
              + "/"
              + t.n1()
              + " vs "
              + t.x2()
              + "/"
              + t.n2()
              + "); use fisher");
    }
    BigInteger cross =
        BigInteger.valueOf(t.x1())
            .multiply(BigInteger.valueOf(t.n2() - t.x2()))
            .subtract(BigInteger.valueOf(t.n1() - t.x1()).multiply(BigInteger.valueOf(t.x2())))
            .abs();
    double deviation;
    if (yates) {
      // |ad - bc| - N/2, exactly: (2|ad - bc| - N) / 2, floored at 0 (R: YATES = min(0.5, |O-E|)).
      BigInteger twice = cross.shiftLeft(1).subtract(BigInteger.valueOf(big));
      deviation = twice.signum() <= 0 ? 0 : twice.doubleValue() / 2;
    } else {
      deviation = cross.doubleValue();
    }
    double statistic = deviation / t.n1() * (deviation / t.n2()) * ((double) big / m) / (big - m);
    // P(chi^2_1 >= x) = 2 P(Z >= sqrt(x)): the normal survival function keeps full relative
    // precision far into the tail.
    double p = statistic == 0 ? 1 : 2 * STANDARD_NORMAL.survivalProbability(Math.sqrt(statistic));
    return new TestResult(this, statistic, Math.min(1, p));
  }

  /**
   * Fisher's two-sided p-value. The log central probabilities L(k) increase up to the mode and
   * decrease after it, so {k : L(k) &lt;= L(x1) + log(1 + 1e-7)} is the union of a lower tail and
   * an upper tail, whose boundaries are found by bisection ({@link IntegerSearch}) and whose
   * probabilities are summed directly.
   */
  static double fisherPValue(TwoByTwo t) {
    ConditionalOddsRatioDistribution distribution = ConditionalOddsRatioDistribution.of(t);
    long lo = distribution.supportMin();
    long hi = distribution.supportMax();
    if (lo == hi) {
      return 1;
    }
    ConditionalOddsRatioDistribution.Evaluation central = distribution.at(0);
    long mode = central.mode();
    double threshold =
        distribution.logCentralProbability(t.x1()) + Math.log1p(FISHER_RELATIVE_ERROR);
    if (distribution.logCentralProbability(mode) <= threshold) {
      return 1;
    }
    // Largest k < mode in the region (lo - 1 if none): L is increasing on [lo, mode].
    long lowerEnd =
        IntegerSearch.largest(
            lo - 1, mode - 1, k -> distribution.logCentralProbability(k) <= threshold);
    // Smallest k > mode in the region (hi + 1 if none): L is non-increasing on [mode, hi].
    long upperStart =
        IntegerSearch.smallest(
            mode + 1, hi + 1, k -> distribution.logCentralProbability(k) <= threshold);
    double p = 0;
    if (lowerEnd >= lo) {
      p += Math.exp(central.logLowerTail(lowerEnd, 1));
    }
    if (upperStart <= hi) {
      p += Math.exp(central.logUpperTail(upperStart, 1));
    }
    return Math.min(1, p);
  }
}
