package org.trialstats.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Deterministic chart output. Every chart uses the DejaVu Sans font shipped inside the jar (never
 * a logical font resolved through fontconfig, which changes the bytes from machine to machine),
 * {@link Locale#ROOT} number formatting, and SVG whose clip-path ids are renumbered in document
 * order (VectorGraphics2D derives them from identity hash codes, which differ between runs).
 */
public final class Charts {
  private static final Font REGULAR = loadFont("DejaVuSans.ttf");
  private static final Font BOLD = loadFont("DejaVuSans-Bold.ttf");
  private static final Pattern CLIP_ID = Pattern.compile("clip\\d+");

  /** Palette (Okabe-Ito, colour-blind safe) used across trialstats charts. */
  public static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2),
    new Color(0xD5, 0x5E, 0x00),
    new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7),
    new Color(0xE6, 0x9F, 0x00),
    new Color(0x56, 0xB4, 0xE9),
    new Color(0x00, 0x00, 0x00)
  };

  private Charts() {}

  /** The shipped regular font at the given size. */
  public static Font font(float size) {
    return REGULAR.deriveFont(size);
  }

  /** The shipped bold font at the given size. */
  public static Font boldFont(float size) {
    return BOLD.deriveFont(size);
  }

  /**
   * Applies trialstats' fixed fonts, locale and neutral look to a chart styler. Call it on every
   * chart before rendering.
   */
  public static void applyStyle(Styler styler) {
    styler.setLocale(Locale.ROOT);
    styler.setBaseFont(font(12f));
    styler.setChartTitleFont(boldFont(14f));
    styler.setLegendFont(font(11f));
    styler.setAnnotationTextFont(font(11f));
    styler.setAnnotationTextPanelFont(font(11f));
    styler.setToolTipFont(font(11f));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setChartFontColor(Color.BLACK);
    styler.setSeriesColors(PALETTE);
    styler.setAntiAlias(true);
    styler.setTextAntiAlias(true);
    if (styler instanceof AxesChartStyler axes) {
      axes.setAxisTitleFont(font(12f));
      axes.setAxisTickLabelsFont(font(11f));
    }
  }

  /** Renders a chart as PNG bytes. */
  public static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders a chart as an SVG document with deterministic clip ids. */
  public static String svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return renumberClipIds(out.toString(StandardCharsets.UTF_8));
  }

  /** Writes PNG and SVG versions as {@code <base>.png} and {@code <base>.svg}, atomically. */
  public static void writePngAndSvg(Chart<?, ?> chart, Path folder, String base)
      throws IOException {
    OutputFiles.writeBytes(folder.resolve(base + ".png"), png(chart));
    OutputFiles.writeString(folder.resolve(base + ".svg"), svg(chart));
  }

  /** Writes the chart as PNG or SVG depending on the file name's extension. */
  public static void write(Chart<?, ?> chart, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      OutputFiles.writeBytes(file, png(chart));
    } else if (name.endsWith(".svg")) {
      OutputFiles.writeString(file, svg(chart));
    } else {
      throw new IllegalArgumentException(
          "chart file must end in .png or .svg, got '" + file.getFileName() + "'");
    }
  }

  /** Replaces every {@code clipNNN} id by {@code clip1, clip2, ...} in order of appearance. */
  static String renumberClipIds(String svg) {
    Map<String, String> ids = new HashMap<>();
    Matcher m = CLIP_ID.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length());
    while (m.find()) {
      String replacement = ids.computeIfAbsent(m.group(), k -> "clip" + (ids.size() + 1));
      m.appendReplacement(out, replacement);
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Font loadFont(String file) {
    try (InputStream in = Charts.class.getResourceAsStream("fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("font resource missing from the jar: " + file);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("cannot load font " + file, e);
    }
  }
}
