package org.trialstats.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.trialstats.stats.ChiSquareStatistic;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.IntervalPValue;
import org.trialstats.stats.Measure;
import org.trialstats.stats.PoissonLimits;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTest;
import org.trialstats.stats.TestStatistic;

/**
 * Recomputes every claim of a dataset and judges it against the printed figure.
 *
 * <h2>Verdict rules</h2>
 *
 * <p>Each check yields a recomputed point value from the inputs as printed and, when an input is
 * itself a rounded printed figure, the range the recomputation spans when every such input varies
 * over its range, the values that round to it (for "15 months": 14.5 to 15.5; for an atomic weight,
 * its standard interval). Interval arithmetic gives the range, every check being monotone in each
 * input. "Each input its range" in the details refers to this.
 *
 * <ul>
 *   <li><b>reproduced</b>: the point value, rounded half-up at the printed decimals, equals the
 *       printed value (for a bound such as "more than 10%", the point value satisfies it);
 *   <li><b>consistent</b>: as reproduced, but the "recomputation" is another printed statement of
 *       the same quantity ({@code cross-check}, or an arm whose events are not printed and whose
 *       printed percentage is the only source): agreement, not an independent recomputation;
 *   <li><b>attainable</b>: a percentage printed without its count, for which some whole count out
 *       of n gives it;
 *   <li><b>not checkable</b> (rounded inputs): the point value does not round to the printed value,
 *       but the range overlaps the values that do (positive-length overlap); the figure is then
 *       neither confirmed nor refuted without the unrounded inputs, and the detail gives the point
 *       difference, the range, and the rounding conventions (truncation, half-even) that would give
 *       the printed value;
 *   <li><b>discrepancy</b>: otherwise; the difference is recomputed minus printed, with its size
 *       relative to the printed value;
 *   <li><b>not checkable</b> (missing data, circular, recorded): see the kinds below.
 * </ul>
 *
 * <h2>Kinds</h2>
 *
 * <ul>
 *   <li>{@code arm-percent}: {@code 100 events / n}. When only the percentage is printed, the check
 *       lists the whole counts compatible with it ({@link Arm#compatibleEvents()}) and is
 *       attainable when at least one exists (the percentage is attainable with that n), a
 *       discrepancy when none does.
 *   <li>{@code difference}, {@code sum}, {@code product}, {@code cross-check}: arithmetic on
 *       printed values; parts of a sum are exact counts.
 *   <li>{@code rate}: {@code events x per / patient-years}; the detail gives the person-time the
 *       printed rate implies.
 *   <li>{@code ratio}: {@code observed / expected}; not checkable when the expected count was
 *       derived from the printed ratio (circular).
 *   <li>{@code poisson-tail}: one-sided exact Poisson test {@code P(X >= observed | expected)}, the
 *       upper tail of the Poisson distribution (Breslow NE, Day NE. Statistical Methods in Cancer
 *       Research, Vol. II: The Design and Analysis of Cohort Studies. IARC Sci Publ 82, 1987,
 *       chapter 2), judged against the level printed with qualifier up-to or more-than; the detail
 *       gives the expected count at which the level is reached, from the Poisson-gamma identity
 *       {@code P(X >= o | mu) = P(Gamma(o, 1) <= mu)}.
 *   <li>{@code accumulation}: accumulation ratio at steady state under first-order elimination,
 *       {@code R = 1 / (1 - 2^(-tau / t_half))} (Gibaldi M, Perrier D. Pharmacokinetics, 2nd ed.
 *       Marcel Dekker, 1982, chapter 3), over the printed half-life range; the point value is the
 *       largest ratio (longest half-life).
 *   <li>{@code formula-mass}: sum of atomic weights over a molecular formula, with the conventional
 *       atomic weights as point value and the standard atomic-weight intervals as range ({@link
 *       AtomicWeights}).
 *   <li>{@code stratified}: a common estimate, confidence limit, test statistic or p-value of a
 *       {@link StratifiedComparison}, recomputed from its strata by the named {@link
 *       StratifiedMethod} or {@link StratifiedTest} (formulas and references on their constants);
 *       the counts are exact, so the verdict is reproduced or discrepancy. A risk difference
 *       printed in the unit {@code percentage points} is compared as 100 times the difference.
 *   <li>{@code not-checkable} and {@code recorded}: no arithmetic; verdict not checkable, with what
 *       is missing or the reviewer's note.
 * </ul>
 *
 * <p>Decimal arithmetic (34 significant digits) is used for ratios of printed numbers so that a tie
 * such as 8 x 100 / 6400 = 0.125 is seen as a tie; half-up then gives 0.13.
 */
public final class ClaimChecker {
  private static final double LN2 = Math.log(2);

  private final Dataset dataset;
  private final Map<String, Claim> claims = new HashMap<>();
  private final Map<String, Comparison> comparisons = new HashMap<>();
  private final Map<String, StratifiedComparison> stratified = new HashMap<>();
  private final Map<String, RateFigure> rates = new HashMap<>();
  private final Map<String, SirFigure> sirs = new HashMap<>();

  private ClaimChecker(Dataset dataset) {
    this.dataset = dataset;
    dataset.claims().forEach(c -> claims.put(c.id(), c));
    dataset.comparisons().forEach(c -> comparisons.put(c.id(), c));
    dataset.stratified().forEach(c -> stratified.put(c.id(), c));
    dataset.rates().forEach(r -> rates.put(r.id(), r));
    dataset.sirs().forEach(s -> sirs.put(s.id(), s));
  }

