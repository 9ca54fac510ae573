package org.trialstats.adam;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the observations of one data set one at a time (a forward-only cursor), whatever its file
 * format: SAS transport version 5 ({@link XportReader}) or CSV ({@link CsvDatasetReader}). Memory
 * use is one observation, not the whole file.
 *
 * <pre>
 * try (DatasetReader adsl = DatasetReader.open(path)) {
 *   int arm = adsl.require("TRT01A");
 *   while (adsl.next()) {
 *     String value = adsl.text(arm);
 *   }
 * }
 * </pre>
 */
public interface DatasetReader extends Closeable {

  /**
   * Opens a data set file: SAS transport (recognised by its first header record, whatever the
   * extension) or, for a {@code .csv} file, CSV with a header row. A transport file's first member
   * is read.
   *
   * @throws AdamDataException if the file is neither, or is a transport file with no member
   */
  static DatasetReader open(Path file) throws IOException {
    byte[] start = new byte[XportReader.CARD_LENGTH];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    }
    String prefix = new String(start, 0, Math.min(read, 13), StandardCharsets.US_ASCII);
    if (prefix.equals("HEADER RECORD") || prefix.startsWith("**COMPRESSED")) {
      XportReader xport = XportReader.open(file);
      if (xport.nextMember().isEmpty()) {
        xport.close();
        throw new AdamDataException(file.getFileName() + ": the transport file holds no data set");
      }
      return xport;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CsvDatasetReader.open(file);
    }
    throw new AdamDataException(
        file.getFileName()
            + ": not a SAS transport (XPORT version 5) file and not a .csv file; export the data"
            + " set with PROC COPY to a XPORT engine library, or as CSV with a header row");
  }

  /** Name of the data set (transport member name, or the CSV file name without extension). */
  String name();

  /** Where the data come from, for messages: the file name. */
  String source();

  /** The variables in data set order. */
  List<DatasetVariable> variables();

  /** Index of the variable with this name (case-insensitive, as SAS names are), or -1. */
  default int find(String variableName) {
    List<DatasetVariable> vars = variables();
    for (int i = 0; i < vars.size(); i++) {
      if (vars.get(i).name().equalsIgnoreCase(variableName)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Index of a variable that must exist.
   *
   * @throws AdamDataException naming the file, the variable and the variables that do exist
   */
  default int require(String variableName) {
    int index = find(variableName);
    if (index < 0) {
      throw new AdamDataException(
          source()
              + ": data set "
              + name()
              + " has no variable "
              + variableName
              + "; its variables are "
              + variables().stream().map(DatasetVariable::name).toList());
    }
    return index;
  }

  /** Advances to the next observation; false when there is none left. */
  boolean next() throws IOException;

  /**
   * The value of a variable in the current observation as text: a character value without its
   * trailing blanks; a numeric value in shortest round-trip form ({@code 81}, {@code 0.5}); an
   * empty string for a missing numeric value.
   */
  String text(int index);

  /**
   * As {@link #text(int)}; readers may return the same String instance for equal values of a
   * variable (XPORT does, to read large files without a String per value). Callers must not rely on
   * identity, only on equality.
   */
  default String sharedText(int index) {
    return text(index);
  }

  /**
   * The value of a variable in the current observation as a number; {@code NaN} if missing. For
   * character data (CSV) the text is parsed: empty, {@code .} and {@code .A}-{@code .Z} are
   * missing; ISO dates ({@code 2014-01-02}) and SAS {@code DATE9} dates ({@code 02JAN2014}) give
   * the SAS date value (days since 1 January 1960).
   *
   * @throws AdamDataException if a character value is not a number or date
   */
  double number(int index);

  /** The current observation for messages, e.g. {@code adae.xpt, observation 17}. */
  String position();
}
