package org.trialstats.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.trialstats.io.Numbers;

/**
 * The numeric axis of every chart: a value is mapped to its coordinate on the axis's {@link Scale}
 * (itself, its natural logarithm or its base-10 logarithm), and coordinates from {@link #min} to
 * {@link #max} linearly to pixels; the ticks are coordinates, each with its label on the reporting
 * scale. Forest, funnel and bubble plots work in coordinates (the analysis scale, log for ratios);
 * interval charts and the adverse-event dot plot hand over values.
 *
 * <p>Each chart keeps its own tick rule, one factory each: {@link #symmetric} (forest plots),
 * {@link #fitted} (funnel and bubble plots), {@link #intervals} (interval charts) and {@link
 * #dotPlot} (the adverse-event dot plot).
 */
final class EffectAxis {
  /** How a value becomes a coordinate on the axis. */
  enum Scale {
    /** The value itself. */
    LINEAR {
      @Override
      double of(double value) {
        return value;
      }
    },
    /** Its natural logarithm (the analysis scale of ratios). */
    LN {
      @Override
      double of(double value) {
        return Math.log(value);
      }
    },
    /** Its base-10 logarithm. */
    LOG10 {
      @Override
      double of(double value) {
        return Math.log10(value);
      }
    };

    /** The coordinate of {@code value}: NaN or -infinity for a value &lt;= 0 on a log scale. */
    abstract double of(double value);

    static Scale of(boolean ratio) {
      return ratio ? LN : LINEAR;
    }
  }

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

  final Scale scale;
  final double min;
  final double max;
  final double[] ticks;
  final String[] labels;

  private EffectAxis(Scale scale, double min, double max, double[] ticks, String[] labels) {
    this.scale = scale;
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
    return new EffectAxis(Scale.LINEAR, -r, r, ticks, labels);
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
    return new EffectAxis(Scale.of(ratio), lo, hi, t, labels);
  }

