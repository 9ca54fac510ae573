package org.trialstats.stats;

import java.util.List;
import org.trialstats.numerics.Bracket;
import org.trialstats.numerics.Brent;
import org.trialstats.numerics.MonotoneRoot;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * Stratified Miettinen-Nurminen score intervals for a common risk difference, risk ratio or odds
 * ratio (Miettinen O, Nurminen M. Comparative analysis of two rates. Stat Med 1985;4:213-226,
 * section 5 on stratified data; Laud PJ. Equal-tailed confidence intervals for comparison of rates.
 * Pharm Stat 2017;16:334-348, appendix S2).
 *
 * <p>For a hypothesised common value theta every stratum h gets its restricted maximum-likelihood
 * estimates p1~, p2~ under the contrast equal to theta (the same estimates as the unstratified
 * {@code mn} methods), a score S_h(theta) and its variance V_h(theta), both with the factor lambda
 * = N/(N-1):
 *
 * <pre>
 *   RD: S = (p1 - p2) - theta,      V = lambda (p1~ q1~ / n1 + p2~ q2~ / n2)
 *   RR: S = p1 - theta p2,          V = lambda (p1~ q1~ / n1 + theta^2 p2~ q2~ / n2)
 *   OR: S = (x1 - n1 p1~) I,        V = lambda I,  I = 1/(n1 p1~ q1~) + 1/(n2 p2~ q2~)
 * </pre>
 *
 * and with stratum weights w_h the stratified statistic is
 *
 * <pre>
 *   Z(theta) = sum w S / sum w / sqrt( sum (w / sum w)^2 V ).
 * </pre>
 *
 * The interval is {theta : |Z(theta)| &lt;= z} and the point estimate the root of Z = 0. With one
 * stratum Z is the unstratified Miettinen-Nurminen statistic, so the interval is the {@code mn}
 * interval of that table. The roots are found by Brent's method on delta (RD) or on log theta (RR,
 * OR) to an absolute 1e-14.
 *
 * <p>Weights ({@link Weighting}): Miettinen-Nurminen's, recomputed at each theta from the weighted
 * averages p1s and p2s of the restricted estimates until they no longer change,
 *
 * <pre>
 *   RD: w = 1 / ( (p1s q1s / (p2s q2s)) / n1 + 1 / n2 )    (starting from n1 n2 / N)
 *   RR: w = 1 / ( (q1s / q2s) / n1 + theta / n2 )           (starting from 1/(1/n1 + theta/n2))
 *   OR: w = n1 n2 (q1~ p2~)^2 / (n1 p1~ q1~ + n2 p2~ q2~)   (per stratum, no iteration)
 * </pre>
 *
 * (where the ratio p1s q1s / (p2s q2s) or q1s / q2s is 0 or infinite, its limit is used: weights
 * proportional to n2 or to n1), or inverse-variance weights w = 1 / V_h(theta). These are the
 * weights of the R package ratesci's {@code scoreci(stratified = TRUE, skew = FALSE, weighting =
 * "MN")} and {@code weighting = "IVS"} (with {@code rr_tang = FALSE}, {@code or_bias = FALSE}); SAS
 * Viya's PROC FREQ COMMONRISKDIFF(CL=MN) gives the risk-difference interval with MN weights.
 *
 * <p>Strata that carry no information are left out: for the odds ratio every stratum with no events
 * or no non-events (its conditional distribution is degenerate; ratesci gives it zero score), for
 * the risk ratio every stratum with no events (S = V = 0 at every theta), and with inverse-variance
 * weights also the risk-difference strata with no events or only events (V_h = 0 at delta = 0 would
 * give them unbounded weight; ratesci instead adds 0.5 to their cells).
 */
final class StratifiedScore {
  /** Stratum weighting of the stratified score. */
  enum Weighting {
    /** Miettinen-Nurminen weights. */
    MIETTINEN_NURMINEN,
    /** Inverse-variance weights 1 / V_h(theta). */
    INVERSE_VARIANCE
  }

