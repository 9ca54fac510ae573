package org.trialstats.report;

import java.util.List;
import org.trialstats.io.Escape;

/**
 * Writes {@link ReportTable}s as an RTF 1.9 document in the layout of a clinical study report
 * table: landscape page with 1-inch margins, Times New Roman 9 pt (8 pt for wide tables), centred bold title and
 * population line, a header row that repeats on every page with N per arm, horizontal rules above
 * and below the header and below the table only, rows that never split across pages (and SOC rows
 * kept with their first term), footnotes in 8 pt, "Page x of y" in the footer, and one table per
 * section. The document contains no date or other varying data, so the bytes are identical from
 * run to run. Text is escaped with {@link Escape#rtf}.
 */
public final class AeTableRtfWriter {
  private static final int MARGIN = 1440;
  private static final int INDENT = 240;
  private static final String RULE = "\\brdrs\\brdrw10 ";

  private AeTableRtfWriter() {}

  /** The RTF document (ASCII only; other characters are {@code \\uN?} escapes). */
  public static String rtf(List<ReportTable> tables, ReportTable.Paper paper) {
    StringBuilder b = new StringBuilder();
    b.append("{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0\\deflang1033\n")
        .append("{\\fonttbl{\\f0\\froman\\fprq2\\fcharset0 Times New Roman;}}\n")
        .append("{\\colortbl;\\red0\\green0\\blue0;}\n")
        .append("{\\info{\\title ").append(Escape.rtf(tables.get(0).title()))
        .append("}{\\author trialstats}}\n")
        .append("\\paperw").append(paper.widthTwips())
        .append("\\paperh").append(paper.heightTwips())
        .append("\\margl").append(MARGIN).append("\\margr").append(MARGIN)
        .append("\\margt").append(MARGIN).append("\\margb").append(MARGIN)
        .append("\\landscape\\widowctrl\\ftnbj\n");
    int usable = paper.widthTwips() - 2 * MARGIN;
    for (int i = 0; i < tables.size(); i++) {
      section(b, tables.get(i), paper, usable, i > 0);
    }
    b.append("}\n");
    return b.toString();
  }

  private static void section(
      StringBuilder b, ReportTable t, ReportTable.Paper paper, int usable, boolean newPage) {
    if (newPage) {
      b.append("\\sect");
    }
    b.append("\\sectd\\lndscpsxn\\pgwsxn").append(paper.widthTwips())
        .append("\\pghsxn").append(paper.heightTwips())
        .append("\\marglsxn").append(MARGIN).append("\\margrsxn").append(MARGIN)
        .append("\\margtsxn").append(MARGIN).append("\\margbsxn").append(MARGIN)
        .append("\\headery720\\footery720\n")
        .append("{\\footer\\pard\\plain\\qr\\f0\\fs16 Page {\\field{\\*\\fldinst PAGE}"
            + "{\\fldrslt 1}} of {\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}\\par}\n");
    b.append("\\pard\\plain\\qc\\keepn\\sb0\\sa60\\f0\\fs20\\b ").append(Escape.rtf(t.title()))
        .append("\\b0\\par\n");
    b.append("\\pard\\plain\\qc\\keepn\\sb0\\sa160\\f0\\fs18 ").append(Escape.rtf(t.subtitle()))
        .append("\\par\n");

    int[] widths = t.columnTwips(usable);
    int halfPoints = 2 * t.fontPoints(usable);
    int[] edges = new int[widths.length];
    for (int i = 0, sum = 0; i < widths.length; i++) {
      sum += widths[i];
      edges[i] = sum;
    }
    row(b, t.headers(), edges, halfPoints, true, false, 0, false);
    for (int r = 0; r < t.rows().size(); r++) {
      ReportTable.Row row = t.rows().get(r);
      row(b, row.cells(), edges, halfPoints, false, r == t.rows().size() - 1, row.indent(),
          row.keepWithNext());
    }
    b.append("\\pard\\plain\\sb120\\sa0\\f0\\fs16\\par\n");
    for (String note : t.footnotes()) {
      b.append("\\pard\\plain\\ql\\sb0\\sa40\\f0\\fs16 ").append(Escape.rtf(note)).append("\\par\n");
    }
  }

  private static void row(StringBuilder b, List<String> cells, int[] edges, int halfPoints,
      boolean header, boolean last, int indent, boolean keepWithNext) {
    b.append("\\trowd\\trgaph").append(ReportTable.CELL_PADDING_TWIPS).append("\\trleft0\\trkeep");
    if (header) {
      b.append("\\trhdr");
    }
    b.append('\n');
    for (int edge : edges) {
      if (header) {
        b.append("\\clbrdrt").append(RULE).append("\\clbrdrb").append(RULE).append("\\clvertalb");
      } else if (last) {
        b.append("\\clbrdrb").append(RULE);
      }
      b.append("\\cellx").append(edge).append('\n');
    }
    for (int i = 0; i < cells.size(); i++) {
      b.append("\\pard\\plain\\intbl");
      b.append(i == 0 && !header ? "\\ql" : "\\qc");
      if (keepWithNext) {
        b.append("\\keepn");
      }
      if (i == 0 && indent > 0) {
        b.append("\\li").append(INDENT * indent);
      }
      b.append("\\sb0\\sa0\\f0\\fs").append(halfPoints).append(' ');
      String text = cells.get(i);
      b.append(String.join("\\line ", text.lines().map(Escape::rtf).toList()));
      b.append("\\cell\n");
    }
    b.append("\\row\n");
  }
}
