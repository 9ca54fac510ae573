package org.trialstats.report;

import java.util.List;
import org.trialstats.io.Escape;

/**
 * Writes {@link ReportTable}s as an RTF 1.9 document in the layout of a clinical study report
 * table: landscape page, the table's font (Times New Roman or Courier New, 9 pt by default, one
 * point less for wide tables), the title block (table number, bold title, population line) in the
 * page header and the footnotes (ending with the source line) with "Page x of y" in the page
 * footer, so both are on every page. The body is paginated explicitly ({@link PageLayout}): each
 * page is a table of its own that starts with the column header rows (also flagged {@code \trhdr}
 * for viewers that repeat them; with {@link ReportTable#groups()} a row of group labels, each
 * centred over its columns with a rule below, comes first), with horizontal rules above and below
 * the header and below the last row, rows that never split, the label column left-aligned and the
 * numbers centred; one section per table. The document contains no date or other varying data, so
 * the bytes are identical from run to run. Text is escaped with {@link Escape#rtf}.
 */
public final class AeTableRtfWriter {
  private static final int INDENT = 240;
  private static final String RULE = "\\brdrs\\brdrw10 ";

  private AeTableRtfWriter() {}

  /** The RTF document (ASCII only; other characters are {@code \\uN?} escapes). */
  public static String rtf(List<ReportTable> tables, ReportTable.Paper paper) {
    StringBuilder b = documentStart(tables.get(0), paper);
    for (int i = 0; i < tables.size(); i++) {
      section(b, tables.get(i), paper, i > 0);
    }
    b.append("}\n");
    return b.toString();
  }

  /**
   * A figure page: the title block of {@code frame} in the page header, its footnotes in the page
   * footer (as for a table), and the picture centred in the body as a PNG {@code \pict\pngblip}
   * group with its bytes in hexadecimal, at its natural size or scaled down to fit the page ({@link
   * PageLayout#pictureTwips}: {@code \picwgoal}, {@code \pichgoal}). The frame's headers and rows
   * are not printed.
   *
   * @param frame title, population line, footnotes and font of the page
   * @param picture the PNG picture
   * @param paper the paper
   * @return the RTF document (ASCII only)
   */
  public static String rtf(ReportTable frame, ReportPicture picture, ReportTable.Paper paper) {
    StringBuilder b = documentStart(frame, paper);
    PageLayout page = sectionStart(b, frame, paper, false);
    int[] size = page.pictureTwips(picture);
    b.append("\\pard\\plain\\qc\\sb0\\sa0\\keep{\\pict\\pngblip\\picw")
        .append(picture.widthPixels())
        .append("\\pich")
        .append(picture.heightPixels())
        .append("\\picwgoal")
        .append(size[0])
        .append("\\pichgoal")
        .append(size[1])
        .append('\n');
    String hex = picture.hex();
    for (int at = 0; at < hex.length(); at += 128) {
      b.append(hex, at, Math.min(hex.length(), at + 128)).append('\n');
    }
    b.append("}\\par\n");
    b.append("}\n");
    return b.toString();
  }

  private static StringBuilder documentStart(ReportTable first, ReportTable.Paper paper) {
    StringBuilder b = new StringBuilder();
    b.append("{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0\\deflang1033\n")
        .append("{\\fonttbl{\\f0\\froman\\fprq2\\fcharset0 Times New Roman;}")
        .append("{\\f1\\fmodern\\fprq1\\fcharset0 Courier New;}}\n")
        .append("{\\colortbl;\\red0\\green0\\blue0;}\n")
        .append("{\\info{\\title ")
        .append(Escape.rtf(first.title()))
        .append("}{\\author trialstats}}\n")
        .append("\\paperw")
        .append(paper.widthTwips())
        .append("\\paperh")
        .append(paper.heightTwips())
        .append("\\landscape\\widowctrl\\ftnbj\n");
    return b;
  }

