package org.trialstats.adam;

import java.util.Arrays;
import java.util.Locale;

/** How the rows of an adverse-event table are ordered. */
public enum RowOrder {
  /**
   * SOCs, and preferred terms within each SOC, by descending number of subjects in the treatment
   * (non-control) arms together; ties by the number in all arms, then alphabetically.
   */
  FREQUENCY("frequency"),
  /** SOCs alphabetically, preferred terms within each SOC by descending frequency as above. */
  SOC_ALPHABETICAL("soc-alphabetical"),
  /** SOCs and preferred terms alphabetically. */
  ALPHABETICAL("alphabetical"),
  /**
   * SOCs, and preferred terms within each SOC, by descending number of subjects in one chosen arm
   * ({@link AeTableSpec#orderArm()}, e.g. the high dose), then alphabetically.
   */
  ARM("arm");

  private final String id;

  RowOrder(String id) {
    this.id = id;
  }

  /** The id used on the command line. */
  public String id() {
    return id;
  }

  /**
   * The order with this id.
   *
   * @throws AdamDataException naming the valid ids
   */
  public static RowOrder fromId(String id) {
    String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(o -> o.id.equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new AdamDataException(
                    "unknown row order '"
                        + id
                        + "'; expected one of "
                        + Arrays.stream(values()).map(RowOrder::id).toList()));
  }
}
