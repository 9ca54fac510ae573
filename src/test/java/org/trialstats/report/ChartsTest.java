package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartsTest {
  private static XYChart sample() {
    XYChart chart = new XYChartBuilder().width(400).height(300).title("Sample").build();
    Charts.applyStyle(chart.getStyler());
    chart.addSeries("s", new double[] {1, 2, 3}, new double[] {0.5, 0.25, 0.125});
    return chart;
  }

  @Test
  void pngAndSvgAreIdenticalAcrossRenderings() {
    assertThat(Charts.png(sample())).isEqualTo(Charts.png(sample()));
    String svg = Charts.svg(sample());
    assertThat(svg).isEqualTo(Charts.svg(sample())).startsWith("<?xml").contains("<svg");
  }

  @Test
  void clipIdsAreRenumberedInOrder() {
    assertThat(Charts.renumberClipIds("a clip998 b clip12 c clip998"))
        .isEqualTo("a clip1 b clip2 c clip1");
  }
}
