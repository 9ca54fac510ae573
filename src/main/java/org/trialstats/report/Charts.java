package org.trialstats.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every trialstats chart shares so that its bytes are the same on every machine and run: the
 * DejaVu Sans fonts shipped inside the jar (never a logical font resolved through fontconfig), a
 * colour-blind-safe palette, and SVG clip-path ids renumbered in document order (VectorGraphics2D
 * derives them from identity hash codes, which differ between runs). Charts are drawn with Java2D
 * and rendered by {@link Figure}.
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
