package org.trialstats.stats;

/**
 * One computation request: a method of the catalogue, the counts its measure needs and the
 * confidence level. A value type only: reading one from text (a {@code batch} or validation row) is
 * the analysis layer's {@code RequestFields}; {@link MethodCatalogue#compute} evaluates it.
 *
 * @param method the method (its {@link StatMethod#measure()} is the measure computed)
 * @param counts the data, in the shape the measure needs ({@link Counts#fits})
 * @param level the confidence level, in (0, 1)
 */
public record Request(StatMethod method, Counts counts, double level) {
  /**
   * Checks that the request is complete and consistent.
   *
   * @param method the method
   * @param counts the counts its measure needs
   * @param level the confidence level, in (0, 1)
   * @throws StatsException when the method or counts are missing, the level is not in (0, 1), the
   *     counts do not have the shape the measure needs, a Berger-Boos gamma is given for a method
   *     other than an exact unconditional interval or is not below alpha/2, or a rate ratio is
   *     given a scale other than 1
   */
  public Request {
    if (method == null) {
      throw new StatsException("a method is required");
    }
    if (counts == null) {
      throw new StatsException("counts are required");
    }
    ConfidenceLevel.check(level);
    Measure measure = method.measure();
    if (!counts.fits(measure)) {
      throw new StatsException(
          measure.label()
              + " ("
              + measure.id()
              + ") cannot be computed from "
              + counts.getClass().getSimpleName()
              + " counts");
    }
    if (counts instanceof Counts.TwoArms arms && arms.bergerBoos() != 0) {
      if (!MethodCatalogue.acceptsBergerBoos(method)) {
        throw new StatsException(
            "the Berger-Boos restriction applies only to the exact unconditional intervals of the"
                + " risk difference and risk ratio, not to "
                + measure.id()
                + " "
                + method.id());
      }
      UnconditionalExactInterval.checkGamma(arms.bergerBoos(), level, method.id());
    }
    if (counts instanceof Counts.TwoRates rates
        && measure == Measure.RATE_RATIO
        && rates.per() != 1) {
      throw new StatsException("a ratio of rates has no scale: per must be 1, got " + rates.per());
    }
  }

  /**
   * The measure computed.
   *
   * @return the method's measure
   */
  public Measure measure() {
    return method.measure();
  }

  /**
   * A request for a single proportion x / n.
   *
   * @param method the proportion method
   * @param x the number of events
   * @param n the number of subjects
   * @param level the confidence level, in (0, 1)
   * @return the request
   * @throws StatsException for invalid counts or level
   */
  public static Request proportion(ProportionMethod method, long x, long n, double level) {
    return new Request(method, new Counts.Proportion(x, n), level);
  }

  /**
   * A request for a two-arm binomial measure (rd, rr, or, nnt, test) without the Berger-Boos
   * restriction.
   *
   * @param method the method, of one of rd, rr, or, nnt, test
   * @param x1 events in arm 1 (treatment)
   * @param n1 subjects in arm 1
   * @param x2 events in arm 2 (control)
   * @param n2 subjects in arm 2
   * @param level the confidence level, in (0, 1)
   * @return the request
   * @throws StatsException for invalid counts or level, or a method of another measure
   */
  public static Request twoArms(
      StatMethod method, long x1, long n1, long x2, long n2, double level) {
    return new Request(method, new Counts.TwoArms(TwoByTwo.of(x1, n1, x2, n2)), level);
  }
}
