package org.trialstats.evidence.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trialstats.evidence.DatasetLoader;
import org.trialstats.io.Utf8Text;

/**
 * Reads a document and extracts its plain text ({@link SourceText}), whatever its format ({@link
 * TextFormat#detect}).
 *
 * <p>Limits, as for dataset files: at most {@link DatasetLoader#MAX_FILE_BYTES} bytes; text formats
 * must be UTF-8 (a leading byte-order mark is dropped) without NUL or other C0 control characters
 * except tab, line feed, carriage return and form feed. Violations are {@link TextException}s
 * naming the file, the line and the offending byte.
 */
public final class TextExtractor {
  private TextExtractor() {}

  /**
   * Reads and extracts {@code file}, shown in spans as {@code name}.
   *
   * @throws TextException when the file is missing, unreadable, too large, binary, not UTF-8 or a
   *     PDF without usable text
   */
  public static SourceText read(Path file, String name) {
    return extract(name, readBytes(file, name));
  }

  /**
   * The bytes of {@code file}, shown in errors as {@code name}.
   *
   * @throws TextException when the file is missing, unreadable or larger than the limit
   */
  public static byte[] readBytes(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      throw new TextException(
          name,
          0,
          "expected a readable file, got "
              + (Files.exists(file) ? "a directory or special file" : "no such file"));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(Math.toIntExact(DatasetLoader.MAX_FILE_BYTES + 1));
    } catch (IOException e) {
      throw new TextException(name, 0, "expected a readable file, got " + e.getMessage(), e);
    }
    checkSize(name, bytes);
    return bytes;
  }

  private static void checkSize(String name, byte[] bytes) {
    if (bytes.length > DatasetLoader.MAX_FILE_BYTES) {
      throw new TextException(
          name,
          0,
          "expected at most " + DatasetLoader.MAX_FILE_BYTES + " bytes (10 MiB), got more");
    }
  }

  /**
   * Extracts the text of {@code bytes}, read from a file called {@code name}.
   *
   * @throws TextException as {@link #read(Path, String)}
   */
  public static SourceText extract(String name, byte[] bytes) {
    checkSize(name, bytes);
    TextFormat format = TextFormat.detect(name, bytes);
    if (format == TextFormat.PDF) {
      return PdfText.extract(name, bytes);
    }
    String text = decode(name, bytes);
    return switch (format) {
      case HTML -> HtmlText.extract(name, text);
      case MARKDOWN -> MarkdownText.extract(name, text);
      case MEDIAWIKI -> MediaWikiText.extract(name, text);
      default -> SourceText.plain(name, text);
    };
  }

  /** Strict UTF-8 decoding; control characters other than whitespace are rejected. */
  static String decode(String name, byte[] bytes) {
    String text;
    try {
      text = Utf8Text.decode(name, bytes);
    } catch (Utf8Text.MalformedException e) {
      throw new TextException(name, e.line(), e.problem());
    }
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
        throw new TextException(
            name,
            line,
            String.format(
                java.util.Locale.ROOT,
                "expected text, got the control character U+%04X (a binary file?)",
                (int) c));
      }
    }
    return text;
  }
}
