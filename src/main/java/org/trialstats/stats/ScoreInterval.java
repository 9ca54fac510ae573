package org.trialstats.stats;

import org.trialstats.numerics.Derivatives;
import org.trialstats.numerics.DifferentiableFunction;
import org.trialstats.numerics.SafeguardedNewton;

/**
 * Score interval for the risk difference (Miettinen &amp; Nurminen 1985; Mee 1984): the set of
 * delta in [-1, 1] with |d - delta| &lt;= c sqrt(V~(delta)), where d = p1 - p2, V~(delta) = p1~ q1~
 * / n1 + p2~ q2~ / n2 at the maximum-likelihood estimates restricted to p1~ - p2~ = delta, and c =
 * z sqrt(N / (N - 1)) (Miettinen-Nurminen) or z (Mee).
 *
 * <h2>Limits</h2>
 *
 * <p>The lower limit is the root of h(delta) = (d - delta) - c sqrt(V~(delta)) on (-1, d], the
 * upper limit the root of (d - delta) + c sqrt(V~(delta)) on [d, 1). Each has a single sign change
 * (the score statistic (d - delta) / sqrt(V~) is decreasing in delta), with the sign of d - delta
 * at the far end (delta = -1 or 1, where the restricted estimates are forced to 0 and 1 and V~ = 0)
 * and the opposite sign just beside d. The root is found by Newton's method on delta, using the
 * exact derivative of V~ (implicit differentiation of the likelihood equation), inside a bracket
 * that every evaluation narrows; a Newton step that would leave the bracket, or that is not at most
 * half the step before the previous one, is replaced by bisection (the safeguard of rtsafe, Press
 * et al., Numerical Recipes, 3rd ed. 2007, section 9.4), so the bracket at least halves every two
 * evaluations. Without the second condition, h of tables with very unequal arms (2/4 vs 565/566) is
 * curved enough for Newton to alternate between the two sides of the root with steps that barely
 * shrink, until the iteration limit returned a point far from the root. Starting from the Wald-type
 * limit d -/+ c sqrt(V(d)), 2 to 5 evaluations per limit are typical. A limit is exactly -1 (1)
 * only when d = -1 (d = 1).
 *
 * <h2>Restricted estimates</h2>
 *
 * <p>The restricted maximum maximizes x1 log p1 + y1 log(1 - p1) + x2 log p2 + y2 log(1 - p2) under
 * p1 - p2 = delta. It is computed by safeguarded Newton iterations on the likelihood equation,
 * written in the smaller restricted proportion t (the larger is t + |delta|, no cancellation), and
 * warm-started from a tangent prediction at the previous evaluation, so that one or two iterations
 * usually suffice. The table is first oriented so that the pooled proportion is at most 1/2 (events
 * and non-events swap roles and RD changes sign; V~ is unchanged), which keeps small restricted
 * proportions at full relative precision. Maxima on the boundary (t = 0, or t + |delta| = 1) are
 * recognised from the sign of the likelihood equation there and returned exactly.
 *
 * <p>The cubic whose root gives the restricted estimate in closed (trigonometric) form (Miettinen
 * &amp; Nurminen 1985, appendix; Farrington &amp; Manning 1990, Stat Med 9:1447-1454) is not used:
 * it loses up to half of the significant digits where two roots of the cubic nearly coincide, which
 * happens for tables with an arm at 0 or n near small delta (for 2/2 vs 14774/14774 the 95% upper
 * limit came out 1.2e-5 (relative) too high, for 0/10^9 vs 0/10^9 the lower limit 45% too low), and
 * its arc cosine costs more than the Newton iterations that replace it.
 *
 * <p>Both iterations are {@link SafeguardedNewton}: the outer one with the shrinking-step
 * safeguard, the inner one with the bracket safeguard.
 */
final class ScoreInterval {
  /** Restricted-estimate Newton steps below this relative size leave an error below 1e-16. */
  private static final double INNER_CONVERGED = 1e-8;

  /** Newton steps on delta below this relative size leave an error below 1e-24. */
  private static final double OUTER_CONVERGED = 1e-12;

  private ScoreInterval() {}

  /** The lower score limit; -1 exactly when x1 = 0 and x2 = n2. */
  static double lower(long x1, long n1, long x2, long n2, double z, double varianceFactor) {
    if (2 * ((double) x1 + x2) > (double) n1 + n2) {
      // Count non-events instead: RD changes sign, so the lower limit is minus the upper one.
      return -limit(n1 - x1, n1, n2 - x2, n2, z, varianceFactor, false);
    }
    return limit(x1, n1, x2, n2, z, varianceFactor, true);
  }

