package org.trialstats.stats;

/**
 * Score interval for the risk difference (Miettinen &amp; Nurminen 1985; Mee 1984): the set of
 * delta in [-1, 1] with |d - delta| &lt;= z sqrt(f V~(delta)), where d = p1 - p2, V~(delta) = p1~ q1~
 * / n1 + p2~ q2~ / n2 at the maximum-likelihood estimates restricted to p1~ - p2~ = delta, and f =
 * N / (N - 1) (Miettinen-Nurminen) or 1 (Mee).
 *
 * <h2>Limits</h2>
 *
 * <p>The lower limit is the root of (d - delta) - z sqrt(f V~(delta)) on (-1, d], the upper limit
 * the root of (d - delta) + z sqrt(f V~(delta)) on [d, 1). Both functions are continuous with a
 * single sign change (the score statistic (d - delta) / sqrt(V~) is decreasing in delta), their
 * values at the ends are known without evaluation (at delta = -1 or 1 the restricted estimates are
 * forced to 0 and 1, so V~ = 0; at delta = d they are the unrestricted estimates), and Brent's
 * method finds the root to a few ulps. A first evaluation at the Wald-type guess d -/+ z sqrt(f
 * V(d)) narrows the bracket.
 *
 * <h2>Restricted estimates</h2>
 *
 * <p>The trigonometric closed form for the root of the likelihood cubic (Miettinen &amp; Nurminen
 * 1985, appendix; Farrington &amp; Manning 1990) loses up to half of the significant digits when two
 * roots of the cubic nearly coincide, which happens for tables with an arm at 0 or n near small
 * delta (for 2/2 vs 14774/14774 the 95% upper limit came out 1e-5 too high, for 0/10^9 vs 0/10^9
 * 45% too low). It is therefore used only as the starting point of a safeguarded Newton iteration
 * on the likelihood equation itself, written in the smaller restricted proportion t with the larger
 * one t + |delta| (no cancellation), after orienting the table so that the pooled proportion is at
 * most 1/2 (events and non-events swap roles, RD changes sign; V~ is unchanged). Boundary maxima
 * (t = 0, or the larger proportion = 1) are detected from the sign of the likelihood equation at the
 * boundary and returned exactly. One Newton step usually confirms the closed form to full
 * precision.
 *
 * <p>Nothing is allocated: the root search receives a constant method reference and primitive
 * parameters.
 */
final class ScoreInterval {
  /** Newton steps below this relative size leave an error below double precision. */
  private static final double NEWTON_CONVERGED = 1e-8;

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

  /**
   * One limit. The equation (d - delta) - signedZ sqrt(f V~(delta)), with signedZ = z for the lower
   * limit and -z for the upper one, has the sign of d - delta at the far end (delta = -1 or 1,
   * where V~ = 0) and the opposite sign just beside d. At d itself its value is -signedZ sqrt(f
   * V(d)), which is 0 when both arms sit at 0 or n; the bracket end at d is then replaced by a
   * probe closer to d whose value has the right sign.
   */
  private static double limit(
      long x1, long n1, long x2, long n2, double z, double varianceFactor, boolean lower) {
    double d = RiskDifferenceMethod.difference(x1, n1, x2, n2);
    double far = lower ? -1 : 1;
    if (lower ? d <= far : d >= far) {
      return far;
    }
    double signedZ = (lower ? z : -z) * Math.sqrt(varianceFactor);
    double farEnd = far;
    double farValue = d - far;
    double nearEnd = d;
    double spreadAtEstimate =
        Math.sqrt(
            (double) x1 * (n1 - x1) / ((double) n1 * n1 * n1)
                + (double) x2 * (n2 - x2) / ((double) n2 * n2 * n2));
    double nearValue = -signedZ * spreadAtEstimate;
    // First probe: the Wald-type limit d -/+ z sqrt(f V(d)). Without spread at d, a step of the
    // order of the limit for a single arm at its boundary, z^2 f / (n + z^2 f).
    double zz = signedZ * signedZ;
    double step =
        spreadAtEstimate > 0 ? Math.abs(signedZ) * spreadAtEstimate : zz / (Math.min(n1, n2) + zz);
    for (int probes = 0; probes < 64; probes++) {
      double probe = lower ? d - step : d + step;
      if (lower ? probe > farEnd : probe < farEnd) {
        double value = equation(probe, x1, n1, x2, n2, d, signedZ);
        if (value == 0) {
          return probe;
        }
        if ((value > 0) != (farValue > 0)) {
          nearEnd = probe;
          nearValue = value;
          break;
        }
        farEnd = probe;
        farValue = value;
      }
      if (nearValue != 0) {
        break;
      }
      step /= 2;
    }
    if (nearValue == 0) {
      // Not reached for valid counts: the equation has the near-end sign on (d - z^2 f/n, d).
      nearValue = -Math.copySign(Double.MIN_VALUE, farValue);
    }
    return Roots.brent(
        ScoreInterval::equation, x1, n1, x2, n2, d, signedZ, farEnd, nearEnd, farValue, nearValue, 0);
  }

