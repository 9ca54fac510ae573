package org.trialstats.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.adam.AdaeSpec;
import org.trialstats.adam.AdslSpec;
import org.trialstats.adam.AdverseEvents;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.AeTableSpec;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.Condition;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.DatasetVariable;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.adam.PilotData;
import org.trialstats.adam.Population;
import org.trialstats.adam.RowLevel;
import org.trialstats.adam.RowOrder;
import org.trialstats.adam.VariableType;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.RateRatioMethod;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;

/**
 * Adverse-event tables of the CDISC pilot study (shared/data/cdiscpilot01), checked against the
 * counts stated in issue 5 and, row by row, against an independent pandas computation
 * (fixtures/make_pilot_ae_reference.py).
 */
public class AeIncidencePilotTest {
  @TempDir Path dir;

  /**
   * The statistics of the adverse-event tests: Wald risk differences, Katz risk ratios (not
   * estimable with a zero count in an arm), exact Poisson rates and exact conditional rate ratios
   * (not estimable without events in either arm), 95% confidence.
   */
  public static AeTableSpec spec(ExposureDefinition exposure, RowOrder order, double minPercent) {
    return new AeTableSpec(null, 0.95, RiskDifferenceMethod.WALD, RiskRatioMethod.KATZ, exposure,
        RateMethod.EXACT, RateRatioMethod.EXACT_CONDITIONAL, order, minPercent);
  }

  static AeTable table(Path adslFile, Path adaeFile, AdaeSpec adaeSpec, AeTableSpec spec)
      throws IOException {
    Population population;
    try (DatasetReader adsl = DatasetReader.open(adslFile)) {
      population = Population.read(adsl, AdslSpec.defaults());
    }
    AdverseEvents events;
    try (DatasetReader adae = DatasetReader.open(adaeFile)) {
      events = AdverseEvents.read(adae, adaeSpec, population);
    }
    return AeIncidence.compute(population, events, spec);
  }

  static AeTable pilot(AdaeSpec adaeSpec, AeTableSpec spec) throws IOException {
    Path folder = PilotData.require();
    return table(folder.resolve("adsl.xpt"), folder.resolve("adae.xpt"), adaeSpec, spec);
  }

  @Test
  void reproducesTheCountsOfTheIssue() throws IOException {
    AeTable t = pilot(AdaeSpec.defaults(),
        spec(ExposureDefinition.TREATMENT_DURATION, RowOrder.FREQUENCY, 0));
    // arms ordered by TRT01AN (0, 54, 81); control = Placebo
    assertThat(t.arms()).containsExactly("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose");
    assertThat(t.controlArm()).isEqualTo("Placebo");
    assertThat(t.population().armSizes()).containsExactly(86, 84, 84);
    // issue 5 (Placebo, Low, High): any TEAE 65/86, 77/84, 76/84
    assertThat(counts(t.rows().get(0))).containsExactly(65L, 77L, 76L);
    assertThat(counts(term(t, "APPLICATION SITE PRURITUS"))).containsExactly(6L, 22L, 22L);
    assertThat(counts(term(t, "PRURITUS"))).containsExactly(8L, 21L, 26L);
    assertThat(counts(term(t, "APPLICATION SITE ERYTHEMA"))).containsExactly(3L, 12L, 15L);
    assertThat(counts(term(t, "DIZZINESS"))).containsExactly(2L, 8L, 11L);
    assertThat(t.notes()).isEmpty();
    assertThat(t.events().events()).hasSize(1126);
  }

  @Test
  void statisticsOfOneRowMatchR() throws IOException {
    AeTable t = pilot(AdaeSpec.defaults(),
        spec(ExposureDefinition.TREATMENT_DURATION, RowOrder.FREQUENCY, 0));
    ArmComparison high = term(t, "APPLICATION SITE PRURITUS").comparisons().get(1);
    assertThat(high.arm()).isEqualTo("Xanomeline High Dose");
    // R 4.2.2: p1 <- 22/84; p2 <- 6/86; se <- sqrt(p1*(1-p1)/84 + p2*(1-p2)/86);
    //   p1 - p2 + c(0, -1, 1) * qnorm(0.975) * se -> 0.192137320044297 0.0837889246136093 0.300485715474984
    assertEstimate(high.riskDifference().estimate(),
        0.192137320044297, 0.0837889246136093, 0.300485715474984);
    // R: exp(log(p1/p2) + c(0,-1,1) * qnorm(0.975) * sqrt(1/22 - 1/84 + 1/6 - 1/86))
    //   -> 3.75396825396825 1.60265909835358 8.79306002522842
    assertEstimate(high.riskRatio().estimate(), 3.75396825396825, 1.60265909835358,
        8.79306002522842);
    // any TEAE, high dose: 76 subjects over sum(TRTDUR) = 8349 days
    // R: poisson.test(76, 8349/365.25) * 100 -> 332.482932087675 261.958734385851 416.151968677169
    ArmCount anyHigh = t.rows().get(0).arms().get(2);
    assertThat(anyHigh.exposureYears()).isCloseTo(8349 / 365.25, within(1e-12));
    assertEstimate(anyHigh.rate().estimate(), 332.482932087675, 261.958734385851,
        416.151968677169);
    // R: poisson.test(c(76, 65), c(8349, 12820)/365.25) -> 1.79536932106102 1.27224981628539 2.53987012531926
    assertEstimate(t.rows().get(0).comparisons().get(1).rateRatio().estimate(),
        1.79536932106102, 1.27224981628539, 2.53987012531926);
  }

