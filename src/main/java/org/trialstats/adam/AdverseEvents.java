package org.trialstats.adam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ADAE records selected for a table, aggregated per table row, with the counts a reader needs
 * to trust the selection.
 *
 * @param source the ADAE file name
 * @param spec how records were selected
 * @param events the selected records of population subjects when read with {@link #read}; empty
 *     when read with {@link #count}, which keeps only {@code firstOnsets}
 * @param firstOnsets per row, the subjects with a selected event and their earliest onsets
 * @param recordsRead all ADAE records
 * @param outsidePopulation selected records of subjects in ADSL but not in the population (or in an
 *     arm not shown), not counted
 * @param unknownSubjects selected records whose subject is not in ADSL at all, not counted
 * @param uncoded selected records with a blank SOC or preferred term, shown as "Uncoded"
 */
public record AdverseEvents(
    String source,
    AdaeSpec spec,
    List<AdverseEvent> events,
    FirstOnsets firstOnsets,
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
   * population subject, both as records ({@link #events()}) and aggregated per table row. For large
   * files use {@link #count}, whose memory does not grow with the number of records.
   *
   * @throws AdamDataException if a variable is missing or a value cannot be read
   */
  public static AdverseEvents read(DatasetReader adae, AdaeSpec spec, Population population)
      throws IOException {
    return select(adae, spec, population, true);
  }

  /**
   * As {@link #read}, but only aggregates while streaming: memory is one entry per subject and
   * table row the subject appears in (any event, SOC, preferred term), whatever the number of
   * records; {@link #events()} is empty. The table computed from it is the same.
   *
   * @throws AdamDataException if a variable is missing or a value cannot be read
   */
  public static AdverseEvents count(DatasetReader adae, AdaeSpec spec, Population population)
      throws IOException {
    return select(adae, spec, population, false);
  }

  private static AdverseEvents select(
      DatasetReader adae, AdaeSpec spec, Population population, boolean keepRecords)
      throws IOException {
    int subject = adae.require(spec.subjectVariable());
    int soc = adae.require(spec.socVariable());
    int term = adae.require(spec.termVariable());
    int flag = spec.emergentFlag() == null ? -1 : adae.require(spec.emergentFlag());
    int[] filters = spec.conditions().stream().mapToInt(c -> adae.require(c.variable())).toArray();
    int onsetDate = spec.onsetDateVariable() == null ? -1 : adae.find(spec.onsetDateVariable());
    int onsetDay = spec.onsetDayVariable() == null ? -1 : adae.find(spec.onsetDayVariable());

    Map<String, Integer> index = new HashMap<>();
    List<Subject> subjects = new ArrayList<>(population.subjects().values());
    for (int i = 0; i < subjects.size(); i++) {
      index.put(subjects.get(i).id(), i);
    }
    FirstOnsets onsets = new FirstOnsets(subjects.size());
    List<AdverseEvent> events = new ArrayList<>();
    long read = 0;
    long outside = 0;
    long unknown = 0;
    long uncoded = 0;
    // ADAE is sorted by subject: the previous record's subject is looked up once.
    String lastId = null;
    int lastIndex = -1;
    Stripped flagValue = new Stripped();
    Stripped idValue = new Stripped();
    Stripped socValue = new Stripped();
    Stripped termValue = new Stripped();
    while (adae.next()) {
      read++;
      if (flag >= 0 && !flagValue.of(adae.sharedText(flag)).equals("Y")) {
        continue;
      }
      boolean pass = true;
      for (int i = 0; i < filters.length && pass; i++) {
        pass = spec.conditions().get(i).accepts(adae.sharedText(filters[i]));
      }
      if (!pass) {
        continue;
      }
      String id = idValue.of(adae.sharedText(subject));
      if (!id.equals(lastId)) {
        Integer found = index.get(id);
        lastId = id;
        lastIndex = found == null ? -1 : found;
      }
      if (lastIndex < 0) {
        if (population.otherSubjects().contains(id)) {
          outside++;
        } else {
          unknown++;
        }
        continue;
      }
      Subject s = subjects.get(lastIndex);
      String socName = socValue.of(adae.sharedText(soc));
      String termName = termValue.of(adae.sharedText(term));
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
      onsets.add(lastIndex, socName, termName, day);
      if (keepRecords) {
        events.add(new AdverseEvent(s.id(), socName, termName, day));
      }
    }
    return new AdverseEvents(adae.source(), spec, events, onsets, read, outside, unknown, uncoded);
  }

  /** {@link String#strip()} of the previous value again when the reader shares the instance. */
  private static final class Stripped {
    private String raw;
    private String stripped;

    String of(String value) {
      if (value != raw) {
        raw = value;
        stripped = value.strip();
      }
      return stripped;
    }
  }
}
