package org.trialstats.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.trialstats.numerics.Bracket;
import org.trialstats.numerics.Brent;
import org.trialstats.numerics.RootFindingException;

/**
 * Exact unconditional confidence intervals for the risk difference and the risk ratio of one 2x2
 * table with both arm sizes fixed, by inverting two one-sided exact unconditional tests (the "tail
 * method" of Santner &amp; Snell 1980, JASA 75:386-394; Chan &amp; Zhang 1999, Biometrics
 * 55:1202-1209; SAS PROC FREQ {@code EXACT RISKDIFF} and {@code EXACT RELRISK}).
 *
 * <h2>Definition</h2>
 *
 * <p>Arm 1 has X1 ~ Bin(n1, p1), arm 2 X2 ~ Bin(n2, p2), independent. For the parameter phi (the
 * difference delta = p1 - p2 or the ratio theta = p1 / p2) the nuisance parameter is p2, ranging
 * over [max(0, -delta), min(1, 1 - delta)] (difference) or [0, min(1, 1 / theta)] (ratio), with p1
 * = p2 + delta or theta p2. With an ordering statistic T(i, j; phi) and t0 = T(x1, x2; phi),
 *
 * <pre>
 *   P_U(phi) = sup over p2 of the sum over T(i, j; phi) &gt;= t0 of b(i; n1, p1) b(j; n2, p2)
 *   P_L(phi) = the same sum over T(i, j; phi) &lt;= t0
 *   lower = inf { phi : P_U(phi) &gt; alpha/2 },   upper = sup { phi : P_L(phi) &gt; alpha/2 }
 * </pre>
 *
 * (Chan &amp; Zhang 1999, section 2; each tail at alpha/2). Statistics, in {@link Ordering}: the
 * Farrington-Manning score statistic for the difference (Chan &amp; Zhang's choice and SAS's
 * default), the raw difference i/n1 - j/n2 (Santner &amp; Snell; SAS {@code METHOD=NOSCORE}), and
 * the score statistic for the ratio (Koopman's, without the N/(N-1) factor). Values of T within
 * 1e-10 (1 + |t0|) of t0 count as ties (in the region); the raw difference compares the integers i
 * n2 - j n1 exactly.
 *
 * <p>Berger-Boos restriction (Berger RL, Boos DD 1994, "P values maximised over a confidence set
 * for the nuisance parameter", JASA 89:1012-1016), optional, as StatXact computes it: with 0 &lt;
 * gamma &lt; alpha/2 the nuisance proportion pi, p2 for the difference and p1 for the ratio, is
 * confined to its own exact (Clopper-Pearson) 1 - gamma interval [pi_L, pi_U] computed from its own
 * arm's data (x2/n2, respectively x1/n1), and gamma is added to the restricted supremum:
 *
 * <pre>
 *   P_U(phi) = min(1, gamma + sup over p2 in R(phi) of the sum over T(i, j; phi) &gt;= t0 ...)
 *   R(phi)   = the nuisance range under phi intersected with {pi in [pi_L, pi_U]}
 * </pre>
 *
 * P_L likewise with the same restricted arm; an empty R(phi) gives P = gamma. This definition
 * reproduces every StatXact 11 interval with gamma = 1e-6 quoted in the test suite of the R package
 * exact2x2 (inst/slowTests/test_StatXact.R; our arms are its arms swapped): 24/61 vs 10/35
 * [-0.09731, 0.2949], 6/13 vs 2/7 [-0.3108, 0.5787], 13/13 vs 0/7 [0.5904, 1.000], risk ratio 11/13
 * vs 2/7 [1.078, 28.74]. Confining both arms to Clopper-Pearson intervals at level sqrt(1 - gamma)
 * (the former definition here; exact2x2 uses 1 - gamma/2 each and describes that as StatXact's
 * method) gives 0.5690 and 29.04 for the last two upper limits; confining the other arm gives
 * -0.09905 and 29.11.
 *
 * <h2>Computation</h2>
 *
 * <p>Only the lower limit is searched: swapping the arms maps the upper limit of a table to minus
 * (difference) or the reciprocal of (ratio) the lower limit of the swapped table, because T of the
 * swapped table at -delta (1 / theta) is -T. The lower limit is the root of g(phi) = P_U(phi) -
 * alpha/2, increasing in phi, found with the numerics kit: {@link Bracket#stepping} from the
 * asymptotic score limit (Mee for the difference, Koopman for the ratio) in s = atanh(delta) / 0.05
 * or log(theta) / 0.05, then {@link Brent} to 1e-9 in s (5e-11 in delta, 5e-11 relative in theta).
 * P_U is a sawtooth: it jumps where a table's statistic crosses t0 and is non-decreasing in
 * between, so it can exceed alpha/2 again below the first crossing (40/78 vs 5/17: the first
 * crossing is at -0.0700, the infimum at -0.0779); the search therefore scans below the first
 * crossing (see {@code infimum}) and returns the lowest crossing found.
 *
 * <p>The supremum over the nuisance parameter: P(p2) is evaluated on the union of two grids, each
 * uniform in the arcsine scale of one arm's proportion (asin sqrt(p_k), where a binomial's features
 * have a constant width of about 1 / (2 sqrt(n_k))) with a spacing below 1 / (5 sqrt(N)) in that
 * scale and the two ends of the range included; then the {@value #REFINED_MAXIMA} highest local
 * grid maxima are refined by Brent's method between their grid neighbours to 1e-12. Every interior
 * maximum of P is the top of a feature at least a binomial standard deviation wide in one arm's
 * arcsine scale, which therefore contains at least two or three grid points of that arm's grid, so
 * no maximum falls between grid points unseen; the refinement removes the grid's discretisation
 * error. P(p2) is summed exactly for each p2 (binomial probabilities from the mode by {@link
 * LoaderSaddlePoint} and the ratio recurrence, region rows as runs of j summed from prefix sums).
 *
 * <p>Work: the region is recomputed for each phi the root search visits (the score statistic
 * depends on phi; the raw difference's region is built once), (n1 + 1)(n2 + 1) statistics each;
 * each P(p2) costs O(n1 + n2). Tables with more than {@value #MAX_TABLES} outcomes are refused.
 */
