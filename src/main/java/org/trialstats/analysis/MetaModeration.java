package org.trialstats.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstats.evidence.MetaInputReader;
import org.trialstats.io.InvalidDataException;
import org.trialstats.linear.Term;
import org.trialstats.meta.GeneralisedQWeights;
import org.trialstats.meta.MetaModel;
import org.trialstats.meta.MetaRegression;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.MixedEggerTest;
import org.trialstats.meta.ModeratorDesign;
import org.trialstats.meta.StudyEffect;
import org.trialstats.meta.Tau2Estimator;
import org.trialstats.meta.Tau2Interval;
import org.trialstats.meta.Tau2IntervalMethod;

/**
 * The heterogeneity and moderator analyses added to a meta-analysis: a meta-regression on columns
 * of the input file (metafor {@code rma(mods = ~ ...)}), a tau^2 interval of another kind than the
 * Q-profile, and Egger's test in metafor's default form ({@code regtest(model = "rma")}).
 *
 * @param regression the meta-regression, or null
 * @param moderators the moderator columns of the regression (empty without one)
 * @param studies the labels of the studies in the regression, in its row order
 * @param regressionTau2 the interval for the residual tau^2 of a random-effects regression, or null
 * @param tau2Interval the interval for tau^2 of the meta-analysis when another kind than the
 *     Q-profile (which the meta-analysis always reports) was asked for, or null
 * @param eggerRma Egger's test as {@code regtest(model = "rma")}, or null
 * @param notes warnings and reasons why an analysis was not done
 */
