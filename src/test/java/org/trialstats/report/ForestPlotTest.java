package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.meta.ContinuousArms;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.FixedMethod;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.PersonTime;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.Tau2Estimator;

/** Forest and funnel plots: deterministic bytes, sizes, texts, and robustness on edge cases. */
class ForestPlotTest {
  private static final List<StudyData> BCG =
      List.of(
          StudyData.counts("Aronson 1948", "random", 4, 123, 11, 139),
          StudyData.counts("Ferguson & Simes 1949", "random", 6, 306, 29, 303),
          StudyData.counts("Rosenthal et al 1960", "random", 3, 231, 11, 220),
          StudyData.counts("Hart & Sutherland 1977", "random", 62, 13598, 248, 12867),
          StudyData.counts("Frimodt-Moller et al 1973", "alternate", 33, 5069, 47, 5808),
          StudyData.counts("Stein & Aronson 1953", "alternate", 180, 1541, 372, 1451),
          StudyData.counts("Vandiviere et al 1973", "random", 8, 2545, 10, 629),
          StudyData.counts("TPT Madras 1980", "random", 505, 88391, 499, 88391),
          StudyData.counts("Coetzee & Berjak 1968", "random", 29, 7499, 45, 7277),
          StudyData.counts("Rosenthal et al 1961", "systematic", 17, 1716, 65, 1665),
          StudyData.counts("Comstock et al 1974", "systematic", 186, 50634, 141, 27338),
          StudyData.counts("Comstock & Webster 1969", "systematic", 5, 2498, 3, 2341),
          StudyData.counts("Comstock et al 1976", "systematic", 27, 16913, 29, 17854));

  @TempDir Path dir;

