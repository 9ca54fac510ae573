package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void clipIdsAreRenumberedInOrder() {
    assertThat(Charts.renumberClipIds("a clip998 b clip12 c clip998"))
        .isEqualTo("a clip1 b clip2 c clip1");
  }

  @Test
  void intervalChartIsIdenticalAcrossRenderings() {
    IntervalChart chart =
        new IntervalChart("Sample", "Proportion")
            .add(new IntervalChart.Row("arm A (95/250)", "treatment", 0.38, 0.322, 0.442, "0.380"))
            .add(new IntervalChart.Row("arm B (55/251)", "control", 0.219, 0.172, 0.274, "0.219"));
    assertThat(chart.build().png()).isEqualTo(chart.build().png());
    assertThat(chart.build().svg()).isEqualTo(chart.build().svg()).contains("<svg");
  }

  /**
   * The SVG prints the labels exactly as drawn (as the PNG does): only the markup's coordinates are
   * rounded to two decimals. Before, "0.1250 (0.0540 to 0.2463)" became "0.13 (0.05 to 0.25)" in
   * the SVG and a p-value 0.0019 became 0.
   */
  @Test
  void svgKeepsTheLabelsAsDrawnAndRoundsOnlyCoordinates() {
    String svg =
        Figure.compactNumbers(
            "<svg><path d=\"M 10.123456 20.5\"/><text x=\"690.123\" y=\"67\">"
                + "0.1250 (0.0540 to 0.2463)</text><text>p = 0.0019</text></svg>");
    assertThat(svg)
        .isEqualTo(
            "<svg><path d=\"M 10.12 20.5\"/><text x=\"690.12\" y=\"67\">"
                + "0.1250 (0.0540 to 0.2463)</text><text>p = 0.0019</text></svg>");
    IntervalChart chart =
        new IntervalChart("Rates", "per 100 PY")
            .add(
                new IntervalChart.Row(
                    "lymphoma", "rate", 0.125, 0.054, 0.2463, "0.1250 (0.0540 to 0.2463)"));
    assertThat(chart.build().svg()).contains(">0.1250 (0.0540 to 0.2463)</text>");
  }
}