  /**
   * Checks every claim of {@code dataset}.
   *
   * @return one result per claim, in the dataset's claim order
   * @throws IllegalArgumentException when a claim refers to an entry the dataset lacks (cannot
   *     happen for datasets built by {@link DatasetLoader})
   */
  public static List<ClaimResult> check(Dataset dataset) {
    ClaimChecker checker = new ClaimChecker(dataset);
    List<ClaimResult> results = new ArrayList<>(dataset.claims().size());
    for (Claim claim : dataset.claims()) {
      results.add(checker.check(claim));
    }
    return results;
  }

  private ClaimResult check(Claim claim) {
    ClaimCheck check = claim.check();
    ClaimResult result;
    if (check instanceof ClaimCheck.ArmPercent a) {
      result = armPercent(claim, a);
    } else if (check instanceof ClaimCheck.Difference d) {
      result = difference(claim, d);
    } else if (check instanceof ClaimCheck.Sum s) {
      result = sum(claim, s);
    } else if (check instanceof ClaimCheck.Product p) {
      result = product(claim, p);
    } else if (check instanceof ClaimCheck.CrossCheck c) {
      result = confirmedAs(crossCheck(claim, c), Verdict.CONSISTENT);
    } else if (check instanceof ClaimCheck.Rate r) {
      result = rate(claim, r);
    } else if (check instanceof ClaimCheck.Ratio r) {
      result = ratio(claim, r);
    } else if (check instanceof ClaimCheck.PoissonTail p) {
      result = poissonTail(claim, p);
    } else if (check instanceof ClaimCheck.Accumulation a) {
      result = accumulation(claim, a);
    } else if (check instanceof ClaimCheck.FormulaMass f) {
      result = formulaMass(claim, f);
    } else if (check instanceof ClaimCheck.Percent p) {
      result = percent(claim, p);
    } else if (check instanceof ClaimCheck.IntervalCentre i) {
      result = intervalCentre(claim, i);
    } else if (check instanceof ClaimCheck.IntervalP i) {
      result = intervalP(claim, i);
    } else if (check instanceof ClaimCheck.TestStatisticP t) {
      result = testStatistic(claim, t);
    } else if (check instanceof ClaimCheck.Stratified st) {
      result = stratified(claim, st);
    } else if (check instanceof ClaimCheck.NotCheckable n) {
      result = notCheckable(claim, "Not checkable: " + sentence(n.missing()));
    } else {
      result =
          notCheckable(
              claim, "Recorded with its source; no arithmetic relates it to other figures.");
    }
    if (check.note().isEmpty()) {
      return result;
    }
    return new ClaimResult(
        result.claim(),
        result.verdict(),
        result.recomputed(),
        result.recomputedText(),
        result.difference(),
        result.detail() + " Note: " + sentence(check.note()));
  }

  // ---------------------------------------------------------------- kinds

  private ClaimResult armPercent(Claim claim, ClaimCheck.ArmPercent check) {
    Comparison comparison = lookup(comparisons, check.comparisonId(), "comparison");
    Arm arm = comparison.arm(check.side());
    String armName =
        "the " + check.side().yamlName() + " arm (" + arm.label() + ") of " + comparison.id();
    return armPercent(claim, arm, armName);
  }

  private ClaimResult percent(Claim claim, ClaimCheck.Percent check) {
    Arm arm = new Arm("percentage", check.n(), check.events(), claim.reported());
    return armPercent(claim, arm, "n = " + check.n());
  }

  /** The percentage of {@code arm}: its own printed one, or a cross-check of another figure. */
  private ClaimResult armPercent(Claim claim, Arm arm, String armName) {
    boolean crossCheck = !claim.reported().equals(arm.reportedPercent());
    int shown = shownDecimals(claim.reported());
    BigDecimal n = BigDecimal.valueOf(arm.n());
    if (!arm.eventsDerived()) {
      BigDecimal point = percent(arm.events(), arm.n());
      String formula =
          "100 x " + arm.events() + " / " + arm.n() + " = " + Decimals.round(point, shown) + "%.";
      String lead = crossCheck ? "Cross-check against " + armName + ": " : "";
      return judge(claim, point, null, null, lead + formula);
    }
    long[] range = arm.compatibleRange();
    long primary = arm.primaryEvents();
    BigDecimal point = percent(primary, arm.n());
    Reported printedPercent = arm.reportedPercent();
    String counts = compatibleCounts(range, arm.n(), shownDecimals(printedPercent));
    String centre =
        printedPercent.valueText()
            + "% x "
            + arm.n()
            + " / 100 = "
            + Decimals.plain(arm.centre().stripTrailingZeros());
    if (crossCheck) {
      String lead =
          "Cross-check against "
              + armName
              + ", whose events are not printed: "
              + (range[0] > range[1]
                  ? "no whole count gives its printed " + printedPercent.valueText() + "%"
                  : counts + " give its printed " + printedPercent.valueText() + "%")
              + "; the point count "
              + primary
              + " gives "
              + Decimals.round(point, shown)
              + "%.";
      BigDecimal low = range[0] > range[1] ? null : percent(range[0], arm.n());
      BigDecimal high = range[0] > range[1] ? null : percent(range[1], arm.n());
      // Only the arm's printed percentage stands behind the point count: agreement with it is
      // consistency with another statement, not a recomputation.
      return confirmedAs(judge(claim, point, low, high, lead), Verdict.CONSISTENT);
    }
    String text = Decimals.round(point, shown) + "%";
    BigDecimal difference = point.subtract(claim.reported().exactValue());
    if (range[0] > range[1]) {
      long below = arm.centre().setScale(0, RoundingMode.FLOOR).longValueExact();
      long above = Math.min(below + 1, arm.n());
      String detail =
          "The events are not printed, and no whole count out of "
              + n
              + " gives "
              + printedPercent.asReported()
              + " when rounded half-up: "
              + below
              + " gives "
              + Decimals.round(percent(below, arm.n()), shown)
              + "% and "
              + above
              + " gives "
              + Decimals.round(percent(above, arm.n()), shown)
              + "%. Difference "
              + Decimals.signed(difference, shown)
              + " points.";
      return new ClaimResult(
          claim, Verdict.DISCREPANCY, point.doubleValue(), text, difference.doubleValue(), detail);
    }
    String detail =
        "The events are not printed. Whole counts whose percentage of "
            + n
            + " rounds half-up to "
            + printedPercent.asReported()
            + ": "
            + counts
            + ". Point count "
            + primary
            + ", the compatible count nearest to "
            + centre
            + ", gives "
            + Decimals.round(point, shown)
            + "%. This shows that "
            + printedPercent.asReported()
            + " is attainable with n = "
            + n
            + "; the count itself cannot be checked.";
    return new ClaimResult(
        claim,
        Verdict.ATTAINABLE,
        point.doubleValue(),
        text
            + " ("
            + (range[0] == range[1] ? range[0] + "" : range[0] + " to " + range[1])
            + " of "
            + n
            + ")",
        difference.doubleValue(),
        detail);
  }

