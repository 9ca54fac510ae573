package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeTable;
import org.trialstats.stats.Measure;

class AeTableOutputsTest {
  @TempDir Path dir;

  private static final AeReportStyle STYLE = AeReportStyle.defaults();

  @Test
  void layoutHasNPerArmInTheHeadersAndFormattedCells() throws IOException {
    AeTable table = AeFixtures.table(dir, false, false);
    ReportTable t = new AeTableLayout(table, STYLE).incidence();
    assertThat(t.title())
        .isEqualTo(
            "Treatment-emergent adverse events by system organ class and preferred term"
                + " (TRTEMFL ≠ N)");
    assertThat(t.subtitle()).isEqualTo("Safety population (SAFFL = Y)");
    assertThat(t.headers())
        .containsExactly(
            "System organ class\nPreferred term",
            "Placebo\n(N=8)\nn (%)",
            "Drug <A&B>\n(N=16)\nn (%)",
            "Drug <A&B> − Placebo\nRisk difference, % (95% CI)");
    assertThat(t.rows())
        .extracting(r -> r.cells().get(0))
        .containsExactly(
            "Any treatment-emergent adverse event (TRTEMFL ≠ N)",
            "SKIN {AND} SUBCUTANEOUS",
            "PRURITUS",
            "RASH \\ \"<script>",
            "NERVOUS",
            "=HYPERLINK(1)",
            "CAFÉ-AU-LAIT SPOTS");
    assertThat(t.rows()).extracting(ReportTable.Row::indent).containsExactly(0, 0, 1, 1, 0, 1, 1);
    // 4/16 = 25.0%, 2/8 = 25.0%; RD = 0 with the Wald half-width
    // R 4.2.2: sqrt(.25*.75/16 + .25*.75/8) * qnorm(.975) * 100 -> 36.749326 (so -36.7, 36.7)
    assertThat(t.rows().get(0).cells())
        .containsExactly(
            "Any treatment-emergent adverse event (TRTEMFL ≠ N)",
            "2 (25.0)",
            "4 (25.0)",
            "0.0 (-36.7, 36.7)");
    // RASH: 0 in placebo prints "0"; 1/16 = 6.25% rounds half away from zero to 6.3
    assertThat(t.rows().get(3).cells().subList(1, 3)).containsExactly("0", "1 (6.3)");
    assertThat(t.footnotes())
        .contains(
            "N = number of subjects in the arm (Safety population (SAFFL = Y)); n = number of"
                + " subjects with at least one treatment-emergent adverse event in the row, each"
                + " subject counted once per row however many events they had; % = 100 × n / N.",
            "Treatment-emergent events: TRTEMFL = Y; restricted to TRTEMFL ≠ N. Rows: system organ"
                + " class (AEBODSYS) and preferred term (AEDECOD), both by descending number of"
                + " subjects in the treatment arms together.",
            "Risk difference = treatment minus Placebo in percentage points, with 95% confidence"
                + " interval by the Wald (simple asymptotic) method (wald); Newcombe RG (1998) Stat"
                + " Med 17:873-890, method 1.",
            "Numbers are rounded half away from zero (as SAS ROUND and w.d formats).",
            "Source: adsl.csv (ADSL), adae.csv (ADAE); produced by trialstats ae-table.");
  }

  @Test
  void halfEvenRoundingIsDeclaredAndApplied() throws IOException {
    AeTable table = AeFixtures.table(dir, false, false);
    AeReportStyle even =
        new AeReportStyle(
            null, RoundingMode.HALF_EVEN, 1, 1, 2, 1, ReportTable.Paper.A4, Measure.RD, 5);
    ReportTable t = new AeTableLayout(table, even).incidence();
    // 1/16 = 6.25%: half to even gives 6.2
    assertThat(t.rows().get(3).cells().get(2)).isEqualTo("1 (6.2)");
    assertThat(t.footnotes()).contains("Numbers are rounded half to even.");
  }

