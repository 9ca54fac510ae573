package org.trialstats.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstats.analysis.AeIncidencePilotTest.counts;
import static org.trialstats.analysis.AeIncidencePilotTest.spec;
import static org.trialstats.analysis.AeIncidencePilotTest.term;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.adam.AdaeSpec;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.AdslSpec;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.AeTableSpec;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.Condition;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.ExposureDataException;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.adam.Population;
import org.trialstats.adam.RowLevel;
import org.trialstats.adam.RowOrder;
import org.trialstats.stats.RiskDifferenceMethod;

/** Counting rules, filters, ordering and exposure on small hand-made ADSL/ADAE data sets. */
class AeIncidenceTest {
  @TempDir Path dir;

  private Path adsl;
  private Path adae;

  /**
   * Six subjects: A1-A3 on "Active" (TRT01AN 1), P1-P2 on "Placebo" (TRT01AN 0), X1 not in the
   * safety population. Durations 100, 200, 300, 365.25, 730.5 and 50 days.
   */
  private void data(String... adaeLines) throws IOException {
    adsl =
        Files.writeString(
            dir.resolve("adsl.csv"),
            """
            USUBJID,SAFFL,TRT01A,TRT01AN,TRTDUR,TRTSDT
            A1,Y,Active,1,100,2014-01-01
            A2,Y,Active,1,200,2014-01-01
            A3,Y,Active,1,300,2014-01-01
            P1,Y,Placebo,0,365.25,2014-01-01
            P2,Y,Placebo,0,730.5,2014-01-01
            X1,N,Active,1,50,2014-01-01
            """);
    adae =
        Files.writeString(
            dir.resolve("adae.csv"),
            "USUBJID,TRTEMFL,AEBODSYS,AEDECOD,AESER,ASTDT\n" + String.join("\n", adaeLines) + "\n");
  }

  private AeTable table(AdaeSpec adaeSpec, AeTableSpec spec) throws IOException {
    return AeIncidencePilotTest.table(adsl, adae, adaeSpec, spec);
  }

  private AeTable table(ExposureDefinition exposure) throws IOException {
    return table(AdaeSpec.defaults(), spec(exposure, RowOrder.FREQUENCY, 0));
  }

