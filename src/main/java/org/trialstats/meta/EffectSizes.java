package org.trialstats.meta;

import org.trialstats.stats.TwoByTwo;

/**
 * Study-level effect sizes from two-by-two counts, as metafor's {@code escalc()} computes them with
 * {@code add = 1/2, to = "only0"}: a study with a zero cell gets 0.5 added to each of its four
 * cells. Cells: a = events1, b = n1 - events1, c = events2, d = n2 - events2.
 */
public final class EffectSizes {
  /** The value added to every cell of a table with a zero cell (Haldane-Anscombe correction). */
  public static final double CORRECTION = 0.5;

  private EffectSizes() {}

  /**
   * A study estimate y with its sampling variance v and the value added to every cell.
   *
   * @param yi the study estimate, on the analysis scale
   * @param vi its sampling variance
   * @param added the continuity correction added to every cell (0 or 0.5)
   */
  public record Effect(double yi, double vi, double added) {}

  /**
   * Whether any of the four cells is zero.
   *
   * @param t the two arms' counts
   * @return whether any of the four cells is zero
   */
  public static boolean hasZeroCell(TwoByTwo t) {
    return t.x1() == 0 || t.x2() == 0 || t.x1() == t.n1() || t.x2() == t.n2();
  }

  /**
   * Why a study carries no information for the measure, or null when it is used. For RR and OR a
   * study with no events in either arm, or with events in every subject of both arms, is left out
   * (its ratio is undefined whatever the correction; metafor's {@code drop00 = TRUE}). For RD such
   * a study is kept: a difference of 0 is informative.
   *
   * @param s the study
   * @param measure the effect measure
   * @return the reason, or null when the study is used
   */
  public static String exclusionReason(StudyData s, EffectMeasure measure) {
    if (!s.hasCounts() || !measure.isRatio()) {
      return null;
    }
    TwoByTwo t = s.table();
    if (t.x1() == 0 && t.x2() == 0) {
      return "no events in either arm";
    }
    if (t.x1() == t.n1() && t.x2() == t.n2()) {
      return "every participant had the event in both arms";
    }
    return null;
  }

  /**
   * The study estimate and variance for RR, OR or RD, with 0.5 added to every cell when a cell is
   * zero (metafor {@code escalc(add = 1/2, to = "only0")}).
   *
   * <ul>
   *   <li>RR: y = log[(a/n1) / (c/n2)], v = b/(a n1) + d/(c n2) (= 1/a - 1/n1 + 1/c - 1/n2)
   *   <li>OR: y = log[(a d) / (b c)], v = 1/a + 1/b + 1/c + 1/d
   *   <li>RD: y = a/n1 - c/n2, v = a b / n1^3 + c d / n2^3
   * </ul>
   *
   * @param t the two arms' counts (arm 1 = treatment)
   * @param measure RR, OR or RD
   * @return y on the analysis scale (log for RR and OR), v and the value added to every cell
   * @throws IllegalArgumentException for a measure not computed from two-by-two counts
   */
  public static Effect of(TwoByTwo t, EffectMeasure measure) {
    double added = hasZeroCell(t) ? CORRECTION : 0.0;
    double a = t.x1() + added;
    double b = (t.n1() - t.x1()) + added;
    double c = t.x2() + added;
    double d = (t.n2() - t.x2()) + added;
    double n1 = a + b;
    double n2 = c + d;
    return switch (measure) {
      case RR -> new Effect(logRatio(a, n2, c, n1), b / (a * n1) + d / (c * n2), added);
      case OR -> new Effect(logRatio(a, d, b, c), 1 / a + 1 / b + 1 / c + 1 / d, added);
      case RD ->
          new Effect(
              differenceOfRatios(a, n1, c, n2),
              (a / n1) * (b / n1) / n1 + (c / n2) * (d / n2) / n2,
              added);
      default -> throw new IllegalArgumentException(measure + " is not a two-by-two measure");
    };
  }

  /**
   * Peto's one-step log odds ratio of a single study from the raw counts: y = (O - E)/V, v = 1/V,
   * with O - E = (a d - b c)/N and V = (a + c)(b + d) n1 n2 / (N^2 (N - 1)) (Yusuf et al. 1985,
   * Prog Cardiovasc Dis 27:335-371). Undefined (V = 0) when a column total is zero.
   *
   * @param t the two arms' counts (arm 1 = treatment)
   * @return the log odds ratio y and its variance v, nothing added (y NaN, v infinite when V = 0)
   */
  public static Effect peto(TwoByTwo t) {
    double observedMinusExpected = petoObservedMinusExpected(t);
    double variance = petoVariance(t);
    return new Effect(observedMinusExpected / variance, 1 / variance, 0.0);
  }

  /**
   * log(p q / (r s)) for positive p, q, r, s: log1p of the exactly formed (p q - r s)/(r s) when
   * the ratio is near 1 (so that a log ratio of 1e-9 from counts near 10^9 keeps full relative
   * precision), the plain log of the ratio otherwise.
   */
  static double logRatio(double p, double q, double r, double s) {
    double ratio = (p / r) * (q / s);
    if (ratio > 0.5 && ratio < 2) {
      return Math.log1p(determinant(p, q, r, s) / (r * s));
    }
    return Math.log(ratio);
  }

  /** O - E = a - n1 (a + c)/N = (a d - b c)/N, with the determinant computed without overflow. */
  static double petoObservedMinusExpected(TwoByTwo t) {
    double a = t.x1();
    double b = t.n1() - t.x1();
    double c = t.x2();
    double d = t.n2() - t.x2();
    double n = (double) t.n1() + t.n2();
    return determinant(a, d, b, c) / n;
  }

  /** V = (a + c)(b + d) n1 n2 / (N^2 (N - 1)), the hypergeometric variance of a. */
  static double petoVariance(TwoByTwo t) {
    double events = (double) t.x1() + t.x2();
    double nonEvents = (double) (t.n1() - t.x1()) + (t.n2() - t.x2());
    double n = (double) t.n1() + t.n2();
    return (events / n) * (nonEvents / n) * ((double) t.n1() / (n - 1)) * t.n2();
  }

  /**
   * a d - b c with one rounding (error-free product b c via fma), so that small differences of
   * large products keep full relative precision.
   */
  static double determinant(double a, double d, double b, double c) {
    double bc = b * c;
    double bcError = Math.fma(b, c, -bc);
    return Math.fma(a, d, -bc) - bcError;
  }

  /** a/n1 - c/n2 computed as (a n2 - c n1)/(n1 n2) without cancellation. */
  static double differenceOfRatios(double a, double n1, double c, double n2) {
    return determinant(a, n2, c, n1) / n1 / n2;
  }
}
