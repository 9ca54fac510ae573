package org.trialstats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.trialstats.stats.StatsException;

/**
 * Trim-and-fill (Duval &amp; Tweedie 2000, Biometrics 56:455-463 and JASA 95:89-98), as metafor's
 * {@code trimfill.rma.uni()}:
 *
 * <ol>
 *   <li>side: missing studies are sought on the left unless the slope of y on sqrt(v) in a
 *       meta-regression with the model's estimator is negative ({@link StandardErrorSlope}); the
 *       estimates are mirrored (y &rarr; -y) for the right side and sorted;
 *   <li>iteration: the k0 largest estimates are trimmed, the model's pooled estimate beta of the
 *       remaining k - k0 is computed, all k estimates are centred at beta and ranked, and k0 is
 *       re-estimated ({@link TrimFillEstimator}; rounded half to even as R's {@code round()},
 *       truncated at 0) until it no longer changes;
 *   <li>fill: the k0 trimmed studies are mirrored about beta, y* = 2 beta - y with the same
 *       variance, and the model is refitted to the k + k0 studies.
 * </ol>
 *
 * @param estimator the k0 estimator
 * @param side the side of the funnel on which studies were estimated missing
 * @param sideChosen whether the side was chosen from the data (as metafor does by default)
 * @param k0 the estimated number of missing studies
 * @param k0Se the standard error of the unrounded k0 estimate (metafor's {@code se.k0})
 * @param k0Pvalue for R0, the p-value of the test of k0 = 0, 0.5^(k0 + 1) (Duval &amp; Tweedie
 *     2000, Biometrics, section 3.2; metafor's {@code p.k0}); NaN for L0
 * @param iterations iterations until k0 was stable
 * @param filled the filled studies (labelled "Filled 1", ...), empty when k0 = 0
 * @param result the model refitted to the observed and filled studies (the original result when k0
 *     = 0), with generic effects on the original reporting scale
 */
