package org.trialstats.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.trialstats.evidence.Arm;
import org.trialstats.evidence.ClaimChecker;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Dataset;
import org.trialstats.evidence.RateFigure;
import org.trialstats.evidence.SirFigure;
import org.trialstats.evidence.StratifiedComparison;
import org.trialstats.io.Numbers;
import org.trialstats.stats.ChiSquareStatistic;
import org.trialstats.stats.Counts;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.OddsRatioMethod;
import org.trialstats.stats.ProportionMethod;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.Request;
import org.trialstats.stats.Result;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;
import org.trialstats.stats.SirMethod;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedAnalysis;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.StratifiedTest;
import org.trialstats.stats.TwoByTwo;
import org.trialstats.stats.TwoByTwoTest;

/**
 * Everything {@code reproduce} recomputes from a dataset: estimates for every two-arm comparison
 * with counts, rates and SIRs, the sensitivity of the risk difference to counts derived from
 * rounded percentages, and the check of every reported claim.
 *
 * @param dataset the dataset analysed
 * @param level confidence level of every interval
 * @param results every estimate, in dataset order
 * @param sensitivity risk-difference intervals for every combination of whole counts compatible
 *     with reported percentages
 * @param claims the verdict for every claim
 * @param stratified the common estimates and tests of every stratified comparison, in dataset order
 *     (their rows are also in {@code results})
 */
