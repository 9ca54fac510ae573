package org.trialstats.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.trialstats.analysis.RequestFields;
import org.trialstats.io.Escape;
import org.trialstats.io.InvalidDataException;
import org.trialstats.io.Numbers;
import org.trialstats.report.StratifiedRow;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedAnalysis;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTables.Stratum;

/**
 * The stratified form of {@code batch}: when the header has both a {@code group} and a {@code
 * stratum} column, the rows sharing a group value are the strata of one stratified request (same
 * {@code measure}, {@code method} and {@code level} on every row; {@code events1, n1, events2, n2}
 * per stratum), and the output has one row per group, in the order in which the groups first
 * appear. A file with only one of the two columns is an ordinary batch (they are passed through),
 * so existing batches are unchanged. A row that cannot be read marks its group's output row as an
 * error and the batch goes on with the other groups.
 */
final class StratifiedBatch {
  /** The output columns before the result columns of {@link StratifiedRow}. */
  static final List<String> KEY_COLUMNS = List.of("group", "measure", "method", "level");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private StratifiedBatch() {}

  /** The output text and counts of a stratified batch. */
  record Result(String text, long rows, long errors) {}

  /** Whether a header asks for the stratified form (both {@code group} and {@code stratum}). */
  static boolean applies(List<String> header) {
    List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    return lower.contains("group") && lower.contains("stratum");
  }

  /** One group being read: its request fields, strata and the first error met. */
  private static final class Group {
    final String name;
    final long firstLine;
    RequestFields.Fields request;
    final List<Stratum> strata = new ArrayList<>();
    final Map<String, Long> labels = new HashMap<>();
    String error;

    Group(String name, long firstLine) {
      this.name = name;
      this.firstLine = firstLine;
    }

    void add(Map<String, String> values, String label, long line) {
      if (error != null) {
        return;
      }
      try {
        if (label.isEmpty()) {
          throw new InvalidDataException("field 'stratum' is empty");
        }
        Long previous = labels.putIfAbsent(label, line);
        if (previous != null) {
          throw new InvalidDataException(
              "stratum '"
                  + label
                  + "' appears twice in group '"
                  + name
                  + "' (line "
                  + previous
                  + ")");
        }
        RequestFields.Fields r = RequestFields.read(values);
        for (String field : List.of("events1", "n1", "events2", "n2")) {
          if (values.getOrDefault(field, "").isBlank()) {
            throw new InvalidDataException(
                "field '" + field + "' is empty; a stratum needs x1/n1:x2/n2");
          }
        }
        if (r.bergerBoos() != 0) {
          throw new InvalidDataException(
              "field '"
                  + RequestFields.BERGER_BOOS
                  + "' does not apply to a stratified request; leave it empty or 0");
        }
        if (request == null) {
          StratifiedMethod.find(r.measure(), methodId(r));
          request = r;
        } else {
          same("measure", r.measure().id(), request.measure().id());
          same("method", methodId(r), methodId(request));
          same("level", Numbers.full(r.level()), Numbers.full(request.level()));
        }
        strata.add(new Stratum(r.events1(), r.n1(), r.events2(), r.n2()));
      } catch (StatsException | InvalidDataException | ArithmeticException e) {
        error = "line " + line + ": " + e.getMessage();
      }
    }

    private void same(String field, String value, String groupValue) {
      if (!value.equalsIgnoreCase(groupValue)) {
        throw new InvalidDataException(
            "field '"
                + field
                + "' is '"
                + value
                + "' but the group's first row (line "
                + firstLine
                + ") has '"
                + groupValue
                + "'");
      }
    }

    /** Appends the output row; returns false for an error row. */
    boolean write(StringBuilder text) throws IOException {
      List<String> row = new ArrayList<>();
      row.add(Escape.csvText(name));
      row.add(request == null ? "" : request.measure().id());
      row.add(request == null ? "" : Escape.csvText(methodId(request)));
      row.add(request == null ? "" : Numbers.full(request.level()));
      String failure = error;
      if (failure == null) {
        try {
          StratifiedAnalysis analysis =
              StratifiedAnalysis.of(
                  StratifiedMethod.find(request.measure(), methodId(request)),
                  new StratifiedTables(strata),
                  request.level());
          row.addAll(StratifiedRow.cells(analysis));
          row.add("ok");
          row.add(analysis.estimate().note());
        } catch (StatsException | ArithmeticException e) {
          failure = "group starting at line " + firstLine + ": " + e.getMessage();
        }
      }
      if (failure != null) {
        row.addAll(StratifiedRow.empty(error == null ? strata.size() : 0));
        row.add("error");
        row.add(failure);
      }
      append(row, text);
      return failure == null;
    }
  }

  /** The method id of a request, Mantel-Haenszel when the field is blank. */
  private static String methodId(RequestFields.Fields r) {
    return r.method().isEmpty() ? StratifiedCi.defaultMethod(r.measure()) : r.method();
  }

  /**
   * Reads every record and computes one stratified request per group.
   *
   * @param header the header, as read
   * @param records the data records
   * @param line the current line number of the parser (for messages)
   */
  static Result run(List<String> header, Iterable<CSVRecord> records, LongSupplier line)
      throws IOException {
    List<String> keys = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    int groupColumn = keys.indexOf("group");
    int stratumColumn = keys.indexOf("stratum");
    Map<String, Group> groups = new LinkedHashMap<>();
    for (CSVRecord record : records) {
      long at = line.getAsLong();
      String name = field(record, groupColumn);
      Group group = groups.computeIfAbsent(name, n -> new Group(n, at));
      if (record.size() != header.size()) {
        group.error =
            group.error != null
                ? group.error
                : "line "
                    + at
                    + ": the row has "
                    + record.size()
                    + " fields, the header "
                    + header.size();
        continue;
      }
      if (name.isEmpty() && group.error == null) {
        group.error = "line " + at + ": field 'group' is empty";
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        if (BatchRunner.INPUT_COLUMNS.contains(keys.get(i))) {
          values.put(keys.get(i), field(record, i));
        }
      }
      group.add(values, field(record, stratumColumn), at);
    }
    StringBuilder text = new StringBuilder();
    List<String> outHeader = new ArrayList<>(KEY_COLUMNS);
    outHeader.addAll(StratifiedRow.COLUMNS);
    outHeader.addAll(List.of("status", "message"));
    append(outHeader, text);
    long errors = 0;
    for (Group group : groups.values()) {
      if (!group.write(text)) {
        errors++;
      }
    }
    return new Result(text.toString(), groups.size(), errors);
  }

  private static String field(CSVRecord record, int column) {
    return column < record.size() ? record.get(column).strip() : "";
  }

  private static void append(List<String> values, StringBuilder text) throws IOException {
    boolean first = true;
    for (String value : values) {
      FORMAT.print(value, text, first);
      first = false;
    }
    FORMAT.println(text);
  }
}