  private static EffectAxis ratioAxis(double[] reportTicks) {
    double[] ticks = new double[reportTicks.length];
    String[] labels = new String[reportTicks.length];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = Math.log(reportTicks[i]);
      labels[i] = label(reportTicks[i]);
    }
    return new EffectAxis(Scale.LN, ticks[0], ticks[ticks.length - 1], ticks, labels);
  }

  /**
   * The interval chart's axis covering [lo, hi] (values, lo &lt;= hi; for a log axis both &gt; 0).
   * Log: base-10 coordinates with ends at thirds of a decade (a quarter decade further out on each
   * side when they are less than half a decade apart), ticks at 1, 2 and 5 times a power of 10,
   * labelled to 3 significant digits. Linear: a step of 1, 2, 2.5 or 5 times a power of 10, at
   * least a sixth of the span (of max(|lo|, 1) when the span is 0), ends at multiples of the step
   * (at least one step apart), labelled to 6 significant digits.
   */
  static EffectAxis intervals(boolean log, double lo, double hi) {
    List<Double> values = new ArrayList<>();
    List<Double> coordinates = new ArrayList<>();
    if (log) {
      double a = Math.floor(Math.log10(lo) * 3) / 3;
      double b = Math.ceil(Math.log10(hi) * 3) / 3;
      if (b - a < 0.5) {
        a -= 0.25;
        b += 0.25;
      }
      for (int e = (int) Math.floor(a) - 1; e <= (int) Math.ceil(b); e++) {
        for (double m : new double[] {1, 2, 5}) {
          double v = m * Math.pow(10, e);
          double c = Math.log10(v);
          if (c >= a - 1e-12 && c <= b + 1e-12) {
            values.add(v);
            coordinates.add(c);
          }
        }
      }
      String[] labels = new String[values.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = significantLabel(values.get(i), 3);
      }
      return new EffectAxis(Scale.LOG10, a, b, unbox(coordinates), labels);
    }
    double span = hi - lo;
    if (span <= 0) {
      span = Math.max(Math.abs(lo), 1);
    }
    double step = niceStep(span / 6);
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step == min ? min + step : Math.ceil(hi / step) * step;
    long n = Math.round((max - min) / step);
    double[] ticks = new double[(int) n + 1];
    String[] labels = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = min + i * step;
      labels[i] = significantLabel(Math.abs(ticks[i]) < step * 1e-9 ? 0 : ticks[i], 6);
    }
    return new EffectAxis(Scale.LINEAR, min, max, ticks, labels);
  }

  /**
   * The adverse-event dot plot's axis covering [lo, hi] (values; for a log axis both &gt; 0),
   * labelled in plain decimals. Log: natural-log coordinates with ends at half decades (a decade
   * apart at least), ticks at 1, 2 and 5 times a power of 10 within 0.1% of the ends. Linear (an
   * empty range widened to [lo, lo + 1]): a step of 1, 2 or 5 times a power of 10, at least a fifth
   * of the span, ends at multiples of the step; the ticks are computed in decimal so that they are
   * the doubles nearest the round numbers.
   */
  static EffectAxis dotPlot(boolean log, double lo, double hi) {
    List<Double> values = new ArrayList<>();
    double min;
    double max;
    if (log) {
      min = Math.pow(10, Math.floor(Math.log10(lo) * 2) / 2);
      max = Math.pow(10, Math.ceil(Math.log10(hi) * 2) / 2);
      if (max <= min) {
        max = min * 10;
      }
      for (int k = (int) Math.floor(Math.log10(min)) - 1; k <= Math.ceil(Math.log10(max)); k++) {
        for (int m : new int[] {1, 2, 5}) {
          double t = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
          if (t >= min * 0.999 && t <= max * 1.001) {
            values.add(t);
          }
        }
      }
    } else {
      if (hi <= lo) {
        hi = lo + 1;
      }
      double raw = (hi - lo) / 5;
      double power = Math.pow(10, Math.floor(Math.log10(raw)));
      double f = raw / power;
      double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
      double step = BigDecimal.valueOf(nice).multiply(BigDecimal.valueOf(power)).doubleValue();
      min = Math.floor(lo / step) * step;
      max = Math.ceil(hi / step) * step;
      long count = Math.round((max - min) / step);
      for (long i = 0; i <= count; i++) {
        values.add(
            BigDecimal.valueOf(min)
                .add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(i)))
                .doubleValue());
      }
    }
    Scale scale = log ? Scale.LN : Scale.LINEAR;
    double[] ticks = new double[values.size()];
    String[] labels = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = scale.of(values.get(i));
      labels[i] = BigDecimal.valueOf(values.get(i)).stripTrailingZeros().toPlainString();
    }
    return new EffectAxis(scale, scale.of(min), scale.of(max), ticks, labels);
  }

  /** Pixel position of a coordinate on an axis drawn from x0 to x0 + width (not clamped). */
  double toX(double coordinate, double x0, double width) {
    return x0 + (coordinate - min) / (max - min) * width;
  }

  /** The coordinate of a value on the reporting scale. */
  double coordinate(double value) {
    return scale.of(value);
  }

  /**
   * The share of the axis at which a value stands, clamped to [0, 1]: 0 for values below the axis,
   * -infinity, NaN and values &lt;= 0 on a log axis; 1 above it and for +infinity.
   */
  double position(double value) {
    return share(scale.of(value));
  }

  /** The share of the axis at which a coordinate stands, clamped to [0, 1] (NaN: 0). */
  double share(double coordinate) {
    double p = (coordinate - min) / (max - min);
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }

  /** Pixel position of a value on an axis drawn from x0 to x0 + width, clamped to its ends. */
  double clampedX(double value, double x0, double width) {
    return x0 + position(value) * width;
  }

  /**
   * Whether a value lies on the axis, up to 1e-12 in coordinates (never a value &lt;= 0 on log).
   */
  boolean contains(double value) {
    double c = scale.of(value);
    return c >= min - 1e-12 && c <= max + 1e-12;
  }

  /** The null value on the analysis scale (0: log 1 for ratios, 0 for differences). */
  double nullValue() {
    return 0;
  }

  private static double[] unbox(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A label to {@code digits} significant digits without trailing zeros (hyphen-minus). */
  private static String significantLabel(double value, int digits) {
    return new BigDecimal(Numbers.significant(value, digits)).stripTrailingZeros().toPlainString();
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
    return roundUp(x, new double[] {1, 2, 5, 10}, 1e-12);
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of 10 that is &gt;= x (x &gt; 0). */
  static double niceCeiling(double x) {
    return roundUp(x, new double[] {1, 2, 2.5, 5, 10}, 1e-12);
  }

  /**
   * A tick step: the smallest of 1, 2, 2.5, 5 times a power of 10 that is &gt;= raw (&gt; 0),
   * compared exactly (interval charts and the Kaplan-Meier time axis).
   */
  static double niceStep(double raw) {
    return roundUp(raw, new double[] {1, 2, 2.5, 5, 10}, 0);
  }

  /**
   * The smallest m p, m one of {@code mantissas} (ascending, ending with 10) and p = 10^floor(log10
   * x), with m p &gt;= x (1 - slack).
   */
  private static double roundUp(double x, double[] mantissas, double slack) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : mantissas) {
      if (m * p >= x * (1 - slack)) {
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
