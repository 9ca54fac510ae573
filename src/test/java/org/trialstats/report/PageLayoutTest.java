package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.trialstats.analysis.csr.DisplayShell;
import org.trialstats.analysis.csr.ShellException;
import org.trialstats.analysis.csr.ShellParser;

/**
 * The page layout of the RTF and DOCX tables on a made-up table long enough for several pages (no
 * shared data needed): title block and footnotes in the page header and footer, explicit pages that
 * each start with the header rows, widths that hold the longest unbreakable content, the font.
 */
class PageLayoutTest {
  private static final String SOURCE = "Source: made-up data; trialstats test.";

  /** 12 blocks of a heading row and 7 indented rows: about 100 rows, several pages. */
  private static ReportTable table(String font, int points) {
    List<String> headers =
        List.of("Parameter\nStatistic", "Placebo\n(N=86)", "Xanomeline High Dose\n(N=84)");
    List<ReportTable.Row> rows = new ArrayList<>();
    for (int b = 0; b < 12; b++) {
      rows.add(new ReportTable.Row(0, true, List.of("Parameter " + b, "", "")));
      for (int r = 0; r < 7; r++) {
        rows.add(new ReportTable.Row(1, false, List.of("n " + r, "65 (75.6%)", "123 (100.0%)")));
      }
    }
    return new ReportTable(
        "Table 99-1.01 Made-up summary",
        "Protocol: TEST; Safety Population",
        headers,
        ReportTable.contentWidths(headers, rows, font, 200),
        rows,
        List.of("n = number of subjects.", SOURCE),
        "",
        font,
        points,
        List.of());
  }

  @Test
  void rtfHasTheTitleBlockAndFootnotesInHeaderAndFooterAndRepeatsTheHeaderOnEveryPage() {
    ReportTable t = table(ReportTable.TIMES, 9);
    PageLayout layout = new PageLayout(t, ReportTable.Paper.LETTER);
    assertThat(layout.pages()).hasSizeGreaterThan(2);
    String rtf = AeTableRtfWriter.rtf(List.of(t), ReportTable.Paper.LETTER);
    assertThat(rtf).isEqualTo(AeTableRtfWriter.rtf(List.of(t), ReportTable.Paper.LETTER));
    // several pages: the first page's header has the title, the others' "(continued)"; the
    // first page has its own header and footer groups (\titlepg)
    assertThat(rtf).contains("\\titlepg");
    String firstHeader = group(rtf, "{\\headerf");
    String firstFooter = group(rtf, "{\\footerf");
    String header = group(rtf, "{\\header\\");
    String footer = group(rtf, "{\\footer\\");
    assertThat(firstHeader).contains(t.title(), t.subtitle()).doesNotContain("(continued)");
    assertThat(header).contains(t.title() + " (continued)", t.subtitle());
    assertThat(firstFooter.substring("{\\footerf".length()))
        .isEqualTo(footer.substring("{\\footer".length()));
    assertThat(footer)
        .contains("n = number of subjects.", SOURCE)
        .contains("{\\field{\\*\\fldinst PAGE}")
        .contains("{\\field{\\*\\fldinst NUMPAGES}");
    // title and footnotes are not body text (once) but in the header and footer groups
    String body =
        rtf.substring(rtf.indexOf("\\sectd"))
            .replace(header, "")
            .replace(footer, "")
            .replace(firstHeader, "")
            .replace(firstFooter, "");
    assertThat(body).doesNotContain(t.title()).doesNotContain(SOURCE);
    // the body splits at explicit page breaks; every page starts with the flagged header row
    String[] pages = body.substring(body.indexOf("\\trowd")).split("\\\\page\\\\par");
    assertThat(pages).hasSize(layout.pages().size());
    for (String page : pages) {
      String firstRow = page.substring(page.indexOf("\\trowd"), page.indexOf("\\row"));
      assertThat(firstRow).contains("\\trhdr").contains("Placebo\\line (N=86)");
      assertThat(page.split("\\\\trhdr", -1)).hasSize(2);
    }
    // the first column is left-aligned in the header too, the numbers centred
    assertThat(rtf).contains("\\intbl\\ql\\sb0\\sa0\\f0\\fs18 Parameter\\line Statistic");
    assertThat(rtf).contains("\\intbl\\qc\\sb0\\sa0\\f0\\fs18 65 (75.6%)");
    // blocks stay together: each page after the first starts with a heading row
    for (List<Integer> page : layout.pages().subList(1, layout.pages().size())) {
      assertThat(t.rows().get(page.get(0)).keepWithNext()).isTrue();
    }
  }