  /** The upper score limit; 1 exactly when x1 = n1 and x2 = 0. */
  static double upper(long x1, long n1, long x2, long n2, double z, double varianceFactor) {
    if (2 * ((double) x1 + x2) > (double) n1 + n2) {
      return -limit(n1 - x1, n1, n2 - x2, n2, z, varianceFactor, true);
    }
    return limit(x1, n1, x2, n2, z, varianceFactor, false);
  }

  private static double limit(
      long events1,
      long n1,
      long events2,
      long n2,
      double z,
      double varianceFactor,
      boolean lower) {
    double d = RiskDifferenceMethod.difference(events1, n1, events2, n2);
    double far = lower ? -1 : 1;
    if (lower ? d <= far : d >= far) {
      return far;
    }
    // h(delta) = (d - delta) - side c sqrt(V~): positive on the side of the root towards lower
    // delta (at the far end of the lower limit, beside d for the upper limit).
    double side = lower ? 1 : -1;
    double c = z * Math.sqrt(varianceFactor);
    Workspace work = WORKSPACE.get();
    ScoreFunction h = work.score;
    h.reset(events1, n1, events2, n2, d, side * c);
    // First point: the Wald-type limit; with no spread at d (both arms at 0 or n), a step of the
    // order of the limit for one arm at its boundary, c^2 / (n + c^2). A point outside the
    // bracket is replaced by its midpoint.
    double spreadAtEstimate =
        Math.sqrt(h.warm1 * (h.y1 / h.m1) / h.m1 + h.warm2 * (h.y2 / h.m2) / h.m2);
    double start =
        spreadAtEstimate > 0
            ? d - side * c * spreadAtEstimate
            : d - side * c * c / (Math.min(h.m1, h.m2) + c * c);
    return SafeguardedNewton.solve(
        h,
        work.scoreDerivatives,
        Math.min(far, d),
        Math.max(far, d),
        true,
        start,
        OUTER_CONVERGED,
        SafeguardedNewton.Safeguard.SHRINKING_STEPS);
  }

  /**
   * The function objects and derivative holders of one thread, reused by every limit so that an
   * interval allocates nothing but its result (the batch computes millions).
   */
  private static final class Workspace {
    final RestrictedLikelihood restricted = new RestrictedLikelihood();
    final ScoreFunction score = new ScoreFunction(restricted);
    final Derivatives scoreDerivatives = new Derivatives();
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /**
   * h(delta) = (d - delta) - side c sqrt(V~(delta)) and its derivative, keeping the restricted
   * estimates of the last evaluation as warm starts for the next one.
   */
  private static final class ScoreFunction implements DifferentiableFunction {
    private final RestrictedLikelihood restricted;
    double x1;
    double y1;
    double x2;
    double y2;
    double m1;
    double m2;
    private double d;
    private double sideC;

    /** Warm starts of the restricted estimates: first the unrestricted ones. */
    double warm1;

    double warm2;

    /** The smaller restricted proportion, its derivative and the gap at the last evaluation. */
    private boolean evaluated;

    private double lastT;
    private double lastDtdgap;
    private double lastGap;
    private boolean lastArmOneSmaller;

    ScoreFunction(RestrictedLikelihood restricted) {
      this.restricted = restricted;
    }

    void reset(long events1, long n1, long events2, long n2, double d, double sideC) {
      this.x1 = events1;
      this.y1 = n1 - events1;
      this.x2 = events2;
      this.y2 = n2 - events2;
      this.m1 = n1;
      this.m2 = n2;
      this.d = d;
      this.sideC = sideC;
      this.warm1 = x1 / m1;
      this.warm2 = x2 / m2;
      this.evaluated = false;
    }

