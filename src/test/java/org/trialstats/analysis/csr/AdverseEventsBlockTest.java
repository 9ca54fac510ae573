package org.trialstats.analysis.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.testing.SharedFolder;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The {@code adverse_events} row block: on the 12-subject ADSL of {@link CsrEngineTest} with a
 * small ADAE whose every count is worked out by hand below, and on the CDISC pilot with the risk
 * difference stratified by pooled site group against the independent R computation of
 * adam/fixtures/make_strata_reference.R (the reference of {@code ae-table --strata}).
 */
class AdverseEventsBlockTest {
  /**
   * S1 has two headache events, S5 a headache, S6 dizziness, S9 a headache, S10 a serious rash;
   * S11's rash is not treatment-emergent and S13 is outside the ITT population.
   */
  static Table adae() {
    return Table.create(
        "ADAE",
        StringColumn.create("USUBJID", "S1", "S1", "S5", "S6", "S9", "S10", "S11", "S13"),
        StringColumn.create(
            "AEBODSYS", "SOC1", "SOC1", "SOC1", "SOC1", "SOC1", "SOC2", "SOC2", "SOC2"),
        StringColumn.create(
            "AEDECOD",
            "HEADACHE",
            "HEADACHE",
            "HEADACHE",
            "DIZZINESS",
            "HEADACHE",
            "RASH",
            "RASH",
            "RASH"),
        StringColumn.create("TRTEMFL", "Y", "Y", "Y", "Y", "Y", "Y", "N", "Y"),
        StringColumn.create("AESER", "N", "N", "N", "N", "N", "Y", "N", "N"));
  }

  private static final String HEAD =
      """
      number: "AE"
      title: Small
      population: ITT
      data:
        adsl: adsl.csv
        adae: adae.csv
      population_flag: ITTFL
      columns:
        treatment: TRT01P
        order: TRT01PN
        total: true
      p_values:
        decimals: 4
        upper: 0.99
        upper_text: ">.99"
        leading_zero: false
      rows:
      """;

  private static CsrDisplay compute(String rows) {
    return CsrEngine.compute(
        ShellParser.parse(HEAD + rows.strip().indent(2), "ae.yaml"),
        Map.of("adsl", CsrEngineTest.adsl(), "adae", adae()));
  }

  @Test
  void countsEventsTotalFisherAndOrderByTheHighDose() {
    CsrDisplay d =
        compute(
            """
            - adverse_events: adae
              overall_label: Any TEAE
              events: true
              order: arm
              order_arm: High
              test: fisher
            """);
    assertThat(d.headers())
        .containsExactly(
            "",
            "Placebo\n(N=4)",
            "Low\n(N=4)",
            "High\n(N=4)",
            "Total\n(N=12)",
            "Low\nvs Placebo\np-value",
            "High\nvs Placebo\np-value");
    // any: Placebo S1 (2 events), Low S5 S6, High S9 S10; 5 of 12 subjects, 6 events.
    // Fisher, Low vs Placebo: [[2, 2], [1, 3]] gives p = 1 (R fisher.test), printed >.99
    assertThat(d.rows().get(0).cells())
        .containsExactly(
            "Any TEAE",
            "1 (25.0%) [2]",
            "2 (50.0%) [2]",
            "2 (50.0%) [2]",
            "5 (41.7%) [6]",
            ">.99",
            ">.99");
    // SOC1 and SOC2 both have one High subject: alphabetical; within SOC1 HEADACHE (1 High)
    // before DIZZINESS (0 High)
    assertThat(d.rows().stream().map(r -> r.cells().get(0)).toList())
        .containsExactly("Any TEAE", "SOC1", "HEADACHE", "DIZZINESS", "SOC2", "RASH");
    assertThat(d.rows().get(3).cells().subList(0, 5))
        .containsExactly("DIZZINESS", "0", "1 (25.0%) [1]", "0", "1 (8.3%) [1]");
    assertThat(d.rows().get(3).indent()).isEqualTo(1);
    assertThat(d.rows().get(1).heading()).isTrue();
    assertThat(d.notes()).anyMatch(n -> n.startsWith("1 selected"));
    assertThat(d.footnotes()).anyMatch(f -> f.contains("Fisher's exact test"));
  }

