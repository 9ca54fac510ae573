package org.trialstats.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded byte-level mutations of a valid input file, the kinds of damage real files suffer: bit and
 * byte flips, truncation, duplicated or deleted lines, deleted or inserted characters, huge
 * numbers, a byte-order mark, mixed CRLF line ends and invalid UTF-8 sequences.
 */
final class Mutations {
  private static final byte[][] INSERTIONS = {
    ",".getBytes(StandardCharsets.US_ASCII),
    "\"".getBytes(StandardCharsets.US_ASCII),
    "\n".getBytes(StandardCharsets.US_ASCII),
    ":".getBytes(StandardCharsets.US_ASCII),
    "- ".getBytes(StandardCharsets.US_ASCII),
    "\t".getBytes(StandardCharsets.US_ASCII),
    "NaN".getBytes(StandardCharsets.US_ASCII),
    "-Infinity".getBytes(StandardCharsets.US_ASCII),
    "-1".getBytes(StandardCharsets.US_ASCII),
    "1e308".getBytes(StandardCharsets.US_ASCII),
    "&a ".getBytes(StandardCharsets.US_ASCII),
    "*a".getBytes(StandardCharsets.US_ASCII),
    "!!binary ".getBytes(StandardCharsets.US_ASCII),
    "{".getBytes(StandardCharsets.US_ASCII),
    "[".getBytes(StandardCharsets.US_ASCII),
    "\u0000".getBytes(StandardCharsets.US_ASCII),
    "\u00e9".getBytes(StandardCharsets.UTF_8),
    {(byte) 0xC3, (byte) 0x28},
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
  };

  private Mutations() {}

  /** One to three random mutations of {@code original}. */
  static byte[] mutate(byte[] original, SplittableRandom random) {
    byte[] data = original;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      data = once(data, random);
    }
    return data;
  }

  private static byte[] once(byte[] data, SplittableRandom random) {
    if (data.length == 0) {
      return INSERTIONS[random.nextInt(INSERTIONS.length)].clone();
    }
    int at = random.nextInt(data.length);
    switch (random.nextInt(10)) {
      case 0 -> {
        byte[] copy = data.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        return copy;
      }
      case 1 -> {
        byte[] copy = data.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
      case 2 -> {
        return java.util.Arrays.copyOf(data, at);
      }
      case 3 -> {
        return duplicateLine(data, at);
      }
      case 4 -> {
        int length = 1 + random.nextInt(Math.min(40, data.length - at));
        return splice(data, at, length, new byte[0]);
      }
      case 5 -> {
        return splice(data, at, 0, INSERTIONS[random.nextInt(INSERTIONS.length)]);
      }
      case 6 -> {
        return hugeNumber(data, at, random);
      }
      case 7 -> {
        return splice(data, 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      case 8 -> {
        return crlfMix(data, random);
      }
      default -> {
        return deleteLine(data, at);
      }
    }
  }

  static byte[] splice(byte[] data, int at, int removed, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + inserted.length);
    out.write(data, 0, at);
    out.write(inserted, 0, inserted.length);
    out.write(data, at + removed, data.length - at - removed);
    return out.toByteArray();
  }

  private static int lineStart(byte[] data, int at) {
    int start = at;
    while (start > 0 && data[start - 1] != '\n') {
      start--;
    }
    return start;
  }

  private static int lineEnd(byte[] data, int at) {
    int end = at;
    while (end < data.length && data[end] != '\n') {
      end++;
    }
    return Math.min(data.length, end + 1);
  }

  private static byte[] duplicateLine(byte[] data, int at) {
    int start = lineStart(data, at);
    int end = lineEnd(data, at);
    return splice(data, start, 0, java.util.Arrays.copyOfRange(data, start, end));
  }

  private static byte[] deleteLine(byte[] data, int at) {
    int start = lineStart(data, at);
    return splice(data, start, lineEnd(data, at) - start, new byte[0]);
  }

  /** Replaces the run of digits at or after {@code at} by a number far beyond any count. */
  private static byte[] hugeNumber(byte[] data, int at, SplittableRandom random) {
    int start = at;
    while (start < data.length && !Character.isDigit(data[start])) {
      start++;
    }
    if (start == data.length) {
      return data;
    }
    int end = start;
    while (end < data.length && Character.isDigit(data[end])) {
      end++;
    }
    String[] huge = {
      "99999999999999999999999",
      "9223372036854775808",
      "2147483648",
      "1e400",
      "0.00000000000000000000001",
      "1" + "0".repeat(400)
    };
    return splice(
        data,
        start,
        end - start,
        huge[random.nextInt(huge.length)].getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] crlfMix(byte[] data, SplittableRandom random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
    for (byte b : data) {
      if (b == '\n' && random.nextBoolean()) {
        out.write('\r');
        if (random.nextInt(4) != 0) {
          out.write('\n');
        }
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
