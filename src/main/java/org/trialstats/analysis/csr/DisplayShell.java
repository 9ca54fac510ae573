package org.trialstats.analysis.csr;

import java.util.List;
import java.util.Map;

/**
 * A clinical-study-report display as a writer declared it in a YAML shell ({@link ShellParser}):
 * data sets, population, columns and rows. Every name that the data must have keeps the line it was
 * written on, so that a data mismatch is reported against the shell.
 *
 * @param file the shell's file name, for messages
 * @param number the table number, e.g. {@code 14-2.01}
 * @param title the title
 * @param population the population line under the title, e.g. {@code ITT Population}
 * @param protocol the protocol identifier printed in the header, or null
 * @param datasets data set name (as rows refer to it, {@code adsl} always present) to file name
 * @param populationFlag the ADSL flag whose value {@code Y} selects the subjects, or null for all
 * @param columns the columns
 * @param percentDecimals decimals of percentages in count cells
 * @param smallPercent how a percentage that rounds to zero but is not zero prints
 * @param pValues the display rule of p-values
 * @param rows the rows, in order
 * @param footnotes the footnotes, in order
 * @param font the font of the RTF and DOCX table ({@code Times New Roman} or {@code Courier New})
 * @param fontSize the font size of the table body in points
 * @param figure the figure of a figure shell (then {@code columns} is null and {@code rows} empty),
 *     or null for a table
 */
public record DisplayShell(
    String file,
    String number,
    String title,
    String population,
    String protocol,
    Map<String, String> datasets,
    Ref populationFlag,
    Columns columns,
    int percentDecimals,
    SmallPercent smallPercent,
    PValueRule pValues,
    List<ShellRow> rows,
    List<String> footnotes,
    String font,
    int fontSize,
    KaplanMeierFigure figure) {

  public DisplayShell {
    datasets = Map.copyOf(datasets);
    rows = List.copyOf(rows);
    footnotes = List.copyOf(footnotes);
  }

  /**
   * How a percentage above zero that rounds to zero at the shell's decimals prints ({@code
   * small_percent:}).
   */
  public enum SmallPercent {
    /** Rounded like every other percentage: 1 of 254 at 0 decimals prints {@code 1 (0%)}. */
    ROUNDED,
    /**
     * Below the smallest printable percentage: {@code 1 (<1%)} at 0 decimals, {@code (<0.1%)} at 1,
     * the convention of the pilot's SAS tables, so that a subject never prints as 0%.
     */
    BELOW
  }

  /**
   * A name the data must have, with where the shell says it.
   *
   * @param name the variable (or value) name
   * @param line the shell line
   * @param field the shell key
   */
  public record Ref(String name, int line, String field) {}

  /**
   * The columns: one per arm of the treatment variable (in the order of its numeric code), split by
   * subsets when given, and an optional total.
   *
   * @param treatment the ADSL treatment variable, e.g. {@code TRT01P}
   * @param order its numeric code, e.g. {@code TRT01PN}, or null to keep the order of appearance
   * @param total whether a Total column follows the arms
   * @param subsets sub-columns per arm (e.g. ITT, efficacy, completers), empty for one column
   * @param showN whether headers print {@code (N=..)}
   * @param control the control arm of pairwise comparisons (adverse-event tests, tests versus
   *     control), or null for the arm named Placebo if there is one, else the first arm
   */
  public record Columns(
      Ref treatment, Ref order, boolean total, List<Subset> subsets, boolean showN, Ref control) {
    public Columns {
      subsets = List.copyOf(subsets);
    }
  }

  /**
   * A sub-column of every arm: the subjects with {@code flag = Y}.
   *
   * @param flag the ADSL flag
   * @param label the header text
   */
  public record Subset(Ref flag, String label) {}

  /**
   * A record filter: the variable's text is (or with {@code negate} is not) one of the values.
   *
   * @param variable the variable
   * @param negate true for {@code !=}
   * @param values the accepted (or refused) values
   */
  public record Filter(Ref variable, boolean negate, List<String> values) {
    public Filter {
      values = List.copyOf(values);
    }

    /** The filter as written, e.g. {@code COMP24FL = N}. */
    public String describe() {
      return variable.name() + (negate ? " != " : " = ") + String.join("|", values);
    }
  }

  /**
   * The display rule of p-values: fixed decimals; below {@code lower} the text {@code lowerText}
   * (e.g. {@code <.0001}); above {@code upper} the text {@code upperText} (e.g. {@code >0.99}); a
   * {@code flag} appended below {@code flagBelow} (NaN: no flag); blank when not computable.
   *
   * @param decimals decimals
   * @param lower the smallest p-value printed as a number
   * @param lowerText the text below it
   * @param upper the largest p-value printed as a number
   * @param upperText the text above it
   * @param flagBelow the threshold of the flag, or NaN
   * @param flag the flag text, e.g. {@code *}
   * @param leadingZero whether a zero precedes the decimal point ({@code 0.031}, else {@code .031}
   *     as SAS's PVALUE format prints)
   */
  public record PValueRule(
      int decimals,
      double lower,
      String lowerText,
      double upper,
      String upperText,
      double flagBelow,
      String flag,
      boolean leadingZero) {}
}