  private static final double ROOT_TOLERANCE = 1e-14;
  private static final int MAX_WEIGHT_ITERATIONS = 10_000;
  private static final double WEIGHT_TOLERANCE = 1e-13;

  private final Measure contrast;
  private final Weighting weighting;
  private final long[] x1;
  private final long[] n1;
  private final long[] x2;
  private final long[] n2;
  private final int k;
  // per-evaluation work arrays
  private final double[] score;
  private final double[] variance;
  private final double[] p1;
  private final double[] q1;
  private final double[] p2;
  private final double[] q2;
  private final double[] weight;
  private final double[] warm;

  StratifiedScore(StratifiedTables tables, Measure contrast, Weighting weighting) {
    this.contrast = contrast;
    this.weighting = weighting;
    List<Stratum> used =
        tables.informative().stream().filter(s -> informative(s, contrast, weighting)).toList();
    if (used.isEmpty()) {
      throw new StatsException(
          "no stratum carries information on the "
              + contrast.label().toLowerCase(java.util.Locale.ROOT)
              + " (every stratum has no events"
              + (contrast == Measure.RR ? "" : " or only events")
              + ")");
    }
    k = used.size();
    x1 = new long[k];
    n1 = new long[k];
    x2 = new long[k];
    n2 = new long[k];
    for (int h = 0; h < k; h++) {
      Stratum s = used.get(h);
      x1[h] = s.x1();
      n1[h] = s.n1();
      x2[h] = s.x2();
      n2[h] = s.n2();
    }
    score = new double[k];
    variance = new double[k];
    p1 = new double[k];
    q1 = new double[k];
    p2 = new double[k];
    q2 = new double[k];
    weight = new double[k];
    warm = new double[k];
    for (int h = 0; h < k; h++) {
      warm[h] = -1;
    }
  }

  private static boolean informative(Stratum s, Measure contrast, Weighting weighting) {
    boolean noEvents = s.events() == 0;
    boolean allEvents = s.events() == s.total();
    return switch (contrast) {
      case RD -> weighting == Weighting.MIETTINEN_NURMINEN || !(noEvents || allEvents);
      case RR -> !noEvents;
      case OR -> !(noEvents || allEvents);
      default -> throw new IllegalArgumentException("no stratified score for " + contrast);
    };
  }

  /** Number of strata used. */
  int strataUsed() {
    return k;
  }

  /**
   * The estimate and interval: the root of Z = 0 and the roots of Z = z and Z = -z.
   *
   * @param level confidence level
   * @param method method id for the estimate
   */
  Estimate interval(double level, String method) {
    double z = ConfidenceLevel.z(level);
    double estimate = root(0, Bound.ESTIMATE);
    double lower = root(z, Bound.LOWER);
    double upper = root(-z, Bound.UPPER);
    return Estimate.interval(contrast, method, estimate, lower, upper, level);
  }

  private enum Bound {
    LOWER,
    ESTIMATE,
    UPPER
  }

