package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verdicts and recomputed values of the key claims of {@code datasets/anakinra}. Reference values
 * come from R 4.2.2 (commands in the comments) or from exact arithmetic shown next to them.
 */
class ClaimCheckerTest {
  private static Map<String, ClaimResult> results;
  private static List<ClaimResult> ordered;

  @BeforeAll
  static void check() {
    Dataset dataset = DatasetLoader.load(Path.of("datasets", "anakinra"));
    ordered = ClaimChecker.check(dataset);
    results = ordered.stream().collect(Collectors.toMap(r -> r.claim().id(), Function.identity()));
    assertThat(ordered)
        .extracting(r -> r.claim().id())
        .containsExactlyElementsOf(dataset.claims().stream().map(Claim::id).toList());
  }

  private static ClaimResult result(String id) {
    assertThat(results).containsKey(id);
    return results.get(id);
  }

  @Test
  void cochraneTotalIsThirtyMoreThanItsParts() {
    // 781 + 2065 = 2846 against the printed 2876: -30, -30 / 2876 = -1.04%
    ClaimResult r = result("cochrane-total-patients");
    assertThat(r.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.recomputed()).isEqualTo(2846.0);
    assertThat(r.difference()).isEqualTo(-30.0);
    assertThat(r.recomputedText()).isEqualTo("2846");
    assertThat(r.detail())
        .contains("781 [cochrane-placebo-patients] + 2065")
        .contains("= 2846")
        .contains("Difference -30 (-1.0% of the printed value)");
  }

  @Test
  void patientYearsDifferAtThePointButNotBeyondTheInputsRounding() {
    // R: 5300*15/12 = 6625; 5250*14.5/12 = 6343.75; 5350*15.5/12 = 6910.41666666667
    ClaimResult r = result("lymphoma-patient-years");
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(r.recomputed()).isEqualTo(6625.0);
    assertThat(r.difference()).isEqualTo(225.0);
    assertThat(r.detail())
        .contains("5300 [lymphoma-patients] x 15 [lymphoma-mean-months] / 12")
        .contains("the nearest 100: 6600, not the printed 6400")
        .contains("between 6343.75 and 6910.42")
        .contains("+225 (+3.5% of the printed value)");
  }

  @Test
  void lymphomaRateIsATieThatHalfUpRoundsAwayFromThePrintedValue() {
    // R: 8*100/6400 = 0.125; 800/6450 = 0.124031; 800/6350 = 0.125984; 800/0.115 = 6956.52
    ClaimResult r = result("lymphoma-rate");
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(r.recomputed()).isEqualTo(0.125);
    assertThat(r.difference()).isCloseTo(0.005, within(1e-15));
    assertThat(r.recomputedText()).isEqualTo("0.125");
    assertThat(r.detail())
        .contains("8 x 100 / 6400 (printed as 'approximately 6,400 patient years': 6350 to 6450)")
        .contains("Rounded half-up to 2 decimals: 0.13, not the printed 0.12")
        .contains("0.12 follows from 0.125 by truncation or half-even rounding")
        .contains("between 0.124 and 0.126")
        .contains("needs more than 6400 and at most 6956.5 patient-years");
  }

