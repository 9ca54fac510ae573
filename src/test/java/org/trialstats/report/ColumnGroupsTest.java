package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;

/**
 * Column groups of a {@link ReportTable} (the arms over their ITT / Eff / Com sub-columns, as
 * display 14-1.03): widths from each sub-column's own content with each group wide enough for its
 * label, and the spanning header row in RTF (cells ending at the group edges), DOCX ({@code
 * w:gridSpan}) and HTML ({@code colspan}), repeated on every page; Markdown folds the label into
 * the column headers. A made-up table long enough for several pages, no shared data.
 */
class ColumnGroupsTest {
  private static final List<String> ARMS =
      List.of(
          "Placebo (N=86)",
          "Xanomeline Low Dose (N=84)",
          "Xanomeline High Dose (N=84)",
          "Total (N=254)");
  private static final List<String> SUBSETS = List.of("ITT", "Eff", "Com");

  private static List<String> headers() {
    List<String> headers = new ArrayList<>(List.of("Pooled Site / Site"));
    for (int a = 0; a < ARMS.size(); a++) {
      headers.addAll(SUBSETS);
    }
    return headers;
  }

  private static List<ReportTable.HeaderGroup> groups() {
    List<ReportTable.HeaderGroup> groups = new ArrayList<>();
    for (int a = 0; a < ARMS.size(); a++) {
      groups.add(new ReportTable.HeaderGroup(ARMS.get(a), 1 + 3 * a, 3));
    }
    return groups;
  }

  /** 15 blocks of a heading row and 7 site rows: several pages; one wide cell in column 2. */
  private static List<ReportTable.Row> rows() {
    List<ReportTable.Row> rows = new ArrayList<>();
    for (int b = 0; b < 15; b++) {
      List<String> cells = new ArrayList<>(List.of("Pool " + b));
      for (int c = 1; c <= 12; c++) {
        cells.add(c == 2 && b == 3 ? "123 (100.0%)" : String.valueOf(10 + b));
      }
      rows.add(new ReportTable.Row(0, true, cells));
      for (int r = 0; r < 7; r++) {
        List<String> site = new ArrayList<>(List.of("Site 7" + b + r));
        for (int c = 1; c <= 12; c++) {
          site.add(String.valueOf(r));
        }
        rows.add(new ReportTable.Row(1, false, site));
      }
    }
    return rows;
  }

  private static ReportTable table(String font) {
    List<String> headers = headers();
    List<ReportTable.Row> rows = rows();
    return new ReportTable(
        "Table 99-1.03 Made-up subjects by site",
        "Protocol: TEST; ITT Population",
        headers,
        ReportTable.contentWidths(headers, groups(), rows, font, 200),
        rows,
        List.of("Source: made-up data; trialstats test."),
        "",
        font,
        9,
        groups());
  }

  @Test
  void subColumnsAreSizedByTheirOwnContentAndEachGroupFitsItsLabel() {
    for (String font : List.of(ReportTable.TIMES, ReportTable.COURIER)) {
      ReportTable t = table(font);
      boolean whole = font.equals(ReportTable.TIMES);
      List<Double> widths = t.widths();
      for (int c = 1; c < t.headers().size(); c++) {
        double need = ReportTable.textWidth(t.headers().get(c), font);
        for (ReportTable.Row r : t.rows()) {
          need = Math.max(need, ReportTable.textWidth(r.cells().get(c), font));
        }
        assertThat(widths.get(c)).as("%s column %d", font, c).isGreaterThanOrEqualTo(need);
      }
      for (ReportTable.HeaderGroup g : t.groups()) {
        double sum = 0;
        for (int c = g.firstColumn(); c < g.firstColumn() + g.span(); c++) {
          sum += widths.get(c);
        }
        // the longest word always fits; in Times the whole label (the columns then fit the page,
        // in Courier New they would not, so its labels wrap between words)
        assertThat(sum)
            .as("%s %s", font, g.label())
            .isGreaterThanOrEqualTo(unbreakable(g.label(), font, whole) - 1e-9);
      }
      // a sub-column is not sized by the arm name: Placebo's columns stay narrow, and a group too
      // narrow for its label is widened evenly (Xanomeline Low Dose: all three equally)
      double itt = ReportTable.textWidth("ITT", font);
      double com = ReportTable.textWidth("Com", font);
      double eff = ReportTable.textWidth("Eff", font);
      assertThat(widths.get(1)).isLessThan(ReportTable.textWidth("Placebo (N=86)", font) / 2);
      assertThat(widths.get(5) - widths.get(4)).isCloseTo(eff - itt, within(1e-9));
      assertThat(widths.get(6) - widths.get(4)).isCloseTo(com - itt, within(1e-9));
      // the twips on the page: every column holds its longest word, every group its label
      int usable = ReportTable.Paper.LETTER.widthTwips() - 2 * PageLayout.SIDE_MARGIN;
      int points = t.fontPoints(usable);
      int[] twips = t.columnTwips(usable);
      for (int c = 1; c < twips.length; c++) {
        assertThat(ReportTable.textWidth(t.headers().get(c), font) * points / 9.0 * 20)
            .isLessThan(twips[c] - 2 * ReportTable.CELL_PADDING_TWIPS);
      }
      for (ReportTable.HeaderGroup g : t.groups()) {
        int room = -2 * ReportTable.CELL_PADDING_TWIPS;
        for (int c = g.firstColumn(); c < g.firstColumn() + g.span(); c++) {
          room += twips[c];
        }
        assertThat(unbreakable(g.label(), font, whole) * points / 9.0 * 20)
            .as(g.label())
            .isLessThan(room);
      }
    }
  }

