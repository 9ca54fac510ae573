package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.io.InputFile;

/**
 * Each test writes a small valid dataset into a temporary directory, breaks one thing, and asserts
 * the located problem: file, line, field and message.
 */
class DatasetLoaderValidationTest {

  // line numbers are those of these texts; comments give the lines the tests rely on
  private static final String DATASET =
      """
      id: mini
      title: Mini
      drug: drug
      description: A minimal dataset.
      sources:
        - id: src
          document: doc.txt
          section: Results
          citation: None.
      """;
  private static final String COMPARISONS =
      """
      comparisons:
        - id: cmp
          endpoint: response
          timepoint: 12 weeks
          treatment: {label: drug, n: 100, events: 40, percent: 40}
          control: {label: placebo, n: 100, events: 20}
          source: src
      """; // treatment: line 5
  private static final String RATES =
      """
      rates:
        - id: rt
          endpoint: event
          events: 4
          patient_years: 400
          per: 100
          reported: {value: 1, unit: per 100 PY, as_reported: "1 per 100 PY"}
          source: src
      sirs:
        - id: sr
          endpoint: event
          observed: 4
          expected: 2
          source: src
      """;
  private static final String CLAIMS =
      """
      claims:
        - id: c1
          topic: efficacy
          statement: Forty percent responded.
          source: src
          check: {kind: arm-percent, comparison: cmp, arm: treatment}
        - id: c2
          topic: safety
          statement: One event per 100 patient-years.
          source: src
          check: {kind: rate, rate: rt}
        - id: c3
          topic: study size
          statement: One hundred patients were treated.
          source: src
          reported: {value: 100, unit: patients, as_reported: "100 patients"}
          check: {kind: recorded}
      """; // c1 at line 2, c2 at line 7 (source line 10, check line 11), c3 at 12
  private static final String APPROVALS =
      """
      id,region,authority,indication,year,date,evidence,source,note
      a1,US,FDA,condition,2001,2001-05,prose,src,
      """;

  @TempDir Path dir;
  private final Map<String, String> files = new LinkedHashMap<>();

  @BeforeEach
  void validDataset() {
    files.put("dataset.yaml", DATASET);
    files.put("comparisons.yaml", COMPARISONS);
    files.put("rates.yaml", RATES);
    files.put("claims.yaml", CLAIMS);
    files.put("approvals.csv", APPROVALS);
  }

  private void replace(String file, String from, String to) {
    String text = files.get(file);
    assertThat(text).contains(from);
    files.put(file, text.replace(from, to));
  }

