package org.trialstats.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstats.io.InvalidDataException;
import org.trialstats.io.Utf8Text;
import org.trialstats.meta.ContinuousArms;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.PersonTime;
import org.trialstats.meta.StudyData;

/**
 * Reads the input of the {@code meta} command: a UTF-8 CSV file with a header row and one row per
 * study (arm 1 = treatment, arm 2 = control) in one of four forms: two-by-two counts {@code study,
 * events1, n1, events2, n2}; continuous outcomes {@code study, mean1, sd1, n1, mean2, sd2, n2};
 * incidence rates {@code study, events1, time1, events2, time2} (person-time at risk); or generic
 * effects {@code study, yi, vi} (or {@code study, yi, sei}); with an optional subgroup column and
 * any other columns (e.g. {@code year} for a cumulative analysis). Column names are matched
 * case-insensitively. Every error names the file, the line and the field.
 *
 * <p>Missing values ({@code NA} or an empty cell in a numeric column) leave the study out with a
 * warning naming it and its line, as metafor's default {@code na.action = "na.omit"} does; with
 * {@link MissingValues#REFUSE} they are an error instead.
 */
public final class MetaInputReader {
  /** The columns of the two-by-two form. */
  public static final List<String> COUNT_COLUMNS = List.of("events1", "n1", "events2", "n2");

  /** The columns of the continuous form. */
  public static final List<String> MEAN_COLUMNS =
      List.of("mean1", "sd1", "n1", "mean2", "sd2", "n2");

  /** The columns of the incidence-rate form. */
  public static final List<String> RATE_COLUMNS = List.of("events1", "time1", "events2", "time2");

  /** What to do with a study that has a missing value. */
  public enum MissingValues {
    /** Leave the study out with a warning naming it (metafor's default). */
    OMIT,
    /** Stop with an error naming the file, line and field. */
    REFUSE
  }

  /** Largest accepted input file: 64 MiB (the file is parsed in memory). */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private MetaInputReader() {}

  /**
   * One input row.
   *
   * @param line the 1-based line number in the file
   * @param study the parsed study
   * @param values every column of the row by lower-case column name
   */
  public record Row(int line, StudyData study, Map<String, String> values) {}

  /**
   * The parsed file.
   *
   * @param file the file read
   * @param rows the rows in file order
   * @param form the form of the study data
   * @param subgroups whether the subgroup column is present and used
   * @param omitted one warning per study left out for a missing value, naming it and its line
   */
  public record Input(
      Path file,
      List<Row> rows,
      EffectMeasure.Input form,
      boolean subgroups,
      List<String> omitted) {
    /** Whether the file is in two-by-two form. */
    public boolean counts() {
      return form == EffectMeasure.Input.TWO_BY_TWO;
    }

    /** The studies in file order. */
    public List<StudyData> studies() {
      return rows.stream().map(Row::study).toList();
    }

    /**
     * The rows ordered by a column (numerically when every value is a number, otherwise as text),
     * ties kept in file order, for a cumulative meta-analysis.
     *
     * @throws InvalidDataException when the column is missing or a value is blank
     */
    public List<StudyData> orderedBy(String column) {
      String key = column.trim().toLowerCase(Locale.ROOT);
      if (!rows.isEmpty() && !rows.get(0).values().containsKey(key)) {
        throw new InvalidDataException(
            file.getFileName()
                + ": no column '"
                + column
                + "' to order the cumulative analysis"
                + " by; columns are "
                + String.join(", ", rows.get(0).values().keySet()));
      }
      boolean numeric = true;
      for (Row r : rows) {
        String v = r.values().get(key);
        if (v == null || v.isBlank()) {
          throw new InvalidDataException(
              file.getFileName()
                  + ", line "
                  + r.line()
                  + ", field "
                  + key
                  + ": a value is needed to order the cumulative analysis");
        }
        numeric &= parseDoubleOrNull(v) != null;
      }
      List<Row> sorted = new ArrayList<>(rows);
      Comparator<Row> order =
          numeric
              ? Comparator.comparingDouble(r -> parseDoubleOrNull(r.values().get(key)))
              : Comparator.comparing(r -> r.values().get(key));
      sorted.sort(order); // List.sort is stable
      return sorted.stream().map(Row::study).toList();
    }
  }

  /**
   * Reads and validates the file.
   *
   * @param subgroupColumn name of the subgroup column; when null, a column named {@code subgroup}
   *     is used if present
   * @throws InvalidDataException for invalid content (message names file, line and field),
   *     including a file larger than {@link #MAX_FILE_BYTES} or a malformed CSV header
   * @throws IOException when the file cannot be read
   */
  public static Input read(Path file, String subgroupColumn) throws IOException {
    return read(file, subgroupColumn, MissingValues.OMIT);
  }

