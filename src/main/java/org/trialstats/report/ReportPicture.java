package org.trialstats.report;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PNG picture to place in an RTF or DOCX report page (a clinical-study-report figure): its bytes,
 * its size in pixels (read from the PNG header) and its resolution, which give its natural size on
 * paper. {@link PageLayout#pictureTwips} scales it down to fit a page, and {@link PageLayout#emu}
 * converts twips (1/1440 inch, the RTF and WordprocessingML unit) to the EMU of DrawingML.
 *
 * @param png the PNG file bytes (copied)
 * @param widthPixels the image width in pixels
 * @param heightPixels the image height in pixels
 * @param dpi pixels per inch of the natural size
 */
public record ReportPicture(byte[] png, int widthPixels, int heightPixels, int dpi) {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Twips per inch. */
  static final int TWIPS_PER_INCH = 1440;

  public ReportPicture {
    png = png.clone();
    if (widthPixels <= 0 || heightPixels <= 0) {
      throw new IllegalArgumentException("picture size must be positive");
    }
    if (dpi <= 0) {
      throw new IllegalArgumentException("picture resolution must be positive, not " + dpi);
    }
  }

  /**
   * A picture of PNG bytes, its pixel size read from the PNG's IHDR chunk (PNG specification,
   * ISO/IEC 15948, 11.2.2: width and height as 4-byte big-endian integers at bytes 16 to 23).
   *
   * @param png the PNG file
   * @param dpi pixels per inch of the natural size (a {@link Figure} PNG: 96 x {@link
   *     Figure#PNG_SCALE})
   * @return the picture
   * @throws IllegalArgumentException when the bytes are not a PNG file
   */
  public static ReportPicture ofPng(byte[] png, int dpi) {
    if (png.length < 24
        || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)
        || png[12] != 'I'
        || png[13] != 'H'
        || png[14] != 'D'
        || png[15] != 'R') {
      throw new IllegalArgumentException("not a PNG file (no PNG signature and IHDR chunk)");
    }
    return new ReportPicture(png, bigEndian(png, 16), bigEndian(png, 20), dpi);
  }

  private static int bigEndian(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }

  /** The PNG bytes (a copy). */
  @Override
  public byte[] png() {
    return png.clone();
  }

  /** Natural width in twips: pixels / dpi inches. */
  public int widthTwips() {
    return (int) Math.round(widthPixels * (double) TWIPS_PER_INCH / dpi);
  }

  /** Natural height in twips. */
  public int heightTwips() {
    return (int) Math.round(heightPixels * (double) TWIPS_PER_INCH / dpi);
  }

  /** The PNG bytes as lowercase hexadecimal digits, as RTF's {@code \pict} group holds them. */
  public String hex() {
    return HexFormat.of().formatHex(png);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportPicture p
        && Arrays.equals(png, p.png)
        && widthPixels == p.widthPixels
        && heightPixels == p.heightPixels
        && dpi == p.dpi;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(png) + 17 * widthPixels + 7 * heightPixels + dpi;
  }

  @Override
  public String toString() {
    return "ReportPicture["
        + widthPixels
        + "x"
        + heightPixels
        + " px, "
        + dpi
        + " dpi, "
        + png.length
        + " bytes]";
  }
}
