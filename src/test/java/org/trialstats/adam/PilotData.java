package org.trialstats.adam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the CDISC pilot ADaM files of the shared development folder: the folder named by the
 * system property {@code trialstats.shared} or the environment variable {@code TRIALSTATS_SHARED},
 * otherwise the first {@code shared/} found beside the working directory or one of its parents (the
 * project's CI keeps {@code shared/} beside the clone).
 */
public final class PilotData {
  private PilotData() {}

  public static Optional<Path> folder() {
    String configured = System.getProperty("trialstats.shared", System.getenv("TRIALSTATS_SHARED"));
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).resolve("data/cdiscpilot01");
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path dir = d.resolve("shared/data/cdiscpilot01");
      if (Files.isRegularFile(dir.resolve("adsl.xpt"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The pilot folder, or a loudly reported skip when it is absent. */
  public static Path require() {
    Optional<Path> dir = folder();
    if (dir.isEmpty()) {
      String message =
          "SKIPPED: CDISC pilot data not found (looked for shared/data/cdiscpilot01 beside the"
              + " working directory and its parents; set -Dtrialstats.shared=/path/to/shared or"
              + " TRIALSTATS_SHARED). Tests on the pilot ADaM files did not run.";
      System.err.println(message);
      Assumptions.abort(message);
    }
    return dir.get();
  }
}