public final class UnconditionalExactInterval {
  /** Largest (n1 + 1)(n2 + 1) accepted (about 1000 subjects per arm). */
  public static final long MAX_TABLES = 1_100_000L;

  private static final int REFINED_MAXIMA = 8;

  /**
   * Local grid maxima below this share of the best grid value are not refined: a peak at least one
   * binomial standard deviation sigma wide (see the class comment; sigma &gt;= 1 / (2 sqrt N) in
   * the arcsine scale, the spacing at most 1 / (5 sqrt N), so sigma &gt;= 2.5 spacings) has a grid
   * point within 0.2 sigma of its top, whose value is within exp(-0.02), 2%, of the top.
   */
  private static final double REFINED_SHARE = 0.9;

  /**
   * The supremum is at most this multiple of the best grid value: by the argument of {@link
   * #REFINED_SHARE} the top of a peak is within exp(0.02) of a grid point; 2.5 times that margin.
   */
  private static final double GRID_MARGIN = 1.05;

  /**
   * The scan's first look uses every {@value #COARSE_STRIDE}rd grid point: a spacing of at most 1.2
   * sigma (see {@link #REFINED_SHARE}), so a point within 0.6 sigma of the top of a peak, whose
   * value is within exp(-0.18), 16.5%, of the top; {@link #COARSE_MARGIN} allows about twice that.
   */
  private static final int COARSE_STRIDE = 3;

  private static final double COARSE_MARGIN = 1.4;

  /** Most scan points decided together by {@code UpperTail.blockBetween}. */
  private static final int MAX_BLOCK = 64;

  /** Points scanned one at a time before the first block. */
  private static final int SINGLES_BEFORE_BLOCK = 24;

  /** Points scanned one at a time after a failed block of two before blocks are tried again. */
  private static final int SINGLES_AFTER_FAILURE = 4;

  /** Binomial terms below this share of the mode's, with their tails, are taken as 0. */
  private static final double NEGLIGIBLE = 1e-20;

  private static final double TIE = 1e-10;
  private static final double STEP = 0.05;
  private static final double DIFFERENCE_LIMIT = 18 / STEP;
  private static final double RATIO_LIMIT = 230 / STEP;

  private UnconditionalExactInterval() {}

  /**
   * The parameter of a comparison under H0: p1 as a function of the nuisance parameter p2, its
   * inverse and the range of p2.
   */
  enum Parameter {
    /** delta = p1 - p2: p1 = p2 + delta, p2 in [max(0, -delta), min(1, 1 - delta)]. */
    DIFFERENCE {
      @Override
      double nuisanceLower(double delta) {
        return Math.max(0, -delta);
      }

      @Override
      double nuisanceUpper(double delta) {
        return Math.min(1, 1 - delta);
      }

      @Override
      double armOne(double p2, double delta) {
        return Math.max(0, Math.min(1, p2 + delta));
      }

      @Override
      double inverseArmOne(double p1, double delta) {
        return p1 - delta;
      }
    },

    /** theta = p1 / p2: p1 = theta p2, p2 in [0, min(1, 1 / theta)]. */
    RATIO {
      @Override
      double nuisanceLower(double theta) {
        return 0;
      }

      @Override
      double nuisanceUpper(double theta) {
        return Math.min(1, 1 / theta);
      }

      @Override
      double armOne(double p2, double theta) {
        return Math.max(0, Math.min(1, theta * p2));
      }

      @Override
      double inverseArmOne(double p1, double theta) {
        return p1 / theta;
      }
    };

    /** Smallest p2 under phi. */
    abstract double nuisanceLower(double phi);

    /** Largest p2 under phi. */
    abstract double nuisanceUpper(double phi);

    /** p1 as a function of p2 under phi (clamped to [0, 1]). */
    abstract double armOne(double p2, double phi);

    /** The p2 whose p1 under phi is the given value (not clamped). */
    abstract double inverseArmOne(double p1, double phi);
  }