  /** The theta with Z(theta) = target, or the end of the range when Z never reaches it. */
  private double root(double target, Bound bound) {
    if (contrast == Measure.RD) {
      double nearLow = Math.nextUp(-1.0);
      double nearHigh = Math.nextDown(1.0);
      double atLow = statistic(nearLow) - target;
      double atHigh = statistic(nearHigh) - target;
      if (atLow <= 0) {
        return -1;
      }
      if (atHigh >= 0) {
        return 1;
      }
      return Brent.solve(
              delta -> statistic(delta) - target,
              new Bracket(nearLow, nearHigh, 2),
              0,
              ROOT_TOLERANCE,
              10_000)
          .value();
    }
    if (reachesZero(bound)) {
      return 0;
    }
    if (reachesInfinity(bound)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.exp(MonotoneRoot.solve(u -> statistic(Math.exp(u)) - target, startLog(), false));
  }

  /** Whether the lower end (theta = 0) is the answer: arm 1 at its minimum in every stratum. */
  private boolean reachesZero(Bound bound) {
    if (bound == Bound.UPPER) {
      return false;
    }
    for (int h = 0; h < k; h++) {
      boolean atMinimum = contrast == Measure.RR ? x1[h] == 0 : x1[h] == 0 || x2[h] == n2[h];
      if (!atMinimum) {
        return false;
      }
    }
    return true;
  }

  /** Whether theta = infinity is the answer: arm 2 at its minimum in every stratum. */
  private boolean reachesInfinity(Bound bound) {
    if (bound == Bound.LOWER) {
      return false;
    }
    for (int h = 0; h < k; h++) {
      boolean atMaximum = contrast == Measure.RR ? x2[h] == 0 : x1[h] == n1[h] || x2[h] == 0;
      if (!atMaximum) {
        return false;
      }
    }
    return true;
  }

  private double startLog() {
    double a = 0.5;
    double b = 0.5;
    double c = 0.5;
    double d = 0.5;
    for (int h = 0; h < k; h++) {
      a += x1[h];
      b += n1[h] - x1[h];
      c += x2[h];
      d += n2[h] - x2[h];
    }
    return contrast == Measure.RR
        ? Math.log((a / (a + b)) / (c / (c + d)))
        : Math.log((a / b) / (c / d));
  }

  /** Z(theta); theta is the risk difference, or the ratio itself (not its log). */
  double statistic(double theta) {
    for (int h = 0; h < k; h++) {
      stratum(h, theta);
    }
    weights(theta);
    double weightSum = 0;
    for (int h = 0; h < k; h++) {
      weightSum += weight[h];
    }
    double scoreSum = 0;
    double varianceSum = 0;
    for (int h = 0; h < k; h++) {
      double share = weight[h] / weightSum;
      scoreSum += share * score[h];
      varianceSum += share * share * variance[h];
    }
    if (varianceSum == 0) {
      return scoreSum == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, scoreSum);
    }
    return scoreSum / Math.sqrt(varianceSum);
  }

  /** Restricted estimates, score and variance of stratum h at theta. */
  private void stratum(int h, double theta) {
    double lambda = (double) (n1[h] + n2[h]) / (n1[h] + n2[h] - 1);
    double m1 = n1[h];
    double m2 = n2[h];
    switch (contrast) {
      case RD -> {
        double gap = Math.abs(theta);
        boolean armOneSmaller = theta <= 0;
        double xs = armOneSmaller ? x1[h] : x2[h];
        double ys = armOneSmaller ? n1[h] - x1[h] : n2[h] - x2[h];
        double xl = armOneSmaller ? x2[h] : x1[h];
        double yl = armOneSmaller ? n2[h] - x2[h] : n1[h] - x1[h];
        double start = warm[h] >= 0 ? warm[h] : 0.5 * (1 - gap);
        double t = ScoreInterval.smallerRestrictedProportion(start, xs, ys, xl, yl, gap);
        warm[h] = t;
        double large = t + gap;
        p1[h] = armOneSmaller ? t : large;
        p2[h] = armOneSmaller ? large : t;
        q1[h] = 1 - p1[h];
        q2[h] = 1 - p2[h];
        score[h] = RiskDifferenceMethod.difference(x1[h], n1[h], x2[h], n2[h]) - theta;
        variance[h] = lambda * (p1[h] * q1[h] / m1 + p2[h] * q2[h] / m2);
      }
      case RR -> {
        double a = x1[h];
        double c = x2[h];
        double e1 = m1 - a;
        double e2 = m2 - c;
        double events = a + c;
        double gapToRoot = theta * (m1 + c) - (m2 + a);
        double sqrtDiscriminant = Math.sqrt(gapToRoot * gapToRoot + 4 * theta * e1 * e2);
        double restricted2 = 2 * events / (theta * (m1 + c) + m2 + a + sqrtDiscriminant);
        p2[h] = Math.min(1, restricted2);
        p1[h] = Math.min(1, theta * p2[h]);
        q1[h] = 1 - p1[h];
        q2[h] = 1 - p2[h];
        score[h] = a / m1 - theta * (c / m2);
        variance[h] = lambda * (p1[h] * q1[h] / m1 + theta * theta * p2[h] * q2[h] / m2);
      }
      case OR -> {
        long m = x1[h] + x2[h];
        long nonEvents = n1[h] + n2[h] - m;
        double logTheta = Math.log(theta);
        double pp2 = OddsRatioMethod.restrictedArm2Probability(n1[h], n2[h], m, theta, logTheta);
        double qq2 =
            OddsRatioMethod.restrictedArm2Probability(
                n1[h], n2[h], nonEvents, 1 / theta, -logTheta);
        double denominator = qq2 + theta * pp2;
        p1[h] = theta * pp2 / denominator;
        q1[h] = qq2 / denominator;
        p2[h] = pp2;
        q2[h] = qq2;
        double information = 1 / (m1 * p1[h] * q1[h]) + 1 / (m2 * p2[h] * q2[h]);
        // x1 - n1 p1~ = n2 p2~ - x2: the form with the smaller terms
        double deviation = x1[h] <= x2[h] ? x1[h] - m1 * p1[h] : m2 * p2[h] - x2[h];
        score[h] = deviation * information;
        variance[h] = lambda * information;
      }
      default -> throw new IllegalStateException("no stratified score for " + contrast);
    }
  }