  private ClaimResult difference(Claim claim, ClaimCheck.Difference check) {
    Value a = value(check.minuend());
    Value b = value(check.subtrahend());
    BigDecimal point = a.point().subtract(b.point());
    String formula =
        a.label()
            + " - "
            + b.label()
            + " = "
            + Decimals.round(point, shownDecimals(claim.reported()))
            + ".";
    return judge(claim, point, a.low().subtract(b.high()), a.high().subtract(b.low()), formula);
  }

  private ClaimResult sum(Claim claim, ClaimCheck.Sum check) {
    BigDecimal total = BigDecimal.ZERO;
    StringJoiner terms = new StringJoiner(" + ");
    for (ClaimCheck.Operand part : check.parts()) {
      Value v = value(part);
      total = total.add(v.point());
      terms.add(v.label());
    }
    return judge(
        claim,
        total,
        null,
        null,
        terms
            + " = "
            + Decimals.plain(total.stripTrailingZeros())
            + " (parts taken as exact counts).");
  }

  private ClaimResult product(Claim claim, ClaimCheck.Product check) {
    BigDecimal point = BigDecimal.ONE;
    BigDecimal low = BigDecimal.ONE;
    BigDecimal high = BigDecimal.ONE;
    StringBuilder formula = new StringBuilder();
    for (ClaimCheck.Operand factor : check.factors()) {
      Value v = value(factor);
      point = point.multiply(v.point());
      low = low.multiply(v.low());
      high = high.multiply(v.high());
      formula.append(formula.length() == 0 ? "" : " x ").append(v.label());
    }
    for (ClaimCheck.Operand divisor : check.divisors()) {
      Value v = value(divisor);
      point = point.divide(v.point(), Decimals.CONTEXT);
      low = low.divide(v.high(), Decimals.CONTEXT);
      high = high.divide(v.low(), Decimals.CONTEXT);
      formula.append(" / ").append(v.label());
    }
    formula
        .append(" = ")
        .append(Decimals.round(point, shownDecimals(claim.reported())))
        .append('.');
    return judge(claim, point, low, high, formula.toString());
  }

  private ClaimResult crossCheck(Claim claim, ClaimCheck.CrossCheck check) {
    Claim other = lookup(claims, check.claimId(), "claim");
    Value v = value(new ClaimCheck.ClaimValue(other.id()));
    Source source = dataset.source(other.sourceId());
    String lead =
        "Compared with the figure printed as '"
            + other.reported().asReported()
            + "' in "
            + source.document()
            + ", "
            + source.section()
            + " (claim "
            + other.id()
            + "): "
            + Decimals.plain(v.point())
            + ".";
    return judge(claim, v.point(), v.low(), v.high(), lead);
  }

  private ClaimResult rate(Claim claim, ClaimCheck.Rate check) {
    RateFigure rate = lookup(rates, check.rateId(), "rate");
    BigDecimal events = BigDecimal.valueOf(rate.events());
    BigDecimal per = BigDecimal.valueOf(rate.per());
    BigDecimal years = BigDecimal.valueOf(rate.patientYears());
    BigDecimal numerator = events.multiply(per);
    BigDecimal point = numerator.divide(years, Decimals.CONTEXT);
    BigDecimal low = null;
    BigDecimal high = null;
    String yearsText = Decimals.plain(years.stripTrailingZeros());
    if (check.patientYearsClaimId() != null) {
      Reported printedYears = lookup(claims, check.patientYearsClaimId(), "claim").reported();
      low = numerator.divide(printedYears.upperLimit(), Decimals.CONTEXT);
      high = numerator.divide(printedYears.lowerLimit(), Decimals.CONTEXT);
      yearsText +=
          " (printed as '"
              + printedYears.asReported()
              + "': "
              + Decimals.plain(printedYears.lowerLimit())
              + " to "
              + Decimals.plain(printedYears.upperLimit())
              + ")";
    }
    Reported reported = claim.reported();
    String formula =
        rate.events()
            + " x "
            + Decimals.plain(per.stripTrailingZeros())
            + " / "
            + yearsText
            + " = "
            + Decimals.round(point, shownDecimals(reported))
            + " per "
            + Decimals.plain(per.stripTrailingZeros())
            + " patient-years.";
    ClaimResult result = judge(claim, point, low, high, formula);
    if (result.verdict() == Verdict.REPRODUCED
        || !reported.qualifier().isPointValue()
        || rate.events() == 0
        || reported.lowerLimit().signum() <= 0) {
      return result;
    }
    BigDecimal fewest = numerator.divide(reported.upperLimit(), Decimals.CONTEXT);
    BigDecimal most = numerator.divide(reported.lowerLimit(), Decimals.CONTEXT);
    String implied =
        " The printed "
            + reported.valueText()
            + " (half-up: "
            + Decimals.plain(reported.lowerLimit())
            + " <= rate < "
            + Decimals.plain(reported.upperLimit())
            + ") needs more than "
            + Decimals.round(fewest, 1)
            + " and at most "
            + Decimals.round(most, 1)
            + " patient-years.";
    return withDetail(result, result.detail() + implied);
  }

