package org.trialstats.adam;

/**
 * Conversion of IBM System/360 hexadecimal floating-point numbers, the numeric storage of SAS
 * transport files (SAS technical note TS-140), to IEEE 754 doubles.
 *
 * <p>An IBM double is {@code s eeeeeee ffff...f}: a sign bit, a 7-bit exponent in excess-64
 * notation to base 16, and a 56-bit fraction {@code F}, so that its value is {@code (-1)^s * F *
 * 2^-56 * 16^(e - 64)} = {@code (-1)^s * F * 2^(4e - 312)}. Shorter numerics (length 2 to 7 bytes)
 * are the leading bytes of that layout; the dropped fraction bytes are zero.
 *
 * <p>The conversion is exact whenever {@code F} has at most 53 significant bits, which is always
 * the case for numbers SAS wrote from IEEE doubles (53 bits plus at most 3 leading zero bits of the
 * normalised hexadecimal fraction). Otherwise the result is the correctly rounded nearest double
 * (ties to even): {@code F} is converted to double with one rounding, and the power-of-two scaling
 * is exact because every IBM magnitude (about 5.4e-79 to 7.2e75) is a normal double.
 */
public final class IbmFloat {
  private IbmFloat() {}

  /**
   * Converts the 64 bits of an IBM double (first byte in the most significant position) to an IEEE
   * double. A zero fraction gives a zero carrying the sign bit.
   */
  public static double toDouble(long ibmBits) {
    boolean negative = ibmBits < 0;
    int exponent = (int) ((ibmBits >>> 56) & 0x7F);
    long fraction = ibmBits & 0x00FF_FFFF_FFFF_FFFFL;
    if (fraction == 0) {
      return negative ? -0.0 : 0.0;
    }
    // (double) fraction is the one rounding step; scalb by a power of two is exact here.
    double magnitude = Math.scalb((double) fraction, 4 * exponent - 312);
    return negative ? -magnitude : magnitude;
  }

  /**
   * Reads a big-endian IBM float of {@code length} bytes (2 to 8) at {@code offset}, padding the
   * missing low-order fraction bytes with zeros.
   */
  public static long bits(byte[] bytes, int offset, int length) {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (i < length ? bytes[offset + i] & 0xFF : 0);
    }
    return bits;
  }

  /**
   * The SAS missing value stored at {@code offset}, or {@code null} if the bytes hold a number: a
   * missing value is a code byte ({@code . _ A-Z}) followed by {@code length - 1} zero bytes.
   */
  public static SasMissing missing(byte[] bytes, int offset, int length) {
    int first = bytes[offset] & 0xFF;
    if (!SasMissing.isCode(first)) {
      return null;
    }
    for (int i = 1; i < length; i++) {
      if (bytes[offset + i] != 0) {
        return null;
      }
    }
    return first == '.' ? SasMissing.STANDARD : new SasMissing((char) first);
  }
}
