package org.trialstats.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstats.stats.ConfidenceLevel;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/**
 * Meta-analysis of two-by-two tables, continuous outcomes (means), incidence rates or generic
 * effects: fixed effect (inverse variance, Mantel-Haenszel, Peto) and random effects (DL, REML, PM,
 * ML, SJ, HE estimators of tau^2, with optional Hartung-Knapp-Sidik-Jonkman intervals),
 * heterogeneity statistics, prediction intervals, subgroup analysis, leave-one-out and cumulative
 * analysis. Results agree with R's metafor 3.8-1 ({@code escalc(add = 1/2, to = "only0")}, {@code
 * rma}, {@code rma.mh}, {@code rma.peto}, {@code confint}).
 *
 * <p>Formulas (w_i = 1/(v_i + tau^2), tau^2 = 0 for fixed effect):
 *
 * <ul>
 *   <li>pooled estimate mu = sum w_i y_i / sum w_i, Var(mu) = 1/sum w_i; interval mu +/- z_{1 -
 *       alpha/2} se; test z = mu/se (Hedges &amp; Olkin 1985)
 *   <li>Hartung-Knapp-Sidik-Jonkman: Var_HK(mu) = sum w_i (y_i - mu)^2 / ((k - 1) sum w_i),
 *       interval mu +/- t_{k-1, 1 - alpha/2} se_HK (Hartung &amp; Knapp 2001, Stat Med
 *       20:3875-3889; Sidik &amp; Jonkman 2002, Stat Med 21:3153-3159; Knapp &amp; Hartung 2003,
 *       Stat Med 22:2693-2710), not truncated at 1 (metafor's {@code test = "knha"})
 *   <li>Cochran's Q = sum (y_i - mu_FE)^2 / v_i on k - 1 df; I^2 and H^2 as described in {@link
 *       MetaResult}; Q-profile interval for tau^2 by {@link QProfile}
 *   <li>prediction interval mu +/- c sqrt(tau^2 + se^2) for random effects, c = t_{k-2} for k &gt;=
 *       3 (Higgins, Thompson &amp; Spiegelhalter 2009, eq. 12; the default) or metafor's z (t_{k-1}
 *       with Hartung-Knapp): {@link PredictionMethod}
 *   <li>Hartung-Knapp for a fixed-effect inverse-variance model: Var = Q/((k - 1) sum w), t_{k-1}
 *       (metafor {@code rma(method = "FE", test = "knha")})
 * </ul>
 */
public final class MetaAnalysis {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Fewer studies than this trigger the warning about z-based random-effects intervals. */
  static final int FEW_STUDIES = 5;

  /** A study with fewer events than this in both arms together has sparse events. */
  static final int SPARSE_EVENTS = 5;

  private MetaAnalysis() {}

  /**
   * Pools the studies.
   *
   * @param studies the studies, each with the input the measure needs (counts, arm summaries,
   *     events and person-time, or a generic estimate and variance)
   * @param options measure, model, method, level and adjustments
   * @return the pooled estimate with heterogeneity statistics, study rows and warnings
   * @throws StatsException when the input does not fit the measure (counts vs generic effects), no
   *     study is left after exclusions, or a Mantel-Haenszel ratio is undefined
   */
  public static MetaResult run(List<StudyData> studies, MetaOptions options) {
    checkInput(studies, options);
    EffectMeasure measure = options.measure();
    List<StudyData> included = new ArrayList<>();
    List<ExcludedStudy> excluded = new ArrayList<>();
    for (StudyData s : studies) {
      String reason = exclusionReason(s, options);
      if (reason == null) {
        included.add(s);
      } else {
        excluded.add(new ExcludedStudy(s, reason));
      }
    }
    if (included.isEmpty()) {
      throw new StatsException(
          "no study is left to pool: the "
              + measure.label().toLowerCase(Locale.ROOT)
              + " cannot be estimated from any study ("
              + excluded.get(0).reason()
              + (excluded.size() > 1 ? ", ..." : "")
              + ")"
              + (measure.usesCounts()
                  ? "; the risk difference can use studies without events"
                  : ""));
    }
    return pool(studies, included, excluded, options);
  }

