package org.trialstats.adam;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatsException;

/**
 * Small textbook interval methods that stand in, in tests only, for the trialstats catalogue
 * (RiskDifferenceMethod, RiskRatioMethod, RateMethod, RateRatioMethod), which the command line
 * wires in through {@link AeMethodCatalog}. Each is checked against R in AeIncidenceTest.
 */
public final class TestIntervals {
  private TestIntervals() {}

  /** Wald interval for p1 - p2 (Newcombe 1998, method 1). */
  public static final NamedMethod<TwoByTwoInterval> WALD = new NamedMethod<>(
      "wald", "Wald", "Newcombe 1998, method 1", (t, level) -> {
        double p1 = (double) t.x1() / t.n1();
        double p2 = (double) t.x2() / t.n2();
        double se = Math.sqrt(p1 * (1 - p1) / t.n1() + p2 * (1 - p2) / t.n2());
        double z = ConfidenceLevel.z(level);
        return Estimate.interval(Measure.RD, "wald", p1 - p2, p1 - p2 - z * se, p1 - p2 + z * se,
            level);
      });

  /** Katz log interval for p1 / p2; not estimable with a zero count. */
  public static final NamedMethod<TwoByTwoInterval> KATZ = new NamedMethod<>(
      "katz", "Katz log", "Katz et al. 1978", (t, level) -> {
        if (t.x1() == 0 || t.x2() == 0) {
          throw new StatsException("the Katz interval needs events in both arms");
        }
        double log = Math.log(((double) t.x1() / t.n1()) / ((double) t.x2() / t.n2()));
        double se = Math.sqrt(1.0 / t.x1() - 1.0 / t.n1() + 1.0 / t.x2() - 1.0 / t.n2());
        double z = ConfidenceLevel.z(level);
        return Estimate.interval(Measure.RR, "katz", Math.exp(log), Math.exp(log - z * se),
            Math.exp(log + z * se), level);
      });

  /** Exact (Garwood 1936) Poisson interval from chi-squared quantiles. */
  public static final NamedMethod<PoissonInterval> EXACT_RATE = new NamedMethod<>(
      "exact", "Exact (Garwood)", "Garwood 1936", (c, level) -> {
        double alpha = 1 - level;
        long x = c.events();
        double lower = x == 0 ? 0
            : ChiSquaredDistribution.of(2.0 * x).inverseCumulativeProbability(alpha / 2) / 2;
        double upper = ChiSquaredDistribution.of(2.0 * x + 2).inverseSurvivalProbability(alpha / 2) / 2;
        return Estimate.interval(Measure.RATE, "exact", x / c.exposure(), lower / c.exposure(),
            upper / c.exposure(), level);
      });

  /** Exact conditional rate ratio: Clopper-Pearson interval of x1 / (x1 + x2), transformed. */
  public static final NamedMethod<PoissonRatioInterval> EXACT_CONDITIONAL = new NamedMethod<>(
      "exact-conditional", "Exact conditional", "Clopper & Pearson 1934", (c1, c2, level) -> {
        long x1 = c1.events();
        long x2 = c2.events();
        if (x1 + x2 == 0) {
          throw new StatsException("no events in either arm");
        }
        double alpha = 1 - level;
        double lowerP = x1 == 0 ? 0
            : BetaDistribution.of(x1, x2 + 1.0).inverseCumulativeProbability(alpha / 2);
        double upperP = x2 == 0 ? 1
            : BetaDistribution.of(x1 + 1.0, x2).inverseSurvivalProbability(alpha / 2);
        double scale = c2.exposure() / c1.exposure();
        return Estimate.interval(Measure.RATE_RATIO, "exact-conditional",
            c1.rate() / c2.rate(), lowerP / (1 - lowerP) * scale,
            upperP == 1 ? Double.POSITIVE_INFINITY : upperP / (1 - upperP) * scale, level);
      });

  /** A catalogue with only these four methods, looked up by id. */
  public static AeMethodCatalog catalog() {
    return new AeMethodCatalog() {
      @Override
      public NamedMethod<TwoByTwoInterval> riskDifference(String id) {
        return pick(id, WALD);
      }

      @Override
      public NamedMethod<TwoByTwoInterval> riskRatio(String id) {
        return pick(id, KATZ);
      }

      @Override
      public NamedMethod<PoissonInterval> rate(String id) {
        return pick(id, EXACT_RATE);
      }

      @Override
      public NamedMethod<PoissonRatioInterval> rateRatio(String id) {
        return pick(id, EXACT_CONDITIONAL);
      }
    };
  }

  private static <F> NamedMethod<F> pick(String id, NamedMethod<F> only) {
    if (!only.id().equals(id)) {
      throw new StatsException("unknown method '" + id + "'; expected [" + only.id() + "]");
    }
    return only;
  }

  public static AeTableSpec spec(ExposureDefinition exposure, RowOrder order, double minPercent) {
    return new AeTableSpec(null, 0.95, WALD, KATZ, exposure, EXACT_RATE, EXACT_CONDITIONAL, order,
        minPercent);
  }
}