  private void weights(double theta) {
    if (weighting == Weighting.INVERSE_VARIANCE) {
      for (int h = 0; h < k; h++) {
        weight[h] = 1 / variance[h];
      }
      boolean finite = true;
      for (int h = 0; h < k; h++) {
        finite &= Double.isFinite(weight[h]);
      }
      if (!finite) {
        // Strata with V_h = 0 (theta at the end of its range): they dominate; weight them alone.
        for (int h = 0; h < k; h++) {
          weight[h] = Double.isFinite(weight[h]) ? 0 : 1;
        }
      }
      return;
    }
    switch (contrast) {
      case OR -> {
        for (int h = 0; h < k; h++) {
          double cross = q1[h] * p2[h];
          weight[h] =
              n1[h]
                  * (double) n2[h]
                  * cross
                  * cross
                  / (n1[h] * p1[h] * q1[h] + n2[h] * p2[h] * q2[h]);
        }
      }
      case RD, RR -> {
        for (int h = 0; h < k; h++) {
          weight[h] =
              contrast == Measure.RD
                  ? n1[h] * (double) n2[h] / (n1[h] + n2[h])
                  : 1 / (1.0 / n1[h] + theta / n2[h]);
        }
        for (int iteration = 0; iteration < MAX_WEIGHT_ITERATIONS; iteration++) {
          double sum = 0;
          double pooled1 = 0;
          double pooled2 = 0;
          for (int h = 0; h < k; h++) {
            sum += weight[h];
            pooled1 += weight[h] * p1[h];
            pooled2 += weight[h] * p2[h];
          }
          pooled1 /= sum;
          pooled2 /= sum;
          double top = contrast == Measure.RD ? pooled1 * (1 - pooled1) : 1 - pooled1;
          double bottom = contrast == Measure.RD ? pooled2 * (1 - pooled2) : 1 - pooled2;
          double secondTerm = contrast == Measure.RD ? 1 : theta;
          double change = 0;
          for (int h = 0; h < k; h++) {
            double next;
            if (bottom > 0) {
              next = 1 / (top / bottom / n1[h] + secondTerm / n2[h]);
            } else if (top > 0) {
              next = n1[h];
            } else {
              next = n1[h] * (double) n2[h] / (n1[h] + n2[h]);
            }
            change = Math.max(change, Math.abs(next - weight[h]) / next);
            weight[h] = next;
          }
          if (change < WEIGHT_TOLERANCE || bottom <= 0) {
            break;
          }
        }
      }
      default -> throw new IllegalStateException("no stratified score for " + contrast);
    }
  }
}
