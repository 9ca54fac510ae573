package org.trialstats.adam;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CSV export of a data set (UTF-8, optional byte-order mark, first row = variable
 * names), one record at a time. Values are text; {@link #number(int)} parses them, accepting the
 * SAS missing values and ISO or DATE9 dates (see {@link DatasetReader#number(int)}), so a CSV
 * written by PROC EXPORT, R or pandas from an ADaM data set gives the same results as the
 * transport file.
 *
 * <p>The format is RFC 4180 as Commons CSV's default format reads it: comma-separated fields,
 * double quotes around a field that holds commas, quotes (doubled) or line breaks, empty lines
 * skipped. Lines without a quote character (the common case) are split directly, so reading
 * costs little more than reading the lines.
 */
public final class CsvDatasetReader implements DatasetReader {
  private final String fileName;
  private final String name;
  private final BufferedReader reader;
  private final List<DatasetVariable> variables;
  private long linesRead;
  private String[] current;
  private long currentLine;

  private CsvDatasetReader(Path file) throws IOException {
    this.fileName = file.getFileName().toString();
    String base = fileName.replaceFirst("\\.[^.]*$", "");
    this.name = base.toUpperCase(Locale.ROOT);
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    this.reader = in;
    try {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      String[] header = readRecord();
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
    current = readRecord();
    if (current == null) {
      return false;
    }
    if (current.length != variables.size()) {
      throw new AdamDataException(
          position()
              + ": "
              + current.length
              + " fields, but the header row names "
              + variables.size()
              + " columns");
    }
    return true;
  }

  @Override
  public String text(int index) {
    return stripTrailingBlanks(record()[index]);
  }

  @Override
  public double number(int index) {
    return SasValues.parseNumber(
        record()[index], position() + ", column " + variables.get(index).name());
  }

  @Override
  public String position() {
    return fileName + ", line " + (current == null ? "?" : Long.toString(currentLine));
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The next non-empty record, or null at the end of the file. */
  private String[] readRecord() throws IOException {
    String line;
    do {
      line = reader.readLine();
      if (line == null) {
        return null;
      }
      linesRead++;
    } while (line.isEmpty());
    String[] fields = line.indexOf('"') < 0 ? split(line) : parseQuoted(line);
    currentLine = linesRead;
    return fields;
  }

  private static String[] split(String line) {
    int count = 1;
    for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
      count++;
    }
    String[] fields = new String[count];
    int from = 0;
    for (int f = 0; f < count - 1; f++) {
      int comma = line.indexOf(',', from);
      fields[f] = line.substring(from, comma);
      from = comma + 1;
    }
    fields[count - 1] = line.substring(from);
    return fields;
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
            String next = reader.readLine();
            if (next == null) {
              throw new AdamDataException(fileName + ": cannot parse CSV: the quoted field"
                  + " opened on line " + opened + " is not closed before the end of the file");
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
          throw new AdamDataException(fileName + ", line " + linesRead + ": cannot parse CSV:"
              + " invalid character '" + line.charAt(i) + "' after a closing quote");
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

  private String[] record() {
    if (current == null) {
      throw new IllegalStateException("no current record: call next() first");
    }
    return current;
  }

  private static String stripTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  private static IOException rethrow(Exception e) {
    if (e instanceof RuntimeException r) {
      throw r;
    }
    return (IOException) e;
  }
}
