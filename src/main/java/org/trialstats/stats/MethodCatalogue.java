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
   * @param r the measure, method id and the counts the measure needs
   * @return the {@link Estimate} with its interval (rates and rate differences scaled by {@code
   *     per}), or the {@link TestResult}
   * @throws StatsException when a needed count is missing, invalid or above {@link #MAX_COUNT}, or
   *     the method does not apply to these counts
   */
  public static Result compute(Request r) {
    ConfidenceLevel.check(r.level());
    checkCount(r.events1(), "events1");
    checkCount(r.n1(), "n1");
    checkCount(r.events2(), "events2");
    checkCount(r.n2(), "n2");
    StatMethod method = find(r.measure(), r.method());
    return switch (r.measure()) {
      case PROPORTION -> ((ProportionMethod) method).interval(arm1(r), r.level());
      case RD -> ((RiskDifferenceMethod) method).interval(table(r), r.level());
      case RR -> ((RiskRatioMethod) method).interval(table(r), r.level());
      case OR -> ((OddsRatioMethod) method).interval(table(r), r.level());
      case NNT -> NumberNeededToTreat.of(table(r), ((NntMethod) method).rd(), r.level());
      case TEST -> ((TwoByTwoTest) method).test(table(r));
      case RATE -> ((RateMethod) method).interval(rate1(r), r.level()).scaled(per(r));
      case RATE_RATIO -> ((RateRatioMethod) method).interval(rate1(r), rate2(r), r.level());
      case RATE_DIFF ->
          ((RateDifferenceMethod) method).interval(rate1(r), rate2(r), r.level()).scaled(per(r));
      case SIR ->
          ((SirMethod) method).interval(required(r.events1(), "events1"), expected(r), r.level());
    };
  }

  private static Binomial arm1(Request r) {
    return new Binomial(required(r.events1(), "events1"), required(r.n1(), "n1"));
  }

  private static TwoByTwo table(Request r) {
    return new TwoByTwo(
        arm1(r), new Binomial(required(r.events2(), "events2"), required(r.n2(), "n2")));
  }

  private static PoissonCount rate1(Request r) {
    return new PoissonCount(required(r.events1(), "events1"), required(r.exposure1(), "exposure1"));
  }

  private static PoissonCount rate2(Request r) {
    return new PoissonCount(required(r.events2(), "events2"), required(r.exposure2(), "exposure2"));
  }

  private static double expected(Request r) {
    double e = required(r.expected(), "expected");
    if (!(e > 0) || Double.isInfinite(e)) {
      throw new StatsException("expected must be a finite positive number, got " + e);
    }
    return e;
  }

  private static double per(Request r) {
    if (!(r.per() > 0) || Double.isInfinite(r.per())) {
      throw new StatsException("per must be a finite positive number, got " + r.per());
    }
    return r.per();
  }

  private static void checkCount(Long count, String field) {
    if (count != null && count > MAX_COUNT) {
      throw new StatsException(
          field
              + " = "
              + count
              + " is above 2 x 10^9 (2,000,000,000), the"
              + " largest count trialstats is validated for");
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new StatsException(field + " is required for this measure");
    }
    return value;
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
