package org.trialstats.analysis.csr;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.DatasetVariable;
import org.trialstats.adam.SasValues;
import org.trialstats.adam.VariableType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A data set already held as a Tablesaw {@link Table} ({@link AdamTables}) read through the
 * forward-only {@link DatasetReader} interface, so that the streamed engines of the {@code adam}
 * package (adverse-event incidence) compute a display from the tables the other blocks use, without
 * reading the file again. Numeric columns give numbers (missing = NaN) and their shortest text;
 * character columns their text.
 */
final class TableReader implements DatasetReader {
  private final Table table;
  private final String source;
  private final List<DatasetVariable> variables = new ArrayList<>();
  private int row = -1;

  /**
   * @param table the data set
   * @param source the file it was read from, for messages
   */
  TableReader(Table table, String source) {
    this.table = table;
    this.source = source;
    List<String> names = table.columnNames();
    for (int i = 0; i < names.size(); i++) {
      VariableType type =
          table.column(i) instanceof DoubleColumn ? VariableType.NUMERIC : VariableType.CHARACTER;
      variables.add(new DatasetVariable(i + 1, names.get(i), "", type, 0, -1, "", ""));
    }
  }

  @Override
  public String name() {
    return table.name();
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public List<DatasetVariable> variables() {
    return variables;
  }

  @Override
  public boolean next() {
    if (row + 1 >= table.rowCount()) {
      row = table.rowCount();
      return false;
    }
    row++;
    return true;
  }

  @Override
  public String text(int index) {
    return CsrEngine.text(table, table.column(index).name(), row).stripTrailing();
  }

  @Override
  public double number(int index) {
    if (table.column(index) instanceof DoubleColumn d) {
      return d.getDouble(row);
    }
    return SasValues.parseNumber(
        text(index), position() + ", variable " + table.column(index).name());
  }

  @Override
  public String position() {
    return source + ", observation " + (row + 1);
  }

  @Override
  public void close() {
    // nothing to release: the table stays with its owner
  }
}
