package org.trialstats.adam;

/**
 * Looks up the interval methods an adverse-event table can use, by the ids of the trialstats
 * method catalogue ({@code rd}: wald, wald-cc, newcombe, newcombe-cc, mn, mee, agresti-caffo,
 * hauck-anderson; {@code rr}: katz, koopman, mn; {@code rate}: exact, ...; {@code rate-ratio}:
 * exact-conditional, ...). Each lookup throws {@link org.trialstats.stats.StatsException} (or
 * {@link IllegalArgumentException}) naming the valid ids when the id is unknown.
 */
public interface AeMethodCatalog {
  /** A risk-difference interval method ({@code p1 - p2}). */
  NamedMethod<TwoByTwoInterval> riskDifference(String id);

  /** A risk-ratio interval method ({@code p1 / p2}). */
  NamedMethod<TwoByTwoInterval> riskRatio(String id);

  /** A single Poisson rate interval method. */
  NamedMethod<PoissonInterval> rate(String id);

  /** A Poisson rate-ratio interval method. */
  NamedMethod<PoissonRatioInterval> rateRatio(String id);
}
