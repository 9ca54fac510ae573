package org.trialstats.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code approvals.csv}: RFC 4180 CSV, UTF-8, with exactly the header {@link #COLUMNS}. Lines
 * are reported 1-based, counting the header as line 1; blank lines are skipped.
 */
final class ApprovalsParser {
  /** The columns, in order. */
  static final List<String> COLUMNS =
      List.of(
          "id", "region", "authority", "indication", "year", "date", "evidence", "source", "note");

  private static final List<String> REQUIRED =
      List.of("id", "region", "indication", "year", "evidence", "source");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

  private ApprovalsParser() {}

  static void parse(String text, String file, DatasetLoader loader) {
    Problems problems = loader.problems();
    int[] lineStarts = lineStarts(text);
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        problems.add(
            file,
            0,
            null,
            "expected the header " + String.join(",", COLUMNS) + ", got an empty file");
        return;
      }
      List<String> header = records.next().toList();
      if (!header.equals(COLUMNS)) {
        problems.add(
            file,
            1,
            null,
            "expected the header "
                + String.join(",", COLUMNS)
                + ", got "
                + String.join(",", header));
        return;
      }
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = lineOf(lineStarts, record.getCharacterPosition());
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != COLUMNS.size()) {
          problems.add(
              file, line, null, "expected " + COLUMNS.size() + " fields, got " + record.size());
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
          row.put(COLUMNS.get(i), record.get(i).strip());
        }
        if (validRow(row, file, line, loader)) {
          loader.approvals().add(row);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(file, 0, null, "expected well-formed CSV (RFC 4180), got " + e.getMessage());
    }
  }

  private static boolean validRow(
      Map<String, String> row, String file, int line, DatasetLoader loader) {
    Problems problems = loader.problems();
    int before = problems.count();
    for (String column : REQUIRED) {
      if (row.get(column).isEmpty()) {
        problems.add(file, line, column, "expected a value, got an empty cell");
      }
    }
    String id = row.get("id");
    if (!id.isEmpty()) {
      if (Fields.ID.matcher(id).matches()) {
        loader.declare("approval", id, file, line);
      } else {
        problems.add(
            file,
            line,
            "id",
            "expected an id of lower-case letters, digits and hyphens, got '" + id + "'");
      }
    }
    String year = row.get("year");
    if (!year.isEmpty() && !YEAR.matcher(year).matches()) {
      problems.add(file, line, "year", "expected a four-digit year, got '" + year + "'");
    }
    String date = row.get("date");
    if (!date.isEmpty()) {
      if (!DATE.matcher(date).matches() || !isValidDate(date)) {
        problems.add(
            file,
            line,
            "date",
            "expected an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got '" + date + "'");
      } else if (!date.startsWith(year)) {
        problems.add(file, line, "date", "expected a date in " + year + ", got '" + date + "'");
      }
    }
    for (String source : row.get("source").split(";")) {
      if (!source.isBlank()) {
        loader.refer(new DatasetLoader.Reference("source", file, line, "source", source.strip()));
      }
    }
    return problems.count() == before;
  }

  private static boolean isValidDate(String date) {
    try {
      switch (date.length()) {
        case 4 -> Integer.parseInt(date);
        case 7 -> YearMonth.parse(date);
        default -> LocalDate.parse(date);
      }
      return true;
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** 1-based line containing the character at {@code position}. */
  private static int lineOf(int[] lineStarts, long position) {
    int index = Arrays.binarySearch(lineStarts, (int) position);
    return (index >= 0 ? index : -index - 2) + 1;
  }
}
