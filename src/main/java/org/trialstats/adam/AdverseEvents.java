package org.trialstats.adam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ADAE records selected for a table, with the counts a reader needs to trust the selection.
 *
 * @param source the ADAE file name
 * @param spec how records were selected
 * @param events the selected records of population subjects
 * @param recordsRead all ADAE records
 * @param outsidePopulation selected records of subjects in ADSL but not in the population (or in
 *     an arm not shown), not counted
 * @param unknownSubjects selected records whose subject is not in ADSL at all, not counted
 * @param uncoded selected records with a blank SOC or preferred term, shown as "Uncoded"
 */
public record AdverseEvents(
    String source,
    AdaeSpec spec,
    List<AdverseEvent> events,
    long recordsRead,
    long outsidePopulation,
    long unknownSubjects,
    long uncoded) {

  /** Label for a blank SOC or preferred term. */
  public static final String UNCODED = "Uncoded";

  public AdverseEvents {
    events = List.copyOf(events);
  }

  /**
   * Reads ADAE and keeps records that pass the emergent flag and the filters and belong to a
   * population subject.
   *
   * @throws AdamDataException if a variable is missing or a value cannot be read
   */
  public static AdverseEvents read(DatasetReader adae, AdaeSpec spec, Population population)
      throws IOException {
    int subject = adae.require(spec.subjectVariable());
    int soc = adae.require(spec.socVariable());
    int term = adae.require(spec.termVariable());
    int flag = spec.emergentFlag() == null ? -1 : adae.require(spec.emergentFlag());
    int[] filters = spec.conditions().stream().mapToInt(c -> adae.require(c.variable())).toArray();
    int onsetDate = spec.onsetDateVariable() == null ? -1 : adae.find(spec.onsetDateVariable());
    int onsetDay = spec.onsetDayVariable() == null ? -1 : adae.find(spec.onsetDayVariable());

    List<AdverseEvent> events = new ArrayList<>();
    long read = 0;
    long outside = 0;
    long unknown = 0;
    long uncoded = 0;
    while (adae.next()) {
      read++;
      if (flag >= 0 && !adae.text(flag).strip().equals("Y")) {
        continue;
      }
      boolean pass = true;
      for (int i = 0; i < filters.length && pass; i++) {
        pass = spec.conditions().get(i).accepts(adae.text(filters[i]));
      }
      if (!pass) {
        continue;
      }
      String id = adae.text(subject).strip();
      Subject s = population.subjects().get(id);
      if (s == null) {
        if (population.otherSubjects().contains(id)) {
          outside++;
        } else {
          unknown++;
        }
        continue;
      }
      String socName = adae.text(soc).strip();
      String termName = adae.text(term).strip();
      if (socName.isEmpty() || termName.isEmpty()) {
        uncoded++;
        socName = socName.isEmpty() ? UNCODED : socName;
        termName = termName.isEmpty() ? UNCODED : termName;
      }
      double day = Double.NaN;
      if (onsetDate >= 0 && !Double.isNaN(s.treatmentStart())) {
        day = adae.number(onsetDate) - s.treatmentStart() + 1;
      }
      if (Double.isNaN(day) && onsetDay >= 0) {
        day = adae.number(onsetDay);
      }
      events.add(new AdverseEvent(id, socName, termName, day));
    }
    return new AdverseEvents(
        adae.source(), spec, events, read, outside, unknown, uncoded);
  }
}