  private ClaimResult ratio(Claim claim, ClaimCheck.Ratio check) {
    SirFigure sir = lookup(sirs, check.sirId(), "SIR figure");
    if (check.expectedDerivedFromRatio()) {
      return notCheckable(
          claim,
          "Not checkable: the expected count is not printed. It was derived as "
              + sir.expectedDerivation()
              + ", so recomputing observed / expected would return"
              + " the printed ratio by construction. An independent expected count (or the"
              + " background rate and the person-time) is needed.");
    }
    BigDecimal point =
        BigDecimal.valueOf(sir.observed())
            .divide(BigDecimal.valueOf(sir.expected()), Decimals.CONTEXT);
    return judge(
        claim,
        point,
        null,
        null,
        sir.observed()
            + " observed / "
            + Decimals.plain(BigDecimal.valueOf(sir.expected()))
            + " expected = "
            + Decimals.round(point, shownDecimals(claim.reported()))
            + ".");
  }

  private ClaimResult poissonTail(Claim claim, ClaimCheck.PoissonTail check) {
    SirFigure sir = lookup(sirs, check.sirId(), "SIR figure");
    long observed = sir.observed();
    double expected = sir.expected();
    double p = PoissonLimits.probAtLeast(observed, expected);
    Reported level = claim.reported();
    int shown = shownDecimals(level);
    StringBuilder lead =
        new StringBuilder()
            .append("One-sided exact Poisson test: P(X >= ")
            .append(observed)
            .append(" | mean ")
            .append(Decimals.round(expected, 4))
            .append(") = ")
            .append(Decimals.round(p, shown))
            .append(" (SIR ")
            .append(observed)
            .append(" / ")
            .append(Decimals.round(expected, 4))
            .append(" = ")
            .append(Decimals.round(observed / expected, 2))
            .append("). The wording '")
            .append(level.asReported())
            .append("' is read as p ")
            .append(level.qualifier() == Qualifier.UP_TO ? "<= " : "> ")
            .append(level.valueText())
            .append('.');
    BigDecimal low = null;
    BigDecimal high = null;
    if (check.expectedClaimId() != null) {
      Reported printedExpected = lookup(claims, check.expectedClaimId(), "claim").reported();
      double lowest = printedExpected.lowerLimit().doubleValue();
      double highest = printedExpected.upperLimit().doubleValue();
      low = BigDecimal.valueOf(PoissonLimits.probAtLeast(observed, lowest));
      high = BigDecimal.valueOf(PoissonLimits.probAtLeast(observed, highest));
      lead.append(" The expected count printed as '")
          .append(printedExpected.asReported())
          .append("' may lie between ")
          .append(Decimals.round(lowest, 4))
          .append(" and ")
          .append(Decimals.round(highest, 4))
          .append(", giving p from ")
          .append(Decimals.round(low, shown))
          .append(" to ")
          .append(Decimals.round(high, shown))
          .append('.');
    }
    if (observed > 0) {
      double threshold = PoissonLimits.meanWithUpperTail(observed, level.value());
      lead.append(" p <= ")
          .append(level.valueText())
          .append(" holds for an expected count of at")
          .append(" most ")
          .append(Decimals.round(threshold, 4))
          .append('.');
    }
    return judge(claim, BigDecimal.valueOf(p), low, high, lead.toString());
  }

  private ClaimResult accumulation(Claim claim, ClaimCheck.Accumulation check) {
    Value shortest = value(check.shortestHalfLife());
    Value longest = value(check.longestHalfLife());
    Value interval = value(check.dosingInterval());
    double tau = interval.point().doubleValue();
    double fromShortest = accumulationRatio(tau, shortest.point().doubleValue());
    double fromLongest = accumulationRatio(tau, longest.point().doubleValue());
    int shown = shownDecimals(claim.reported());
    String range =
        Decimals.round(fromShortest, shown) + " to " + Decimals.round(fromLongest, shown);
    String lead =
        "Accumulation ratio R = 1 / (1 - 2^(-tau / t_half)) with tau = "
            + interval.label()
            + " hours: t_half = "
            + shortest.label()
            + " hours gives "
            + Decimals.round(fromShortest, shown + 2)
            + ", t_half = "
            + longest.label()
            + " hours gives "
            + Decimals.round(fromLongest, shown + 2)
            + "; the point value is the larger.";
    BigDecimal low =
        BigDecimal.valueOf(
            accumulationRatio(interval.high().doubleValue(), shortest.low().doubleValue()));
    BigDecimal high =
        BigDecimal.valueOf(
            accumulationRatio(interval.low().doubleValue(), longest.high().doubleValue()));
    ClaimResult result = judge(claim, BigDecimal.valueOf(fromLongest), low, high, lead);
    return new ClaimResult(
        claim, result.verdict(), result.recomputed(), range, result.difference(), result.detail());
  }

