package org.trialstats.evidence.text;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text layer of a PDF, extracted page by page with Apache PDFBox ({@link PDFTextStripper},
 * positions sorted). The source that spans refer to is this extracted text: line numbers count its
 * lines and spans carry the page. A PDF without a text layer (scanned images), an encrypted or a
 * damaged PDF is an error.
 */
final class PdfText {
  /** Largest number of pages read. */
  static final int MAX_PAGES = 5000;

  private PdfText() {}

  static SourceText extract(String file, byte[] bytes) {
    StringBuilder text = new StringBuilder();
    int[] pageStarts;
    try (PDDocument document = Loader.loadPDF(bytes)) {
      int pages = document.getNumberOfPages();
      if (pages > MAX_PAGES) {
        throw new TextException(
            file, 0, "expected a PDF of at most " + MAX_PAGES + " pages, got " + pages);
      }
      pageStarts = new int[pages];
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      for (int page = 1; page <= pages; page++) {
        pageStarts[page - 1] = text.length();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        text.append(stripper.getText(document).replace("\r", "")).append('\n');
      }
    } catch (InvalidPasswordException e) {
      throw new TextException(file, 0, "expected an unencrypted PDF, got an encrypted one", e);
    } catch (IOException e) {
      throw new TextException(file, 0, "expected a readable PDF, got: " + e.getMessage(), e);
    }
    String source = text.toString();
    if (source.isBlank()) {
      throw new TextException(
          file,
          0,
          "expected a PDF with a text layer, got none (a scanned"
              + " document needs text recognition first)");
    }
    MappedText out = new MappedText();
    out.appendSource(source, 0, source.length());
    return new SourceText(file, TextFormat.PDF, out.text(), out.origin(), source, pageStarts);
  }
}
