package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialstats.io.InputFile;

/**
 * Loads the shipped dataset {@code datasets/anakinra} (tests run with the project root as working
 * directory) and checks its content against the two source texts in ../shared/sources
 * (anakinra-article.txt, anakinra-summary.txt), figure by figure.
 */
class AnakinraDatasetTest {
  private static final Path DIRECTORY = Path.of("datasets", "anakinra");
  private static Dataset dataset;

  @BeforeAll
  static void load() {
    dataset = DatasetLoader.load(DIRECTORY);
  }

  @Test
  void headerAndCounts() {
    assertThat(dataset.id()).isEqualTo("anakinra");
    assertThat(dataset.drug()).isEqualTo("anakinra (Kineret)");
    assertThat(dataset.directory()).isEqualTo(DIRECTORY);
    assertThat(dataset.sources()).hasSize(34);
    assertThat(dataset.comparisons())
        .extracting(Comparison::id)
        .containsExactly("acr20-24w", "injection-site-reactions-cochrane");
    assertThat(dataset.rates()).extracting(RateFigure::id).containsExactly("lymphoma-incidence");
    assertThat(dataset.sirs())
        .extracting(SirFigure::id)
        .containsExactly("lymphoma-general-population", "melanoma-study-4");
    assertThat(dataset.claims()).hasSize(115);
    assertThat(dataset.approvals()).hasSize(14);
  }

  @Test
  void acr20ComparisonKeepsOnlyThePrintedPercentages() {
    // article, Indications: 38% of 250 (anakinra + methotrexate) vs 22% of 251 (methotrexate)
    Comparison acr = dataset.comparison("acr20-24w");
    assertThat(acr.timepoint()).isEqualTo("24 weeks");
    assertThat(acr.sourceId()).isEqualTo("article-efficacy");
    Arm treatment = acr.treatment();
    assertThat(treatment.n()).isEqualTo(250);
    assertThat(treatment.events()).isNull();
    assertThat(treatment.eventsDerived()).isTrue();
    assertThat(treatment.reportedPercent().value()).isEqualTo(38.0);
    assertThat(treatment.reportedPercent().decimals()).isZero();
    assertThat(treatment.reportedPercent().asReported()).isEqualTo("38%");
    // 94/250 = 37.6%, 95/250 = 38.0%, 96/250 = 38.4%; 93 -> 37.2%, 97 -> 38.8%
    assertThat(treatment.compatibleEvents()).containsExactly(94L, 95L, 96L);
    assertThat(treatment.primaryEvents()).isEqualTo(95);
    Arm control = acr.control();
    assertThat(control.n()).isEqualTo(251);
    // 54/251 = 21.51%, 55/251 = 21.91%, 56/251 = 22.31%; 53 -> 21.12%, 57 -> 22.71%
    assertThat(control.compatibleEvents()).containsExactly(54L, 55L, 56L);
    // 22% x 251 = 55.22 -> 55
    assertThat(control.primaryEvents()).isEqualTo(55);
  }

  @Test
  void injectionSiteComparisonHasTheCochraneCounts() {
    // article, Malignancies (Cochrane paragraph): 1235/1729 (71%) vs 204/729 (28%)
    Comparison isr = dataset.comparison("injection-site-reactions-cochrane");
    assertThat(isr.treatment().events()).isEqualTo(1235L);
    assertThat(isr.treatment().n()).isEqualTo(1729);
    assertThat(isr.treatment().reportedPercent().value()).isEqualTo(71.0);
    assertThat(isr.control().events()).isEqualTo(204L);
    assertThat(isr.control().n()).isEqualTo(729);
    assertThat(isr.control().reportedPercent().value()).isEqualTo(28.0);
    assertThat(isr.treatment().eventsDerived()).isFalse();
    assertThat(isr.treatment().compatibleEvents()).containsExactly(1235L);
    assertThat(isr.sourceId()).isEqualTo("article-cochrane");
    assertThat(dataset.source("article-cochrane").citation())
        .contains("Mertens M, Singh JA")
        .contains("CD005121");
  }

