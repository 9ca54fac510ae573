package org.trialstats.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.io.InvalidDataException;
import org.trialstats.stats.Counts;
import org.trialstats.stats.Measure;
import org.trialstats.stats.Request;
import org.trialstats.stats.RiskRatioMethod;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

class RequestFieldsTest {

  private static Map<String, String> row(String... namesAndValues) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  @Test
  void readsEveryColumnOfABatchRow() {
    RequestFields.Fields r =
        RequestFields.read(
            row(
                "measure", " rate-diff ",
                "method", " wald ",
                "events1", "+12",
                "n1", "",
                "events2", "7",
                "exposure1", "1500.5",
                "exposure2", "1.2e3",
                "per", "100",
                "level", "0.9",
                "unrelated", "ignored"));
    assertThat(r)
        .isEqualTo(
            new RequestFields.Fields(
                Measure.RATE_DIFF, "wald", 12L, null, 7L, null, 1500.5, 1200.0, null, 100, 0.9));
  }

  @Test
  void blankPerAndLevelTakeTheirDefaults() {
    RequestFields.Fields r = RequestFields.read(row("measure", "rd", "per", " ", "level", ""));
    assertThat(r.per()).isEqualTo(1.0);
    assertThat(r.level()).isEqualTo(0.95);
    assertThat(r.method()).isEmpty();
  }

  @Test
  void aMissingMeasureIsNamed() {
    assertThatThrownBy(() -> RequestFields.read(row("method", "wilson")))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("field 'measure' is empty");
  }

  @Test
  void anUnknownMeasureListsTheKnownOnes() {
    assertThatThrownBy(() -> RequestFields.read(row("measure", "hr")))
        .isInstanceOf(StatsException.class)
        .hasMessageStartingWith("unknown measure 'hr'; expected one of [proportion, rd,");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "n1|1.5|field 'n1': expected a whole number >= 0, got '1.5'",
        "events2|-3|field 'events2': expected a whole number >= 0, got '-3'",
        "n2|12345678901234567890|field 'n2': expected a whole number >= 0, got"
            + " '12345678901234567890'",
        "n1|9999999999999999999|field 'n1': number too large: '9999999999999999999'",
        "level|1d|field 'level': expected a finite decimal number, got '1d'",
        "per|0x1p3|field 'per': expected a finite decimal number, got '0x1p3'",
        "exposure1|Infinity|field 'exposure1': expected a finite decimal number, got 'Infinity'",
        "expected|NaN|field 'expected': expected a finite decimal number, got 'NaN'",
        "exposure2|1,5|field 'exposure2': expected a finite decimal number, got '1,5'"
      })
  void aMalformedNumberNamesItsFieldAndWhatWasExpected(String field, String value, String message) {
    assertThatThrownBy(() -> RequestFields.read(row("measure", "rd", field, value)))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage(message);
  }

  @Test
  void aLongValueIsAbbreviatedInTheMessage() {
    String value = "x".repeat(50);
    assertThatThrownBy(() -> RequestFields.read(row("measure", "rd", "n1", value)))
        .hasMessage("field 'n1': expected a whole number >= 0, got '" + "x".repeat(37) + "...'");
  }

  @Test
  void theLargestLongIsACount() {
    RequestFields.Fields r = RequestFields.read(row("measure", "rd", "n1", "9223372036854775807"));
    assertThat(r.n1()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aRowWithSeveralFaultsReportsThemInAFixedOrder() {
    // level before the size of a count, the size of a count before the method id, the method id
    // before a missing count, the first arm before the second
    assertThatThrownBy(
            () ->
                RequestFields.parse(
                    row("measure", "rd", "method", "x", "n1", "3000000000", "level", "1.5")))
        .hasMessage("level must be strictly between 0 and 1, got 1.5");
    assertThatThrownBy(
            () -> RequestFields.parse(row("measure", "rd", "method", "x", "n2", "3000000000")))
        .hasMessageStartingWith("n2 = 3000000000 is above 2 x 10^9");
    assertThatThrownBy(() -> RequestFields.parse(row("measure", "rd", "method", "x")))
        .hasMessageStartingWith("unknown rd method 'x'");
    assertThatThrownBy(
            () ->
                RequestFields.parse(
                    row("measure", "rd", "method", "mn", "events1", "5", "n1", "3", "n2", "4")))
        .hasMessage("events (5) must not exceed n (3)");
    assertThatThrownBy(
            () -> RequestFields.parse(row("measure", "rd", "method", "mn", "events1", "1")))
        .hasMessage("n1 is required for this measure");
  }

  @Test
  void theTypedRequestCarriesTheMethodConstantAndTheCounts() {
    Request r =
        RequestFields.parse(
            row(
                "measure",
                "rr",
                "method",
                "Exact-Unconditional",
                "events1",
                "3",
                "n1",
                "10",
                "events2",
                "7",
                "n2",
                "12",
                "berger_boos",
                "0.001"));
    assertThat(r.method()).isEqualTo(RiskRatioMethod.EXACT_UNCONDITIONAL);
    assertThat(r.counts()).isEqualTo(new Counts.TwoArms(TwoByTwo.of(3, 10, 7, 12), 0.001));
    assertThat(r.level()).isEqualTo(0.95);
    Request rate =
        RequestFields.parse(
            row(
                "measure",
                "rate-ratio",
                "method",
                "wald",
                "events1",
                "3",
                "exposure1",
                "10",
                "events2",
                "4",
                "exposure2",
                "20",
                "per",
                "100"));
    // a ratio of rates has no scale: per is not used
    assertThat(((Counts.TwoRates) rate.counts()).per()).isEqualTo(1.0);
  }
}
