package org.trialstats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstats.io.Escape;

/**
 * A report as a list of blocks (headings, paragraphs, lists, tables, figures, collapsible groups),
 * written to HTML and to Markdown by one writer each, so the two formats cannot drift apart. Cells
 * and texts are plain text; each writer escapes them for its format.
 */
public final class ReportDocument {

  /** One piece of a document. */
  public sealed interface Block permits Heading, Paragraph, Items, Table, Chart, Collapsed {}

  /**
   * A section heading; {@link #anchor()} is the same in both formats (GitHub's Markdown slug).
   *
   * @param level 2 for a section, 3 for a subsection
   * @param text the heading text
   */
  public record Heading(int level, String text) implements Block {
    /** The link target: lower case, spaces as hyphens, punctuation dropped. */
    public String anchor() {
      return slug(text);
    }
  }

  /**
   * A paragraph.
   *
   * @param text the paragraph text
   * @param strong whether the whole paragraph is emphasised (a summary line)
   */
  public record Paragraph(String text, boolean strong) implements Block {}

  /**
   * A bulleted list; an item's lead is printed in bold before its text.
   *
   * @param items the list items
   */
  public record Items(List<Item> items) implements Block {}

  /**
   * One list item.
   *
   * @param lead bold text before the item (empty for none)
   * @param text the item's text
   * @param link anchor of a heading this item links to (empty for none)
   */
  public record Item(String lead, String text, String link) {
    /** An item without lead or link. */
    public static Item of(String text) {
      return new Item("", text, "");
    }
  }

  /**
   * A table with a header row.
   *
   * @param header column names
   * @param rows cells per row, each as long as the header
   * @param numeric indices of right-aligned (numeric) columns
   * @param rowClasses HTML class per row (empty for none), or an empty list
   */
  public record Table(
      List<String> header, List<List<String>> rows, Set<Integer> numeric, List<String> rowClasses)
      implements Block {}

  /**
   * A chart: inlined as SVG in HTML, linked as PNG image in Markdown.
   *
   * @param name file name without extension
   * @param caption the caption
   * @param svg the rendered SVG, inlined in HTML
   */
  public record Chart(String name, String caption, String svg) implements Block {}

  /**
   * A group of blocks shown collapsed in HTML (a {@code details} element) and after its heading in
   * Markdown.
   *
   * @param heading the group's heading, also the HTML summary line
   * @param blocks the collapsed content
   */
  public record Collapsed(Heading heading, List<Block> blocks) implements Block {}

  /**
   * The house style sheet of the HTML reports (DejaVu Sans, bordered tables, collapsible groups).
   */
  public static final String STYLE =
      String.join(
          "\n",
          "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 14px; color: #111;"
              + " margin: 0; background: #fff; }",
          "main { max-width: 1100px; margin: 0 auto; padding: 24px; }",
          "h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 32px;"
              + " border-bottom: 1px solid #ccc; } h3 { font-size: 16px; }",
          "table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }",
          "th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align:"
              + " left; }",
          "th { background: #f2f2f2; } td.num { text-align: right; white-space: nowrap; }",
          "tr.primary { background: #eef5fb; }",
          "tr.bad { background: #f8d7da; }",
          "details > summary { font-size: 16px; font-weight: bold; margin: 16px 0 8px;"
              + " cursor: pointer; }",
          ".summary { font-weight: bold; }",
          "figure { margin: 16px 0; } figure svg { max-width: 100%; height: auto; }",
          "figcaption { font-size: 13px; color: #333; }",
          "code { font-size: 12px; }",
          "");

  private final String title;
  private final String style;
  private final List<Block> blocks = new ArrayList<>();

  /**
   * @param title the document title (H1 and HTML title)
   * @param style the HTML style sheet
   */
  public ReportDocument(String title, String style) {
    this.title = title;
    this.style = style;
  }

  /** Appends a block. */
  public ReportDocument add(Block block) {
    blocks.add(block);
    return this;
  }

  /** The level-2 headings, for a table of contents. */
  public List<Heading> sections() {
    return blocks.stream()
        .filter(b -> b instanceof Heading h && h.level() == 2)
        .map(b -> (Heading) b)
        .toList();
  }

