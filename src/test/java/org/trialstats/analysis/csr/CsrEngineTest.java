package org.trialstats.analysis.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The display engine on a 12-subject ADSL (three arms of four, one subject outside the population)
 * whose every printed number is worked out by hand in the comments; the p-values are R's (script
 * src/test/resources/org/trialstats/analysis/csr/fixtures/small_engine.R, output quoted below).
 */
class CsrEngineTest {
  private static final double NA = Double.NaN;

  /** The data; S13 (ITTFL = N) must not be counted anywhere. */
  static Table adsl() {
    return Table.create(
        "ADSL",
        StringColumn.create(
            "USUBJID", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12",
            "S13"),
        StringColumn.create(
            "TRT01P", "Placebo", "Placebo", "Placebo", "Placebo", "Low", "Low", "Low", "Low",
            "High", "High", "High", "High", "High"),
        DoubleColumn.create("TRT01PN", 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2),
        StringColumn.create(
            "ITTFL", "Y", "Y", "Y", "Y", "Y", "Y", "Y", "Y", "Y", "Y", "Y", "Y", "N"),
        StringColumn.create("SEX", "F", "F", "M", "F", "M", "M", "M", "M", "F", "M", "F", "M", "F"),
        DoubleColumn.create("AGE", 70, 64, 81, 75, 50, 52, 51, 53, 90, 91, 89, 92, 20),
        StringColumn.create("GRP", "A", "A", "B", "B", "A", "A", "B", "B", "A", "A", "B", "B", "A"),
        StringColumn.create("RACE", "W", "W", "", "B", "W", "W", "W", "W", "B", "B", "W", "", "W"),
        StringColumn.create("ONE", "X", "X", "X", "X", "X", "X", "X", "X", "X", "X", "X", "X", "X"),
        DoubleColumn.create("WEIGHT", 60, NA, 70, 80, NA, NA, NA, NA, NA, NA, NA, NA, 99));
  }

  private static final String HEAD =
      """
      number: "T"
      title: Small
      population: ITT
      data:
        adsl: adsl.csv
      population_flag: ITTFL
      columns:
        treatment: TRT01P
        order: TRT01PN
        total: true
      p_values:
        decimals: 2
        lower: 0.0001
        lower_text: "<.0001"
        upper: 0.99
        upper_text: ">0.99"
        flag_below: 0.05
        flag: "*"
      rows:
      """;

  private static CsrDisplay compute(String rows) {
    return CsrEngine.compute(
        ShellParser.parse(HEAD + rows.strip().indent(2), "t.yaml"), Map.of("adsl", adsl()));
  }

  private static List<String> cells(CsrDisplay d, int row) {
    return d.rows().get(row).cells();
  }

  private static double value(CsrDisplay d, String block, String row, String col, String stat) {
    return d.values().stream()
        .filter(
            v ->
                v.block().equals(block)
                    && v.row().equals(row)
                    && v.column().equals(col)
                    && v.statistic().equals(stat))
        .findFirst()
        .orElseThrow(() -> new AssertionError(block + "/" + row + "/" + col + "/" + stat))
        .value();
  }

  @Test
  void headerHasArmsInCodeOrderWithTheirNAndTheTotal() {
    CsrDisplay d = compute("- count: SEX");
    assertThat(d.headers())
        .containsExactly("", "Placebo\n(N=4)", "Low\n(N=4)", "High\n(N=4)", "Total\n(N=12)");
  }

  @Test
  void countsWithAZeroCellAndFishersExactTest() {
    // Sex by arm: F 3, 0, 2 (total 5); M 1, 4, 2 (total 7). Percent of the population N = 4
    // (12 for Total); the empty cell prints as 0. Fisher (R): p = 0.21212121212121166 -> 0.21.
    CsrDisplay d =
        compute(
            """
            - count: SEX
              label: Sex
              categories: [{value: F, label: Female}, {value: M, label: Male}]
              n_row: true
              test: fisher
            """);
    assertThat(cells(d, 0)).containsExactly("Sex", "", "", "", "", "0.21 [a]");
    assertThat(cells(d, 1)).containsExactly("n", "4", "4", "4", "12", "");
    assertThat(cells(d, 2))
        .containsExactly("Female", "3 (75.0%)", "0", "2 (50.0%)", "5 (41.7%)", "");
    assertThat(cells(d, 3))
        .containsExactly("Male", "1 (25.0%)", "4 (100.0%)", "2 (50.0%)", "7 (58.3%)", "");
    assertThat(value(d, "Sex", "Sex", "p-value", "p"))
        .isCloseTo(0.21212121212121166, within(1e-12));
    assertThat(value(d, "Sex", "Female", "Total", "percent")).isCloseTo(500.0 / 12, within(1e-12));
  }

