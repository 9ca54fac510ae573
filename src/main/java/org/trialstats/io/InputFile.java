package org.trialstats.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * An input file as recorded in the provenance of every report: its name, SHA-256 and size.
 *
 * @param path the name shown in reports (relative to the dataset directory, {@code /} separators)
 * @param sha256 lower-case hexadecimal SHA-256 of the file's bytes
 * @param bytes size of the file in bytes
 */
public record InputFile(String path, String sha256, long bytes) {
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
    }
  }

  /** The record of bytes already read, shown as {@code path}. */
  public static InputFile of(String path, byte[] bytes) {
    return new InputFile(path, HexFormat.of().formatHex(newDigest().digest(bytes)), bytes.length);
  }

  /** Hashes a file by streaming it (any size), shown by its file name. */
  public static InputFile hash(Path file) throws IOException {
    MessageDigest digest = newDigest();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        size += n;
      }
    }
    return new InputFile(
        file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()), size);
  }

  /**
   * Starts hashing a file on a thread of its own, to overlap with reading the file: in a fresh JVM
   * the digest runs interpreted until it is compiled, so hashing a large input takes about as long
   * as parsing it.
   *
   * @param file the file
   * @return the pending record; {@link Pending#get()} waits for it
   */
  public static Pending hashConcurrently(Path file) {
    FutureTask<InputFile> task = new FutureTask<>(() -> hash(file));
    Thread thread = new Thread(task, "sha-256 of " + file.getFileName());
    thread.setDaemon(true);
    thread.start();
    return new Pending(task);
  }

  /** An input file record being computed by {@link #hashConcurrently(Path)}. */
  public static final class Pending {
    private final FutureTask<InputFile> task;

    private Pending(FutureTask<InputFile> task) {
      this.task = task;
    }

    /**
     * Waits for the record.
     *
     * @return the record
     * @throws IOException when the file could not be read
     */
    public InputFile get() throws IOException {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing an input file");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** "name (N bytes, SHA-256 hex)". */
  public String describe() {
    return path + " (" + bytes + " bytes, SHA-256 " + sha256 + ")";
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