  @ParameterizedTest
  @CsvSource({"all,duration", "all,first-event", "serious,duration", "serious,first-event"})
  void everyRowMatchesPandas(String variant, String exposure) throws IOException {
    AdaeSpec adae = variant.equals("serious")
        ? AdaeSpec.defaults().withConditions(List.of(Condition.parse("AESER=Y")))
        : AdaeSpec.defaults();
    ExposureDefinition definition = ExposureDefinition.fromId(exposure);
    AeTable t = pilot(adae, spec(definition, RowOrder.FREQUENCY, 0));
    Map<String, CSVRecord> reference = reference(variant);
    int checked = 0;
    for (AeRow row : t.rows()) {
      for (ArmCount cell : row.arms()) {
        CSVRecord ref = reference.remove(
            key(row.level().name(), row.soc(), row.term(), cell.arm()));
        assertThat(ref).as("row %s %s %s", row.level(), row.soc(), row.term()).isNotNull();
        assertThat(cell.subjects()).isEqualTo(Long.parseLong(ref.get("subjects")));
        assertThat(cell.n()).isEqualTo(Long.parseLong(ref.get("n")));
        double days = Double.parseDouble(ref.get(
            definition == ExposureDefinition.TREATMENT_DURATION ? "duration_days"
                : "first_event_days"));
        assertThat(cell.exposureYears() * 365.25).isCloseTo(days, within(1e-9 * days));
        checked++;
      }
    }
    assertThat(reference).as("rows pandas has that the table lacks").isEmpty();
    assertThat(checked).isEqualTo(variant.equals("all") ? 774 - 12 : 12);
  }

  @Test
  void rowsAreOrderedByFrequencyInTheTreatmentArms() throws IOException {
    AeTable t = pilot(AdaeSpec.defaults(),
        spec(ExposureDefinition.NONE, RowOrder.FREQUENCY, 0));
    List<AeRow> socs = t.rows().stream().filter(r -> r.level() == RowLevel.SOC).toList();
    assertThat(socs.get(0).soc()).isEqualTo("GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS");
    assertThat(socs).extracting(AeIncidencePilotTest::treatmentSubjects)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    AeRow previous = null;
    for (AeRow row : t.rows()) {
      if (row.level() == RowLevel.TERM && previous != null && previous.level() == RowLevel.TERM) {
        assertThat(treatmentSubjects(row)).isLessThanOrEqualTo(treatmentSubjects(previous));
      }
      previous = row;
    }
  }

  @Test
  void csvExportGivesTheSameTableAsTheTransportFiles() throws IOException {
    Path folder = PilotData.require();
    Path adsl = exportCsv(folder.resolve("adsl.xpt"), dir.resolve("adsl.csv"));
    Path adae = exportCsv(folder.resolve("adae.xpt"), dir.resolve("adae.csv"));
    AeTableSpec spec = spec(ExposureDefinition.TIME_TO_FIRST_EVENT,
        RowOrder.FREQUENCY, 0);
    AeTable fromXpt = pilot(AdaeSpec.defaults(), spec);
    AeTable fromCsv = table(adsl, adae, AdaeSpec.defaults(), spec);
    assertThat(fromCsv.rows()).isEqualTo(fromXpt.rows());
  }

  /** Writes a data set as CSV, dates (DATE format) as ISO dates like R's write.csv does. */
  private static Path exportCsv(Path xpt, Path csv) throws IOException {
    try (DatasetReader in = DatasetReader.open(xpt);
        CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv), CSVFormat.DEFAULT)) {
      List<DatasetVariable> vars = in.variables();
      out.printRecord(vars.stream().map(DatasetVariable::name).toList());
      while (in.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
          double value = vars.get(i).type() == VariableType.NUMERIC ? in.number(i) : Double.NaN;
          row.add(vars.get(i).format().startsWith("DATE") && !Double.isNaN(value)
              ? java.time.LocalDate.ofEpochDay((long) value - 3653).toString()
              : in.text(i));
        }
        out.printRecord(row);
      }
    }
    return csv;
  }

  private static long treatmentSubjects(AeRow row) {
    return row.arms().get(1).subjects() + row.arms().get(2).subjects();
  }

  private Map<String, CSVRecord> reference(String variant) throws IOException {
    Map<String, CSVRecord> rows = new HashMap<>();
    try (Reader in = new InputStreamReader(Objects.requireNonNull(
        getClass().getResourceAsStream("fixtures/pilot_ae_reference.csv")),
        StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
        if (r.get("variant").equals(variant)) {
          rows.put(key(r.get("level"), r.get("soc"), r.get("term"), r.get("arm")), r);
        }
      }
    }
    return rows;
  }

  private static String key(String level, String soc, String term, String arm) {
    return String.join("\u0001", level, soc, term, arm);
  }

  static AeRow term(AeTable t, String term) {
    return t.rows().stream()
        .filter(r -> r.level() == RowLevel.TERM && r.term().equals(term))
        .findFirst()
        .orElseThrow();
  }

  static List<Long> counts(AeRow row) {
    return row.arms().stream().map(ArmCount::subjects).toList();
  }

  static void assertEstimate(Estimate e, double estimate, double lower, double upper) {
    assertThat(e.estimate()).isCloseTo(estimate, within(1e-12 * Math.abs(estimate)));
    assertThat(e.lower()).isCloseTo(lower, within(1e-9 * Math.abs(lower)));
    assertThat(e.upper()).isCloseTo(upper, within(1e-9 * Math.abs(upper)));
  }
}
