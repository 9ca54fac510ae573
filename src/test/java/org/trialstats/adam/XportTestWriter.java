package org.trialstats.adam;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes SAS transport version 5 files for tests, following SAS technical note TS-140 directly
 * (independently of the reader): header records, 140-byte NAMESTR records, IEEE to IBM conversion,
 * missing values and blank padding.
 */
public final class XportTestWriter {
  private XportTestWriter() {}

  /** A variable to write; {@code length} is in bytes (numeric 2 to 8). */
  public record Var(
      String name, String label, VariableType type, int length, String format, int width) {
    public static Var num(String name, String label) {
      return new Var(name, label, VariableType.NUMERIC, 8, "", 0);
    }

    public static Var chr(String name, String label, int length) {
      return new Var(name, label, VariableType.CHARACTER, length, "", 0);
    }
  }

  /**
   * One data set. Row values: {@code Double} (or any Number) or {@link SasMissing} or null
   * (ordinary missing) for numeric variables, {@code String} for character variables.
   */
  public record Member(String name, String label, List<Var> vars, List<Object[]> rows) {}

  public static byte[] file(Member... members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    card(out, "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    card(out, pad("SAS     SAS     SASLIB  9.4     X64_10PR", 64) + "01JAN26:00:00:00");
    card(out, "01JAN26:00:00:00");
    for (Member m : members) {
      member(out, m);
    }
    return out.toByteArray();
  }

  private static void member(ByteArrayOutputStream out, Member m) {
    card(out, "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
    card(out, "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    card(
        out,
        pad("SAS     " + pad(m.name(), 8) + "SASDATA 9.4     X64_10PR", 64) + "01JAN26:00:00:00");
    card(out, pad("01JAN26:00:00:00", 32) + pad(m.label(), 40) + pad("", 8));
    card(
        out,
        String.format(
            java.util.Locale.ROOT,
            "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000%04d00000000000000000000  ",
            m.vars().size()));
    ByteArrayOutputStream namestrs = new ByteArrayOutputStream();
    int position = 0;
    for (int i = 0; i < m.vars().size(); i++) {
      Var v = m.vars().get(i);
      namestrs.writeBytes(
          namestr(
              i + 1,
              v.type() == VariableType.NUMERIC,
              v.length(),
              v.name(),
              v.label(),
              v.format(),
              v.width(),
              position));
      position += v.length();
    }
    padded(out, namestrs.toByteArray());
    card(out, "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Object[] row : m.rows()) {
      for (int i = 0; i < m.vars().size(); i++) {
        Var v = m.vars().get(i);
        if (v.type() == VariableType.NUMERIC) {
          data.write(numeric(row[i]), 0, v.length());
        } else {
          byte[] text = ((String) row[i]).getBytes(StandardCharsets.UTF_8);
          byte[] cell = new byte[v.length()];
          Arrays.fill(cell, (byte) ' ');
          System.arraycopy(text, 0, cell, 0, Math.min(text.length, cell.length));
          data.writeBytes(cell);
        }
      }
    }
    padded(out, data.toByteArray());
  }

  private static byte[] numeric(Object value) {
    ByteBuffer b = ByteBuffer.allocate(8);
    if (value == null) {
      b.put((byte) '.');
    } else if (value instanceof SasMissing missing) {
      b.put((byte) missing.code());
    } else {
      b.putLong(ibmBits(((Number) value).doubleValue()));
    }
    return b.array();
  }

  /**
   * IEEE double to IBM hexadecimal float bits. A double is m * 2^q with a 53-bit integer m; the IBM
   * value is F * 2^(4E - 312) with a 56-bit F whose leading hex digit is non-zero. Choosing the
   * shift s in 0..3 with q + 312 - s divisible by 4 gives F = m * 2^s and E = (q + 312 - s)/4
   * exactly.
   */
  static long ibmBits(double x) {
    if (x == 0) {
      return 0L;
    }
    long sign = x < 0 ? 1L << 63 : 0;
    double a = Math.abs(x);
    int q = Math.getExponent(a) - 52;
    long m = (Double.doubleToRawLongBits(a) & ((1L << 52) - 1)) | (1L << 52);
    int shift = Math.floorMod(q + 312, 4);
    long fraction = m << shift;
    int exponent = (q + 312 - shift) / 4;
    // normalise: the leading hex digit of the 56-bit fraction must be non-zero
    while ((fraction & (0xFL << 52)) == 0) {
      fraction <<= 4;
      exponent--;
    }
    while (fraction >= (1L << 56)) {
      fraction >>>= 4;
      exponent++;
    }
    if (exponent < 0 || exponent > 127) {
      throw new IllegalArgumentException(x + " is outside the IBM float range");
    }
    return sign | ((long) exponent << 56) | fraction;
  }

  private static void card(ByteArrayOutputStream out, String text) {
    out.writeBytes(latin1(pad(text, 80)));
  }

  private static void padded(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(bytes);
    int rest = (80 - bytes.length % 80) % 80;
    for (int i = 0; i < rest; i++) {
      out.write(' ');
    }
  }

  /**
   * One 140-byte NAMESTR record (SAS TS-140): type 1 numeric / 2 character, length, variable
   * number, name, label, format name and width, byte position in the observation.
   */
  static byte[] namestr(
      int number,
      boolean numeric,
      int length,
      String name,
      String label,
      String format,
      int formatWidth,
      int position) {
    ByteBuffer b = ByteBuffer.allocate(140);
    b.putShort((short) (numeric ? 1 : 2));
    b.putShort((short) 0);
    b.putShort((short) length);
    b.putShort((short) number);
    b.put(ascii(pad(name, 8)));
    b.put(latin1(pad(label, 40)));
    b.put(ascii(pad(format, 8)));
    b.putShort((short) formatWidth);
    b.putShort((short) 0);
    b.putShort((short) 0);
    b.put(new byte[2]);
    b.put(ascii(pad("", 8)));
    b.putShort((short) 0);
    b.putShort((short) 0);
    b.putInt(position);
    return b.array();
  }

  static String pad(String s, int width) {
    if (s.length() > width) {
      throw new IllegalArgumentException("'" + s + "' is longer than " + width);
    }
    return s + " ".repeat(width - s.length());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
