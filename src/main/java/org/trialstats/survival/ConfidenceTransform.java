package org.trialstats.survival;

import java.util.Locale;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatsException;

/**
 * The scale on which a pointwise confidence interval for a Kaplan-Meier survival probability is
 * formed: S +/- z sigma on the transformed scale g(S), mapped back. Notation: S the Kaplan-Meier
 * estimate, v = sum over event times t_j &lt;= t of d_j / (n_j (n_j - d_j)) (Greenwood's sum, the
 * variance of log S), sigma = sqrt(v), z the standard normal quantile.
 *
 * <p>The definitions are those of R's {@code survfit(conf.type = ...)} (survival package, {@code
 * survfit_confint}); SAS PROC LIFETEST's {@code CONFTYPE=} options give the same limits. Defaults
 * differ between tools: R uses {@link #LOG}, SAS LIFETEST uses {@link #LOG_LOG} since SAS 9.2 and
 * used {@link #PLAIN} (its LINEAR) in SAS 9.1.
 *
 * <p>Where S = 1 (before the first event) or S = 0 (after the last subject at risk failed) the
 * interval collapses to the estimate for every transform; R returns NA for some transforms there,
 * SAS prints the estimate.
 */
public enum ConfidenceTransform {
  /**
   * Linear (plain) interval: S +/- z S sigma, clipped to [0, 1] (Klein &amp; Moeschberger 2003, eq.
   * 4.4.1; SAS CONFTYPE=LINEAR, the SAS 9.1 default).
   */
  PLAIN(
      "plain",
      new MethodInfo(
          "Linear (plain) Greenwood interval",
          "S +/- z * S * sqrt(sum d/(n(n-d))), clipped to [0, 1]",
          "Greenwood M (1926); Klein JP, Moeschberger ML (2003) Survival Analysis, 2nd ed.,"
              + " eq. 4.4.1",
          "PROC LIFETEST CONFTYPE=LINEAR",
          "survfit(..., conf.type = \"plain\")",
          "lifelines KaplanMeierFitter (linear not offered)")) {
    @Override
    double[] transformed(double s, double sigma, double z) {
      double half = z * s * sigma;
      return new double[] {Math.max(s - half, 0), Math.min(s + half, 1)};
    }
  },

  /**
   * Log-transformed interval: exp(log S +/- z sigma), the upper limit clipped to 1 (Kalbfleisch
   * &amp; Prentice 2002, section 4.3; the R default).
   */
  LOG(
      "log",
      new MethodInfo(
          "Log-transformed Greenwood interval",
          "exp(log S +/- z * sqrt(sum d/(n(n-d)))), upper limit clipped to 1",
          "Kalbfleisch JD, Prentice RL (2002) The Statistical Analysis of Failure Time Data,"
              + " 2nd ed., section 4.3",
          "PROC LIFETEST CONFTYPE=LOG",
          "survfit(..., conf.type = \"log\") (the R default)",
          "none")) {
    @Override
    double[] transformed(double s, double sigma, double z) {
      return new double[] {
        Math.exp(Math.log(s) - z * sigma), Math.min(Math.exp(Math.log(s) + z * sigma), 1)
      };
    }
  },

  /**
   * Log-log (complementary log-log) interval: S^exp(+/- z sigma / log S), i.e. exp(-exp(log(-log S)
   * -/+ z sigma / log S)) (Kalbfleisch &amp; Prentice 2002, eq. 4.15; Klein &amp; Moeschberger
   * 2003, eq. 4.4.2; the SAS 9.2+ default).
   */
  LOG_LOG(
      "log-log",
      new MethodInfo(
          "Log-log transformed Greenwood interval",
          "exp(-exp(log(-log S) -/+ z * sqrt(sum d/(n(n-d))) / log S))",
          "Kalbfleisch JD, Prentice RL (2002), eq. 4.15; Klein JP, Moeschberger ML (2003),"
              + " eq. 4.4.2",
          "PROC LIFETEST CONFTYPE=LOGLOG (default since SAS 9.2)",
          "survfit(..., conf.type = \"log-log\")",
          "lifelines KaplanMeierFitter (its default)")) {
    @Override
    double[] transformed(double s, double sigma, double z) {
      double logS = Math.log(s);
      double shift = z * sigma / logS;
      double centre = Math.log(-logS);
      return new double[] {
        Math.exp(-Math.exp(centre - shift)), Math.exp(-Math.exp(centre + shift))
      };
    }
  },