  @Test
  void lymphomaRateAndRatios() {
    // article, Malignancies: 8 lymphomas, 5,300 patients, mean 15 months, ~6,400 patient-years,
    // 0.12 per 100 patient-years, 3.6-fold the general population; 3 melanomas vs 1 expected
    RateFigure rate = dataset.rate("lymphoma-incidence");
    assertThat(rate.events()).isEqualTo(8);
    assertThat(rate.patientYears()).isEqualTo(6400.0);
    assertThat(rate.patients()).isEqualTo(5300L);
    assertThat(rate.meanFollowUpMonths()).isEqualTo(15.0);
    assertThat(rate.per()).isEqualTo(100.0);
    assertThat(rate.reportedRate().value()).isEqualTo(0.12);
    assertThat(rate.reportedRate().decimals()).isEqualTo(2);
    // 8 / 6400 * 100 = 0.125 exactly
    assertThat(rate.rate()).isCloseTo(0.125, within(1e-15));

    SirFigure lymphoma = dataset.sir("lymphoma-general-population");
    assertThat(lymphoma.observed()).isEqualTo(8);
    // expected = 8 / 3.6 = 2.2222..., derived and said so
    assertThat(lymphoma.expected()).isCloseTo(8 / 3.6, within(1e-12));
    assertThat(lymphoma.expectedDerivation()).startsWith("8 / 3.6 = 2.222").contains("derived");
    assertThat(lymphoma.reportedRatio().value()).isEqualTo(3.6);
    assertThat(lymphoma.ratio()).isCloseTo(3.6, within(1e-12));

    SirFigure melanoma = dataset.sir("melanoma-study-4");
    assertThat(melanoma.observed()).isEqualTo(3);
    assertThat(melanoma.expected()).isEqualTo(1.0);
    assertThat(melanoma.reportedRatio()).isNull();
    assertThat(melanoma.expectedDerivation()).isEqualTo("printed: 1 case expected");
    assertThat(melanoma.ratio()).isEqualTo(3.0);
  }

  @Test
  void everyReferenceNamesAKnownSource() {
    Set<String> ids = dataset.sources().stream().map(Source::id).collect(Collectors.toSet());
    assertThat(dataset.claims()).allSatisfy(c -> assertThat(ids).contains(c.sourceId()));
    assertThat(dataset.comparisons()).allSatisfy(c -> assertThat(ids).contains(c.sourceId()));
    assertThat(dataset.rates()).allSatisfy(r -> assertThat(ids).contains(r.sourceId()));
    assertThat(dataset.sirs()).allSatisfy(s -> assertThat(ids).contains(s.sourceId()));
    for (Map<String, String> row : dataset.approvals()) {
      for (String source : row.get("source").split(";")) {
        assertThat(ids).contains(source);
      }
    }
    assertThat(dataset.sources())
        .allSatisfy(
            s -> {
              assertThat(s.document()).isIn("anakinra-article.txt", "anakinra-summary.txt");
              assertThat(s.section()).isNotBlank();
              assertThat(s.citation()).isNotBlank();
            });
  }

