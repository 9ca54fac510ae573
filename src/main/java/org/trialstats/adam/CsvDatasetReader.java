package org.trialstats.adam;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstats.io.CsvRecordLimit;

/**
 * Reads a CSV export of a data set (UTF-8, optional byte-order mark, first row = variable names),
 * one record at a time. Values are text; {@link #number(int)} parses them, accepting the SAS
 * missing values and ISO or DATE9 dates (see {@link DatasetReader#number(int)}), so a CSV written
 * by PROC EXPORT, R or pandas from an ADaM data set gives the same results as the transport file.
 *
 * <p>The format is RFC 4180 as Commons CSV's default format reads it: comma-separated fields,
 * double quotes around a field that holds commas, quotes (doubled) or line breaks, empty lines
 * skipped. Lines without a quote character (the common case) are split directly, so reading costs
 * little more than reading the lines.
 */
public final class CsvDatasetReader implements DatasetReader {
  private final String fileName;
  private final String name;
  private final CsvRecordLimit limit;
  private final BufferedReader reader;
  private final List<DatasetVariable> variables;
  private long linesRead;
  private long currentLine;
  private boolean hasRecord;

  /** The current record's line when it has no quotes (fields are its comma-separated ranges). */
  private String line;

  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int fieldCount;

  /** The current record's fields when it has quotes. */
  private String[] quoted;

  /** The last value returned by {@link #sharedText(int)} per column. */
  private String[] shared;

