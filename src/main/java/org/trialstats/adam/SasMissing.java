package org.trialstats.adam;

/**
 * One of the 28 SAS numeric missing values: the ordinary missing value {@code .}, the special
 * missing value {@code ._} and the special missing values {@code .A} to {@code .Z}.
 *
 * <p>In a transport file a missing value is stored as its code character in the first byte ({@code
 * 0x2E} for {@code .}, {@code 0x5F} for {@code ._}, {@code 0x41}-{@code 0x5A} for {@code .A}-{@code
 * .Z}) followed by zero bytes (SAS technical note TS-140, "Missing values").
 *
 * @param code {@code '.'}, {@code '_'} or an upper-case letter {@code 'A'}-{@code 'Z'}
 */
public record SasMissing(char code) {
  /** The ordinary missing value {@code .}. */
  public static final SasMissing STANDARD = new SasMissing('.');

  public SasMissing {
    if (!isCode(code)) {
      throw new IllegalArgumentException(
          "SAS missing value codes are '.', '_' and 'A' to 'Z', got '" + code + "'");
    }
  }

  static boolean isCode(int c) {
    return c == '.' || c == '_' || (c >= 'A' && c <= 'Z');
  }

  /** The missing value as SAS prints it: {@code .}, {@code ._}, {@code .A} ... {@code .Z}. */
  @Override
  public String toString() {
    return code == '.' ? "." : "." + code;
  }
}
