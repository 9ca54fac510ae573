package org.trialstats.analysis.csr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
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
  ANOVA("one-way analysis of variance", groups -> OneWayAnova.test(groups).pValue(), null),
  /**
   * Pearson chi-square test of the categories x arms table: X^2 = sum (O - E)^2 / E on (r - 1)(c -
   * 1) df ({@link PearsonChiSquare}).
   */
  CHISQ("Pearson's chi-square test", null, table -> PearsonChiSquare.test(table).pValue()),
  /**
   * Fisher's exact test of the categories x arms table, r x c (Freeman-Halton, network algorithm;
   * {@link FisherExactRxC}).
   */
  FISHER("Fisher's exact test", null, FisherExactRxC::pValue);

  private final String description;
  // exactly one of the two is set: it says which blocks the test applies to
  private final ToDoubleFunction<List<double[]>> ofGroups;
  private final ToDoubleFunction<ContingencyTable> ofTable;

  TestMethod(
      String description,
      ToDoubleFunction<List<double[]>> ofGroups,
      ToDoubleFunction<ContingencyTable> ofTable) {
    this.description = description;
    this.ofGroups = ofGroups;
    this.ofTable = ofTable;
  }

  /** Whether the test applies to count blocks (else to summary blocks). */
  public boolean forCounts() {
    return ofTable != null;
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

  /**
   * p-value of a continuous variable's groups (one per arm). The shell parser admits only tests
   * whose {@link #forCounts()} matches the block, so a count test never gets here.
   */
  double continuous(List<double[]> groups) {
    return Objects.requireNonNull(ofGroups, this::id).applyAsDouble(groups);
  }

  /** p-value of a categories x arms table (only for tests {@link #forCounts()}). */
  double categorical(ContingencyTable table) {
    return Objects.requireNonNull(ofTable, this::id).applyAsDouble(table);
  }
}