  @Test
  void keyClaimsCarryTheirPrintedFigures() {
    // article, Cochrane paragraph: 2876 patients, 781 placebo, 2065 anakinra, five trials
    assertThat(dataset.claim("cochrane-total-patients").reported().value()).isEqualTo(2876.0);
    assertThat(dataset.claim("cochrane-placebo-patients").reported().value()).isEqualTo(781.0);
    assertThat(dataset.claim("cochrane-anakinra-patients").reported().value()).isEqualTo(2065.0);
    assertThat(dataset.claim("cochrane-trials").reported().value()).isEqualTo(5.0);
    // "approximately 6,400 patient years": about, rounded to hundreds
    Reported years = dataset.claim("lymphoma-patient-years").reported();
    assertThat(years.qualifier()).isEqualTo(Qualifier.ABOUT);
    assertThat(years.decimals()).isEqualTo(-2);
    assertThat(years.halfUnit()).isEqualTo(50.0);
    // arm-percent claims without their own value take the arm's printed percentage
    assertThat(dataset.claim("acr20-anakinra-mtx").reported())
        .isEqualTo(dataset.comparison("acr20-24w").treatment().reportedPercent());
    assertThat(dataset.claim("lymphoma-rate").reported())
        .isEqualTo(dataset.rate("lymphoma-incidence").reportedRate());
    // the summary's "more than ten percent" statements
    assertThat(dataset.claim("summary-isr-more-than-10").reported().qualifier())
        .isEqualTo(Qualifier.MORE_THAN);
    // pharmacokinetics: 95% (n = 11, 70 mg), peak 3-7 h (n = 18), half-life 4-6 h
    assertThat(dataset.claim("pk-bioavailability").reported().value()).isEqualTo(95.0);
    assertThat(dataset.claim("pk-bioavailability-subjects").reported().value()).isEqualTo(11.0);
    assertThat(dataset.claim("pk-tmax-patients").reported().value()).isEqualTo(18.0);
    assertThat(dataset.claim("pk-half-life-shortest").reported().value()).isEqualTo(4.0);
    assertThat(dataset.claim("pk-half-life-longest").reported().value()).isEqualTo(6.0);
    // COVID-19 meta-analysis: 9 studies, 1,119 patients
    assertThat(dataset.claim("covid-meta-studies").reported().value()).isEqualTo(9.0);
    assertThat(dataset.claim("covid-meta-patients").reported().value()).isEqualTo(1119.0);
    // molar mass 17,257.6 g/mol from C759 H1186 N208 O232 S10
    ClaimCheck.FormulaMass mass =
        (ClaimCheck.FormulaMass) dataset.claim("drugbox-molecular-weight").check();
    assertThat(mass.formula())
        .containsExactly(
            Map.entry("C", 759L),
            Map.entry("H", 1186L),
            Map.entry("N", 208L),
            Map.entry("O", 232L),
            Map.entry("S", 10L));
  }

  @Test
  void approvalsTableKeepsRegionsYearsAndTheirEvidence() {
    List<Map<String, String>> rows = dataset.approvals();
    assertThat(rows.get(0).keySet())
        .containsExactly(
            "id",
            "region",
            "authority",
            "indication",
            "year",
            "date",
            "evidence",
            "source",
            "note");
    Map<String, String> byId =
        rows.stream()
            .collect(
                Collectors.toMap(r -> r.get("id"), r -> r.get("year") + " " + r.get("region")));
    // summary: US 2001, EU 2002, NHS England 2018 (five conditions) and 2021 (HLH),
    // EMA COVID-19 December 2021, FDA emergency use November 2022
    assertThat(byId)
        .containsEntry("us-ra", "2001 US")
        .containsEntry("eu-ra", "2002 EU")
        .containsEntry("uk-aosd", "2018 UK (England)")
        .containsEntry("uk-hlh", "2021 UK (England)")
        .containsEntry("eu-covid", "2021 EU")
        .containsEntry("us-covid-eua", "2022 US")
        .containsEntry("ru-table-2021", "2021 Russia");
    assertThat(rows.stream().filter(r -> r.get("id").equals("eu-ra")).findFirst().orElseThrow())
        .containsEntry("date", "2002-03-08")
        .containsEntry("source", "article-eu-approval;summary-approval-eu;summary-approvals-table");
    assertThatThrownBy(() -> rows.get(0).put("id", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void inputFilesAreSortedWithTheirDigests() throws Exception {
    assertThat(dataset.inputFiles())
        .extracting(InputFile::path)
        .containsExactly(
            "approvals.csv", "claims.yaml", "comparisons.yaml", "dataset.yaml", "rates.yaml");
    for (InputFile file : dataset.inputFiles()) {
      byte[] bytes = Files.readAllBytes(DIRECTORY.resolve(file.path()));
      assertThat(file.bytes()).isEqualTo(bytes.length);
      assertThat(file.sha256())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
  }

  @Test
  void lookupsOfUnknownIdsFail() {
    assertThatThrownBy(() -> dataset.source("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no source 'nope'");
    assertThatThrownBy(() -> dataset.claim("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void claimOrderIsFileOrderAndLoadingIsRepeatable() {
    Dataset again = DatasetLoader.load(DIRECTORY);
    assertThat(again).isEqualTo(dataset);
    assertThat(dataset.claims().get(0).id()).isEqualTo("acr20-anakinra-mtx");
    assertThat(dataset.claims().get(dataset.claims().size() - 1).id())
        .isEqualTo("research-endometriosis-year");
  }
}
