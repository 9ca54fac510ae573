package org.trialstats.evidence;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trialstats.stats.IntervalPValue;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTest;
import org.trialstats.stats.TestStatistic;

/**
 * How a {@link Claim}'s figure is recomputed, or why it cannot be. Each kind is written in {@code
 * claims.yaml} as {@code check: {kind: ..., ...}} (see the dataset README); every kind accepts an
 * optional reviewer {@code note} (an assumption or interpretation), printed with the result. {@link
 * ClaimChecker} documents the arithmetic and verdict rules of each kind.
 */
public sealed interface ClaimCheck {

  /** The kind's name in dataset files, e.g. {@code arm-percent}. */
  String kind();

  /** The reviewer's note, empty when none. */
  String note();

  /**
   * An input of an arithmetic check: another claim's printed value (with its rounding) or an exact
   * constant such as 12 months per year.
   */
  sealed interface Operand {}

  /**
   * The printed value of another claim, taken as any value that rounds to it: {@code value ±
   * halfUnit}. The claim's qualifier must be exact or about.
   *
   * @param claimId the claim's id
   */
  record ClaimValue(String claimId) implements Operand {
    public ClaimValue {
      Objects.requireNonNull(claimId, "claimId");
    }
  }

  /**
   * An exact constant (a unit conversion such as 12 months per year).
   *
   * @param value the constant
   */
  record Constant(BigDecimal value) implements Operand {
    public Constant {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The percentage of one arm of a comparison, {@code 100 events / n}. Without a {@code reported}
   * value of its own the claim is the arm's printed percentage; with one, it is a cross-check of
   * another figure against the arm (e.g. "about 70%" against 1235/1729).
   *
   * @param comparisonId the comparison
   * @param side which arm
   * @param note reviewer's note, empty when none
   */
  record ArmPercent(String comparisonId, Comparison.Side side, String note) implements ClaimCheck {
    public ArmPercent {
      Objects.requireNonNull(comparisonId, "comparisonId");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "arm-percent";
    }
  }

  /**
   * A difference of two printed values, {@code minuend - subtrahend} (e.g. a difference from
   * placebo in percentage points).
   *
   * @param minuend the value subtracted from
   * @param subtrahend the value subtracted
   * @param note reviewer's note, empty when none
   */
  record Difference(Operand minuend, Operand subtrahend, String note) implements ClaimCheck {
    public Difference {
      Objects.requireNonNull(minuend, "minuend");
      Objects.requireNonNull(subtrahend, "subtrahend");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "difference";
    }
  }

  /**
   * A total against the sum of its parts. The parts are counts taken as exact (whole numbers); the
   * total is judged at its printed precision.
   *
   * @param parts the parts, at least two
   * @param note reviewer's note, empty when none
   */
  record Sum(List<Operand> parts, String note) implements ClaimCheck {
    public Sum {
      parts = List.copyOf(parts);
      if (parts.size() < 2) {
        throw new IllegalArgumentException("a sum needs at least two parts, got " + parts.size());
      }
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "sum";
    }
  }

  /**
   * A product of factors divided by divisors (e.g. patients x mean months / 12 against
   * patient-years, or a unit conversion). All operands must be positive.
   *
   * @param factors the factors, at least one
   * @param divisors the divisors, possibly none
   * @param note reviewer's note, empty when none
   */
  record Product(List<Operand> factors, List<Operand> divisors, String note) implements ClaimCheck {
    public Product {
      factors = List.copyOf(factors);
      divisors = List.copyOf(divisors);
      if (factors.isEmpty()) {
        throw new IllegalArgumentException("a product needs at least one factor");
      }
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "product";
    }
  }

  /**
   * The same figure printed elsewhere: the recomputed value is the other claim's printed value.
   *
   * @param claimId the other claim
   * @param note reviewer's note, empty when none
   */
  record CrossCheck(String claimId, String note) implements ClaimCheck {
    public CrossCheck {
      Objects.requireNonNull(claimId, "claimId");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "cross-check";
    }
  }

  /**
   * A rate figure's printed rate against {@code events / patient-years * per}.
   *
   * @param rateId the {@link RateFigure}
   * @param patientYearsClaimId a claim printing the person-time with its rounding (e.g. "about
   *     6,400" at -2 decimals), whose value must equal the figure's patient-years; null when the
   *     person-time is taken as exact
   * @param note reviewer's note, empty when none
   */
  record Rate(String rateId, String patientYearsClaimId, String note) implements ClaimCheck {
    public Rate {
      Objects.requireNonNull(rateId, "rateId");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "rate";
    }
  }

  /**
   * A SIR figure's printed ratio against {@code observed / expected}.
   *
   * @param sirId the {@link SirFigure}
   * @param expectedDerivedFromRatio true when the figure's expected count was not printed but
   *     derived from the printed ratio, which makes the check circular (the verdict is then not
   *     checkable); set by the loader
   * @param note reviewer's note, empty when none
   */
  record Ratio(String sirId, boolean expectedDerivedFromRatio, String note) implements ClaimCheck {
    public Ratio {
      Objects.requireNonNull(sirId, "sirId");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "ratio";
    }
  }

  /**
   * A statement that an observed count is (or is not) significantly above its expected count,
   * checked with the one-sided exact Poisson test {@code P(X >= observed | mean = expected)}. The
   * claim's reported value is the significance level read from the wording, with qualifier up-to
   * ("significant": p &lt;= level) or more-than ("not significant").
   *
   * @param sirId the {@link SirFigure} giving observed and expected
   * @param expectedClaimId a claim printing the expected count with its rounding ("1 case
   *     expected"), whose value must equal the figure's expected; null when taken as exact
   * @param note reviewer's note, empty when none
   */
  record PoissonTail(String sirId, String expectedClaimId, String note) implements ClaimCheck {
    public PoissonTail {
      Objects.requireNonNull(sirId, "sirId");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "poisson-tail";
    }
  }

  /**
   * A printed common estimate, confidence limit, test statistic or p-value of a {@link
   * StratifiedComparison}, recomputed from its strata with one stratified method (e.g. the
   * Mantel-Haenszel odds ratio's upper 95% limit, or the Cochran-Mantel-Haenszel p-value).
   *
   * @param comparisonId the stratified comparison
   * @param method a {@link StratifiedMethod} (interval of a common RD, RR or OR) or a {@link
   *     StratifiedTest}
   * @param quantity which number of the method's result is printed
   * @param level confidence level of an interval method; null for a test
   * @param note reviewer's note, empty when none
   */
  record Stratified(
      String comparisonId, StatMethod method, Quantity quantity, BigDecimal level, String note)
      implements ClaimCheck {
    public Stratified {
      Objects.requireNonNull(comparisonId, "comparisonId");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(note, "note");
      if (!(method instanceof StratifiedMethod || method instanceof StratifiedTest)) {
        throw new IllegalArgumentException("not a stratified method: " + method);
      }
      if (quantity.forTest() != (method instanceof StratifiedTest)) {
        throw new IllegalArgumentException(quantity.yamlName() + " is not a result of " + method);
      }
      if ((level == null) != (method instanceof StratifiedTest)) {
        throw new IllegalArgumentException("a level is needed for intervals, and only for them");
      }
    }

    @Override
    public String kind() {
      return "stratified";
    }

    /** The printed number of a stratified result. */
    public enum Quantity {
      /** The common estimate of an interval method. */
      ESTIMATE("estimate", false),
      /** Its lower confidence limit. */
      LOWER("lower", false),
      /** Its upper confidence limit. */
      UPPER("upper", false),
      /** The chi-square statistic of a test. */
      STATISTIC("statistic", true),
      /** The p-value of a test. */
      P_VALUE("p-value", true);

      private final String yamlName;
      private final boolean forTest;

      Quantity(String yamlName, boolean forTest) {
        this.yamlName = yamlName;
        this.forTest = forTest;
      }

      /** The spelling used in dataset files. */
      public String yamlName() {
        return yamlName;
      }

      /** Whether the quantity belongs to a test (otherwise to an interval). */
      public boolean forTest() {
        return forTest;
      }
    }
  }

  /**
   * Expected accumulation under repeated dosing of a drug with first-order elimination: the
   * accumulation ratio {@code R = 1 / (1 - 2^(-tau / t_half))} over a range of half-lives, in
   * hours.
   *
   * @param shortestHalfLife shortest half-life, hours
   * @param longestHalfLife longest half-life, hours
   * @param dosingInterval dosing interval tau, hours
   * @param note reviewer's note, empty when none
   */
  record Accumulation(
      Operand shortestHalfLife, Operand longestHalfLife, Operand dosingInterval, String note)
      implements ClaimCheck {
    public Accumulation {
      Objects.requireNonNull(shortestHalfLife, "shortestHalfLife");
      Objects.requireNonNull(longestHalfLife, "longestHalfLife");
      Objects.requireNonNull(dosingInterval, "dosingInterval");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "accumulation";
    }
  }

  /**
   * A molar mass (g/mol) against the sum of standard atomic weights over a molecular formula.
   *
   * @param formula element symbol to number of atoms, in the order written
   * @param note reviewer's note, empty when none
   */
  record FormulaMass(Map<String, Long> formula, String note) implements ClaimCheck {
    public FormulaMass {
      formula = Collections.unmodifiableMap(new LinkedHashMap<>(formula));
      if (formula.isEmpty()) {
        throw new IllegalArgumentException("a formula needs at least one element");
      }
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "formula-mass";
    }

    /** Whether {@code symbol} is an element whose standard atomic weight is known here. */
    public static boolean knows(String symbol) {
      return List.of(AtomicWeights.symbols().split(", ")).contains(symbol);
    }
  }

  /**
   * A percentage of a number of subjects, printed without a comparison arm ("38% of 250",
   * "1235/1729 (71%)"): with the count, {@code 100 events / n}; without it, whether any whole count
   * out of n gives the printed percentage (the GRIM test of Brown and Heathers 2017), as for {@link
   * ArmPercent}.
   *
   * @param n the number of subjects, at least 1
   * @param events the number with the event (0 to n), null when only the percentage is printed
   * @param note reviewer's note, empty when none
   */
  record Percent(long n, Long events, String note) implements ClaimCheck {
    public Percent {
      if (n < 1) {
        throw new IllegalArgumentException("n must be at least 1, got " + n);
      }
      if (events != null && (events < 0 || events > n)) {
        throw new IllegalArgumentException("events must be between 0 and n = " + n);
      }
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "percent";
    }
  }

  /**
   * A printed estimate against the centre of its printed confidence interval: the arithmetic mean
   * of the limits for a difference, the geometric mean for a ratio (a Wald interval is symmetric
   * around its estimate on that scale). The limits are taken at their printed precision (their
   * decimals are those of the numbers given).
   *
   * @param lower the printed lower limit
   * @param upper the printed upper limit
   * @param scale linear (difference) or log (ratio)
   * @param note reviewer's note, empty when none
   */
  record IntervalCentre(BigDecimal lower, BigDecimal upper, IntervalPValue scale, String note)
      implements ClaimCheck {
    public IntervalCentre {
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
      Objects.requireNonNull(scale, "scale");
      Objects.requireNonNull(note, "note");
      if (lower.compareTo(upper) > 0) {
        throw new IllegalArgumentException("lower must not exceed upper");
      }
    }

    @Override
    public String kind() {
      return "interval-centre";
    }
  }

  /**
   * A printed p-value (or significance wording) against the p-value its estimate and confidence
   * interval imply (Altman and Bland 2011, {@link IntervalPValue}).
   *
   * @param estimate the printed estimate
   * @param lower the printed lower limit
   * @param upper the printed upper limit
   * @param level the confidence level, e.g. 0.95
   * @param scale linear (difference) or log (ratio)
   * @param note reviewer's note, empty when none
   */
  record IntervalP(
      BigDecimal estimate,
      BigDecimal lower,
      BigDecimal upper,
      BigDecimal level,
      IntervalPValue scale,
      String note)
      implements ClaimCheck {
    public IntervalP {
      Objects.requireNonNull(estimate, "estimate");
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(scale, "scale");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "interval-p";
    }
  }

  /**
   * A printed p-value against the p-value of an APA-style test statistic ("t(28) = 2.20, p = .04"),
   * as statcheck checks it: the statistic is taken at its printed precision.
   *
   * @param test the statistic
   * @param df1 first degrees of freedom, null for z
   * @param df2 second degrees of freedom (F only), else null
   * @param statistic the printed value, with its printed decimals
   * @param oneTailedMentioned whether the passage calls the test one-tailed (one-sided,
   *     directional): a one-tailed p-value is then accepted when the two-tailed one is not
   * @param note reviewer's note, empty when none
   */
  record TestStatisticP(
      TestStatistic test,
      BigDecimal df1,
      BigDecimal df2,
      BigDecimal statistic,
      boolean oneTailedMentioned,
      String note)
      implements ClaimCheck {
    public TestStatisticP {
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(statistic, "statistic");
      Objects.requireNonNull(note, "note");
      if (test.degreesOfFreedom() >= 1 && df1 == null
          || test.degreesOfFreedom() == 2 && df2 == null) {
        throw new IllegalArgumentException(test.symbol() + " needs its degrees of freedom");
      }
    }

    @Override
    public String kind() {
      return "test-statistic";
    }
  }

  /**
   * A figure that arithmetic could check if the source gave more data.
   *
   * @param missing what is missing, e.g. "the number of patients in each group"
   * @param note reviewer's note, empty when none
   */
  record NotCheckable(String missing, String note) implements ClaimCheck {
    public NotCheckable {
      Objects.requireNonNull(missing, "missing");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "not-checkable";
    }
  }

  /**
   * A figure kept with its provenance only (a date, a dose, a sample size): no arithmetic relates
   * it to other figures.
   *
   * @param note reviewer's note, empty when none
   */
  record Recorded(String note) implements ClaimCheck {
    public Recorded {
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "recorded";
    }
  }
}
