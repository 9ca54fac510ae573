package org.trialstats.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Test statistics as reported in APA style, with the p-value each implies. The p-values are those
 * statcheck computes (Nuijten MB, Hartgerink CHJ, van Assen MALM, Epskamp S, Wicherts JM. The
 * prevalence of statistical reporting errors in psychology (1985-2013). Behav Res Methods
 * 2016;48:1205-26; R package statcheck, function {@code compute_p}): two-tailed for t, z and r,
 * upper tail for F and chi-square; a one-tailed p-value halves the two-tailed one.
 */
public enum TestStatistic {
  /** Student's t with {@code df1} degrees of freedom: {@code p = 2 P(T > |t|)}. */
  T("t", 1) {
    @Override
    double twoTailed(double value, double df1, double df2) {
      return 2 * TDistribution.of(df1).survivalProbability(Math.abs(value));
    }
  },
  /** F with {@code (df1, df2)} degrees of freedom: {@code p = P(F > f)}. */
  F("F", 2) {
    @Override
    double twoTailed(double value, double df1, double df2) {
      return FDistribution.of(df1, df2).survivalProbability(value);
    }
  },
  /** Chi-square with {@code df1} degrees of freedom: {@code p = P(X > chi2)}. */
  CHI2("chi2", 1) {
    @Override
    double twoTailed(double value, double df1, double df2) {
      return ChiSquaredDistribution.of(df1).survivalProbability(value);
    }
  },
  /** Standard normal z: {@code p = 2 P(Z > |z|)}. */
  Z("z", 0) {
    @Override
    double twoTailed(double value, double df1, double df2) {
      return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(value));
    }
  },
  /**
   * Pearson correlation r with {@code df1 = n - 2}: {@code t = r sqrt(df / (1 - r^2))}, then as
   * {@link #T}.
   */
  R("r", 1) {
    @Override
    double twoTailed(double value, double df1, double df2) {
      if (Math.abs(value) >= 1) {
        return 0;
      }
      double t = value * Math.sqrt(df1 / (1 - value * value));
      return T.twoTailed(t, df1, 0);
    }
  };

  private final String symbol;
  private final int degreesOfFreedom;

  TestStatistic(String symbol, int degreesOfFreedom) {
    this.symbol = symbol;
    this.degreesOfFreedom = degreesOfFreedom;
  }

  /**
   * The symbol as printed: {@code t}, {@code F}, {@code chi2}, {@code z}, {@code r}.
   *
   * @return the symbol as printed: {@code t}, {@code F}, {@code chi2}, {@code z}, {@code r}
   */
  public String symbol() {
    return symbol;
  }

  /**
   * How many degrees of freedom the statistic is printed with: 0, 1 or 2.
   *
   * @return how many degrees of freedom the statistic is printed with: 0, 1 or 2
   */
  public int degreesOfFreedom() {
    return degreesOfFreedom;
  }

  abstract double twoTailed(double value, double df1, double df2);

  /**
   * The p-value of a reported statistic.
   *
   * @param value the statistic
   * @param df1 first degrees of freedom (ignored for z)
   * @param df2 second degrees of freedom (F only)
   * @param oneTailed whether the test is one-tailed (the p-value is halved)
   * @return the p-value in [0, 1]
   * @throws StatsException when a degree of freedom is not positive, an F or chi-square value is
   *     negative, or a correlation lies outside [-1, 1]
   */
  public double pValue(double value, double df1, double df2, boolean oneTailed) {
    if (!Double.isFinite(value)) {
      throw new StatsException(symbol + " must be finite, got " + value);
    }
    if (degreesOfFreedom >= 1 && !(df1 > 0)) {
      throw new StatsException("degrees of freedom of " + symbol + " must be positive, got " + df1);
    }
    if (degreesOfFreedom == 2 && !(df2 > 0)) {
      throw new StatsException("second degrees of freedom of F must be positive, got " + df2);
    }
    if ((this == F || this == CHI2) && value < 0) {
      throw new StatsException(symbol + " cannot be negative, got " + value);
    }
    if (this == R && Math.abs(value) > 1) {
      throw new StatsException("a correlation lies in [-1, 1], got " + value);
    }
    double p = twoTailed(value, df1, df2);
    return oneTailed ? p / 2 : p;
  }
}
