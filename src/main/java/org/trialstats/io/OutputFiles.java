package org.trialstats.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes outputs so that a failure never leaves a half-finished file or folder behind: every file
 * is written to a temporary sibling and moved into place; a whole report folder is built in a
 * staging folder and swapped in only when complete.
 */
public final class OutputFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OutputFiles() {}

  /** Something that writes bytes to a stream. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes {@code target} atomically: temporary file in the same folder, then a move. */
  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(temporaryName(absolute, ".tmp"));
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        writer.write(out);
      }
      move(tmp, absolute);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes UTF-8 text atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes bytes atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Builds a whole output folder: {@code content} writes into a fresh staging folder next to
   * {@code target}; only when it returns normally does the staging folder replace {@code
   * target}. On failure the staging folder is deleted and {@code target} is left as it was.
   */
  public static void replaceFolder(Path target, FolderWriter content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createDirectory(parent.resolve(temporaryName(absolute, ".staging")));
    Path old = null;
    try {
      content.write(staging);
      if (Files.exists(absolute)) {
        old = parent.resolve(temporaryName(absolute, ".old"));
        move(absolute, old);
      }
      move(staging, absolute);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      if (old != null && !Files.exists(absolute)) {
        move(old, absolute);
        old = null;
      }
      throw e;
    } finally {
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  /** Fills a staging folder. */
  @FunctionalInterface
  public interface FolderWriter {
    void write(Path folder) throws IOException;
  }

  /**
   * A hidden sibling name for temporary output. Files.createTempFile is not used because it
   * creates owner-only permissions, which the finished output would keep.
   */
  private static String temporaryName(Path target, String suffix) {
    return "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a folder and everything in it, if it exists. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
