package org.trialstats.survival;

import java.util.Locale;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatsException;

/**
 * The weight w(t) given to each event time in the weighted log-rank family U_g = sum_t w(t) (d_g -
 * D n_g / N), with N subjects at risk, D events in all and S(t-) the pooled Kaplan-Meier estimate
 * just before t (within the stratum).
 */
public enum LogRankWeight {
  /** w = 1: the log-rank (Mantel-Cox) test (Mantel N 1966; Peto R, Peto J 1972). */
  LOG_RANK(
      "logrank",
      new MethodInfo(
          "Log-rank (Mantel-Cox) test",
          "U = sum_t (d_g - D n_g / N), chi^2 = U' V^- U",
          "Mantel N (1966) Cancer Chemother Rep 50:163-170; Peto R, Peto J (1972) JRSS A"
              + " 135:185-207",
          "PROC LIFETEST; STRATA group / TEST=LOGRANK",
          "survdiff(..., rho = 0)",
          "lifelines.statistics.multivariate_logrank_test")) {
    @Override
    double weight(int atRisk, double survivalBefore) {
      return 1;
    }
  },

  /**
   * w = N: the Gehan-Breslow generalised Wilcoxon test (Gehan EA 1965, Biometrika 52:203-223;
   * Breslow N 1970, Biometrika 57:579-594), SAS LIFETEST's TEST=WILCOXON.
   */
  GEHAN_BRESLOW(
      "wilcoxon",
      new MethodInfo(
          "Gehan-Breslow generalised Wilcoxon test",
          "U = sum_t N (d_g - D n_g / N)",
          "Gehan EA (1965) Biometrika 52:203-223; Breslow N (1970) Biometrika 57:579-594",
          "PROC LIFETEST; STRATA group / TEST=WILCOXON",
          "none in survival (survdiff's rho = 1 is Peto-Peto)",
          "lifelines logrank_test(weightings=\"wilcoxon\")")) {
    @Override
    double weight(int atRisk, double survivalBefore) {
      return atRisk;
    }
  },

  /**
   * w = S(t-), the pooled Kaplan-Meier estimate just before t: the Peto-Peto modification of the
   * Gehan-Wilcoxon test as R's {@code survdiff(rho = 1)} computes it (Peto R, Peto J 1972;
   * Harrington DP, Fleming TR 1982, Biometrika 69:553-566, G-rho family with rho = 1). SAS's
   * TEST=PETO uses prod (1 - d / (N + 1)) instead and differs slightly.
   */
  PETO_PETO(
      "peto-peto",
      new MethodInfo(
          "Peto-Peto (Harrington-Fleming rho = 1) test",
          "U = sum_t S(t-) (d_g - D n_g / N), S the pooled Kaplan-Meier estimate",
          "Peto R, Peto J (1972) JRSS A 135:185-207; Harrington DP, Fleming TR (1982) Biometrika"
              + " 69:553-566",
          "PROC LIFETEST; STRATA group / TEST=FLEMING(1,0)",
          "survdiff(..., rho = 1)",
          "lifelines logrank_test(weightings=\"fleming-harrington\", p=1, q=0)")) {
    @Override
    double weight(int atRisk, double survivalBefore) {
      return survivalBefore;
    }
  };

  private final String id;
  private final MethodInfo info;

  LogRankWeight(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  /**
   * The identifier used in output.
   *
   * @return {@code logrank}, {@code wilcoxon} or {@code peto-peto}
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

  abstract double weight(int atRisk, double survivalBefore);

  /**
   * The weight with this identifier ({@code gehan} is accepted for {@code wilcoxon}).
   *
   * @param text the identifier, case-insensitive
   * @return the weight
   * @throws StatsException for an unknown identifier
   */
  public static LogRankWeight parse(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT);
    if (key.equals("gehan") || key.equals("gehan-breslow")) {
      return GEHAN_BRESLOW;
    }
    for (LogRankWeight w : values()) {
      if (w.id.equals(key)) {
        return w;
      }
    }
    throw new StatsException(
        "unknown log-rank weight '" + text + "'; expected logrank, wilcoxon or peto-peto");
  }
}
