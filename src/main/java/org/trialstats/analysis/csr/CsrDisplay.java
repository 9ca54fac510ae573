package org.trialstats.analysis.csr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A computed display, laid out as text cells (the report layer renders it) and with every number in
 * it unrounded.
 *
 * @param number the table number from the shell
 * @param title the title line, e.g. {@code Table 14-2.01 Summary of Demographic ...}
 * @param subtitle the population line
 * @param headers column headers; {@code \n} separates lines
 * @param groups labels spanning consecutive columns (an arm over its subset sub-columns), empty for
 *     none
 * @param rows the body rows
 * @param footnotes footnotes: the shell's, then the methods; each distinct text once ({@link
 *     #distinct})
 * @param values the numbers, in table order
 * @param notes what the reader should know (tests not computable, excluded records)
 */
public record CsrDisplay(
    String number,
    String title,
    String subtitle,
    List<String> headers,
    List<Group> groups,
    List<Line> rows,
    List<String> footnotes,
    List<CsrValue> values,
    List<String> notes) {
  public CsrDisplay {
    headers = List.copyOf(headers);
    groups = List.copyOf(groups);
    rows = List.copyOf(rows);
    footnotes = distinct(footnotes);
    values = List.copyOf(values);
    notes = List.copyOf(notes);
  }

  /**
   * The footnotes with each distinct text once, at its first place, so that a footnote that both
   * the shell and a method state (or a shell writes twice) prints once. Texts are compared after
   * trimming and collapsing runs of white space.
   *
   * @param footnotes footnotes in order
   * @return the first occurrence of each distinct text, in order
   */
  public static List<String> distinct(List<String> footnotes) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String note : footnotes) {
      if (seen.add(note.strip().replaceAll("\\s+", " "))) {
        out.add(note);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The header of column {@code column} with its group's label as the first line, e.g. {@code
   * "Placebo (N=86)\nITT"}: the whole name of a sub-column.
   *
   * @param column the column index (0 is the label column)
   * @return the header, preceded by the group label and a line break when the column is grouped
   */
  public String foldedHeader(int column) {
    for (Group g : groups) {
      if (column >= g.first() && column < g.first() + g.span()) {
        return g.label() + "\n" + headers.get(column);
      }
    }
    return headers.get(column);
  }

  /**
   * A label spanning consecutive columns.
   *
   * @param label the label, e.g. {@code Placebo (N=86)}
   * @param first index of its first column (0 is the label column)
   * @param span number of columns under it
   */
  public record Group(String label, int first, int span) {}

  /**
   * A body row.
   *
   * @param indent indentation level of the label (0 = flush left)
   * @param heading whether the row heads a block (kept with the next row on a page)
   * @param cells the label, then one text per column
   */
  public record Line(int indent, boolean heading, List<String> cells) {
    public Line {
      cells = List.copyOf(cells);
    }
  }
}