  /**
   * The ordering statistics: each gives the region {T &gt;= t0} of the upper tail for a parameter
   * value, and the nuisance range.
   */
  public enum Ordering {
    /**
     * Farrington-Manning score statistic for delta = p1 - p2 (Chan &amp; Zhang 1999): T = (i/n1 -
     * j/n2 - delta) / sqrt(p1~ q1~ / n1 + p2~ q2~ / n2), p~ the maximum-likelihood estimates of
     * table (i, j) restricted to p1 - p2 = delta, in the closed form of Farrington &amp; Manning
     * (1990, Stat Med 9:1447-1454, eq. 12; Miettinen &amp; Nurminen 1985, appendix); T = 0 when the
     * variance and the numerator are both 0.
     */
    RISK_DIFFERENCE_SCORE(Parameter.DIFFERENCE) {
      @Override
      double statistic(int i, int n1, int j, int n2, double delta) {
        double p1hat = (double) i / n1;
        double p2hat = (double) j / n2;
        double ratio = (double) n2 / n1;
        double a = 1 + ratio;
        double b = -(1 + ratio + p1hat + ratio * p2hat + delta * (ratio + 2));
        double c = delta * delta + delta * (2 * p1hat + ratio + 1) + p1hat + ratio * p2hat;
        double d = -p1hat * delta * (1 + delta);
        double b3a = b / (3 * a);
        double v = b3a * b3a * b3a - b * c / (6 * a * a) + d / (2 * a);
        double uSquared = b3a * b3a - c / (3 * a);
        double p1;
        if (uSquared <= 0) {
          p1 = -b3a;
        } else {
          double u = Math.copySign(Math.sqrt(uSquared), v);
          double cosine = Math.max(-1, Math.min(1, v / (u * u * u)));
          double w = (Math.PI + Math.acos(cosine)) / 3;
          p1 = 2 * u * Math.cos(w) - b3a;
        }
        p1 = Math.max(0, Math.min(1, p1));
        double p2 = Math.max(0, Math.min(1, p1 - delta));
        double variance = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
        double numerator = p1hat - p2hat - delta;
        return ratioOrSign(numerator, variance);
      }
    },

    /**
     * Raw difference T = i/n1 - j/n2 (Santner &amp; Snell 1980; SAS {@code METHOD=NOSCORE}),
     * compared as the integers i n2 - j n1; the region does not depend on delta.
     */
    RISK_DIFFERENCE_RAW(Parameter.DIFFERENCE) {
      @Override
      double statistic(int i, int n1, int j, int n2, double delta) {
        return (double) i * n2 - (double) j * n1;
      }

      @Override
      boolean exact() {
        return true;
      }
    },

    /**
     * Score statistic for theta = p1 / p2 (Koopman 1984; Miettinen &amp; Nurminen 1985 without the
     * N/(N-1) factor): T = (i/n1 - theta j/n2) / sqrt(p1~ q1~ / n1 + theta^2 p2~ q2~ / n2), p2~ =
     * (-B - sqrt(B^2 - 4AC)) / (2A), A = N theta, B = -(n1 theta + i + n2 + j theta), C = i + j,
     * p1~ = theta p2~; T = 0 when the variance and the numerator are both 0.
     */
    RISK_RATIO_SCORE(Parameter.RATIO) {
      @Override
      double statistic(int i, int n1, int j, int n2, double theta) {
        double big = (double) n1 + n2;
        double a = big * theta;
        double b = -(n1 * theta + i + n2 + j * theta);
        double c = (double) i + j;
        double discriminant = Math.max(0, b * b - 4 * a * c);
        // the smaller root without cancellation: 2C / (-B + sqrt(B^2 - 4AC))
        double p2 = c == 0 ? 0 : 2 * c / (-b + Math.sqrt(discriminant));
        p2 = Math.max(0, Math.min(1, p2));
        double p1 = Math.max(0, Math.min(1, theta * p2));
        double variance = p1 * (1 - p1) / n1 + theta * theta * p2 * (1 - p2) / n2;
        double numerator = (double) i / n1 - theta * j / n2;
        return ratioOrSign(numerator, variance);
      }
    };

    private final Parameter parameter;

    Ordering(Parameter parameter) {
      this.parameter = parameter;
    }

    /** The parameter the statistic tests: its nuisance range and p1 as a function of p2. */
    Parameter parameter() {
      return parameter;
    }

    /** T(i, j; phi). */
    abstract double statistic(int i, int n1, int j, int n2, double phi);

    /** Whether T is compared exactly (integer-valued and independent of phi). */
    boolean exact() {
      return false;
    }
  }

  private static double atanh(double x) {
    return 0.5 * Math.log1p(2 * x / (1 - x));
  }