    @Override
    public void evaluate(double delta, Derivatives out) {
      double gap = Math.abs(delta);
      if (evaluated && (delta <= 0) == lastArmOneSmaller) {
        // Tangent prediction of the restricted estimates at the new delta: the inner Newton then
        // needs one or two steps.
        double predicted = lastT + lastDtdgap * (gap - lastGap);
        if (predicted > 0 && predicted + gap < 1) {
          warm1 = lastArmOneSmaller ? predicted : predicted + gap;
          warm2 = lastArmOneSmaller ? predicted + gap : predicted;
        }
      }
      // Restricted estimates at delta: smaller proportion t (arm "s"), larger t + gap (arm "l").
      boolean armOneSmaller = delta <= 0;
      double xs = armOneSmaller ? x1 : x2;
      double ys = armOneSmaller ? y1 : y2;
      double ms = armOneSmaller ? m1 : m2;
      double xl = armOneSmaller ? x2 : x1;
      double yl = armOneSmaller ? y2 : y1;
      double ml = armOneSmaller ? m2 : m1;
      double t = restricted.smallerProportion(armOneSmaller ? warm1 : warm2, xs, ys, xl, yl, gap);
      double large = t + gap;
      warm1 = armOneSmaller ? t : large;
      warm2 = armOneSmaller ? large : t;

      double variance = t * (1 - t) / ms + large * (1 - large) / ml;
      double spread = Math.sqrt(variance);
      double value = (d - delta) - sideC * spread;

      // dV~/dgap, with dt/dgap = 0 at the boundary t = 0, -1 at the boundary t + gap = 1, and
      // -S_gap / S_t from the likelihood equation S(t, gap) = 0 inside.
      double dtdgap;
      if (t <= 0) {
        dtdgap = 0;
      } else if (large >= 1) {
        dtdgap = -1;
      } else {
        double curvatureLarge = xl / (large * large) + yl / ((1 - large) * (1 - large));
        double curvatureSmall = xs / (t * t) + ys / ((1 - t) * (1 - t));
        dtdgap = -curvatureLarge / (curvatureSmall + curvatureLarge);
      }
      double dvdgap = ((1 - 2 * t) / ms + (1 - 2 * large) / ml) * dtdgap + (1 - 2 * large) / ml;
      double dvdDelta = armOneSmaller ? -dvdgap : dvdgap;
      out.set(value, -1 - sideC * dvdDelta / (2 * spread));
      evaluated = true;
      lastT = t;
      lastDtdgap = dtdgap;
      lastGap = gap;
      lastArmOneSmaller = armOneSmaller;
    }
  }

  /**
   * The restricted maximizer t in [0, 1 - gap] of xs log t + ys log(1 - t) + xl log(t + gap) + yl
   * log(1 - t - gap), for the stratified score ({@code StratifiedScore}).
   */
  static double smallerRestrictedProportion(
      double start, double xs, double ys, double xl, double yl, double gap) {
    return new RestrictedLikelihood().smallerProportion(start, xs, ys, xl, yl, gap);
  }

  /**
   * The restricted likelihood equation in the smaller proportion t, S(t) = xs/t - ys/(1 - t) +
   * xl/(t + gap) - yl/(1 - t - gap), and its maximizer.
   */
  private static final class RestrictedLikelihood implements DifferentiableFunction {
    private final Derivatives derivatives = new Derivatives();
    private double xs;
    private double ys;
    private double xl;
    private double yl;
    private double gap;

    @Override
    public void evaluate(double t, Derivatives out) {
      double large = t + gap;
      double rs = xs / t;
      double qs = ys / (1 - t);
      double rl = xl / large;
      double ql = yl / (1 - large);
      out.set(rs - qs + rl - ql, -(rs / t + qs / (1 - t) + rl / large + ql / (1 - large)));
    }

    /**
     * The maximizer t in [0, 1 - gap] of xs log t + ys log(1 - t) + xl log(t + gap) + yl log(1 - t
     * - gap): concave, so its derivative S(t) is decreasing. A boundary is the maximizer when S
     * does not change sign; otherwise safeguarded Newton from {@code start}, halving the bracket
     * when a step would leave it.
     */
    double smallerProportion(double start, double xs, double ys, double xl, double yl, double gap) {
      double high = 1 - gap;
      // S at t = 0+ (finite only if xs = 0 and, when gap = 0, also xl = 0).
      if (xs == 0 && (gap > 0 || xl == 0)) {
        double atZero = -ys + (xl > 0 ? xl / gap : 0) - (yl > 0 ? yl / (1 - gap) : 0);
        if (atZero <= 0) {
          return 0;
        }
      }
      // S at t = (1 - gap)- (finite only if yl = 0 and, when gap = 0, also ys = 0).
      if (yl == 0 && (gap > 0 || ys == 0)) {
        double atHigh = (xs > 0 ? xs / high : 0) - (ys > 0 ? ys / gap : 0) + xl;
        if (atHigh >= 0) {
          return high;
        }
      }
      this.xs = xs;
      this.ys = ys;
      this.xl = xl;
      this.yl = yl;
      this.gap = gap;
      return SafeguardedNewton.solve(
          this,
          derivatives,
          0,
          high,
          true,
          start,
          INNER_CONVERGED,
          SafeguardedNewton.Safeguard.BRACKET);
    }
  }
}
