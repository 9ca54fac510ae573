package org.trialstats.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal effect axis for forest and funnel plots: values on the analysis scale (log scale for
 * ratios) mapped linearly to pixels, with tick positions and labels on the reporting scale.
 */
final class EffectAxis {
  /** Symmetric ratio ranges [1/R, R] with their ticks, as RevMan offers them. */
  private static final double[][] RATIO_TICKS = {
    {0.5, 0.7, 1, 1.5, 2},
    {0.2, 0.5, 1, 2, 5},
    {0.1, 0.2, 0.5, 1, 2, 5, 10},
    {0.05, 0.2, 1, 5, 20},
    {0.02, 0.1, 1, 10, 50},
    {0.01, 0.1, 1, 10, 100},
    {0.005, 0.1, 1, 10, 200},
    {0.002, 0.1, 1, 10, 500},
    {0.001, 0.1, 1, 10, 1000}
  };

  final boolean log;
  final double min;
  final double max;
  final double[] ticks;
  final String[] labels;

  private EffectAxis(boolean log, double min, double max, double[] ticks, String[] labels) {
    this.log = log;
    this.min = min;
    this.max = max;
    this.ticks = ticks;
    this.labels = labels;
  }

  /**
   * A symmetric axis around the null value (1 for ratios, 0 otherwise) that shows every value of
   * {@code must} (analysis scale) and, up to 100-fold (ratios) or 10 times that range, the values
   * of {@code should} (study confidence limits, which are drawn with arrows when cut).
   */
  static EffectAxis symmetric(boolean ratio, double[] must, double[] should) {
    double need = maxAbs(must);
    double wish = maxAbs(should);
    if (ratio) {
      double target = Math.max(need, Math.min(wish, Math.max(need, Math.log(100))));
      for (double[] t : RATIO_TICKS) {
        double r = Math.log(t[t.length - 1]);
        if (r >= target * (1 - 1e-12)) {
          return ratioAxis(t);
        }
      }
      double decades = Math.ceil(target / Math.log(10));
      double r = Math.pow(10, decades);
      return ratioAxis(new double[] {1 / r, 1, r});
    }
    double target = Math.max(need, Math.min(wish, 10 * need));
    if (!(target > 0)) {
      target = 1;
    }
    double r = symmetricCeiling(target);
    double[] ticks = {-r, -r / 2, 0, r / 2, r};
    String[] labels = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      labels[i] = label(ticks[i]);
    }
    return new EffectAxis(false, -r, r, ticks, labels);
  }

  /** An axis spanning [lo, hi] (analysis scale) with a handful of round ticks inside. */
  static EffectAxis fitted(boolean ratio, double lo, double hi) {
    if (!(hi > lo)) {
      double c = Double.isFinite(lo) ? lo : 0;
      lo = c - 1;
      hi = c + 1;
    }
    List<Double> ticks = new ArrayList<>();
    if (ratio) {
      double[][] mantissas = {{1}, {1, 2, 5}, {1, 1.5, 2, 3, 5, 7}};
      for (double[] m : mantissas) {
        ticks.clear();
        int first = (int) Math.floor(lo / Math.log(10)) - 1;
        int last = (int) Math.ceil(hi / Math.log(10)) + 1;
        for (int d = first; d <= last; d++) {
          for (double v : m) {
            double t = Math.log(v) + d * Math.log(10);
            if (t >= lo - 1e-12 && t <= hi + 1e-12) {
              ticks.add(t);
            }
          }
        }
        if (ticks.size() >= 4) {
          break;
        }
      }
    } else {
      double step = niceCeiling((hi - lo) / 5);
      for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
        ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
      }
    }
    double[] t = ticks.stream().mapToDouble(Double::doubleValue).toArray();
    String[] labels = new String[t.length];
    for (int i = 0; i < t.length; i++) {
      labels[i] = ratio ? label(Math.exp(t[i])) : label(t[i]);
    }
    return new EffectAxis(ratio, lo, hi, t, labels);
  }

  private static EffectAxis ratioAxis(double[] reportTicks) {
    double[] ticks = new double[reportTicks.length];
    String[] labels = new String[reportTicks.length];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = Math.log(reportTicks[i]);
      labels[i] = label(reportTicks[i]);
    }
    return new EffectAxis(true, ticks[0], ticks[ticks.length - 1], ticks, labels);
  }

  /** Pixel position of an analysis-scale value on an axis drawn from x0 to x0 + width. */
  double toX(double value, double x0, double width) {
    return x0 + (value - min) / (max - min) * width;
  }

  /** The null value on the analysis scale (0: log 1 for ratios, 0 for differences). */
  double nullValue() {
    return 0;
  }

  private static double maxAbs(double[] values) {
    double m = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }

  /**
   * The smallest of 1, 2, 5 times a power of 10 that is &gt;= x (x &gt; 0), so that the half-way
   * ticks of a symmetric axis are round too (0.5, 1, 2.5 times the power).
   */
  static double symmetricCeiling(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= x * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of 10 that is &gt;= x (x &gt; 0). */
  static double niceCeiling(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= x * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A tick label: shortest decimal form, Unicode minus sign. */
  static String label(double v) {
    if (v == 0) {
      return "0";
    }
    String s =
        new BigDecimal(Double.toString(v))
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString();
    return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
  }
}
