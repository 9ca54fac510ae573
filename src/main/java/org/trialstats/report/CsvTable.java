package org.trialstats.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV table with a fixed header whose rows are filled by column name: a cell not set is empty, so
 * a row that uses a few of many columns (a test row beside interval rows, a provenance row) names
 * only those and cannot shift a value into the wrong column. Written as RFC 4180 CSV (Commons CSV
 * default format: quotes only where needed) with {@code \n} line ends, header first.
 */
public final class CsvTable {
  private final List<String> header;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * A table with the given columns.
   *
   * @param header the column names, in output order
   */
  public CsvTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /**
   * Appends an empty row.
   *
   * @return the row, to be filled with {@link Row#put}
   */
  public Row row() {
    String[] cells = new String[header.size()];
    Arrays.fill(cells, "");
    rows.add(cells);
    return new Row(cells);
  }

  /** One row of the table, filled by column name. */
  public final class Row {
    private final String[] cells;

    private Row(String[] cells) {
      this.cells = cells;
    }

    /**
     * Sets a cell.
     *
     * @param column a column of the header
     * @param value the value, written with {@code toString()} (null leaves the cell empty)
     * @return this row
     * @throws IllegalArgumentException for a column not in the header
     */
    public Row put(String column, Object value) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column '" + column + "' in " + header);
      }
      cells[i] = value == null ? "" : value.toString();
      return this;
    }
  }

  /**
   * The table as CSV text.
   *
   * @return the header line and one line per row, each ended by {@code \n}
   */
  public String text() {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(out)) {
      p.printRecord(header);
      for (String[] row : rows) {
        p.printRecord((Object[]) row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