  @Test
  void pngAndSvgAreByteIdenticalAcrossRenderings() {
    MetaResult r = MetaAnalysis.run(BCG, MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML));
    Figure a = ForestPlot.render(r, ForestOptions.defaults().withTitle("BCG"));
    Figure b = ForestPlot.render(r, ForestOptions.defaults().withTitle("BCG"));
    assertThat(a.png()).isEqualTo(b.png());
    assertThat(a.svg()).isEqualTo(b.svg());
    assertThat(FunnelPlot.render(r).png()).isEqualTo(FunnelPlot.render(r).png());
    assertThat(FunnelPlot.render(r).svg()).isEqualTo(FunnelPlot.render(r).svg());
  }

  @Test
  void pngHasTwiceTheLogicalSizeAndSvgDrawsTextAsPaths() throws IOException {
    MetaResult r = MetaAnalysis.run(BCG, MetaOptions.fixed(EffectMeasure.OR, FixedMethod.MH));
    Figure f = ForestPlot.render(r, ForestOptions.defaults());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.png()));
    assertThat(image.getWidth()).isEqualTo((int) Math.ceil(f.width() * Figure.PNG_SCALE));
    assertThat(image.getHeight()).isEqualTo((int) Math.ceil(f.height() * Figure.PNG_SCALE));
    // one row per study plus headers, totals, notes and axis
    assertThat(f.height()).isGreaterThan(13 * 17);
    String svg = f.svg();
    assertThat(svg).doesNotContain("<text").contains("<path");
    assertThat(svg.replaceAll("clip[0-9]+", "")).isEqualTo(svg.replaceAll("clip[0-9]+", ""));
    f.write(dir.resolve("f.png"));
    f.write(dir.resolve("f.svg"));
    assertThat(Files.size(dir.resolve("f.png"))).isPositive();
    assertThat(Files.readString(dir.resolve("f.svg"))).isEqualTo(svg);
  }

  @Test
  void subgroupPlotIsTallerThanThePlainOne() {
    MetaOptions o = MetaOptions.random(EffectMeasure.RR, Tau2Estimator.DL);
    Figure plain = ForestPlot.render(MetaAnalysis.run(BCG, o), ForestOptions.defaults());
    Figure groups = ForestPlot.render(MetaAnalysis.subgroups(BCG, o), ForestOptions.defaults());
    assertThat(groups.height()).isGreaterThan(plain.height() + 3 * 17 * 3);
  }

  /** Edge cases that must draw without exceptions. */
  static Stream<MetaResult> edgeCases() {
    List<StudyData> zeros =
        List.of(
            StudyData.counts("double zero", null, 0, 20, 0, 22),
            StudyData.counts("zero arm", null, 0, 30, 4, 31),
            StudyData.counts("huge ratio", null, 30, 30, 0, 31),
            StudyData.counts("ordinary", null, 5, 40, 9, 38));
    List<StudyData> generic =
        List.of(
            StudyData.generic("HR 1", null, Math.log(0.7), 0.04),
            StudyData.generic("HR 2", null, Math.log(0.9), 0.01),
            StudyData.generic("HR 3", null, Math.log(1.4), 0.09));
    return Stream.of(
        MetaAnalysis.run(
            zeros, MetaOptions.random(EffectMeasure.OR, Tau2Estimator.PM).withHksj(true)),
        MetaAnalysis.run(zeros, MetaOptions.fixed(EffectMeasure.RD, FixedMethod.MH)),
        MetaAnalysis.run(zeros, MetaOptions.fixed(EffectMeasure.OR, FixedMethod.PETO)),
        MetaAnalysis.run(
            zeros.subList(3, 4), MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML)),
        MetaAnalysis.run(
            generic,
            MetaOptions.random(EffectMeasure.GENERIC, Tau2Estimator.SJ)
                .withExponentiate(true)
                .withLevel(0.9)),
        MetaAnalysis.run(generic, MetaOptions.fixed(EffectMeasure.GENERIC, FixedMethod.IV)),
        MetaAnalysis.run(
            List.of(StudyData.generic("a", null, 1e6, 1e-6), StudyData.generic("b", null, -1e6, 1)),
            MetaOptions.random(EffectMeasure.GENERIC, Tau2Estimator.HE)));
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void edgeCasesDraw(MetaResult r) {
    assertThatCode(
            () -> {
              Figure f =
                  ForestPlot.render(
                      r, ForestOptions.defaults().withArms("New", "Old").withEffectLabel(null));
              assertThat(f.png()).isNotEmpty();
              assertThat(f.svg()).contains("<svg");
              if (r.k() >= 1) {
                assertThat(FunnelPlot.render(r, null).png()).isNotEmpty();
              }
            })
        .doesNotThrowAnyException();
  }

  @Test
  void tooManyStudiesAreRefusedWithAMessage() {
    List<StudyData> many = new java.util.ArrayList<>();
    for (int i = 0; i < ForestPlot.MAX_STUDIES + 1; i++) {
      many.add(StudyData.generic("S" + i, null, 0.01 * (i % 7), 0.1 + 0.001 * i));
    }
    MetaResult r = MetaAnalysis.run(many, MetaOptions.fixed(EffectMeasure.GENERIC, FixedMethod.IV));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ForestPlot.render(r, ForestOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("501 studies would be unreadable");
    assertThat(FunnelPlot.render(r).png()).isNotEmpty();
  }

  /** Heterogeneity and overall-effect lines as in RevMan, with the BCG REML numbers. */
  @Test
  void textLines() {
    MetaResult r = MetaAnalysis.run(BCG, MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML));
    assertThat(ForestPlot.heterogeneity(r))
        .isEqualTo(
            "Heterogeneity: \u03c4\u00b2 = 0.31; Q = 152.23, df = 12 (p < 0.0001); I\u00b2 ="
                + " 92.2%");
    assertThat(ForestPlot.overallEffect(r))
        .isEqualTo("Test for overall effect: Z = \u22123.97 (p < 0.0001)");
    assertThat(ForestPlot.methodHeader(r)).isEqualTo("IV, Random (REML), 95% CI");
    MetaResult hk =
        MetaAnalysis.run(
            BCG, MetaOptions.random(EffectMeasure.RR, Tau2Estimator.REML).withHksj(true));
    assertThat(ForestPlot.overallEffect(hk))
        .isEqualTo("Test for overall effect: t(12) = \u22123.95 (p = 0.0019)");
    MetaResult mh = MetaAnalysis.run(BCG, MetaOptions.fixed(EffectMeasure.RR, FixedMethod.MH));
    assertThat(ForestPlot.methodHeader(mh)).isEqualTo("M-H, Fixed, 95% CI");
    assertThat(ForestPlot.heterogeneity(mh)).startsWith("Heterogeneity: Q = 152.57, df = 12");
  }

  /**
   * The plot prints I² and the test statistic as the text output does: BCG risk difference, I² =
   * 99.9% (not rounded to 100%), z signed.
   */
  @Test
  void plotAndTextAgree() {
    MetaResult rd = MetaAnalysis.run(BCG, MetaOptions.random(EffectMeasure.RD, Tau2Estimator.REML));
    assertThat(ForestPlot.heterogeneity(rd)).endsWith("I\u00b2 = 99.9%");
    assertThat(MetaOutput.heterogeneity(rd)).contains("I^2 = 99.9%");
    assertThat(ForestPlot.overallEffect(rd)).startsWith("Test for overall effect: Z = \u22122.32 ");
  }

  /**
   * The table beside the plot heads each arm's columns as RevMan does: Mean, SD, Total for a
   * continuous outcome (Gibson 2002, the first three trials), Events and Person-time for incidence
   * rates (Niel-Weise 2008, the first three trials), and sums the totals per arm.
   */
  @Test
  void tableColumnsFollowTheOutcomeType() {
    List<StudyData> gibson =
        List.of(
            StudyData.means("Cote 1997", null, new ContinuousArms(2.2, 12.73, 50, 5.2, 12.5, 54)),
            StudyData.means(
                "Ghosh 1998", null, new ContinuousArms(17.6, 24.2, 140, 34.1, 38.8, 136)),
            StudyData.means(
                "Hayward 1996", null, new ContinuousArms(0.38, 0.56, 23, 0.23, 0.29, 19)));
    List<List<String>> md =
        ForestPlot.table(
            MetaAnalysis.run(gibson, MetaOptions.random(EffectMeasure.MD, Tau2Estimator.REML)),
            ForestOptions.defaults());
    assertThat(md.get(0))
        .containsExactly(
            "Study",
            "Mean",
            "SD",
            "Total",
            "Mean",
            "SD",
            "Total",
            "Weight",
            "IV, Random (REML), 95% CI");
    assertThat(md.get(1).subList(0, 7))
        .containsExactly("Cote 1997", "2.2", "12.73", "50", "5.2", "12.5", "54");
    assertThat(md.get(3).subList(0, 7))
        .containsExactly("Hayward 1996", "0.38", "0.56", "23", "0.23", "0.29", "19");
    assertThat(md.get(4).subList(0, 7))
        .containsExactly("Total (95% CI)", "", "", "213", "", "", "209");
    assertThat(md.get(5).get(0)).isEqualTo("Prediction interval");
    assertThat(md).hasSize(6).allMatch(row -> row.size() == 9);

    List<StudyData> rates =
        List.of(
            StudyData.personTime("Bong et al. 2003", null, new PersonTime(7, 1344, 11, 1988)),
            StudyData.personTime("Ciresi et al. 1996", null, new PersonTime(8, 1600, 8, 1461)),
            StudyData.personTime("Hanna et al. 2004", null, new PersonTime(3, 12012, 14, 10962)));
    List<List<String>> irr =
        ForestPlot.table(
            MetaAnalysis.run(rates, MetaOptions.fixed(EffectMeasure.IRR, FixedMethod.MH)),
            ForestOptions.defaults());
    assertThat(irr.get(0))
        .containsExactly(
            "Study",
            "Events",
            "Person-time",
            "Events",
            "Person-time",
            "Weight",
            "M-H, Fixed, 95% CI");
    assertThat(irr.get(1).subList(0, 5))
        .containsExactly("Bong et al. 2003", "7", "1344", "11", "1988");
    assertThat(irr.get(4).subList(0, 5))
        .containsExactly("Total (95% CI)", "", "14956", "", "14411");
    assertThat(irr.get(5).subList(0, 5)).containsExactly("Total events", "18", "", "33", "");
    assertThat(irr).hasSize(6).allMatch(row -> row.size() == 7);
    assertThat(ForestPlot.armColumns(EffectMeasure.Input.TWO_BY_TWO))
        .containsExactly("Events", "Total");
    assertThat(ForestPlot.armColumns(EffectMeasure.Input.EFFECT)).isEmpty();
  }

  @Test
  void axisTicks() {
    EffectAxis ratio =
        EffectAxis.symmetric(
            true, new double[] {Math.log(0.3), Math.log(2)}, new double[] {Math.log(0.05)});
    assertThat(ratio.labels).containsExactly("0.05", "0.2", "1", "5", "20");
    EffectAxis narrow = EffectAxis.symmetric(true, new double[] {Math.log(0.8)}, new double[] {});
    assertThat(narrow.labels).containsExactly("0.5", "0.7", "1", "1.5", "2");
    EffectAxis linear =
        EffectAxis.symmetric(false, new double[] {-0.07, 0.03}, new double[] {-0.2});
    assertThat(linear.labels).containsExactly("\u22120.2", "\u22120.1", "0", "0.1", "0.2");
    EffectAxis fitted = EffectAxis.fitted(true, Math.log(0.06), Math.log(3.5));
    assertThat(fitted.labels).containsExactly("0.1", "0.2", "0.5", "1", "2");
  }
}
