package org.trialstats.linear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstats.stats.StatsException;

/**
 * A classification variable (SAS CLASS, R factor). Levels are taken in the given order; levels
 * without observations are dropped, as SAS and R do for the fit.
 *
 * @param name the variable's name
 * @param levels the observed levels, in order (the first is the reference of {@link
 *     Coding#REFERENCE})
 * @param codes for each observation, the index of its level in {@code levels}
 */
public record Factor(String name, List<String> levels, int[] codes) implements Term {

  /**
   * Validates and copies.
   *
   * @param name the variable's name
   * @param levels the observed levels, in order
   * @param codes for each observation, the index of its level in {@code levels}
   * @throws StatsException if a code is out of range
   */
  public Factor {
    levels = List.copyOf(levels);
    codes = codes.clone();
    for (int c : codes) {
      if (c < 0 || c >= levels.size()) {
        throw new StatsException(
            "factor " + name + " has a level code " + c + " outside 0.." + (levels.size() - 1));
      }
    }
  }

  /**
   * A factor from one value per observation.
   *
   * @param name the variable's name
   * @param values one level per observation (not null)
   * @param order the levels in display order; values not listed follow in order of appearance,
   *     listed levels without observations are dropped
   * @return the factor
   */
  public static Factor of(String name, String[] values, List<String> order) {
    Set<String> present = new LinkedHashSet<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new StatsException("factor " + name + " has no value for observation " + (i + 1));
      }
      present.add(values[i]);
    }
    List<String> levels = new ArrayList<>();
    for (String l : order) {
      if (present.contains(l) && !levels.contains(l)) {
        levels.add(l);
      }
    }
    for (String l : present) {
      if (!levels.contains(l)) {
        levels.add(l);
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      index.put(levels.get(i), i);
    }
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = index.get(values[i]);
    }
    return new Factor(name, levels, codes);
  }

  /**
   * @return the level codes (a copy)
   */
  @Override
  public int[] codes() {
    return codes.clone();
  }

  /**
   * @return the number of observations
   */
  public int size() {
    return codes.length;
  }
}