  /** (d - delta) - signedZ sqrt(V~(delta)), signedZ including the variance factor. */
  private static double equation(
      double delta, double x1, double n1, double x2, double n2, double d, double signedZ) {
    return (d - delta) - signedZ * Math.sqrt(restrictedVariance(delta, x1, n1, x2, n2));
  }

  /**
   * V~(delta) = p1~ (1 - p1~) / n1 + p2~ (1 - p2~) / n2 at the maximum-likelihood estimates under
   * p1 - p2 = delta, for -1 &lt; delta &lt; 1 (counts as doubles, exact up to 2^53).
   *
   * <p>Starting point: p1~ is the root in [max(0, delta), min(1, 1 + delta)] of the cubic a t^3 + b
   * t^2 + c t + e with theta = n2 / n1, a = 1 + theta, b = -(1 + theta + p1 + theta p2 + delta
   * (theta + 2)), c = delta^2 + delta (2 p1 + theta + 1) + p1 + theta p2, e = -p1 delta (1 +
   * delta), in the trigonometric form of Miettinen &amp; Nurminen (1985, appendix) and Farrington
   * &amp; Manning (1990, Stat Med 9:1447-1454): v = b^3 / (3a)^3 - b c / (6 a^2) + e / (2a), u =
   * sign(v) sqrt(b^2 / (3a)^2 - c / (3a)), w = (pi + acos(v / u^3)) / 3, p1~ = 2 u cos(w) - b / (3a).
   * It is then refined on the likelihood equation (see the class description).
   */
  static double restrictedVariance(double delta, double x1, double n1, double x2, double n2) {
    double p1 = x1 / n1;
    double p2 = x2 / n2;
    double theta = n2 / n1;
    double a = 1 + theta;
    double b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
    double c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
    double e = -p1 * delta * (1 + delta);
    double shift = b / (3 * a);
    double v = shift * shift * shift - b * c / (6 * a * a) + e / (2 * a);
    double u = Math.copySign(Math.sqrt(Math.max(0, shift * shift - c / (3 * a))), v);
    double cosine = u == 0 ? 0 : Math.max(-1, Math.min(1, v / (u * u * u)));
    double w = (Math.PI + Math.acos(cosine)) / 3;
    double closedForm1 = 2 * u * Math.cos(w) - shift;

    // The arm with the smaller restricted proportion is "s", the other "l"; t = ps~, pl~ = t + gap.
    double gap = Math.abs(delta);
    boolean armOneSmaller = delta <= 0;
    double xs = armOneSmaller ? x1 : x2;
    double ns = armOneSmaller ? n1 : n2;
    double xl = armOneSmaller ? x2 : x1;
    double nl = armOneSmaller ? n2 : n1;
    double start = armOneSmaller ? closedForm1 : closedForm1 - delta;
    double t = smallerRestrictedProportion(start, xs, ns - xs, xl, nl - xl, gap);
    double large = t + gap;
    return t * (1 - t) / ns + large * (1 - large) / nl;
  }

  /**
   * The maximizer t in [0, 1 - gap] of xs log t + ys log(1 - t) + xl log(t + gap) + yl log(1 - t -
   * gap): concave, so its derivative S(t) = xs/t - ys/(1 - t) + xl/(t + gap) - yl/(1 - t - gap) is
   * decreasing. A boundary is the maximizer when S does not change sign; otherwise safeguarded
   * Newton from {@code start}, falling back to halving the bracket when a step leaves it.
   */
  private static double smallerRestrictedProportion(
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
      double next = t - score / slope;
      if (!(next > low && next < high)) {
        next = low > 0 ? 0.5 * (low + high) : 0.5 * high;
      } else if (Math.abs(next - t) <= NEWTON_CONVERGED * next) {
        return next;
      }
      if (next == t) {
        return t;
      }
      t = next;
    }
    return t;
  }
}