  @Test
  void pearsonChiSquareAndTheUpperDisplayRule() {
    // R: chisq.test(correct = FALSE) p = 0.090717953289412512 (0.09, not flagged at 0.05);
    // GRP has A, A, B, B in every arm: X^2 = 0, p = 1 -> ">0.99".
    CsrDisplay d =
        compute(
            """
            - count: SEX
              label: Sex
              test: chisq
            - count: GRP
              label: Group
              test: chisq
            """);
    assertThat(cells(d, 0)).last().isEqualTo("0.09 [a]");
    assertThat(value(d, "Sex", "Sex", "p-value", "p"))
        .isCloseTo(0.090717953289412512, within(1e-12));
    assertThat(cells(d, 3)).containsExactly("Group", "", "", "", "", ">0.99 [a]");
    assertThat(value(d, "Group", "Group", "p-value", "p")).isCloseTo(1, within(1e-12));
  }

  @Test
  void aTestThatCannotBeComputedIsBlankWithANote() {
    // Every subject has ONE = X: a 1 x 3 table has no test.
    CsrDisplay d =
        compute(
            """
            - count: ONE
              label: One category
              test: chisq
            """);
    assertThat(cells(d, 0)).containsExactly("One category", "", "", "", "", "");
    assertThat(d.notes()).anyMatch(n -> n.startsWith("One category: no p-value"));
  }

  @Test
  void denominatorsFromThePopulationOrTheNonMissingValues() {
    // Race, Placebo W, W, (missing), B; Low W x 4; High B, B, W, (missing).
    // Population: W 2/4 = 50.0%, 4/4, 1/4 = 25.0%; non-missing: W 2/3 = 66.7%, 4/4, 1/3 = 33.3%.
    CsrDisplay d =
        compute(
            """
            - count: RACE
              label: Race
              categories: [W, B]
              missing_row: true
            - count: RACE
              label: Race (non-missing)
              categories: [W, B]
              denominator: nonmissing
              n_row: true
            """);
    assertThat(cells(d, 1))
        .containsExactly("W", "2 (50.0%)", "4 (100.0%)", "1 (25.0%)", "7 (58.3%)");
    assertThat(cells(d, 2)).containsExactly("B", "1 (25.0%)", "0", "2 (50.0%)", "3 (25.0%)");
    assertThat(cells(d, 3)).containsExactly("Missing", "1 (25.0%)", "0", "1 (25.0%)", "2 (16.7%)");
    assertThat(cells(d, 5)).containsExactly("n", "3", "4", "3", "10");
    assertThat(cells(d, 6))
        .containsExactly("W", "2 (66.7%)", "4 (100.0%)", "1 (33.3%)", "7 (70.0%)");
    assertThat(cells(d, 7)).containsExactly("B", "1 (33.3%)", "0", "2 (66.7%)", "3 (30.0%)");
  }

