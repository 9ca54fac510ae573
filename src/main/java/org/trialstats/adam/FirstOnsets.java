package org.trialstats.adam;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per row of an adverse-event table (any event, each system organ class, each preferred term within
 * its class) the population subjects with at least one selected event and their earliest onsets:
 * everything the incidence table ({@code analysis.AeIncidence}) needs from ADAE. Built while ADAE
 * is streamed, so memory is proportional to subjects times distinct rows they appear in, not to the
 * number of records.
 */
public final class FirstOnsets {
  private final int populationSize;
  private final SubjectOnsets any;
  private final Map<String, Soc> socs = new HashMap<>();
  // The previous record's class: ADAE is sorted by subject, and classes repeat within a subject.
  private Soc lastSoc;

  private static final class Soc {
    final String name;
    final SubjectOnsets subjects;
    final Map<String, SubjectOnsets> terms = new HashMap<>();

    Soc(String name, int populationSize) {
      this.name = name;
      this.subjects = new SubjectOnsets(populationSize);
    }
  }

  /** Empty rows for a population of {@code populationSize} subjects (indexes 0 to size - 1). */
  FirstOnsets(int populationSize) {
    this.populationSize = populationSize;
    this.any = new SubjectOnsets(populationSize);
  }

  /** Counts one selected event of the population subject with index {@code subject}. */
  void add(int subject, String soc, String term, double onsetDay) {
    Soc s = lastSoc;
    if (s == null || !s.name.equals(soc)) {
      s = socs.computeIfAbsent(soc, name -> new Soc(name, populationSize));
      lastSoc = s;
    }
    any.add(subject, onsetDay);
    s.subjects.add(subject, onsetDay);
    SubjectOnsets t = s.terms.get(term);
    if (t == null) {
      t = new SubjectOnsets(populationSize);
      s.terms.put(term, t);
    }
    t.add(subject, onsetDay);
  }

  /** Number of subjects of the population the rows index into. */
  public int populationSize() {
    return populationSize;
  }

  /** Subjects with any selected event. */
  public SubjectOnsets any() {
    return any;
  }

  /** Subjects with an event per system organ class, classes in {@link String#compareTo} order. */
  public Map<String, SubjectOnsets> bySoc() {
    Map<String, SubjectOnsets> sorted = new TreeMap<>();
    socs.forEach((name, soc) -> sorted.put(name, soc.subjects));
    return Collections.unmodifiableMap(sorted);
  }

  /**
   * Subjects with an event per preferred term of one class, terms in {@link String#compareTo}
   * order; empty for a class without events.
   */
  public Map<String, SubjectOnsets> byTerm(String soc) {
    Soc s = socs.get(soc);
    return s == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(s.terms));
  }
}