  @Test
  void csvHasUnroundedNumbersAndProtectsTextCells() throws IOException {
    AeTable table = AeFixtures.table(dir, true, true);
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(AeTableWriter.csv(table)))
            .getRecords();
    assertThat(records).hasSize(7);
    assertThat(records.get(0).getParser().getHeaderNames())
        .startsWith(
            "row_type",
            "soc",
            "term",
            "Placebo:n",
            "Placebo:N",
            "Placebo:percent",
            "Placebo:events",
            "Placebo:exposure_years",
            "Placebo:rate_per_100py",
            "Placebo:rate_lower",
            "Placebo:rate_upper",
            "Drug <A&B>:n");
    CSVRecord rash = records.get(3);
    assertThat(rash.get("row_type")).isEqualTo("term");
    assertThat(rash.get("term")).isEqualTo("RASH \\ \"<script>");
    assertThat(rash.get("Drug <A&B>:percent")).isEqualTo("6.25");
    // Katz is not estimable with no placebo event: empty numbers, reason in not_estimable
    assertThat(rash.get("Drug <A&B> vs Placebo:rr")).isEmpty();
    assertThat(rash.get("not_estimable"))
        .isEqualTo(
            "Drug <A&B> vs Placebo rr: katz: the log risk ratio has no finite variance"
                + " with zero events in an arm (1/16 vs 0/8); use koopman or mn (score intervals)");
    // exposure: 30 * (1 + ... + 16) = 4080 days for the drug arm
    assertThat(Double.parseDouble(rash.get("Drug <A&B>:exposure_years"))).isEqualTo(4080 / 365.25);
    assertThat(rash.get("confidence_level")).isEqualTo("0.95");
    assertThat(rash.get("rd_method")).isEqualTo("wald");
    assertThat(rash.get("exposure")).isEqualTo("duration");
    // formula injection guard (OWASP): a term starting with '=' is prefixed with a quote
    assertThat(records.get(5).get("term")).isEqualTo("'=HYPERLINK(1)");
  }

  @Test
  void htmlAndMarkdownEscapeDatasetText() throws IOException {
    List<ReportTable> tables =
        new AeTableLayout(AeFixtures.table(dir, true, false), STYLE).tables();
    assertThat(tables).hasSize(2);
    String html = AeTableWriter.html(tables);
    assertThat(html)
        .contains("<td class=\"term\">RASH \\ &quot;&lt;script&gt;</td>")
        .contains("<th>Drug &lt;A&amp;B&gt;<br>(N=16)<br>n (%)</th>")
        .contains("<h2>Exposure-adjusted incidence rates: treatment-emergent adverse events")
        .doesNotContain("<script>");
    String md = AeTableWriter.markdown(tables);
    assertThat(md)
        .contains("| &emsp;RASH \\\\ \"&lt;script&gt; |")
        .contains("| Drug &lt;A&amp;B&gt;<br>(N=16)<br>n (%) |")
        .contains("| :--- | :---: |");
  }

  @Test
  void rtfHasTheClinicalStudyReportStructure() throws IOException {
    List<ReportTable> tables = new AeTableLayout(AeFixtures.table(dir, true, true), STYLE).tables();
    String rtf = AeTableRtfWriter.rtf(tables, ReportTable.Paper.LETTER);
    assertThat(rtf).startsWith("{\\rtf1\\ansi\\ansicpg1252").endsWith("}\n");
    assertThat(rtf.chars().allMatch(c -> c < 128)).as("pure ASCII").isTrue();
    assertThat(braceBalance(rtf)).isZero();
    assertThat(rtf)
        .contains("\\paperw15840\\paperh12240")
        .contains("\\landscape")
        .contains("Times New Roman")
        .contains("{\\footer")
        .contains("NUMPAGES");
    // one header row per table, repeated on each page, with rules above and below
    assertThat(count(rtf, "\\trhdr")).isEqualTo(2);
    assertThat(count(rtf, "\\row\n")).isEqualTo(2 * (1 + 7));
    assertThat(count(rtf, "\\sect")).isGreaterThanOrEqualTo(1);
    // escaped dataset text: braces, backslash, non-ASCII (É = U+00C9 = 201)
    assertThat(rtf)
        .contains("SKIN \\{AND\\} SUBCUTANEOUS")
        .contains("RASH \\\\ \"<script>")
        .contains("CAF\\u201?-AU-LAIT SPOTS")
        .contains("Drug <A&B> \\u8722? Placebo");
    // each row defines the same cell edges, the last one at the usable width (9 in = 12960)
    Matcher m = Pattern.compile("\\\\cellx(\\d+)").matcher(rtf);
    List<Integer> lastEdges = new ArrayList<>();
    while (m.find()) {
      lastEdges.add(Integer.parseInt(m.group(1)));
    }
    assertThat(lastEdges).contains(12960);
    assertThat(AeTableRtfWriter.rtf(tables, ReportTable.Paper.LETTER)).isEqualTo(rtf);
    assertThat(AeTableRtfWriter.rtf(tables, ReportTable.Paper.A4))
        .contains("\\paperw16838\\paperh11906")
        .contains("\\cellx13958");
  }

  @Test
  void docxOpensWithTheTablesAndIsByteIdentical() throws IOException {
    List<ReportTable> tables =
        new AeTableLayout(AeFixtures.table(dir, true, false), STYLE).tables();
    byte[] docx = AeTableDocxWriter.docx(tables, ReportTable.Paper.LETTER);
    assertThat(AeTableDocxWriter.docx(tables, ReportTable.Paper.LETTER)).isEqualTo(docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getTables()).hasSize(2);
      XWPFTable first = doc.getTables().get(0);
      assertThat(first.getRows()).hasSize(1 + 7);
      assertThat(first.getRow(0).isRepeatHeader()).isTrue();
      assertThat(first.getRow(0).getCell(2).getText()).isEqualTo("Drug <A&B>\n(N=16)\nn (%)");
      assertThat(first.getRow(3).getCell(0).getText()).isEqualTo("PRURITUS");
      assertThat(first.getRow(1).getCell(2).getText()).isEqualTo("4 (25.0)");
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient().toString())
          .isEqualTo("landscape");
      assertThat(doc.getProperties().getCoreProperties().getCreated().toInstant().toString())
          .isEqualTo("2000-01-01T00:00:00Z");
      // footnotes are in the page footer of the table's section, so on every page
      assertThat(doc.getFooterList().get(0).getParagraphs())
          .extracting(p -> p.getText())
          .contains("Numbers are rounded half away from zero (as SAS ROUND and w.d formats).");
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      List<String> names = new ArrayList<>();
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0));
        assertThat(e.getExtra()).as(e.getName() + " extra fields").isNull();
        names.add(e.getName());
      }
      assertThat(names)
          .containsExactly(
              "[Content_Types].xml",
              "_rels/.rels",
              "docProps/app.xml",
              "docProps/core.xml",
              "word/document.xml",
              "word/_rels/document.xml.rels",
              "word/styles.xml",
              "word/settings.xml",
              "word/header1.xml",
              "word/footer1.xml",
              "word/header2.xml",
              "word/footer2.xml");
    }
  }

  @Test
  void docxHasTheClinicalStudyReportLayoutInEveryCell() throws IOException {
    List<ReportTable> tables =
        new ArrayList<>(new AeTableLayout(AeFixtures.table(dir, true, true), STYLE).tables());
    tables.add(
        new ReportTable(
            "Wide table",
            "Safety population",
            List.of("Term", "A\nn", "B"),
            List.of(200.0, 400.0, 400.0),
            List.of(
                new ReportTable.Row(0, true, List.of("SOC", "1", "2")),
                new ReportTable.Row(2, false, List.of("term", "3 (4.5)", "6"))),
            List.of("A footnote.")));
    byte[] docx = AeTableDocxWriter.docx(tables, ReportTable.Paper.LETTER);
    // letter landscape 11 in = 15840 twips less two 1-inch margins
    int usable = 15840 - 2 * 1440;
    // both AE tables fit at 9 pt; the made-up wide one needs 8 pt
    assertThat(tables).extracting(t -> t.fontPoints(usable)).containsExactly(9, 9, 8);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      CTSectPr section = doc.getDocument().getBody().getSectPr();
      assertThat(section.getPgSz().getW().toString()).isEqualTo("15840");
      assertThat(section.getPgSz().getH().toString()).isEqualTo("12240");
      assertThat(section.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
      CTPageMar margins = section.getPgMar();
      assertThat(
              List.of(
                  margins.getLeft(),
                  margins.getRight(),
                  margins.getTop(),
                  margins.getBottom(),
                  margins.getHeader(),
                  margins.getFooter()))
          .extracting(Object::toString)
          .containsExactly(
              "1440",
              "1440",
              Integer.toString(new PageLayout(tables.get(2), ReportTable.Paper.LETTER).top()),
              Integer.toString(new PageLayout(tables.get(2), ReportTable.Paper.LETTER).bottom()),
              "720",
              "720");
      // the title block and the footnotes make room for themselves in the margins
      assertThat(Integer.parseInt(margins.getTop().toString())).isGreaterThan(1440);
      // footer at 720 twips, then one footnote and the page line at 7 pt, then the gap
      assertThat(Integer.parseInt(margins.getBottom().toString()))
          .isGreaterThanOrEqualTo(720 + 2 * 7 * 24 + 240);

      assertThat(doc.getTables()).hasSize(tables.size());
      List<XWPFParagraph> paragraphs = doc.getParagraphs();
      for (int i = 0; i < tables.size(); i++) {
        ReportTable t = tables.get(i);
        XWPFTable table = doc.getTables().get(i);
        int points = t.fontPoints(usable);
        int[] widths = t.columnTwips(usable);
        int columns = t.headers().size();

        // the title block is the page header of the table's section, not body text
        List<XWPFParagraph> head = doc.getHeaderList().get(i).getParagraphs();
        assertThat(paragraphs).extracting(XWPFParagraph::getText).doesNotContain(t.title());
        int offset = t.number().isEmpty() ? 0 : 1;
        if (offset == 1) {
          assertThat(head.get(0).getText()).isEqualTo(t.number());
        }
        XWPFParagraph title = head.get(offset);
        assertThat(title.getText()).isEqualTo(t.title());
        assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(title.getRuns()).allSatisfy(r -> font(r, points + 1, true));
        XWPFParagraph subtitle = head.get(offset + 1);
        assertThat(subtitle.getText()).isEqualTo(t.subtitle());
        assertThat(subtitle.getRuns()).allSatisfy(r -> font(r, points, false));

        assertThat(table.getTableAlignment()).isEqualTo(TableRowAlign.CENTER);
        assertThat(table.getCTTbl().getTblPr().getTblLayout().getType())
            .isEqualTo(STTblLayoutType.FIXED);
        assertThat(table.getCTTbl().getTblPr().getTblW().getW().toString())
            .isEqualTo(Integer.toString(usable));
        CTTblBorders borders = table.getCTTbl().getTblPr().getTblBorders();
        assertThat(
                List.of(
                    borders.getTop(),
                    borders.getLeft(),
                    borders.getBottom(),
                    borders.getRight(),
                    borders.getInsideH(),
                    borders.getInsideV()))
            .allSatisfy(b -> assertThat(b.getVal()).isEqualTo(STBorder.NONE));
        assertThat(table.getCTTbl().getTblGrid().getGridColList())
            .extracting(g -> Integer.parseInt(g.getW().toString()))
            .containsExactly(Arrays.stream(widths).boxed().toArray(Integer[]::new));

        assertThat(table.getRows()).hasSize(1 + t.rows().size());
        for (int r = 0; r <= t.rows().size(); r++) {
          XWPFTableRow row = table.getRow(r);
          boolean header = r == 0;
          boolean last = r == t.rows().size();
          assertThat(row.isRepeatHeader()).as("table %d row %d tblHeader", i, r).isEqualTo(header);
          assertThat(row.isCantSplitRow()).as("table %d row %d cantSplit", i, r).isTrue();
          assertThat(row.getTableCells()).hasSize(columns);
          for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = row.getCell(c);
            String where = "table " + i + " row " + r + " column " + c;
            String expected = header ? t.headers().get(c) : t.rows().get(r - 1).cells().get(c);
            assertThat(cell.getText()).as(where).isEqualTo(expected);
            assertThat(cell.getWidth()).as(where).isEqualTo(widths[c]);
            CTTcPr pr = cell.getCTTc().getTcPr();
            assertThat(pr.isSetTcBorders() && pr.getTcBorders().isSetTop())
                .as(where)
                .isEqualTo(header);
            assertThat(pr.isSetTcBorders() && pr.getTcBorders().isSetBottom())
                .as(where)
                .isEqualTo(header || last);
            if (pr.isSetTcBorders()) {
              for (CTBorder rule :
                  new CTBorder[] {pr.getTcBorders().getTop(), pr.getTcBorders().getBottom()}) {
                if (rule != null) {
                  assertThat(rule.getVal()).isEqualTo(STBorder.SINGLE);
                  assertThat(rule.getSz().intValue()).isEqualTo(6);
                }
              }
            }
            assertThat(cell.getVerticalAlignment())
                .isEqualTo(header ? XWPFTableCell.XWPFVertAlign.BOTTOM : null);
            assertThat(cell.getParagraphs()).hasSize(1);
            XWPFParagraph p = cell.getParagraphs().get(0);
            assertThat(p.getAlignment())
                .as(where)
                .isEqualTo(c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            assertThat(p.getRuns())
                .as(where)
                .isNotEmpty()
                .allSatisfy(run -> font(run, points, false));
            if (!header) {
              ReportTable.Row model = t.rows().get(r - 1);
              assertThat(p.isKeepNext()).as(where).isEqualTo(model.keepWithNext());
              assertThat(p.getIndentationLeft())
                  .as(where)
                  .isEqualTo(c == 0 && model.indent() > 0 ? 240 * model.indent() : -1);
            }
          }
        }
        List<XWPFParagraph> notes = doc.getFooterList().get(i).getParagraphs();
        assertThat(notes.subList(0, t.footnotes().size()))
            .extracting(XWPFParagraph::getText)
            .containsExactlyElementsOf(t.footnotes());
        assertThat(notes)
            .allSatisfy(
                p -> assertThat(p.getRuns()).allSatisfy(run -> font(run, points - 1, false)));
        // footer: right-aligned "Page X of Y" from PAGE and NUMPAGES fields, after the notes
        XWPFParagraph pageNumbers = notes.get(notes.size() - 1);
        assertThat(pageNumbers.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
        assertThat(pageNumbers.getCTP().getFldSimpleList())
            .extracting(f -> f.getInstr())
            .containsExactly("PAGE", "NUMPAGES");
        assertThat(pageNumbers.getText()).isEqualTo("Page 1 of 1");
      }
      // the SOC heading rows keep with the next row; preferred terms are indented
      assertThat(doc.getTables().get(0).getRow(2).getCell(0).getParagraphs().get(0).isKeepNext())
          .isTrue();
      assertThat(
              doc.getTables()
                  .get(0)
                  .getRow(3)
                  .getCell(0)
                  .getParagraphs()
                  .get(0)
                  .getIndentationLeft())
          .isEqualTo(240);

      // one header and one footer per table (section)
      assertThat(doc.getFooterList()).hasSize(tables.size());
      assertThat(doc.getHeaderList()).hasSize(tables.size());

      // Times New Roman is the document's default font (paragraphs without runs)
      XWPFStyle normal = doc.getStyles().getStyle("Normal");
      assertThat(normal).isNotNull();
      assertThat(normal.getCTStyle().getRPr().getRFontsArray(0).getAscii())
          .isEqualTo("Times New Roman");

      var core = doc.getProperties().getCoreProperties();
      assertThat(core.getTitle()).isEqualTo(tables.get(0).title());
      assertThat(core.getCreator()).isEqualTo("trialstats");
      assertThat(core.getCreated().toInstant().toString()).isEqualTo("2000-01-01T00:00:00Z");
      assertThat(core.getModified().toInstant().toString()).isEqualTo("2000-01-01T00:00:00Z");
    }

    byte[] a4 = AeTableDocxWriter.docx(tables, ReportTable.Paper.A4);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(a4))) {
      CTPageSz size = doc.getDocument().getBody().getSectPr().getPgSz();
      assertThat(size.getW().toString()).isEqualTo("16838");
      assertThat(size.getH().toString()).isEqualTo("11906");
      assertThat(size.getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
      // A4 landscape 297 mm = 16838 twips less two 1-inch margins
      int a4Usable = 16838 - 2 * 1440;
      int[] widths = tables.get(0).columnTwips(a4Usable);
      assertThat(doc.getTables().get(0).getRow(1).getCell(0).getWidth()).isEqualTo(widths[0]);
      assertThat(doc.getTables().get(0).getCTTbl().getTblPr().getTblW().getW().toString())
          .isEqualTo(Integer.toString(a4Usable));
    }
  }

  @Test
  void docxEscapesMarkupAndDropsCharactersXmlCannotHold() throws IOException {
    // U+0001 and U+FFFE are not XML 1.0 characters, nor is a lone surrogate (U+D800): dropped.
    // A valid surrogate pair (U+1F600) and repeated, leading and trailing spaces are kept.
    String hostile = "<&>\u0001 \"q\" 'a' ]]> \uD800x\uFFFE \uD83D\uDE00  two  ";
    String kept = "<&> \"q\" 'a' ]]> x \uD83D\uDE00  two  ";
    ReportTable t =
        new ReportTable(
            hostile,
            " " + hostile,
            List.of("A\n" + hostile, "B"),
            List.of(100.0, 50.0),
            List.of(
                new ReportTable.Row(1, true, List.of(hostile, "<1>")),
                new ReportTable.Row(0, false, List.of("&amp;", ""))),
            List.of(hostile));
    byte[] docx = AeTableDocxWriter.docx(List.of(t), ReportTable.Paper.LETTER);
    assertThat(AeTableDocxWriter.docx(List.of(t), ReportTable.Paper.LETTER)).isEqualTo(docx);
    String documentXml = part(docx, "word/document.xml");
    assertThat(documentXml)
        .contains("&lt;&amp;&gt; &quot;q&quot; &apos;a&apos; ]]&gt; x")
        .doesNotContain("\u0001")
        .doesNotContain("\uFFFE")
        .doesNotContain("<1>");
    assertThat(part(docx, "docProps/core.xml")).contains("<dc:title>&lt;&amp;&gt; &quot;q");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      XWPFTable table = doc.getTables().get(0);
      assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("A\n" + kept);
      assertThat(table.getRow(1).getCell(0).getText()).isEqualTo(kept);
      assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("<1>");
      assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("&amp;");
      assertThat(table.getRow(2).getCell(1).getText()).isEmpty();
      assertThat(doc.getHeaderList().get(0).getParagraphs())
          .extracting(XWPFParagraph::getText)
          .contains(kept, " " + kept);
      assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo(kept);
    }
  }

  private static void font(XWPFRun run, int points, boolean bold) {
    assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
    assertThat(run.getFontSizeAsDouble()).isEqualTo(points);
    assertThat(run.isBold()).isEqualTo(bold);
  }

  private static String part(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no part " + name);
  }

  @Test
  void dotPlotDodgesArmsWhosePercentagesCoincide() throws IOException {
    AeTable table = AeFixtures.table(dir, false, true);
    AeReportStyle all =
        new AeReportStyle(
            null, RoundingMode.HALF_UP, 1, 1, 2, 1, ReportTable.Paper.LETTER, Measure.RD, 0);
    AeRow pruritus =
        new AeDotPlot(table, all)
            .rows().stream().filter(r -> r.term().equals("PRURITUS")).findFirst().orElseThrow();
    // PRURITUS: drug 2/16 = 12.5%, placebo 1/8 = 12.5%: the two markers share their x position
    assertThat(pruritus.arms()).hasSize(2);
    assertThat(pruritus.arms().get(0).percent()).isEqualTo(12.5);
    assertThat(pruritus.arms().get(1).percent()).isEqualTo(12.5);
    // so only their heights keep them apart: at least one marker diameter for two arms
    double gap = AeDotPlot.armOffset(1, 2) - AeDotPlot.armOffset(0, 2);
    assertThat(gap).isGreaterThanOrEqualTo(2 * AeDotPlot.markerRadius());
    assertThat(AeDotPlot.armOffset(0, 2)).isEqualTo(-AeDotPlot.armOffset(1, 2));
    // three arms: distinct heights, each centre more than a radius from the next, inside the row
    double[] three = {
      AeDotPlot.armOffset(0, 3), AeDotPlot.armOffset(1, 3), AeDotPlot.armOffset(2, 3)
    };
    assertThat(three[1] - three[0]).isGreaterThan(AeDotPlot.markerRadius());
    assertThat(three[2] - three[1]).isEqualTo(three[1] - three[0]);
    assertThat(three[2] + AeDotPlot.markerRadius()).isLessThanOrEqualTo(10.0);
  }

  @Test
  void dotPlotIsSortedByEffectAndDeterministic() throws IOException {
    AeTable table = AeFixtures.table(dir, false, true);
    AeReportStyle all =
        new AeReportStyle(
            null, RoundingMode.HALF_UP, 1, 1, 2, 1, ReportTable.Paper.LETTER, Measure.RD, 0);
    AeDotPlot plot = new AeDotPlot(table, all);
    // RD drug - placebo: RASH 1/16 - 0 = 6.25, CAFE 6.25, PRURITUS 2/16 - 1/8 = 0,
    // HYPERLINK 1/16 - 1/8 = -6.25: largest at the top, ties by name
    assertThat(plot.rows())
        .extracting(r -> r.term())
        .containsExactly("CAFÉ-AU-LAIT SPOTS", "RASH \\ \"<script>", "PRURITUS", "=HYPERLINK(1)");
    byte[] png = plot.png();
    assertThat(new AeDotPlot(table, all).png()).isEqualTo(png);
    // 1100 logical units, rendered at Figure.PNG_SCALE pixels per unit
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth())
        .isEqualTo(1100 * Figure.PNG_SCALE);
    String svg = plot.svg();
    assertThat(new AeDotPlot(table, all).svg()).isEqualTo(svg);
    assertThat(svg).startsWith("<?xml").contains("<svg");
    AeReportStyle rr =
        new AeReportStyle(
            null, RoundingMode.HALF_UP, 1, 1, 2, 1, ReportTable.Paper.LETTER, Measure.RR, 0);
    // Katz RR is not estimable for the terms without placebo events: they sort last
    assertThat(new AeDotPlot(table, rr).rows())
        .extracting(r -> r.term())
        .containsExactly("PRURITUS", "=HYPERLINK(1)", "CAFÉ-AU-LAIT SPOTS", "RASH \\ \"<script>");
    AeReportStyle tooHigh =
        new AeReportStyle(
            null, RoundingMode.HALF_UP, 1, 1, 2, 1, ReportTable.Paper.LETTER, Measure.RD, 50);
    assertThat(new AeDotPlot(table, tooHigh).rows()).isEmpty();
    assertThat(new AeDotPlot(table, tooHigh).png()).isNotEmpty();
  }

  @Test
  void reportFolderIsReplacedWholeAndForeignFilesAreProtected() throws IOException {
    AeTable table = AeFixtures.table(dir, true, false);
    Path out = dir.resolve("out");
    List<Path> written = AeReport.write(out, table, STYLE, EnumSet.allOf(AeReport.Format.class));
    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "ae_table.csv",
            "ae_table.html",
            "ae_table.md",
            "ae_table.rtf",
            "ae_table.docx",
            "ae_dotplot.png",
            "ae_dotplot.svg");
    Map<String, byte[]> again = AeReport.render(table, STYLE, EnumSet.allOf(AeReport.Format.class));
    for (Path p : written) {
      assertThat(Files.readAllBytes(p))
          .as(p.toString())
          .isEqualTo(again.get(p.getFileName().toString()));
    }
    AeReport.write(out, table, STYLE, AeReport.Format.parse("csv, md"));
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("ae_table.csv", "ae_table.md");
    }
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> AeReport.write(out, table, STYLE, AeReport.Format.parse("csv")))
        .isInstanceOf(org.trialstats.io.OutputException.class)
        .hasMessageContaining("holds other files (notes.txt)");
    assertThat(out.resolve("notes.txt")).hasContent("mine");
    assertThatThrownBy(() -> AeReport.Format.parse("csv,pdf"))
        .isInstanceOf(AdamDataException.class)
        .hasMessage(
            "unknown output format 'pdf'; expected some of"
                + " [csv, html, md, rtf, docx, png, svg]");
  }

  @Test
  void columnsFitThePageAndTextWidthsFollowTimesMetrics() {
    // Adobe Times-Roman AFM: "0" = 500, space = 250 units; at 9 pt: 10 digits = 45 pt
    assertThat(ReportTable.textWidth("0123456789")).isEqualTo(45.0);
    assertThat(ReportTable.textWidth(" ")).isEqualTo(2.25);
    ReportTable narrow =
        new ReportTable("t", "s", List.of("a", "b"), List.of(100.0, 50.0), List.of(), List.of());
    int[] twips = narrow.columnTwips(12960);
    assertThat(twips[0] + twips[1]).isEqualTo(12960);
    assertThat(narrow.fontPoints(12960)).isEqualTo(9);
    ReportTable wide =
        new ReportTable(
            "t", "s", List.of("a", "b", "c"), List.of(200.0, 400.0, 400.0), List.of(), List.of());
    assertThat(wide.fontPoints(12960)).isEqualTo(8);
    int[] squeezed = wide.columnTwips(12960);
    assertThat(squeezed[0]).isEqualTo(12960 / 5);
    assertThat(squeezed[0] + squeezed[1] + squeezed[2]).isEqualTo(12960);
  }

  private static int braceBalance(String rtf) {
    int depth = 0;
    for (int i = 0; i < rtf.length(); i++) {
      char c = rtf.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    return depth;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