  private static void section(
      StringBuilder b, ReportTable t, ReportTable.Paper paper, boolean newPage) {
    PageLayout page = sectionStart(b, t, paper, newPage);
    String f = ReportTable.COURIER.equals(t.font()) ? "\\f1" : "\\f0";
    int points = page.points();
    int[] widths = page.widths();
    int[] edges = new int[widths.length];
    for (int i = 0, sum = 0; i < widths.length; i++) {
      sum += widths[i];
      edges[i] = sum;
    }
    String font = f + "\\fs" + 2 * points;
    List<List<Integer>> pages = page.pages();
    for (int p = 0; p < pages.size(); p++) {
      if (p > 0) {
        // an explicit page break: the next page's table starts with the header rows again
        b.append("\\pard\\plain\\sb0\\sa0\\fs2\\page\\par\n");
      }
      if (!t.groups().isEmpty()) {
        groupRow(b, t, edges, font);
      }
      row(b, t.headers(), edges, font, true, false, 0, false, t.groups().isEmpty());
      List<Integer> rows = pages.get(p);
      for (int r = 0; r < rows.size(); r++) {
        ReportTable.Row row = t.rows().get(rows.get(r));
        row(
            b,
            row.cells(),
            edges,
            font,
            false,
            r == rows.size() - 1,
            row.indent(),
            row.keepWithNext(),
            false);
      }
    }
    b.append("\\pard\\plain\\sb0\\sa0\\fs2\\par\n");
  }

  /** Section properties, title block and footer of a table's (or figure's) section. */
  private static PageLayout sectionStart(
      StringBuilder b, ReportTable t, ReportTable.Paper paper, boolean newPage) {
    PageLayout page = new PageLayout(t, paper);
    String f = ReportTable.COURIER.equals(t.font()) ? "\\f1" : "\\f0";
    int points = page.points();
    if (newPage) {
      b.append("\\sect");
    }
    b.append("\\sectd\\lndscpsxn\\pgwsxn")
        .append(paper.widthTwips())
        .append("\\pghsxn")
        .append(paper.heightTwips())
        .append("\\marglsxn")
        .append(PageLayout.SIDE_MARGIN)
        .append("\\margrsxn")
        .append(PageLayout.SIDE_MARGIN)
        .append("\\margtsxn")
        .append(page.top())
        .append("\\margbsxn")
        .append(page.bottom())
        .append("\\headery")
        .append(PageLayout.EDGE)
        .append("\\footery")
        .append(PageLayout.EDGE)
        .append('\n');
    // a table of several pages: the first page's header has the title, the others' the title
    // and "(continued)" (\titlepg: first-page header and footer of their own)
    boolean continued = page.pages().size() > 1;
    if (continued) {
      b.append("\\titlepg\n");
      titleBlock(b, t, "{\\headerf", t.title(), f, points);
      titleBlock(b, t, "{\\header", PageLayout.continued(t.title()), f, points);
      footer(b, t, "{\\footerf", f, points);
    } else {
      titleBlock(b, t, "{\\header", t.title(), f, points);
    }
    footer(b, t, "{\\footer", f, points);
    return page;
  }

  private static void row(
      StringBuilder b,
      List<String> cells,
      int[] edges,
      String font,
      boolean header,
      boolean last,
      int indent,
      boolean keepWithNext,
      boolean topRule) {
    b.append("\\trowd\\trgaph").append(ReportTable.CELL_PADDING_TWIPS).append("\\trleft0\\trkeep");
    if (header) {
      b.append("\\trhdr");
    }
    b.append('\n');
    for (int edge : edges) {
      if (header) {
        if (topRule) {
          b.append("\\clbrdrt").append(RULE);
        }
        b.append("\\clbrdrb").append(RULE).append("\\clvertalb");
      } else if (last) {
        b.append("\\clbrdrb").append(RULE);
      }
      b.append("\\cellx").append(edge).append('\n');
    }
    for (int i = 0; i < cells.size(); i++) {
      b.append("\\pard\\plain\\intbl");
      b.append(i == 0 ? "\\ql" : "\\qc");
      if (keepWithNext) {
        b.append("\\keepn");
      }
      if (i == 0 && indent > 0) {
        b.append("\\li").append(INDENT * indent);
      }
      b.append("\\sb0\\sa0").append(font).append(' ');
      String text = cells.get(i);
      b.append(String.join("\\line ", text.lines().map(Escape::rtf).toList()));
      b.append("\\cell\n");
    }
    b.append("\\row\n");
  }

