package org.trialstats.evidence.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.testing.SharedFolder;

class TextExtractorTest {

  private static SourceText extract(String name, String text) {
    return TextExtractor.extract(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The span of the first occurrence of {@code needle} in the extracted text. */
  private static SourceSpan spanOf(SourceText t, String needle) {
    int at = t.text().indexOf(needle);
    assertThat(at).as("'%s' in extracted text:%n%s", needle, t.text()).isGreaterThanOrEqualTo(0);
    return t.span(at, at + needle.length());
  }

  /** The source text a span covers (single-line spans). */
  private static String cover(String source, SourceSpan span) {
    String line = source.split("\n", -1)[span.startLine() - 1];
    return line.substring(span.startColumn() - 1, span.endColumn() - 1);
  }

  @Test
  void mediaWikiDropsReferencesTemplatesAndKeepsLinkText() {
    String src =
        "'''Drug X''' is a [[medicine|drug]].<ref name=a>{{cite journal|title=T 12}}</ref>"
            + " Of [[patient]]s, 38% of 250 responded.{{citation needed|date=May 2020}}\n"
            + "<!-- 99% hidden -->\n== Safety ==\n"
            + "* Nausea (8%)<ref name=b/> and [http://example.org rash&nbsp;(3%)].\n";
    SourceText t = extract("x.wiki", src);
    assertThat(t.format()).isEqualTo(TextFormat.MEDIAWIKI);
    assertThat(t.text())
        .isEqualTo(
            "Drug X is a drug. Of patients, 38% of 250 responded.\n"
                + "\nSafety\nNausea (8%) and rash (3%).\n");
    SourceSpan span = spanOf(t, "38% of 250");
    assertThat(span.startLine()).isEqualTo(1);
    assertThat(cover(src, span)).isEqualTo("38% of 250");
    SourceSpan nausea = spanOf(t, "Nausea (8%)");
    assertThat(nausea.startLine()).isEqualTo(4);
    assertThat(cover(src, nausea)).isEqualTo("Nausea (8%)");
  }

  @Test
  void mediaWikiInfoboxParametersBecomeLines() {
    String src =
        "{{Drugbox\n| bioavailability = 95%\n| half-life = 4-6 hrs {{tiny|x}}\n"
            + "| C=759 | H=1186\n}}\nText.";
    SourceText t = extract("a.txt", src);
    assertThat(t.format()).isEqualTo(TextFormat.MEDIAWIKI);
    assertThat(t.text().lines().toList())
        .containsExactly(
            "bioavailability = 95%", "half-life = 4-6 hrs", "C=759", "H=1186", "", "Text.");
    assertThat(cover(src, spanOf(t, "4-6 hrs"))).isEqualTo("4-6 hrs");
  }

  @Test
  void unbalancedMarkupIsKeptAsTextAndDeepNestingIsRejected() {
    assertThat(extract("u.wiki", "a {{b and [[c\nd").text()).isEqualTo("a {{b and [[c\nd");
    String deep = "x [[a|".repeat(60) + "y" + "]]".repeat(60);
    assertThatThrownBy(() -> extract("deep.wiki", deep))
        .isInstanceOf(TextException.class)
        .hasMessageStartingWith("deep.wiki:1: expected MediaWiki markup nested at most 40");
  }

  @Test
  void htmlTextWithBlocksAndPositions() {
    String src =
        "<!DOCTYPE html><html><head><title>T 99%</title><style>p{}</style></head>"
            + "<body>\n<p>Response in <b>38%</b> of 250.</p><script>var x = 5;</script>\n"
            + "<table><tr><td>A</td><td>1235/1729 (71%)</td></tr></table></body></html>";
    SourceText t = extract("r.html", src);
    assertThat(t.format()).isEqualTo(TextFormat.HTML);
    assertThat(t.text()).doesNotContain("99%").doesNotContain("var x");
    assertThat(t.text()).contains("Response in 38% of 250.").contains("A 1235/1729 (71%)");
    SourceSpan span = spanOf(t, "1235/1729 (71%)");
    assertThat(span.startLine()).isEqualTo(3);
    assertThat(cover(src, span)).isEqualTo("1235/1729 (71%)");
  }

  @Test
  void markdownMarkersAndLinksRemoved() {
    String src =
        "# Results\n\n- **38%** of [250 patients](http://x.org/1) responded\n"
            + "> HR `0.75` (95% CI 0.62 to 0.91)\n| a | b |\n";
    SourceText t = extract("r.md", src);
    assertThat(t.format()).isEqualTo(TextFormat.MARKDOWN);
    assertThat(t.text())
        .isEqualTo(
            "Results\n\n38% of 250 patients responded\n" + "HR 0.75 (95% CI 0.62 to 0.91)\na b\n");
    assertThat(cover(src, spanOf(t, "250 patients"))).isEqualTo("250 patients");
  }

  @Test
  void pdfTextWithPages() throws IOException {
    byte[] pdf = pdf(List.of("Title page", "In all, 8 cases in 6,400 patient years."));
    SourceText t = TextExtractor.extract("report.pdf", pdf);
    assertThat(t.format()).isEqualTo(TextFormat.PDF);
    SourceSpan span = spanOf(t, "6,400 patient years");
    assertThat(span.page()).isEqualTo(2);
    assertThat(span.describe()).endsWith("(page 2)");
    assertThat(spanOf(t, "Title").page()).isEqualTo(1);
  }

  @Test
  void hostileAndBinaryInputGetsClearErrors() {
    byte[] latin1 = "ok\nline two caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> TextExtractor.extract("l.txt", latin1))
        .isInstanceOf(TextException.class)
        .hasMessage("l.txt:2: expected UTF-8 text, got the invalid byte 0xE9 at byte 15");
    byte[] binary = {'a', '\n', 'b', 0, 'c'};
    assertThatThrownBy(() -> TextExtractor.extract("b.txt", binary))
        .hasMessage("b.txt:2: expected text, got the control character U+0000 (a binary file?)");
    byte[] huge = new byte[Math.toIntExact(DatasetLoader.MAX_FILE_BYTES + 1)];
    assertThatThrownBy(() -> TextExtractor.extract("h.txt", huge))
        .hasMessageStartingWith("h.txt: expected at most 10485760 bytes (10 MiB)");
    byte[] damaged = "%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TextExtractor.extract("d.pdf", damaged))
        .isInstanceOf(TextException.class)
        .hasMessageStartingWith("d.pdf: expected a readable PDF, got");
    assertThatThrownBy(() -> TextExtractor.read(Path.of("no-such-file.txt"), "no-such-file.txt"))
        .hasMessage("no-such-file.txt: expected a readable file, got no such file");
  }

  @Test
  void pdfWithoutTextLayerIsAnError() throws IOException {
    byte[] pdf = pdf(List.of(""));
    assertThatThrownBy(() -> TextExtractor.extract("scan.pdf", pdf))
        .hasMessageStartingWith("scan.pdf: expected a PDF with a text layer, got none");
  }

  @Test
  void seedArticleExtraction() throws IOException {
    Path article = SharedFolder.require("sources/anakinra-article.txt");
    String source = Files.readString(article);
    SourceText t = TextExtractor.read(article, "anakinra-article.txt");
    assertThat(t.format()).isEqualTo(TextFormat.MEDIAWIKI);
    assertThat(t.text())
        .doesNotContain("{{")
        .doesNotContain("<ref")
        .doesNotContain("[[")
        .doesNotContain("'''")
        .contains("bioavailability = 95%");
    for (String figure :
        List.of(
            "2876 patients",
            "1235/1729 (71%)",
            "38% of 250 patients",
            "0.12 cases/100 patient years",
            "3.6 fold")) {
      assertThat(cover(source, spanOf(t, figure))).isEqualTo(figure);
    }
  }

  private static byte[] pdf(List<String> pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        if (!text.isEmpty()) {
          try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.beginText();
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            s.newLineAtOffset(72, 700);
            s.showText(text);
            s.endText();
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
