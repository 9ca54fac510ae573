package org.trialstats.evidence;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standard atomic weights of the elements of proteins and small organic molecules, from Meija J,
 * Coplen TB, Berglund M, et al. Atomic weights of the elements 2013 (IUPAC Technical Report). Pure
 * Appl Chem 2016;88(3):265-291, doi:10.1515/pac-2015-0305: the interval of each element's standard
 * atomic weight in normal terrestrial materials (Table 1) and its conventional value (Table 3), in
 * g/mol.
 */
final class AtomicWeights {

  /**
   * One element's standard atomic weight.
   *
   * @param conventional the conventional single value (Table 3)
   * @param lowest lower end of the interval (Table 1)
   * @param highest upper end of the interval (Table 1)
   */
  record Weight(BigDecimal conventional, BigDecimal lowest, BigDecimal highest) {}

  private static final Map<String, Weight> WEIGHTS = new LinkedHashMap<>();

  static {
    WEIGHTS.put("C", weight("12.011", "12.0096", "12.0116"));
    WEIGHTS.put("H", weight("1.008", "1.00784", "1.00811"));
    WEIGHTS.put("N", weight("14.007", "14.00643", "14.00728"));
    WEIGHTS.put("O", weight("15.999", "15.99903", "15.99977"));
    WEIGHTS.put("S", weight("32.06", "32.059", "32.076"));
  }

  private AtomicWeights() {}

  private static Weight weight(String conventional, String lowest, String highest) {
    return new Weight(
        new BigDecimal(conventional), new BigDecimal(lowest), new BigDecimal(highest));
  }

  /** The weight of the element {@code symbol}, or null when it is not in the table. */
  static Weight of(String symbol) {
    return WEIGHTS.get(symbol);
  }

  /** The symbols in the table, comma separated, for messages. */
  static String symbols() {
    return String.join(", ", WEIGHTS.keySet());
  }
}
