package org.trialstats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;

/**
 * The Kaplan-Meier estimate of one group's survival function with Greenwood's variance, stored at
 * every distinct observed time of the group (event or censoring), as R's {@code survfit} stores it.
 *
 * <p>S(t) = prod over event times t_j &lt;= t of (1 - d_j / n_j) (Kaplan EL, Meier P 1958, JASA
 * 53:457-481); var(log S(t)) = sum over t_j &lt;= t of d_j / (n_j (n_j - d_j)) (Greenwood M 1926,
 * Reports on Public Health and Medical Subjects 33), the term at n_j = d_j left out (S is then 0
 * and its standard error is reported as 0, as SAS prints it; R reports Inf and NA limits).
 */
public final class KaplanMeierCurve {
  private static final double QUANTILE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private final double[] time;
  private final int[] atRisk;
  private final int[] events;
  private final int[] censored;
  private final double[] survival;
  private final double[] greenwood;
  private final int subjects;

  KaplanMeierCurve(double[] time, int[] atRisk, int[] events, int[] censored, int subjects) {
    this.time = time;
    this.atRisk = atRisk;
    this.events = events;
    this.censored = censored;
    this.subjects = subjects;
    int m = time.length;
    this.survival = new double[m];
    this.greenwood = new double[m];
    double s = 1;
    double v = 0;
    for (int i = 0; i < m; i++) {
      int n = atRisk[i];
      int d = events[i];
      if (d > 0) {
        s *= 1 - (double) d / n;
        if (n > d) {
          v += (double) d / ((double) n * (n - d));
        }
      }
      survival[i] = s;
      greenwood[i] = v;
    }
  }

  /**
   * Number of subjects in the group.
   *
   * @return n
   */
  public int subjects() {
    return subjects;
  }

  /**
   * Total number of events.
   *
   * @return the sum of d_j
   */
  public int totalEvents() {
    return Arrays.stream(events).sum();
  }

  /**
   * Number of distinct observed times (the rows of the curve).
   *
   * @return the number of rows
   */
  public int size() {
    return time.length;
  }

  /**
   * The i-th distinct observed time.
   *
   * @param i row index
   * @return t_i
   */
  public double time(int i) {
    return time[i];
  }

  /**
   * Number at risk at the i-th time.
   *
   * @param i row index
   * @return n_i
   */
  public int atRisk(int i) {
    return atRisk[i];
  }

  /**
   * Number of events at the i-th time.
   *
   * @param i row index
   * @return d_i
   */
  public int events(int i) {
    return events[i];
  }

  /**
   * Number of censorings at the i-th time.
   *
   * @param i row index
   * @return c_i
   */
  public int censored(int i) {
    return censored[i];
  }

  /**
   * The estimate just after the i-th time.
   *
   * @param i row index
   * @return S(t_i)
   */
  public double survival(int i) {
    return survival[i];
  }

  /**
   * The standard error of log S at the i-th time (square root of Greenwood's sum), as R's {@code
   * survfit} reports {@code std.err}.
   *
   * @param i row index
   * @return sqrt(sum d / (n (n - d)))
   */
  public double logStandardError(int i) {
    return Math.sqrt(greenwood[i]);
  }

  /**
   * The curve's value at any time (right-continuous step function; 1 before the first time and the
   * last value after the last time).
   *
   * @param t a time
   * @return S(t)
   */
  public double survivalAt(double t) {
    int i = lastAtOrBefore(t);
    return i < 0 ? 1 : survival[i];
  }

  /**
   * The pointwise confidence limits at the i-th time.
   *
   * @param i row index
   * @param transform the interval's scale
   * @param level confidence level in (0, 1)
   * @return {lower, upper}
   * @throws StatsException if the level is not in (0, 1)
   */
  public double[] interval(int i, ConfidenceTransform transform, double level) {
    return transform.interval(survival[i], Math.sqrt(greenwood[i]), ConfidenceLevel.z(level));
  }

