package org.trialstats.meta;

import org.trialstats.numerics.Root;
import org.trialstats.numerics.RootFindingException;

/**
 * The slope b1 of the meta-regression y_i = b0 + b1 sqrt(v_i) + u_i + e_i, u_i ~ N(0, tau^2) (tau^2
 * = 0 for a fixed-effect model), fitted by weighted least squares with w_i = 1/(v_i + tau^2) and
 * the residual tau^2 estimated by the model's own estimator in its moderator form (metafor {@code
 * rma.uni(yi, vi, mods = sqrt(vi), method = ...)}). Its sign is how metafor's {@code trimfill()}
 * chooses the side of the funnel on which studies are missing (Duval 2005, in Rothstein, Sutton
 * &amp; Borenstein, Publication Bias in Meta-Analysis, ch. 8): a negative slope means small studies
 * sit on the left, so the missing ones are on the right.
 *
 * <p>With X = [1, sqrt(v)] (p = 2), W = diag(w), P = W - W X (X'WX)^-1 X'W and residuals r = y - X
 * b, the estimators are (Viechtbauer 2005, J Educ Behav Stat 30:261-293; Raudenbush 2009, in
 * Cooper, Hedges &amp; Valentine, The Handbook of Research Synthesis, ch. 16):
 *
 * <ul>
 *   <li>DL: tau^2 = (y'Py - (k - p)) / tr P at w = 1/v
 *   <li>HE: tau^2 = (r'r - tr((I - X(X'X)^-1X')V)) / (k - p), ordinary least squares residuals
 *   <li>SJ: tau0^2 = sum (y - ybar)^2 / k, tau^2 = tau0^2 y'Py / (k - p) at w = 1/(v + tau0^2)
 *   <li>PM: the root of y'Py = k - p in tau^2
 *   <li>ML and REML: Fisher scoring from the HE value, tau^2 += (y'PPy - sum w)/sum w^2 (ML) or
 *       (y'PPy - tr P)/tr PP (REML)
 * </ul>
 *
 * Every estimate is truncated at 0.
 */
final class StandardErrorSlope {
  private static final int MAX_ITERATIONS = 1000;
  private static final double TOLERANCE = 1e-12;

  private StandardErrorSlope() {}

