package org.trialstats.report;

import java.util.List;

/**
 * A table laid out for a clinical study report, independent of the output format: title, subtitle,
 * column headers (lines separated by {@code \n}), body rows and footnotes. The RTF, DOCX, HTML and
 * Markdown writers render the same model, so every format shows the same text.
 *
 * @param title table title
 * @param subtitle population line under the title
 * @param headers one header per column; {@code \n} separates lines within a header
 * @param widths per column, the width in points (9 pt Times New Roman, see {@link #textWidth}) of
 *     its widest content that should not wrap: the longest number cell or header word, or for the
 *     label column the longest label (capped); see {@link #columnTwips(int)}
 * @param rows body rows
 * @param footnotes footnotes in order
 * @param number table number printed above the title in RTF and DOCX (e.g. "Table 14-5.01"); empty
 *     for none
 * @param font font of the RTF and DOCX table: {@link #TIMES} or {@link #COURIER}; {@code widths}
 *     are measured in this font ({@link #textWidth(String, String)})
 * @param points font size of the table body in points (the title is one point larger, the footnotes
 *     one point smaller); one point less when the columns do not fit at this size
 * @param groups spanning header labels over consecutive columns (e.g. an arm over its ITT, Eff and
 *     Com sub-columns), printed in a header row above the column headers; empty for none (then the
 *     table has a single header row)
 */