  @Test
  void whereSelectsSeriousEventsAndMinPercentDropsRareTerms() {
    CsrDisplay d =
        compute(
            """
            - adverse_events: adae
              where: AESER = Y
            """);
    assertThat(d.rows().stream().map(r -> r.cells().get(0)).toList())
        .containsExactly("Any treatment-emergent adverse event", "SOC2", "RASH");
    assertThat(d.rows().get(2).cells()).containsExactly("RASH", "0", "0", "1 (25.0%)", "1 (8.3%)");
    CsrDisplay common =
        compute(
            """
            - adverse_events: adae
              min_percent: 30
            """);
    // only HEADACHE? no: 1 of 4 is 25% in every arm; no term reaches 30%
    assertThat(common.rows()).hasSize(1);
  }

  @Test
  void stratifiedRiskDifferenceByAnAdslVariable() {
    CsrDisplay d =
        compute(
            """
            - adverse_events: adae
              strata: GRP
              strata_method: mh
            """);
    // any event, High vs Placebo: stratum A 2/2 vs 1/2, stratum B 0/2 vs 0/2; MH weights
    // n1 n0 / (n1 + n0) = 1 each: RD = (0.5 + 0) / 2 = 0.25
    assertThat(
            value(
                d,
                "Any treatment-emergent adverse event",
                "Any treatment-emergent adverse event",
                "High vs Placebo",
                "rd"))
        .isCloseTo(0.25, within(1e-15));
    assertThat(d.rows().get(0).cells().get(6)).startsWith("25.0 (");
    assertThat(d.headers().get(5)).isEqualTo("Low\nvs Placebo\nStratified RD (CI)");
  }

  @Test
  void unknownVariablesAndArmsAreShellErrors() {
    assertThatThrownBy(
            () ->
                compute(
                    """
                    - adverse_events: adae
                      term: AEPTX
                    """))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("ae.yaml:")
        .hasMessageContaining("field 'term'")
        .hasMessageContaining("unknown variable AEPTX in data set adae");
    assertThatThrownBy(
            () ->
                compute(
                    """
                    - adverse_events: adae
                      order: arm
                      order_arm: Highest
                    """))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'order_arm'")
        .hasMessageContaining("unknown arm 'Highest'");
    assertThatThrownBy(
            () ->
                compute(
                    """
                    - adverse_events: adae
                      test: chisq
                    """))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'test'");
    assertThatThrownBy(
            () ->
                compute(
                    """
                    - adverse_events: adae
                      strata: GRP
                      strata_method: wald
                    """))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'strata_method'");
  }

  /** The pilot stratified by SITEGR1: every row and dose against R, relative 1e-6. */
  @ParameterizedTest
  @ValueSource(strings = {"mh", "mh-gr"})
  void pilotStratifiedBySiteGroupAgreesWithR(String method) throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adsl.xpt").getParent();
    String shell =
        """
        number: "S"
        title: Stratified
        population: Safety
        data:
          adsl: adsl.xpt
          adae: adae.xpt
        population_flag: SAFFL
        columns:
          treatment: TRT01A
          order: TRT01AN
        rows:
          - adverse_events: adae
            overall_label: any
            strata: SITEGR1
            strata_method: %s
        """
            .formatted(method);
    Map<String, Table> tables = new HashMap<>();
    tables.put("adsl", AdamTables.read(data.resolve("adsl.xpt")));
    tables.put("adae", AdamTables.read(data.resolve("adae.xpt")));
    CsrDisplay d = CsrEngine.compute(ShellParser.parse(shell, "s.yaml"), tables);
    int compared = 0;
    for (Map<String, String> ref :
        ReferenceCsv.read("/org/trialstats/adam/fixtures/strata_pilot_reference.csv")) {
      if (!ref.get("method").equals(method)) {
        continue;
      }
      String row =
          switch (ref.get("row_type")) {
            case "any" -> "any";
            case "soc" -> ref.get("soc");
            default -> ref.get("soc") + "/" + ref.get("term");
          };
      for (String[] s :
          List.of(
              new String[] {"rd", "estimate"},
              new String[] {"rd_lower", "lower"},
              new String[] {"rd_upper", "upper"})) {
        double expected = Double.parseDouble(ref.get(s[1]));
        assertThat(value(d, "any", row, ref.get("comparison"), s[0]))
            .as(row + " " + ref.get("comparison") + " " + s[0])
            .isCloseTo(expected, within(1e-6 * Math.abs(expected) + 1e-12));
      }
      compared++;
    }
    assertThat(compared).isEqualTo(508);
  }

  private static double value(
      CsrDisplay d, String block, String row, String column, String statistic) {
    return d.values().stream()
        .filter(
            v ->
                v.block().equals(block)
                    && v.row().equals(row)
                    && v.column().equals(column)
                    && v.statistic().equals(statistic))
        .findFirst()
        .orElseThrow(() -> new AssertionError(row + "|" + column + "|" + statistic))
        .value();
  }
}
