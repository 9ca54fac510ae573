package org.trialstats.evidence.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trialstats.analysis.DocumentCheck;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.Verdict;
import org.trialstats.evidence.text.SourceText;
import org.trialstats.stats.IntervalPValue;

/**
 * A corpus of passages built here (seeded), each in a correct form and with one planted error of
 * its kind: a wrong total, a percentage impossible for its n, a p-value contradicting its interval,
 * a rate off by a factor of 10, a p-value that does not fit its t statistic. Every planted error
 * must be caught (a discrepancy) and no correct passage may raise one.
 */
class PlantedErrorCorpusTest {
  private record Passage(String kind, String correct, String altered) {}

  private static List<Passage> corpus() {
    SplittableRandom random = new SplittableRandom(20260515L);
    List<Passage> corpus = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int a = 40 + random.nextInt(900);
      int b = 40 + random.nextInt(900);
      int off = 1 + random.nextInt(60);
      String template =
          "A total of %d patients were enrolled; %d were randomised to the"
              + " study drug and %d to placebo.";
      corpus.add(new Passage("total", f(template, a + b, a, b), f(template, a + b + off, a, b)));
    }
    for (int i = 0; i < 8; i++) {
      int n = 11 + random.nextInt(25);
      int k = random.nextInt(n + 1);
      long shown = Math.round(100.0 * k / n);
      int impossible = impossiblePercent(n, random);
      String template = "Response was seen in %d%% of %d patients treated for 12 weeks.";
      corpus.add(
          new Passage("impossible percentage", f(template, shown, n), f(template, impossible, n)));
    }
    for (int i = 0; i < 8; i++) {
      double hr = 0.40 + random.nextInt(40) / 100.0;
      double se = 0.08 + random.nextInt(10) / 100.0;
      BigDecimal est = BigDecimal.valueOf(hr).setScale(2, RoundingMode.HALF_UP);
      BigDecimal lower =
          BigDecimal.valueOf(hr * Math.exp(-1.959964 * se)).setScale(2, RoundingMode.HALF_UP);
      BigDecimal upper =
          BigDecimal.valueOf(hr * Math.exp(1.959964 * se)).setScale(2, RoundingMode.HALF_UP);
      double p =
          IntervalPValue.LOG.pValue(
              est.doubleValue(), lower.doubleValue(), upper.doubleValue(), 0.95);
      String printed =
          p < 0.001
              ? "p < 0.001"
              : "p = " + BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
      boolean excludesOne = upper.doubleValue() < 1;
      String wrong = excludesOne ? "p = 0.21" : "p = 0.004";
      String template = "Mortality was lower with the drug (HR %s (95%% CI %s to %s), %s).";
      corpus.add(
          new Passage(
              "p contradicting its interval",
              f(template, est, lower, upper, printed),
              f(template, est, lower, upper, wrong)));
    }
    for (int i = 0; i < 8; i++) {
      int events = 3 + random.nextInt(40);
      int years = 1000 + random.nextInt(9000);
      BigDecimal rate =
          BigDecimal.valueOf(events * 100L)
              .divide(BigDecimal.valueOf(years), 2, RoundingMode.HALF_UP);
      String template =
          "In all, %d cases were reported over %,d patient years, a rate of %s"
              + " cases/100 patient years.";
      corpus.add(
          new Passage(
              "rate off by 10x",
              f(template, events, years, rate.toPlainString()),
              f(template, events, years, rate.movePointLeft(1).toPlainString())));
    }
    corpus.add(
        new Passage(
            "test statistic",
            "Scores improved, t(28) = 2.20, p = .04.",
            "Scores improved, t(28) = 2.20, p = .004."));
    corpus.add(
        new Passage(
            "test statistic",
            "Groups differed, F(2, 251) = 4.50, p = .012.",
            "Groups differed, F(2, 251) = 4.50, p = .12."));
    return corpus;
  }

  /**
   * Passages of two paragraphs whose check needs a figure of the other paragraph ({@link
   * PassageLinker}): a total whose parts follow later, a difference in percentage points against
   * the arms printed elsewhere, a percentage without n against a count elsewhere, a half-life and a
   * dose restated. Each correct and with one planted error.
   */
  private static List<Passage> crossPassageCorpus() {
    SplittableRandom random = new SplittableRandom(20261205L);
    List<Passage> corpus = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int a = 40 + random.nextInt(900);
      int b = 40 + random.nextInt(900);
      int off = 1 + random.nextInt(60);
      String template =
          "Overall, %d patients were enrolled at twelve sites.\n\nAfter screening, %d were"
              + " randomised to the study drug and %d to placebo.";
      corpus.add(
          new Passage(
              "total across paragraphs", f(template, a + b, a, b), f(template, a + b - off, a, b)));
    }
    for (int i = 0; i < 4; i++) {
      int treated = 10 + random.nextInt(40);
      int control = 1 + random.nextInt(9);
      String template =
          "Nausea occurred in %d%% of patients under the drug, compared with %d%% in the placebo"
              + " group.\n\nIn short, %d percent more patients had nausea with the drug.";
      corpus.add(
          new Passage(
              "difference against arms elsewhere",
              f(template, treated, control, treated - control),
              f(template, treated, control, treated - control + 3)));
    }
    for (int i = 0; i < 4; i++) {
      int n1 = 100 + random.nextInt(400);
      int n2 = 100 + random.nextInt(400);
      int e1 = n1 / 4 + random.nextInt(n1 / 2);
      int e2 = random.nextInt(n2 / 4);
      long p1 = Math.round(100.0 * e1 / n1);
      long p2 = Math.round(100.0 * e2 / n2);
      String template =
          "Rash was reported in %d/%d (%d%%) patients given the drug versus %d/%d (%d%%) given"
              + " placebo.\n\nRash affected %d%% of patients treated with the drug.";
      corpus.add(
          new Passage(
              "percentage against a count elsewhere",
              f(template, e1, n1, p1, e2, n2, p2, p1),
              f(template, e1, n1, p1, e2, n2, p2, p1 + 5)));
    }
    for (int i = 0; i < 4; i++) {
      int hours = 2 + random.nextInt(30);
      String template =
          "Pharmacokinetics: the terminal half-life was %d hours in healthy adults.\n\nProduct"
              + " data: elimination half-life %d hours.";
      corpus.add(
          new Passage(
              "half-life restated", f(template, hours, hours), f(template, hours, hours + 2)));
    }
    for (int i = 0; i < 4; i++) {
      int dose = 25 * (1 + random.nextInt(8));
      String template =
          "The recommended dose is %d mg once daily.\n\nEach prefilled syringe holds a single"
              + " dose of %d mg.";
      corpus.add(
          new Passage("dose restated", f(template, dose, dose), f(template, dose, dose * 2)));
    }
    return corpus;
  }

  /** A whole percentage that no count out of n rounds (half-up) to. */
  private static int impossiblePercent(int n, SplittableRandom random) {
    List<Integer> impossible = new ArrayList<>();
    for (int p = 1; p < 100; p++) {
      boolean attainable = false;
      for (int k = 0; k <= n; k++) {
        attainable |=
            BigDecimal.valueOf(100L * k)
                    .divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP)
                    .intValue()
                == p;
      }
      if (!attainable) {
        impossible.add(p);
      }
    }
    return impossible.get(random.nextInt(impossible.size()));
  }

  private static String f(String template, Object... args) {
    return String.format(Locale.ROOT, template, args);
  }

  private static List<ClaimResult> check(String passage) {
    return DocumentCheck.of(List.of(SourceText.plain("passage.txt", passage)), List.of()).results();
  }

  @Test
  void everyPlantedErrorCaughtAndNoFalseAlarm() {
    List<Passage> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
    assertThat(corpus.stream().map(Passage::kind).distinct()).hasSize(5);
    for (Passage p : corpus) {
      List<ClaimResult> correct = check(p.correct());
      assertThat(correct).as("claims found in: %s", p.correct()).isNotEmpty();
      assertThat(correct)
          .as("false alarm in: %s", p.correct())
          .noneMatch(r -> r.verdict() == Verdict.DISCREPANCY);
      List<ClaimResult> altered = check(p.altered());
      assertThat(altered)
          .as("planted %s not caught in: %s", p.kind(), p.altered())
          .anyMatch(r -> r.verdict() == Verdict.DISCREPANCY);
    }
  }

  @Test
  void everyPlantedCrossPassageErrorCaughtAndNoFalseAlarm() {
    List<Passage> corpus = crossPassageCorpus();
    assertThat(corpus).hasSize(20);
    for (Passage p : corpus) {
      List<ClaimResult> correct = check(p.correct());
      assertThat(correct)
          .as("linked claim found in: %s", p.correct())
          .anyMatch(r -> r.claim().id().contains("-linked-"));
      assertThat(correct)
          .as("false alarm in: %s", p.correct())
          .noneMatch(r -> r.verdict() == Verdict.DISCREPANCY);
      List<ClaimResult> altered = check(p.altered());
      assertThat(altered)
          .as("planted %s not caught in: %s", p.kind(), p.altered())
          .anyMatch(r -> r.verdict() == Verdict.DISCREPANCY && r.claim().id().contains("-linked-"));
    }
  }

  @Test
  void unrelatedFiguresOfOtherParagraphsAreNotLinked() {
    // Same unit, different things: no quantity word in common, different events, a subgroup.
    String text =
        "Nausea was seen in 8% of patients.\n\nHeadache was seen in 12% of patients."
            + "\n\nThe tablet weighs 250 mg.\n\nThe recommended dose is 100 mg."
            + "\n\nInfections occurred in 30/100 (30%) patients given the drug versus 20/100"
            + " (20%) given placebo.\n\nIn a different study, 50% of patients had remission.";
    List<ClaimResult> results = check(text);
    assertThat(results).noneMatch(r -> r.claim().id().contains("-linked-"));
  }
}
