package org.trialstats.cli;

import org.trialstats.adam.AeMethodCatalog;
import org.trialstats.adam.NamedMethod;
import org.trialstats.adam.PoissonInterval;
import org.trialstats.adam.PoissonRatioInterval;
import org.trialstats.adam.TwoByTwoInterval;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.RateRatioMethod;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;

/**
 * Connects {@code ae-table} to the trialstats interval-method catalogue. The adverse-event code
 * receives its methods through {@link AeMethodCatalog} so that it does not depend on how each
 * method is computed; this class is the single place that names the catalogue enums.
 */
final class AeMethodWiring {
  private AeMethodWiring() {}

  static AeMethodCatalog catalog() {
    return new AeMethodCatalog() {
      @Override
      public NamedMethod<TwoByTwoInterval> riskDifference(String id) {
        RiskDifferenceMethod m = RiskDifferenceMethod.fromId(id);
        return new NamedMethod<>(m.id(), m.info().name(), m.info().reference(), m::interval);
      }

      @Override
      public NamedMethod<TwoByTwoInterval> riskRatio(String id) {
        RiskRatioMethod m = RiskRatioMethod.fromId(id);
        return new NamedMethod<>(m.id(), m.info().name(), m.info().reference(), m::interval);
      }

      @Override
      public NamedMethod<PoissonInterval> rate(String id) {
        RateMethod m = RateMethod.fromId(id);
        return new NamedMethod<>(m.id(), m.info().name(), m.info().reference(), m::interval);
      }

      @Override
      public NamedMethod<PoissonRatioInterval> rateRatio(String id) {
        RateRatioMethod m = RateRatioMethod.fromId(id);
        return new NamedMethod<>(m.id(), m.info().name(), m.info().reference(), m::interval);
      }
    };
  }
}