  /**
   * Reads and validates the file.
   *
   * @param subgroupColumn name of the subgroup column; when null, a column named {@code subgroup}
   *     is used if present
   * @param missing what to do with a study that has a missing value
   * @throws InvalidDataException for invalid content (message names file, line and field)
   * @throws IOException when the file cannot be read
   */
  public static Input read(Path file, String subgroupColumn, MissingValues missing)
      throws IOException {
    String name = file.getFileName().toString();
    String text;
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(Math.toIntExact(MAX_FILE_BYTES + 1));
    }
    if (bytes.length > MAX_FILE_BYTES) {
      // The whole file is held in memory: refuse what cannot be a table of studies.
      throw new InvalidDataException(
          name
              + ": larger than "
              + MAX_FILE_BYTES
              + " bytes (64 MiB); a"
              + " meta-analysis input has one row per study");
    }
    try {
      text = Utf8Text.decode(name, bytes);
    } catch (Utf8Text.MalformedException e) {
      throw new InvalidDataException(e.getMessage() + "; save the file as UTF-8 CSV", e);
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<Row> rows = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    EffectMeasure.Input form;
    boolean subgroups;
    try (CSVParser parser = format.parse(new StringReader(text))) {
      Map<String, String> header = new LinkedHashMap<>();
      for (String h : parser.getHeaderNames()) {
        String key = h.trim().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
          continue;
        }
        if (header.put(key, h) != null) {
          throw new InvalidDataException(name + ", line 1: column '" + h + "' appears twice");
        }
      }
      if (!header.containsKey("study")) {
        throw new InvalidDataException(name + ", line 1: a 'study' column is required");
      }
      EffectMeasure.Input detected = form(name, header, parser.getHeaderNames());
      form = detected;
      String subgroupKey =
          subgroupColumn == null ? "subgroup" : subgroupColumn.trim().toLowerCase(Locale.ROOT);
      if (subgroupColumn != null && !header.containsKey(subgroupKey)) {
        throw new InvalidDataException(
            name + ", line 1: no subgroup column '" + subgroupColumn + "'");
      }
      subgroups = header.containsKey(subgroupKey);
      for (CSVRecord record : parser) {
        int line = (int) parser.getCurrentLineNumber();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : header.entrySet()) {
          values.put(h.getKey(), record.isSet(h.getValue()) ? record.get(h.getValue()) : "");
        }
        if (!record.isConsistent()) {
          throw new InvalidDataException(
              name
                  + ", line "
                  + line
                  + ": expected "
                  + parser.getHeaderNames().size()
                  + " fields, found "
                  + record.size());
        }
        Field f = new Field(name, line, values);
        String study = f.text("study");
        String subgroup = subgroups ? f.text(subgroupKey) : null;
        String missingField = missingField(values, columns(form, values));
        if (missingField != null) {
          if (missing == MissingValues.REFUSE) {
            throw new InvalidDataException(
                name
                    + ", line "
                    + line
                    + ", field "
                    + missingField
                    + ": missing value (study '"
                    + study
                    + "'); complete it or let the study be left out");
          }
          omitted.add(
              "study '" + study + "' (line " + line + ") left out: missing " + missingField);
          continue;
        }
        StudyData data = study(form, f, study, subgroup, values);
        rows.add(new Row(line, data, Collections.unmodifiableMap(values)));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // commons-csv reports a malformed header or record this way
      throw new InvalidDataException(name + ": not a valid CSV file: " + e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      throw new InvalidDataException(name + ": not a valid CSV file: " + e.getCause().getMessage());
    } catch (org.apache.commons.csv.CSVException e) {
      // Malformed header line (e.g. an unclosed quote): content, not an unreadable file.
      throw new InvalidDataException(name + ": not a valid CSV file: " + e.getMessage());
    }
    if (rows.isEmpty() && omitted.isEmpty()) {
      throw new InvalidDataException(name + ": no study rows after the header");
    }
    if (rows.isEmpty()) {
      throw new InvalidDataException(
          name + ": no study is left: every row has a missing value (" + omitted.get(0) + ")");
    }
    return new Input(file, rows, form, subgroups, List.copyOf(omitted));
  }

  /** The form of the data from the header, or an error naming the expected columns. */
  private static EffectMeasure.Input form(
      String name, Map<String, String> header, List<String> headerNames) {
    boolean hasGeneric = header.containsKey("yi");
    EffectMeasure.Input form;
    List<String> needed;
    if (header.containsKey("mean1") || header.containsKey("sd1")) {
      form = EffectMeasure.Input.MEANS;
      needed = MEAN_COLUMNS;
    } else if (header.containsKey("time1") || header.containsKey("time2")) {
      form = EffectMeasure.Input.PERSON_TIME;
      needed = RATE_COLUMNS;
    } else if (COUNT_COLUMNS.stream().anyMatch(header::containsKey)) {
      form = EffectMeasure.Input.TWO_BY_TWO;
      needed = COUNT_COLUMNS;
    } else if (hasGeneric) {
      if (header.containsKey("vi") == header.containsKey("sei")) {
        throw new InvalidDataException(
            name
                + ", line 1: generic input needs exactly one of the columns vi (variance) or"
                + " sei (standard error) next to yi");
      }
      return EffectMeasure.Input.EFFECT;
    } else {
      throw new InvalidDataException(
          name
              + ", line 1: expected columns study, events1, n1, events2, n2 (two-by-two);"
              + " study, mean1, sd1, n1, mean2, sd2, n2 (continuous); study, events1, time1,"
              + " events2, time2 (incidence rates); or study, yi, vi (or sei) (generic); found "
              + String.join(", ", headerNames));
    }
    if (hasGeneric) {
      throw new InvalidDataException(
          name
              + ", line 1: give either "
              + String.join(", ", needed)
              + " or yi with vi (or"
              + " sei), not both");
    }
    for (String c : needed) {
      if (!header.containsKey(c)) {
        throw new InvalidDataException(
            name
                + ", line 1: column '"
                + c
                + "' is missing; this form needs study, "
                + String.join(", ", needed));
      }
    }
    return form;
  }

