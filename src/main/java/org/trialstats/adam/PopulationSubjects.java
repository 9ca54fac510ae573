package org.trialstats.adam;

import java.util.Map;
import java.util.Set;

/**
 * The subjects of an analysis population read from ADSL, with the label-to-number maps of its
 * character/numeric variable pairs (e.g. TRT01P and TRT01PN), used to order treatment groups.
 *
 * @param flag the population flag variable (e.g. {@code SAFFL})
 * @param subjects the identifiers of the subjects whose flag is {@code Y}
 * @param companions for each character variable V with a numeric VN: label to number
 */
public record PopulationSubjects(
    String flag, Set<String> subjects, Map<String, Map<String, Double>> companions) {

  /** The first pair's map whose labels cover every group, or null. */
  Map<String, Double> orderCovering(Set<String> labels) {
    String variable = orderVariable(labels);
    return variable == null ? null : companions.get(variable.substring(0, variable.length() - 1));
  }

  /** The numeric variable of the first pair whose labels cover every group, or null. */
  String orderVariable(Set<String> labels) {
    for (Map.Entry<String, Map<String, Double>> e : companions.entrySet()) {
      if (e.getValue().keySet().containsAll(labels)) {
        return e.getKey() + "N";
      }
    }
    return null;
  }
}