  private static void checkInput(List<StudyData> studies, MetaOptions options) {
    if (studies == null || studies.isEmpty()) {
      throw new StatsException("a meta-analysis needs at least one study");
    }
    EffectMeasure.Input needed = options.measure().input();
    for (StudyData s : studies) {
      if (s.input() != needed) {
        throw new StatsException(
            "study '"
                + s.study()
                + "' is given as "
                + describe(s.input())
                + " but the "
                + options.measure().label().toLowerCase(Locale.ROOT)
                + " needs "
                + describe(needed));
      }
    }
  }

  private static String describe(EffectMeasure.Input input) {
    return switch (input) {
      case TWO_BY_TWO -> "two-by-two counts (events and participants per arm)";
      case MEANS -> "means, standard deviations and participants per arm";
      case PERSON_TIME -> "events and person-time per arm";
      case EFFECT -> "a generic effect (yi, vi)";
    };
  }

  /**
   * Why a study carries no information for the measure, or null when it is pooled.
   *
   * @param s the study
   * @param options the analysis options
   * @return the reason in words, or null
   */
  static String exclusionReason(StudyData s, MetaOptions options) {
    return switch (s.input()) {
      case TWO_BY_TWO -> EffectSizes.exclusionReason(s, options.measure());
      case MEANS -> ContinuousEffects.exclusionReason(s.means(), options.measure());
      case PERSON_TIME -> RateEffects.exclusionReason(s.rates(), options.measure());
      case EFFECT -> null;
    };
  }

  /** The study estimate and variance on the analysis scale. */
  private static EffectSizes.Effect effect(StudyData s, MetaOptions options) {
    return switch (s.input()) {
      case TWO_BY_TWO ->
          options.model() == MetaModel.FIXED
              ? options.fixedMethod().tableEffect(s.table(), options.measure())
              : EffectSizes.of(s.table(), options.measure());
      case MEANS -> ContinuousEffects.of(s.means(), options.measure(), options.smdVariance());
      case PERSON_TIME -> RateEffects.of(s.rates(), options.measure());
      case EFFECT -> new EffectSizes.Effect(s.yi(), s.vi(), 0);
    };
  }

