package org.trialstats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.stats.Identified;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.TwoByTwo;

/** Pooling methods of the fixed-effect model. */
public enum FixedMethod implements Identified {
  /**
   * Inverse-variance weighting: mu = sum(w_i y_i) / sum(w_i), w_i = 1/v_i, Var(mu) = 1/sum(w_i)
   * (Hedges &amp; Olkin 1985, ch. 6). Studies with a zero cell get 0.5 added to every cell.
   */
  IV(
      "iv",
      "Inverse variance",
      new MethodInfo(
          "Inverse variance (common effect)",
          "mu = sum w y / sum w, w = 1/v, Var = 1/sum w; optional Hartung-Knapp: Var = Q/((k-1)"
              + " sum w), t(k-1)",
          "Hedges & Olkin 1985, ch. 6",
          "none (no SAS procedure)",
          "metafor::rma(yi, vi, method = \"FE\"[, test = \"knha\"])",
          "statsmodels.stats.meta_analysis.combine_effects(...).summary_frame() (fe row)")) {
    @Override
    FixedEffectPool pool(
        double[] y,
        double[] v,
        List<StudyData> included,
        List<ExcludedStudy> excluded,
        MetaOptions options) {
      boolean hartungKnapp = options.hksj() && y.length >= 2;
      FixedEffectPool pooled =
          FixedEffectPool.inverseVariance(y, v, 0, hartungKnapp, options.level());
      if (!hartungKnapp) {
        return pooled;
      }
      return pooled.withWarning(
          "the Hartung-Knapp adjustment was designed for random-effects models; applied to a"
              + " fixed-effect model it scales the variance by Q/(k - 1) (metafor warns"
              + " likewise)");
    }
  },
  /**
   * Mantel-Haenszel from the raw counts (no continuity correction): the MH odds ratio with the
   * Robins, Breslow &amp; Greenland (1986, Biometrics 42:311-323) variance, the MH risk ratio with
   * the Greenland &amp; Robins (1985, Biometrics 41:55-68) variance, and the MH risk difference
   * with the Sato, Greenland &amp; Robins (1989, Biometrics 45:1323-1324) variance; for incidence
   * rates the Mantel-Haenszel rate ratio and difference ({@link PersonTimeMantelHaenszel}). Every
   * table of the analysis enters, as in metafor's {@code rma.mh()}: the pooled studies first, then
   * those without a study estimate (no events in either arm add nothing; a risk-ratio study with
   * events in everyone adds RR 1). Q is taken about the Mantel-Haenszel estimate, sum (y_i -
   * mu_MH)^2 / v_i, over the studies with an estimate.
   */
  MH(
      "mh",
      "Mantel-Haenszel",
      new MethodInfo(
          "Mantel-Haenszel",
          "OR: sum(a d/N)/sum(b c/N), RBG variance; RR, RD: Greenland-Robins and Sato"
              + " variances; IRR: sum(x1 t2/T)/sum(x2 t1/T); IRD: sum((x1 t2 - x2 t1)/T)/sum(t1"
              + " t2/T)",
          "Robins, Breslow & Greenland 1986, Biometrics 42:311-323; Greenland &"
              + " Robins 1985, Biometrics 41:55-68",
          "PROC FREQ; TABLES s*a*b / CMH",
          "metafor::rma.mh(ai, n1i, ci, n2i) or rma.mh(x1i, t1i, x2i, t2i)",
          "statsmodels.stats.contingency_tables.StratifiedTable (OR, RR)")) {
    @Override
    FixedEffectPool pool(
        double[] y,
        double[] v,
        List<StudyData> included,
        List<ExcludedStudy> excluded,
        MetaOptions options) {
      List<StudyData> all = new ArrayList<>(included);
      excluded.forEach(x -> all.add(x.data()));
      EffectMeasure measure = options.measure();
      MantelHaenszel.Pooled mh =
          measure.input() == EffectMeasure.Input.PERSON_TIME
              ? PersonTimeMantelHaenszel.pool(all.stream().map(StudyData::rates).toList(), measure)
              : MantelHaenszel.pool(all.stream().map(StudyData::table).toList(), measure);
      double q = 0;
      for (int i = 0; i < y.length; i++) {
        double r = y[i] - mh.mu();
        q += r * r / v[i];
      }
      FixedEffectPool pooled =
          FixedEffectPool.normal(mh.mu(), mh.se(), mh.weights(), q, options.level());
      if (mh.se() != 0) {
        return pooled;
      }
      return pooled.withWarning(
          "the Mantel-Haenszel variance is zero (every study has a risk difference"
              + " of -1 or +1): the interval is degenerate at the estimate and the test"
              + " meaningless; metafor reports NaN here");
    }
  },
  /**
   * Peto's one-step odds ratio from the raw counts: log OR = sum(O_i - E_i) / sum(V_i), Var =
   * 1/sum(V_i), with E_i = n1 (a + c)/N and V_i = (a + c)(b + d) n1 n2 / (N^2 (N - 1)) (Yusuf,
   * Peto, Lewis, Collins &amp; Sleight 1985, Prog Cardiovasc Dis 27:335-371). Each study's estimate
   * is (O_i - E_i) / V_i with variance 1 / V_i, so the inverse-variance sums of those estimates are
   * the one-step formula.
   */
  PETO(
      "peto",
      "Peto",
      new MethodInfo(
          "Peto one-step odds ratio",
          "log OR = sum(O - E)/sum V, Var = 1/sum V",
          "Yusuf et al. 1985, Prog Cardiovasc Dis 27:335-371",
          "none (no SAS procedure)",
          "metafor::rma.peto(ai, n1i, ci, n2i)",
          "none")) {
    @Override
    FixedEffectPool pool(
        double[] y,
        double[] v,
        List<StudyData> included,
        List<ExcludedStudy> excluded,
        MetaOptions options) {
      // y = (O - E)/V and v = 1/V: sum w y / sum w = sum(O - E)/sum V, 1/sum w = 1/sum V
      return FixedEffectPool.inverseVariance(y, v, 0, false, options.level());
    }

    @Override
    EffectSizes.Effect tableEffect(TwoByTwo t, EffectMeasure measure) {
      return EffectSizes.peto(t);
    }
  };