  @Test
  void summaryDecimalsFollowTheSasConventionAndAnovaWithTheLowerRuleAndFlag() {
    // Placebo ages 70, 64, 81, 75 (data decimals 0): n 4, mean 72.5 -> 72.5 (d + 1), SD
    // sqrt(157 / 3) = 7.2342... -> 7.23 (d + 2), median 72.5 (d + 1), min 64, max 81 (d);
    // Q1, Q3 by SAS QNTLDEF=5 = R type 2: 67, 78 -> 67.0, 78.0. Low 50..53: mean 51.5, SD
    // sqrt(5 / 3) = 1.29099 -> 1.29. ANOVA (R): p = 1.6592419622358518e-06 -> "<.0001*".
    CsrDisplay d =
        compute(
            """
            - summary: AGE
              label: Age (y)
              decimals: 0
              statistics: [n, mean, sd, median, min, max, q1, q3, mean_sd, median_range]
              test: anova
            """);
    assertThat(cells(d, 0)).containsExactly("Age (y)", "", "", "", "", "<.0001* [a]");
    assertThat(cells(d, 1)).containsExactly("n", "4", "4", "4", "12", "");
    assertThat(cells(d, 2)).containsExactly("Mean", "72.5", "51.5", "90.5", "71.5", "");
    assertThat(cells(d, 3).subList(0, 3)).containsExactly("SD", "7.23", "1.29");
    assertThat(cells(d, 4).subList(0, 3)).containsExactly("Median", "72.5", "51.5");
    assertThat(cells(d, 5).subList(0, 5)).containsExactly("Min", "64", "50", "89", "50");
    assertThat(cells(d, 6).subList(0, 5)).containsExactly("Max", "81", "53", "92", "92");
    assertThat(cells(d, 7).subList(0, 2)).containsExactly("Q1", "67.0");
    assertThat(cells(d, 8).subList(0, 2)).containsExactly("Q3", "78.0");
    assertThat(cells(d, 9).subList(0, 2)).containsExactly("Mean (SD)", "72.5 (7.23)");
    assertThat(cells(d, 10).subList(0, 2)).containsExactly("Median (Range)", "72.5 (64;81)");
    assertThat(value(d, "Age (y)", "Age (y)", "p-value", "p"))
        .isCloseTo(1.6592419622358518e-06, within(1e-15));
    assertThat(value(d, "Age (y)", "sd", "Placebo", "sd"))
        .isCloseTo(Math.sqrt(157.0 / 3), within(1e-12));
  }

  @Test
  void quartilesBySasOrByRsDefaultDefinition() {
    // Placebo ages 64, 70, 75, 81. R (small_engine.R): type 2 (SAS QNTLDEF=5) Q1 67, Q3 78;
    // type 7 (R's default) Q1 68.5, Q3 76.5. The median is 72.5 under both.
    CsrDisplay sas = compute("- summary: AGE\n  statistics: [median, q1_q3]\n  quantiles: sas5");
    CsrDisplay r = compute("- summary: AGE\n  statistics: [median, q1_q3]\n  quantiles: r7");
    assertThat(cells(sas, 0).subList(0, 2)).containsExactly("Median", "72.5");
    assertThat(cells(sas, 1).subList(0, 2)).containsExactly("Q1, Q3", "67.0, 78.0");
    assertThat(cells(r, 0).subList(0, 2)).containsExactly("Median", "72.5");
    assertThat(cells(r, 1).subList(0, 2)).containsExactly("Q1, Q3", "68.5, 76.5");
    assertThat(value(r, "AGE", "q1", "Placebo", "q1")).isCloseTo(68.5, within(1e-12));
    // Low 50, 51, 52, 53 (sorted): type 7 Q1 = 50 + 0.75 = 50.75 -> 50.8 (half away from zero).
    assertThat(value(r, "AGE", "q1", "Low", "q1")).isCloseTo(50.75, within(1e-12));
    assertThat(cells(r, 1).get(2)).isEqualTo("50.8, 52.3");
  }

  @Test
  void summaryOfAllMissingValuesIsBlankAndItsTestTooWithOneDecimalData() {
    // WEIGHT: Placebo 60, (missing), 70, 80 (decimals 1): mean 70.00, SD 10.000, min 60.0;
    // the other arms have no value: blank cells; ANOVA with one group: blank.
    CsrDisplay d =
        compute(
            """
            - summary: WEIGHT
              label: Weight (kg)
              decimals: 1
              statistics: [n, mean, sd, min]
              test: anova
            """);
    assertThat(cells(d, 0)).containsExactly("Weight (kg)", "", "", "", "", "");
    assertThat(cells(d, 1)).containsExactly("n", "3", "0", "0", "3", "");
    assertThat(cells(d, 2)).containsExactly("Mean", "70.00", "", "", "70.00", "");
    assertThat(cells(d, 3)).containsExactly("SD", "10.000", "", "", "10.000", "");
    assertThat(cells(d, 4)).containsExactly("Min", "60.0", "", "", "60.0", "");
  }

  @Test
  void aCategoryTheShellNamesButTheDataLackIsAZeroRow() {
    CsrDisplay d = compute("- count: SEX\n  categories: [F, M, U]");
    assertThat(cells(d, 2)).containsExactly("U", "0", "0", "0", "0");
  }

