package org.trialstats.adam;

/**
 * One variable of a data set, as described by a SAS transport NAMESTR record (SAS technical note
 * TS-140) or by a CSV header.
 *
 * @param number 1-based position of the variable in the data set (NAMESTR {@code nvar0})
 * @param name variable name, trailing blanks removed
 * @param label variable label (at most 40 characters in version 5 files; empty for CSV)
 * @param type numeric or character; CSV columns are {@link VariableType#CHARACTER} and are parsed
 *     as numbers on request
 * @param length bytes per value in the observation (0 for CSV)
 * @param offset byte offset of the value within the observation (-1 for CSV)
 * @param format display format such as {@code DATE9.} or {@code 8.2}; empty if none
 * @param informat input format, same notation; empty if none
 */
public record DatasetVariable(
    int number,
    String name,
    String label,
    VariableType type,
    int length,
    int offset,
    String format,
    String informat) {

  /** A CSV column: character type, no label, length or format. */
  static DatasetVariable csvColumn(int number, String name) {
    return new DatasetVariable(number, name, "", VariableType.CHARACTER, 0, -1, "", "");
  }
}