  @Test
  void docxHasHeaderFooterRepeatedHeaderRowsOnEachPageAndTheShellFont() throws IOException {
    ReportTable t = table(ReportTable.COURIER, 10);
    PageLayout layout = new PageLayout(t, ReportTable.Paper.A4);
    byte[] docx = AeTableDocxWriter.docx(List.of(t), ReportTable.Paper.A4);
    assertThat(AeTableDocxWriter.docx(List.of(t), ReportTable.Paper.A4)).isEqualTo(docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      // several pages: a first-page header with the title, the others' with "(continued)"
      assertThat(doc.getHeaderList())
          .extracting(h -> h.getParagraphs().stream().map(XWPFParagraph::getText).toList())
          .containsExactlyInAnyOrder(
              List.of(t.title(), t.subtitle()), List.of(t.title() + " (continued)", t.subtitle()));
      assertThat(doc.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
      List<XWPFParagraph> foot = doc.getFooterList().get(0).getParagraphs();
      assertThat(foot)
          .extracting(XWPFParagraph::getText)
          .containsExactly("n = number of subjects.", SOURCE, "Page 1 of 1");
      assertThat(foot.get(2).getCTP().getFldSimpleList())
          .extracting(f -> f.getInstr())
          .containsExactly("PAGE", "NUMPAGES");
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).doesNotContain(SOURCE);

      assertThat(doc.getTables()).hasSize(layout.pages().size()).hasSizeGreaterThan(1);
      int row = 0;
      for (int p = 0; p < doc.getTables().size(); p++) {
        XWPFTable table = doc.getTables().get(p);
        assertThat(table.getRow(0).isRepeatHeader()).as("page %d", p).isTrue();
        assertThat(table.getRow(0).getCell(2).getText()).isEqualTo("Xanomeline High Dose\n(N=84)");
        assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getAlignment())
            .isEqualTo(ParagraphAlignment.LEFT);
        assertThat(table.getRows()).hasSize(1 + layout.pages().get(p).size());
        for (int r = 1; r < table.getRows().size(); r++, row++) {
          assertThat(table.getRow(r).getCell(0).getText())
              .isEqualTo(t.rows().get(row).cells().get(0));
        }
        for (XWPFRun run : table.getRow(1).getCell(1).getParagraphs().get(0).getRuns()) {
          assertThat(run.getFontFamily()).isEqualTo("Courier New");
          assertThat(run.getFontSizeAsDouble()).isEqualTo(10.0);
        }
      }
      assertThat(row).as("every body row on exactly one page").isEqualTo(t.rows().size());
    }
  }

  @Test
  void widthsHoldTheLongestUnbreakableContent() {
    for (String font : List.of(ReportTable.TIMES, ReportTable.COURIER)) {
      ReportTable t = table(font, 9);
      int usable = ReportTable.Paper.LETTER.widthTwips() - 2 * PageLayout.SIDE_MARGIN;
      int[] twips = t.columnTwips(usable);
      // a whole number cell and the arm name (first header line) fit on one line
      double cell = ReportTable.textWidth("123 (100.0%)", font);
      double arm = ReportTable.textWidth("Xanomeline High Dose", font);
      assertThat(t.widths().get(2)).isEqualTo(Math.max(cell, arm));
      assertThat(twips[2] - 2 * ReportTable.CELL_PADDING_TWIPS).isGreaterThan((int) (arm * 20));
      assertThat(twips[1] - 2 * ReportTable.CELL_PADDING_TWIPS)
          .isGreaterThan((int) (ReportTable.textWidth("65 (75.6%)", font) * 20));
    }
    // Courier New: every character 0.6 em
    assertThat(ReportTable.textWidth("65 (75.6%)", ReportTable.COURIER)).isEqualTo(10 * 5.4);
  }

  @Test
  void manyArmColumnsWrapArmNamesBetweenWordsNeverInsideOne() {
    // 3 arms x 3 populations + 3 totals, as display 14-1.03: whole arm names cannot fit the page
    List<String> headers = new ArrayList<>(List.of("Pooled Site / Site"));
    for (String arm : List.of("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose", "Total")) {
      for (String population : List.of("ITT", "Eff", "Com")) {
        headers.add(arm + "\n" + population);
      }
    }
    List<ReportTable.Row> rows = new ArrayList<>();
    rows.add(
        new ReportTable.Row(0, false, new ArrayList<>(java.util.Collections.nCopies(13, "14"))));
    List<Double> widths = ReportTable.contentWidths(headers, rows, ReportTable.TIMES, 200);
    ReportTable t = new ReportTable("t", "s", headers, widths, rows, List.of());
    int usable = ReportTable.Paper.LETTER.widthTwips() - 2 * PageLayout.SIDE_MARGIN;
    int points = t.fontPoints(usable);
    int[] twips = t.columnTwips(usable);
    for (int c = 0; c < headers.size(); c++) {
      for (String word : headers.get(c).split("\\s+")) {
        double wordTwips = ReportTable.textWidth(word, ReportTable.TIMES) * points / 9.0 * 20;
        assertThat(wordTwips)
            .as("column %d word %s", c, word)
            .isLessThan(twips[c] - 2 * ReportTable.CELL_PADDING_TWIPS);
      }
    }
    // the widest column is sized by "Xanomeline", not by the whole arm name
    assertThat(widths.get(4)).isEqualTo(ReportTable.textWidth("Xanomeline", ReportTable.TIMES));
  }

  @Test
  void theShellNamesTheFont() throws IOException {
    String shell = Files.readString(Path.of("datasets/cdiscpilot01/14-1.01.yaml"));
    DisplayShell times = ShellParser.parse(shell, "14-1.01.yaml");
    assertThat(times.font()).isEqualTo("Times New Roman");
    assertThat(times.fontSize()).isEqualTo(9);
    DisplayShell courier =
        ShellParser.parse(shell + "font: {family: Courier New, size: 8}\n", "c.yaml");
    assertThat(courier.font()).isEqualTo("Courier New");
    assertThat(courier.fontSize()).isEqualTo(8);
    assertThatThrownBy(() -> ShellParser.parse(shell + "font: {family: Arial}\n", "a.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("a.yaml")
        .hasMessageContaining("family")
        .hasMessageContaining("Times New Roman or Courier New");
  }

  /** The balanced {@code {...}} group that starts with {@code start}. */
  private static String group(String rtf, String start) {
    int from = rtf.indexOf(start);
    assertThat(from).as(start).isNotNegative();
    int depth = 0;
    for (int i = from; i < rtf.length(); i++) {
      char c = rtf.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return rtf.substring(from, i + 1);
      }
    }
    throw new AssertionError("unbalanced " + start);
  }
}
