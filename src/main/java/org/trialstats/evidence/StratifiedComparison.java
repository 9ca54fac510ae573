package org.trialstats.evidence;

import java.util.List;
import java.util.Objects;
import org.trialstats.stats.StratifiedTables;

/**
 * A two-arm comparison of a binary endpoint published by stratum (region, centre, baseline
 * severity): the counts of each arm in each stratum, from which the common risk difference, risk
 * ratio and odds ratio, the Cochran-Mantel-Haenszel test and the homogeneity tests are recomputed.
 * Read from {@code stratified.yaml}; the printed common estimates are claims of kind {@code
 * stratified} that refer to it.
 *
 * @param id stable identifier
 * @param endpoint the endpoint, e.g. {@code migraine relief}
 * @param timepoint when it was assessed; empty when the source does not say
 * @param stratifiedBy the stratification factor, e.g. {@code gender} or {@code centre}
 * @param treatment label of the treatment arm (arm 1 of every stratum)
 * @param control label of the control arm (arm 2)
 * @param strata the strata in file order, at least one with subjects in both arms
 * @param sourceId id of the {@link Source}
 * @param note reviewer's note on the figures; empty when none
 */
public record StratifiedComparison(
    String id,
    String endpoint,
    String timepoint,
    String stratifiedBy,
    String treatment,
    String control,
    List<Stratum> strata,
    String sourceId,
    String note) {

  /**
   * The counts of one stratum as published.
   *
   * @param label the stratum, e.g. {@code female} or {@code centre 3}
   * @param events1 events in the treatment arm
   * @param n1 subjects in the treatment arm (0 for a stratum without that arm)
   * @param events2 events in the control arm
   * @param n2 subjects in the control arm
   */
  public record Stratum(String label, long events1, long n1, long events2, long n2) {
    public Stratum {
      Objects.requireNonNull(label, "label");
    }
  }

  public StratifiedComparison {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timepoint, "timepoint");
    Objects.requireNonNull(stratifiedBy, "stratifiedBy");
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(note, "note");
    strata = List.copyOf(strata);
  }

  /**
   * The strata as the input of the stratified methods, in file order.
   *
   * @return one stratum of counts per published stratum
   */
  public StratifiedTables tables() {
    return new StratifiedTables(
        strata.stream()
            .map(s -> new StratifiedTables.Stratum(s.events1(), s.n1(), s.events2(), s.n2()))
            .toList());
  }
}