public record ReportTable(
    String title,
    String subtitle,
    List<String> headers,
    List<Double> widths,
    List<Row> rows,
    List<String> footnotes,
    String number,
    String font,
    int points,
    List<HeaderGroup> groups) {

  /** Times New Roman, the default font. */
  public static final String TIMES = "Times New Roman";

  /** Courier New, the monospaced alternative. */
  public static final String COURIER = "Courier New";

  /** A table without a number, in Times New Roman. */
  public ReportTable(
      String title,
      String subtitle,
      List<String> headers,
      List<Double> widths,
      List<Row> rows,
      List<String> footnotes) {
    this(title, subtitle, headers, widths, rows, footnotes, "", TIMES, 9, List.of());
  }

  public ReportTable {
    number = number == null ? "" : number;
    if (!TIMES.equals(font) && !COURIER.equals(font)) {
      throw new IllegalArgumentException("font must be " + TIMES + " or " + COURIER);
    }
    if (points < 7 || points > 12) {
      throw new IllegalArgumentException("font size must be 7 to 12 points, not " + points);
    }
    headers = List.copyOf(headers);
    widths = List.copyOf(widths);
    rows = List.copyOf(rows);
    footnotes = List.copyOf(footnotes);
    groups = List.copyOf(groups);
    if (widths.size() != headers.size()) {
      throw new IllegalArgumentException("one width per column is needed");
    }
    int next = 0;
    for (HeaderGroup g : groups) {
      if (g.firstColumn() < next || g.firstColumn() + g.span() > headers.size()) {
        throw new IllegalArgumentException(
            "column groups must be in order, apart and within the " + headers.size() + " columns");
      }
      next = g.firstColumn() + g.span();
    }
    for (Row r : rows) {
      if (r.cells().size() != headers.size()) {
        throw new IllegalArgumentException(
            "row has " + r.cells().size() + " cells, expected " + headers.size());
      }
    }
  }

  /** Cell padding on each side in twips (1/1440 in). */
  public static final int CELL_PADDING_TWIPS = 72;

  /**
   * Font size of the table body and header: {@link #points} when every column's content fits the
   * usable width at that size, else one point less.
   */
  public int fontPoints(int usable) {
    return totalNeed(points) <= usable ? points : points - 1;
  }

  /**
   * Column widths in twips filling {@code usable} twips at {@link #fontPoints(int)}. When every
   * column's content fits, the spare width is shared in proportion; otherwise the number columns
   * keep their width and the label column takes the rest, but at least its need or a fifth of the
   * width, whichever is less (then numbers wrap).
   */
  public int[] columnTwips(int usable) {
    int points = fontPoints(usable);
    int k = widths.size();
    double[] need = new double[k];
    for (int i = 0; i < k; i++) {
      need[i] = need(i, points);
    }
    double total = totalNeed(points);
    double[] twips = new double[k];
    if (total <= usable) {
      for (int i = 0; i < k; i++) {
        twips[i] = need[i] * usable / total;
      }
    } else {
      double numbers = total - need[0];
      twips[0] = Math.max(Math.min(need[0], usable / 5.0), usable - numbers);
      for (int i = 1; i < k; i++) {
        twips[i] = need[i] * (usable - twips[0]) / numbers;
      }
    }
    int[] result = new int[k];
    int assigned = 0;
    for (int i = 0; i < k; i++) {
      result[i] = i == k - 1 ? usable - assigned : (int) Math.round(twips[i]);
      assigned += result[i];
    }
    return result;
  }

  /**
   * Twips a column needs: its content at {@code points}, 10% plus 3 pt of slack for renderers whose
   * fonts or cell margins differ a little from the estimate, and the cell padding.
   */
  private double need(int column, int points) {
    return widths.get(column) * points / 9.0 * 20 * 1.1 + 60 + 2 * CELL_PADDING_TWIPS;
  }

  private double totalNeed(int points) {
    double total = 0;
    for (int i = 0; i < widths.size(); i++) {
      total += need(i, points);
    }
    return total;
  }

  /**
   * Advance widths of the printable ASCII characters 32-126 in the Adobe Times-Roman font metrics
   * (AFM, 1/1000 em); Times New Roman and Liberation Serif, the fonts that render the RTF and DOCX
   * tables, have near-identical widths. Other characters count as 600.
   */
  private static final int[] TIMES_WIDTHS = {
    250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541
  };

  /** Estimated width in points of {@code text} set in 9 pt Times New Roman. */
  public static double textWidth(String text) {
    return textWidth(text, TIMES);
  }

  /**
   * Estimated width in points of {@code text} set in 9 pt {@code font}: Times metrics as above, or
   * Courier New's fixed advance of 600/1000 em for every character.
   */
  public static double textWidth(String text, String font) {
    if (COURIER.equals(font)) {
      return text.codePointCount(0, text.length()) * 600 * 9 / 1000.0;
    }
    long units = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      units += c >= 32 && c <= 126 ? TIMES_WIDTHS[c - 32] : 600;
    }
    return units * 9 / 1000.0;
  }

  /** This table with {@code newNumber} above the title and set in {@code newFont}. */
  public ReportTable withPage(String newNumber, String newFont) {
    return new ReportTable(
        title, subtitle, headers, widths, rows, footnotes, newNumber, newFont, points, groups);
  }

  /** This table set in {@code newFont} at {@code newPoints}. */
  public ReportTable withFont(String newFont, int newPoints) {
    return new ReportTable(
        title, subtitle, headers, widths, rows, footnotes, number, newFont, newPoints, groups);
  }

  /**
   * The widths a table needs, in points at 9 pt of {@code font}: per column the longest content
   * that must not wrap. In the label column that is the longest label plus its indentation, capped
   * at {@code labelCap} (longer labels wrap between words); in the other columns every whole cell
   * (so "65 (75.6%) [123]" stays on one line), every word of the header and the first header line
   * when it is short (an arm name, kept whole unless the columns then cannot fit a US Letter page
   * even at one point less; it then wraps between words, never inside one). The one width rule of
   * AE tables and CSR displays.
   *
   * @param headers column headers, lines separated by {@code \n}
   * @param rows body rows
   * @param font {@link #TIMES} or {@link #COURIER}
   * @param labelCap the largest width of the label column in points
   * @return one width per column
   */
  public static List<Double> contentWidths(
      List<String> headers, List<Row> rows, String font, double labelCap) {
    return contentWidths(headers, List.of(), rows, font, labelCap);
  }

  /**
   * The widths a table with column groups needs: as {@link #contentWidths(List, List, String,
   * double)} for each column (a grouped column by its own header and cells only), then each group's
   * label by the same rule as an arm name (its longest word, and the whole first line when it is
   * short and the columns then fit the narrowest page): when the columns under a group are together
   * narrower than that, they are widened evenly.
   *
   * @param headers column headers, lines separated by {@code \n}
   * @param groups spanning labels over consecutive columns, in order; empty for none
   * @param rows body rows
   * @param font {@link #TIMES} or {@link #COURIER}
   * @param labelCap the largest width of the label column in points
   * @return one width per column
   */
  public static List<Double> contentWidths(
      List<String> headers,
      List<HeaderGroup> groups,
      List<Row> rows,
      String font,
      double labelCap) {
    List<Double> whole = contentWidths(headers, groups, rows, font, labelCap, true);
    // arm names wrap between their words only when keeping them whole cannot fit the narrowest
    // page (US Letter landscape) even at one point less
    double need = 0;
    for (double w : whole) {
      need += w * 8 / 9.0 * 20 * 1.1 + 60 + 2 * CELL_PADDING_TWIPS;
    }
    int narrowest = Paper.LETTER.widthTwips() - 2 * 1440;
    return need <= narrowest ? whole : contentWidths(headers, groups, rows, font, labelCap, false);
  }

  private static List<Double> contentWidths(
      List<String> headers,
      List<HeaderGroup> groups,
      List<Row> rows,
      String font,
      double labelCap,
      boolean armsWhole) {
    List<Double> result = new java.util.ArrayList<>();
    for (int c = 0; c < headers.size(); c++) {
      double w = 0;
      String[] lines = headers.get(c).split("\n");
      for (int l = 0; l < lines.length; l++) {
        w = Math.max(w, unbreakable(lines[l], font, armsWhole && c > 0 && l == 0));
      }
      for (Row r : rows) {
        String cell = r.cells().get(c);
        for (String line : cell.split("\n")) {
          w = Math.max(w, textWidth(line, font) + (c == 0 ? 12 * r.indent() : 0));
        }
      }
      result.add(c == 0 ? Math.min(w, labelCap) : w);
    }
    for (HeaderGroup g : groups) {
      double label = 0;
      String[] lines = g.label().split("\n");
      for (int l = 0; l < lines.length; l++) {
        label = Math.max(label, unbreakable(lines[l], font, armsWhole && l == 0));
      }
      double sum = 0;
      for (int c = g.firstColumn(); c < g.firstColumn() + g.span(); c++) {
        sum += result.get(c);
      }
      if (sum < label) {
        double extra = (label - sum) / g.span();
        for (int c = g.firstColumn(); c < g.firstColumn() + g.span(); c++) {
          result.set(c, result.get(c) + extra);
        }
      }
    }
    return result;
  }

  /**
   * Width of the part of a header line that must not wrap: the whole line when {@code whole} and it
   * is short (an arm name), else its longest word.
   */
  private static double unbreakable(String line, String font, boolean whole) {
    double w = 0;
    for (String word : whole && line.length() < 30 ? new String[] {line} : line.split("\\s+")) {
      w = Math.max(w, textWidth(word, font));
    }
    return w;
  }

  /**
   * A header label spanning consecutive columns, printed centred over them with a rule below.
   *
   * @param label the label; {@code \n} separates lines
   * @param firstColumn index of its first column (0 is the label column)
   * @param span number of columns under it, at least 1
   */
  public record HeaderGroup(String label, int firstColumn, int span) {
    public HeaderGroup {
      if (firstColumn < 0 || span < 1) {
        throw new IllegalArgumentException("a column group needs a column index and a span >= 1");
      }
    }
  }

  /** The group over column {@code column}, or null. */
  HeaderGroup groupOf(int column) {
    for (HeaderGroup g : groups) {
      if (column >= g.firstColumn() && column < g.firstColumn() + g.span()) {
        return g;
      }
    }
    return null;
  }

  /**
   * The header of column {@code column} with its group's label as first line(s), as one header
   * shows both where spans are not available (Markdown).
   */
  public String foldedHeader(int column) {
    HeaderGroup g = groupOf(column);
    return g == null ? headers.get(column) : g.label() + "\n" + headers.get(column);
  }

  /**
   * A body row.
   *
   * @param indent indentation level of the first cell (0 = flush left)
   * @param keepWithNext keep this row on the same page as the next one (SOC heading rows)
   * @param cells cell texts; the first is the row label, the others are centred numbers
   */
  public record Row(int indent, boolean keepWithNext, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /** Paper size of the landscape page for RTF and DOCX. */
  public enum Paper {
    /** US Letter, 11 x 8.5 in landscape. */
    LETTER(15840, 12240),
    /** ISO A4, 297 x 210 mm landscape. */
    A4(16838, 11906);

    private final int widthTwips;
    private final int heightTwips;

    Paper(int widthTwips, int heightTwips) {
      this.widthTwips = widthTwips;
      this.heightTwips = heightTwips;
    }

    /** Landscape page width in twips (1/1440 in). */
    public int widthTwips() {
      return widthTwips;
    }

    /** Landscape page height in twips. */
    public int heightTwips() {
      return heightTwips;
    }
  }
}
