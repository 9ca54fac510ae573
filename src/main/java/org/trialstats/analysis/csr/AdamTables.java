package org.trialstats.analysis.csr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.DatasetVariable;
import org.trialstats.adam.VariableType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads an ADaM data set (SAS transport or CSV, through {@link DatasetReader}) into a Tablesaw
 * {@link Table}: numeric variables as {@link DoubleColumn} (missing = NaN), character variables as
 * {@link StringColumn} without trailing blanks (missing = empty). A CSV column whose every
 * non-empty value is a number becomes numeric.
 */
public final class AdamTables {
  private AdamTables() {}

  /**
   * Reads the whole data set.
   *
   * @param file the .xpt or .csv file
   * @return the table, named after the data set
   * @throws IOException if the file cannot be read
   * @throws org.trialstats.adam.AdamDataException if it is not a valid data set
   */
  public static Table read(Path file) throws IOException {
    try (DatasetReader reader = DatasetReader.open(file)) {
      List<DatasetVariable> vars = reader.variables();
      List<List<String>> text = new ArrayList<>();
      vars.forEach(v -> text.add(new ArrayList<>()));
      int rows = 0;
      double[][] buffer = new double[vars.size()][16];
      while (reader.next()) {
        if (rows == buffer[0].length) {
          for (int i = 0; i < vars.size(); i++) {
            buffer[i] = Arrays.copyOf(buffer[i], rows * 2);
          }
        }
        for (int i = 0; i < vars.size(); i++) {
          if (vars.get(i).type() == VariableType.NUMERIC) {
            buffer[i][rows] = reader.number(i);
          } else {
            text.get(i).add(reader.text(i));
          }
        }
        rows++;
      }
      List<Column<?>> columns = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        String name = vars.get(i).name();
        if (vars.get(i).type() == VariableType.NUMERIC) {
          columns.add(DoubleColumn.create(name, Arrays.copyOf(buffer[i], rows)));
        } else {
          double[] parsed = numericCsv(text.get(i));
          columns.add(
              parsed != null && vars.get(i).offset() < 0
                  ? DoubleColumn.create(name, parsed)
                  : StringColumn.create(name, text.get(i)));
        }
      }
      return Table.create(reader.name(), columns);
    }
  }

  /** The values as numbers when every non-empty one is a decimal number, else null. */
  private static double[] numericCsv(List<String> values) {
    double[] x = new double[values.size()];
    boolean any = false;
    for (int i = 0; i < x.length; i++) {
      String v = values.get(i).strip();
      if (v.isEmpty() || v.equals(".")) {
        x[i] = Double.NaN;
        continue;
      }
      if (!v.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
        return null;
      }
      x[i] = Double.parseDouble(v);
      any = true;
    }
    return any ? x : null;
  }
}
