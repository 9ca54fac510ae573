package org.trialstats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstats.testing.ReferenceCsv;

/** The data sets of the R fixtures (shipped in {@code org/trialstats/validation/survival/data}). */
final class SurvivalFixtures {
  static final String ROOT = "/org/trialstats/validation/survival/";

  private SurvivalFixtures() {}

  /** A fixture data set; stratified when {@code stratified} and it has more than one stratum. */
  static SurvivalSample sample(String name, boolean stratified) {
    List<Map<String, String>> rows = ReferenceCsv.read(ROOT + "data/" + name + ".csv");
    int n = rows.size();
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    int[] group = new int[n];
    int[] stratum = new int[n];
    int groups = 0;
    int strata = 0;
    for (int i = 0; i < n; i++) {
      Map<String, String> r = rows.get(i);
      time[i] = Double.parseDouble(r.get("time"));
      event[i] = r.get("status").equals("1");
      group[i] = Integer.parseInt(r.get("group"));
      stratum[i] = Integer.parseInt(r.get("stratum"));
      groups = Math.max(groups, group[i] + 1);
      strata = Math.max(strata, stratum[i] + 1);
    }
    return stratified
        ? SurvivalSample.of(time, event, group, groups, stratum, strata)
        : SurvivalSample.of(time, event, group, groups, null, 1);
  }

  static List<Map<String, String>> rows(String file) {
    return new ArrayList<>(ReferenceCsv.read(ROOT + file));
  }

  static ConfidenceTransform transform(String rName) {
    return ConfidenceTransform.parse(rName);
  }
}
