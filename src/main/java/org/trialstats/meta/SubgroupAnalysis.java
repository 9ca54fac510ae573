package org.trialstats.meta;

import java.util.List;

/**
 * A meta-analysis split by subgroup, with the test for subgroup differences.
 *
 * @param overall the analysis of all studies together
 * @param subgroups the analysis within each subgroup, in order of first appearance
 * @param qBetween Q for subgroup differences: sum (mu_g - mu_bar)^2 / se_g^2 (NaN with fewer than 2
 *     subgroups)
 * @param dfBetween its degrees of freedom, number of subgroups - 1
 * @param pBetween its upper-tail chi-square p-value
 * @param warnings subgroup-level warnings (e.g. a subgroup that could not be pooled)
 */
public record SubgroupAnalysis(
    MetaResult overall,
    List<Subgroup> subgroups,
    double qBetween,
    int dfBetween,
    double pBetween,
    List<String> warnings) {

  /**
   * Copies the lists.
   *
   * @param overall the analysis of all studies together
   * @param subgroups the analysis within each subgroup, in order of first appearance
   * @param qBetween Q for subgroup differences: sum (mu_g - mu_bar)^2 / se_g^2 (NaN with fewer than
   *     2 subgroups)
   * @param dfBetween its degrees of freedom, number of subgroups - 1
   * @param pBetween its upper-tail chi-square p-value
   * @param warnings subgroup-level warnings (e.g. a subgroup that could not be pooled)
   */
  public SubgroupAnalysis {
    subgroups = List.copyOf(subgroups);
    warnings = List.copyOf(warnings);
  }

  /**
   * The analysis of one subgroup.
   *
   * @param name the subgroup label
   * @param result the meta-analysis of its studies
   */
  public record Subgroup(String name, MetaResult result) {}

  /**
   * I^2 for subgroup differences, 100 (Q_between - df)/Q_between floored at 0 (Richardson, Garner
   * &amp; Donegan 2019, Cochrane Handbook 10.11.3.1); NaN when not available.
   *
   * @return I^2 between subgroups, in percent (0 to 100), or NaN
   */
  public double i2Between() {
    if (Double.isNaN(qBetween) || dfBetween < 1) {
      return Double.NaN;
    }
    return qBetween > 0 ? Math.max(0, 100 * (qBetween - dfBetween) / qBetween) : 0;
  }
}
