package org.trialstats.stats;

/**
 * The data of one {@link Request}: one of five shapes, each the counts one family of measures
 * needs. Every shape checks its values when it is built, so that a request cannot carry a count its
 * method would have to reject for being malformed (the method still rejects data it cannot estimate
 * from, such as an undefined estimate).
 */
public sealed interface Counts
    permits Counts.Proportion, Counts.TwoArms, Counts.Rate, Counts.TwoRates, Counts.Sir {

  /**
   * Whether this shape is the one a measure needs: {@link Proportion} for a proportion, {@link
   * TwoArms} for rd, rr, or, nnt and test, {@link Rate} for a rate, {@link TwoRates} for the rate
   * ratio and difference, {@link Sir} for a standardised incidence ratio.
   *
   * @param measure the measure
   * @return whether this shape fits it
   */
  default boolean fits(Measure measure) {
    return switch (measure) {
      case PROPORTION -> this instanceof Proportion;
      case RD, RR, OR, NNT, TEST -> this instanceof TwoArms;
      case RATE -> this instanceof Rate;
      case RATE_RATIO, RATE_DIFF -> this instanceof TwoRates;
      case SIR -> this instanceof Sir;
    };
  }

  /**
   * A single binomial proportion x / n.
   *
   * @param x the number of events, 0 &lt;= x &lt;= n
   * @param n the number of subjects, 1 &lt;= n &lt;= {@link MethodCatalogue#MAX_COUNT}
   */
  record Proportion(long x, long n) implements Counts {
    /**
     * Checks the counts.
     *
     * @param x the number of events
     * @param n the number of subjects
     * @throws StatsException when a count is above {@link MethodCatalogue#MAX_COUNT}, x is negative
     *     or above n, or n is below 1
     */
    public Proportion {
      MethodCatalogue.checkCount(x, "x");
      MethodCatalogue.checkCount(n, "n");
      new Binomial(x, n);
    }

    /**
     * The counts as a binomial sample.
     *
     * @return x events out of n
     */
    public Binomial binomial() {
      return new Binomial(x, n);
    }
  }

  /**
   * Two binomial arms (arm 1 = treatment), with the Berger-Boos restriction of the exact
   * unconditional intervals (Berger RL, Boos DD 1994, JASA 89:1012-1016).
   *
   * @param table the two arms' counts, each at most {@link MethodCatalogue#MAX_COUNT}
   * @param bergerBoos the Berger-Boos gamma: 0 for none (every method), else in (0, alpha/2) and
   *     only with an exact unconditional interval ({@link MethodCatalogue#acceptsBergerBoos})
   */
  record TwoArms(TwoByTwo table, double bergerBoos) implements Counts {
    /**
     * Checks the counts and that gamma is 0 or a positive number below 1/2 (the bound set by the
     * level is checked by {@link Request}).
     *
     * @param table the two arms' counts
     * @param bergerBoos the Berger-Boos gamma, 0 for none
     * @throws StatsException when the table is missing, a count is above {@link
     *     MethodCatalogue#MAX_COUNT}, or gamma is negative, not finite or not below 1/2
     */
    public TwoArms {
      if (table == null) {
        throw new StatsException("both arms are required");
      }
      MethodCatalogue.checkCount(table.x1(), "x1");
      MethodCatalogue.checkCount(table.n1(), "n1");
      MethodCatalogue.checkCount(table.x2(), "x2");
      MethodCatalogue.checkCount(table.n2(), "n2");
      if (!(bergerBoos >= 0 && bergerBoos < 0.5)) {
        throw new StatsException(
            "the Berger-Boos gamma must be 0 or a positive number below 1/2 (below alpha/2 at"
                + " the level of the request), got "
                + bergerBoos);
      }
    }

    /**
     * Two arms without the Berger-Boos restriction.
     *
     * @param table the two arms' counts
     * @throws StatsException when the table is missing or a count is above {@link
     *     MethodCatalogue#MAX_COUNT}
     */
    public TwoArms(TwoByTwo table) {
      this(table, 0);
    }
  }

  /**
   * One Poisson count over a person-time, reported per {@code per} units of person-time.
   *
   * @param events the number of events, 0 &lt;= events &lt;= {@link MethodCatalogue#MAX_COUNT}
   * @param exposure the person-time, finite and positive
   * @param per the multiplier of the rate and its limits (e.g. 100 for per 100 person-years),
   *     finite and positive
   */
  record Rate(long events, double exposure, double per) implements Counts {
    /**
     * Checks the values.
     *
     * @param events the number of events
     * @param exposure the person-time
     * @param per the multiplier of the rate
     * @throws StatsException when events is negative or above {@link MethodCatalogue#MAX_COUNT}, or
     *     the exposure or {@code per} is not a finite positive number
     */
    public Rate {
      MethodCatalogue.checkCount(events, "events");
      new PoissonCount(events, exposure);
      MethodCatalogue.checkPer(per);
    }

    /**
     * The count and its person-time.
     *
     * @return the Poisson count
     */
    public PoissonCount count() {
      return new PoissonCount(events, exposure);
    }
  }

  /**
   * Two Poisson counts (arm 1 = treatment) for a rate ratio or difference.
   *
   * @param treatment arm 1's events and person-time
   * @param control arm 2's events and person-time
   * @param per the multiplier of a rate difference and its limits, finite and positive; 1 for a
   *     rate ratio (which has no scale)
   */
  record TwoRates(PoissonCount treatment, PoissonCount control, double per) implements Counts {
    /**
     * Checks the values.
     *
     * @param treatment arm 1's events and person-time
     * @param control arm 2's events and person-time
     * @param per the multiplier of a rate difference, 1 for a rate ratio
     * @throws StatsException when an arm is missing, a count is above {@link
     *     MethodCatalogue#MAX_COUNT}, or {@code per} is not a finite positive number
     */
    public TwoRates {
      if (treatment == null || control == null) {
        throw new StatsException("both arms are required");
      }
      MethodCatalogue.checkCount(treatment.events(), "events1");
      MethodCatalogue.checkCount(control.events(), "events2");
      MethodCatalogue.checkPer(per);
    }
  }

  /**
   * An observed count against an expected count, for a standardised incidence ratio.
   *
   * @param observed the observed count, 0 &lt;= observed &lt;= {@link MethodCatalogue#MAX_COUNT}
   * @param expected the expected count, finite and positive
   */
  record Sir(long observed, double expected) implements Counts {
    /**
     * Checks the values.
     *
     * @param observed the observed count
     * @param expected the expected count
     * @throws StatsException when the observed count is negative or above {@link
     *     MethodCatalogue#MAX_COUNT}, or the expected count is not a finite positive number
     */
    public Sir {
      if (observed < 0) {
        throw new StatsException("the observed count must not be negative, got " + observed);
      }
      MethodCatalogue.checkCount(observed, "observed");
      if (!(expected > 0) || Double.isInfinite(expected)) {
        throw new StatsException("expected must be a finite positive number, got " + expected);
      }
    }
  }
}
