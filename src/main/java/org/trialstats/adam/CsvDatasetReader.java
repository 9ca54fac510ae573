package org.trialstats.adam;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstats.io.CsvRecordLimit;
import org.trialstats.io.Utf8Lines;

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
  private final Utf8Lines lines;
  private final List<DatasetVariable> variables;
  private long linesRead;
  private long currentLine;
  private boolean hasRecord;

  /**
   * The bytes of the current record when it is ASCII without quotes (the common case): its fields
   * are the comma-separated ranges {@link #starts} to {@link #ends}, read without a copy.
   */
  private byte[] line;

  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int fieldCount;

  /** The current record's fields when it has quotes. */
  private String[] quoted;

  /**
   * The last distinct values returned by {@link #sharedText(int)} per column, most recent first: a
   * column of arms, flags or codes then gives the same few strings without a copy per record, even
   * when its values alternate.
   */
  private String[][] shared;

  private static final int RECENT_VALUES = 8;

  private CsvDatasetReader(Path file) throws IOException {
    this.fileName = file.getFileName().toString();
    String base = fileName.replaceFirst("\\.[^.]*$", "");
    this.name = base.toUpperCase(Locale.ROOT);
    Utf8Lines in = Utf8Lines.open(file, CsvRecordLimit.MAX_RECORD_CHARS);
    this.lines = in;
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
      this.shared = new String[vars.size()][RECENT_VALUES];
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
    int start = starts[index];
    int end = ends[index];
    while (end > start && line[end - 1] == ' ') {
      end--;
    }
    String[] recent = shared[index];
    for (String value : recent) {
      if (value == null) {
        break;
      }
      if (sameAscii(value, start, end)) {
        return value;
      }
    }
    String value = ascii(start, end);
    System.arraycopy(recent, 0, recent, 1, recent.length - 1);
    recent[0] = value;
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
    lines.close();
  }

  /** Reads the next non-empty record; false at the end of the file. */
  private boolean readRecord() throws IOException {
    do {
      if (!nextLineChecked(false)) {
        line = null;
        quoted = null;
        return false;
      }
      linesRead++;
    } while (lines.start() == lines.end());
    if (lines.ascii() && split(lines.bytes(), lines.start(), lines.end())) {
      line = lines.bytes();
      quoted = null;
    } else {
      line = null;
      quoted = parseQuoted(lines.text());
      fieldCount = quoted.length;
    }
    currentLine = linesRead;
    return true;
  }

  /**
   * Records the comma-separated ranges of an ASCII line; false when it holds a quote (then the
   * quoted-field parser reads it).
   */
  private boolean split(byte[] bytes, int from, int to) {
    int count = 0;
    starts[0] = from;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b > ',') {
        continue; // digits and letters: one comparison
      }
      if (b == ',') {
        ends[count] = i;
        count++;
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, 2 * count);
          ends = Arrays.copyOf(ends, 2 * count);
        }
        starts[count] = i + 1;
      } else if (b == '"') {
        return false;
      }
    }
    ends[count] = to;
    fieldCount = count + 1;
    return true;
  }

  /** The raw text of a field of the current record. */
  private String field(int index) {
    return line != null ? ascii(starts[index], ends[index]) : quoted[index];
  }

  /** A range of the current ASCII line as text (Latin-1 decoding equals UTF-8 on ASCII). */
  private String ascii(int start, int end) {
    return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** Whether a range of the current ASCII line holds the characters of the value. */
  private boolean sameAscii(String value, int start, int end) {
    if (value.length() != end - start) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (line[i] != value.charAt(i - start)) {
        return false;
      }
    }
    return true;
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
  static double plainDecimal(byte[] text, int start, int end) {
    int i = start;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int count = 0;
    int decimals = -1;
    for (; i < end; i++) {
      byte c = text[i];
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
            String next = nextLineChecked(true) ? lines.text() : null;
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
   * Moves to the next physical line, starting a record or continuing one (a quoted field with a
   * line break); false at the end of the file. A record longer than {@link
   * CsvRecordLimit#MAX_RECORD_CHARS} or text that is not UTF-8 is an error naming the line.
   */
  private boolean nextLineChecked(boolean continuation) throws IOException {
    try {
      return continuation ? lines.nextContinuation() : lines.nextLine();
    } catch (CsvRecordLimit.RecordTooLongException | CharacterCodingException e) {
      throw new AdamDataException(fileName + ", " + lines.describe(e));
    }
  }

  private static IOException rethrow(Exception e) {
    if (e instanceof RuntimeException r) {
      throw r;
    }
    return (IOException) e;
  }
}
