package org.trialstats.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number needed to treat, NNT = 1 / RD, with the confidence interval obtained by inverting the
 * limits of a risk-difference interval (Altman DG 1998, "Confidence intervals for the number needed
 * to treat", BMJ 317:1309-1312).
 *
 * <h2>Sign convention</h2>
 *
 * <p>RD = p1 - p2 with arm 1 = treatment and arm 2 = control, and NNT = 1 / RD without any change
 * of sign. A positive NNT therefore means more events in the treatment arm; a negative NNT fewer.
 * Which of the two is a benefit depends on the event:
 *
 * <ul>
 *   <li>desirable event (response, e.g. ACR20): positive NNT = number needed to treat to benefit
 *       (NNTB) one additional patient; negative NNT = -NNTH (harm);
 *   <li>undesirable event (adverse event, death): positive NNT = NNTH, negative NNT = -NNTB.
 * </ul>
 *
 * <p>The note of a disjoint interval (below) labels its two parts for a desirable event: "NNTB" is
 * the part with more events in arm 1, "NNTH" the part with fewer; swap the labels when the event is
 * undesirable.
 *
 * <h2>Interval</h2>
 *
 * <p>From the RD interval (L, U) (Altman 1998):
 *
 * <ul>
 *   <li>if it excludes 0 (L &gt; 0 or U &lt; 0), the NNT interval is 1/U to 1/L, ordered as usual
 *       (lower &lt; upper), both limits of the sign of the estimate;
 *   <li>if it includes 0 (L &lt; 0 &lt; U), the NNT interval is disjoint: it runs from 1/U (an
 *       NNTB) through infinity to 1/L (an NNTH), that is NNTB from 1/U to infinity together with
 *       NNTH from |1/L| to infinity. It is represented as {@code lower = 1/U > 0} and {@code upper
 *       = 1/L < 0}, so <b>lower &gt; upper signals the disjoint case</b>, and the estimate carries
 *       a note such as "RD interval includes 0: NNT interval is disjoint: NNTB 4.0 to ∞ and NNTH
 *       20.0 to ∞ (Altman 1998)";
 *   <li>a limit L = 0 gives upper = +infinity, a limit U = 0 gives lower = -infinity (the interval
 *       reaches infinity without crossing it); L = U = 0 gives lower = upper = +infinity.
 * </ul>
 *
 * <p>RD = 0 gives the estimate +infinity.
 */
public final class NumberNeededToTreat {
  private NumberNeededToTreat() {}

  /**
   * The NNT of a two-arm table with the Altman (1998) interval derived from the given
   * risk-difference method. The method id of the result is the risk-difference method id.
   *
   * @param table counts of both arms (arm 1 = treatment)
   * @param rdMethod the risk-difference interval to invert
   * @param level confidence level, strictly between 0 and 1
   * @return the NNT and its interval (see the class description for an interval of RD that includes
   *     0)
   * @throws StatsException if {@code level} is not in (0, 1)
   */
  public static Estimate of(TwoByTwo table, RiskDifferenceMethod rdMethod, double level) {
    return fromRiskDifference(rdMethod.interval(table, level));
  }

  /**
   * The NNT = 1 / RD and its Altman (1998) interval from any risk-difference estimate (for example
   * a pooled RD from a meta-analysis), keeping its method id and level; see the class description
   * for the conventions.
   *
   * @param riskDifference an estimate with measure {@link Measure#RD}
   * @return the NNT and its interval
   * @throws StatsException if the estimate is not a risk difference
   */
  public static Estimate fromRiskDifference(Estimate riskDifference) {
    if (riskDifference.measure() != Measure.RD) {
      throw new StatsException(
          "the number needed to treat is derived from a risk difference (measure rd), got "
              + riskDifference.measure().id());
    }
    double rd = riskDifference.estimate();
    double rdLower = riskDifference.lower();
    double rdUpper = riskDifference.upper();
    double nnt = rd == 0 ? Double.POSITIVE_INFINITY : 1 / rd;
    double lower;
    double upper;
    String note = "";
    if (rdLower == 0 && rdUpper == 0) {
      lower = Double.POSITIVE_INFINITY;
      upper = Double.POSITIVE_INFINITY;
      note = "RD interval is the single point 0: NNT is infinite";
    } else {
      // A zero limit is approached from inside the interval: 1/0+ = +inf, 1/0- = -inf.
      lower = rdUpper == 0 ? Double.NEGATIVE_INFINITY : 1 / rdUpper;
      upper = rdLower == 0 ? Double.POSITIVE_INFINITY : 1 / rdLower;
      if (rdLower < 0 && rdUpper > 0) {
        note =
            "RD interval includes 0: NNT interval is disjoint: NNTB "
                + oneDecimal(lower)
                + " to ∞ and NNTH "
                + oneDecimal(-upper)
                + " to ∞ (Altman 1998)";
      }
    }
    return new Estimate(
        Measure.NNT,
        riskDifference.method(),
        nnt,
        lower,
        upper,
        riskDifference.level(),
        Double.NaN,
        note);
  }

  /**
   * {@code x} with one decimal, rounded half up on its shortest decimal digits: what {@code
   * String.format(Locale.ROOT, "%.1f", x)} prints, without the formatter (batch writes this note
   * for every NNT row whose RD interval includes 0, and the formatter's set-up dominated those
   * rows).
   */
  static String oneDecimal(double x) {
    return BigDecimal.valueOf(x).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
