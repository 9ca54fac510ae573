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
}
