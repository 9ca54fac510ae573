package org.trialstats.cli;

import org.trialstats.adam.AeMethodCatalog;
import org.trialstats.adam.NamedMethod;
import org.trialstats.adam.PoissonInterval;
import org.trialstats.adam.PoissonRatioInterval;
import org.trialstats.adam.TwoByTwoInterval;
import org.trialstats.stats.StatsException;

/**
 * Connects {@code ae-table} to the trialstats interval-method catalogue. The adverse-event code
 * receives its methods through {@link AeMethodCatalog} so that it does not depend on how each
 * method is computed; this class is the single place that names the catalogue enums.
 *
 * <p>Integration point: the catalogue enums ({@code RiskDifferenceMethod}, {@code
 * RiskRatioMethod}, {@code RateMethod}, {@code RateRatioMethod}) are developed on other branches;
 * until they are merged, every lookup fails with a message saying so. The replacement body,
 * written against their published signatures, is in docs/ae-table-wiring.md.
 */
final class AeMethodWiring {
  private AeMethodWiring() {}

  static AeMethodCatalog catalog() {
    return new AeMethodCatalog() {
      @Override
      public NamedMethod<TwoByTwoInterval> riskDifference(String id) {
        throw missing("risk-difference", id);
      }

      @Override
      public NamedMethod<TwoByTwoInterval> riskRatio(String id) {
        throw missing("risk-ratio", id);
      }

      @Override
      public NamedMethod<PoissonInterval> rate(String id) {
        throw missing("rate", id);
      }

      @Override
      public NamedMethod<PoissonRatioInterval> rateRatio(String id) {
        throw missing("rate-ratio", id);
      }
    };
  }

  private static StatsException missing(String family, String id) {
    return new StatsException("the " + family + " method '" + id + "' cannot be used: this build"
        + " of trialstats does not include the interval-method catalogue yet");
  }
}