  private final String id;
  private final String label;
  private final MethodInfo info;

  FixedMethod(String id, String label, MethodInfo info) {
    this.id = id;
    this.label = label;
    this.info = info;
  }

  /**
   * The pooled estimate of this method.
   *
   * @param y the estimates of the pooled studies (analysis scale), from {@link #tableEffect} for
   *     two-by-two counts
   * @param v their sampling variances
   * @param included the pooled studies, in the order of {@code y}
   * @param excluded the studies without an estimate of their own
   * @param options the analysis options (measure, level, Hartung-Knapp)
   * @return the estimate, its standard error, the weights, Q and the interval's critical value
   */
  abstract FixedEffectPool pool(
      double[] y,
      double[] v,
      List<StudyData> included,
      List<ExcludedStudy> excluded,
      MetaOptions options);

  /**
   * A study's estimate from its two-by-two counts as this method pools it (Peto: its one-step log
   * odds ratio; otherwise the measure's estimate with the 0.5 correction of zero cells).
   *
   * @param t the counts
   * @param measure the effect measure
   * @return the estimate and its variance on the analysis scale
   */
  EffectSizes.Effect tableEffect(TwoByTwo t, EffectMeasure measure) {
    return EffectSizes.of(t, measure);
  }

  /** The command-line and JSON id ({@code iv, mh, peto}). */
  public String id() {
    return id;
  }

  /**
   * Human-readable name as used in forest-plot headers (RevMan style), e.g. "M-H".
   *
   * @return the human-readable name as used in forest-plot headers (RevMan style), e.g. "M-H"
   */
  public String label() {
    return label;
  }

  /**
   * The formula, reference and equivalent SAS, R and Python calls, for the method catalogue.
   *
   * @return the documentation of this pooling method
   */
  public MethodInfo info() {
    return info;
  }

  /**
   * Parses a command-line id (case-insensitive); returns null when it is not a fixed method.
   *
   * @param id the id (case-insensitive)
   * @return the method, or null when the id names no fixed method
   */
  public static FixedMethod fromIdOrNull(String id) {
    return Identified.find(values(), id).orElse(null);
  }

  /**
   * Parses a command-line id (case-insensitive).
   *
   * @param id the id (case-insensitive)
   * @return the method with that id
   * @throws StatsException for an unknown id
   */
  public static FixedMethod fromId(String id) {
    return Identified.find(values(), id)
        .orElseThrow(
            () -> new StatsException(Identified.unknown("fixed-effect method", id, values())));
  }
}