  @Test
  void aPopulationFlagThatSelectsNobodyIsAShellError() {
    assertThatThrownBy(
            () ->
                CsrEngine.compute(
                    ShellParser.parse(
                        (HEAD + "  - count: SEX\n").replace("ITTFL", "GRP"), "t.yaml"),
                    Map.of("adsl", adsl())))
        .isInstanceOf(ShellException.class)
        .hasMessage(
            "t.yaml:6: field 'population_flag': population flag GRP selects nobody: no ADSL"
                + " record has GRP = Y (values found: [A, B])");
  }

  @Test
  void eachTestsFootnoteIsPrintedOnceAndItsBlocksCarryItsMarker() {
    CsrDisplay d =
        compute(
            """
            - count: SEX
              label: Sex
              test: chisq
            - summary: AGE
              label: Age
              test: anova
            - count: GRP
              label: Group
              test: chisq
            """);
    assertThat(cells(d, 0).get(5)).endsWith(" [a]");
    assertThat(d.rows().stream().filter(l -> l.cells().get(0).equals("Group")).findFirst())
        .hasValueSatisfying(l -> assertThat(l.cells().get(5)).endsWith(" [a]"));
    assertThat(d.rows().stream().filter(l -> l.cells().get(0).equals("Age")).findFirst())
        .hasValueSatisfying(l -> assertThat(l.cells().get(5)).endsWith(" [b]"));
    assertThat(d.footnotes())
        .containsExactly("[a] Pearson's chi-square test.", "[b] One-way analysis of variance.");
  }

  // R values of the tests below: fixtures/small_engine_pairwise_cmh.R

  @Test
  void fisherAndChiSquareOfEachArmVersusTheControl() {
    // Low vs Placebo: F 3/0, M 1/4; High vs Placebo: F 3/2, M 1/2
    CsrDisplay d =
        compute(
            """
            - count: SEX
              label: Sex
              test: fisher_vs_control
            - count: SEX
              label: Sex (chi-square)
              test: chisq_vs_control
            """);
    assertThat(d.headers().subList(5, 7))
        .containsExactly("Low\nvs Placebo\np-value", "High\nvs Placebo\np-value");
    assertThat(cells(d, 0)).containsExactly("Sex", "", "", "", "", "0.14 [a]", ">0.99 [a]");
    assertThat(value(d, "Sex", "Sex", "Low vs Placebo", "p"))
        .isCloseTo(0.14285714285714288, within(1e-12));
    assertThat(value(d, "Sex", "Sex", "High vs Placebo", "p")).isCloseTo(1, within(1e-12));
    assertThat(value(d, "Sex (chi-square)", "Sex (chi-square)", "Low vs Placebo", "p"))
        .isCloseTo(0.028459736916310541, within(1e-12));
    assertThat(cells(d, 3).subList(5, 7)).containsExactly("0.03* [b]", "0.47 [b]");
    assertThat(d.footnotes())
        .containsExactly(
            "[a] Fisher's exact test of each arm versus the control (Placebo).",
            "[b] Pearson's chi-square test of each arm versus the control (Placebo).");
    assertThat(value(d, "Sex (chi-square)", "Sex (chi-square)", "High vs Placebo", "p"))
        .isCloseTo(0.46520881845214174, within(1e-12));
  }

  @Test
  void fisherOfEachCategoryAgainstTheRestOfThePopulation() {
    // Sex F: 3 of 4, 0 of 4, 2 of 4 against the other ITT subjects of each arm; race W among the
    // males (where SEX = M): 0 of 4, 4 of 4, 0 of 4 against the other ITT subjects, females too
    CsrDisplay d =
        compute(
            """
            - count: SEX
              label: Sex
              test: fisher_per_category
            - count: RACE
              label: Race of the males
              where: SEX = M
              categories:
                - {value: W, label: White}
              test: fisher_per_category
            """);
    assertThat(cells(d, 0).get(5)).isEmpty(); // no p-value on the block's heading
    assertThat(cells(d, 1))
        .containsExactly("F", "3 (75.0%)", "0", "2 (50.0%)", "5 (41.7%)", "0.21 [a]");
    assertThat(value(d, "Sex", "F", "p-value", "p")).isCloseTo(0.21212121212121166, within(1e-12));
    assertThat(value(d, "Sex", "M", "p-value", "p")).isCloseTo(0.21212121212121166, within(1e-12));
    assertThat(value(d, "Race of the males", "White", "p-value", "p"))
        .isCloseTo(0.0060606060606060502, within(1e-12));
    assertThat(d.footnotes())
        .containsExactly(
            "[a] Fisher's exact test of each category versus the other subjects of the"
                + " population.");
  }