  /**
   * The row of column group labels, a header row above the column headers: one cell per group
   * ending at the edge of its last column, with the label centred and a rule below it (a paragraph
   * border within the cell padding), and an empty cell per ungrouped column; the top rule of the
   * header runs above the whole row.
   */
  private static void groupRow(StringBuilder b, ReportTable t, int[] edges, String font) {
    b.append("\\trowd\\trgaph")
        .append(ReportTable.CELL_PADDING_TWIPS)
        .append("\\trleft0\\trkeep\\trhdr\n");
    List<String> cells = new java.util.ArrayList<>();
    for (int c = 0; c < edges.length; c++) {
      ReportTable.HeaderGroup g = t.groupOf(c);
      b.append("\\clbrdrt").append(RULE).append("\\clvertalb\\cellx");
      if (g != null) {
        c = g.firstColumn() + g.span() - 1;
      }
      b.append(edges[c]).append('\n');
      cells.add(g == null ? "" : g.label());
    }
    for (String text : cells) {
      b.append("\\pard\\plain\\intbl\\qc\\sb0\\sa0");
      if (!text.isEmpty()) {
        // a paragraph rule: it spans the label's cell less the cell padding, so the rules of
        // adjacent groups stay apart
        b.append("\\brdrb").append(RULE).append("\\brsp20");
      }
      b.append(font).append(' ');
      b.append(String.join("\\line ", text.lines().map(Escape::rtf).toList()));
      b.append("\\cell\n");
    }
    b.append("\\row\n");
  }

  /** The title block (number, title, population line) as a header group. */
  private static void titleBlock(
      StringBuilder b, ReportTable t, String group, String title, String f, int points) {
    b.append(group);
    if (!t.number().isEmpty()) {
      b.append("\\pard\\plain\\qc\\sb0\\sa0")
          .append(f)
          .append("\\fs")
          .append(2 * (points + 1))
          .append("\\b ")
          .append(Escape.rtf(t.number()))
          .append("\\b0\\par\n");
    }
    b.append("\\pard\\plain\\qc\\sb0\\sa")
        .append(PageLayout.TITLE_AFTER)
        .append(f)
        .append("\\fs")
        .append(2 * (points + 1))
        .append("\\b ")
        .append(Escape.rtf(title))
        .append("\\b0\\par\n");
    b.append("\\pard\\plain\\qc\\sb0\\sa0")
        .append(f)
        .append("\\fs")
        .append(2 * points)
        .append(' ')
        .append(Escape.rtf(t.subtitle()))
        .append("\\par}\n");
  }

  /** The footnotes and "Page x of y" as a footer group. */
  private static void footer(StringBuilder b, ReportTable t, String group, String f, int points) {
    String small = f + "\\fs" + 2 * (points - 1);
    b.append(group);
    for (String note : t.footnotes()) {
      b.append("\\pard\\plain\\ql\\sb0\\sa")
          .append(PageLayout.NOTE_AFTER)
          .append(small)
          .append(' ')
          .append(Escape.rtf(note))
          .append("\\par\n");
    }
    b.append("\\pard\\plain\\qr\\sb0\\sa0")
        .append(small)
        .append(" Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}} of ")
        .append("{\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}\\par}\n");
  }
}
