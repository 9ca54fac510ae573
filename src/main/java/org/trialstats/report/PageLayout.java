package org.trialstats.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Page geometry and explicit pagination of a {@link ReportTable} on a landscape page, shared by the
 * RTF and DOCX writers. The title block (table number, title, population line) sits in the page
 * header and the footnotes with "Page x of y" in the page footer, so the top and bottom margins
 * grow with them; the body rows are split into pages by their estimated height (lines after word
 * wrapping in the column widths, at the table's font and size), and each page repeats the column
 * header rows. Viewers that honour the repeat-header flag (Word) and those that do not show the
 * same pages, since every page is its own table.
 *
 * <p>Rows are kept in blocks: a block starts at a row of indentation 0 (a SOC, a parameter, a
 * characteristic); a block that does not fit the rest of a page starts the next page when it fits a
 * page on its own and less than 40% of the page would stay empty, and a heading row ({@link
 * ReportTable.Row#keepWithNext()}) never ends a page.
 */
final class PageLayout {
  /** Left and right margins in twips. */
  static final int SIDE_MARGIN = 1440;

  /** Distance of the header and the footer from the page edge in twips. */
  static final int EDGE = 720;

  /** Space between the header (footer) block and the body in twips. */
  private static final int GAP = 240;

  /** Height of the page-break paragraph that separates the pages' tables (1 pt font). */
  static final int BREAK_TWIPS = 40;

  /** Space after the title paragraph in twips. */
  static final int TITLE_AFTER = 60;

  /** Space after the population line in twips (counted in the header height). */
  static final int SUBTITLE_AFTER = 120;

  /** Space after each footnote in twips. */
  static final int NOTE_AFTER = 40;

  /**
   * English Metric Units per twip: 914,400 EMU per inch (ECMA-376 Part 1, 20.1.2.1, the unit of
   * DrawingML extents) over 1,440 twips per inch.
   */
  static final int EMU_PER_TWIP = 635;

  private final ReportTable table;
  private final int usable;
  private final int body;
  private final int points;
  private final int[] widths;
  private final int top;
  private final int bottom;
  private final List<List<Integer>> pages;

  PageLayout(ReportTable table, ReportTable.Paper paper) {
    this.table = table;
    this.usable = paper.widthTwips() - 2 * SIDE_MARGIN;
    this.points = table.fontPoints(usable);
    this.widths = table.columnTwips(usable);
    int header = 0;
    if (!table.number().isEmpty()) {
      header += lines(table.number(), usable, points + 1) * lineTwips(points + 1);
    }
    // continuation pages print the title with "(continued)": room for the longer of the two
    int titleLines =
        Math.max(
            lines(table.title(), usable, points + 1),
            lines(continued(table.title()), usable, points + 1));
    header += titleLines * lineTwips(points + 1) + TITLE_AFTER;
    header += lines(table.subtitle(), usable, points) * lineTwips(points) + SUBTITLE_AFTER;
    int footer = lineTwips(points - 1);
    for (String note : table.footnotes()) {
      footer += lines(note, usable, points - 1) * lineTwips(points - 1) + NOTE_AFTER;
    }
    this.top = EDGE + header + GAP;
    this.bottom = EDGE + footer + GAP;
    this.body = (int) ((paper.heightTwips() - top - bottom - BREAK_TWIPS) * 0.95);
    this.pages = paginate(body);
  }

  /** Font size of the body cells in points. */
  int points() {
    return points;
  }

  /** Column widths in twips, summing to the usable width. */
  int[] widths() {
    return widths.clone();
  }

  /** Usable width between the side margins in twips. */
  int usable() {
    return usable;
  }

  /** Top margin in twips: header distance, title block and a gap. */
  int top() {
    return top;
  }

  /** Bottom margin in twips: footer distance, footnotes, page line and a gap. */
  int bottom() {
    return bottom;
  }

  /** The body rows of each page, as indices into {@link ReportTable#rows()}; at least one page. */
  List<List<Integer>> pages() {
    return pages;
  }

  /** Height of the body between the top and bottom margins in twips, with a 5% reserve. */
  int bodyTwips() {
    return body;
  }

  /**
   * The size in twips at which a picture is placed on this page: its natural size ({@link
   * ReportPicture#widthTwips()}), scaled down with its aspect ratio kept when it is wider than the
   * usable width or taller than the body.
   *
   * @return width and height in twips
   */
  int[] pictureTwips(ReportPicture picture) {
    double w = picture.widthTwips();
    double h = picture.heightTwips();
    double scale = Math.min(1, Math.min(usable / w, body / h));
    return new int[] {(int) Math.floor(w * scale), (int) Math.floor(h * scale)};
  }

  /** A length in twips as EMU ({@link #EMU_PER_TWIP}). */
  static long emu(int twips) {
    return (long) twips * EMU_PER_TWIP;
  }

  /** The title of a continuation page. */
  static String continued(String title) {
    return title + " (continued)";
  }

  /** Line height in twips of text at {@code size} points (1.2 times the size, single spacing). */
  static int lineTwips(int size) {
    return size * 24;
  }

  /** Lines that {@code text} takes in {@code twips} at {@code size}, wrapping between words. */
  private int lines(String text, double twips, int size) {
    double room = twips / 20.0;
    int count = 0;
    for (String line : text.split("\n", -1)) {
      count++;
      double used = 0;
      for (String word : line.split(" ")) {
        double w = ReportTable.textWidth(word, table.font()) * size / 9.0;
        double space = ReportTable.textWidth(" ", table.font()) * size / 9.0;
        if (used > 0 && used + space + w > room) {
          count++;
          used = w;
        } else {
          used += (used > 0 ? space : 0) + w;
        }
      }
    }
    return count;
  }

  private int rowTwips(List<String> cells, int indent) {
    int most = 1;
    for (int c = 0; c < cells.size(); c++) {
      double room = widths[c] - 2 * ReportTable.CELL_PADDING_TWIPS - (c == 0 ? 240 * indent : 0);
      most = Math.max(most, lines(cells.get(c), room, points));
    }
    return most * lineTwips(points);
  }

  /** Height of the column header rows (the group row, when there are groups) in twips. */
  int headerTwips() {
    return groupTwips() + rowTwips(table.headers(), 0);
  }

  /**
   * Height of the row of column group labels in twips, each label wrapping in the width of its
   * columns; 0 without groups.
   */
  int groupTwips() {
    if (table.groups().isEmpty()) {
      return 0;
    }
    int most = 1;
    for (ReportTable.HeaderGroup g : table.groups()) {
      int room = -2 * ReportTable.CELL_PADDING_TWIPS;
      for (int c = g.firstColumn(); c < g.firstColumn() + g.span(); c++) {
        room += widths[c];
      }
      most = Math.max(most, lines(g.label(), room, points));
    }
    return most * lineTwips(points);
  }

  private List<List<Integer>> paginate(int body) {
    List<ReportTable.Row> rows = table.rows();
    int room = Math.max(body - headerTwips(), lineTwips(points));
    List<List<Integer>> result = new ArrayList<>();
    List<Integer> page = new ArrayList<>();
    int used = 0;
    int start = 0;
    while (start < rows.size()) {
      int end = start + 1;
      while (end < rows.size() && rows.get(end).indent() > 0) {
        end++;
      }
      int blockTwips = 0;
      for (int r = start; r < end; r++) {
        blockTwips += rowTwips(rows.get(r).cells(), rows.get(r).indent());
      }
      // a block that fits a page moves to the next one unless that would leave much of this one
      // empty (then it is split between rows, as is a block longer than a page)
      if (used + blockTwips > room
          && !page.isEmpty()
          && blockTwips <= room
          && room - used < 0.4 * room) {
        result.add(page);
        page = new ArrayList<>();
        used = 0;
      }
      for (int r = start; r < end; r++) {
        int h = rowTwips(rows.get(r).cells(), rows.get(r).indent());
        if (used + h > room && !page.isEmpty()) {
          // a heading row never ends a page: it moves with the row it heads
          List<Integer> carried = new ArrayList<>();
          while (page.size() > 1 && rows.get(page.get(page.size() - 1)).keepWithNext()) {
            carried.add(0, page.remove(page.size() - 1));
          }
          result.add(page);
          page = carried;
          used = 0;
          for (int k : carried) {
            used += rowTwips(rows.get(k).cells(), rows.get(k).indent());
          }
        }
        page.add(r);
        used += h;
      }
      start = end;
    }
    result.add(page);
    return List.copyOf(result);
  }
}
