package org.trialstats.adam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysis population read from ADSL: its subjects, the treatment arms in display order and the
 * number of subjects per arm (the denominators of incidence tables).
 *
 * @param description e.g. "Safety population (SAFFL = Y)"
 * @param source the ADSL file name
 * @param arms arm names in display order
 * @param subjects subjects by id, in ADSL order
 * @param exposureSource how exposure days were obtained (for footnotes), empty if unavailable
 * @param otherSubjects ids of ADSL subjects outside the population or in an arm not shown
 */
public record Population(
    String description,
    String source,
    List<String> arms,
    Map<String, Subject> subjects,
    String exposureSource,
    Set<String> otherSubjects) {

  public Population {
    arms = List.copyOf(arms);
    subjects = Collections.unmodifiableMap(new LinkedHashMap<>(subjects));
    otherSubjects = Set.copyOf(otherSubjects);
  }

  /** Number of subjects in each arm, in arm order. */
  public long[] armSizes() {
    long[] n = new long[arms.size()];
    for (Subject s : subjects.values()) {
      n[arms.indexOf(s.arm())]++;
    }
    return n;
  }

  /**
   * Reads ADSL: keeps subjects whose population flag is {@code Y} and whose arm is shown, and
   * records their arm, treatment duration and start date.
   *
   * @throws AdamDataException for a missing variable, a duplicate or blank subject id, a subject
   *     with no arm, an unknown arm in {@code spec.arms()}, or an empty population
   */
  public static Population read(DatasetReader adsl, AdslSpec spec) throws IOException {
    int id = adsl.require(spec.subjectVariable());
    int flag = spec.populationFlag() == null ? -1 : adsl.require(spec.populationFlag());
    int arm = adsl.require(spec.armVariable());
    int armOrder = adsl.find(spec.armVariable() + "N");
    int duration = adsl.find(spec.durationVariable());
    int start = adsl.find(spec.startDateVariable());
    int end = adsl.find(spec.endDateVariable());

    Map<String, Subject> subjects = new LinkedHashMap<>();
    Set<String> others = new HashSet<>();
    Map<String, Double> armNumbers = new HashMap<>();
    boolean armNumbersUsable = armOrder >= 0;
    // Where each subject id was first seen, in or outside the population, to name both records
    // of a duplicate.
    Map<String, String> firstSeen = new HashMap<>();
    while (adsl.next()) {
      String subjectId = adsl.text(id).strip();
      if (subjectId.isEmpty()) {
        throw new AdamDataException(adsl.position() + ": " + spec.subjectVariable() + " is blank");
      }
      String firstRecord = firstSeen.putIfAbsent(subjectId, adsl.position());
      if (firstRecord != null) {
        throw new AdamDataException(
            adsl.position()
                + ": subject "
                + subjectId
                + " occurs twice in ADSL ("
                + firstRecord
                + " and here); "
                + spec.subjectVariable()
                + " must identify one subject");
      }
      if (flag >= 0 && !adsl.text(flag).strip().equals("Y")) {
        others.add(subjectId);
        continue;
      }
      String armName = adsl.text(arm).strip();
      if (armName.isEmpty()) {
        throw new AdamDataException(
            adsl.position()
                + ": subject "
                + subjectId
                + " is in the population but "
                + spec.armVariable()
                + " is blank");
      }
      double first = start >= 0 ? adsl.number(start) : Double.NaN;
      double days = duration >= 0 ? adsl.number(duration) : Double.NaN;
      if (Double.isNaN(days) && start >= 0 && end >= 0) {
        days = adsl.number(end) - first + 1;
      }
      if (armNumbersUsable) {
        double number = adsl.number(armOrder);
        Double previous = armNumbers.putIfAbsent(armName, number);
        armNumbersUsable = !Double.isNaN(number) && (previous == null || previous.equals(number));
      }
      subjects.put(subjectId, new Subject(subjectId, armName, days, first));
    }
    List<String> arms = armOrder(subjects, spec, armNumbersUsable ? armNumbers : null, adsl);
    subjects.values().removeIf(s -> !arms.contains(s.arm()) && others.add(s.id()));
    if (subjects.isEmpty()) {
      throw new AdamDataException(
          adsl.source()
              + ": no subject is in the population"
              + (spec.populationFlag() == null ? "" : " (" + spec.populationFlag() + " = Y)"));
    }
    String exposure =
        duration >= 0
            ? spec.durationVariable() + " (days)"
            : start >= 0 && end >= 0
                ? spec.endDateVariable() + " - " + spec.startDateVariable() + " + 1 (days)"
                : "";
    return new Population(
        describe(spec.populationFlag()), adsl.source(), arms, subjects, exposure, others);
  }

  private static List<String> armOrder(
      Map<String, Subject> subjects,
      AdslSpec spec,
      Map<String, Double> armNumbers,
      DatasetReader adsl) {
    TreeSet<String> present = new TreeSet<>();
    subjects.values().forEach(s -> present.add(s.arm()));
    if (!spec.arms().isEmpty()) {
      List<String> chosen = new ArrayList<>();
      for (String wanted : spec.arms()) {
        String match =
            present.stream()
                .filter(a -> a.equalsIgnoreCase(wanted.strip()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AdamDataException(
                            adsl.source()
                                + ": no subject in the population has "
                                + spec.armVariable()
                                + " = '"
                                + wanted
                                + "'; the arms are "
                                + present));
        if (!chosen.contains(match)) {
          chosen.add(match);
        }
      }
      return chosen;
    }
    List<String> arms = new ArrayList<>(present);
    if (armNumbers != null) {
      arms.sort(Comparator.comparingDouble(armNumbers::get));
    }
    return arms;
  }

  private static String describe(String flag) {
    if (flag == null) {
      return "All subjects in ADSL";
    }
    String name =
        switch (flag.toUpperCase(Locale.ROOT)) {
          case "SAFFL" -> "Safety population";
          case "ITTFL" -> "Intent-to-treat population";
          case "FASFL" -> "Full analysis set";
          case "EFFFL" -> "Efficacy population";
          case "PPROTFL" -> "Per-protocol population";
          default -> "Population";
        };
    return name + " (" + flag + " = Y)";
  }
}
