package org.trialstats.analysis.csr;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import org.trialstats.io.Numbers;

/**
 * A line of a summary block. Decimals follow the SAS convention of CSR tables, with d the decimals
 * of the data: mean, median and quartiles d + 1, standard deviation d + 2, minimum and maximum d.
 * Quartiles take the median's decimals because, like it, they can fall halfway between two values
 * (SAS QNTLDEF=5): 64, 70, 75, 81 have Q1 67.0 and Q3 78.0, which d decimals would round. Numbers
 * are rounded half away from zero (SAS).
 */
public enum Statistic {
  /** Number of non-missing values. */
  N("n") {
    @Override
    String format(Description s, int d) {
      return Long.toString(s.n());
    }
  },
  /** Arithmetic mean. */
  MEAN("Mean") {
    @Override
    String format(Description s, int d) {
      return fixed(s.mean(), d + 1);
    }
  },
  /** Sample standard deviation (divisor n - 1). */
  SD("SD") {
    @Override
    String format(Description s, int d) {
      return fixed(s.sd(), d + 2);
    }
  },
  /** Mean and standard deviation: {@code mean (SD)}. */
  MEAN_SD("Mean (SD)") {
    @Override
    String format(Description s, int d) {
      return s.n() == 0 ? "" : fixed(s.mean(), d + 1) + " (" + fixed(s.sd(), d + 2) + ")";
    }
  },
  /** Median (SAS QNTLDEF=5). */
  MEDIAN("Median") {
    @Override
    String format(Description s, int d) {
      return fixed(s.median(), d + 1);
    }
  },
  /** Median and range: {@code median (min;max)}. */
  MEDIAN_RANGE("Median (Range)") {
    @Override
    String format(Description s, int d) {
      return s.n() == 0
          ? ""
          : fixed(s.median(), d + 1) + " (" + fixed(s.min(), d) + ";" + fixed(s.max(), d) + ")";
    }
  },
  /** Smallest value. */
  MIN("Min") {
    @Override
    String format(Description s, int d) {
      return fixed(s.min(), d);
    }
  },
  /** Largest value. */
  MAX("Max") {
    @Override
    String format(Description s, int d) {
      return fixed(s.max(), d);
    }
  },
  /** Minimum and maximum: {@code min, max}. */
  MIN_MAX("Min, Max") {
    @Override
    String format(Description s, int d) {
      return s.n() == 0 ? "" : fixed(s.min(), d) + ", " + fixed(s.max(), d);
    }
  },
  /** First quartile (SAS QNTLDEF=5). */
  Q1("Q1") {
    @Override
    String format(Description s, int d) {
      return fixed(s.q1(), d + 1);
    }
  },
  /** Third quartile (SAS QNTLDEF=5). */
  Q3("Q3") {
    @Override
    String format(Description s, int d) {
      return fixed(s.q3(), d + 1);
    }
  },
  /** Both quartiles: {@code Q1, Q3}. */
  Q1_Q3("Q1, Q3") {
    @Override
    String format(Description s, int d) {
      return s.n() == 0 ? "" : fixed(s.q1(), d + 1) + ", " + fixed(s.q3(), d + 1);
    }
  };

  private final String label;

  Statistic(String label) {
    this.label = label;
  }

  /** The line's label, e.g. {@code Mean (SD)}. */
  public String label() {
    return label;
  }

  /** The shell id, e.g. {@code mean_sd}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The cell text for the data's decimals {@code d}; blank when there are no values. */
  abstract String format(Description s, int d);

  /** The statistic with this shell id, or null. */
  static Statistic fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  private static String fixed(double x, int decimals) {
    return Double.isNaN(x) ? "" : Numbers.fixed(x, decimals, RoundingMode.HALF_UP);
  }
}
