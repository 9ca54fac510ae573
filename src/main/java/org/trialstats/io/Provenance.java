package org.trialstats.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a report was made from, printed in every output: the trialstats version and each input
 * file's name, size and SHA-256. Nothing time- or machine-dependent is recorded, so the same
 * inputs give the same bytes.
 *
 * @param version trialstats version
 * @param inputs the input files, in the order they were read
 */
public record Provenance(String version, List<InputFile> inputs) {
  public Provenance {
    inputs = List.copyOf(inputs);
  }

  /** One line: "trialstats 0.1.0; inputs: a.csv (120 bytes, SHA-256 ...)". */
  public String line() {
    return "trialstats " + version + "; inputs: "
        + inputs.stream().map(InputFile::describe).collect(Collectors.joining("; "));
  }
}