  @Test
  void cochranMantelHaenszelTestsStratifiedByAnAdslVariable() {
    CsrDisplay d =
        compute(
            """
            - count: SEX
              label: Sex
              test: cmh
              strata: GRP
            - count: AGE
              label: Age
              test: cmh_row_means
              strata: GRP
            """);
    // R mantelhaen.test(table(sex, arm, grp), correct = FALSE)
    assertThat(value(d, "Sex", "Sex", "p-value", "p"))
        .isCloseTo(0.12760400397979499, within(1e-12));
    // row mean scores with the ages as scores (LHK 1978 coded in R)
    assertThat(value(d, "Age", "Age", "p-value", "p"))
        .isCloseTo(0.0081305635582285124, within(1e-12));
    assertThat(d.footnotes())
        .anyMatch(f -> f.contains("row mean scores") && f.contains("stratified by GRP (A, B)"));
  }

  @Test
  void stratifiedTestsNeedStrataAndOnlyThemUseThem() {
    assertThatThrownBy(() -> compute("- count: SEX\n  label: Sex\n  test: cmh"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'test': cmh needs strata");
    assertThatThrownBy(() -> compute("- count: SEX\n  label: Sex\n  test: fisher\n  strata: GRP"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'strata': only the stratified tests");
  }

  /**
   * A footnote the shell writes that the engine also writes (the test's marker footnote), or one
   * written twice, prints once, at its first place.
   */
  @Test
  void eachDistinctFootnotePrintsOnce() {
    CsrDisplay d =
        CsrEngine.compute(
            ShellParser.parse(
                HEAD
                    + "  - count: SEX\n    label: Sex\n    test: fisher\n"
                    + "footnotes:\n  - \"[a] Fisher's exact test.\"\n  - Note.\n"
                    + "  - \"Note. \"\n",
                "t.yaml"),
            Map.of("adsl", adsl()));
    assertThat(d.footnotes()).containsExactly("[a] Fisher's exact test.", "Note.");
    assertThat(CsrDisplay.distinct(List.of("a  b", "c", "a b", " c ")))
        .containsExactly("a  b", "c");
  }

  /**
   * Sub-columns of the arms (ITT / subset) carry the arm's N on the arm's line, whatever the
   * subset's size: 4 subjects per arm, 12 in total.
   */
  @Test
  void subColumnHeadersCarryTheArmsN() {
    String shell =
        HEAD.replace(
                    "  total: true\n",
                    "  total: true\n  subsets:\n    - {flag: ITTFL, label: ITT}\n"
                        + "    - {flag: F, label: Women}\n")
                .replaceAll("(?s)p_values:.*rows:\n", "rows:\n")
            + "  - count: SEX\n    label: Sex\n    cell: n\n";
    Table adsl = adsl();
    adsl.addColumns(
        StringColumn.create(
            "F",
            adsl.stringColumn("SEX").asList().stream()
                .map(x -> x.equals("F") ? "Y" : "N")
                .toList()));
    CsrDisplay d = CsrEngine.compute(ShellParser.parse(shell, "t.yaml"), Map.of("adsl", adsl));
    // the subsets are the column headers, each arm with its N a label spanning its sub-columns
    assertThat(d.headers())
        .containsExactly("", "ITT", "Women", "ITT", "Women", "ITT", "Women", "ITT", "Women");
    assertThat(d.groups())
        .containsExactly(
            new CsrDisplay.Group("Placebo (N=4)", 1, 2),
            new CsrDisplay.Group("Low (N=4)", 3, 2),
            new CsrDisplay.Group("High (N=4)", 5, 2),
            new CsrDisplay.Group("Total (N=12)", 7, 2));
    assertThat(d.foldedHeader(3)).isEqualTo("Low (N=4)\nITT");
    assertThat(d.foldedHeader(0)).isEmpty();
    // the sub-column's own N stays in the numbers
    assertThat(value(d, "header", "N", "Placebo/Women", "N")).isEqualTo(3);
  }

  /**
   * The shell's control arm is matched ignoring case (AeIncidence.controlArm, the one rule of the
   * AE tables and the displays): {@code control: PLACEBO} is the arm Placebo; an unknown name is an
   * error naming the shell line.
   */
  @Test
  void theControlArmMatchesIgnoringCase() {
    String rows = "  - count: SEX\n    label: Sex\n    test: fisher_vs_control\n";
    CsrDisplay d =
        CsrEngine.compute(
            ShellParser.parse(
                HEAD.replace("  total: true\n", "  total: true\n  control: \" PLACEBO\"\n") + rows,
                "t.yaml"),
            Map.of("adsl", adsl()));
    assertThat(d.headers()).contains("Low\nvs Placebo\np-value", "High\nvs Placebo\np-value");
    assertThatThrownBy(
            () ->
                CsrEngine.compute(
                    ShellParser.parse(
                        HEAD.replace("  total: true\n", "  total: true\n  control: Plac\n") + rows,
                        "t.yaml"),
                    Map.of("adsl", adsl())))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("t.yaml:11: field 'control': unknown arm 'Plac'");
  }

  /** The small ADSL with an ethnicity: subjects S2, S6 and S10 (one per arm) have ETH = H. */
  private static Table adslWithEthnicity() {
    Table adsl = adsl();
    adsl.addColumns(
        StringColumn.create(
            "ETH", "N", "H", "N", "N", "N", "H", "N", "N", "N", "H", "N", "N", "N"));
    return adsl;
  }

  /**
   * {@code origin: ETH = H}: subjects with ETH = H form the category H whatever their RACE (S10 is
   * B), the others count by RACE; the chi-square test uses the same table (R: chisq.test of W
   * 1/3/1, B 1/0/1, H 1/1/1 = 0.69496297426113407, small_engine.R).
   */
  @Test
  void originReassignsSubjectsToTheirOwnCategory() {
    String shell =
        HEAD
            + "  - count: RACE\n    label: Race\n    origin: ETH = H\n    n_row: true\n"
            + "    categories: [{value: W, label: White}, {value: B, label: Black},"
            + " {value: H, label: Hispanic}]\n    test: chisq\n";
    CsrDisplay d =
        CsrEngine.compute(ShellParser.parse(shell, "t.yaml"), Map.of("adsl", adslWithEthnicity()));
    assertThat(cells(d, 1)).containsExactly("n", "3", "4", "3", "10", "");
    assertThat(cells(d, 2))
        .containsExactly("White", "1 (25.0%)", "3 (75.0%)", "1 (25.0%)", "5 (41.7%)", "");
    assertThat(cells(d, 3))
        .containsExactly("Black", "1 (25.0%)", "0", "1 (25.0%)", "2 (16.7%)", "");
    assertThat(cells(d, 4))
        .containsExactly("Hispanic", "1 (25.0%)", "1 (25.0%)", "1 (25.0%)", "3 (25.0%)", "");
    assertThat(value(d, "Race", "Race", "p-value", "p"))
        .isCloseTo(0.69496297426113407, within(1e-12));
    assertThat(d.footnotes())
        .contains(
            "Race: subjects with ETH = H form a category of their own, whatever their RACE; the"
                + " others are counted by RACE.");
    assertThatThrownBy(
            () -> ShellParser.parse(HEAD + "  - count: RACE\n    origin: ETH != H\n", "t.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("t.yaml:21: field 'origin': expected VAR = value");
  }

  /**
   * {@code small_percent: below} prints a percentage above 0 that rounds to 0 as {@code <1} (0
   * decimals) or {@code <0.1} (1 decimal); {@code rounded} (the default) prints 0: 1 of 250.
   */
  @Test
  void smallPercentagesPrintBelowTheSmallestPrintableValue() {
    String[] ids = new String[250];
    String[] arm = new String[250];
    String[] flag = new String[250];
    String[] x = new String[250];
    for (int i = 0; i < 250; i++) {
      ids[i] = "S" + i;
      arm[i] = "Placebo";
      flag[i] = "Y";
      x[i] = i == 0 ? "B" : "A";
    }
    Table adsl =
        Table.create(
            "ADSL",
            StringColumn.create("USUBJID", ids),
            StringColumn.create("TRT01P", arm),
            StringColumn.create("ITTFL", flag),
            StringColumn.create("X", x));
    String shell =
        HEAD.replace("  order: TRT01PN\n", "").replace("  total: true\n", "")
            + "  - count: X\n    label: X\n";
    java.util.function.BiFunction<String, String, String> cell =
        (decimals, small) ->
            CsrEngine.compute(
                    ShellParser.parse(
                        shell.replace(
                            "columns:",
                            "percent_decimals: " + decimals + "\n" + small + "columns:"),
                        "t.yaml"),
                    Map.of("adsl", adsl))
                .rows()
                .get(2)
                .cells()
                .get(1);
    assertThat(cell.apply("0", "")).isEqualTo("1 (0%)");
    assertThat(cell.apply("0", "small_percent: rounded\n")).isEqualTo("1 (0%)");
    assertThat(cell.apply("0", "small_percent: below\n")).isEqualTo("1 (<1%)");
    assertThat(cell.apply("1", "small_percent: below\n")).isEqualTo("1 (0.4%)");
    assertThatThrownBy(() -> cell.apply("0", "small_percent: tiny\n"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'small_percent': expected rounded");
  }

  /**
   * {@code risk_difference: {strata: GRP}} prints each arm's Mantel-Haenszel risk difference (Sato
   * variance) versus Placebo over the strata of GRP on each category row, in percentage points;
   * reference values by the formulas in small_engine_stratified_rd.py (female: Low -0.75, 95% CI
   * -1.1743446502785644, clipped to -1, to -0.32565534972143573; High -0.25, -0.89819716021702822
   * to 0.39819716021702822).
   */
  @Test
  void aCountBlockPrintsTheStratifiedRiskDifference() {
    String shell =
        HEAD
            + "  - count: SEX\n    label: Sex\n    categories: [F, M]\n"
            + "    risk_difference: {strata: GRP, method: mh}\n";
    CsrDisplay d = CsrEngine.compute(ShellParser.parse(shell, "t.yaml"), Map.of("adsl", adsl()));
    assertThat(d.headers())
        .endsWith("Low\nvs Placebo\nStratified RD (CI)", "High\nvs Placebo\nStratified RD (CI)");
    assertThat(value(d, "Sex", "F", "Low vs Placebo", "rd")).isCloseTo(-0.75, within(1e-12));
    // -1.1743446502785644 clipped to the parameter's range, as every Wald-type limit
    assertThat(value(d, "Sex", "F", "Low vs Placebo", "rd_lower")).isEqualTo(-1.0);
    assertThat(value(d, "Sex", "F", "Low vs Placebo", "rd_upper"))
        .isCloseTo(-0.32565534972143573, within(1e-12));
    assertThat(value(d, "Sex", "F", "High vs Placebo", "rd")).isCloseTo(-0.25, within(1e-12));
    assertThat(value(d, "Sex", "F", "High vs Placebo", "rd_lower"))
        .isCloseTo(-0.89819716021702822, within(1e-12));
    assertThat(value(d, "Sex", "F", "High vs Placebo", "rd_upper"))
        .isCloseTo(0.39819716021702822, within(1e-12));
    // M is the complement of F in every stratum: the differences change sign
    assertThat(value(d, "Sex", "M", "Low vs Placebo", "rd")).isCloseTo(0.75, within(1e-12));
    assertThat(cells(d, 1)).endsWith("-75.0 (-100.0, -32.6)", "-25.0 (-89.8, 39.8)");
    assertThat(d.footnotes())
        .anyMatch(f -> f.startsWith("Sex: stratified RD") && f.contains("over the strata of GRP"));
    assertThatThrownBy(
            () ->
                ShellParser.parse(
                    HEAD + "  - count: SEX\n    risk_difference: {method: mh}\n", "t.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'risk_difference': needs strata");
    assertThatThrownBy(
            () ->
                ShellParser.parse(
                    HEAD + "  - count: SEX\n    risk_difference: {strata: GRP, method: x}\n",
                    "t.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'method'");
  }
}
