package org.trialstats.stats;

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
 * evaluations. Without the second condition, h of tables with very unequal arms (2/4 vs 565/566)
 * is curved enough for Newton to alternate between the two sides of the root with steps that
 * barely shrink, until the iteration limit returned a point far from the root. Starting from the Wald-type limit d -/+ c sqrt(V(d)), 2 to 5 evaluations per limit are
 * typical. A limit is exactly -1 (1) only when d = -1 (d = 1).
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
 * <p>Nothing is allocated.
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
    // h(delta) = (d - delta) - side c sqrt(V~): sign of d - far at the far end, the other sign
    // just beside d.
    double side = lower ? 1 : -1;
    double c = z * Math.sqrt(varianceFactor);
    double x1 = events1;
    double y1 = n1 - events1;
    double x2 = events2;
    double y2 = n2 - events2;
    double m1 = n1;
    double m2 = n2;
    double farEnd = far;
    double nearEnd = d;
    boolean farPositive = d > far;

    // Warm starts for the restricted estimates: the unrestricted ones.
    double warm1 = x1 / m1;
    double warm2 = x2 / m2;
    double spreadAtEstimate = Math.sqrt(warm1 * (y1 / m1) / m1 + warm2 * (y2 / m2) / m2);
    // First point: the Wald-type limit; with no spread at d (both arms at 0 or n), a step of the
    // order of the limit for one arm at its boundary, c^2 / (n + c^2).
    double delta =
        spreadAtEstimate > 0
            ? d - side * c * spreadAtEstimate
            : d - side * c * c / (Math.min(m1, m2) + c * c);
    if (!(lower ? delta > far : delta < far)) {
      delta = 0.5 * (d + far);
    }

    // Newton is accepted only while its steps shrink geometrically (see below); the first steps
    // are compared with the width of the initial bracket.
    double lastStep = Math.abs(far - d);
    double stepBeforeLast = lastStep;
    for (int iteration = 0; iteration < 400; iteration++) {
      // Restricted estimates at delta: smaller proportion t (arm "s"), larger t + gap (arm "l").
      double gap = Math.abs(delta);
      boolean armOneSmaller = delta <= 0;
      double xs = armOneSmaller ? x1 : x2;
      double ys = armOneSmaller ? y1 : y2;
      double ms = armOneSmaller ? m1 : m2;
      double xl = armOneSmaller ? x2 : x1;
      double yl = armOneSmaller ? y2 : y1;
      double ml = armOneSmaller ? m2 : m1;
      double t = smallerRestrictedProportion(armOneSmaller ? warm1 : warm2, xs, ys, xl, yl, gap);
      double large = t + gap;
      warm1 = armOneSmaller ? t : large;
      warm2 = armOneSmaller ? large : t;

      double variance = t * (1 - t) / ms + large * (1 - large) / ml;
      double spread = Math.sqrt(variance);
      double value = (d - delta) - side * c * spread;
      if (value == 0) {
        return delta;
      }
      if ((value > 0) == farPositive) {
        farEnd = delta;
      } else {
        nearEnd = delta;
      }
      double low = Math.min(farEnd, nearEnd);
      double high = Math.max(farEnd, nearEnd);

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
      double slope = -1 - side * c * dvdDelta / (2 * spread);

      double step = value / slope;
      if (Math.abs(step) <= OUTER_CONVERGED * Math.abs(delta)) {
        return Math.max(low, Math.min(high, delta - step));
      }
      double next = delta - step;
      // Bisect when the Newton step leaves the bracket or is not at least halving the step before
      // the previous one: on the strongly curved h of very unequal arms, Newton can otherwise
      // jump between the two sides of the root with steps that barely shrink.
      if (!(next > low && next < high) || Math.abs(step) > 0.5 * Math.abs(stepBeforeLast)) {
        next = 0.5 * (low + high);
        if (next == low || next == high) {
          return next;
        }
        step = delta - next;
      }
      stepBeforeLast = lastStep;
      lastStep = step;
      if ((next <= 0) == armOneSmaller) {
        // Tangent prediction of the next restricted estimates: the inner Newton then needs one
        // or two steps.
        double predicted = t + dtdgap * (Math.abs(next) - gap);
        if (predicted > 0 && predicted + Math.abs(next) < 1) {
          warm1 = armOneSmaller ? predicted : predicted + Math.abs(next);
          warm2 = armOneSmaller ? predicted + Math.abs(next) : predicted;
        }
      }
      delta = next;
    }
    return delta;
  }

  /**
   * The maximizer t in [0, 1 - gap] of xs log t + ys log(1 - t) + xl log(t + gap) + yl log(1 - t -
   * gap): concave, so its derivative S(t) = xs/t - ys/(1 - t) + xl/(t + gap) - yl/(1 - t - gap) is
   * decreasing. A boundary is the maximizer when S does not change sign; otherwise safeguarded
   * Newton from {@code start}, halving the bracket when a step would leave it.
   */
  static double smallerRestrictedProportion(
      double start, double xs, double ys, double xl, double yl, double gap) {
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
    double low = 0;
    double t = start > low && start < high ? start : 0.5 * high;
    for (int iteration = 0; iteration < 200; iteration++) {
      double large = t + gap;
      double rs = xs / t;
      double qs = ys / (1 - t);
      double rl = xl / large;
      double ql = yl / (1 - large);
      double score = rs - qs + rl - ql;
      if (score > 0) {
        low = t;
      } else if (score < 0) {
        high = t;
      } else {
        return t;
      }
      double slope = -(rs / t + qs / (1 - t) + rl / large + ql / (1 - large));
      double step = score / slope;
      if (Math.abs(step) <= INNER_CONVERGED * t) {
        return t - step;
      }
      double next = t - step;
      if (!(next > low && next < high)) {
        next = low > 0 ? 0.5 * (low + high) : 0.5 * high;
        if (next == low || next == high) {
          return next;
        }
      }
      t = next;
    }
    return t;
  }
}
