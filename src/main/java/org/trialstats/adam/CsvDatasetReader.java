package org.trialstats.adam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstats.io.CsvRecordLimit;

/**
 * Reads a CSV export of a data set (UTF-8, optional byte-order mark, first row = variable
 * names), one record at a time. Values are text; {@link #number(int)} parses them, accepting the
 * SAS missing values and ISO or DATE9 dates (see {@link DatasetReader#number(int)}), so a CSV
 * written by PROC EXPORT, R or pandas from an ADaM data set gives the same results as the
 * transport file.
 */
public final class CsvDatasetReader implements DatasetReader {
  private final String fileName;
  private final String name;
  private final CsvRecordLimit reader;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<DatasetVariable> variables;
  private CSVRecord current;

  private CsvDatasetReader(Path file) throws IOException {
    this.fileName = file.getFileName().toString();
    String base = fileName.replaceFirst("\\.[^.]*$", "");
    this.name = base.toUpperCase(Locale.ROOT);
    CsvRecordLimit in = CsvRecordLimit.openUtf8(file);
    this.reader = in;
    try {
      this.parser = CSVFormat.DEFAULT.builder().get().parse(in);
      this.records = parser.iterator();
      if (!hasNextRecord()) {
        throw new AdamDataException(fileName + ": empty file; expected a header row of names");
      }
      CSVRecord header = records.next();
      List<DatasetVariable> vars = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i).strip();
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
    if (!hasNextRecord()) {
      current = null;
      return false;
    }
    current = records.next();
    if (current.size() != variables.size()) {
      throw new AdamDataException(
          position()
              + ": "
              + current.size()
              + " fields, but the header row names "
              + variables.size()
              + " columns");
    }
    return true;
  }

  @Override
  public String text(int index) {
    return stripTrailingBlanks(record().get(index));
  }

  @Override
  public double number(int index) {
    return SasValues.parseNumber(
        record().get(index), position() + ", column " + variables.get(index).name());
  }

  @Override
  public String position() {
    return fileName + ", line " + (current == null ? "?" : current.getParser().getCurrentLineNumber());
  }

  @Override
  public void close() throws IOException {
    parser.close();
    reader.close();
  }

  /**
   * Whether another record follows; a record that is malformed, too long or not UTF-8 is an
   * error naming the file and the line.
   */
  private boolean hasNextRecord() {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException malformed) {
        throw new AdamDataException(fileName + ", line " + reader.line() + ": malformed CSV: "
            + malformed.getMessage());
      }
      throw new AdamDataException(fileName + ", " + reader.describe(e.getCause()));
    } catch (IllegalStateException e) {
      throw new AdamDataException(
          fileName + ", line " + reader.line() + ": malformed CSV: " + e.getMessage());
    }
  }

  private CSVRecord record() {
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
