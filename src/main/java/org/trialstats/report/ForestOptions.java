package org.trialstats.report;

/**
 * Labels and layout choices of a forest plot. Use {@link #defaults()} and the {@code with...}
 * methods.
 *
 * @param title a title above the plot, or null for none
 * @param treatmentLabel header of the arm-1 columns (e.g. "BCG")
 * @param controlLabel header of the arm-2 columns (e.g. "Control")
 * @param favoursLeft text under the axis left of the line of no effect (default "Favours " followed
 *     by the treatment label, or "Favours treatment")
 * @param favoursRight text under the axis right of the line of no effect (default "Favours "
 *     followed by the control label, or "Favours control")
 * @param effectLabel the effect's name in the column header, or null for the measure's name (e.g.
 *     "Risk Ratio"); useful for generic effects ("Hazard Ratio", "Mean Difference")
 * @param decimals decimals of estimates and limits, or -1 to choose automatically (2 for ratios;
 *     enough to show the pooled interval's width otherwise)
 * @param showPrediction whether to draw the prediction interval when one is available
 */
public record ForestOptions(
    String title,
    String treatmentLabel,
    String controlLabel,
    String favoursLeft,
    String favoursRight,
    String effectLabel,
    int decimals,
    boolean showPrediction) {

  public ForestOptions {
    favoursLeft = nonBlank(favoursLeft, "Favours " + nonBlank(treatmentLabel, "treatment"));
    favoursRight = nonBlank(favoursRight, "Favours " + nonBlank(controlLabel, "control"));
    treatmentLabel = nonBlank(treatmentLabel, "Treatment");
    controlLabel = nonBlank(controlLabel, "Control");
    if (decimals < -1 || decimals > 8) {
      throw new IllegalArgumentException("decimals must be -1 (automatic) or 0 to 8");
    }
  }

  private static String nonBlank(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  /** Default labels: Treatment / Control, "Favours treatment" / "Favours control". */
  public static ForestOptions defaults() {
    return new ForestOptions(null, null, null, null, null, null, -1, true);
  }

  /** With a title. */
  public ForestOptions withTitle(String newTitle) {
    return new ForestOptions(
        newTitle,
        treatmentLabel,
        controlLabel,
        favoursLeft,
        favoursRight,
        effectLabel,
        decimals,
        showPrediction);
  }

  /**
   * With arm labels; the "favours" texts follow them unless they were set explicitly before (call
   * {@link #withFavours} afterwards to override).
   */
  public ForestOptions withArms(String treatment, String control) {
    return new ForestOptions(
        title, treatment, control, null, null, effectLabel, decimals, showPrediction);
  }

  /** With the texts under the axis. */
  public ForestOptions withFavours(String left, String right) {
    return new ForestOptions(
        title, treatmentLabel, controlLabel, left, right, effectLabel, decimals, showPrediction);
  }

  /** With the effect's name for the column header. */
  public ForestOptions withEffectLabel(String label) {
    return new ForestOptions(
        title,
        treatmentLabel,
        controlLabel,
        favoursLeft,
        favoursRight,
        label,
        decimals,
        showPrediction);
  }
}