  /**
   * Arcsine-square-root interval: sin^2(arcsin(sqrt S) +/- z sigma sqrt(S / (1 - S)) / 2), arcsin
   * clipped to [0, pi/2] (Klein &amp; Moeschberger 2003, eq. 4.4.3).
   */
  ARCSINE(
      "arcsine",
      new MethodInfo(
          "Arcsine-square-root transformed Greenwood interval",
          "sin^2(asin(sqrt S) +/- z/2 * sqrt(sum d/(n(n-d))) * sqrt(S/(1-S)))",
          "Klein JP, Moeschberger ML (2003), eq. 4.4.3",
          "PROC LIFETEST CONFTYPE=ASINSQRT",
          "survfit(..., conf.type = \"arcsin\")",
          "none")) {
    @Override
    double[] transformed(double s, double sigma, double z) {
      double half = 0.5 * z * sigma * Math.sqrt(s / (1 - s));
      double centre = Math.asin(Math.sqrt(s));
      double lower = Math.sin(Math.max(0, centre - half));
      double upper = Math.sin(Math.min(Math.PI / 2, centre + half));
      return new double[] {lower * lower, upper * upper};
    }
  },

  /**
   * Logit interval: expit(logit S +/- z sigma / (1 - S)) (Klein &amp; Moeschberger 2003, section
   * 4.4 notes; SAS CONFTYPE=LOGIT).
   */
  LOGIT(
      "logit",
      new MethodInfo(
          "Logit transformed Greenwood interval",
          "expit(log(S/(1-S)) +/- z * sqrt(sum d/(n(n-d))) / (1 - S))",
          "Klein JP, Moeschberger ML (2003), section 4.4; Borgan O, Liestol K (1990) Scand J Stat"
              + " 17:35-41",
          "PROC LIFETEST CONFTYPE=LOGIT",
          "survfit(..., conf.type = \"logit\")",
          "none")) {
    @Override
    double[] transformed(double s, double sigma, double z) {
      double half = z * sigma / (1 - s);
      double logit = Math.log(s / (1 - s));
      return new double[] {
        1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half)))
      };
    }
  };

  private final String id;
  private final MethodInfo info;

  ConfidenceTransform(String id, MethodInfo info) {
    this.id = id;
    this.info = info;
  }

  /**
   * The identifier used on the command line and in output ({@code plain}, {@code log}, {@code
   * log-log}, {@code arcsine}, {@code logit}).
   *
   * @return the identifier
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

  /**
   * The pointwise interval for a survival probability.
   *
   * @param survival the Kaplan-Meier estimate S in [0, 1]
   * @param sigma the standard error of log S (square root of Greenwood's sum), finite and &gt;= 0
   * @param z the two-sided standard normal critical value
   * @return {lower, upper}; both equal S when S is 0 or 1 or sigma is 0
   * @throws StatsException if S is outside [0, 1] or sigma is negative or not finite
   */
  public double[] interval(double survival, double sigma, double z) {
    if (!(survival >= 0 && survival <= 1)) {
      throw new StatsException("survival probability must lie in [0, 1], got " + survival);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new StatsException("standard error must be finite and non-negative, got " + sigma);
    }
    if (survival == 0 || survival == 1 || sigma == 0) {
      return new double[] {survival, survival};
    }
    return transformed(survival, sigma, z);
  }

  abstract double[] transformed(double s, double sigma, double z);

  /**
   * The transform with this identifier; {@code linear} (SAS) is accepted for {@code plain}, {@code
   * arcsin} (R) and {@code asinsqrt} (SAS) for {@code arcsine}, {@code loglog} for {@code log-log}.
   *
   * @param text the identifier, case-insensitive
   * @return the transform
   * @throws StatsException for an unknown identifier, listing the known ones
   */
  public static ConfidenceTransform parse(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT);
    switch (key) {
      case "linear":
        return PLAIN;
      case "arcsin":
      case "asinsqrt":
        return ARCSINE;
      case "loglog":
        return LOG_LOG;
      default:
        for (ConfidenceTransform t : values()) {
          if (t.id.equals(key)) {
            return t;
          }
        }
        throw new StatsException(
            "unknown confidence interval transform '"
                + text
                + "'; expected plain, log, log-log,"
                + " arcsine or logit");
    }
  }
}
