package org.trialstats.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.trialstats.io.OutputFiles;

/**
 * A figure drawn with Java2D by a painter function, rendered as PNG (at {@link #PNG_SCALE} times
 * the logical size, for print quality) or SVG. Both are byte-identical from run to run: text is
 * drawn as glyph outlines of the shipped DejaVu fonts ({@link Charts#font}), laid out with one
 * fixed {@link FontRenderContext}, SVG clip ids are renumbered in document order and SVG
 * coordinates are rounded to 1/100 of a unit.
 */
public final class Figure {
  /** PNG pixels per logical unit. */
  public static final int PNG_SCALE = 2;

  /** The font render context used for all text measurement and drawing. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final double width;
  private final double height;
  private final Consumer<Graphics2D> painter;

  /**
   * A figure of the given logical size (in SVG user units, 1/96 inch).
   *
   * @param painter draws the figure on a white background; it must not depend on anything but its
   *     inputs, so that every rendering is identical
   */
  public Figure(double width, double height, Consumer<Graphics2D> painter) {
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("figure size must be positive");
    }
    this.width = width;
    this.height = height;
    this.painter = painter;
  }

  /** Logical width. */
  public double width() {
    return width;
  }

  /** Logical height. */
  public double height() {
    return height;
  }

  /** The largest PNG drawn, in pixels (about 400 MB of image memory). */
  public static final long MAX_PNG_PIXELS = 100_000_000L;

  /**
   * The figure as PNG bytes ({@link #PNG_SCALE} pixels per logical unit).
   *
   * @throws IllegalArgumentException when the image would exceed {@link #MAX_PNG_PIXELS}; use
   *     {@link #svg()} for such figures
   */
  public byte[] png() {
    long pixels = (long) Math.ceil(width * PNG_SCALE) * (long) Math.ceil(height * PNG_SCALE);
    if (pixels > MAX_PNG_PIXELS) {
      throw new IllegalArgumentException(
          "the figure is too large for PNG (" + pixels + " pixels); write it as SVG instead");
    }
    int w = (int) Math.ceil(width * PNG_SCALE);
    int h = (int) Math.ceil(height * PNG_SCALE);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      hints(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(PNG_SCALE, PNG_SCALE);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The figure as an SVG document. */
  public String svg() {
    VectorGraphics2D g = new VectorGraphics2D();
    hints(g);
    g.setRenderingHint(VectorHints.KEY_TEXT, VectorHints.VALUE_TEXT_VECTOR);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    painter.accept(g);
    Document doc =
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      doc.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compactNumbers(Charts.renumberClipIds(out.toString(StandardCharsets.UTF_8)));
  }

  private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");

  /**
   * Rounds every number with more than two decimals inside the markup (coordinates, path data,
   * transforms) to two: 1/100 of a user unit, far below what any viewer resolves; glyph outlines
   * written with full double precision would otherwise make the SVG several times larger. Text
   * between the tags is what the reader sees and is left exactly as drawn, so an SVG prints the
   * same numbers as the PNG of the same figure.
   */
  static String compactNumbers(String svg) {
    StringBuilder out = new StringBuilder(svg.length() / 2);
    int at = 0;
    while (at < svg.length()) {
      int open = svg.indexOf('<', at);
      if (open < 0) {
        out.append(svg, at, svg.length());
        break;
      }
      out.append(svg, at, open);
      int close = svg.indexOf('>', open);
      int end = close < 0 ? svg.length() : close + 1;
      Matcher m = LONG_DECIMAL.matcher(svg).region(open, end);
      int copied = open;
      while (m.find()) {
        out.append(svg, copied, m.start());
        String rounded =
            new BigDecimal(m.group())
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        out.append(rounded.equals("-0") ? "0" : rounded);
        copied = m.end();
      }
      out.append(svg, copied, end);
      at = end;
    }
    return out.toString();
  }

  /** Writes the figure as PNG or SVG depending on the extension, atomically. */
  public void write(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      OutputFiles.writeBytes(file, png());
    } else if (name.endsWith(".svg")) {
      OutputFiles.writeString(file, svg());
    } else {
      throw new IllegalArgumentException(
          "figure file must end in .png or .svg, got '" + file.getFileName() + "'");
    }
  }

  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
  }

  /** Horizontal alignment of text relative to its anchor. */
  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /** Width of a text in the given font (0 for an empty text). */
  static double textWidth(String s, Font font) {
    if (s == null || s.isEmpty()) {
      return 0;
    }
    return new TextLayout(s, font, FRC).getAdvance();
  }

  /** Draws text as filled glyph outlines with its baseline at {@code baseline}. */
  static void text(Graphics2D g, String s, Font font, double x, double baseline, Align align) {
    if (s == null || s.isEmpty()) {
      return;
    }
    TextLayout layout = new TextLayout(s, font, FRC);
    double w = layout.getAdvance();
    double left =
        switch (align) {
          case LEFT -> x;
          case CENTER -> x - w / 2;
          case RIGHT -> x - w;
        };
    Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, baseline));
    g.fill(outline);
  }
}