  private Dataset load() throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    return DatasetLoader.load(dir);
  }

  private DatasetException failure() {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(this::load);
    assertThat(t).isInstanceOf(DatasetException.class);
    return (DatasetException) t;
  }

  private static void assertProblem(
      DatasetException e, String file, int line, String field, String message) {
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage().lines().findFirst().orElseThrow()).isEqualTo(message);
  }

  @Test
  void validDatasetLoads() throws IOException {
    Dataset d = load();
    assertThat(d.claims()).extracting(Claim::id).containsExactly("c1", "c2", "c3");
    assertThat(d.claims().get(0).reported().value()).isEqualTo(40.0);
    assertThat(d.approvals()).hasSize(1);
    assertThat(ClaimChecker.check(d))
        .extracting(ClaimResult::verdict)
        .containsExactly(Verdict.REPRODUCED, Verdict.REPRODUCED, Verdict.NOT_CHECKABLE);
  }

  @Test
  void unknownKey() {
    replace("comparisons.yaml", "    source: src\n", "    source: src\n    colour: red\n");
    assertProblem(
        failure(),
        "comparisons.yaml",
        8,
        "colour",
        "comparisons.yaml:8: field 'colour': expected one of the fields id, endpoint, timepoint,"
            + " treatment, control, source, note, got an unknown field");
  }

  @Test
  void unknownKeyInANestedMapping() {
    replace("comparisons.yaml", "percent: 40}", "percent: 40, dose: 3}");
    assertProblem(
        failure(),
        "comparisons.yaml",
        5,
        "treatment.dose",
        "comparisons.yaml:5: field 'treatment.dose': expected one of the fields label, n,"
            + " events, percent, got an unknown field");
  }

  @Test
  void negativeCount() {
    replace("comparisons.yaml", "events: 40", "events: -3");
    assertProblem(
        failure(),
        "comparisons.yaml",
        5,
        "treatment.events",
        "comparisons.yaml:5: field 'treatment.events': expected a whole number >= 0, got -3");
  }

  @Test
  void eventsAboveN() {
    replace("comparisons.yaml", "events: 40", "events: 140");
    assertProblem(
        failure(),
        "comparisons.yaml",
        5,
        "treatment.events",
        "comparisons.yaml:5: field 'treatment.events': expected at most n = 100, got 140");
  }

  @Test
  void missingSources() {
    files.put("dataset.yaml", DATASET.substring(0, DATASET.indexOf("sources:")));
    assertProblem(
        failure(),
        "dataset.yaml",
        1,
        "sources",
        "dataset.yaml:1: field 'sources': expected a value, got nothing (the required field is"
            + " missing)");
  }

  @Test
  void emptySources() {
    files.put("dataset.yaml", DATASET.substring(0, DATASET.indexOf("sources:")) + "sources: []\n");
    assertProblem(
        failure(),
        "dataset.yaml",
        5,
        "sources",
        "dataset.yaml:5: field 'sources': expected at least one source, got an empty list");
  }

  @Test
  void unknownSourceReference() {
    replace(
        "claims.yaml",
        "    source: src\n    check: {kind: rate",
        "    source: nope\n    check: {kind: rate");
    assertProblem(
        failure(),
        "claims.yaml",
        10,
        "source",
        "claims.yaml:10: field 'source': expected the id of a source in dataset.yaml (e.g. src),"
            + " got 'nope'");
  }

  @Test
  void duplicateId() {
    replace("claims.yaml", "- id: c2", "- id: c1");
    assertProblem(
        failure(),
        "claims.yaml",
        7,
        "id",
        "claims.yaml:7: field 'id': expected a unique id, got 'c1', already used at"
            + " claims.yaml:2");
  }

  @Test
  void duplicateIdAcrossFiles() {
    replace("claims.yaml", "- id: c3", "- id: cmp");
    assertProblem(
        failure(),
        "claims.yaml",
        12,
        "id",
        "claims.yaml:12: field 'id': expected a unique id, got 'cmp', already used at"
            + " comparisons.yaml:2");
  }

  @Test
  void badTypes() {
    replace("comparisons.yaml", "n: 100, events: 40", "n: \"100\", events: 40");
    replace("rates.yaml", "patient_years: 400", "patient_years: 4,000");
    DatasetException e = failure();
    assertProblem(
        e,
        "comparisons.yaml",
        5,
        "treatment.n",
        "comparisons.yaml:5: field 'treatment.n': expected a whole number >= 1, got the text"
            + " '100'");
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(1).format())
        .isEqualTo(
            "rates.yaml:5: field 'patient_years': expected a number, got the text '4,000' (no"
                + " quotes, no thousands separators)");
  }

  @Test
  void fractionalCount() {
    replace("comparisons.yaml", "n: 100, events: 40", "n: 100, events: 40.5");
    assertProblem(
        failure(),
        "comparisons.yaml",
        5,
        "treatment.events",
        "comparisons.yaml:5: field 'treatment.events': expected a whole number >= 0, got the"
            + " number 40.5");
  }

  @Test
  void percentageAbove100() {
    replace("comparisons.yaml", "percent: 40}", "percent: 140}");
    assertProblem(
        failure(),
        "comparisons.yaml",
        5,
        "treatment.percent",
        "comparisons.yaml:5: field 'treatment.percent': expected a percentage between 0 and 100,"
            + " got 140");
  }

  @Test
  void malformedYaml() {
    replace("claims.yaml", "check: {kind: recorded}", "check: {kind: recorded");
    DatasetException e = failure();
    assertThat(e.file()).isEqualTo("claims.yaml");
    assertThat(e.line()).isEqualTo(18);
    assertThat(e.field()).isNull();
    assertThat(e.getMessage())
        .startsWith("claims.yaml:18: expected well-formed YAML, got a syntax error:");
  }

  @Test
  void missingRequiredFile() throws IOException {
    files.remove("claims.yaml");
    assertProblem(
        failure(),
        "claims.yaml",
        0,
        null,
        "claims.yaml: expected the required file claims.yaml in " + dir + ", got no such file");
  }

  @Test
  void optionalFilesMayBeAbsent() throws IOException {
    files.remove("approvals.csv");
    files.put(
        "claims.yaml",
        CLAIMS
            .substring(CLAIMS.indexOf("- id: c3") - 2)
            .replace("  - id: c3", "claims:\n  - id: c3"));
    files.remove("comparisons.yaml");
    files.remove("rates.yaml");
    Dataset d = load();
    assertThat(d.comparisons()).isEmpty();
    assertThat(d.approvals()).isEmpty();
    assertThat(d.inputFiles())
        .extracting(InputFile::path)
        .containsExactly("claims.yaml", "dataset.yaml");
  }

  @Test
  void unexpectedDataFile() throws IOException {
    Files.writeString(dir.resolve("claim.yaml"), "claims: []\n");
    assertProblem(
        failure(),
        "claim.yaml",
        0,
        null,
        "claim.yaml: expected only the data files dataset.yaml, comparisons.yaml,"
            + " stratified.yaml, rates.yaml, claims.yaml, approvals.csv, got an unexpected data"
            + " file (misspelt?)");
  }

  @Test
  void fileTooLarge() throws IOException {
    StringBuilder big = new StringBuilder(COMPARISONS);
    big.append("#".repeat((int) DatasetLoader.MAX_FILE_BYTES));
    files.put("comparisons.yaml", big.toString());
    DatasetException e = failure();
    assertProblem(
        e,
        "comparisons.yaml",
        0,
        null,
        "comparisons.yaml: expected at most 10485760 bytes (10 MiB), got "
            + big.length()
            + " bytes");
  }

  @Test
  void invalidUtf8() throws IOException {
    load();
    byte[] bytes = Files.readAllBytes(dir.resolve("claims.yaml"));
    byte[] broken = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, broken, 0, bytes.length);
    broken[bytes.length] = (byte) 0xC3; // a truncated two-byte sequence at the end
    files.clear();
    Files.write(dir.resolve("claims.yaml"), broken);
    DatasetException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            DatasetException.class, () -> DatasetLoader.load(dir));
    assertThat(e.file()).isEqualTo("claims.yaml");
    assertThat(e.line()).isEqualTo(18);
    assertThat(e.getMessage())
        .startsWith(
            "claims.yaml:18: expected UTF-8 text, got an invalid byte sequence at byte "
                + bytes.length);
  }

  @Test
  void aliasesAreRejected() {
    replace("claims.yaml", "topic: safety", "topic: &t safety");
    replace("claims.yaml", "topic: study size", "topic: *t");
    assertProblem(
        failure(),
        "claims.yaml",
        13,
        null,
        "claims.yaml:13: expected a plain value, got a YAML alias ('*t'): write the value out");
  }

  @Test
  void duplicateKeysAreRejected() {
    replace("comparisons.yaml", "    source: src\n", "    source: src\n    endpoint: again\n");
    assertProblem(
        failure(),
        "comparisons.yaml",
        8,
        "endpoint",
        "comparisons.yaml:8: field 'endpoint': expected each key once per mapping, got it again"
            + " (first at line 3)");
  }

  @Test
  void unknownCheckKind() {
    replace("claims.yaml", "kind: recorded", "kind: guess");
    assertProblem(
        failure(),
        "claims.yaml",
        17,
        "check.kind",
        "claims.yaml:17: field 'check.kind': expected one of arm-percent, difference, sum,"
            + " product, cross-check, rate, ratio, poisson-tail, accumulation, formula-mass,"
            + " percent, interval-centre, interval-p, test-statistic, stratified,"
            + " not-checkable, recorded, got the text 'guess'");
  }

  @Test
  void unknownComparisonReference() {
    replace("claims.yaml", "comparison: cmp", "comparison: nope");
    assertProblem(
        failure(),
        "claims.yaml",
        6,
        "check.comparison",
        "claims.yaml:6: field 'check.comparison': expected the id of a comparison in"
            + " comparisons.yaml (e.g. cmp), got 'nope'");
  }

  @Test
  void referenceToAnEntryOfAnotherKind() {
    replace("claims.yaml", "rate: rt", "rate: cmp");
    assertProblem(
        failure(),
        "claims.yaml",
        11,
        "check.rate",
        "claims.yaml:11: field 'check.rate': expected the id of a rate in rates.yaml (e.g. rt),"
            + " got 'cmp', which is a comparison in comparisons.yaml");
  }

  @Test
  void claimOperandsMustExistAndNotBeTheClaimItself() {
    replace("claims.yaml", "check: {kind: recorded}", "check: {kind: product, factors: [c3, c9]}");
    DatasetException e = failure();
    assertThat(e.problems())
        .extracting(DatasetException.Problem::format)
        .containsExactly(
            "claims.yaml:17: field 'check.factors[0]': expected another claim, got the claim"
                + " itself",
            "claims.yaml:17: field 'check.factors[1]': expected the id of a claim in claims.yaml"
                + " (e.g. c1), got 'c9'");
  }

  @Test
  void missingReportedForARecordedClaim() {
    replace(
        "claims.yaml",
        "    reported: {value: 100, unit: patients, as_reported: \"100 patients\"}\n",
        "");
    assertProblem(
        failure(),
        "claims.yaml",
        12,
        "reported",
        "claims.yaml:12: field 'reported': expected a value, got nothing (the required field is"
            + " missing)");
  }

  @Test
  void decimalsBelowTheWrittenDecimals() {
    replace(
        "claims.yaml",
        "{value: 100, unit: patients,",
        "{value: 100.25, decimals: 1, unit: patients,");
    assertProblem(
        failure(),
        "claims.yaml",
        16,
        "reported.decimals",
        "claims.yaml:16: field 'reported.decimals': expected at least the 2 decimals written in"
            + " value 100.25, got 1");
  }

  @Test
  void sumPartsMustBePrintedValues() {
    files.put(
        "claims.yaml",
        CLAIMS
            + """
              - id: c4
                topic: study size
                statement: More than ten.
                source: src
                reported: {value: 10, unit: patients, qualifier: more-than, as_reported: "over 10"}
                check: {kind: recorded}
              - id: c5
                topic: study size
                statement: Total.
                source: src
                reported: {value: 110, unit: patients, as_reported: "110"}
                check: {kind: sum, parts: [c3, c4]}
            """);
    assertProblem(
        failure(),
        "claims.yaml",
        29,
        "check.parts[1]",
        "claims.yaml:29: field 'check.parts[1]': expected a claim printing a value (qualifier"
            + " exact or about), got 'c4' with qualifier more-than");
  }

  @Test
  void approvalsCsvHeaderAndRows() {
    files.put("approvals.csv", APPROVALS.replace("evidence,source", "source,evidence"));
    assertProblem(
        failure(),
        "approvals.csv",
        1,
        null,
        "approvals.csv:1: expected the header id,region,authority,indication,year,date,evidence,"
            + "source,note, got id,region,authority,indication,year,date,source,evidence,note");
  }

  @Test
  void approvalsCsvCellProblemsAreLocated() {
    files.put(
        "approvals.csv",
        APPROVALS
            + "\n"
            + "a2,EU,EMA,\"multi\nline\",2002,2003-01,prose,src,\n"
            + "a3,EU,EMA,x,20x2,,prose,nope,\n"
            + "a4,EU,EMA,x\n");
    DatasetException e = failure();
    assertThat(e.problems())
        .extracting(DatasetException.Problem::format)
        .containsExactly(
            "approvals.csv:4: field 'date': expected a date in 2002, got '2003-01'",
            "approvals.csv:6: field 'year': expected a four-digit year, got '20x2'",
            "approvals.csv:6: field 'source': expected the id of a source in dataset.yaml (e.g."
                + " src), got 'nope'",
            "approvals.csv:7: expected 9 fields, got 4");
  }

  @Test
  void allProblemsAreReportedInFileOrder() {
    replace("claims.yaml", "comparison: cmp", "comparison: nope");
    replace("dataset.yaml", "drug: drug\n", "");
    replace("comparisons.yaml", "events: 40", "events: -3");
    DatasetException e = failure();
    assertThat(e.problems())
        .extracting(DatasetException.Problem::file)
        .containsExactly("dataset.yaml", "comparisons.yaml", "claims.yaml");
    assertThat(e.getMessage().lines()).hasSize(3);
    assertThat(e.field()).isEqualTo("drug");
  }

  @Test
  void notADirectory() {
    Path missing = dir.resolve("absent");
    assertThatThrownBy(() -> DatasetLoader.load(missing))
        .isInstanceOf(DatasetException.class)
        .hasMessage(missing + ": expected a dataset directory, got no such directory");
  }

  @Test
  void emptyFiles() {
    files.put("claims.yaml", "# nothing yet\n");
    files.put("rates.yaml", "");
    DatasetException e = failure();
    assertThat(e.problems())
        .extracting(DatasetException.Problem::format)
        .containsExactly(
            "rates.yaml: expected a mapping with the keys rates, sirs, got an empty file",
            "claims.yaml: expected a mapping with the key claims, got an empty file");
  }
}
