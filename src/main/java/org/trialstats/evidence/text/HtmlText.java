package org.trialstats.evidence.text;

import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of an HTML document, parsed with jsoup (the WHATWG HTML5 algorithm, so malformed
 * markup is repaired as browsers do). Script, style, template and head content are dropped; block
 * elements and {@code <br>} start new lines, table cells are separated by spaces. Each character
 * maps to the source position jsoup tracked for its text node; within a node whose source contained
 * character references ({@code &amp;}), later characters map to the nearest source character of the
 * node, not exactly.
 */
final class HtmlText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "li",
          "ul",
          "ol",
          "tr",
          "table",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "section",
          "article",
          "blockquote",
          "pre",
          "dt",
          "dd",
          "caption",
          "header",
          "footer",
          "figure",
          "figcaption",
          "hr",
          "main",
          "nav",
          "aside");
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "template", "noscript", "head");

  private HtmlText() {}

  static SourceText extract(String file, String source) {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document document = parser.parseInput(source, "");
    MappedText out = new MappedText();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text && !insideSkipped(text)) {
              String s = text.getWholeText();
              int start = Math.max(text.sourceRange().startPos(), 0);
              int end = Math.max(text.sourceRange().endPos(), start + 1);
              for (int i = 0; i < s.length(); i++) {
                out.append(
                    s.charAt(i), Math.min(start + i, Math.min(end - 1, source.length() - 1)));
              }
            } else if (node instanceof Element e) {
              separate(e, out, source);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              separate(e, out, source);
            }
          }
        },
        document);
    return new SourceText(file, TextFormat.HTML, out.text(), out.origin(), source, new int[0]);
  }

  private static void separate(Element e, MappedText out, String source) {
    int at = Math.min(Math.max(e.sourceRange().startPos(), 0), Math.max(source.length() - 1, 0));
    String tag = e.normalName();
    if (BLOCKS.contains(tag)) {
      out.append('\n', at);
    } else if (tag.equals("td") || tag.equals("th")) {
      out.append(' ', at);
    }
  }

  private static boolean insideSkipped(Node node) {
    for (Node p = node.parentNode(); p != null; p = p.parentNode()) {
      if (p instanceof Element e && SKIPPED.contains(e.normalName())) {
        return true;
      }
    }
    return false;
  }
}
