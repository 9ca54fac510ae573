package org.trialstats.meta;

/**
 * A study left out of a pooled analysis and why (e.g. no events in either arm for a ratio measure,
 * where the study carries no information about the ratio).
 *
 * @param data the input row
 * @param reason why the study was left out, in words
 */
public record ExcludedStudy(StudyData data, String reason) {

  /**
   * The study label.
   *
   * @return the study label
   */
  public String study() {
    return data.study();
  }
}
