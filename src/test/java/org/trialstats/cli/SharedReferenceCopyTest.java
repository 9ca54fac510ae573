package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstats.testing.SharedFolder;

/** The reference files shipped in the jar are byte-for-byte the shared originals. */
class SharedReferenceCopyTest {
  @ParameterizedTest
  @ValueSource(strings = {"binary_reference.csv", "bcg.csv", "meta_reference_bcg.csv"})
  void shippedCopyMatchesSharedOriginal(String name) throws IOException {
    Path original = SharedFolder.require("reference/" + name);
    try (InputStream in = getClass().getResourceAsStream("/org/trialstats/validation/" + name)) {
      assertThat(in).as("shipped copy of " + name).isNotNull();
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(original));
    }
  }
}