  @Test
  void subjectsAreCountedOncePerRowAndOnlyInThePopulation() throws IOException {
    data(
        "A1,Y,SKIN,RASH,N,2014-01-10",
        "A1,Y,SKIN,RASH,N,2014-01-20",
        "A1,Y,SKIN,PRURITUS,N,2014-01-05",
        "A2,Y,SKIN,PRURITUS,Y,2014-02-01",
        "A3,N,SKIN,RASH,N,2013-12-01",
        "P1,Y,NERVOUS,HEADACHE,N,2014-03-01",
        "X1,Y,SKIN,RASH,N,2014-01-02",
        "Z9,Y,SKIN,RASH,N,2014-01-02",
        "P2,Y,,,N,2014-01-03");
    AeTable t = table(ExposureDefinition.NONE);
    assertThat(t.arms()).containsExactly("Placebo", "Active");
    assertThat(t.population().armSizes()).containsExactly(2, 3);
    assertThat(t.rows())
        .extracting(AeRow::level, AeRow::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RowLevel.ANY, ""),
            org.assertj.core.groups.Tuple.tuple(RowLevel.SOC, "SKIN"),
            org.assertj.core.groups.Tuple.tuple(RowLevel.TERM, "PRURITUS"),
            org.assertj.core.groups.Tuple.tuple(RowLevel.TERM, "RASH"),
            org.assertj.core.groups.Tuple.tuple(RowLevel.SOC, "NERVOUS"),
            org.assertj.core.groups.Tuple.tuple(RowLevel.TERM, "HEADACHE"),
            org.assertj.core.groups.Tuple.tuple(RowLevel.SOC, "Uncoded"),
            org.assertj.core.groups.Tuple.tuple(RowLevel.TERM, "Uncoded"));
    assertThat(counts(t.rows().get(0))).containsExactly(2L, 2L);
    assertThat(counts(t.rows().get(1))).containsExactly(0L, 2L);
    assertThat(counts(term(t, "RASH"))).containsExactly(0L, 1L);
    assertThat(counts(term(t, "PRURITUS"))).containsExactly(0L, 2L);
    assertThat(t.notes())
        .containsExactly(
            "1 selected adae.csv record(s) of subjects outside the population (or in an arm not"
                + " shown) are not counted.",
            "1 selected adae.csv record(s) belong to subjects missing from ADSL and are not"
                + " counted.",
            "1 selected record(s) have no system organ class or preferred term and are shown as"
                + " \"Uncoded\".");
    assertThat(term(t, "PRURITUS").arms().get(1).percent()).isCloseTo(200.0 / 3, within(1e-12));
  }

  @Test
  void filtersThresholdsAndOrders() throws IOException {
    data(
        "A1,Y,SKIN,RASH,N,2014-01-10",
        "A2,Y,SKIN,ACNE,Y,2014-01-10",
        "A3,Y,SKIN,ACNE,N,2014-01-10",
        "P1,Y,CARDIAC,ANGINA,Y,2014-01-10",
        "P2,Y,CARDIAC,ANGINA,N,2014-01-10",
        "A1,Y,CARDIAC,PALPITATIONS,N,2014-01-10");
    AdaeSpec serious = AdaeSpec.defaults().withConditions(List.of(Condition.parse("AESER=Y")));
    AeTable s = table(serious, spec(ExposureDefinition.NONE, RowOrder.FREQUENCY, 0));
    assertThat(s.rows())
        .extracting(AeRow::name)
        .containsExactly("", "SKIN", "ACNE", "CARDIAC", "ANGINA");
    assertThat(counts(s.rows().get(0))).containsExactly(1L, 1L);

    AeTableSpec alphabetical = spec(ExposureDefinition.NONE, RowOrder.ALPHABETICAL, 0);
    assertThat(table(AdaeSpec.defaults(), alphabetical).rows())
        .extracting(AeRow::name)
        .containsExactly("", "CARDIAC", "ANGINA", "PALPITATIONS", "SKIN", "ACNE", "RASH");
    AeTableSpec socAlpha = spec(ExposureDefinition.NONE, RowOrder.SOC_ALPHABETICAL, 0);
    assertThat(table(AdaeSpec.defaults(), socAlpha).rows())
        .extracting(AeRow::name)
        .containsExactly("", "CARDIAC", "PALPITATIONS", "ANGINA", "SKIN", "ACNE", "RASH");
    // frequency: SKIN has 3 active subjects, CARDIAC 1; ANGINA (0 active) after PALPITATIONS
    AeTable frequency = table(ExposureDefinition.NONE);
    assertThat(frequency.rows())
        .extracting(AeRow::name)
        .containsExactly("", "SKIN", "ACNE", "RASH", "CARDIAC", "PALPITATIONS", "ANGINA");
    // threshold 50%: ACNE 2/3 and ANGINA 2/2 stay, RASH 1/3 and PALPITATIONS 1/3 go;
    // exactly 50% would stay (100 x >= p n)
    AeTableSpec half = spec(ExposureDefinition.NONE, RowOrder.FREQUENCY, 50);
    assertThat(table(AdaeSpec.defaults(), half).rows())
        .extracting(AeRow::name)
        .containsExactly("", "SKIN", "ACNE", "CARDIAC", "ANGINA");
    AeTableSpec high = spec(ExposureDefinition.NONE, RowOrder.FREQUENCY, 100);
    assertThat(table(AdaeSpec.defaults(), high).rows())
        .extracting(AeRow::name)
        .containsExactly("", "CARDIAC", "ANGINA");
    AdaeSpec notSerious = AdaeSpec.defaults().withConditions(List.of(Condition.parse("AESER!=Y")));
    assertThat(
            counts(
                table(notSerious, spec(ExposureDefinition.NONE, RowOrder.FREQUENCY, 0))
                    .rows()
                    .get(0)))
        .containsExactly(1L, 2L); // P2; A1 and A3
  }

  @Test
  void exposureByDurationAndByTimeToFirstEvent() throws IOException {
    data(
        "A1,Y,SKIN,RASH,N,2014-01-10",
        "A1,Y,SKIN,RASH,N,2014-01-05",
        "P2,Y,SKIN,RASH,N,2014-12-31");
    AeTable duration = table(ExposureDefinition.TREATMENT_DURATION);
    ArmCount activeRash = term(duration, "RASH").arms().get(1);
    assertThat(activeRash.exposureYears()).isCloseTo(600 / 365.25, within(1e-12));
    assertThat(term(duration, "RASH").arms().get(0).exposureYears()).isCloseTo(3, within(1e-12));
    // time to first event: A1's first RASH on 2014-01-05 = day 5 (day 1 = 2014-01-01), so
    // Active = 5 + 200 + 300 days; P2's on day 365, so Placebo = 365.25 + 365 days
    AeTable first = table(ExposureDefinition.TIME_TO_FIRST_EVENT);
    assertThat(term(first, "RASH").arms().get(1).exposureYears())
        .isCloseTo(505 / 365.25, within(1e-12));
    assertThat(term(first, "RASH").arms().get(0).exposureYears())
        .isCloseTo(730.25 / 365.25, within(1e-12));
    // rate: 1 subject / (505/365.25) years * 100
    ArmCount rate = term(first, "RASH").arms().get(1);
    assertThat(rate.rate().estimate().estimate()).isCloseTo(100 * 365.25 / 505, within(1e-9));
  }

  @Test
  void missingOnsetOrExposureIsAClearError() throws IOException {
    data("A1,Y,SKIN,RASH,N,");
    assertThatThrownBy(() -> table(ExposureDefinition.TIME_TO_FIRST_EVENT))
        .isInstanceOf(ExposureDataException.class)
        .hasMessage(
            "time to first event: subject A1 has an event with no onset date or study day"
                + " in the 'any event' row")
        .extracting(e -> ((ExposureDataException) e).alternative())
        .isEqualTo(ExposureDefinition.TREATMENT_DURATION);
    assertThat(counts(table(ExposureDefinition.TREATMENT_DURATION).rows().get(0)))
        .containsExactly(0L, 1L);
    Files.writeString(adsl, "USUBJID,SAFFL,TRT01A\nA1,Y,Active\nP1,Y,Placebo\n");
    assertThatThrownBy(() -> table(ExposureDefinition.TREATMENT_DURATION))
        .isInstanceOf(ExposureDataException.class)
        .hasMessage(
            "adsl.csv: exposure-adjusted rates need a positive treatment duration for"
                + " every subject, but 2 subject(s) have none (A1, P1; ADSL has neither a duration"
                + " variable nor start and end dates)")
        .extracting(e -> ((ExposureDataException) e).alternative())
        .isEqualTo(ExposureDefinition.NONE);
    // without TRT01AN the arms are alphabetical: Active, Placebo
    assertThat(counts(table(ExposureDefinition.NONE).rows().get(0))).containsExactly(1L, 0L);
  }

  @Test
  void notEstimableComparisonsAreKeptWithTheirReason() throws IOException {
    data("A1,Y,SKIN,RASH,N,2014-01-10");
    AeTable t = table(ExposureDefinition.TREATMENT_DURATION);
    ArmComparison c = term(t, "RASH").comparisons().get(0);
    assertThat(c.riskDifference().estimable()).isTrue();
    assertThat(c.riskRatio().estimable()).isFalse();
    assertThat(c.riskRatio().notEstimable())
        .isEqualTo(
            "katz: the log risk ratio has no finite variance with zero events in an arm (1/3 vs"
                + " 0/2); use koopman or mn (score intervals)");
    assertThat(c.rateRatio().estimate().upper()).isInfinite();
  }

  @Test
  void controlArmArmsAndPopulationChoices() throws IOException {
    data("A1,Y,SKIN,RASH,N,2014-01-10");
    AeTableSpec activeControl =
        new AeTableSpec(
            "active",
            0.9,
            RiskDifferenceMethod.WALD,
            null,
            ExposureDefinition.NONE,
            null,
            null,
            RowOrder.FREQUENCY,
            0);
    AeTable t = table(AdaeSpec.defaults(), activeControl);
    assertThat(t.controlArm()).isEqualTo("Active");
    assertThat(t.treatmentArms()).containsExactly("Placebo");
    assertThat(t.rows().get(0).comparisons().get(0).riskRatio()).isNull();
    AeTableSpec unknown =
        new AeTableSpec(
            "Dummy",
            0.9,
            RiskDifferenceMethod.WALD,
            null,
            ExposureDefinition.NONE,
            null,
            null,
            RowOrder.FREQUENCY,
            0);
    assertThatThrownBy(() -> table(AdaeSpec.defaults(), unknown))
        .isInstanceOf(AdamDataException.class)
        .hasMessage("control arm 'Dummy' is not one of the arms [Placebo, Active]");

    try (DatasetReader r = DatasetReader.open(adsl)) {
      Population all =
          Population.read(
              r,
              new AdslSpec(
                  "USUBJID",
                  null,
                  "TRT01A",
                  List.of("Active", "Placebo"),
                  "TRTDUR",
                  "TRTSDT",
                  "TRTEDT"));
      assertThat(all.arms()).containsExactly("Active", "Placebo");
      assertThat(all.armSizes()).containsExactly(4, 2);
      assertThat(all.description()).isEqualTo("All subjects in ADSL");
      assertThat(all.exposureSource()).isEqualTo("TRTDUR (days)");
    }
    try (DatasetReader r = DatasetReader.open(adsl)) {
      AdslSpec wrongArm =
          new AdslSpec(
              "USUBJID", "SAFFL", "TRT01A", List.of("Dummy"), "TRTDUR", "TRTSDT", "TRTEDT");
      assertThatThrownBy(() -> Population.read(r, wrongArm))
          .isInstanceOf(AdamDataException.class)
          .hasMessage(
              "adsl.csv: no subject in the population has TRT01A = 'Dummy'; the arms are"
                  + " [Active, Placebo]");
    }
    Files.writeString(adsl, "USUBJID,SAFFL,TRT01A\nA1,Y,Active\nA1,Y,Placebo\n");
    try (DatasetReader r = DatasetReader.open(adsl)) {
      assertThatThrownBy(() -> Population.read(r, AdslSpec.defaults()))
          .isInstanceOf(AdamDataException.class)
          .hasMessage(
              "adsl.csv, line 3: subject A1 occurs twice in ADSL (adsl.csv, line 2 and"
                  + " here); USUBJID must identify one subject");
    }
  }

  @Test
  void conditionsParse() {
    assertThat(Condition.parse("AESEV=SEVERE|MODERATE").accepts("MODERATE")).isTrue();
    assertThat(Condition.parse("AESEV=SEVERE|MODERATE").accepts("MILD")).isFalse();
    assertThat(Condition.parse("AESER!=Y").accepts("N")).isTrue();
    assertThat(Condition.parse("AESER != Y").toString()).isEqualTo("AESER ≠ Y");
    assertThatThrownBy(() -> Condition.parse("AESER"))
        .isInstanceOf(AdamDataException.class)
        .hasMessage("filter 'AESER' must be VAR=value, VAR=v1|v2 or VAR!=value (e.g. AESER=Y)");
  }
}