  @Test
  void aLabelTooLongToKeepWholeWrapsBetweenWordsAndItsLongestWordFits() {
    List<String> headers = List.of("", "a", "b");
    List<ReportTable.HeaderGroup> groups =
        List.of(
            new ReportTable.HeaderGroup(
                "An arm with a name far longer than thirty characters Supercalifragilistic", 1, 2));
    List<ReportTable.Row> rows = List.of(new ReportTable.Row(0, false, List.of("x", "1", "2")));
    List<Double> widths = ReportTable.contentWidths(headers, groups, rows, ReportTable.TIMES, 200);
    double word = ReportTable.textWidth("Supercalifragilistic", ReportTable.TIMES);
    assertThat(widths.get(1) + widths.get(2)).isCloseTo(word, within(1e-9));
    assertThat(widths.get(1)).isCloseTo(widths.get(2), within(1e-9));
  }

  @Test
  void groupsMustBeInOrderApartAndWithinTheColumns() {
    List<String> headers = List.of("", "a", "b", "c");
    List<Double> widths = List.of(1.0, 1.0, 1.0, 1.0);
    List<ReportTable.Row> rows = List.of();
    for (List<ReportTable.HeaderGroup> bad :
        List.of(
            List.of(new ReportTable.HeaderGroup("x", 1, 2), new ReportTable.HeaderGroup("y", 2, 2)),
            List.of(new ReportTable.HeaderGroup("x", 2, 3)))) {
      assertThatThrownBy(
              () ->
                  new ReportTable(
                      "t", "s", headers, widths, rows, List.of(), "", ReportTable.TIMES, 9, bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new ReportTable.HeaderGroup("x", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pageHeaderHeightIncludesTheGroupRow() {
    ReportTable t = table(ReportTable.TIMES);
    ReportTable flat =
        new ReportTable(
            t.title(),
            t.subtitle(),
            t.headers(),
            t.widths(),
            t.rows(),
            t.footnotes(),
            "",
            t.font(),
            9,
            List.of());
    PageLayout grouped = new PageLayout(t, ReportTable.Paper.LETTER);
    PageLayout single = new PageLayout(flat, ReportTable.Paper.LETTER);
    assertThat(grouped.groupTwips()).isEqualTo(PageLayout.lineTwips(grouped.points()));
    assertThat(single.groupTwips()).isZero();
    assertThat(grouped.headerTwips())
        .isEqualTo(single.headerTwips() + PageLayout.lineTwips(grouped.points()));
  }

  @Test
  void rtfGroupRowEndsItsCellsAtTheGroupEdgesOnEveryPage() {
    ReportTable t = table(ReportTable.TIMES);
    PageLayout layout = new PageLayout(t, ReportTable.Paper.LETTER);
    assertThat(layout.pages()).hasSizeGreaterThan(1);
    int[] w = layout.widths();
    int[] edges = new int[w.length];
    for (int i = 0, sum = 0; i < w.length; i++) {
      sum += w[i];
      edges[i] = sum;
    }
    String rtf = AeTableRtfWriter.rtf(List.of(t), ReportTable.Paper.LETTER);
    String body = rtf.substring(rtf.indexOf("\\trowd"));
    String[] pages = body.split("\\\\page\\\\par");
    assertThat(pages).hasSize(layout.pages().size());
    String font = "\\f0\\fs" + 2 * layout.points();
    for (String page : pages) {
      String[] rows = page.strip().split("\\\\row\\n");
      String group = rows[0];
      String header = rows[1];
      assertThat(group).startsWith("\\trowd").contains("\\trhdr");
      assertThat(header).startsWith("\\trowd").contains("\\trhdr");
      assertThat(page.split("\\\\trhdr", -1)).hasSize(3);
      // cells: the label column, then one per group ending at the edge of its last column
      List<String> cellx = new ArrayList<>();
      for (String part : group.split("\n")) {
        if (part.contains("\\cellx")) {
          cellx.add(part.substring(part.indexOf("\\cellx") + 6));
        }
      }
      assertThat(cellx)
          .containsExactly(
              String.valueOf(edges[0]),
              String.valueOf(edges[3]),
              String.valueOf(edges[6]),
              String.valueOf(edges[9]),
              String.valueOf(edges[12]));
      // a rule above the whole row, below the group labels only (a paragraph border, so the rules
      // of adjacent groups stay apart)
      assertThat(group.split("\\\\clbrdrt", -1)).hasSize(6);
      assertThat(group).doesNotContain("\\clbrdrb");
      for (String arm : ARMS) {
        assertThat(group)
            .contains(
                "\\intbl\\qc\\sb0\\sa0\\brdrb\\brdrs\\brdrw10 \\brsp20"
                    + font
                    + " "
                    + arm
                    + "\\cell");
      }
      assertThat(group.split("\\\\brdrb", -1)).hasSize(5);
      // the column header row: sub-labels, no top rule (the group row has it), a rule below
      assertThat(header).doesNotContain("\\clbrdrt").contains("\\qc\\sb0\\sa0" + font + " Eff");
      assertThat(header.split("\\\\clbrdrb", -1)).hasSize(14);
    }
  }

  @Test
  void docxGroupRowSpansItsColumnsAndRepeatsOnEveryPage() throws IOException {
    ReportTable t = table(ReportTable.TIMES);
    PageLayout layout = new PageLayout(t, ReportTable.Paper.A4);
    byte[] docx = AeTableDocxWriter.docx(List.of(t), ReportTable.Paper.A4);
    assertThat(AeTableDocxWriter.docx(List.of(t), ReportTable.Paper.A4)).isEqualTo(docx);
    int[] w = layout.widths();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getTables()).hasSize(layout.pages().size()).hasSizeGreaterThan(1);
      int body = 0;
      for (XWPFTable table : doc.getTables()) {
        assertThat(table.getRow(0).isRepeatHeader()).isTrue();
        assertThat(table.getRow(1).isRepeatHeader()).isTrue();
        List<XWPFTableCell> cells = table.getRow(0).getTableCells();
        List<String> texts = new ArrayList<>(List.of(""));
        texts.addAll(ARMS);
        assertThat(cells).extracting(XWPFTableCell::getText).containsExactlyElementsOf(texts);
        assertThat(cells.get(0).getCTTc().getTcPr().isSetGridSpan()).isFalse();
        for (int g = 1; g < cells.size(); g++) {
          var pr = cells.get(g).getCTTc().getTcPr();
          assertThat(pr.getGridSpan().getVal().intValue()).isEqualTo(3);
          assertThat(cells.get(g).getWidth()).isEqualTo(w[3 * g - 2] + w[3 * g - 1] + w[3 * g]);
          assertThat(pr.getTcBorders().isSetBottom()).isFalse();
          assertThat(cells.get(g).getParagraphs().get(0).getCTP().getPPr().getPBdr().isSetBottom())
              .isTrue();
        }
        assertThat(table.getRow(1).getTableCells())
            .extracting(XWPFTableCell::getText)
            .containsExactlyElementsOf(t.headers());
        body += table.getRows().size() - 2;
      }
      assertThat(body).isEqualTo(t.rows().size());
    }
  }

  @Test
  void htmlHasAColspanRowAndMarkdownFoldsTheLabelIntoTheHeaders() {
    ReportTable t = table(ReportTable.TIMES);
    String html = AeTableWriter.html(List.of(t));
    assertThat(html)
        .contains(
            "<thead>\n<tr class=\"groups\"><th></th><th class=\"group\" colspan=\"3\">"
                + "Placebo (N=86)</th><th class=\"group\" colspan=\"3\">"
                + "Xanomeline Low Dose (N=84)</th>")
        .contains("Total (N=254)</th></tr>\n<tr><th>Pooled Site / Site</th><th>ITT</th>")
        .contains("thead tr.groups th.group{border-bottom:1px solid #000}");
    String markdown = AeTableWriter.markdown(List.of(t));
    assertThat(markdown)
        .contains(
            "| Pooled Site / Site | Placebo (N=86)<br>ITT | Placebo (N=86)<br>Eff |"
                + " Placebo (N=86)<br>Com | Xanomeline Low Dose (N=84)<br>ITT |");
    // without groups, neither the row nor its style rules
    ReportTable flat =
        new ReportTable(t.title(), t.subtitle(), t.headers(), t.widths(), t.rows(), t.footnotes());
    assertThat(AeTableWriter.html(List.of(flat))).doesNotContain("groups");
  }

  private static double unbreakable(String label, String font, boolean whole) {
    double w = 0;
    for (String word : whole ? new String[] {label} : label.split(" ")) {
      w = Math.max(w, ReportTable.textWidth(word, font));
    }
    return w;
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