  @Test
  void injectionSiteReactionsReproduceAndTheSeventyPercentDoesNot() {
    // R: 100*1235/1729 = 71.4285714285714; 100*204/729 = 27.9835390946502
    ClaimResult anakinra = result("isr-cochrane-anakinra");
    assertThat(anakinra.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(anakinra.recomputed()).isCloseTo(71.4285714285714, within(1e-12));
    assertThat(anakinra.recomputedText()).isEqualTo("71.43");
    ClaimResult placebo = result("isr-cochrane-placebo");
    assertThat(placebo.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(placebo.recomputed()).isCloseTo(27.9835390946502, within(1e-12));
    assertThat(placebo.difference()).isCloseTo(27.9835390946502 - 28, within(1e-12));

    ClaimResult seventy = result("isr-side-effects");
    assertThat(seventy.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(seventy.difference()).isCloseTo(1.4285714285714, within(1e-12));
    assertThat(seventy.detail())
        .startsWith("Cross-check against the treatment arm (anakinra)")
        .contains("71, not the printed 70")
        .contains("Difference +1.43 (+2.0%");

    ClaimResult moreThanTen = result("summary-isr-more-than-10");
    assertThat(moreThanTen.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(moreThanTen.difference()).isNaN();
    assertThat(moreThanTen.detail()).contains("71.43 > 10, as printed");
  }

  @Test
  void derivedArmCountsAreListed() {
    // only the percentages are printed: a whole count gives each (attainable), none is recomputed
    ClaimResult control = result("acr20-mtx-alone");
    assertThat(control.verdict()).isEqualTo(Verdict.ATTAINABLE);
    // 55 / 251 = 21.9123505976096%
    assertThat(control.recomputed()).isCloseTo(21.9123505976096, within(1e-12));
    assertThat(control.recomputedText()).isEqualTo("21.91% (54 to 56 of 251)");
    assertThat(control.detail())
        .contains("54 (21.51%), 55 (21.91%), 56 (22.31%)")
        .contains("nearest to 22% x 251 / 100 = 55.22")
        .contains("attainable with n = 251");
    ClaimResult treatment = result("acr20-anakinra-mtx");
    assertThat(treatment.verdict()).isEqualTo(Verdict.ATTAINABLE);
    assertThat(treatment.recomputed()).isEqualTo(38.0);
    assertThat(treatment.detail()).contains("94 (37.6%), 95 (38%), 96 (38.4%)");
  }

  @Test
  void accumulationRatioOverTheHalfLifeRange() {
    // R: 1/(1-2^(-24/4)) = 1.01587301587302; 1/(1-2^(-24/6)) = 1.06666666666667
    ClaimResult r = result("pk-accumulation");
    assertThat(r.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.recomputed()).isCloseTo(1.06666666666667, within(1e-13));
    assertThat(r.recomputedText()).isEqualTo("1.016 to 1.067");
    assertThat(r.difference()).isNaN();
    assertThat(r.detail())
        .contains("gives 1.01587")
        .contains("gives 1.06667")
        .contains("1.067 <= 1.1, as printed ('no unexpected accumulation')");
  }

  @Test
  void figuresWithoutDenominatorsAreNotCheckable() {
    ClaimResult r = result("neutrophil-decrease-anakinra");
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(r.recomputed()).isNaN();
    assertThat(r.difference()).isNaN();
    assertThat(r.recomputedText()).isEmpty();
    assertThat(r.detail())
        .isEqualTo(
            "Not checkable: the number of patients in each group (no denominators for 8% vs 2%).");
    assertThat(result("neutropenia-anakinra").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(result("solid-tumours").detail()).contains("expected number of solid tumours");
  }

  @Test
  void summaryWhiteCellExcessIsTheAnakinraRateNotTheDifference() {
    // 8 - 2 = 6 points against the printed 8; rounding ranges 7.5-8.5 minus 1.5-2.5 = 5 to 7
    ClaimResult r = result("summary-white-cells-excess");
    assertThat(r.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.recomputed()).isEqualTo(6.0);
    assertThat(r.difference()).isEqualTo(-2.0);
    assertThat(r.detail()).contains("stays between 5 and 7");
  }

  @Test
  void lymphomaRatioIsCircularAndMelanomaSignificanceUndecidable() {
    ClaimResult sir = result("lymphoma-sir");
    assertThat(sir.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(sir.recomputed()).isNaN();
    assertThat(sir.detail()).contains("8 / 3.6 = 2.222").contains("by construction");

    // R: ppois(2, 1, lower.tail = FALSE) = 0.0803013970713942
    //    ppois(2, 0.5, lower.tail = FALSE) = 0.0143876779669707
    //    ppois(2, 1.5, lower.tail = FALSE) = 0.191153169461942
    //    qgamma(0.05, 3) = 0.817691447163953
    ClaimResult melanoma = result("melanoma-significant");
    assertThat(melanoma.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(melanoma.recomputed()).isCloseTo(0.0803013970713942, within(1e-14));
    assertThat(melanoma.detail())
        .contains("P(X >= 3 | mean 1) = 0.0803")
        .contains("p from 0.0144 to 0.1912")
        .contains("at most 0.8177");
  }

  @Test
  void molarMassDependsOnTheAtomicWeightsUsed() {
    // R: 759*12.011 + 1186*1.008 + 208*14.007 + 232*15.999 + 10*32.06 = 17257.661
    //    with the interval ends: 17256.28704 and 17258.64374
    ClaimResult mass = result("drugbox-molecular-weight");
    assertThat(mass.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(mass.recomputed()).isCloseTo(17257.661, within(1e-9));
    assertThat(mass.detail()).contains("between 17256.287 and 17258.644");
    ClaimResult kilodaltons = result("chem-kilodaltons");
    assertThat(kilodaltons.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(kilodaltons.recomputed()).isCloseTo(17.2576, within(1e-12));
  }

  @Test
  void sixtyWeeksAreNotFifteenMonths() {
    // R: 60*7*12/365.25 = 13.7987679671458
    ClaimResult r = result("duration-experience-months");
    assertThat(r.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.recomputed()).isCloseTo(13.7987679671458, within(1e-12));
    assertThat(r.difference()).isCloseTo(13.7987679671458 - 15, within(1e-12));
  }

  @Test
  void crossChecksBetweenSections() {
    // the same figure printed twice agrees: consistent, not an independent recomputation
    assertThat(result("summary-eu-approval").verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(result("drugbox-bioavailability").verdict()).isEqualTo(Verdict.CONSISTENT);
    ClaimResult ukCells = result("approvals-table-uk-2018-cells");
    assertThat(ukCells.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(ukCells.difference()).isEqualTo(1.0);
  }

  @Test
  void verdictTotals() {
    Map<Verdict, Long> totals = new EnumMap<>(Verdict.class);
    for (ClaimResult r : ordered) {
      totals.merge(r.verdict(), 1L, Long::sum);
    }
    // the 19 confirmations of before, split by what confirms them: 5 recomputed from other
    // figures, 12 the same figure printed twice, 2 percentages only shown attainable with n
    assertThat(totals)
        .containsEntry(Verdict.REPRODUCED, 5L)
        .containsEntry(Verdict.CONSISTENT, 12L)
        .containsEntry(Verdict.ATTAINABLE, 2L)
        .containsEntry(Verdict.DISCREPANCY, 5L)
        .containsEntry(Verdict.NOT_CHECKABLE, 91L);
    assertThat(Verdict.NOT_CHECKABLE.label()).isEqualTo("not checkable");
    assertThat(Verdict.summary(Verdict.count(ordered.stream().map(ClaimResult::verdict).toList())))
        .isEqualTo(
            "5 reproduced, 12 consistent with another statement, 2 attainable with its n,"
                + " 5 discrepancies, 91 not checkable");
  }

  @Test
  void notesAreAppendedToTheDetail() {
    assertThat(result("dosage-interval-hours").detail())
        .isEqualTo(
            "Recorded with its source; no arithmetic relates it to other figures. Note: Once daily"
                + " is read as a dosing interval of 24 hours.");
  }
}
