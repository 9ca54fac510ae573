package org.trialstats.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.trialstats.io.Escape;

/**
 * Writes {@link ReportTable}s as a Word document (Office Open XML WordprocessingML, ECMA-376) with
 * the same clinical-study-report layout as {@link AeTableRtfWriter}: landscape page, the table's
 * font (Times New Roman or Courier New, 9 pt by default), the title block in the page header and
 * the footnotes with "Page X of Y" (PAGE and NUMPAGES fields) in the page footer of every page,
 * explicit pages ({@link PageLayout}) each starting with the column header rows (also flagged
 * {@code w:tblHeader}; with {@link ReportTable#groups()} a row of group labels spanning their
 * columns with a rule below each comes first), rules above and below the header and below each
 * page's last row, rows that do not split; each table is a section of its own with its own header
 * and footer.
 *
 * <p>The package is written directly (ZIP container plus hand-written XML parts) rather than
 * through a document library, which would cost about a second of class loading per run and most of
 * the size of the executable jar.
 *
 * <p>Byte-identical output: the core properties carry a fixed date (2000-01-01T00:00:00Z), every
 * ZIP entry has the same fixed time and the entries are always written in the same order.
 */
public final class AeTableDocxWriter {
  private static final int INDENT = 240;
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final String FIXED_DATE = "2000-01-01T00:00:00Z";

  private static final String XML_DECLARATION =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String R_NS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PACKAGE_REL_NS =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String WP_NS =
      "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
  private static final String A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
  private static final String PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture";
  private static final String IMAGE_PART = "word/media/image1.png";
  private static final String IMAGE_ID = "rIdImage1";
  private static final String RULE = "w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"";
  private static final String GROUP_RULE =
      "w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"";

  private AeTableDocxWriter() {}