public record MetaModeration(
    MetaRegression regression,
    List<String> moderators,
    List<String> studies,
    Tau2Interval regressionTau2,
    Tau2Interval tau2Interval,
    MixedEggerTest eggerRma,
    List<String> notes) {

  /** Copies the lists. */
  public MetaModeration {
    moderators = List.copyOf(moderators);
    studies = List.copyOf(studies);
    notes = List.copyOf(notes);
  }

  /**
   * What to add.
   *
   * @param moderators the moderator columns (empty for no meta-regression)
   * @param tau2Interval the kind of tau^2 interval ({@link Tau2IntervalMethod#QP} by default)
   * @param eggerRma whether to run Egger's test as a mixed-effects meta-regression on se
   * @param genqWeights the weights of a generalised-Q interval ({@link
   *     GeneralisedQWeights#INVERSE_SE} by default)
   */
  public record Request(
      List<String> moderators,
      Tau2IntervalMethod tau2Interval,
      boolean eggerRma,
      GeneralisedQWeights genqWeights) {
    /** Copies the list; a null interval kind is the Q-profile, null weights are 1/SE. */
    public Request {
      moderators = List.copyOf(moderators);
      tau2Interval = tau2Interval == null ? Tau2IntervalMethod.QP : tau2Interval;
      genqWeights = genqWeights == null ? GeneralisedQWeights.INVERSE_SE : genqWeights;
    }

    /**
     * A request with the default generalised-Q weights (1/SE).
     *
     * @param moderators the moderator columns (empty for no meta-regression)
     * @param tau2Interval the kind of tau^2 interval
     * @param eggerRma whether to run Egger's test as a mixed-effects meta-regression on se
     */
    public Request(List<String> moderators, Tau2IntervalMethod tau2Interval, boolean eggerRma) {
      this(moderators, tau2Interval, eggerRma, null);
    }

    /**
     * Nothing added.
     *
     * @return the empty request
     */
    public static Request none() {
      return new Request(List.of(), Tau2IntervalMethod.QP, false);
    }

    /**
     * @return whether anything is to be added
     */
    public boolean any() {
      return !moderators.isEmpty() || tau2Interval != Tau2IntervalMethod.QP || eggerRma;
    }
  }

  /**
   * Runs the requested analyses on the studies pooled by a meta-analysis. Studies with a missing
   * moderator value ({@code NA} or empty) are left out of the regression with a note naming them,
   * as metafor's default {@code na.action}; a moderator is categorical when any value is not a
   * number.
   *
   * @param data the input file, for the moderator columns
   * @param result the meta-analysis
   * @param request what to add
   * @return the analyses, or null when nothing was requested
   * @throws InvalidDataException when a moderator column is not in the file
   */
  public static MetaModeration of(MetaInputReader.Input data, MetaResult result, Request request) {
    if (!request.any()) {
      return null;
    }
    List<String> notes = new ArrayList<>();
    MetaRegression regression = null;
    Tau2Interval regressionTau2 = null;
    List<String> labels = new ArrayList<>();
    if (!request.moderators().isEmpty()) {
      MetaRegression.Settings settings = MetaRegression.Settings.of(result.options());
      Map<org.trialstats.meta.StudyData, MetaInputReader.Row> rows = new IdentityHashMap<>();
      data.rows().forEach(r -> rows.put(r.study(), r));
      List<String> columns = new ArrayList<>();
      for (String m : request.moderators()) {
        String key = m.trim().toLowerCase(Locale.ROOT);
        if (!data.rows().isEmpty() && !data.rows().get(0).values().containsKey(key)) {
          throw new InvalidDataException(
              data.file().getFileName()
                  + ": no moderator column '"
                  + m.trim()
                  + "'; columns are "
                  + String.join(", ", data.rows().get(0).values().keySet()));
        }
        columns.add(key);
      }
      List<double[]> effects = new ArrayList<>();
      List<String[]> values = new ArrayList<>();
      for (StudyEffect e : result.studies()) {
        MetaInputReader.Row row = rows.get(e.data());
        String[] v = new String[columns.size()];
        String missing = null;
        for (int c = 0; c < columns.size(); c++) {
          v[c] = row == null ? null : row.values().get(columns.get(c));
          if (v[c] == null || v[c].isBlank() || v[c].trim().equals("NA")) {
            missing = columns.get(c);
          } else {
            v[c] = v[c].trim();
          }
        }
        if (missing != null) {
          notes.add(
              "meta-regression: study '"
                  + e.study()
                  + "'"
                  + (row == null ? "" : " (line " + row.line() + ")")
                  + " left out: no value for moderator "
                  + missing);
          continue;
        }
        effects.add(new double[] {e.yi(), e.vi()});
        values.add(v);
        labels.add(e.study());
      }
      int k = effects.size();
      double[] y = new double[k];
      double[] vi = new double[k];
      for (int i = 0; i < k; i++) {
        y[i] = effects.get(i)[0];
        vi[i] = effects.get(i)[1];
      }
      List<Term> terms = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        String[] column = new String[k];
        for (int i = 0; i < k; i++) {
          column[i] = values.get(i)[c];
        }
        terms.add(ModeratorDesign.term(columns.get(c), column));
      }
      regression = MetaRegression.fit(y, vi, ModeratorDesign.of(k, terms), settings);
      notes.addAll(regression.warnings().stream().map(w -> "meta-regression: " + w).toList());
      if (settings.model() == MetaModel.RANDOM) {
        regressionTau2 = regressionInterval(request, regression, notes);
      }
    }
    Tau2Interval interval = null;
    if (request.tau2Interval() != Tau2IntervalMethod.QP) {
      interval = mainInterval(request, result, notes);
    }
    MixedEggerTest egger = null;
    if (request.eggerRma()) {
      if (result.k() < 3) {
        notes.add("Egger's test (rma) not done: it needs at least 3 studies");
      } else {
        egger = MixedEggerTest.of(result);
      }
    }
    return new MetaModeration(
        regression,
        regression == null ? List.of() : request.moderators().stream().map(String::trim).toList(),
        labels,
        regressionTau2,
        interval,
        egger,
        notes);
  }

  private static boolean likelihood(Tau2Estimator e) {
    return e != null && e.maximisesLikelihood();
  }

  private static Tau2Interval regressionInterval(
      Request request, MetaRegression regression, List<String> notes) {
    Tau2IntervalMethod method = request.tau2Interval();
    if (method == Tau2IntervalMethod.PL && !likelihood(regression.settings().estimator())) {
      notes.add(
          "meta-regression: the profile-likelihood interval for tau^2 needs an ML or REML"
              + " estimate; the Q-profile interval is given instead");
      return Tau2Interval.of(Tau2IntervalMethod.QP, regression);
    }
    return Tau2Interval.of(method, request.genqWeights(), regression);
  }

  private static Tau2Interval mainInterval(Request request, MetaResult result, List<String> notes) {
    Tau2IntervalMethod method = request.tau2Interval();
    if (result.model() != MetaModel.RANDOM || result.k() < 2) {
      notes.add(
          "tau^2 interval ("
              + method.label()
              + ") not done: it needs a random-effects model with at least 2 studies");
      return null;
    }
    if (method == Tau2IntervalMethod.PL && !likelihood(result.options().tau2Estimator())) {
      notes.add(
          "tau^2 interval (profile likelihood) not done: it needs an ML or REML estimate of"
              + " tau^2 (--method ml or reml)");
      return null;
    }
    int k = result.studies().size();
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = result.studies().get(i).yi();
      v[i] = result.studies().get(i).vi();
    }
    ModeratorDesign design = ModeratorDesign.interceptOnly(k);
    return switch (method) {
      case QP -> Tau2Interval.qProfile(y, v, design, result.level());
      case PL ->
          Tau2Interval.profileLikelihood(
              y, v, design, result.options().tau2Estimator(), result.tau2(), result.level());
      case GENQ -> Tau2Interval.generalisedQ(y, v, design, request.genqWeights(), result.level());
    };
  }
}
