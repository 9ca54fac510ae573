package org.trialstats.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of every method trialstats offers, and the single entry point that evaluates a
 * {@link Request} with the method it names. The command line ({@code ci}, {@code batch}, {@code
 * methods}) and the reports are thin layers over this class.
 */
public final class MethodCatalogue {
  private static final List<StatMethod> ALL = buildCatalogue();
  // Built once: batch looks a method up for every row.
  private static final Map<Measure, List<StatMethod>> BY_MEASURE = byMeasure();

  /**
   * The largest count (events or subjects) a request may carry, 2 x 10^9: the largest count of the
   * validation suite's references (mpmath, R), up to which the results are accurate to their stated
   * tolerance. Beyond it results are not validated, some root searches leave their bracket (near
   * 2^63 an interval excluded its own estimate) and the exact conditional methods slow down without
   * bound.
   */
  public static final long MAX_COUNT = 2_000_000_000L;

  private MethodCatalogue() {}

  private static List<StatMethod> buildCatalogue() {
    List<StatMethod> all = new ArrayList<>();
    all.addAll(Arrays.asList(ProportionMethod.values()));
    all.addAll(Arrays.asList(RiskDifferenceMethod.values()));
    all.addAll(Arrays.asList(RiskRatioMethod.values()));
    all.addAll(Arrays.asList(OddsRatioMethod.values()));
    for (RiskDifferenceMethod rd : RiskDifferenceMethod.values()) {
      all.add(new NntMethod(rd));
    }
    all.addAll(Arrays.asList(RateMethod.values()));
    all.addAll(Arrays.asList(RateRatioMethod.values()));
    all.addAll(Arrays.asList(RateDifferenceMethod.values()));
    all.addAll(Arrays.asList(SirMethod.values()));
    all.addAll(Arrays.asList(TwoByTwoTest.values()));
    return Collections.unmodifiableList(all);
  }

  private static Map<Measure, List<StatMethod>> byMeasure() {
    Map<Measure, List<StatMethod>> map = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      map.put(measure, ALL.stream().filter(m -> m.measure() == measure).toList());
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Every method, grouped by measure in catalogue order.
   *
   * @return the unmodifiable list of every method
   */
  public static List<StatMethod> all() {
    return ALL;
  }

  /**
   * The methods of one measure, in catalogue order.
   *
   * @param measure the measure
   * @return its methods (unmodifiable)
   */
  public static List<StatMethod> forMeasure(Measure measure) {
    return BY_MEASURE.get(measure);
  }

  /**
   * Finds a method by measure and id (case-insensitive).
   *
   * @param measure the measure the method belongs to
   * @param id the method id within the measure
   * @return the method
   * @throws StatsException naming the valid ids when there is no such method
   */
  public static StatMethod find(Measure measure, String id) {
    return StatMethod.byId(forMeasure(measure), id);
  }

  /**
   * Evaluates a request.
   *
   * @param r the method, the counts its measure needs and the level
   * @return the {@link Estimate} with its interval (rates and rate differences scaled by {@code
   *     per}), or the {@link TestResult}
   * @throws StatsException when the method does not apply to these counts (an undefined estimate, a
   *     table too large for an exact method)
   */
  public static Result compute(Request r) {
    StatMethod method = r.method();
    Counts counts = r.counts();
    double level = r.level();
    return switch (method.measure()) {
      case PROPORTION ->
          ((ProportionMethod) method).interval(((Counts.Proportion) counts).binomial(), level);
      case RD -> ((RiskDifferenceMethod) method).interval(table(counts), level, bergerBoos(counts));
      case RR -> ((RiskRatioMethod) method).interval(table(counts), level, bergerBoos(counts));
      case OR -> ((OddsRatioMethod) method).interval(table(counts), level);
      case NNT -> NumberNeededToTreat.of(table(counts), ((NntMethod) method).rd(), level);
      case TEST -> ((TwoByTwoTest) method).test(table(counts));
      case RATE -> {
        Counts.Rate rate = (Counts.Rate) counts;
        yield ((RateMethod) method).interval(rate.count(), level).scaled(rate.per());
      }
      case RATE_RATIO -> {
        Counts.TwoRates rates = (Counts.TwoRates) counts;
        yield ((RateRatioMethod) method).interval(rates.treatment(), rates.control(), level);
      }
      case RATE_DIFF -> {
        Counts.TwoRates rates = (Counts.TwoRates) counts;
        yield ((RateDifferenceMethod) method)
            .interval(rates.treatment(), rates.control(), level)
            .scaled(rates.per());
      }
      case SIR -> {
        Counts.Sir sir = (Counts.Sir) counts;
        yield ((SirMethod) method).interval(sir.observed(), sir.expected(), level);
      }
    };
  }

  /**
   * Whether a method takes the Berger-Boos restriction ({@link Counts.TwoArms#bergerBoos()}): the
   * exact unconditional intervals of the risk difference (score and raw statistic) and of the risk
   * ratio, computed by {@link UnconditionalExactInterval}.
   *
   * @param method a method of the catalogue
   * @return whether a Berger-Boos gamma &gt; 0 applies to it
   */
  public static boolean acceptsBergerBoos(StatMethod method) {
    return method == RiskDifferenceMethod.EXACT_UNCONDITIONAL
        || method == RiskDifferenceMethod.EXACT_UNCONDITIONAL_RAW
        || method == RiskRatioMethod.EXACT_UNCONDITIONAL;
  }

  private static TwoByTwo table(Counts counts) {
    return ((Counts.TwoArms) counts).table();
  }

  private static double bergerBoos(Counts counts) {
    return ((Counts.TwoArms) counts).bergerBoos();
  }

  /** Checks a rate multiplier: finite and positive. */
  static void checkPer(double per) {
    if (!(per > 0) || Double.isInfinite(per)) {
      throw new StatsException("per must be a finite positive number, got " + per);
    }
  }

  /**
   * Checks a count against {@link #MAX_COUNT}.
   *
   * @param count the count
   * @param field the name of the count in the message
   * @throws StatsException when the count is above {@link #MAX_COUNT}
   */
  public static void checkCount(long count, String field) {
    if (count > MAX_COUNT) {
      throw new StatsException(
          field
              + " = "
              + count
              + " is above 2 x 10^9 (2,000,000,000), the"
              + " largest count trialstats is validated for");
    }
  }

  /** The NNT entry of the catalogue for one risk-difference method. */
  record NntMethod(RiskDifferenceMethod rd) implements StatMethod {
    @Override
    public Measure measure() {
      return Measure.NNT;
    }

    @Override
    public String id() {
      return rd.id();
    }

    @Override
    public long maxTables() {
      return rd.maxTables();
    }

    @Override
    public MethodInfo info() {
      MethodInfo base = rd.info();
      return new MethodInfo(
          "NNT from " + base.name(),
          "NNT = 1 / RD; limits 1 / RD limits (Altman 1998). When the RD interval includes 0 the"
              + " NNT interval is the disjoint pair NNT(harm) |1/lower| to infinity and"
              + " NNT(benefit) 1/upper to infinity. RD interval: "
              + base.formula(),
          "Altman DG. Confidence intervals for the number needed to treat. BMJ"
              + " 1998;317:1309-1312. RD interval: "
              + base.reference(),
          "1 / limits of: " + base.sas(),
          "1 / limits of: " + base.r(),
          "1 / limits of: " + base.python());
    }
  }
}
