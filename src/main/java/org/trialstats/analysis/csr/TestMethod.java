package org.trialstats.analysis.csr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.trialstats.stats.ContingencyTable;
import org.trialstats.stats.FisherExactRxC;
import org.trialstats.stats.GeneralizedCmh;
import org.trialstats.stats.OneWayAnova;
import org.trialstats.stats.PearsonChiSquare;

/**
 * The test of a block, printed in the p-value column (across all arms) or, for the tests versus the
 * control, in one column per arm. Count tables are categories (rows) x arms (columns).
 */
public enum TestMethod {
  /**
   * One-way analysis of variance of a continuous variable across arms: F = (SS_between / (k - 1)) /
   * (SS_within / (N - k)) ({@link OneWayAnova}).
   */
  ANOVA("one-way analysis of variance", groups -> OneWayAnova.test(groups).pValue(), null, null),
  /**
   * Pearson chi-square test of the categories x arms table: X^2 = sum (O - E)^2 / E on (r - 1)(c -
   * 1) df ({@link PearsonChiSquare}).
   */
  CHISQ("Pearson's chi-square test", null, table -> PearsonChiSquare.test(table).pValue(), null),
  /**
   * Fisher's exact test of the categories x arms table, r x c (Freeman-Halton, network algorithm;
   * {@link FisherExactRxC}).
   */
  FISHER("Fisher's exact test", null, FisherExactRxC::pValue, null),
  /**
   * Cochran-Mantel-Haenszel general association statistic of the categories x arms tables of the
   * strata: (r - 1)(c - 1) df, rows and columns nominal ({@link
   * GeneralizedCmh#GENERAL_ASSOCIATION}; SAS PROC FREQ CMH "General Association", R
   * mantelhaen.test).
   */
  CMH(
      "Cochran-Mantel-Haenszel test of general association",
      null,
      null,
      (strata, scores) ->
          GeneralizedCmh.GENERAL_ASSOCIATION
              .test(strata, ranks(strata.get(0).rows()), ranks(strata.get(0).columns()))
              .pValue()),
  /**
   * Cochran-Mantel-Haenszel row mean scores statistic: do the arms' mean category scores differ
   * (arms - 1 df; {@link GeneralizedCmh#ROW_MEAN_SCORES} on the arms x categories tables; SAS PROC
   * FREQ CMH "Row Mean Scores Differ" with table scores: the category values when numeric, else
   * their ranks).
   */
  CMH_ROW_MEANS(
      "Cochran-Mantel-Haenszel row mean scores test (table scores)",
      null,
      null,
      (strata, scores) -> {
        List<ContingencyTable> armsByCategory = strata.stream().map(TestMethod::transpose).toList();
        return GeneralizedCmh.ROW_MEAN_SCORES
            .test(armsByCategory, ranks(strata.get(0).columns()), scores)
            .pValue();
      }),
  /**
   * Fisher's exact test of each category versus the rest of the population: per category row, the 2
   * x arms table of the subjects in that category and the other subjects of each arm's population
   * column ({@link FisherExactRxC}), printed on the category's row. This is how the CDISC pilot's
   * 2006 Table 14-1.02 tested each reason for early termination (against all other ITT subjects);
   * {@link #FISHER} tests the whole categories x arms table once.
   */
  FISHER_PER_CATEGORY(
      "Fisher's exact test of each category versus the other subjects of the population",
      null,
      FisherExactRxC::pValue,
      null),
  /** Fisher's exact test of each arm versus the control: the categories x 2 table of the two. */
  FISHER_VS_CONTROL("Fisher's exact test of each arm versus the control", null, null, null),
  /** Pearson's chi-square test of each arm versus the control: the categories x 2 table. */
  CHISQ_VS_CONTROL("Pearson's chi-square test of each arm versus the control", null, null, null);

  /** A test of the categories x arms tables of strata, given the categories' scores. */
  interface StratifiedTest {
    double pValue(List<ContingencyTable> strata, double[] categoryScores);
  }

  private final String description;
  // exactly one of the three is set (the pairwise tests use their table test): it says which
  // blocks the test applies to
  private final ToDoubleFunction<List<double[]>> ofGroups;
  private final ToDoubleFunction<ContingencyTable> ofTable;
  private final StratifiedTest ofStrata;

  TestMethod(
      String description,
      ToDoubleFunction<List<double[]>> ofGroups,
      ToDoubleFunction<ContingencyTable> ofTable,
      StratifiedTest ofStrata) {
    this.description = description;
    this.ofGroups = ofGroups;
    this.ofTable = ofTable;
    this.ofStrata = ofStrata;
  }

  /** Whether the test applies to count blocks (else to summary blocks). */
  public boolean forCounts() {
    return ofGroups == null;
  }

  /** Whether the test needs the block's {@code strata} variable. */
  public boolean stratified() {
    return ofStrata != null;
  }

  /** Whether the test compares each arm with the control (one p-value column per arm). */
  public boolean versusControl() {
    return this == FISHER_VS_CONTROL || this == CHISQ_VS_CONTROL;
  }

  /** Whether the test is of each category row (its p-value printed on that row). */
  public boolean perCategory() {
    return this == FISHER_PER_CATEGORY;
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

  /**
   * p-value of a categories x arms table (for the tests versus control, of the categories x
   * (control, arm) table).
   */
  double categorical(ContingencyTable table) {
    ToDoubleFunction<ContingencyTable> test =
        switch (this) {
          case FISHER_VS_CONTROL -> FISHER.ofTable;
          case CHISQ_VS_CONTROL -> CHISQ.ofTable;
          default -> ofTable;
        };
    return Objects.requireNonNull(test, this::id).applyAsDouble(table);
  }

  /** p-value of the categories x arms tables of the strata (only for {@link #stratified()}). */
  double stratified(List<ContingencyTable> strata, double[] categoryScores) {
    return Objects.requireNonNull(ofStrata, this::id).pValue(strata, categoryScores);
  }

  private static double[] ranks(int k) {
    double[] r = new double[k];
    for (int i = 0; i < k; i++) {
      r[i] = i + 1;
    }
    return r;
  }

  private static ContingencyTable transpose(ContingencyTable t) {
    long[][] c = new long[t.columns()][t.rows()];
    for (int i = 0; i < t.rows(); i++) {
      for (int j = 0; j < t.columns(); j++) {
        c[j][i] = t.count(i, j);
      }
    }
    return new ContingencyTable(c);
  }
}
