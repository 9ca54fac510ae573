package org.trialstats.evidence;

import java.util.Objects;

/**
 * A file read when a dataset was loaded, for the provenance section of reports.
 *
 * @param path path relative to the dataset directory, with {@code /} separators
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
}
