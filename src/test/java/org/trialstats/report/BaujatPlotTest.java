package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.Influence;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.Tau2Estimator;
import org.trialstats.meta.TrimAndFill;
import org.trialstats.meta.TrimFillEstimator;

/**
 * The Baujat plot and the funnel plot after trim-and-fill: byte-identical PNG and SVG on repeated
 * rendering, filled studies drawn as open (white) circles, one per filled study.
 */
class BaujatPlotTest {
  /** An asymmetric funnel: the small studies all lie on the right, so studies are filled left. */
  private static MetaResult asymmetric() {
    double[] y = {0.05, 0.12, 0.2, 0.35, 0.5, 0.62, 0.8, 0.95, 1.1, 1.3};
    double[] v = {0.004, 0.008, 0.012, 0.03, 0.05, 0.07, 0.1, 0.14, 0.2, 0.28};
    List<StudyData> studies = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      studies.add(StudyData.generic("Study " + (i + 1), null, y[i], v[i]));
    }
    return MetaAnalysis.run(studies, MetaOptions.random(EffectMeasure.GENERIC, Tau2Estimator.DL));
  }

  private static int whiteFills(String svg) {
    Matcher m = Pattern.compile("fill:rgb\\(255,255,255\\)").matcher(svg);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void filledFunnelIsDeterministicWithOneOpenCirclePerFilledStudy() {
    MetaResult r = asymmetric();
    TrimAndFill fill = TrimAndFill.of(r, TrimFillEstimator.L0);
    assertThat(fill.side()).isEqualTo(TrimAndFill.Side.LEFT);
    assertThat(fill.k0()).isPositive();
    Figure filled = FunnelPlot.render(r, fill, "Funnel plot (trim-and-fill)");
    Figure again = FunnelPlot.render(r, fill, "Funnel plot (trim-and-fill)");
    assertThat(filled.png()).isEqualTo(again.png());
    assertThat(filled.svg()).isEqualTo(again.svg());
    String plain = FunnelPlot.render(r, "Funnel plot (trim-and-fill)").svg();
    assertThat(whiteFills(filled.svg()) - whiteFills(plain)).isEqualTo(fill.k0());
  }

  @Test
  void baujatPlotIsDeterministic() {
    MetaResult r = asymmetric();
    Influence inf = Influence.of(r);
    Figure a = BaujatPlot.render(r, inf);
    Figure b = BaujatPlot.render(r, inf);
    assertThat(a.png()).isEqualTo(b.png());
    assertThat(a.svg()).isEqualTo(b.svg()).contains("<svg");
    assertThat(BaujatPlot.render(r, inf, null).png()).isNotEqualTo(a.png());
  }
}
