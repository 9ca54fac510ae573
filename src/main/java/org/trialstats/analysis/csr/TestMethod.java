package org.trialstats.analysis.csr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trialstats.stats.ContingencyTable;
import org.trialstats.stats.FisherExactRxC;
import org.trialstats.stats.OneWayAnova;
import org.trialstats.stats.PearsonChiSquare;

/** The test of a block across the arm columns, printed in the p-value column. */
public enum TestMethod {
  /**
   * One-way analysis of variance of a continuous variable across arms: F = (SS_between / (k - 1)) /
   * (SS_within / (N - k)) ({@link OneWayAnova}).
   */
  ANOVA(false, "one-way analysis of variance") {
    @Override
    double continuous(List<double[]> groups) {
      return OneWayAnova.test(groups).pValue();
    }
  },
  /**
   * Pearson chi-square test of the categories x arms table: X^2 = sum (O - E)^2 / E on (r - 1)(c -
   * 1) df ({@link PearsonChiSquare}).
   */
  CHISQ(true, "Pearson's chi-square test") {
    @Override
    double categorical(ContingencyTable table) {
      return PearsonChiSquare.test(table).pValue();
    }
  },
  /**
   * Fisher's exact test of the categories x arms table, r x c (Freeman-Halton, network algorithm;
   * {@link FisherExactRxC}).
   */
  FISHER(true, "Fisher's exact test") {
    @Override
    double categorical(ContingencyTable table) {
      return FisherExactRxC.pValue(table);
    }
  };

  private final boolean forCounts;
  private final String description;

  TestMethod(boolean forCounts, String description) {
    this.forCounts = forCounts;
    this.description = description;
  }

  /** Whether the test applies to count blocks (else to summary blocks). */
  public boolean forCounts() {
    return forCounts;
  }

  /** The method's name for footnotes. */
  public String description() {
    return description;
  }

  /** The shell id. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The shell ids. */
  static List<String> ids() {
    return Arrays.stream(values()).map(TestMethod::id).toList();
  }

  /** p-value of a continuous variable's groups (one per arm). */
  double continuous(List<double[]> groups) {
    throw new UnsupportedOperationException(id() + " is a test of counts");
  }

  /** p-value of a categories x arms table. */
  double categorical(ContingencyTable table) {
    throw new UnsupportedOperationException(id() + " is a test of a continuous variable");
  }
}
