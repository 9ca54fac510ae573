package org.trialstats.meta;

/**
 * One study's contribution to a pooled analysis.
 *
 * @param data the input row
 * @param yi the study estimate on the analysis scale (log scale for ratios)
 * @param vi its sampling variance
 * @param estimate the estimate on the reporting scale (exp(yi) for ratios)
 * @param lower lower confidence limit on the reporting scale: yi - z sqrt(vi), back-transformed
 * @param upper upper confidence limit on the reporting scale: yi + z sqrt(vi), back-transformed
 * @param weight the study's weight in the pooled estimate, in percent (sums to 100)
 * @param added the value added to every cell for the zero-cell correction (0 or 0.5)
 */
public record StudyEffect(
    StudyData data,
    double yi,
    double vi,
    double estimate,
    double lower,
    double upper,
    double weight,
    double added) {

  /**
   * The study label.
   *
   * @return the study label
   */
  public String study() {
    return data.study();
  }

  /**
   * The standard error sqrt(vi).
   *
   * @return the standard error sqrt(vi)
   */
  public double se() {
    return Math.sqrt(vi);
  }
}
