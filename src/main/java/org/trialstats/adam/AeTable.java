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
 * @param strata the strata of the stratified risk difference; {@code null} when not stratified
 */
public record AeTable(
    Population population,
    AdverseEvents events,
    AeTableSpec spec,
    String controlArm,
    List<AeRow> rows,
    List<String> notes,
    AeStrata strata) {

  public AeTable {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** A table without strata. */
  public AeTable(
      Population population,
      AdverseEvents events,
      AeTableSpec spec,
      String controlArm,
      List<AeRow> rows,
      List<String> notes) {
    this(population, events, spec, controlArm, rows, notes, null);
  }

  /** The stratification variable; empty when not stratified. */
  public String strataVariable() {
    return strata == null ? "" : strata.variable();
  }

  /** The strata in ascending order; empty when not stratified. */
  public List<String> strataLevels() {
    return strata == null ? List.of() : strata.levels();
  }

  /**
   * The arm whose counts order the rows with {@link RowOrder#ARM}: the spec's, as named in the
   * data, else the last arm.
   */
  public String orderArm() {
    String wanted = spec.orderArm();
    return arms().stream()
        .filter(a -> wanted != null && a.equalsIgnoreCase(wanted.strip()))
        .findFirst()
        .orElse(arms().get(arms().size() - 1));
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