  private CsvDatasetReader(Path file) throws IOException {
    this.fileName = file.getFileName().toString();
    String base = fileName.replaceFirst("\\.[^.]*$", "");
    this.name = base.toUpperCase(Locale.ROOT);
    this.limit = CsvRecordLimit.openUtf8(file);
    BufferedReader in = new BufferedReader(limit, 1 << 16);
    this.reader = in;
    try {
      String[] header = readRecord() ? fields() : null;
      if (header == null) {
        throw new AdamDataException(fileName + ": empty file; expected a header row of names");
      }
      List<DatasetVariable> vars = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < header.length; i++) {
        String column = header[i].strip();
        if (column.isEmpty()) {
          throw new AdamDataException(
              fileName + ", line 1: column " + (i + 1) + " has no name in the header row");
        }
        if (!seen.add(column.toUpperCase(Locale.ROOT))) {
          throw new AdamDataException(fileName + ", line 1: column " + column + " occurs twice");
        }
        vars.add(DatasetVariable.csvColumn(i + 1, column));
      }
      this.variables = List.copyOf(vars);
      this.shared = new String[vars.size()];
    } catch (IOException | RuntimeException e) {
      in.close();
      throw rethrow(e);
    }
  }

  /** Opens a CSV file and reads its header row. */
  public static CsvDatasetReader open(Path file) throws IOException {
    return new CsvDatasetReader(file);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String source() {
    return fileName;
  }

  @Override
  public List<DatasetVariable> variables() {
    return variables;
  }

  @Override
  public boolean next() throws IOException {
    hasRecord = readRecord();
    if (!hasRecord) {
      return false;
    }
    if (fieldCount != variables.size()) {
      throw new AdamDataException(
          position()
              + ": "
              + fieldCount
              + " fields, but the header row names "
              + variables.size()
              + " columns");
    }
    return true;
  }

  @Override
  public String text(int index) {
    check();
    return stripTrailingBlanks(field(index));
  }

  @Override
  public String sharedText(int index) {
    check();
    if (line == null) {
      return text(index);
    }
    int end = ends[index];
    while (end > starts[index] && line.charAt(end - 1) == ' ') {
      end--;
    }
    String last = shared[index];
    int length = end - starts[index];
    if (last != null
        && last.length() == length
        && line.regionMatches(starts[index], last, 0, length)) {
      return last;
    }
    String value = line.substring(starts[index], end);
    shared[index] = value;
    return value;
  }

  @Override
  public double number(int index) {
    check();
    if (line != null) {
      double plain = plainDecimal(line, starts[index], ends[index]);
      if (!Double.isNaN(plain)) {
        return plain;
      }
    }
    return SasValues.parseNumber(
        field(index), position() + ", column " + variables.get(index).name());
  }

  @Override
  public String position() {
    return fileName + ", line " + (hasRecord ? Long.toString(currentLine) : "?");
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Reads the next non-empty record; false at the end of the file. */
  private boolean readRecord() throws IOException {
    String next;
    do {
      next = readLineChecked();
      if (next != null && linesRead == 0 && next.startsWith("\uFEFF")) {
        next = next.substring(1);
      }
      if (next == null) {
        line = null;
        quoted = null;
        return false;
      }
      linesRead++;
    } while (next.isEmpty());
    if (next.indexOf('"') < 0) {
      line = next;
      quoted = null;
      split(next);
    } else {
      line = null;
      quoted = parseQuoted(next);
      fieldCount = quoted.length;
    }
    currentLine = linesRead;
    return true;
  }

  /** Records the comma-separated ranges of a line without quotes. */
  private void split(String text) {
    int count = 0;
    int from = 0;
    while (true) {
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, 2 * count);
        ends = java.util.Arrays.copyOf(ends, 2 * count);
      }
      int comma = text.indexOf(',', from);
      starts[count] = from;
      ends[count] = comma < 0 ? text.length() : comma;
      count++;
      if (comma < 0) {
        break;
      }
      from = comma + 1;
    }
    fieldCount = count;
  }

  /** The raw text of a field of the current record. */
  private String field(int index) {
    return line != null ? line.substring(starts[index], ends[index]) : quoted[index];
  }

  /** All fields of the current record. */
  private String[] fields() {
    String[] out = new String[fieldCount];
    for (int i = 0; i < fieldCount; i++) {
      out[i] = field(i);
    }
    return out;
  }

  /**
   * A plain decimal ({@code -12}, {@code 3.25}) of at most 15 digits and 22 decimals parsed from
   * the range: exact, because the digits and the power of ten are exact doubles and one division
   * rounds correctly (Clinger's fast path). NaN for anything else, which the full parser handles.
   */
  static double plainDecimal(String text, int start, int end) {
    int i = start;
    boolean negative = i < end && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int count = 0;
    int decimals = -1;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || count > 15 || decimals > 22 || decimals == 0) {
      return Double.NaN;
    }
    double value = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
    return negative ? -value : value;
  }

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int k = 1; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
    }
  }

  /** A record with quoted fields, which may continue over the following lines. */
  private String[] parseQuoted(String first) throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String line = first;
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        long opened = linesRead;
        field.setLength(0);
        i++;
        while (true) {
          if (i >= line.length()) {
            String next = readLineChecked();
            if (next == null) {
              throw new AdamDataException(
                  fileName
                      + ": cannot parse CSV: the quoted field"
                      + " opened on line "
                      + opened
                      + " is not closed before the end of the file");
            }
            linesRead++;
            field.append('\n');
            line = next;
            i = 0;
            continue;
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        fields.add(field.toString());
        if (i == line.length()) {
          break;
        }
        if (line.charAt(i) != ',') {
          throw new AdamDataException(
              fileName
                  + ", line "
                  + linesRead
                  + ": cannot parse CSV:"
                  + " invalid character '"
                  + line.charAt(i)
                  + "' after a closing quote");
        }
        i++;
      } else {
        int comma = line.indexOf(',', i);
        if (comma < 0) {
          fields.add(line.substring(i));
          break;
        }
        fields.add(line.substring(i, comma));
        i = comma + 1;
      }
      if (i == line.length()) {
        fields.add("");
        break;
      }
    }
    return fields.toArray(String[]::new);
  }

  private void check() {
    if (!hasRecord) {
      throw new IllegalStateException("no current record: call next() first");
    }
  }

  private static String stripTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * The next physical line; a record longer than {@link CsvRecordLimit#MAX_RECORD_CHARS} or text
   * that is not UTF-8 is an error naming the line.
   */
  private String readLineChecked() throws IOException {
    try {
      return reader.readLine();
    } catch (CsvRecordLimit.RecordTooLongException | CharacterCodingException e) {
      throw new AdamDataException(fileName + ", " + limit.describe(e));
    }
  }

  private static IOException rethrow(Exception e) {
    if (e instanceof RuntimeException r) {
      throw r;
    }
    return (IOException) e;
  }
}