  private static MetaResult pool(
      List<StudyData> input,
      List<StudyData> included,
      List<ExcludedStudy> excluded,
      MetaOptions options) {
    EffectMeasure measure = options.measure();
    int k = included.size();
    double[] y = new double[k];
    double[] v = new double[k];
    double[] added = new double[k];
    for (int i = 0; i < k; i++) {
      EffectSizes.Effect e = effect(included.get(i), options);
      y[i] = e.yi();
      v[i] = e.vi();
      added[i] = e.added();
    }
    List<String> warnings = new ArrayList<>();
    boolean converged = true;
    double level = options.level();
    double z = ConfidenceLevel.z(level);

    WeightedSums fixedSums = new WeightedSums(y, v, 0);
    FixedEffectPool pooled;
    double tau2 = 0;
    double q;
    if (options.model() == MetaModel.FIXED) {
      pooled = options.fixedMethod().pool(y, v, included, excluded, options);
      q = pooled.q();
    } else {
      Tau2Fit fit = Tau2.estimate(options.tau2Estimator(), y, v);
      tau2 = fit.tau2();
      if (fit.note() != null) {
        warnings.add(fit.note());
      }
      converged = fit.converged();
      pooled = FixedEffectPool.inverseVariance(y, v, tau2, options.hksj() && k >= 2, level);
      q = fixedSums.q;
      if (options.hksj() && k < 2) {
        warnings.add(
            "the Hartung-Knapp-Sidik-Jonkman adjustment needs at least 2 studies; the"
                + " z-based interval is shown for this single study");
      }
    }
    warnings.addAll(pooled.warnings());
    double mu = pooled.mu();
    double se = pooled.se();
    double[] weights = pooled.weights();
    double statisticDf = pooled.statisticDf();
    double critical = pooled.critical();
    double hkFactor = pooled.hkFactor();

    if (k == 1) {
      q = 0; // one study: no heterogeneity to measure (exactly 0, as metafor reports it)
    }
    int qDf = k - 1;
    double qPvalue = qDf > 0 ? ChiSquaredDistribution.of(qDf).survivalProbability(q) : Double.NaN;
    double i2 = Double.NaN;
    double h2 = Double.NaN;
    double typicalVariance = k > 1 ? (k - 1) / fixedSums.traceP() : Double.NaN;
    if (k > 1) {
      if (options.model() == MetaModel.FIXED) {
        i2 = q > 0 ? Math.max(0, 100 * (q - qDf) / q) : 0;
        h2 = q / qDf;
      } else {
        i2 = 100 * tau2 / (typicalVariance + tau2);
        h2 = tau2 / typicalVariance + 1;
      }
    }

    double muLower = mu - critical * se;
    double muUpper = mu + critical * se;
    double statistic = mu / se;
    double pvalue =
        Double.isNaN(statisticDf)
            ? 2 * STANDARD_NORMAL.survivalProbability(Math.abs(statistic))
            : 2 * TDistribution.of(statisticDf).survivalProbability(Math.abs(statistic));

    double tau2Lower = Double.NaN;
    double tau2Upper = Double.NaN;
    double i2Lower = Double.NaN;
    double i2Upper = Double.NaN;
    double piLower = Double.NaN;
    double piUpper = Double.NaN;
    if (options.model() == MetaModel.RANDOM) {
      if (k >= 2) {
        QProfile.Interval ci = QProfile.tau2(y, v, level);
        tau2Lower = ci.lower();
        tau2Upper = ci.upper();
        i2Lower = 100 * tau2Lower / (typicalVariance + tau2Lower);
        i2Upper = 100 * tau2Upper / (typicalVariance + tau2Upper);
        if (!ci.converged()) {
          converged = false;
          warnings.add(
              "the Q-profile confidence interval for tau^2 did not converge; its limits are"
                  + " not available");
        }
      }
      double[] pi = options.prediction().limits(mu, se, tau2, k, level, !Double.isNaN(hkFactor));
      piLower = options.toReportScale(pi[0]);
      piUpper = options.toReportScale(pi[1]);
    }

    double sumWeights = 0;
    for (double w : weights) {
      sumWeights += w;
    }
    if (weights.length > k) {
      // Mantel-Haenszel over every table: the first k weights are those of the pooled studies
      weights = java.util.Arrays.copyOf(weights, k);
    }
    List<StudyEffect> effects = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double half = z * Math.sqrt(v[i]);
      effects.add(
          new StudyEffect(
              included.get(i),
              y[i],
              v[i],
              options.toReportScale(y[i]),
              options.toReportScale(y[i] - half),
              options.toReportScale(y[i] + half),
              100 * weights[i] / sumWeights,
              added[i]));
    }