  /**
   * The slope of y on sqrt(v) under the model of {@code options}.
   *
   * @param y study estimates
   * @param v their sampling variances
   * @param options the model (fixed effect, or random effects with its tau^2 estimator)
   * @return the slope b1
   */
  static double of(double[] y, double[] v, MetaOptions options) {
    int k = y.length;
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = Math.sqrt(v[i]);
    }
    double tau2 = options.model() == MetaModel.FIXED ? 0 : tau2(options.tau2Estimator(), y, v, x);
    return Fit.of(y, x, weights(v, tau2)).b1;
  }

  private static double[] weights(double[] v, double tau2) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return w;
  }

  private static double tau2(Tau2Estimator estimator, double[] y, double[] v, double[] x) {
    int k = y.length;
    int df = k - 2;
    return switch (estimator) {
      case DL -> {
        Fit f = Fit.of(y, x, weights(v, 0));
        yield Math.max(0, (f.rss - df) / f.traceP());
      }
      case HE -> Math.max(0, hedges(y, v, x));
      case SJ -> {
        double mean = Tau2.meanOf(y);
        double tau0 = 0;
        for (double yi : y) {
          tau0 += (yi - mean) * (yi - mean);
        }
        tau0 /= k;
        yield Math.max(0, tau0 * Fit.of(y, x, weights(v, tau0)).rss / df);
      }
      case PM -> {
        if (Fit.of(y, x, weights(v, 0)).rss <= df) {
          yield 0;
        }
        try {
          Root root = Tau2.decreasingRoot(t -> Fit.of(y, x, weights(v, t)).rss, df, Tau2.meanOf(v));
          yield root.value();
        } catch (RootFindingException e) {
          yield 0; // no root: the regression has no residual heterogeneity to speak of
        }
      }
      case REML, ML -> scoring(estimator == Tau2Estimator.REML, y, v, x);
    };
  }

  /** Hedges' unweighted moment estimator with the moderator. */
  private static double hedges(double[] y, double[] v, double[] x) {
    int k = y.length;
    double[] ones = new double[k];
    java.util.Arrays.fill(ones, 1);
    Fit ols = Fit.of(y, x, ones);
    // tr((I - H)V) = sum v - tr((X'X)^-1 X'VX)
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < k; i++) {
      s0 += v[i];
      s1 += v[i] * x[i];
      s2 += v[i] * x[i] * x[i];
    }
    double trace = s0 - (ols.m00 * s0 + 2 * ols.m01 * s1 + ols.m11 * s2);
    return (ols.rss - trace) / (k - 2);
  }

  private static double scoring(boolean reml, double[] y, double[] v, double[] x) {
    double tau2 = Math.max(0, hedges(y, v, x));
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      Fit f = Fit.of(y, x, weights(v, tau2));
      double adj = reml ? (f.yPPy - f.traceP()) / f.tracePP() : (f.yPPy - f.sumW) / f.sumW2;
      while (tau2 + adj < 0) {
        adj /= 2; // step halving, as metafor, keeps tau^2 non-negative
      }
      double next = tau2 + adj;
      if (Math.abs(next - tau2) <= TOLERANCE * Math.max(1, tau2)) {
        return next;
      }
      tau2 = next;
    }
    return tau2;
  }

  /** A weighted least-squares fit of y on [1, x] with the traces the estimators need. */
  private static final class Fit {
    double b1;
    double rss;
    double yPPy;
    double sumW;
    double sumW2;
    double m00;
    double m01;
    double m11;
    double[] w;
    double[] x;

    static Fit of(double[] y, double[] x, double[] w) {
      Fit f = new Fit();
      f.w = w;
      f.x = x;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double t0 = 0;
      double t1 = 0;
      double w2 = 0;
      for (int i = 0; i < y.length; i++) {
        s0 += w[i];
        s1 += w[i] * x[i];
        s2 += w[i] * x[i] * x[i];
        t0 += w[i] * y[i];
        t1 += w[i] * x[i] * y[i];
        w2 += w[i] * w[i];
      }
      double det = s0 * s2 - s1 * s1;
      f.m00 = s2 / det;
      f.m01 = -s1 / det;
      f.m11 = s0 / det;
      double b0 = f.m00 * t0 + f.m01 * t1;
      f.b1 = f.m01 * t0 + f.m11 * t1;
      for (int i = 0; i < y.length; i++) {
        double r = y[i] - b0 - f.b1 * x[i];
        f.rss += w[i] * r * r;
        f.yPPy += w[i] * w[i] * r * r;
      }
      f.sumW = s0;
      f.sumW2 = w2;
      return f;
    }

    /** tr(M X'W^p X) for p = 2 or 3, with M = (X'WX)^-1; a[] receives X'W^pX. */
    private double[] xwx(int power) {
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      for (int i = 0; i < w.length; i++) {
        double wp = Math.pow(w[i], power);
        a0 += wp;
        a1 += wp * x[i];
        a2 += wp * x[i] * x[i];
      }
      return new double[] {a0, a1, a2};
    }

    /** tr P = sum w - tr(M X'W^2X). */
    double traceP() {
      double[] a = xwx(2);
      return sumW - (m00 * a[0] + 2 * m01 * a[1] + m11 * a[2]);
    }

    /** tr PP = sum w^2 - 2 tr(M X'W^3X) + tr((M X'W^2X)^2). */
    double tracePP() {
      double[] a = xwx(2);
      double[] c = xwx(3);
      double trMc = m00 * c[0] + 2 * m01 * c[1] + m11 * c[2];
      // N = M A with A = X'W^2X symmetric
      double n00 = m00 * a[0] + m01 * a[1];
      double n01 = m00 * a[1] + m01 * a[2];
      double n10 = m01 * a[0] + m11 * a[1];
      double n11 = m01 * a[1] + m11 * a[2];
      double trNN = n00 * n00 + 2 * n01 * n10 + n11 * n11;
      return sumW2 - 2 * trMc + trNN;
    }
  }
}
