package org.trialstats.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only {@code shared/} folder that sits beside the project checkout (reference
 * values and CDISC pilot data). Set {@code TRIALSTATS_SHARED} to point elsewhere. Tests that need
 * it call {@link #require(String)}, which skips them with a loud message when it is absent.
 */
public final class SharedFolder {
  private SharedFolder() {}

  /** The shared folder, if found: $TRIALSTATS_SHARED, else the nearest ancestor's shared/. */
  public static Optional<Path> find() {
    String env = System.getenv("TRIALSTATS_SHARED");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("reference"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The given path inside the shared folder; skips the test loudly when it is missing. */
  public static Path require(String relative) {
    Optional<Path> shared = find();
    Path p = shared.map(s -> s.resolve(relative)).orElse(null);
    if (p == null || !Files.exists(p)) {
      String message =
          "SKIPPED: shared data '"
              + relative
              + "' not found (looked for ../shared"
              + " beside the checkout and $TRIALSTATS_SHARED). This test checks against it;"
              + " the project's own copies are tested separately.";
      System.err.println("*** " + message);
      Assumptions.abort(message);
    }
    return p;
  }
}
