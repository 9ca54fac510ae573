package org.trialstats.evidence;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Outcome of checking one published figure. The three confirming verdicts say how strong the
 * confirmation is: a recomputation from other figures ({@link #REPRODUCED}), agreement with the
 * same figure printed elsewhere ({@link #CONSISTENT}), or only the existence of a whole count that
 * gives a printed percentage ({@link #ATTAINABLE}). The rules are documented on {@link
 * ClaimChecker}.
 */
public enum Verdict {
  /**
   * The figure recomputed from other published figures, rounded as the figure was printed (half-up
   * at its decimals), equals the printed figure; for a bound ("more than 10%") the recomputed value
   * satisfies it.
   */
  REPRODUCED(
      "reproduced",
      "reproduced",
      "recomputed from other figures, rounds half-up to the printed one"),
  /**
   * The figure agrees with another statement of the same quantity (the same figure printed
   * elsewhere, or an arm's printed percentage); nothing is recomputed from independent inputs.
   */
  CONSISTENT(
      "consistent",
      "consistent with another statement",
      "agrees with another printed statement of the same quantity, nothing recomputed"),
  /**
   * A percentage whose count is not printed: some whole count out of the printed n gives it, so the
   * percentage is possible, but the count itself cannot be checked.
   */
  ATTAINABLE(
      "attainable",
      "attainable with its n",
      "a percentage printed without its count that some whole count out of n gives"),
  /**
   * No values of the inputs within their printed rounding give the printed figure. The result
   * carries the difference (recomputed minus reported).
   */
  DISCREPANCY(
      "discrepancy",
      "discrepancies",
      "no inputs within their printed rounding give the printed value; the difference is"
          + " given"),
  /**
   * The figure cannot be decided: an input is missing (the detail names it), the figure is only
   * recorded (no arithmetic exists), or the recomputation depends on the unrounded values of
   * rounded inputs (the point value differs, yet inputs within their rounding give the figure).
   */
  NOT_CHECKABLE("not checkable", "not checkable", "undecidable, with the reason");

  private final String label;
  private final String countNoun;
  private final String meaning;

  Verdict(String label, String countNoun, String meaning) {
    this.label = label;
    this.countNoun = countNoun;
    this.meaning = meaning;
  }

  /** What the verdict means, in one phrase, for legends. */
  public String meaning() {
    return meaning;
  }

  /**
   * The legend of all verdicts, e.g. {@code reproduced = recomputed from ...; ...}.
   *
   * @return one sentence naming every verdict with its meaning
   */
  public static String legend() {
    StringJoiner joiner = new StringJoiner("; ", "", ".");
    for (Verdict v : values()) {
      joiner.add(v.label + " = " + v.meaning);
    }
    return joiner.toString();
  }

  /** The lower-case label printed in reports, e.g. {@code not checkable}. */
  public String label() {
    return label;
  }

  /** The words after a count in a summary, e.g. {@code discrepancies} in "5 discrepancies". */
  public String countNoun() {
    return countNoun;
  }

  /** True for the verdicts that confirm the printed figure (reproduced, consistent, attainable). */
  public boolean confirms() {
    return this == REPRODUCED || this == CONSISTENT || this == ATTAINABLE;
  }

  /**
   * Number of results with each verdict, every verdict present (zero when absent), in the enum's
   * order.
   *
   * @param verdicts one verdict per checked claim
   * @return the counts
   */
  public static Map<Verdict, Integer> count(Collection<Verdict> verdicts) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : values()) {
      counts.put(v, 0);
    }
    verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  /**
   * The one summary wording of verdict counts used by every output, e.g. {@code 5 reproduced, 12
   * consistent with another statement, 2 attainable with its n, 5 discrepancies, 91 not checkable}.
   *
   * @param counts counts per verdict, as from {@link #count}
   * @return the comma-separated counts in the enum's order
   */
  public static String summary(Map<Verdict, Integer> counts) {
    StringJoiner joiner = new StringJoiner(", ");
    for (Verdict v : values()) {
      joiner.add(counts.getOrDefault(v, 0) + " " + v.countNoun());
    }
    return joiner.toString();
  }
}