public record EvidenceAnalysis(
    Dataset dataset,
    double level,
    List<ResultRow> results,
    List<SensitivityRow> sensitivity,
    List<ClaimResult> claims,
    List<StratifiedResult> stratified) {

  public EvidenceAnalysis {
    results = List.copyOf(results);
    sensitivity = List.copyOf(sensitivity);
    claims = List.copyOf(claims);
    stratified = List.copyOf(stratified);
  }

  /** Interval for each arm's proportion (Wilson). */
  public static final ProportionMethod PROPORTION_METHOD = ProportionMethod.WILSON;

  /** Interval for the risk difference in the sensitivity analysis and the RD chart (Newcombe). */
  public static final RiskDifferenceMethod RD_METHOD = RiskDifferenceMethod.NEWCOMBE;

  /** Exact (Garwood) Poisson interval for rates. */
  public static final RateMethod RATE_METHOD = RateMethod.EXACT;

  /** Exact Poisson interval and test for SIRs. */
  public static final SirMethod SIR_METHOD = SirMethod.EXACT;

  /**
   * The estimates reported for every two-arm comparison, in report order. Newcombe and
   * Miettinen-Nurminen for the risk difference, Koopman and Miettinen-Nurminen score intervals for
   * the risk ratio, Miettinen-Nurminen score and Cornfield exact intervals for the odds ratio, NNT
   * from the Newcombe interval, Pearson chi-square and Fisher exact tests.
   */
  public static final List<StatMethod> COMPARISON_METHODS =
      List.of(
          RiskDifferenceMethod.NEWCOMBE,
          RiskDifferenceMethod.MN,
          RiskRatioMethod.KOOPMAN,
          RiskRatioMethod.MN,
          OddsRatioMethod.MN,
          OddsRatioMethod.EXACT_CONDITIONAL,
          MethodCatalogue.find(Measure.NNT, RiskDifferenceMethod.NEWCOMBE.id()),
          TwoByTwoTest.CHISQ,
          TwoByTwoTest.FISHER);

  /**
   * The common estimates reported for every stratified comparison, in report order: the
   * Mantel-Haenszel estimators (risk difference with Sato's variance, risk ratio with the
   * Greenland-Robins variance, odds ratio with the Robins-Breslow-Greenland variance), the
   * stratified Miettinen-Nurminen score intervals (MN weights), the stratified Newcombe interval
   * (CMH weights) and the exact conditional interval for the common odds ratio.
   */
  public static final List<StratifiedMethod> STRATIFIED_METHODS =
      List.of(
          StratifiedMethod.RD_MH,
          StratifiedMethod.RD_MN,
          StratifiedMethod.RD_NEWCOMBE,
          StratifiedMethod.RR_MH,
          StratifiedMethod.RR_MN,
          StratifiedMethod.OR_MH,
          StratifiedMethod.OR_MN,
          StratifiedMethod.OR_EXACT_CONDITIONAL);

  /**
   * The tests reported for every stratified comparison: Cochran-Mantel-Haenszel without and with
   * continuity correction, Breslow-Day and Breslow-Day-Tarone.
   */
  public static final List<StratifiedTest> STRATIFIED_TESTS = List.of(StratifiedTest.values());

  /**
   * The risk-difference interval for one combination of whole counts.
   *
   * @param comparison comparison id
   * @param events1 events in the treatment arm
   * @param n1 treatment arm size
   * @param events2 events in the control arm
   * @param n2 control arm size
   * @param estimate risk difference
   * @param lower lower limit
   * @param upper upper limit
   * @param primary whether these are the counts used in the main results
   */
  public record SensitivityRow(
      String comparison,
      long events1,
      long n1,
      long events2,
      long n2,
      double estimate,
      double lower,
      double upper,
      boolean primary) {}

  /** Analyses a dataset at the given confidence level. */
  public static EvidenceAnalysis of(Dataset dataset, double level) {
    List<ResultRow> results = new ArrayList<>();
    List<SensitivityRow> sensitivity = new ArrayList<>();
    for (Comparison c : dataset.comparisons()) {
      analyseComparison(c, level, results, sensitivity);
    }
    for (RateFigure r : dataset.rates()) {
      results.add(
          row(
              r.id(),
              r.endpoint(),
              "per " + Numbers.significant(r.per(), 6) + " patient-years",
              RATE_METHOD,
              level,
              () -> new Counts.Rate(r.events(), r.patientYears(), r.per())));
    }
    for (SirFigure s : dataset.sirs()) {
      results.add(
          row(
              s.id(),
              s.endpoint(),
              "observed vs expected",
              SIR_METHOD,
              level,
              () -> new Counts.Sir(s.observed(), s.expected())));
    }
    List<StratifiedResult> stratified = new ArrayList<>();
    for (StratifiedComparison c : dataset.stratified()) {
      StratifiedResult s = analyseStratified(c, level);
      stratified.add(s);
      results.addAll(s.estimates());
      results.addAll(s.tests());
    }
    return new EvidenceAnalysis(
        dataset, level, results, sensitivity, ClaimChecker.check(dataset), stratified);
  }

  /** The common estimates and tests of one stratified comparison. */
  private static StratifiedResult analyseStratified(StratifiedComparison c, double level) {
    StratifiedTables tables = c.tables();
    String subject =
        c.treatment()
            + " vs "
            + c.control()
            + ", "
            + c.strata().size()
            + " strata of "
            + c.stratifiedBy();
    List<ResultRow> estimates = new ArrayList<>();
    for (StratifiedMethod m : STRATIFIED_METHODS) {
      Estimate e;
      try {
        e = StratifiedAnalysis.of(m, tables, level).estimate();
      } catch (StatsException ex) {
        estimates.add(notComputable(c.id(), c.endpoint(), subject, m, level, ex));
        continue;
      }
      estimates.add(
          new ResultRow(
              c.id(),
              c.endpoint(),
              subject,
              m,
              e.estimate(),
              e.lower(),
              e.upper(),
              e.level(),
              Double.NaN,
              e.note()));
    }
    List<ResultRow> tests = new ArrayList<>();
    for (StratifiedTest t : STRATIFIED_TESTS) {
      ChiSquareStatistic x = t.test(tables);
      tests.add(
          new ResultRow(
              c.id(),
              c.endpoint(),
              subject,
              t,
              x.statistic(),
              Double.NaN,
              Double.NaN,
              Double.NaN,
              x.pValue(),
              x.defined()
                  ? "chi-square with " + x.df() + " df"
                  : "not computable: no stratum has both events and non-events"));
    }
    return new StratifiedResult(c, estimates, tests);
  }

  private static ResultRow notComputable(
      String figure,
      String endpoint,
      String subject,
      StatMethod method,
      double level,
      StatsException e) {
    return new ResultRow(
        figure,
        endpoint,
        subject,
        method,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        level,
        Double.NaN,
        "not computable: " + e.getMessage());
  }

  private static void analyseComparison(
      Comparison c, double level, List<ResultRow> results, List<SensitivityRow> sensitivity) {
    Arm t = c.treatment();
    Arm k = c.control();
    long x1 = t.primaryEvents();
    long x2 = k.primaryEvents();
    results.add(
        row(
            c.id(),
            c.endpoint(),
            t.label(),
            PROPORTION_METHOD,
            level,
            () -> new Counts.Proportion(x1, t.n())));
    results.add(
        row(
            c.id(),
            c.endpoint(),
            k.label(),
            PROPORTION_METHOD,
            level,
            () -> new Counts.Proportion(x2, k.n())));
    String contrast = t.label() + " vs " + k.label();
    for (StatMethod m : COMPARISON_METHODS) {
      results.add(
          row(
              c.id(),
              c.endpoint(),
              contrast,
              m,
              level,
              () -> new Counts.TwoArms(TwoByTwo.of(x1, t.n(), x2, k.n()))));
    }
    if (t.eventsDerived() || k.eventsDerived()) {
      for (long e1 : t.compatibleEvents()) {
        for (long e2 : k.compatibleEvents()) {
          Result rd =
              MethodCatalogue.compute(Request.twoArms(RD_METHOD, e1, t.n(), e2, k.n(), level));
          sensitivity.add(
              new SensitivityRow(
                  c.id(),
                  e1,
                  t.n(),
                  e2,
                  k.n(),
                  rd.value(),
                  rd.lower(),
                  rd.upper(),
                  e1 == x1 && e2 == x2));
        }
      }
    }
  }

  /**
   * One result row; counts the method cannot take (built inside, so that their error is caught too)
   * and data the method cannot estimate from give a row marked not computable.
   */
  private static ResultRow row(
      String figure,
      String endpoint,
      String subject,
      StatMethod method,
      double level,
      Supplier<Counts> counts) {
    try {
      Result e = MethodCatalogue.compute(new Request(method, counts.get(), level));
      return new ResultRow(
          figure,
          endpoint,
          subject,
          method,
          e.value(),
          e.lower(),
          e.upper(),
          e.level(),
          e.pValue(),
          e.note());
    } catch (StatsException e) {
      return notComputable(figure, endpoint, subject, method, level, e);
    }
  }

  /** The distinct methods used in the results, in first-use order (for the methods section). */
  public List<StatMethod> methodsUsed() {
    Set<StatMethod> used = new LinkedHashSet<>();
    for (ResultRow r : results) {
      used.add(r.method());
    }
    return List.copyOf(used);
  }

  /** The result of one figure computed with one method, if present. */
  public Optional<ResultRow> result(String figure, StatMethod method) {
    return results.stream()
        .filter(r -> r.figure().equals(figure) && r.method().equals(method))
        .findFirst();
  }
}