public record TrimAndFill(
    TrimFillEstimator estimator,
    TrimAndFill.Side side,
    boolean sideChosen,
    int k0,
    double k0Se,
    double k0Pvalue,
    int iterations,
    List<Filled> filled,
    MetaResult result) {

  /** metafor's {@code maxiter}: the iteration stops with an error after this many steps. */
  public static final int MAX_ITERATIONS = 100;

  /**
   * Copies the list.
   *
   * @param estimator the k0 estimator
   * @param side the side of the funnel on which studies were estimated missing
   * @param sideChosen whether the side was chosen from the data (as metafor does by default)
   * @param k0 the estimated number of missing studies
   * @param k0Se the standard error of the unrounded k0 estimate (metafor's {@code se.k0})
   * @param k0Pvalue for R0, the p-value of the test of k0 = 0, 0.5^(k0 + 1) (Duval &amp; Tweedie
   *     2000, Biometrics, section 3.2; metafor's {@code p.k0}); NaN for L0
   * @param iterations iterations until k0 was stable
   * @param filled the filled studies (labelled "Filled 1", ...), empty when k0 = 0
   * @param result the model refitted to the observed and filled studies (the original result when
   *     k0 = 0), with generic effects on the original reporting scale
   */
  public TrimAndFill {
    filled = List.copyOf(filled);
  }

  /** The side of the funnel plot on which studies are missing. */
  public enum Side {
    /** Missing on the left (small estimates). */
    LEFT,
    /** Missing on the right (large estimates). */
    RIGHT;

    /**
     * "left" or "right".
     *
     * @return the side's id
     */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One filled (imputed) study.
   *
   * @param study its label, "Filled 1", "Filled 2", ...
   * @param mirrorOf the observed study it mirrors
   * @param yi the filled estimate 2 beta - y on the analysis scale
   * @param vi its variance (that of the mirrored study)
   */
  public record Filled(String study, String mirrorOf, double yi, double vi) {
    /**
     * The standard error sqrt(vi).
     *
     * @return the filled study's standard error
     */
    public double se() {
      return Math.sqrt(vi);
    }
  }

  /**
   * Trim-and-fill with the side chosen from the data.
   *
   * @param result an inverse-variance analysis (fixed effect iv or random effects)
   * @param estimator the k0 estimator
   * @return the trim-and-fill result
   * @throws StatsException for Mantel-Haenszel or Peto models, fewer than 3 studies, or when the
   *     iteration does not settle within {@value #MAX_ITERATIONS} steps
   */
  public static TrimAndFill of(MetaResult result, TrimFillEstimator estimator) {
    return of(result, estimator, null);
  }

  /**
   * Trim-and-fill on the given side.
   *
   * @param result an inverse-variance analysis (fixed effect iv or random effects)
   * @param estimator the k0 estimator
   * @param side the side on which studies are missing, or null to choose it as metafor does
   * @return the trim-and-fill result
   * @throws StatsException for Mantel-Haenszel or Peto models, fewer than 3 studies, or when the
   *     iteration does not settle within {@value #MAX_ITERATIONS} steps
   */
  public static TrimAndFill of(MetaResult result, TrimFillEstimator estimator, Side side) {
    EffectRefit.requireInverseVariance(result, "trim-and-fill");
    List<StudyEffect> studies = result.studies();
    int k = studies.size();
    if (k < 3) {
      throw new StatsException("trim-and-fill needs at least 3 studies, got " + k);
    }
    double[] y = studies.stream().mapToDouble(StudyEffect::yi).toArray();
    double[] v = studies.stream().mapToDouble(StudyEffect::vi).toArray();
    MetaOptions options = result.options();
    boolean chosen = side == null;
    if (chosen) {
      // a NaN slope (all variances equal) leaves the default side, left
      side = StandardErrorSlope.of(y, v, options) < 0 ? Side.RIGHT : Side.LEFT;
    }
    double sign = side == Side.RIGHT ? -1 : 1;
    // stable sort of the oriented estimates (R's sort() is stable for ties)
    Integer[] order =
        IntStream.range(0, k)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> sign * y[i]))
            .toArray(Integer[]::new);
    double[] ys = new double[k];
    double[] vs = new double[k];
    for (int i = 0; i < k; i++) {
      ys[i] = sign * y[order[i]];
      vs[i] = v[order[i]];
    }
    int k0 = 0;
    int previous = -1;
    int iterations = 0;
    double beta = Double.NaN;
    double se = Double.NaN;
    while (k0 != previous) {
      previous = k0;
      iterations++;
      if (iterations > MAX_ITERATIONS) {
        throw new StatsException(
            "trim-and-fill did not converge in " + MAX_ITERATIONS + " iterations");
      }
      if (k0 >= k) {
        throw new StatsException("trim-and-fill would trim all " + k + " studies");
      }
      beta = pooled(Arrays.copyOf(ys, k - k0), Arrays.copyOf(vs, k - k0), options);
      if (Double.isNaN(beta)) {
        throw new StatsException(
            "trim-and-fill: the pooled estimate of the "
                + (k - k0)
                + " remaining studies is not available (the tau^2 estimate did not converge)");
      }
      double[] signedRanks = signedRanks(ys, beta);
      double estimate = estimator.k0(k, signedRanks);
      se = Math.max(0, estimator.se(k, estimate));
      k0 = (int) Math.max(0, Math.rint(estimate));
    }
    if (k0 >= k) {
      throw new StatsException("trim-and-fill estimates " + k0 + " missing of " + k + " studies");
    }
    double pValue = estimator == TrimFillEstimator.R0 ? Math.pow(0.5, k0 + 1) : Double.NaN;
    if (k0 == 0) {
      return new TrimAndFill(estimator, side, chosen, 0, se, pValue, iterations, List.of(), result);
    }
    List<Filled> filled = new ArrayList<>(k0);
    List<String> labels = new ArrayList<>(k + k0);
    double[] yAll = Arrays.copyOf(y, k + k0);
    double[] vAll = Arrays.copyOf(v, k + k0);
    studies.forEach(s -> labels.add(s.study()));
    for (int j = 0; j < k0; j++) {
      int sorted = k - k0 + j;
      double mirrored = sign * (2 * beta - ys[sorted]);
      String label = "Filled " + (j + 1);
      filled.add(new Filled(label, studies.get(order[sorted]).study(), mirrored, vs[sorted]));
      labels.add(label);
      yAll[k + j] = mirrored;
      vAll[k + j] = vs[sorted];
    }
    MetaResult refit = EffectRefit.run(labels, yAll, vAll, options);
    return new TrimAndFill(estimator, side, chosen, k0, se, pValue, iterations, filled, refit);
  }

  /** The model's pooled estimate of the (oriented) estimates. */
  private static double pooled(double[] y, double[] v, MetaOptions options) {
    double tau2 =
        options.model() == MetaModel.FIXED
            ? 0
            : Tau2.estimate(options.tau2Estimator(), y, v).tau2();
    return new WeightedSums(y, v, tau2).mu;
  }

  /**
   * Signed ranks of y - beta: ranks of |y - beta| with ties ranked by position (R's {@code
   * rank(ties.method = "first")}), carrying the sign of y - beta (0 for an estimate equal to beta).
   */
  static double[] signedRanks(double[] y, double beta) {
    int k = y.length;
    double[] centred = new double[k];
    for (int i = 0; i < k; i++) {
      centred[i] = y[i] - beta;
    }
    Integer[] byAbs =
        IntStream.range(0, k)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> Math.abs(centred[i])))
            .toArray(Integer[]::new);
    double[] ranks = new double[k];
    for (int r = 0; r < k; r++) {
      int i = byAbs[r];
      ranks[i] = Math.signum(centred[i]) * (r + 1);
    }
    return ranks;
  }
}