  private static double ratioOrSign(double numerator, double variance) {
    if (variance <= 0) {
      return numerator == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, numerator);
    }
    return numerator / Math.sqrt(variance);
  }

  /**
   * The exact unconditional interval for the risk difference p1 - p2.
   *
   * @param table counts of both arms (arm 1 = treatment)
   * @param level confidence level, strictly between 0 and 1
   * @param score true for the score statistic (Chan-Zhang), false for the raw difference
   *     (Santner-Snell)
   * @param gamma Berger-Boos restriction, 0 for the supremum over the whole nuisance range, else in
   *     (0, alpha/2)
   * @param method the method id reported in the estimate
   * @return the estimate x1/n1 - x2/n2 with its interval
   * @throws StatsException for an invalid level or gamma, or a table with more than {@value
   *     #MAX_TABLES} outcomes
   */
  public static Estimate riskDifference(
      TwoByTwo table, double level, boolean score, double gamma, String method) {
    Ordering ordering = score ? Ordering.RISK_DIFFERENCE_SCORE : Ordering.RISK_DIFFERENCE_RAW;
    double z = ConfidenceLevel.z(level);
    checkArguments(table, level, gamma, method);
    int x1 = (int) table.x1();
    int n1 = (int) table.n1();
    int x2 = (int) table.x2();
    int n2 = (int) table.n2();
    double halfAlpha = (1 - level) / 2;
    // the Berger-Boos restriction is on p2 (the nuisance parameter of the difference): arm 2 of
    // the table, arm 1 of the swapped table
    double lower = differenceLower(ordering, x1, n1, x2, n2, z, halfAlpha, gamma, false);
    double upper = -differenceLower(ordering, x2, n2, x1, n1, z, halfAlpha, gamma, true);
    double d = RiskDifferenceMethod.difference(x1, n1, x2, n2);
    return Estimate.interval(Measure.RD, method, d, lower, upper, level);
  }

  /**
   * The exact unconditional interval for the risk ratio p1 / p2 with the score statistic.
   *
   * @param table counts of both arms (arm 1 = treatment), not both without events
   * @param level confidence level, strictly between 0 and 1
   * @param gamma Berger-Boos restriction, 0 for the supremum over the whole nuisance range, else in
   *     (0, alpha/2)
   * @param method the method id reported in the estimate
   * @return the estimate (x1/n1) / (x2/n2) with its interval; lower limit 0 when x1 = 0, upper
   *     limit +Infinity when x2 = 0
   * @throws StatsException for an invalid level or gamma, x1 = x2 = 0, or a table with more than
   *     {@value #MAX_TABLES} outcomes
   */
  public static Estimate riskRatio(TwoByTwo table, double level, double gamma, String method) {
    double z = ConfidenceLevel.z(level);
    if (table.x1() == 0 && table.x2() == 0) {
      throw new StatsException(
          method
              + ": undefined estimate: no events in either arm, so the risk ratio is 0/0;"
              + " report the risk difference instead");
    }
    checkArguments(table, level, gamma, method);
    int x1 = (int) table.x1();
    int n1 = (int) table.n1();
    int x2 = (int) table.x2();
    int n2 = (int) table.n2();
    double halfAlpha = (1 - level) / 2;
    // the Berger-Boos restriction is on p1 (the nuisance parameter of the ratio): arm 1 of the
    // table, arm 2 of the swapped table
    double lower = ratioLower(x1, n1, x2, n2, z, halfAlpha, gamma, true);
    double swappedLower = ratioLower(x2, n2, x1, n1, z, halfAlpha, gamma, false);
    double upper = swappedLower == 0 ? Double.POSITIVE_INFINITY : 1 / swappedLower;
    double estimate = ((double) x1 / n1) / ((double) x2 / n2);
    return Estimate.interval(Measure.RR, method, estimate, lower, upper, level);
  }

  /**
   * Checks a Berger-Boos gamma: 0 (no restriction) or in (0, alpha/2), alpha = 1 - level.
   *
   * @param gamma the gamma
   * @param level the confidence level
   * @param method what the message names (the method id)
   * @throws StatsException when gamma is outside [0, alpha/2)
   */
  static void checkGamma(double gamma, double level, String method) {
    double halfAlpha = (1 - level) / 2;
    if (!(gamma >= 0 && gamma < halfAlpha)) {
      throw new StatsException(
          method
              + ": the Berger-Boos restriction gamma must satisfy 0 <= gamma < alpha/2, where"
              + " alpha = 1 - confidence level; for the level "
              + level
              + " that is the range [0, "
              + new BigDecimal(halfAlpha)
                  .round(new MathContext(12))
                  .stripTrailingZeros()
                  .toPlainString()
              + "); got gamma = "
              + gamma);
    }
  }

  private static void checkArguments(TwoByTwo t, double level, double gamma, String method) {
    checkGamma(gamma, level, method);
    long outcomes;
    try {
      outcomes = Math.multiplyExact(t.n1() + 1, t.n2() + 1);
    } catch (ArithmeticException e) {
      outcomes = Long.MAX_VALUE;
    }
    if (outcomes > MAX_TABLES) {
      throw new StatsException(
          method
              + " enumerates all (n1+1)(n2+1) tables and is limited to (n1+1)(n2+1) <= "
              + MAX_TABLES
              + "; n1 = "
              + t.n1()
              + ", n2 = "
              + t.n2()
              + " is too large; for samples this large use mn");
    }
  }

  private static double differenceLower(
      Ordering ordering,
      int x1,
      int n1,
      int x2,
      int n2,
      double z,
      double halfAlpha,
      double gamma,
      boolean restrictArmOne) {
    if (x1 == 0 && x2 == n2) {
      return -1;
    }
    UpperTail tail = new UpperTail(ordering, x1, n1, x2, n2, halfAlpha, gamma, restrictArmOne);
    double start = atanh(Math.max(-0.999, ScoreInterval.lower(x1, n1, x2, n2, z, 1))) / STEP;
    double step = 1.0 / (8 * (n1 + n2) * STEP);
    double s = infimum(tail, s1 -> Math.tanh(s1 * STEP), start, DIFFERENCE_LIMIT, step);
    return s == Double.NEGATIVE_INFINITY ? -1 : Math.tanh(s * STEP);
  }

  /**
   * The infimum of {s : f(s) &gt; 0} for f(s) = P_U(phi(s)) - alpha/2 in the scaled parameter s:
   * first the crossing nearest the asymptotic start (stepping bracket, Brent to 1e-9 in s).
   *
   * <p>With a region that does not depend on phi (raw difference, no Berger-Boos restriction) P_U
   * is non-decreasing in phi: for a region that grows with i and shrinks with j, the probability
   * grows with p1 and falls with p2, and every point (p1, p2) of the nuisance range at phi is
   * dominated by a point of the range at any larger phi (p1 larger or p2 smaller). That crossing is
   * then the infimum.
   *
   * <p>Otherwise P_U is a sawtooth: non-decreasing while the region stays the same (the same
   * argument), with jumps where a table leaves the region, so f can be positive again below the
   * first crossing (Chan &amp; Zhang's monotonicity holds only piecewise). A scan below that
   * crossing in steps of {@code step} (1/(8N) in delta or log theta) until f &lt; -alpha/4 looks
   * for such teeth; every point with f &gt; 0 moves the limit down to the crossing just below it.
   * Teeth of the sawtooth that rise above alpha/2 over less than one scan step, or below the point
   * where the scan stops, are not resolved (9/12 vs 3/30, score, 99%: P_U falls below alpha/4 at
   * delta = 0.18 and the scan stops at 0.2071, but P_U jumps to 0.0088 &gt; alpha/2 just below
   * 0.171, so the infimum of the definition is 0.1511; the Python reference stops the same way).
   * {@code -Infinity} when f &gt; 0 down to the end of the range.
   *
   * <p>Long scans (the ratio with few events: about 1000 points for 3/100 vs 10/100) take the same
   * points in blocks of up to {@value #MAX_BLOCK} after the first {@value #SINGLES_BEFORE_BLOCK}:
   * {@code UpperTail.blockBetween} bounds P_U at all points of a block at once (an upper bound from
   * the union of their regions at the largest phi, a lower bound from their intersection at the
   * smallest); a block whose bounds lie in [alpha/4, alpha/2] has no point with f &gt; 0 and none
   * where the scan stops, so it is passed over, and an undecided one is halved down to single
   * points. The points, their decisions and so the limits are those of the point-by-point scan.
   */
  private static double infimum(
      UpperTail tail, DoubleUnaryOperator phiOf, double start, double limit, double step) {
    DoubleUnaryOperator f = s1 -> tail.excess(phiOf.applyAsDouble(s1));
    double root;
    try {
      Bracket bracket = Bracket.stepping(f, start, true, limit);
      root = Brent.solve(f, bracket, 1e-12, 1e-9, 500).value();
    } catch (RootFindingException noCrossing) {
      return Double.NEGATIVE_INFINITY;
    }
    if (tail.monotone()) {
      return root;
    }
    double halfAlpha = tail.halfAlpha;
    boolean previousAbove = false;
    int singles = 0;
    double[] phis = new double[MAX_BLOCK];
    // short scans (most of the difference's) stay point by point: blocks start after a run
    int block = 1;
    double s = root - step;
    while (s > -limit) {
      if (block > 1) {
        // the same points as one step at a time: s, s - step, ... by repeated subtraction
        int count = 0;
        double next = s;
        while (count < block && next > -limit) {
          phis[count++] = phiOf.applyAsDouble(next);
          next -= step;
        }
        if (tail.blockBetween(phis, count)) {
          // every point of the block has f <= 0 and f >= -alpha/4: no crossing, no stop
          previousAbove = false;
          s = next;
          block = Math.min(MAX_BLOCK, 2 * block);
        } else {
          block = block / 2;
        }
        continue;
      }
      // only the comparisons of f with 0 and -alpha/4 matter here: decided by the grid if it can
      double value = tail.scanExcess(phiOf.applyAsDouble(s));
      if (value <= 0 && previousAbove) {
        // f <= 0 at s, > 0 at s + step: the crossing between them is the new candidate
        root = Brent.solve(f, new Bracket(s, s + step, 0), 1e-12, 1e-9, 500).value();
      }
      previousAbove = value > 0;
      if (value < -halfAlpha / 2) {
        break;
      }
      s -= step;
      if (tail.blocks() && value <= 0 && ++singles >= SINGLES_BEFORE_BLOCK) {
        singles = SINGLES_BEFORE_BLOCK - SINGLES_AFTER_FAILURE;
        block = 2;
      }
    }
    return root;
  }

  private static double ratioLower(
      int x1,
      int n1,
      int x2,
      int n2,
      double z,
      double halfAlpha,
      double gamma,
      boolean restrictArmOne) {
    if (x1 == 0) {
      return 0;
    }
    UpperTail tail =
        new UpperTail(Ordering.RISK_RATIO_SCORE, x1, n1, x2, n2, halfAlpha, gamma, restrictArmOne);
    double koopman =
        RiskRatioMethod.KOOPMAN
            .interval(TwoByTwo.of(x1, n1, x2, n2), 1 - 2 * Math.max(halfAlpha, 1e-300))
            .lower();
    double start = Math.log(koopman) / STEP;
    double step = 1.0 / (8 * (n1 + n2) * STEP);
    double s = infimum(tail, s1 -> Math.exp(s1 * STEP), start, RATIO_LIMIT, step);
    return s == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s * STEP);
  }

  /** P_U(phi) - alpha/2 for one observed table, with the workspace the evaluations share. */
  static final class UpperTail {
    private final Ordering ordering;
    private final int x1;
    private final int n1;
    private final int x2;
    private final int n2;
    final double halfAlpha;
    private final double gamma;
    private final Parameter parameter;
    private final boolean restrictArmOne;
    private final double[] restriction;
    private final BinomialTerms arm1;
    private final BinomialTerms arm2;
    private final double[] cumulative2;
    private final int[] bound;
    private final int[] union;
    private final int[] intersection;
    private final int gridPerArm;
    private final BrentOptimizer optimizer = new BrentOptimizer(1e-10, 1e-12);

    UpperTail(Ordering ordering, int x1, int n1, int x2, int n2, double halfAlpha, double gamma) {
      this(ordering, x1, n1, x2, n2, halfAlpha, gamma, false);
    }

    /**
     * @param restrictArmOne with gamma &gt; 0, whether the Berger-Boos interval restricts p1 (the
     *     Clopper-Pearson 1 - gamma interval of x1/n1) rather than p2 (that of x2/n2)
     */
    UpperTail(
        Ordering ordering,
        int x1,
        int n1,
        int x2,
        int n2,
        double halfAlpha,
        double gamma,
        boolean restrictArmOne) {
      this.ordering = ordering;
      this.parameter = ordering.parameter();
      this.restrictArmOne = restrictArmOne;
      this.x1 = x1;
      this.n1 = n1;
      this.x2 = x2;
      this.n2 = n2;
      this.halfAlpha = halfAlpha;
      this.gamma = gamma;
      this.arm1 = new BinomialTerms(n1);
      this.arm2 = new BinomialTerms(n2);
      this.cumulative2 = new double[n2 + 1];
      this.bound = new int[n1 + 1];
      this.union = new int[n1 + 1];
      this.intersection = new int[n1 + 1];
      this.gridPerArm = Math.max(100, (int) Math.ceil(8 * Math.sqrt((double) n1 + n2)));
      if (gamma > 0) {
        Binomial restricted = restrictArmOne ? new Binomial(x1, n1) : new Binomial(x2, n2);
        Estimate c = ProportionMethod.CLOPPER_PEARSON.interval(restricted, 1 - gamma);
        restriction = new double[] {c.lower(), c.upper()};
      } else {
        restriction = new double[] {0, 1};
      }
      if (ordering.exact()) {
        staircase(0);
      }
    }

    /** Whether the region does not depend on phi and the nuisance range is not restricted. */
    boolean monotone() {
      return ordering.exact() && gamma == 0;
    }

    /** P_U(phi) - alpha/2. */
    double excess(double phi) {
      return pValue(phi) - halfAlpha;
    }

    /** P_U(phi), with the Berger-Boos restriction when gamma &gt; 0. */
    double pValue(double phi) {
      return pValue(phi, null);
    }

    /**
     * A value v with the same comparisons v &gt; 0 and v &lt; -alpha/4 as P_U(phi) - alpha/2: the
     * latter itself, or, when the best value b of every {@value #COARSE_STRIDE}rd grid point
     * decides both comparisons for every supremum in [b, {@value #COARSE_MARGIN} b] (or the best of
     * the whole grid for [b, {@value #GRID_MARGIN} b]), min(1, gamma + b) - alpha/2, without the
     * rest of the grid or the refinement by Brent's method (most of the cost of the scan below the
     * first crossing, where P_U mostly lies well between alpha/4 and alpha/2).
     */
    double scanExcess(double phi) {
      return pValue(phi, this::gridDecides) - halfAlpha;
    }

    private boolean gridDecides(double best, double margin) {
      double low = Math.min(1, gamma + best) - halfAlpha;
      double high = Math.min(1, gamma + margin * best) - halfAlpha;
      return (low > 0) == (high > 0) && (low < -halfAlpha / 2) == (high < -halfAlpha / 2);
    }

    /** Whether the scan may decide blocks of points at once: score orderings without gamma. */
    boolean blocks() {
      return gamma == 0 && !ordering.exact();
    }

    /**
     * Whether P_U(phi) - alpha/2 is at most 0 and not below -alpha/4 at every one of the given scan
     * points (decreasing in phi), decided from two bounds valid for all of them: with R+ the union
     * and R- the intersection of their regions (staircases again, the bounds being the maximum and
     * the minimum of non-decreasing rows), P_U(phi_k) is at most the supremum of P(R+) along the
     * curve of the largest phi and at least that of P(R-) along the curve of the smallest. (P of a
     * staircase is non-decreasing in p1 and non-increasing in p2, and each point of the nuisance
     * range at phi_k is dominated by a point of the range at the largest phi and dominates one at
     * the smallest, see {@code infimum}.) The upper bound is the grid's best times {@value
     * #COARSE_MARGIN} (every third point) or {@value #GRID_MARGIN} (all), as in {@link
     * #scanExcess}; the lower bound is the value at the upper bound's best grid point. False when
     * undecided.
     */
    boolean blockBetween(double[] phis, int count) {
      for (int k = 0; k < count; k++) {
        staircase(phis[k]);
        for (int i = 0; i <= n1; i++) {
          union[i] = k == 0 ? bound[i] : Math.max(union[i], bound[i]);
          intersection[i] = k == 0 ? bound[i] : Math.min(intersection[i], bound[i]);
        }
      }
      System.arraycopy(union, 0, bound, 0, n1 + 1);
      double top = phis[0];
      double[] grid = grid(top, parameter.nuisanceLower(top), parameter.nuisanceUpper(top));
      int last = grid.length - 1;
      // every third point first; stop as soon as the bound exceeds alpha/2 with the smaller margin
      double best = 0;
      int argmax = 0;
      for (int k = 0;
          k <= last;
          k = k < last && k + COARSE_STRIDE > last ? last : k + COARSE_STRIDE) {
        double value = probability(top, grid[k]);
        if (value > best) {
          best = value;
          argmax = k;
        }
        if (GRID_MARGIN * best - halfAlpha > 0) {
          return false;
        }
      }
      if (!(COARSE_MARGIN * best - halfAlpha <= 0)) {
        for (int k = 0; k < last; k++) {
          if (k % COARSE_STRIDE != 0) {
            double value = probability(top, grid[k]);
            if (value > best) {
              best = value;
              argmax = k;
            }
            if (GRID_MARGIN * best - halfAlpha > 0) {
              return false;
            }
          }
        }
      }
      System.arraycopy(intersection, 0, bound, 0, n1 + 1);
      double bottom = phis[count - 1];
      double low = parameter.nuisanceLower(bottom);
      double high = parameter.nuisanceUpper(bottom);
      // any point of the range gives a lower bound: the top's best point (its supremum lies near)
      return !(probability(bottom, clamp(grid[argmax], low, high)) - halfAlpha < -halfAlpha / 2);
    }

    /** Whether a lower bound b of the supremum (b times the margin an upper bound) is enough. */
    private interface GridDecision {
      boolean decides(double best, double margin);
    }

    /** P_U(phi); a grid value when {@code gridSuffices} (null: never) accepts it. */
    private double pValue(double phi, GridDecision gridSuffices) {
      if (!ordering.exact()) {
        staircase(phi);
      }
      double[] range = nuisanceRange(phi);
      if (range == null) {
        return gamma;
      }
      return Math.min(1, gamma + supremum(phi, range[0], range[1], gridSuffices));
    }

    /** The p2 range under phi, narrowed to the Berger-Boos interval; null when empty. */
    private double[] nuisanceRange(double phi) {
      double low = parameter.nuisanceLower(phi);
      double high = parameter.nuisanceUpper(phi);
      if (restrictArmOne) {
        // p1 = armOne(p2) is increasing in p2: keep the p2 whose p1 is in arm 1's interval
        low = Math.max(low, parameter.inverseArmOne(restriction[0], phi));
        high = Math.min(high, parameter.inverseArmOne(restriction[1], phi));
      } else {
        low = Math.max(low, restriction[0]);
        high = Math.min(high, restriction[1]);
      }
      return low <= high ? new double[] {low, high} : null;
    }

    /**
     * The region {T(i, j; phi) &gt;= t0} (within the tie tolerance) as a staircase: row i holds the
     * j from 0 to {@code bound[i]} (none when -1). T increases in i and decreases in j (Barnard's
     * convexity, checked against full enumeration in the tests), so each row's region is a prefix
     * of j and the prefixes lengthen with i: one walk along the boundary, O(n1 + n2) statistics.
     *
     * @return {@code bound}, valid until the next call
     */
    int[] staircase(double phi) {
      double observed = ordering.statistic(x1, n1, x2, n2, phi);
      double threshold = ordering.exact() ? observed : observed - TIE * (1 + Math.abs(observed));
      int j = -1;
      for (int i = 0; i <= n1; i++) {
        while (j < n2 && ordering.statistic(i, n1, j + 1, n2, phi) >= threshold) {
          j++;
        }
        bound[i] = j;
      }
      return bound;
    }

    /**
     * sup over p2 in [low, high] of P(region; p1(p2), p2): the grid, then Brent's method between
     * the grid neighbours of each local grid maximum within {@value #REFINED_SHARE} of the best
     * grid value (at most {@value #REFINED_MAXIMA}, highest first); the best grid value alone when
     * {@code gridSuffices} accepts it.
     */
    private double supremum(double phi, double low, double high, GridDecision gridSuffices) {
      double[] grid = grid(phi, low, high);
      double[] values = new double[grid.length];
      double best = 0;
      int last = grid.length - 1;
      boolean coarse = gridSuffices != null && grid.length >= 3;
      if (coarse) {
        for (int k = 0; k <= last; k += COARSE_STRIDE) {
          values[k] = probability(phi, grid[k]);
          best = Math.max(best, values[k]);
        }
        if (last % COARSE_STRIDE != 0) {
          values[last] = probability(phi, grid[last]);
          best = Math.max(best, values[last]);
        }
        if (gridSuffices.decides(best, COARSE_MARGIN)) {
          return best;
        }
      }
      for (int k = 0; k <= last; k++) {
        if (!coarse || (k % COARSE_STRIDE != 0 && k != last)) {
          values[k] = probability(phi, grid[k]);
          best = Math.max(best, values[k]);
        }
      }
      if (grid.length < 3 || (gridSuffices != null && gridSuffices.decides(best, GRID_MARGIN))) {
        return best;
      }
      double gridBest = best;
      Integer[] maxima = localMaxima(values);
      for (int r = 0; r < Math.min(REFINED_MAXIMA, maxima.length); r++) {
        int k = maxima[r];
        if (values[k] < REFINED_SHARE * gridBest) {
          break;
        }
        double left = grid[Math.max(0, k - 1)];
        double right = grid[Math.min(grid.length - 1, k + 1)];
        if (!(right > left)) {
          continue;
        }
        UnivariatePointValuePair refined =
            optimizer.optimize(
                new MaxEval(1000),
                new UnivariateObjectiveFunction(p2 -> probability(phi, p2)),
                GoalType.MAXIMIZE,
                new SearchInterval(left, right, grid[k]));
        best = Math.max(best, refined.getValue());
      }
      return best;
    }

    /** Indices of the local grid maxima (ends included), highest first. */
    private static Integer[] localMaxima(double[] values) {
      int last = values.length - 1;
      int count = 0;
      Integer[] found = new Integer[values.length];
      for (int k = 0; k <= last; k++) {
        boolean leftOk = k == 0 || values[k] >= values[k - 1];
        boolean rightOk = k == last || values[k] >= values[k + 1];
        if (leftOk && rightOk && values[k] > 0) {
          found[count++] = k;
        }
      }
      Integer[] maxima = Arrays.copyOf(found, count);
      Arrays.sort(maxima, (u, v) -> Double.compare(values[v], values[u]));
      return maxima;
    }

    /**
     * The union of two grids on [low, high], uniform in asin(sqrt(p2)) and in asin(sqrt(p1(p2))),
     * each with {@code gridPerArm} intervals over its arm's part of the range.
     */
    private double[] grid(double phi, double low, double high) {
      if (high - low <= 0) {
        return new double[] {low};
      }
      double[] points = new double[2 * gridPerArm + 2];
      double a2 = Math.asin(Math.sqrt(low));
      double b2 = Math.asin(Math.sqrt(high));
      double p1Low = parameter.armOne(low, phi);
      double p1High = parameter.armOne(high, phi);
      double a1 = Math.asin(Math.sqrt(p1Low));
      double b1 = Math.asin(Math.sqrt(p1High));
      int size = 0;
      for (int k = 0; k <= gridPerArm; k++) {
        double s2 = Math.sin(a2 + (b2 - a2) * k / gridPerArm);
        points[size++] = clamp(s2 * s2, low, high);
        double s1 = Math.sin(a1 + (b1 - a1) * k / gridPerArm);
        points[size++] = clamp(parameter.inverseArmOne(s1 * s1, phi), low, high);
      }
      points[0] = low;
      points[2 * gridPerArm] = high;
      Arrays.sort(points, 0, size);
      int unique = 0;
      for (int k = 0; k < size; k++) {
        if (unique == 0 || points[k] > points[unique - 1]) {
          points[unique++] = points[k];
        }
      }
      return Arrays.copyOf(points, unique);
    }

    private static double clamp(double value, double low, double high) {
      return Math.max(low, Math.min(high, value));
    }

    /** sum over (i, j) in the region of b(i; n1, p1) b(j; n2, p2), p1 = p1(p2). */
    double probability(double phi, double p2) {
      double p1 = parameter.armOne(p2, phi);
      long range1 = arm1.fill(p1);
      long range2 = arm2.fill(p2);
      int first1 = (int) (range1 >>> 32);
      int last1 = (int) range1;
      int first2 = (int) (range2 >>> 32);
      int last2 = (int) range2;
      double[] b2 = arm2.terms;
      double running = 0;
      for (int j = first2; j <= last2; j++) {
        running += b2[j];
        cumulative2[j] = running;
      }
      // row i contributes b(i; n1, p1) P(X2 <= bound[i]); the absolute error of the cumulative
      // sums, 1e-16, is all that matters next to alpha/2
      double[] b1 = arm1.terms;
      double total = 0;
      for (int i = first1; i <= last1; i++) {
        int last = Math.min(bound[i], last2);
        if (last >= first2) {
          total += b1[i] * cumulative2[last];
        }
      }
      return total;
    }
  }

  /**
   * The binomial probabilities b(k; n, p) of one arm, with the ratios (n - k) / (k + 1) of the
   * recurrence computed once per arm size.
   */
  static final class BinomialTerms {
    private final int n;
    private final double[] up;
    private final double[] down;
    final double[] terms;

    BinomialTerms(int n) {
      this.n = n;
      this.up = new double[n + 1];
      this.down = new double[n + 1];
      this.terms = new double[n + 1];
      for (int k = 0; k < n; k++) {
        up[k] = (double) (n - k) / (k + 1);
      }
      for (int k = 1; k <= n; k++) {
        down[k] = (double) k / (n - k + 1);
      }
    }

    /**
     * b(k; n, p) into {@link #terms} for the k of the returned range: the mode from the
     * saddle-point form ({@link LoaderSaddlePoint}), the rest by the ratio recurrence outwards,
     * stopping where a term and the geometric bound of everything beyond it (the ratios only fall
     * away from the mode) are below {@value #NEGLIGIBLE} times the mode's term; p = 0 and p = 1
     * give the point masses.
     *
     * @return the range as (first &lt;&lt; 32) | last; terms outside it are not written
     */
    long fill(double p) {
      if (p <= 0 || p >= 1) {
        int k = p <= 0 ? 0 : n;
        terms[k] = 1;
        return ((long) k << 32) | k;
      }
      double q = 1 - p;
      int mode = (int) Math.min(n, Math.floor((n + 1) * p));
      double top = Math.exp(LoaderSaddlePoint.logBinomialProbability(mode, n, p, q));
      terms[mode] = top;
      double floor = NEGLIGIBLE * top;
      double odds = p / q;
      int last = mode;
      while (last < n) {
        double ratio = up[last] * odds;
        double next = terms[last] * ratio;
        terms[++last] = next;
        if (ratio < 0.5 && next < floor) {
          break;
        }
      }
      int first = mode;
      while (first > 0) {
        double ratio = down[first] / odds;
        double next = terms[first] * ratio;
        terms[--first] = next;
        if (ratio < 0.5 && next < floor) {
          break;
        }
      }
      return ((long) first << 32) | last;
    }
  }
}
