package org.trialstats.survival;

import java.util.Locale;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatsException;

/**
 * How the Cox partial likelihood treats event times shared by several subjects. Notation at one
 * event time: n_g subjects at risk and d_g events in group g, D = sum d_g, theta_g = exp(beta_g),
 * S0 = sum n_g theta_g (the risk-set total), S0T = sum d_g theta_g (the tied events' total).
 *
 * <p>Each constant adds one event time's contribution to the log-likelihood, its gradient and the
 * information matrix; the three coincide when no event times are tied.
 */
public enum TiesMethod {
  /**
   * Efron (1977) approximation: the risk-set total decreases by the mean of the tied events' total
   * at each of the D successive failures, log L += sum_g d_g beta_g - sum_{r=0}^{D-1} log(S0 - (r /
   * D) S0T) (Efron B 1977, JASA 72:557-565; Therneau &amp; Grambsch 2000, section 3.3). The R
   * default.
   */
  EFRON(
      "efron",
      new MethodInfo(
          "Efron approximation for tied event times",
          "log L = sum_t [ sum_g d_g b_g - sum_{r<D} log(S0 - r/D * S0T) ]",
          "Efron B (1977) JASA 72:557-565; Therneau TM, Grambsch PM (2000) Modeling Survival"
              + " Data, section 3.3",
          "PROC PHREG; MODEL t*c(1) = x / TIES=EFRON",
          "coxph(..., ties = \"efron\") (the R default)",
          "lifelines CoxPHFitter (Efron); statsmodels PHReg(ties=\"efron\")")) {
    @Override
    void add(int[] risk, int[] events, int row, double[] theta, PartialLikelihood acc) {
      int k = acc.groups;
      int base = row * k;
      int total = 0;
      for (int g = 0; g < k; g++) {
        total += events[base + g];
      }
      double[] atRisk = acc.scratchA;
      double[] tied = acc.scratchB;
      for (int g = 0; g < k; g++) {
        atRisk[g] = risk[base + g] * theta[g];
        tied[g] = events[base + g] * theta[g];
        if (events[base + g] > 0) {
          acc.logLik += events[base + g] * Math.log(theta[g]);
          acc.score[g] += events[base + g];
        }
      }
      double[] a = acc.scratchC;
      for (int r = 0; r < total; r++) {
        double f = (double) r / total;
        double sum = 0;
        for (int g = 0; g < k; g++) {
          a[g] = atRisk[g] - f * tied[g];
          sum += a[g];
        }
        acc.logLik -= Math.log(sum);
        addMoments(a, sum, acc);
      }
    }
  },

  /**
   * Breslow (1974) approximation: every tied event sees the full risk set, log L += sum_g d_g
   * beta_g - D log S0 (Breslow NE 1974, Biometrics 30:89-99). The SAS PHREG default.
   */
  BRESLOW(
      "breslow",
      new MethodInfo(
          "Breslow approximation for tied event times",
          "log L = sum_t [ sum_g d_g b_g - D log S0 ]",
          "Breslow NE (1974) Biometrics 30:89-99",
          "PROC PHREG; MODEL t*c(1) = x / TIES=BRESLOW (the SAS default)",
          "coxph(..., ties = \"breslow\")",
          "statsmodels PHReg(ties=\"breslow\")")) {
    @Override
    void add(int[] risk, int[] events, int row, double[] theta, PartialLikelihood acc) {
      int k = acc.groups;
      int base = row * k;
      int total = 0;
      double[] a = acc.scratchA;
      double sum = 0;
      for (int g = 0; g < k; g++) {
        int d = events[base + g];
        total += d;
        if (d > 0) {
          acc.logLik += d * Math.log(theta[g]);
          acc.score[g] += d;
        }
        a[g] = risk[base + g] * theta[g];
        sum += a[g];
      }
      if (total == 0) {
        return;
      }
      acc.logLik -= total * Math.log(sum);
      for (int g = 0; g < k; g++) {
        double mean = a[g] / sum;
        acc.score[g] -= total * mean;
        for (int h = 0; h < k; h++) {
          acc.information[g][h] += total * ((g == h ? mean : 0) - mean * a[h] / sum);
        }
      }
    }
  },

  /**
   * Exact (discrete) partial likelihood: the probability that the D failures are exactly the tied
   * subjects among all D-subsets of the risk set, log L += sum_g d_g beta_g - log c_D where c_D =
   * sum over (m_1..m_k), sum m_g = D, of prod_g C(n_g, m_g) theta_g^m_g, the coefficient of z^D in
   * prod_g (1 + theta_g z)^n_g. Gradient and information are the mean and covariance of (m_g), a
   * multivariate Fisher noncentral hypergeometric law (Cox DR 1972, JRSS B 34:187-220; Kalbfleisch
   * &amp; Prentice 2002, section 4.2.3; Gail, Lubin &amp; Rubinstein 1981, Biometrika 68:703-707).
   * Cost O(k^3 D^2) per event time with D tied events.
   */
  EXACT(
      "exact",
      new MethodInfo(
          "Exact (discrete logistic) partial likelihood",
          "log L = sum_t [ sum_g d_g b_g - log sum_{|m|=D} prod_g C(n_g, m_g) exp(m_g b_g) ]",
          "Cox DR (1972) JRSS B 34:187-220; Kalbfleisch JD, Prentice RL (2002), section 4.2.3;"
              + " Gail MH, Lubin JH, Rubinstein LV (1981) Biometrika 68:703-707",
          "PROC PHREG; MODEL t*c(1) = x / TIES=DISCRETE",
          "coxph(..., ties = \"exact\")",
          "none")) {
    @Override
    void add(int[] risk, int[] events, int row, double[] theta, PartialLikelihood acc) {
      ExactTies.add(risk, events, row, theta, acc);
    }
  };

  private final String id;
  private final MethodInfo info;

  TiesMethod(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  /**
   * The identifier used on the command line and in output.
   *
   * @return {@code efron}, {@code breslow} or {@code exact}
   */
  public String id() {
    return id;
  }

  /**
   * Formula, reference and SAS / R equivalents.
   *
   * @return the method documentation
   */
  public MethodInfo info() {
    return info;
  }

  /** Adds the contribution of one event-time row of the risk-set table. */
  abstract void add(int[] risk, int[] events, int row, double[] theta, PartialLikelihood acc);

  /** Gradient and information of -log(sum a): a_g / sum and its derivative. */
  static void addMoments(double[] a, double sum, PartialLikelihood acc) {
    int k = a.length;
    for (int g = 0; g < k; g++) {
      double mean = a[g] / sum;
      acc.score[g] -= mean;
      for (int h = 0; h < k; h++) {
        acc.information[g][h] += (g == h ? mean : 0) - mean * a[h] / sum;
      }
    }
  }

  /**
   * The method with this identifier; {@code discrete} (SAS) is accepted for {@code exact}.
   *
   * @param text the identifier, case-insensitive
   * @return the ties method
   * @throws StatsException for an unknown identifier
   */
  public static TiesMethod parse(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT);
    if (key.equals("discrete")) {
      return EXACT;
    }
    for (TiesMethod t : values()) {
      if (t.id.equals(key)) {
        return t;
      }
    }
    throw new StatsException(
        "unknown ties method '" + text + "'; expected efron, breslow or exact");
  }
}