  private ClaimResult formulaMass(Claim claim, ClaimCheck.FormulaMass check) {
    BigDecimal point = BigDecimal.ZERO;
    BigDecimal low = BigDecimal.ZERO;
    BigDecimal high = BigDecimal.ZERO;
    StringJoiner formula = new StringJoiner(" ");
    StringJoiner weights = new StringJoiner(", ");
    for (Map.Entry<String, Long> e : check.formula().entrySet()) {
      AtomicWeights.Weight w = AtomicWeights.of(e.getKey());
      BigDecimal atoms = BigDecimal.valueOf(e.getValue());
      point = point.add(atoms.multiply(w.conventional()));
      low = low.add(atoms.multiply(w.lowest()));
      high = high.add(atoms.multiply(w.highest()));
      formula.add(e.getKey() + e.getValue());
      weights.add(e.getKey() + " " + Decimals.plain(w.conventional()));
    }
    String lead =
        formula
            + " with the conventional atomic weights of IUPAC 2013 (Meija et al."
            + " 2016, Table 3: "
            + weights
            + ") gives "
            + Decimals.plain(point)
            + " g/mol. The range of each atomic weight is its standard interval (Table 1).";
    return judge(claim, point, low, high, lead);
  }

  private ClaimResult intervalCentre(Claim claim, ClaimCheck.IntervalCentre check) {
    IntervalPValue scale = check.scale();
    BigDecimal lowerHalf = halfUnit(check.lower());
    BigDecimal upperHalf = halfUnit(check.upper());
    double lower = check.lower().doubleValue();
    double upper = check.upper().doubleValue();
    if (scale == IntervalPValue.LOG && check.lower().subtract(lowerHalf).signum() <= 0) {
      return notCheckable(
          claim,
          "Not checkable: the lower limit "
              + Decimals.plain(check.lower())
              + " is too close to 0 at its printed precision for a ratio's log scale.");
    }
    BigDecimal point = BigDecimal.valueOf(scale.centre(lower, upper));
    BigDecimal low =
        BigDecimal.valueOf(
            scale.centre(
                check.lower().subtract(lowerHalf).doubleValue(),
                check.upper().subtract(upperHalf).doubleValue()));
    BigDecimal high =
        BigDecimal.valueOf(
            scale.centre(
                check.lower().add(lowerHalf).doubleValue(),
                check.upper().add(upperHalf).doubleValue()));
    boolean inside =
        claim.reported().exactValue().compareTo(check.lower()) >= 0
            && claim.reported().exactValue().compareTo(check.upper()) <= 0;
    String lead =
        (scale == IntervalPValue.LOG
                ? "Geometric mean of the limits (a ratio's Wald interval is symmetric on the log"
                    + " scale): sqrt("
                    + Decimals.plain(check.lower())
                    + " x "
                    + Decimals.plain(check.upper())
                : "Midpoint of the limits (a difference's Wald interval is symmetric): ("
                    + Decimals.plain(check.lower())
                    + " + "
                    + Decimals.plain(check.upper())
                    + ") / 2")
            + ") = "
            + Decimals.round(point, shownDecimals(claim.reported()))
            + "."
            + (inside
                ? ""
                : " The estimate "
                    + claim.reported().valueText()
                    + " lies outside its own interval.");
    ClaimResult result = judge(claim, point, low, high, lead);
    if (result.verdict() == Verdict.DISCREPANCY && inside) {
      return withDetail(
          result,
          result.detail()
              + " An asymmetric interval is either a misprint"
              + " or not a Wald interval on this scale (exact, score or profile-likelihood limits"
              + " are asymmetric): check the method before calling it an error.");
    }
    return result;
  }