  /**
   * The curve at the requested times as R's {@code summary(fit, times = times, extend = TRUE)}:
   * number at risk at t, events and censorings in (previous requested time, t], S(t) with its
   * standard error and limits. Times after the last observation keep the last estimate with 0 at
   * risk.
   *
   * @param times requested times, increasing, finite and &gt;= 0
   * @param transform the interval's scale
   * @param level confidence level in (0, 1)
   * @return one point per requested time
   * @throws StatsException if the times are not increasing, negative or not finite, or the level is
   *     not in (0, 1)
   */
  public List<SurvivalPoint> at(double[] times, ConfidenceTransform transform, double level) {
    double z = ConfidenceLevel.z(level);
    List<SurvivalPoint> out = new ArrayList<>(times.length);
    int done = -1;
    double previous = Double.NEGATIVE_INFINITY;
    for (double t : times) {
      if (!(t >= 0) || Double.isInfinite(t) || !(t > previous)) {
        throw new StatsException(
            "requested times must be finite, >= 0 and increasing; got " + t + " after " + previous);
      }
      previous = t;
      int last = lastAtOrBefore(t);
      out.add(point(t, done, last, z, transform));
      done = Math.max(done, last);
    }
    return out;
  }

  /**
   * The curve at each event time (the rows R's {@code summary(fit)} prints): censorings are counted
   * in (previous event time, t].
   *
   * @param transform the interval's scale
   * @param level confidence level in (0, 1)
   * @return one point per distinct event time
   * @throws StatsException if the level is not in (0, 1)
   */
  public List<SurvivalPoint> eventTimes(ConfidenceTransform transform, double level) {
    double z = ConfidenceLevel.z(level);
    List<SurvivalPoint> out = new ArrayList<>();
    int done = -1;
    for (int i = 0; i < time.length; i++) {
      if (events[i] > 0) {
        out.add(point(time[i], done, i, z, transform));
        done = i;
      }
    }
    return out;
  }

  private SurvivalPoint point(double t, int done, int last, double z, ConfidenceTransform tr) {
    int d = 0;
    int c = 0;
    for (int j = done + 1; j <= last; j++) {
      d += events[j];
      c += censored[j];
    }
    int next = last + 1;
    int risk = last >= 0 && time[last] == t ? atRisk[last] : next < time.length ? atRisk[next] : 0;
    double s = last < 0 ? 1 : survival[last];
    double sigma = last < 0 ? 0 : Math.sqrt(greenwood[last]);
    double[] limits = tr.interval(s, sigma, z);
    return new SurvivalPoint(t, risk, d, c, s, s * sigma, limits[0], limits[1]);
  }

  /** Index of the last time &lt;= t, or -1. */
  private int lastAtOrBefore(double t) {
    int i = Arrays.binarySearch(time, t);
    return i >= 0 ? i : -i - 2;
  }

  /**
   * A quantile with its confidence limits as R's {@code quantile.survfit} computes them: the
   * estimate is the smallest time where the estimated distribution function 1 - S reaches p (the
   * midpoint to the next time where it rises further when 1 - S equals p within sqrt(machine
   * epsilon) on a flat stretch, or to the last observed time when that flat stretch is the end of
   * the curve); the limits apply the same rule to the pointwise lower and upper confidence curves
   * (Brookmeyer R, Crowley J 1982, Biometrics 38:29-41, in the transformed-interval form of Klein
   * &amp; Moeschberger 2003, section 4.5). Points where S = 0 do not enter the confidence curves
   * (R's NA). A curve that never reaches 1 - p gives an empty value: "not reached".
   *
   * @param p the probability of an event by the quantile, in (0, 1); 0.5 for the median
   * @param transform the scale of the pointwise intervals
   * @param level confidence level in (0, 1)
   * @return the quantile with its limits
   * @throws StatsException if p or the level is not in (0, 1)
   */
  public SurvivalQuantile quantile(double p, ConfidenceTransform transform, double level) {
    if (!(p > 0 && p < 1)) {
      throw new StatsException("quantile probability must lie in (0, 1), got " + p);
    }
    double z = ConfidenceLevel.z(level);
    int m = time.length;
    double[] estimate = new double[m];
    double[] lowerCurve = new double[m];
    double[] upperCurve = new double[m];
    for (int i = 0; i < m; i++) {
      estimate[i] = 1 - survival[i];
      if (survival[i] == 0) {
        lowerCurve[i] = Double.NaN;
        upperCurve[i] = Double.NaN;
      } else {
        double[] limits = transform.interval(survival[i], Math.sqrt(greenwood[i]), z);
        lowerCurve[i] = 1 - limits[0];
        upperCurve[i] = 1 - limits[1];
      }
    }
    return new SurvivalQuantile(
        p, findQuantile(estimate, p), findQuantile(lowerCurve, p), findQuantile(upperCurve, p));
  }

