package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.junit.jupiter.api.Test;

/**
 * A small PNG placed on an RTF and a DOCX figure page: the RTF holds the PNG's bytes in a {@code
 * \pict\pngblip} group, the DOCX holds them as a media part with its relationship, content type and
 * inline drawing (opened with Apache POI as a check that Word-compatible readers find the picture),
 * both byte-identical from call to call with fixed ZIP times.
 */
class ReportPictureTest {
  /** A 30 x 20 pixel PNG with a red and a blue half, drawn with ImageIO. */
  private static byte[] smallPng() throws IOException {
    BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 30; x++) {
      for (int y = 0; y < 20; y++) {
        image.setRGB(x, y, x < 15 ? 0xff0000 : 0x0000ff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static ReportTable frame() {
    return new ReportTable(
        "Figure 1 A small picture",
        "Protocol: TEST; Safety Population",
        List.of(""),
        List.of(0.0),
        List.of(),
        List.of("A footnote.", "Source: test."),
        "",
        ReportTable.TIMES,
        9,
        List.of());
  }

  @Test
  void sizeComesFromThePngHeaderAndTheResolution() throws IOException {
    ReportPicture p = ReportPicture.ofPng(smallPng(), 96);
    assertThat(p.widthPixels()).isEqualTo(30);
    assertThat(p.heightPixels()).isEqualTo(20);
    // 30 px at 96 dpi = 0.3125 in = 450 twips; 20 px = 300 twips; EMU = 635 per twip
    assertThat(p.widthTwips()).isEqualTo(450);
    assertThat(p.heightTwips()).isEqualTo(300);
    assertThat(PageLayout.emu(450)).isEqualTo(285_750L);
    assertThat(PageLayout.emu(1440)).isEqualTo(914_400L);
    assertThat(p.hex()).isEqualTo(HexFormat.of().formatHex(smallPng()));
    assertThatThrownBy(() -> ReportPicture.ofPng("GIF89a".getBytes(StandardCharsets.US_ASCII), 96))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PNG");
  }

  @Test
  void aLargePictureIsScaledToThePageKeepingItsAspect() throws IOException {
    PageLayout page = new PageLayout(frame(), ReportTable.Paper.LETTER);
    // natural size first
    assertThat(page.pictureTwips(ReportPicture.ofPng(smallPng(), 96))).containsExactly(450, 300);
    // 30 x 20 px at 1 dpi = 30 x 20 in: the height limits (the body is shorter than 2/3 of 9 in)
    int[] fitted = page.pictureTwips(ReportPicture.ofPng(smallPng(), 1));
    assertThat(fitted[1]).isLessThanOrEqualTo(page.bodyTwips()).isGreaterThan(page.bodyTwips() - 2);
    assertThat(fitted[0]).isLessThanOrEqualTo(page.usable());
    assertThat((double) fitted[0] / fitted[1])
        .isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void rtfHoldsThePngAsPngblipHex() throws IOException {
    byte[] png = smallPng();
    ReportPicture p = ReportPicture.ofPng(png, 96);
    String rtf = AeTableRtfWriter.rtf(frame(), p, ReportTable.Paper.LETTER);
    assertThat(rtf).startsWith("{\\rtf1").endsWith("}\n");
    assertThat(rtf)
        .contains("{\\pict\\pngblip\\picw30\\pich20\\picwgoal450\\pichgoal300\n")
        .contains("{\\header")
        .contains("Figure 1 A small picture")
        .contains("A footnote.");
    String group = rtf.substring(rtf.indexOf("\\pichgoal300") + "\\pichgoal300".length());
    group = group.substring(0, group.indexOf('}')).replaceAll("\\s", "");
    assertThat(group).isEqualTo(HexFormat.of().formatHex(png));
    assertThat(AeTableRtfWriter.rtf(frame(), p, ReportTable.Paper.LETTER)).isEqualTo(rtf);
  }

  @Test
  void docxHoldsTheMediaPartItsRelationshipContentTypeAndInlineDrawing() throws IOException {
    byte[] png = smallPng();
    ReportPicture p = ReportPicture.ofPng(png, 96);
    byte[] docx = AeTableDocxWriter.docx(frame(), p, ReportTable.Paper.LETTER);
    assertThat(AeTableDocxWriter.docx(frame(), p, ReportTable.Paper.LETTER)).isEqualTo(docx);
    Map<String, byte[]> parts = new LinkedHashMap<>();
    List<LocalDateTime> times = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        parts.put(e.getName(), zip.readAllBytes());
        times.add(e.getTimeLocal());
      }
    }
    assertThat(times).containsOnly(LocalDateTime.of(2000, 1, 1, 0, 0));
    assertThat(parts.get("word/media/image1.png")).isEqualTo(png);
    assertThat(text(parts, "[Content_Types].xml"))
        .contains("<Default Extension=\"png\" ContentType=\"image/png\"/>");
    assertThat(text(parts, "word/_rels/document.xml.rels"))
        .contains(
            "<Relationship Id=\"rIdImage1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>");
    String document = text(parts, "word/document.xml");
    // 450 x 300 twips = 285,750 x 190,500 EMU
    assertThat(document)
        .contains("<w:drawing><wp:inline")
        .contains("<wp:extent cx=\"285750\" cy=\"190500\"/>")
        .contains("<a:blip r:embed=\"rIdImage1\"/>");
    assertThat(text(parts, "word/header1.xml")).contains("Figure 1 A small picture");
    assertThat(text(parts, "word/footer1.xml")).contains("A footnote.");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      // POI gives the extent in points: 285,750 EMU / 12,700 = 22.5 pt
      assertThat(doc.getAllPictures()).hasSize(1);
      assertThat(doc.getAllPictures().get(0).getData()).isEqualTo(png);
      List<XWPFPicture> inline = doc.getParagraphs().get(0).getRuns().get(0).getEmbeddedPictures();
      assertThat(inline).hasSize(1);
      assertThat(inline.get(0).getWidth()).isEqualTo(22.5);
      assertThat(inline.get(0).getDepth()).isEqualTo(15.0);
    }
  }

  private static String text(Map<String, byte[]> parts, String name) {
    assertThat(parts).containsKey(name);
    return new String(parts.get(name), StandardCharsets.UTF_8);
  }
}