  /** The numeric columns of a form. */
  private static List<String> columns(EffectMeasure.Input form, Map<String, String> values) {
    return switch (form) {
      case TWO_BY_TWO -> COUNT_COLUMNS;
      case MEANS -> MEAN_COLUMNS;
      case PERSON_TIME -> RATE_COLUMNS;
      case EFFECT -> values.containsKey("vi") ? List.of("yi", "vi") : List.of("yi", "sei");
    };
  }

  /** The first of the columns whose value is missing (NA or empty), or null. */
  private static String missingField(Map<String, String> values, List<String> columns) {
    for (String c : columns) {
      String v = values.get(c);
      if (v == null || v.isBlank() || v.trim().equals("NA")) {
        return c;
      }
    }
    return null;
  }

  private static StudyData study(
      EffectMeasure.Input form,
      Field f,
      String study,
      String subgroup,
      Map<String, String> values) {
    return switch (form) {
      case TWO_BY_TWO -> {
        long events1 = f.count("events1");
        long n1 = f.count("n1");
        long events2 = f.count("events2");
        long n2 = f.count("n2");
        f.arm("events1", events1, "n1", n1);
        f.arm("events2", events2, "n2", n2);
        yield StudyData.counts(study, subgroup, events1, n1, events2, n2);
      }
      case MEANS -> {
        double mean1 = f.number("mean1");
        double sd1 = f.nonNegative("sd1");
        long n1 = f.atLeastOne("n1");
        double mean2 = f.number("mean2");
        double sd2 = f.nonNegative("sd2");
        long n2 = f.atLeastOne("n2");
        yield StudyData.means(study, subgroup, new ContinuousArms(mean1, sd1, n1, mean2, sd2, n2));
      }
      case PERSON_TIME -> {
        long events1 = f.count("events1");
        double time1 = f.positive("time1");
        long events2 = f.count("events2");
        double time2 = f.positive("time2");
        yield StudyData.personTime(study, subgroup, new PersonTime(events1, time1, events2, time2));
      }
      case EFFECT -> {
        double yi = f.number("yi");
        double vi;
        if (values.containsKey("vi")) {
          vi = f.positive("vi");
        } else {
          double sei = f.positive("sei");
          vi = sei * sei;
          if (!(vi > 0) || Double.isInfinite(vi)) {
            throw f.error("sei", "its square must be a positive finite number");
          }
        }
        yield StudyData.generic(study, subgroup, yi, vi);
      }
    };
  }

  static Double parseDoubleOrNull(String s) {
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Field parsing with error messages naming file, line and field. */
  private record Field(String file, int line, Map<String, String> values) {
    InvalidDataException error(String field, String problem) {
      return new InvalidDataException(
          file
              + ", line "
              + line
              + ", field "
              + field
              + ": '"
              + values.get(field)
              + "' "
              + problem);
    }

    String text(String field) {
      String v = values.get(field);
      if (v == null || v.isBlank()) {
        throw new InvalidDataException(file + ", line " + line + ", field " + field + ": is empty");
      }
      return v;
    }

    long count(String field) {
      String v = text(field);
      try {
        long n = Long.parseLong(v);
        if (n < 0) {
          throw error(field, "is negative; counts must be 0 or more");
        }
        return n;
      } catch (NumberFormatException e) {
        throw error(field, "is not a whole number");
      }
    }

    void arm(String eventsField, long events, String nField, long n) {
      if (n < 1) {
        throw error(nField, "must be at least 1");
      }
      if (events > n) {
        throw error(eventsField, "exceeds " + nField + " = " + n);
      }
    }

    double number(String field) {
      String v = text(field);
      Double d = parseDoubleOrNull(v);
      if (d == null || v.endsWith("d") || v.endsWith("D") || v.endsWith("f") || v.endsWith("F")) {
        throw error(field, "is not a finite number");
      }
      return d;
    }

    double nonNegative(String field) {
      double d = number(field);
      if (!(d >= 0)) {
        throw error(field, "must be 0 or more");
      }
      return d;
    }

    long atLeastOne(String field) {
      long n = count(field);
      if (n < 1) {
        throw error(field, "must be at least 1");
      }
      return n;
    }

    double positive(String field) {
      double d = number(field);
      if (!(d > 0)) {
        throw error(field, "must be greater than 0");
      }
      return d;
    }
  }
}