  /** GitHub's heading slug, used as the anchor in both formats. */
  static String slug(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        b.append(c);
      } else if (c == ' ') {
        b.append('-');
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- Markdown

  /** The document as GitHub-flavoured Markdown. */
  public String markdown() {
    StringBuilder b = new StringBuilder("# ").append(Escape.markdown(title)).append("\n");
    for (Block block : blocks) {
      b.append('\n');
      markdown(block, b);
    }
    return b.toString();
  }

  private static void markdown(Block block, StringBuilder b) {
    if (block instanceof Heading h) {
      b.append("#".repeat(h.level())).append(' ').append(Escape.markdown(h.text())).append('\n');
    } else if (block instanceof Paragraph p) {
      String text = Escape.markdown(p.text());
      b.append(p.strong() ? "**" + text + "**" : text).append('\n');
    } else if (block instanceof Items list) {
      for (Item i : list.items()) {
        b.append("- ");
        if (!i.lead().isEmpty()) {
          b.append("**").append(Escape.markdown(i.lead())).append("** ");
        }
        if (i.link().isEmpty()) {
          b.append(Escape.markdown(i.text()));
        } else {
          b.append('[').append(Escape.markdown(i.text())).append("](#").append(i.link());
          b.append(')');
        }
        b.append('\n');
      }
    } else if (block instanceof Table t) {
      b.append('|');
      t.header().forEach(h -> b.append(' ').append(Escape.markdown(h)).append(" |"));
      b.append("\n|");
      for (int c = 0; c < t.header().size(); c++) {
        b.append(t.numeric().contains(c) ? "---:|" : "---|");
      }
      b.append('\n');
      for (List<String> row : t.rows()) {
        b.append('|');
        row.forEach(cell -> b.append(' ').append(Escape.markdown(cell)).append(" |"));
        b.append('\n');
      }
    } else if (block instanceof Chart c) {
      b.append("![")
          .append(Escape.markdown(c.caption()))
          .append("](")
          .append(c.name())
          .append(".png)\n\n*")
          .append(Escape.markdown(c.caption()))
          .append("* (also as [SVG](")
          .append(c.name())
          .append(".svg))\n");
    } else if (block instanceof Collapsed g) {
      markdown(g.heading(), b);
      for (Block inner : g.blocks()) {
        b.append('\n');
        markdown(inner, b);
      }
    }
  }

  // ---------------------------------------------------------------- HTML

  /** The document as a self-contained HTML page. */
  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Escape.html(title))
        .append("</title>\n<style>\n")
        .append(style)
        .append("</style>\n</head>\n<body>\n<main>\n<h1>")
        .append(Escape.html(title))
        .append("</h1>\n");
    blocks.forEach(block -> html(block, b));
    return b.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void html(Block block, StringBuilder b) {
    if (block instanceof Heading h) {
      b.append("<h")
          .append(h.level())
          .append(" id=\"")
          .append(h.anchor())
          .append("\">")
          .append(Escape.html(h.text()))
          .append("</h")
          .append(h.level())
          .append(">\n");
    } else if (block instanceof Paragraph p) {
      b.append(p.strong() ? "<p class=\"summary\">" : "<p>")
          .append(Escape.html(p.text()))
          .append("</p>\n");
    } else if (block instanceof Items list) {
      b.append("<ul>\n");
      for (Item i : list.items()) {
        b.append("<li>");
        if (!i.lead().isEmpty()) {
          b.append("<b>").append(Escape.html(i.lead())).append("</b> ");
        }
        if (i.link().isEmpty()) {
          b.append(Escape.html(i.text()));
        } else {
          b.append("<a href=\"#").append(i.link()).append("\">");
          b.append(Escape.html(i.text())).append("</a>");
        }
        b.append("</li>\n");
      }
      b.append("</ul>\n");
    } else if (block instanceof Table t) {
      b.append("<table>\n<thead><tr>");
      t.header().forEach(h -> b.append("<th>").append(Escape.html(h)).append("</th>"));
      b.append("</tr></thead>\n<tbody>\n");
      for (int r = 0; r < t.rows().size(); r++) {
        String cls = t.rowClasses().isEmpty() ? "" : t.rowClasses().get(r);
        b.append(cls.isEmpty() ? "<tr>" : "<tr class=\"" + cls + "\">");
        List<String> row = t.rows().get(r);
        for (int c = 0; c < row.size(); c++) {
          b.append(t.numeric().contains(c) ? "<td class=\"num\">" : "<td>")
              .append(Escape.html(row.get(c)))
              .append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</tbody>\n</table>\n");
    } else if (block instanceof Chart c) {
      b.append("<figure id=\"chart-")
          .append(c.name())
          .append("\">\n")
          .append(EvidenceReport.inlineSvg(c.name(), c.svg()))
          .append("<figcaption>")
          .append(Escape.html(c.caption()))
          .append(" Files: <a href=\"")
          .append(c.name())
          .append(".png\">PNG</a>, <a href=\"")
          .append(c.name())
          .append(".svg\">SVG</a>.</figcaption>\n</figure>\n");
    } else if (block instanceof Collapsed g) {
      b.append("<details id=\"")
          .append(g.heading().anchor())
          .append("\">\n<summary>")
          .append(Escape.html(g.heading().text()))
          .append("</summary>\n");
      g.blocks().forEach(inner -> html(inner, b));
      b.append("</details>\n");
    }
  }
}