    addWarnings(warnings, included, excluded, options, k, q, tau2, hkFactor, mu);
    boolean allTables =
        options.model() == MetaModel.FIXED && options.fixedMethod() != FixedMethod.IV;
    return new MetaResult(
        options,
        k,
        allTables ? input.size() : k,
        mu,
        se,
        muLower,
        muUpper,
        options.toReportScale(mu),
        options.toReportScale(muLower),
        options.toReportScale(muUpper),
        statistic,
        statisticDf,
        pvalue,
        tau2,
        tau2Lower,
        tau2Upper,
        i2,
        i2Lower,
        i2Upper,
        h2,
        q,
        qDf,
        qPvalue,
        piLower,
        piUpper,
        effects,
        excluded,
        input,
        zeroCellStatement(included, excluded, options),
        converged,
        warnings);
  }

  private static void addWarnings(
      List<String> warnings,
      List<StudyData> included,
      List<ExcludedStudy> excluded,
      MetaOptions options,
      int k,
      double q,
      double tau2,
      double hkFactor,
      double mu) {
    EffectMeasure measure = options.measure();
    if (!excluded.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (ExcludedStudy e : excluded) {
        parts.add(e.study() + " (" + e.reason() + ")");
      }
      boolean mantelHaenszel =
          options.model() == MetaModel.FIXED && options.fixedMethod() != FixedMethod.IV;
      warnings.add(
          "no study estimate of the "
              + measure.label().toLowerCase(Locale.ROOT)
              + " for "
              + String.join(", ", parts)
              + (mantelHaenszel
                  ? "; these studies are counted in k and enter the "
                      + options.fixedMethod().label()
                      + " estimate with their raw counts, but not the heterogeneity"
                      + " statistics (as metafor)"
                  : "; left out of the analysis"));
    }
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (StudyData s : included) {
      if (!seen.add(s.study())) {
        duplicates.add(s.study());
      }
    }
    if (!duplicates.isEmpty()) {
      warnings.add("study labels used more than once: " + String.join(", ", duplicates));
    }
    if (k == 1) {
      warnings.add(
          "only one study: the pooled estimate is that study's estimate and heterogeneity"
              + " (Q, I^2, tau^2) cannot be assessed");
    }
    if (options.model() == MetaModel.RANDOM) {
      if (k > 1 && k < FEW_STUDIES && !options.hksj()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "only %d studies: the z-based random-effects interval is too narrow with few"
                    + " studies (IntHout, Ioannidis & Borm 2014, BMC Med Res Methodol 14:25;"
                    + " Cochrane Handbook 10.10.4); consider the Hartung-Knapp-Sidik-Jonkman"
                    + " adjustment",
                k));
      }
      if (k < options.prediction().minimumStudies() && k > 1) {
        warnings.add(
            "no prediction interval: the "
                + options.prediction().formula()
                + " interval needs at"
                + " least "
                + options.prediction().minimumStudies()
                + " studies");
      }
      if (!Double.isNaN(hkFactor) && hkFactor < 1) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "the Hartung-Knapp variance factor sum w (y - mu)^2 / (k - 1) = %.4g is below 1,"
                    + " so the HKSJ interval uses a smaller variance than the standard one"
                    + " (Jackson et al. 2017, Stat Med 36:3923-3934); like metafor's test ="
                    + " \"knha\", trialstats does not truncate it at 1",
                hkFactor));
      }
    }
    boolean events = measure.usesCounts() || measure.input() == EffectMeasure.Input.PERSON_TIME;
    if (events) {
      String sparse = sparseEvents(included);
      boolean inverseVariance =
          options.model() == MetaModel.RANDOM || options.fixedMethod() == FixedMethod.IV;
      if (sparse != null && inverseVariance) {
        boolean corrected =
            included.stream()
                .anyMatch(
                    s ->
                        s.table() != null
                            ? EffectSizes.hasZeroCell(s.table())
                            : s.rates().hasZeroCount());
        warnings.add(
            "sparse events ("
                + sparse
                + "): inverse-variance weights and the normal"
                + " approximation of the study estimates are unreliable with few events"
                + (corrected ? ", and the 0.5-corrected estimates are biased" : "")
                + (options.tau2Estimator() == Tau2Estimator.DL
                    ? "; the DerSimonian-Laird estimator also underestimates tau^2 here"
                    : "")
                + " (Bradburn et al. 2007, Stat Med 26:53-77; Cochrane Handbook 10.4.4);"
                + " Mantel-Haenszel (or Peto for odds ratios) pooling of the raw counts is"
                + " preferred");
      }
    }
    if (measure.usesCounts()) {
      if (options.model() == MetaModel.FIXED && options.fixedMethod() == FixedMethod.PETO) {
        String unbalanced = unbalancedArms(included);
        double or = Math.exp(mu);
        if (unbalanced != null || or < 0.2 || or > 5) {
          warnings.add(
              "Peto's odds ratio is biased when arms are unbalanced or effects are large"
                  + " (Greenland & Salvan 1990; Cochrane Handbook 10.4.4.2)"
                  + (unbalanced != null ? "; unbalanced arms (ratio > 3:1): " + unbalanced : "")
                  + (or < 0.2 || or > 5
                      ? String.format(Locale.ROOT, "; pooled odds ratio %.3g", or)
                      : "")
                  + "; consider the Mantel-Haenszel method");
        }
      }
    }
    if (k > 1 && q == 0 && tau2 == 0 && options.model() == MetaModel.FIXED) {
      warnings.add("Q = 0: all study estimates are identical, I^2 is set to 0");
    }
  }

  /**
   * A description of why the events are sparse, or null. The rule looks at the event counts only
   * (the same for every model and estimator): some study has an arm without events (its estimate
   * needs the 0.5 correction), or has fewer than {@value #SPARSE_EVENTS} events in its two arms
   * together, where the log-scale normal approximation behind inverse-variance weighting fails
   * (Bradburn et al. 2007, Stat Med 26:53-77). Risks below 1% alone do not count: 1,065 and 1,510
   * events over 13 BCG trials are not sparse. Studies given as events and person-time follow the
   * same rule on their event counts.
   */
  static String sparseEvents(List<StudyData> included) {
    List<String> zero = new ArrayList<>();
    List<String> few = new ArrayList<>();
    for (StudyData s : included) {
      TwoByTwo t = s.table();
      long events1 = t != null ? t.x1() : s.rates().events1();
      long events2 = t != null ? t.x2() : s.rates().events2();
      if (events1 == 0 || events2 == 0) {
        zero.add(s.study());
      } else if (events1 + events2 < SPARSE_EVENTS) {
        few.add(s.study());
      }
    }
    List<String> reasons = new ArrayList<>();
    if (!zero.isEmpty()) {
      reasons.add("no events in an arm of " + String.join(", ", zero));
    }
    if (!few.isEmpty()) {
      reasons.add("fewer than " + SPARSE_EVENTS + " events in " + String.join(", ", few));
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  private static String unbalancedArms(List<StudyData> included) {
    List<String> names = new ArrayList<>();
    for (StudyData s : included) {
      double ratio = (double) s.table().n1() / s.table().n2();
      if (ratio > 3 || ratio < 1.0 / 3) {
        names.add(s.study());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  /** How zero cells and double-zero studies were handled, in words. */
  static String zeroCellStatement(
      List<StudyData> included, List<ExcludedStudy> excluded, MetaOptions options) {
    EffectMeasure measure = options.measure();
    if (measure.input() == EffectMeasure.Input.EFFECT) {
      return "Not applicable: effects were supplied on the analysis scale (yi, vi).";
    }
    if (measure.input() == EffectMeasure.Input.MEANS) {
      return "Not applicable: continuous outcomes (means and standard deviations).";
    }
    if (measure.input() == EffectMeasure.Input.PERSON_TIME) {
      return personTimeZeroStatement(included, excluded, options);
    }
    List<String> zero = new ArrayList<>();
    for (StudyData s : included) {
      if (EffectSizes.hasZeroCell(s.table())) {
        zero.add(s.study());
      }
    }
    String names = String.join(", ", zero);
    String count = zero.size() == 1 ? "the 1 study" : "the " + zero.size() + " studies";
    StringBuilder b = new StringBuilder();
    if (options.model() == MetaModel.FIXED && options.fixedMethod() == FixedMethod.PETO) {
      b.append("Peto's method uses the raw counts (no correction needed)");
      b.append(zero.isEmpty() ? "; no study has a zero cell." : "; zero cells in: " + names + ".");
    } else if (options.model() == MetaModel.FIXED && options.fixedMethod() == FixedMethod.MH) {
      b.append("Mantel-Haenszel pooling uses the raw counts without correction");
      b.append(
          zero.isEmpty()
              ? "; no study has a zero cell."
              : "; for the study estimates, the heterogeneity statistics and the plots 0.5 was"
                  + " added to every cell of "
                  + count
                  + " with a zero cell: "
                  + names
                  + ".");
    } else {
      b.append(
          zero.isEmpty()
              ? "No study has a zero cell; no continuity correction was needed."
              : "0.5 added to every cell of "
                  + count
                  + " with a zero cell before computing"
                  + " their estimates and inverse-variance weights: "
                  + names
                  + ".");
    }
    if (measure.isRatio()) {
      if (excluded.isEmpty()) {
        b.append(" No study has zero events (or only events) in both arms.");
      } else {
        b.append(" Excluded (no events, or only events, in both arms): ");
        b.append(String.join(", ", excluded.stream().map(ExcludedStudy::study).toList()));
        b.append('.');
      }
    } else {
      List<String> doubleZero = new ArrayList<>();
      for (StudyData s : included) {
        TwoByTwo t = s.table();
        if ((t.x1() == 0 && t.x2() == 0) || (t.x1() == t.n1() && t.x2() == t.n2())) {
          doubleZero.add(s.study());
        }
      }
      b.append(
          doubleZero.isEmpty()
              ? " No study has zero events (or only events) in both arms."
              : " Studies with no events (or only events) in both arms are kept for the risk"
                  + " difference: "
                  + String.join(", ", doubleZero)
                  + ".");
    }
    return b.toString();
  }

  private static String personTimeZeroStatement(
      List<StudyData> included, List<ExcludedStudy> excluded, MetaOptions options) {
    List<String> zero = new ArrayList<>();
    for (StudyData s : included) {
      if (s.rates().hasZeroCount()) {
        zero.add(s.study());
      }
    }
    StringBuilder b = new StringBuilder();
    if (options.model() == MetaModel.FIXED && options.fixedMethod() == FixedMethod.MH) {
      b.append("Mantel-Haenszel pooling uses the raw counts without correction");
      b.append(
          zero.isEmpty()
              ? "; no study has an arm without events."
              : "; for the study estimates and heterogeneity 0.5 was added to both event counts of:"
                  + " "
                  + String.join(", ", zero)
                  + ".");
    } else {
      b.append(
          zero.isEmpty()
              ? "No study has an arm without events; no correction was needed."
              : "0.5 added to both event counts of the studies with an arm without events: "
                  + String.join(", ", zero)
                  + ".");
    }
    if (!excluded.isEmpty()) {
      b.append(" Without a rate ratio (no events in either arm): ");
      b.append(String.join(", ", excluded.stream().map(ExcludedStudy::study).toList()));
      b.append('.');
    }
    return b.toString();
  }

  /**
   * Subgroup analysis: the model fitted separately within each subgroup (own tau^2 for random
   * effects), and the test for subgroup differences Q_between = sum (mu_g - mu_bar)^2 / se_g^2 on G
   * - 1 df with mu_bar the inverse-variance weighted mean of the subgroup estimates (Borenstein et
   * al. 2009, Introduction to Meta-Analysis, ch. 19; RevMan 5's test for subgroup differences).
   * Subgroups appear in the order of their first study.
   *
   * @param studies the studies, each with a non-blank subgroup label
   * @param options measure, model, method, level and adjustments, the same in every subgroup
   * @return the overall analysis, one analysis per subgroup that can be pooled, and the test for
   *     subgroup differences
   * @throws StatsException if a study has no subgroup label
   */
  public static SubgroupAnalysis subgroups(List<StudyData> studies, MetaOptions options) {
    MetaResult overall = run(studies, options);
    Map<String, List<StudyData>> groups = new LinkedHashMap<>();
    for (StudyData s : studies) {
      if (s.subgroup() == null || s.subgroup().isBlank()) {
        throw new StatsException("study '" + s.study() + "' has no subgroup label");
      }
      groups.computeIfAbsent(s.subgroup(), g -> new ArrayList<>()).add(s);
    }
    List<SubgroupAnalysis.Subgroup> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, List<StudyData>> g : groups.entrySet()) {
      try {
        results.add(new SubgroupAnalysis.Subgroup(g.getKey(), run(g.getValue(), options)));
      } catch (StatsException e) {
        warnings.add("subgroup '" + g.getKey() + "' cannot be pooled: " + e.getMessage());
      }
    }
    int g = results.size();
    double qBetween = Double.NaN;
    double pBetween = Double.NaN;
    if (g >= 2) {
      double[] mus = new double[g];
      double[] variances = new double[g];
      for (int i = 0; i < g; i++) {
        MetaResult r = results.get(i).result();
        mus[i] = r.mu();
        variances[i] = r.se() * r.se();
      }
      qBetween = new WeightedSums(mus, variances, 0).q;
      pBetween = ChiSquaredDistribution.of(g - 1).survivalProbability(qBetween);
    } else {
      warnings.add("the test for subgroup differences needs at least 2 subgroups");
    }
    return new SubgroupAnalysis(overall, results, qBetween, Math.max(0, g - 1), pBetween, warnings);
  }

  /**
   * Leave-one-out analysis: the model refitted without each pooled study in turn (as metafor's
   * {@code leave1out()}); each step is labelled with the omitted study. Each refit reads a view of
   * the studies without the omitted one and keeps only its summary: O(k) memory per step and for
   * the steps together.
   *
   * @param studies the studies, each with the input the measure needs (counts, arm summaries,
   *     events and person-time, or a generic estimate and variance)
   * @param options measure, model, method, level and adjustments
   * @return one step per pooled study, in input order, labelled with the omitted study
   * @throws StatsException with fewer than 2 pooled studies
   */
  public static List<SensitivityStep> leaveOneOut(List<StudyData> studies, MetaOptions options) {
    MetaResult all = run(studies, options);
    if (all.k() < 2) {
      throw new StatsException("leave-one-out needs at least 2 pooled studies");
    }
    List<SensitivityStep> steps = new ArrayList<>();
    for (int i = 0; i < studies.size(); i++) {
      if (exclusionReason(studies.get(i), options) != null) {
        continue;
      }
      steps.add(
          new SensitivityStep(studies.get(i).study(), run(without(studies, i), options).summary()));
    }
    return steps;
  }

  /** A view of {@code studies} without the study at {@code omitted}: no copy per step. */
  private static List<StudyData> without(List<StudyData> studies, int omitted) {
    return new java.util.AbstractList<>() {
      @Override
      public StudyData get(int index) {
        return studies.get(index < omitted ? index : index + 1);
      }

      @Override
      public int size() {
        return studies.size() - 1;
      }
    };
  }

  /**
   * Cumulative meta-analysis: the model refitted after adding each study in the given order (as
   * metafor's {@code cumul()}); each step is labelled with the study just added. Order the list
   * (e.g. by year) before calling. Leading studies that cannot be pooled on their own are carried
   * into the next step.
   *
   * @param studies the studies in the order in which they are added
   * @param options measure, model, method, level and adjustments
   * @return one step per usable study, labelled with the study just added
   * @throws StatsException when the input does not fit the measure
   */
  public static List<SensitivityStep> cumulative(List<StudyData> studies, MetaOptions options) {
    checkInput(studies, options);
    List<SensitivityStep> steps = new ArrayList<>();
    boolean anyIncluded = false;
    for (int j = 0; j < studies.size(); j++) {
      StudyData s = studies.get(j);
      boolean usable = exclusionReason(s, options) == null;
      anyIncluded |= usable;
      if (!anyIncluded || !usable) {
        continue;
      }
      steps.add(new SensitivityStep(s.study(), run(studies.subList(0, j + 1), options).summary()));
    }
    return steps;
  }
}