  /**
   * The DOCX bytes: one document holding {@code tables} in order on landscape pages of {@code
   * paper}, the document title being the first table's title.
   *
   * @param tables the tables, at least one
   * @param paper paper size of the landscape pages
   * @return the ZIP package bytes, identical for identical arguments
   */
  public static byte[] docx(List<ReportTable> tables, ReportTable.Paper paper) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a DOCX report needs at least one table");
    }
    return write(tables, null, paper);
  }

  /**
   * A figure page as DOCX: the title block of {@code frame} in the page header and its footnotes in
   * the page footer (as for a table), and the picture centred in the body, an inline DrawingML
   * picture ({@code w:drawing/wp:inline}, ECMA-376 Part 1, 20.4.2.8) whose extent is its natural
   * size or the size that fits the page ({@link PageLayout#pictureTwips}) in EMU. The PNG is the
   * part {@code word/media/image1.png}, with its relationship from the document and the {@code
   * image/png} content type. The frame's headers and rows are not printed.
   *
   * @param frame title, population line, footnotes and font of the page
   * @param picture the PNG picture
   * @param paper paper size of the landscape page
   * @return the ZIP package bytes, identical for identical arguments
   */
  public static byte[] docx(ReportTable frame, ReportPicture picture, ReportTable.Paper paper) {
    return write(List.of(frame), picture, paper);
  }

  private static byte[] write(
      List<ReportTable> tables, ReportPicture picture, ReportTable.Paper paper) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
      List<PageLayout> layouts = tables.stream().map(t -> new PageLayout(t, paper)).toList();
      entry(zip, "[Content_Types].xml", contentTypes(layouts, picture != null));
      entry(zip, "_rels/.rels", packageRelationships());
      entry(zip, "docProps/app.xml", appProperties());
      entry(zip, "docProps/core.xml", coreProperties(tables.get(0).title()));
      entry(
          zip,
          "word/document.xml",
          picture == null
              ? document(tables, layouts, paper)
              : figureDocument(tables.get(0), layouts.get(0), picture, paper));
      entry(zip, "word/_rels/document.xml.rels", documentRelationships(layouts, picture != null));
      if (picture != null) {
        entry(zip, IMAGE_PART, picture.png());
      }
      entry(zip, "word/styles.xml", styles(tables.get(0).font()));
      entry(zip, "word/settings.xml", settings());
      for (int i = 0; i < tables.size(); i++) {
        ReportTable t = tables.get(i);
        PageLayout page = layouts.get(i);
        // a table of several pages: the first page's header has the title (a header part of its
        // own), the others' the title and "(continued)"
        if (continued(page)) {
          entry(zip, "word/header" + (i + 1) + "first.xml", header(t, page, t.title()));
        }
        entry(
            zip,
            "word/header" + (i + 1) + ".xml",
            header(t, page, continued(page) ? PageLayout.continued(t.title()) : t.title()));
        entry(zip, "word/footer" + (i + 1) + ".xml", footer(tables.get(i), layouts.get(i)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
    entry(zip, name, xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = new ZipEntry(name);
    // a local time inside the DOS date range is stored without extended-timestamp extra fields
    e.setTimeLocal(ZIP_TIME);
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** Whether the table has continuation pages. */
  private static boolean continued(PageLayout page) {
    return page.pages().size() > 1;
  }

  private static String contentTypes(List<PageLayout> sections, boolean png) {
    return XML_DECLARATION
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + (png ? "<Default Extension=\"png\" ContentType=\"image/png\"/>" : "")
        + "<Default Extension=\"rels\""
        + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + override(
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        + override(
            "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
        + override(
            "/word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        + override(
            "/word/styles.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")
        + override(
            "/word/settings.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml")
        + headersAndFooters(sections)
        + "</Types>";
  }

  private static String headersAndFooters(List<PageLayout> sections) {
    StringBuilder xml = new StringBuilder();
    String type = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    for (int i = 1; i <= sections.size(); i++) {
      if (continued(sections.get(i - 1))) {
        xml.append(override("/word/header" + i + "first.xml", type + "header+xml"));
      }
      xml.append(override("/word/header" + i + ".xml", type + "header+xml"));
      xml.append(override("/word/footer" + i + ".xml", type + "footer+xml"));
    }
    return xml.toString();
  }

  private static String override(String part, String type) {
    return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
  }

  private static String packageRelationships() {
    return XML_DECLARATION
        + "<Relationships xmlns=\""
        + PACKAGE_REL_NS
        + "\">"
        + relationship("rId1", R_NS + "/officeDocument", "word/document.xml")
        + relationship("rId2", R_NS + "/extended-properties", "docProps/app.xml")
        + relationship(
            "rId3",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml")
        + "</Relationships>";
  }

  private static String documentRelationships(List<PageLayout> sections, boolean image) {
    StringBuilder xml = new StringBuilder(XML_DECLARATION);
    xml.append("<Relationships xmlns=\"")
        .append(PACKAGE_REL_NS)
        .append("\">")
        .append(relationship("rId1", R_NS + "/styles", "styles.xml"))
        .append(relationship("rId2", R_NS + "/settings", "settings.xml"));
    if (image) {
      xml.append(relationship(IMAGE_ID, R_NS + "/image", IMAGE_PART.substring("word/".length())));
    }
    for (int i = 1; i <= sections.size(); i++) {
      if (continued(sections.get(i - 1))) {
        xml.append(relationship("rIdHF" + i, R_NS + "/header", "header" + i + "first.xml"));
      }
      xml.append(relationship("rIdH" + i, R_NS + "/header", "header" + i + ".xml"));
      xml.append(relationship("rIdF" + i, R_NS + "/footer", "footer" + i + ".xml"));
    }
    return xml.append("</Relationships>").toString();
  }

  private static String relationship(String id, String type, String target) {
    return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
  }

  private static String appProperties() {
    return XML_DECLARATION
        + "<Properties"
        + " xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>trialstats</Application></Properties>";
  }

  private static String coreProperties(String title) {
    StringBuilder xml = new StringBuilder(XML_DECLARATION);
    xml.append("<cp:coreProperties")
        .append(
            " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:dcterms=\"http://purl.org/dc/terms/\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        .append("<dc:title>");
    xml.append(Escape.xml(title));
    xml.append("</dc:title><dc:creator>trialstats</dc:creator>")
        .append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        .append(FIXED_DATE)
        .append("</dcterms:created>")
        .append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        .append(FIXED_DATE)
        .append("</dcterms:modified></cp:coreProperties>");
    return xml.toString();
  }

  /**
   * Styles: paragraphs default to Times New Roman 10 pt (the size ECMA-376 prescribes when none is
   * given), single spacing and no space after; tables to 0.075 in left and right cell margins, as
   * in Word's own Normal and Normal Table styles. The font is needed so that paragraphs without
   * runs (paragraph marks, the gap under each table) do not take an application's default font such
   * as Calibri. It is set on the Normal style rather than in the document defaults because
   * LibreOffice turns its pair kerning off for documents with default run properties, which would
   * make the rendering differ from the earlier (kerned) one; Word does not kern without {@code
   * w:kern} either way.
   */
  private static String styles(String font) {
    return XML_DECLARATION
        + "<w:styles xmlns:w=\""
        + W_NS
        + "\">"
        + "<w:docDefaults><w:pPrDefault><w:pPr>"
        + "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        + "</w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
        + "<w:name w:val=\"Normal\"/><w:qFormat/><w:rPr>"
        + runFonts(font)
        + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"
        + "<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:style>"
        + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
        + "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
        + "<w:unhideWhenUsed/></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
        + "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
        + "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
        + "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
        + "</w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>";
  }

  private static String settings() {
    return XML_DECLARATION + "<w:settings xmlns:w=\"" + W_NS + "\"/>";
  }

  private static String runFonts(String font) {
    return "<w:rFonts w:ascii=\""
        + font
        + "\" w:hAnsi=\""
        + font
        + "\" w:cs=\""
        + font
        + "\" w:eastAsia=\""
        + font
        + "\"/>";
  }

  /** The title block: table number (if any) and title in bold, then the population line. */
  private static String header(ReportTable t, PageLayout page, String title) {
    StringBuilder xml = new StringBuilder(XML_DECLARATION);
    xml.append("<w:hdr xmlns:w=\"").append(W_NS).append("\">");
    int points = page.points();
    if (!t.number().isEmpty()) {
      xml.append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
      run(xml, t.font(), t.number(), points + 1, true);
      xml.append("</w:p>");
    }
    xml.append("<w:p><w:pPr><w:spacing w:after=\"")
        .append(PageLayout.TITLE_AFTER)
        .append("\"/><w:jc w:val=\"center\"/></w:pPr>");
    run(xml, t.font(), title, points + 1, true);
    xml.append("</w:p><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
    run(xml, t.font(), t.subtitle(), points, false);
    xml.append("</w:p></w:hdr>");
    return xml.toString();
  }

  /** The footnotes, then a right-aligned "Page X of Y" with PAGE and NUMPAGES fields. */
  private static String footer(ReportTable t, PageLayout page) {
    StringBuilder xml = new StringBuilder(XML_DECLARATION);
    xml.append("<w:ftr xmlns:w=\"").append(W_NS).append("\">");
    int small = page.points() - 1;
    for (String note : t.footnotes()) {
      xml.append("<w:p><w:pPr><w:spacing w:after=\"")
          .append(PageLayout.NOTE_AFTER)
          .append("\"/></w:pPr>");
      run(xml, t.font(), note, small, false);
      xml.append("</w:p>");
    }
    xml.append("<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>");
    run(xml, t.font(), "Page ", small, false);
    field(xml, t.font(), "PAGE", small);
    run(xml, t.font(), " of ", small, false);
    field(xml, t.font(), "NUMPAGES", small);
    xml.append("</w:p></w:ftr>");
    return xml.toString();
  }

  /** A simple field whose cached result ("1") is shown in the footer font until updated. */
  private static void field(StringBuilder xml, String font, String instruction, int points) {
    xml.append("<w:fldSimple w:instr=\"").append(instruction).append("\">");
    run(xml, font, "1", points, false);
    xml.append("</w:fldSimple>");
  }

  private static String document(
      List<ReportTable> tables, List<PageLayout> layouts, ReportTable.Paper paper) {
    StringBuilder xml = new StringBuilder(256 * 1024);
    xml.append(XML_DECLARATION)
        .append("<w:document xmlns:w=\"")
        .append(W_NS)
        .append("\" xmlns:r=\"")
        .append(R_NS)
        .append("\"><w:body>");
    for (int i = 0; i < tables.size(); i++) {
      table(xml, tables.get(i), layouts.get(i));
      String section = sectionProperties(layouts.get(i), paper, i + 1);
      if (i < tables.size() - 1) {
        // a section ends at a paragraph carrying its properties; the next starts on a new page
        xml.append("<w:p><w:pPr><w:spacing w:after=\"0\"/>")
            .append(section)
            .append("<w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
      } else {
        xml.append("<w:p><w:pPr><w:spacing w:after=\"0\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>")
            .append("</w:pPr></w:p>")
            .append(section);
      }
    }
    xml.append("</w:body></w:document>");
    return xml.toString();
  }

  /** The document of a figure page: the picture, centred, then the section properties. */
  private static String figureDocument(
      ReportTable frame, PageLayout page, ReportPicture picture, ReportTable.Paper paper) {
    int[] size = page.pictureTwips(picture);
    long cx = PageLayout.emu(size[0]);
    long cy = PageLayout.emu(size[1]);
    String extent = "cx=\"" + cx + "\" cy=\"" + cy + "\"";
    String name = Escape.xml(frame.title());
    return XML_DECLARATION
        + "<w:document xmlns:w=\""
        + W_NS
        + "\" xmlns:r=\""
        + R_NS
        + "\" xmlns:wp=\""
        + WP_NS
        + "\" xmlns:a=\""
        + A_NS
        + "\" xmlns:pic=\""
        + PIC_NS
        + "\"><w:body><w:p><w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
        + "<wp:extent "
        + extent
        + "/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
        + "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\""
        + name
        + "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
        + "</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\""
        + PIC_NS
        + "\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"image1.png\"/><pic:cNvPicPr/>"
        + "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\""
        + IMAGE_ID
        + "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
        + "<a:off x=\"0\" y=\"0\"/><a:ext "
        + extent
        + "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
        + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        + sectionProperties(page, paper, 1)
        + "</w:body></w:document>";
  }

  private static String sectionProperties(PageLayout page, ReportTable.Paper paper, int number) {
    // several pages: a first-page header of its own (titlePg), the same footer on every page
    String first =
        continued(page)
            ? "<w:headerReference w:type=\"first\" r:id=\"rIdHF"
                + number
                + "\"/><w:footerReference w:type=\"first\" r:id=\"rIdF"
                + number
                + "\"/>"
            : "";
    return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH"
        + number
        + "\"/><w:footerReference w:type=\"default\" r:id=\"rIdF"
        + number
        + "\"/>"
        + first
        + "<w:pgSz w:w=\""
        + paper.widthTwips()
        + "\" w:h=\""
        + paper.heightTwips()
        + "\" w:orient=\"landscape\"/><w:pgMar w:top=\""
        + page.top()
        + "\" w:right=\""
        + PageLayout.SIDE_MARGIN
        + "\" w:bottom=\""
        + page.bottom()
        + "\" w:left=\""
        + PageLayout.SIDE_MARGIN
        + "\" w:header=\""
        + PageLayout.EDGE
        + "\" w:footer=\""
        + PageLayout.EDGE
        + "\" w:gutter=\"0\"/>"
        + (continued(page) ? "<w:titlePg/>" : "")
        + "</w:sectPr>";
  }

  private static void table(StringBuilder xml, ReportTable t, PageLayout page) {
    int columns = t.headers().size();
    int[] widths = page.widths();
    int points = page.points();
    List<List<Integer>> pages = page.pages();
    for (int p = 0; p < pages.size(); p++) {
      if (p > 0) {
        // an explicit page break: the next page's table starts with the header rows again
        xml.append("<w:p><w:pPr><w:pageBreakBefore w:val=\"1\"/><w:spacing w:after=\"0\"/>")
            .append("<w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p>");
      }
      xml.append("<w:tbl><w:tblPr><w:tblW w:w=\"")
          .append(page.usable())
          .append("\" w:type=\"dxa\"/>")
          .append("<w:jc w:val=\"center\"/><w:tblBorders>")
          .append("<w:top w:val=\"none\"/><w:left w:val=\"none\"/><w:bottom w:val=\"none\"/>")
          .append("<w:right w:val=\"none\"/><w:insideH w:val=\"none\"/>")
          .append("<w:insideV w:val=\"none\"/></w:tblBorders>")
          .append("<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
      for (int width : widths) {
        xml.append("<w:gridCol w:w=\"").append(width).append("\"/>");
      }
      xml.append("</w:tblGrid>");
      boolean grouped = !t.groups().isEmpty();
      if (grouped) {
        groupRow(xml, t, widths, points);
      }
      xml.append("<w:tr><w:trPr><w:cantSplit w:val=\"1\"/><w:tblHeader w:val=\"1\"/></w:trPr>");
      for (int c = 0; c < columns; c++) {
        cellStart(xml, widths[c], !grouped, true, true);
        xml.append("<w:p><w:pPr><w:jc w:val=\"")
            .append(c == 0 ? "left" : "center")
            .append("\"/></w:pPr>");
        lines(xml, t.font(), t.headers().get(c).lines().toList(), points);
        xml.append("</w:p></w:tc>");
      }
      xml.append("</w:tr>");
      List<Integer> rows = pages.get(p);
      for (int i = 0; i < rows.size(); i++) {
        ReportTable.Row row = t.rows().get(rows.get(i));
        boolean last = i == rows.size() - 1;
        xml.append("<w:tr><w:trPr><w:cantSplit w:val=\"1\"/></w:trPr>");
        for (int c = 0; c < columns; c++) {
          cellStart(xml, widths[c], false, last, false);
          xml.append("<w:p><w:pPr>");
          if (row.keepWithNext()) {
            xml.append("<w:keepNext w:val=\"1\"/>");
          }
          if (c == 0 && row.indent() > 0) {
            xml.append("<w:ind w:left=\"").append(INDENT * row.indent()).append("\"/>");
          }
          xml.append("<w:jc w:val=\"").append(c == 0 ? "left" : "center").append("\"/></w:pPr>");
          lines(xml, t.font(), row.cells().get(c).lines().toList(), points);
          xml.append("</w:p></w:tc>");
        }
        xml.append("</w:tr>");
      }
      xml.append("</w:tbl>");
    }
  }

  /**
   * The row of column group labels, a header row above the column headers: one cell per group
   * spanning its columns ({@code w:gridSpan}) with the label centred and a rule below it (a
   * paragraph border within the cell margins), and an empty cell per ungrouped column; the top rule
   * of the header runs above the whole row.
   */
  private static void groupRow(StringBuilder xml, ReportTable t, int[] widths, int points) {
    xml.append("<w:tr><w:trPr><w:cantSplit w:val=\"1\"/><w:tblHeader w:val=\"1\"/></w:trPr>");
    for (int c = 0; c < widths.length; c++) {
      ReportTable.HeaderGroup g = t.groupOf(c);
      int span = g == null ? 1 : g.span();
      int width = 0;
      for (int k = c; k < c + span; k++) {
        width += widths[k];
      }
      xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/>");
      if (span > 1) {
        xml.append("<w:gridSpan w:val=\"").append(span).append("\"/>");
      }
      xml.append("<w:tcBorders><w:top ").append(RULE).append("/></w:tcBorders>");
      xml.append("<w:vAlign w:val=\"bottom\"/></w:tcPr><w:p><w:pPr>");
      if (g != null) {
        // a paragraph rule: it spans the label's cell less the cell margins, so the rules of
        // adjacent groups stay apart
        xml.append("<w:pBdr><w:bottom ").append(GROUP_RULE).append("/></w:pBdr>");
      }
      xml.append("<w:jc w:val=\"center\"/></w:pPr>");
      if (g != null) {
        lines(xml, t.font(), g.label().lines().toList(), points);
      }
      xml.append("</w:p></w:tc>");
      c += span - 1;
    }
    xml.append("</w:tr>");
  }

  /**
   * Opens a cell of {@code width} twips, with the top rule and the rule below when asked, aligned
   * to the bottom when {@code header}.
   */
  private static void cellStart(
      StringBuilder xml, int width, boolean topRule, boolean bottomRule, boolean header) {
    xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/>");
    if (topRule || bottomRule) {
      xml.append("<w:tcBorders>");
      if (topRule) {
        xml.append("<w:top ").append(RULE).append("/>");
      }
      if (bottomRule) {
        xml.append("<w:bottom ").append(RULE).append("/>");
      }
      xml.append("</w:tcBorders>");
    }
    if (header) {
      xml.append("<w:vAlign w:val=\"bottom\"/>");
    }
    xml.append("</w:tcPr>");
  }

  /** One run showing {@code lines} separated by line breaks. */
  private static void lines(StringBuilder xml, String font, List<String> lines, int points) {
    runStart(xml, font, points, false);
    for (int l = 0; l < lines.size(); l++) {
      if (l > 0) {
        xml.append("<w:br/>");
      }
      text(xml, lines.get(l));
    }
    xml.append("</w:r>");
  }

  private static void run(StringBuilder xml, String font, String text, int points, boolean bold) {
    runStart(xml, font, points, bold);
    text(xml, text);
    xml.append("</w:r>");
  }

  private static void runStart(StringBuilder xml, String font, int points, boolean bold) {
    xml.append("<w:r><w:rPr>").append(runFonts(font));
    if (bold) {
      xml.append("<w:b w:val=\"1\"/>");
    }
    xml.append("<w:sz w:val=\"").append(2 * points).append("\"/></w:rPr>");
  }

  /** A text element whose leading, trailing and repeated spaces are kept. */
  private static void text(StringBuilder xml, String text) {
    xml.append("<w:t xml:space=\"preserve\">");
    xml.append(Escape.xml(text));
    xml.append("</w:t>");
  }
}
