package org.trialstats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.validation.SurvivalCases;

/** The data sets of the R fixtures (shipped in {@code org/trialstats/validation/survival/data}). */
final class SurvivalFixtures {
  static final String ROOT = "/org/trialstats/validation/survival/";

  private SurvivalFixtures() {}

  /** A fixture data set; stratified when {@code stratified}. */
  static SurvivalSample sample(String name, boolean stratified) {
    return SurvivalCases.referenceSample(name, stratified);
  }

  static List<Map<String, String>> rows(String file) {
    return new ArrayList<>(ReferenceCsv.read(ROOT + file));
  }

  static ConfidenceTransform transform(String rName) {
    return ConfidenceTransform.parse(rName);
  }
}
