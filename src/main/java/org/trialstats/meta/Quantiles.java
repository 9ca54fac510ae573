package org.trialstats.meta;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student t and chi-squared quantiles for the meta-analysis critical values, remembered by
 * (distribution, degrees of freedom, tail, probability). Each quantile is an iterative inversion of
 * an incomplete beta or gamma function and was over half the cost of a k = 10 random-effects
 * analysis; repeated analyses (leave-one-out, cumulative, batch use) ask for the same few values. A
 * remembered value is the one the distribution returned the first time, so results are unchanged.
 * At most {@link #CAPACITY} values are kept; beyond that they are computed each time.
 */
final class Quantiles {
  static final int CAPACITY = 4096;

  private record Key(char kind, int df, double probability) {}

  private static final Map<Key, Double> CACHE = new ConcurrentHashMap<>();

  private Quantiles() {}

  /** The Student t quantile with upper-tail probability {@code p}. */
  static double tUpper(int df, double p) {
    return remember(new Key('t', df, p), () -> TDistribution.of(df).inverseSurvivalProbability(p));
  }

  /** The chi-squared quantile with upper-tail probability {@code p}. */
  static double chiSquaredUpper(int df, double p) {
    return remember(
        new Key('U', df, p), () -> ChiSquaredDistribution.of(df).inverseSurvivalProbability(p));
  }

  /** The chi-squared quantile with lower-tail probability {@code p}. */
  static double chiSquaredLower(int df, double p) {
    return remember(
        new Key('L', df, p), () -> ChiSquaredDistribution.of(df).inverseCumulativeProbability(p));
  }

  private static double remember(Key key, DoubleSupplier compute) {
    Double known = CACHE.get(key);
    if (known != null) {
      return known;
    }
    double value = compute.getAsDouble();
    if (CACHE.size() < CAPACITY) {
      CACHE.putIfAbsent(key, value);
    }
    return value;
  }
}
