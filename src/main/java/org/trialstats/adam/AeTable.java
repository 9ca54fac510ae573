package org.trialstats.adam;

import java.util.List;

/**
 * An adverse-event incidence table: subjects with at least one selected event overall, per system
 * organ class and per preferred term, per arm, with comparisons against the control arm and,
 * optionally, exposure-adjusted incidence rates.
 *
 * @param population the analysis population (denominators, arm order)
 * @param events the selected ADAE records
 * @param spec the statistical choices
 * @param controlArm the control arm actually used
 * @param rows the rows in display order: the "any event" row, then each SOC followed by its
 *     preferred terms
 * @param notes remarks a reader must see (records not counted, uncoded terms)
 */
public record AeTable(
    Population population,
    AdverseEvents events,
    AeTableSpec spec,
    String controlArm,
    List<AeRow> rows,
    List<String> notes) {

  public AeTable {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** The arms in display order. */
  public List<String> arms() {
    return population.arms();
  }

  /** The treatment (non-control) arms in display order. */
  public List<String> treatmentArms() {
    return arms().stream().filter(a -> !a.equals(controlArm)).toList();
  }

  /** Whether the table has exposure-adjusted incidence rates. */
  public boolean hasRates() {
    return spec.exposure() != ExposureDefinition.NONE;
  }

  /** Whether the table has risk ratios. */
  public boolean hasRiskRatios() {
    return spec.riskRatio() != null;
  }
}