  /**
   * R survival's {@code findq} on the points (0, 0), (t_i, y_i): NaN marks a missing point;
   * repeated y values keep their first time.
   */
  private OptionalDouble findQuantile(double[] y, double p) {
    int m = y.length;
    double[] xs = new double[m + 1];
    double[] ys = new double[m + 1];
    int kept = 1;
    xs[0] = 0;
    ys[0] = 0;
    boolean missingSeen = false;
    // R's duplicated(): a value seen before (anywhere, as a confidence curve need not be monotone)
    Set<Long> seen = new HashSet<>();
    seen.add(Double.doubleToLongBits(0.0));
    double max = 0;
    for (int i = 0; i < m; i++) {
      double v = y[i];
      if (Double.isNaN(v)) {
        if (missingSeen) {
          continue;
        }
        missingSeen = true;
      } else {
        max = Math.max(max, v);
        if (!seen.add(Double.doubleToLongBits(v + 0.0))) {
          continue;
        }
      }
      xs[kept] = time[i];
      ys[kept] = v;
      kept++;
    }
    if (max < p) {
      return OptionalDouble.empty();
    }
    int first = smallestAtLeast(ys, kept, p, QUANTILE_TOLERANCE);
    int second = smallestAtLeast(ys, kept, p, -QUANTILE_TOLERANCE);
    double lastY = ys[kept - 1];
    if (!Double.isNaN(lastY) && Math.abs(p - lastY) < QUANTILE_TOLERANCE && first >= 0) {
      return OptionalDouble.of((xs[first] + time[m - 1]) / 2);
    }
    if (first < 0 || second < 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((xs[first] + xs[second]) / 2);
  }

  /**
   * R's {@code approx(y + offset, index, p, method = "constant", f = 1)}: the index of the smallest
   * knot y_j + offset that is &gt;= p, or -1 when p lies outside the knots.
   */
  private static int smallestAtLeast(double[] ys, int kept, double p, double offset) {
    int best = -1;
    double bestKnot = Double.POSITIVE_INFINITY;
    double minKnot = Double.POSITIVE_INFINITY;
    for (int j = 0; j < kept; j++) {
      if (Double.isNaN(ys[j])) {
        continue;
      }
      double knot = ys[j] + offset;
      minKnot = Math.min(minKnot, knot);
      if (knot >= p && knot < bestKnot) {
        bestKnot = knot;
        best = j;
      }
    }
    return p < minKnot ? -1 : best;
  }

  /**
   * The restricted mean survival time up to tau as R's {@code print(survfit, rmean = tau)} computes
   * it (Royston P, Parmar MKB 2013, BMC Med Res Methodol 13:152; Klein &amp; Moeschberger 2003,
   * section 4.5): the area under S from 0 to tau, with the variance sum over event times t_j &lt;=
   * tau of A_j^2 d_j / (n_j (n_j - d_j)), A_j the area from t_j to tau.
   *
   * @param tau the truncation time, &gt; 0 and finite
   * @return the restricted mean with its standard error
   * @throws StatsException if tau is not positive and finite
   */
  public RestrictedMean restrictedMean(double tau) {
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new StatsException("RMST truncation time must be positive and finite, got " + tau);
    }
    int last = lastAtOrBefore(tau);
    double area = 0;
    double previousTime = 0;
    double previousSurvival = 1;
    for (int i = 0; i <= last; i++) {
      area += (time[i] - previousTime) * previousSurvival;
      previousTime = time[i];
      previousSurvival = survival[i];
    }
    area += (tau - previousTime) * previousSurvival;
    // A_j accumulates backwards from tau: the area to the right of each time
    double variance = 0;
    double tail = (tau - (last >= 0 ? time[last] : 0)) * (last >= 0 ? survival[last] : 1);
    for (int i = last; i >= 0; i--) {
      int n = atRisk[i];
      int d = events[i];
      if (d > 0 && n > d) {
        variance += tail * tail * d / ((double) n * (n - d));
      }
      if (i > 0) {
        tail += (time[i] - time[i - 1]) * survival[i - 1];
      }
    }
    boolean extended = time.length == 0 || tau > time[time.length - 1];
    return new RestrictedMean(tau, area, Math.sqrt(variance), extended);
  }
}
