package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstats.stats.Measure;

class ReportNumbersTest {

  @Test
  void fixedDecimalsPerQuantity() {
    // ACR20 Wilson interval 0.3800 (0.3220 to 0.4420): percent, one decimal
    assertThat(ReportNumbers.estimate(Measure.PROPORTION, 0.38, 0.32205, 0.44198))
        .isEqualTo("38.0% (32.2 to 44.2%)");
    assertThat(ReportNumbers.estimate(Measure.RD, 0.16089, 0.08091, 0.23823))
        .isEqualTo("16.1 pp (8.1 to 23.8 pp)");
    assertThat(ReportNumbers.value(Measure.RR, 1.7345)).isEqualTo("1.73");
    assertThat(ReportNumbers.value(Measure.OR, 0.0612)).isEqualTo("0.061");
    // lymphoma 8 cases per 6400 PY = 0.125 per 100 PY: the tie is not rounded away
    assertThat(ReportNumbers.estimate(Measure.RATE, 0.125, 0.05397, 0.24630))
        .isEqualTo("0.125 (0.054 to 0.246)");
    assertThat(ReportNumbers.value(Measure.NNT, 6.2154)).isEqualTo("6.2");
    assertThat(ReportNumbers.value(Measure.TEST, 15.4532)).isEqualTo("15.45");
  }

  @Test
  void pValuesByTheUsualRule() {
    assertThat(ReportNumbers.pValue(0.23986)).isEqualTo("0.240");
    assertThat(ReportNumbers.pValue(0.0803)).isEqualTo("0.0803");
    assertThat(ReportNumbers.pValue(0.000001268)).isEqualTo("<0.0001");
    assertThat(ReportNumbers.pValue(2.489e-7)).isEqualTo("<0.0001");
    assertThat(ReportNumbers.pValue(Double.NaN)).isEqualTo("NA");
  }

  @Test
  void oneDocumentGivesBothFormats() {
    ReportDocument doc = new ReportDocument("T <1>", "");
    doc.add(new ReportDocument.Heading(2, "Claim checks"));
    doc.add(
        new ReportDocument.Table(
            List.of("claim", "p"), List.of(List.of("a|b", "<0.0001")), Set.of(1), List.of("bad")));
    doc.add(
        new ReportDocument.Collapsed(
            new ReportDocument.Heading(3, "Not checkable (1)"),
            List.of(new ReportDocument.Paragraph("x", false))));
    assertThat(doc.markdown())
        .isEqualTo(
            "# T &lt;1&gt;\n\n## Claim checks\n\n| claim | p |\n|---|---:|\n"
                + "| a\\|b | &lt;0.0001 |\n\n"
                + "### Not checkable (1)\n\nx\n");
    assertThat(doc.html())
        .contains("<h1>T &lt;1&gt;</h1>")
        .contains("<h2 id=\"claim-checks\">Claim checks</h2>")
        .contains("<tr class=\"bad\"><td>a|b</td><td class=\"num\">&lt;0.0001</td></tr>")
        .contains(
            "<details id=\"not-checkable-1\">\n<summary>Not checkable (1)</summary>\n<p>x</p>");
    assertThat(doc.sections())
        .extracting(ReportDocument.Heading::text)
        .containsExactly("Claim checks");
  }
}
