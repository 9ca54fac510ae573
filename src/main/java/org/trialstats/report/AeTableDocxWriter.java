package org.trialstats.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes {@link ReportTable}s as a Word document with the same clinical-study-report layout as
 * {@link AeTableRtfWriter}: landscape page, 1-inch margins, Times New Roman 9 pt (8 pt for wide tables), repeated header
 * row, rules above and below the header and below the table, rows that do not split, footnotes
 * in 8 pt and page numbers in the footer; each table after the first starts on a new page.
 *
 * <p>Byte-identical output: the document's creation date is fixed (2000-01-01T00:00:00Z) and the
 * ZIP container is rewritten with a fixed entry time, since Apache POI stamps the current time
 * into both.
 */
public final class AeTableDocxWriter {
  private static final String FONT = "Times New Roman";
  private static final int MARGIN = 1440;
  private static final int INDENT = 240;
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final Date CREATED = new Date(946_684_800_000L);

  private AeTableDocxWriter() {}

  /** The DOCX bytes. */
  public static byte[] docx(List<ReportTable> tables, ReportTable.Paper paper) {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
      doc.getProperties().getCoreProperties().setModified(Optional.of(CREATED));
      doc.getProperties().getCoreProperties().setCreator("trialstats");
      doc.getProperties().getCoreProperties().setTitle(tables.get(0).title());
      int usable = paper.widthTwips() - 2 * MARGIN;
      for (int i = 0; i < tables.size(); i++) {
        table(doc, tables.get(i), usable, i > 0);
      }
      page(doc, paper);
      XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
      XWPFParagraph p = footer.createParagraph();
      p.setAlignment(ParagraphAlignment.RIGHT);
      run(p, "Page ", 8, false);
      field(p, "PAGE");
      run(p, " of ", 8, false);
      field(p, "NUMPAGES");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return normalizeZip(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(XWPFDocument doc, ReportTable.Paper paper) {
    CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
        ? doc.getDocument().getBody().getSectPr()
        : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(paper.widthTwips()));
    size.setH(BigInteger.valueOf(paper.heightTwips()));
    size.setOrient(STPageOrientation.LANDSCAPE);
    CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    margins.setLeft(BigInteger.valueOf(MARGIN));
    margins.setRight(BigInteger.valueOf(MARGIN));
    margins.setTop(BigInteger.valueOf(MARGIN));
    margins.setBottom(BigInteger.valueOf(MARGIN));
    margins.setHeader(BigInteger.valueOf(720));
    margins.setFooter(BigInteger.valueOf(720));
  }

  private static void table(XWPFDocument doc, ReportTable t, int usable, boolean newPage) {
    XWPFParagraph title = doc.createParagraph();
    title.setAlignment(ParagraphAlignment.CENTER);
    title.setPageBreak(newPage);
    title.setKeepNext(true);
    title.setSpacingAfter(60);
    run(title, t.title(), 10, true);
    XWPFParagraph subtitle = doc.createParagraph();
    subtitle.setAlignment(ParagraphAlignment.CENTER);
    subtitle.setKeepNext(true);
    subtitle.setSpacingAfter(160);
    run(subtitle, t.subtitle(), 9, false);

    int columns = t.headers().size();
    XWPFTable table = doc.createTable(1 + t.rows().size(), columns);
    table.setTableAlignment(TableRowAlign.CENTER);
    CTTblPr properties = table.getCTTbl().getTblPr();
    CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(usable));
    CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout()
        : properties.addNewTblLayout();
    layout.setType(STTblLayoutType.FIXED);
    noBorders(properties);
    int[] widths = t.columnTwips(usable);
    int points = t.fontPoints(usable);

    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    header.setCantSplitRow(true);
    for (int c = 0; c < columns; c++) {
      XWPFTableCell cell = header.getCell(c);
      format(cell, widths[c], true, true);
      XWPFParagraph p = cell.getParagraphs().get(0);
      p.setAlignment(ParagraphAlignment.CENTER);
      List<String> lines = t.headers().get(c).lines().toList();
      for (int l = 0; l < lines.size(); l++) {
        XWPFRun r = run(p, lines.get(l), points, false);
        if (l < lines.size() - 1) {
          r.addBreak();
        }
      }
    }
    for (int i = 0; i < t.rows().size(); i++) {
      ReportTable.Row row = t.rows().get(i);
      XWPFTableRow tableRow = table.getRow(i + 1);
      tableRow.setCantSplitRow(true);
      boolean last = i == t.rows().size() - 1;
      for (int c = 0; c < columns; c++) {
        XWPFTableCell cell = tableRow.getCell(c);
        format(cell, widths[c], false, last);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        p.setKeepNext(row.keepWithNext());
        if (c == 0 && row.indent() > 0) {
          p.setIndentationLeft(INDENT * row.indent());
        }
        run(p, row.cells().get(c), points, false);
      }
    }
    XWPFParagraph gap = doc.createParagraph();
    gap.setSpacingAfter(0);
    for (String note : t.footnotes()) {
      XWPFParagraph p = doc.createParagraph();
      p.setSpacingAfter(40);
      run(p, note, 8, false);
    }
  }

  private static XWPFRun run(XWPFParagraph p, String text, int points, boolean bold) {
    XWPFRun r = p.createRun();
    r.setFontFamily(FONT);
    r.setFontSize(points);
    r.setBold(bold);
    r.setText(text);
    return r;
  }

  /** A simple field (PAGE, NUMPAGES) whose result is shown in the footer font. */
  private static void field(XWPFParagraph p, String instruction) {
    CTSimpleField field = p.getCTP().addNewFldSimple();
    field.setInstr(instruction);
    CTR r = field.addNewR();
    CTRPr pr = r.addNewRPr();
    CTFonts fonts = pr.addNewRFonts();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    pr.addNewSz().setVal(BigInteger.valueOf(16));
    r.addNewT().setStringValue("1");
  }

  private static void noBorders(CTTblPr properties) {
    CTTblBorders borders = properties.isSetTblBorders() ? properties.getTblBorders()
        : properties.addNewTblBorders();
    for (CTBorder border : new CTBorder[] {
        borders.isSetTop() ? borders.getTop() : borders.addNewTop(),
        borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom(),
        borders.isSetLeft() ? borders.getLeft() : borders.addNewLeft(),
        borders.isSetRight() ? borders.getRight() : borders.addNewRight(),
        borders.isSetInsideH() ? borders.getInsideH() : borders.addNewInsideH(),
        borders.isSetInsideV() ? borders.getInsideV() : borders.addNewInsideV()}) {
      border.setVal(STBorder.NONE);
    }
  }

  private static void format(XWPFTableCell cell, int width, boolean header, boolean bottomRule) {
    CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr()
        : cell.getCTTc().addNewTcPr();
    CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(width));
    if (header || bottomRule) {
      CTTcBorders borders = pr.isSetTcBorders() ? pr.getTcBorders() : pr.addNewTcBorders();
      if (header) {
        rule(borders.isSetTop() ? borders.getTop() : borders.addNewTop());
      }
      if (bottomRule) {
        rule(borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom());
      }
    }
    if (header) {
      cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.BOTTOM);
    }
  }

  private static void rule(CTBorder border) {
    border.setVal(STBorder.SINGLE);
    border.setSz(BigInteger.valueOf(6));
    border.setSpace(BigInteger.ZERO);
    border.setColor("000000");
  }

  /**
   * Rewrites a ZIP archive with the same entries in the same order, each stamped with a fixed
   * local time and no extra fields, so the bytes do not depend on when they were written.
   */
  static byte[] normalizeZip(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(ZIP_TIME);
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
