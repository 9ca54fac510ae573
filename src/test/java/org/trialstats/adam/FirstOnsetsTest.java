package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streamed per-row aggregation equals the maps the table was computed from before it existed:
 * per row a {@code LinkedHashMap} from subject to earliest onset merged with {@code Math::min}
 * (first-seen order, NaN propagating), rows in {@code TreeMap} order. Exact equality (onsets
 * compared bit for bit).
 */
class FirstOnsetsTest {

  /** The previous algorithm of AeIncidence.compute, on subject indexes instead of ids. */
  private static final class Reference {
    final Map<Integer, Double> any = new LinkedHashMap<>();
    final Map<String, Map<Integer, Double>> bySoc = new TreeMap<>();
    final Map<String, Map<String, Map<Integer, Double>>> byTerm = new TreeMap<>();

    void add(int subject, String soc, String term, double onset) {
      any.merge(subject, onset, Math::min);
      bySoc.computeIfAbsent(soc, k -> new LinkedHashMap<>()).merge(subject, onset, Math::min);
      byTerm
          .computeIfAbsent(soc, k -> new TreeMap<>())
          .computeIfAbsent(term, k -> new LinkedHashMap<>())
          .merge(subject, onset, Math::min);
    }
  }

  private static List<String> entries(SubjectOnsets row) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      list.add(row.subject(i) + "=" + Double.doubleToLongBits(row.onset(i)));
    }
    return list;
  }

  private static List<String> entries(Map<Integer, Double> row) {
    List<String> list = new ArrayList<>();
    row.forEach((s, onset) -> list.add(s + "=" + Double.doubleToLongBits(onset)));
    return list;
  }

  /**
   * Random events: subjects in increasing order (sorted ADAE) or shuffled, few or many terms, a
   * population small enough for rows to switch to the direct index and large enough for the hash
   * table, repeated events, onsets NaN about 1 time in 10.
   */
  @ParameterizedTest
  @CsvSource({
    "1, 50, 2000, 3, 8, true",
    "2, 50, 2000, 3, 8, false",
    "3, 5000, 20000, 25, 400, true",
    "4, 5000, 20000, 25, 400, false",
    "5, 1, 100, 2, 2, false",
    "6, 300, 3000, 1, 1, false",
    "7, 100000, 30000, 5, 50, false"
  })
  void equalsThePerRecordMaps(
      long seed, int population, int events, int socs, int terms, boolean sorted) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] subjects = new int[events];
    for (int e = 0; e < events; e++) {
      subjects[e] = random.nextInt(population);
    }
    if (sorted) {
      java.util.Arrays.sort(subjects);
    }
    FirstOnsets streamed = new FirstOnsets(population);
    Reference reference = new Reference();
    for (int e = 0; e < events; e++) {
      int term = (int) Math.min(terms - 1, Math.floor(terms * Math.pow(random.nextDouble(), 3)));
      String soc = "SOC " + term % socs;
      String name = "TERM " + term;
      double onset = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(400) - 20;
      streamed.add(subjects[e], soc, name, onset);
      reference.add(subjects[e], soc, name, onset);
    }
    assertThat(entries(streamed.any())).isEqualTo(entries(reference.any));
    assertThat(streamed.bySoc().keySet()).containsExactlyElementsOf(reference.bySoc.keySet());
    for (String soc : reference.bySoc.keySet()) {
      assertThat(entries(streamed.bySoc().get(soc)))
          .as(soc)
          .isEqualTo(entries(reference.bySoc.get(soc)));
      Map<String, SubjectOnsets> streamedTerms = streamed.byTerm(soc);
      assertThat(streamedTerms.keySet())
          .containsExactlyElementsOf(reference.byTerm.get(soc).keySet());
      reference
          .byTerm
          .get(soc)
          .forEach(
              (term, row) ->
                  assertThat(entries(streamedTerms.get(term)))
                      .as(soc + " / " + term)
                      .isEqualTo(entries(row)));
    }
    assertThat(streamed.byTerm("no such class")).isEmpty();
  }
}
