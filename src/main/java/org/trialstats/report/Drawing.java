package org.trialstats.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A picture drawn with plain Java2D, rendered deterministically to PNG (ImageIO, no metadata) and
 * to SVG (VectorGraphics2D, text as vector outlines so the shipped font is used everywhere).
 * Painters must use only {@link Charts#font} and {@link Charts#boldFont}.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param painter draws on a white canvas of that size
 */
public record Drawing(int width, int height, Painter painter) {
  /** Draws the picture. */
  @FunctionalInterface
  public interface Painter {
    void paint(Graphics2D g);
  }

  /** PNG bytes (RGB, white background, anti-aliased). */
  public byte[] png() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      prepare(g);
      painter.paint(g);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** SVG text with deterministic clip ids. */
  public String svg() {
    VectorGraphics2D g = new VectorGraphics2D();
    g.setRenderingHint(VectorHints.KEY_TEXT, VectorHints.VALUE_TEXT_VECTOR);
    prepare(g);
    painter.paint(g);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Charts.renumberClipIds(out.toString(StandardCharsets.UTF_8));
  }

  /** Writes {@code <base>.png} and {@code <base>.svg} atomically. */
  public void writePngAndSvg(Path folder, String base) throws IOException {
    OutputFiles.writeBytes(folder.resolve(base + ".png"), png());
    OutputFiles.writeString(folder.resolve(base + ".svg"), svg());
  }

  private void prepare(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(Charts.font(12f));
  }
}