  private ClaimResult intervalP(Claim claim, ClaimCheck.IntervalP check) {
    IntervalPValue scale = check.scale();
    double level = check.level().doubleValue();
    double point =
        scale.pValue(
            check.estimate().doubleValue(),
            check.lower().doubleValue(),
            check.upper().doubleValue(),
            level);
    // p grows as the estimate nears no effect and as the interval widens: the extremes over the
    // printed rounding lie at corners of the box of estimate and limits.
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int corner = 0; corner < 8; corner++) {
      double e = shifted(check.estimate(), (corner & 1) != 0);
      double l = shifted(check.lower(), (corner & 2) != 0);
      double u = shifted(check.upper(), (corner & 4) != 0);
      if (scale == IntervalPValue.LOG && (!(e > 0) || !(l > 0))) {
        continue;
      }
      double p = scale.pValue(e, l, u, level);
      lowest = Math.min(lowest, p);
      highest = Math.max(highest, p);
    }
    double nullValue = scale == IntervalPValue.LOG ? 1 : 0;
    double eLow = check.estimate().subtract(halfUnit(check.estimate())).doubleValue();
    double eHigh = check.estimate().add(halfUnit(check.estimate())).doubleValue();
    if (eLow <= nullValue && nullValue <= eHigh) {
      highest = 1;
    }
    boolean excludesNull =
        check.lower().doubleValue() > nullValue || check.upper().doubleValue() < nullValue;
    String lead =
        "p from the "
            + Decimals.plain(check.level().multiply(Decimals.HUNDRED).stripTrailingZeros())
            + "% interval "
            + Decimals.plain(check.lower())
            + " to "
            + Decimals.plain(check.upper())
            + " around "
            + Decimals.plain(check.estimate())
            + " (Altman and Bland 2011, normal approximation on the "
            + (scale == IntervalPValue.LOG ? "log" : "linear")
            + " scale): "
            + Decimals.round(point, Math.max(shownDecimals(claim.reported()), 4))
            + ". The interval "
            + (excludesNull ? "excludes" : "includes")
            + " "
            + Decimals.plain(BigDecimal.valueOf((long) nullValue))
            + " (no effect).";
    return judge(
        claim,
        BigDecimal.valueOf(point),
        lowest <= highest ? BigDecimal.valueOf(lowest) : null,
        lowest <= highest ? BigDecimal.valueOf(highest) : null,
        lead);
  }

  private ClaimResult testStatistic(Claim claim, ClaimCheck.TestStatisticP check) {
    ClaimResult twoTailed = testStatistic(claim, check, false);
    if (!check.oneTailedMentioned() || twoTailed.verdict() != Verdict.DISCREPANCY) {
      return twoTailed;
    }
    ClaimResult oneTailed = testStatistic(claim, check, true);
    if (oneTailed.verdict() == Verdict.DISCREPANCY) {
      return twoTailed;
    }
    return withDetail(
        oneTailed,
        oneTailed.detail()
            + " The passage calls the test one-tailed;"
            + " the two-tailed p-value would not fit (statcheck's one-tailed convention).");
  }

  private ClaimResult testStatistic(
      Claim claim, ClaimCheck.TestStatisticP check, boolean oneTailed) {
    TestStatistic test = check.test();
    double df1 = check.df1() == null ? 0 : check.df1().doubleValue();
    double df2 = check.df2() == null ? 0 : check.df2().doubleValue();
    BigDecimal value = check.statistic();
    BigDecimal half = halfUnit(value);
    double point = test.pValue(value.doubleValue(), df1, df2, oneTailed);
    // statcheck's rounding tolerance: any statistic that rounds to the printed one.
    double a = test.pValue(clampStatistic(test, value.subtract(half)), df1, df2, oneTailed);
    double b = test.pValue(clampStatistic(test, value.add(half)), df1, df2, oneTailed);
    String df =
        check.df1() == null
            ? ""
            : "("
                + Decimals.plain(check.df1())
                + (check.df2() == null ? "" : ", " + Decimals.plain(check.df2()))
                + ")";
    String lead =
        (oneTailed ? "One-tailed" : "Two-tailed")
            + " p of "
            + test.symbol()
            + df
            + " = "
            + Decimals.plain(value)
            + ": "
            + Decimals.round(point, Math.max(shownDecimals(claim.reported()), 4))
            + " (statistics from "
            + Decimals.plain(value.subtract(half))
            + " to "
            + Decimals.plain(value.add(half))
            + " round to the printed value).";
    return judge(
        claim,
        BigDecimal.valueOf(point),
        BigDecimal.valueOf(Math.min(a, b)),
        BigDecimal.valueOf(Math.max(a, b)),
        lead);
  }

  /** Unit of a risk difference printed in percentage points rather than as a proportion. */
  static final String PERCENTAGE_POINTS = "percentage points";

  private ClaimResult stratified(Claim claim, ClaimCheck.Stratified check) {
    StratifiedComparison comparison =
        lookup(stratified, check.comparisonId(), "stratified comparison");
    StratifiedTables tables = comparison.tables();
    int shown = shownDecimals(claim.reported());
    String over =
        " over "
            + comparison.strata().size()
            + " strata of "
            + comparison.stratifiedBy()
            + " ("
            + comparison.treatment()
            + " vs "
            + comparison.control()
            + ")";
    double point;
    String lead;
    try {
      if (check.method() instanceof StratifiedTest test) {
        ChiSquareStatistic result = test.test(tables);
        if (!result.defined()) {
          return notCheckable(
              claim,
              "Not checkable: the "
                  + test.info().name()
                  + " is undefined for these strata (no stratum has both events and non-events).");
        }
        point =
            check.quantity() == ClaimCheck.Stratified.Quantity.STATISTIC
                ? result.statistic()
                : result.pValue();
        lead =
            test.info().name()
                + over
                + ": chi-square "
                + Decimals.round(BigDecimal.valueOf(result.statistic()), shown)
                + " with "
                + result.df()
                + " df, p = "
                + Decimals.round(BigDecimal.valueOf(result.pValue()), Math.max(shown, 4))
                + ".";
      } else {
        StratifiedMethod method = (StratifiedMethod) check.method();
        Estimate e = method.interval(tables, check.level().doubleValue());
        double scale =
            method.measure() == Measure.RD && PERCENTAGE_POINTS.equals(claim.reported().unit())
                ? 100
                : 1;
        point =
            scale
                * switch (check.quantity()) {
                  case ESTIMATE -> e.estimate();
                  case LOWER -> e.lower();
                  default -> e.upper();
                };
        lead =
            method.info().name()
                + over
                + ": "
                + Decimals.round(BigDecimal.valueOf(scale * e.estimate()), shown)
                + " ("
                + Decimals.plain(check.level().multiply(Decimals.HUNDRED).stripTrailingZeros())
                + "% CI "
                + limit(scale * e.lower(), shown)
                + " to "
                + limit(scale * e.upper(), shown)
                + (scale == 100 ? ", in percentage points" : "")
                + ")."
                + (e.note().isEmpty() ? "" : " " + sentence(e.note()));
      }
    } catch (StatsException e) {
      return notCheckable(claim, "Not checkable: " + sentence(e.getMessage()));
    }
    if (!Double.isFinite(point)) {
      return notCheckable(
          claim,
          lead
              + " Not checkable: the recomputed "
              + check.quantity().yamlName()
              + " is "
              + (Double.isNaN(point) ? "undefined." : "infinite."));
    }
    return judge(claim, BigDecimal.valueOf(point), null, null, lead);
  }

  private static String limit(double x, int shown) {
    return Double.isFinite(x)
        ? Decimals.round(BigDecimal.valueOf(x), shown)
        : x > 0 ? "infinity" : "-infinity";
  }

  /**
   * Keeps a statistic within its domain after widening by the rounding (F, chi2 >= 0; |r| <= 1).
   */
  private static double clampStatistic(TestStatistic test, BigDecimal x) {
    double v = x.doubleValue();
    if ((test == TestStatistic.F || test == TestStatistic.CHI2) && v < 0) {
      return 0;
    }
    return test == TestStatistic.R ? Math.max(-1, Math.min(1, v)) : v;
  }

  /** Half of the last printed unit of a number written with its printed decimals. */
  private static BigDecimal halfUnit(BigDecimal printed) {
    return new BigDecimal(java.math.BigInteger.valueOf(5), Math.max(printed.scale(), 0) + 1);
  }

  private static double shifted(BigDecimal printed, boolean up) {
    BigDecimal half = halfUnit(printed);
    return (up ? printed.add(half) : printed.subtract(half)).doubleValue();
  }

  // ---------------------------------------------------------------- judging

  /**
   * The result with a confirming verdict narrowed to {@code verdict}; other verdicts unchanged.
   * Used where the "recomputation" only compares with another printed statement.
   */
  private static ClaimResult confirmedAs(ClaimResult result, Verdict verdict) {
    if (result.verdict() != Verdict.REPRODUCED) {
      return result;
    }
    return new ClaimResult(
        result.claim(),
        verdict,
        result.recomputed(),
        result.recomputedText(),
        result.difference(),
        result.detail());
  }

  /**
   * Applies the verdict rules of this class.
   *
   * @param point the recomputed point value
   * @param low lowest recomputed value over the inputs' rounding, null when the inputs are exact
   * @param high highest recomputed value over the inputs' rounding, null when exact
   * @param lead the formula with its numbers
   */
  private ClaimResult judge(
      Claim claim, BigDecimal point, BigDecimal low, BigDecimal high, String lead) {
    Reported reported = claim.reported();
    int shown = shownDecimals(reported);
    String text = Decimals.round(point, shown);
    boolean rounded = low != null && high != null && low.compareTo(high) != 0;
    StringBuilder detail = new StringBuilder(lead);
    if (!reported.qualifier().isPointValue()) {
      String relation = bound(reported.qualifier());
      if (satisfies(point, reported)) {
        detail
            .append(' ')
            .append(text)
            .append(' ')
            .append(relation)
            .append(' ')
            .append(reported.valueText())
            .append(", as printed ('")
            .append(reported.asReported())
            .append("').");
        return new ClaimResult(
            claim, Verdict.REPRODUCED, point.doubleValue(), text, Double.NaN, detail.toString());
      }
      detail
          .append(' ')
          .append(text)
          .append(" is not ")
          .append(relation)
          .append(' ')
          .append(reported.valueText())
          .append(", the bound read from '")
          .append(reported.asReported())
          .append("'.");
      boolean reachable = rounded && (satisfies(low, reported) || satisfies(high, reported));
      if (reachable) {
        detail
            .append(" Allowing each input its range, the value lies between ")
            .append(Decimals.round(low, shown))
            .append(" and ")
            .append(Decimals.round(high, shown))
            .append(
                ", part of which satisfies the bound: undecidable without the unrounded"
                    + " inputs.");
      }
      return new ClaimResult(
          claim,
          reachable ? Verdict.NOT_CHECKABLE : Verdict.DISCREPANCY,
          point.doubleValue(),
          text,
          Double.NaN,
          detail.toString());
    }
    BigDecimal difference = point.subtract(reported.exactValue());
    String precision = precision(reported.decimals());
    String roundedText = Decimals.plain(point.setScale(reported.decimals(), RoundingMode.HALF_UP));
    if (reported.roundsTo(point, RoundingMode.HALF_UP)) {
      detail
          .append(" Rounded half-up ")
          .append(precision)
          .append(": ")
          .append(roundedText)
          .append(", as printed ('")
          .append(reported.asReported())
          .append("').");
      return new ClaimResult(
          claim,
          Verdict.REPRODUCED,
          point.doubleValue(),
          text,
          difference.doubleValue(),
          detail.toString());
    }
    detail
        .append(" Rounded half-up ")
        .append(precision)
        .append(": ")
        .append(roundedText)
        .append(", not the printed ")
        .append(reported.valueText())
        .append(" ('")
        .append(reported.asReported())
        .append("').");
    List<String> conventions = new ArrayList<>();
    if (reported.roundsTo(point, RoundingMode.DOWN)) {
      conventions.add("truncation");
    }
    if (reported.roundsTo(point, RoundingMode.HALF_EVEN)) {
      conventions.add("half-even rounding");
    }
    if (reported.roundsTo(point, RoundingMode.UP)) {
      conventions.add("rounding up");
    }
    if (!conventions.isEmpty()) {
      detail
          .append(' ')
          .append(reported.valueText())
          .append(" follows from ")
          .append(text)
          .append(" by ")
          .append(String.join(" or ", conventions))
          .append('.');
    }
    Verdict verdict = Verdict.DISCREPANCY;
    if (rounded && overlaps(low, high, reported.lowerLimit(), reported.upperLimit())) {
      verdict = Verdict.NOT_CHECKABLE;
      detail
          .append(" Allowing each input its range, the value lies between ")
          .append(Decimals.round(low, shown))
          .append(" and ")
          .append(Decimals.round(high, shown))
          .append(", which includes values that round to ")
          .append(reported.valueText())
          .append(": undecidable without the unrounded inputs.");
    } else if (rounded) {
      detail
          .append(" Even allowing each input its range, the value stays between ")
          .append(Decimals.round(low, shown))
          .append(" and ")
          .append(Decimals.round(high, shown))
          .append('.');
    }
    detail.append(" Difference ").append(Decimals.signed(difference, shown));
    if (reported.exactValue().signum() != 0) {
      BigDecimal relative =
          difference
              .multiply(Decimals.HUNDRED)
              .divide(reported.exactValue().abs(), Decimals.CONTEXT);
      detail
          .append(" (")
          .append(Decimals.signedSignificant(relative))
          .append("% of the printed value)");
    }
    detail.append('.');
    return new ClaimResult(
        claim, verdict, point.doubleValue(), text, difference.doubleValue(), detail.toString());
  }

  private static boolean satisfies(BigDecimal x, Reported bound) {
    int c = x.compareTo(bound.exactValue());
    return switch (bound.qualifier()) {
      case MORE_THAN -> c > 0;
      case AT_LEAST -> c >= 0;
      case UP_TO -> c <= 0;
      default -> throw new IllegalStateException("not a bound: " + bound.qualifier());
    };
  }

  private static String bound(Qualifier qualifier) {
    return switch (qualifier) {
      case MORE_THAN -> ">";
      case AT_LEAST -> ">=";
      case UP_TO -> "<=";
      default -> throw new IllegalStateException("not a bound: " + qualifier);
    };
  }

  /** Whether [low, high] and [from, to] overlap over a positive length. */
  private static boolean overlaps(BigDecimal low, BigDecimal high, BigDecimal from, BigDecimal to) {
    return low.max(from).compareTo(high.min(to)) < 0;
  }

  private static String precision(int decimals) {
    if (decimals > 0) {
      return "to " + decimals + (decimals == 1 ? " decimal" : " decimals");
    }
    if (decimals == 0) {
      return "to a whole number";
    }
    return "to the nearest " + Decimals.plain(BigDecimal.ONE.scaleByPowerOfTen(-decimals));
  }

  /** Decimals shown for recomputed values: two more than printed, at least two. */
  private static int shownDecimals(Reported reported) {
    return Math.max(reported.decimals(), 0) + 2;
  }

  // ---------------------------------------------------------------- helpers

  /** An operand's value: its point value, the range over its printed rounding, and a label. */
  private record Value(BigDecimal point, BigDecimal low, BigDecimal high, String label) {}

  private Value value(ClaimCheck.Operand operand) {
    if (operand instanceof ClaimCheck.Constant c) {
      return new Value(c.value(), c.value(), c.value(), Decimals.plain(c.value()));
    }
    Claim claim = lookup(claims, ((ClaimCheck.ClaimValue) operand).claimId(), "claim");
    Reported r = claim.reported();
    return new Value(
        r.exactValue(), r.lowerLimit(), r.upperLimit(), r.valueText() + " [" + claim.id() + "]");
  }

  private static BigDecimal percent(long events, long n) {
    return BigDecimal.valueOf(events)
        .multiply(Decimals.HUNDRED)
        .divide(BigDecimal.valueOf(n), Decimals.CONTEXT);
  }

  private static String compatibleCounts(long[] range, long n, int shown) {
    if (range[0] > range[1]) {
      return "none";
    }
    long count = range[1] - range[0] + 1;
    if (count > 12) {
      return "every count from " + range[0] + " to " + range[1] + " (" + count + " counts)";
    }
    StringJoiner list = new StringJoiner(", ");
    for (long k = range[0]; k <= range[1]; k++) {
      list.add(k + " (" + Decimals.round(percent(k, n), shown) + "%)");
    }
    return list.toString();
  }

  /**
   * {@code P(X >= observed)} for X Poisson with the given mean, as {@code P(Gamma(observed, 1) <=
   * mean)}: the same regularized incomplete gamma function Commons Statistics uses for the Poisson
   * survival function, without its int limit on the count.
   */
  /** {@code 1 / (1 - 2^(-tau / halfLife))}, written with expm1 to keep precision near 1. */
  private static double accumulationRatio(double tau, double halfLife) {
    return -1 / Math.expm1(-LN2 * tau / halfLife);
  }

  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") ? t : t + ".";
  }

  private static ClaimResult notCheckable(Claim claim, String detail) {
    return new ClaimResult(claim, Verdict.NOT_CHECKABLE, Double.NaN, "", Double.NaN, detail);
  }

  private static ClaimResult withDetail(ClaimResult r, String detail) {
    return new ClaimResult(
        r.claim(), r.verdict(), r.recomputed(), r.recomputedText(), r.difference(), detail);
  }

  private static <T> T lookup(Map<String, T> map, String id, String kind) {
    T value = map.get(id);
    if (value == null) {
      throw new IllegalArgumentException("the dataset has no " + kind + " '" + id + "'");
    }
    return value;
  }
}
