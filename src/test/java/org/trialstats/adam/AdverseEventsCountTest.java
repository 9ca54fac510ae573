package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.adam.XportTestWriter.Member;
import org.trialstats.adam.XportTestWriter.Var;
import org.trialstats.analysis.AeIncidence;
import org.trialstats.analysis.AeIncidencePilotTest;

/**
 * {@link AdverseEvents#count} (aggregating while streaming, as {@code ae-table} does) gives the
 * same table, counters and per-row subjects as {@link AdverseEvents#read} (every record kept), on
 * generated transport files with repeated events, blank and blank-padded terms, records not
 * emergent, subjects outside the population, subjects missing from ADSL and missing onsets.
 * Equality is exact: the same rows, counts, person-years and estimates, or the same error.
 */
class AdverseEventsCountTest {
  @TempDir Path dir;

  private Path adsl;
  private Path adae;

  private void generate(long seed, int subjects, int records, boolean sorted, boolean missingOnsets)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> subjectRows = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      boolean placebo = random.nextBoolean();
      subjectRows.add(
          new Object[] {
            String.format(java.util.Locale.ROOT, "S-%04d", s),
            random.nextInt(8) == 0 ? "N" : "Y",
            placebo ? "Placebo" : "Active",
            placebo ? 0.0 : 1.0,
            19000.0 + random.nextInt(300),
            1.0 + random.nextInt(400)
          });
    }
    adsl = dir.resolve("adsl.xpt");
    Files.write(
        adsl,
        XportTestWriter.file(
            new Member(
                "ADSL",
                "",
                List.of(
                    Var.chr("USUBJID", "", 8),
                    Var.chr("SAFFL", "", 1),
                    Var.chr("TRT01A", "", 10),
                    Var.num("TRT01AN", ""),
                    Var.num("TRTSDT", ""),
                    Var.num("TRTDUR", "")),
                subjectRows)));
    List<Object[]> eventRows = new ArrayList<>();
    String[] socs = {"SKIN", "NERVOUS", "CARDIAC", " SKIN", ""};
    String[] terms = {"RASH", "PRURITUS", "HEADACHE", "DIZZINESS", "RASH ", " RASH", ""};
    for (int r = 0; r < records; r++) {
      int s = random.nextInt(subjects + 3);
      String id = s < subjects ? (String) subjectRows.get(s)[0] : "UNKNOWN-" + s;
      double start = s < subjects ? (double) subjectRows.get(s)[4] : 19000;
      int soc = random.nextInt(socs.length);
      int term = random.nextInt(terms.length);
      boolean noDate = random.nextInt(6) == 0;
      boolean noDay = missingOnsets && noDate && random.nextBoolean();
      int day = 1 + random.nextInt(200);
      eventRows.add(
          new Object[] {
            id,
            random.nextInt(5) == 0 ? "N" : "Y",
            socs[soc == 4 && random.nextInt(3) != 0 ? 0 : soc],
            terms[term == 6 && random.nextInt(3) != 0 ? 0 : term],
            noDate ? null : start + day - 1,
            noDay ? null : (double) day
          });
    }
    if (sorted) {
      eventRows.sort(java.util.Comparator.comparing(row -> (String) row[0]));
    } else {
      Collections.shuffle(eventRows, new java.util.Random(seed));
    }
    adae = dir.resolve("adae.xpt");
    Files.write(
        adae,
        XportTestWriter.file(
            new Member(
                "ADAE",
                "",
                List.of(
                    Var.chr("USUBJID", "", 12),
                    Var.chr("TRTEMFL", "", 1),
                    Var.chr("AEBODSYS", "", 10),
                    Var.chr("AEDECOD", "", 12),
                    Var.num("ASTDT", ""),
                    Var.num("ASTDY", "")),
                eventRows)));
  }

  private Population population() throws IOException {
    try (DatasetReader reader = DatasetReader.open(adsl)) {
      return Population.read(reader, AdslSpec.defaults());
    }
  }

  private AdverseEvents events(Population population, boolean stream) throws IOException {
    try (DatasetReader reader = DatasetReader.open(adae)) {
      return stream
          ? AdverseEvents.count(reader, AdaeSpec.defaults(), population)
          : AdverseEvents.read(reader, AdaeSpec.defaults(), population);
    }
  }

  /** The table rows and notes, or the error message. */
  private static Object table(
      Population population, AdverseEvents events, ExposureDefinition exposure) {
    try {
      AeTable t =
          AeIncidence.compute(
              population, events, AeIncidencePilotTest.spec(exposure, RowOrder.FREQUENCY, 0));
      return List.of(t.rows(), t.notes());
    } catch (AdamDataException e) {
      return e.getMessage();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1, 40, 600, true, false",
    "2, 40, 600, false, false",
    "3, 40, 600, false, true",
    "4, 200, 5000, true, true",
    "5, 3, 50, false, false"
  })
  void streamedCountsEqualTheRecordList(
      long seed, int subjects, int records, boolean sorted, boolean missingOnsets)
      throws IOException {
    generate(seed, subjects, records, sorted, missingOnsets);
    Population population = population();
    AdverseEvents kept = events(population, false);
    AdverseEvents streamed = events(population, true);

    assertThat(streamed.events()).isEmpty();
    assertThat(kept.events()).isNotEmpty();
    assertThat(streamed.recordsRead()).isEqualTo(kept.recordsRead()).isEqualTo(records);
    assertThat(streamed.outsidePopulation()).isEqualTo(kept.outsidePopulation()).isPositive();
    assertThat(streamed.unknownSubjects()).isEqualTo(kept.unknownSubjects()).isPositive();
    assertThat(streamed.uncoded()).isEqualTo(kept.uncoded()).isPositive();
    for (ExposureDefinition exposure : ExposureDefinition.values()) {
      assertThat(table(population, streamed, exposure))
          .as(exposure.toString())
          .isEqualTo(table(population, kept, exposure));
    }
    assertRowsEqualTheRecordMaps(population, kept.events(), streamed.firstOnsets());
  }

  /** The maps the table was computed from before streaming, keyed by subject id. */
  private static void assertRowsEqualTheRecordMaps(
      Population population, List<AdverseEvent> events, FirstOnsets rows) {
    List<String> ids = new ArrayList<>(population.subjects().keySet());
    Map<String, Double> any = new LinkedHashMap<>();
    Map<String, Map<String, Double>> bySoc = new TreeMap<>();
    Map<String, Map<String, Map<String, Double>>> byTerm = new TreeMap<>();
    for (AdverseEvent e : events) {
      any.merge(e.subjectId(), e.onsetDay(), Math::min);
      bySoc
          .computeIfAbsent(e.soc(), k -> new LinkedHashMap<>())
          .merge(e.subjectId(), e.onsetDay(), Math::min);
      byTerm
          .computeIfAbsent(e.soc(), k -> new TreeMap<>())
          .computeIfAbsent(e.term(), k -> new LinkedHashMap<>())
          .merge(e.subjectId(), e.onsetDay(), Math::min);
    }
    assertThat(asMap(ids, rows.any())).containsExactlyEntriesOf(any);
    assertThat(rows.bySoc().keySet()).containsExactlyElementsOf(bySoc.keySet());
    bySoc.forEach(
        (soc, subjects) -> {
          assertThat(asMap(ids, rows.bySoc().get(soc))).containsExactlyEntriesOf(subjects);
          assertThat(rows.byTerm(soc).keySet()).containsExactlyElementsOf(byTerm.get(soc).keySet());
          byTerm
              .get(soc)
              .forEach(
                  (term, termSubjects) ->
                      assertThat(asMap(ids, rows.byTerm(soc).get(term)))
                          .containsExactlyEntriesOf(termSubjects));
        });
  }

  private static Map<String, Double> asMap(List<String> ids, SubjectOnsets row) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      map.put(ids.get(row.subject(i)), row.onset(i));
    }
    return map;
  }

  @Test
  void pilotStudyTablesAreTheSameStreamed() throws IOException {
    Path folder = PilotData.require();
    adsl = folder.resolve("adsl.xpt");
    adae = folder.resolve("adae.xpt");
    Population population = population();
    AdverseEvents kept = events(population, false);
    AdverseEvents streamed = events(population, true);
    // 1126 selected records (AeIncidencePilotTest), 1191 in the file
    assertThat(kept.events()).hasSize(1126);
    assertThat(streamed.recordsRead()).isEqualTo(1191);
    for (ExposureDefinition exposure : ExposureDefinition.values()) {
      assertThat(table(population, streamed, exposure))
          .as(exposure.toString())
          .isEqualTo(table(population, kept, exposure));
    }
    assertRowsEqualTheRecordMaps(population, kept.events(), streamed.firstOnsets());
  }
}
