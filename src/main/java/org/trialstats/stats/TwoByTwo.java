package org.trialstats.stats;

/**
 * A two-arm comparison of binomial counts. Arm 1 is the treatment (experimental) arm, arm 2 the
 * control.
 *
 * <pre>
 *            event   no event   total
 *   arm 1      a        b        n1      (a = x1)
 *   arm 2      c        d        n2      (c = x2)
 * </pre>
 */
public record TwoByTwo(Binomial arm1, Binomial arm2) {
  /**
   * Checks that both arms are given.
   *
   * @param arm1 the treatment arm
   * @param arm2 the control arm
   * @throws StatsException when an arm is missing
   */
  public TwoByTwo {
    if (arm1 == null || arm2 == null) {
      throw new StatsException("both arms are required");
    }
  }

  /**
   * The table of the four counts x1/n1, x2/n2.
   *
   * @param x1 events in arm 1
   * @param n1 subjects in arm 1
   * @param x2 events in arm 2
   * @param n2 subjects in arm 2
   * @return the table
   * @throws StatsException for negative counts or events above the arm size
   */
  public static TwoByTwo of(long x1, long n1, long x2, long n2) {
    return new TwoByTwo(new Binomial(x1, n1), new Binomial(x2, n2));
  }

  /**
   * Events in arm 1 (a).
   *
   * @return x1
   */
  public long x1() {
    return arm1.events();
  }

  /**
   * Subjects in arm 1.
   *
   * @return n1
   */
  public long n1() {
    return arm1.n();
  }

  /**
   * Events in arm 2 (c).
   *
   * @return x2
   */
  public long x2() {
    return arm2.events();
  }

  /**
   * Subjects in arm 2.
   *
   * @return n2
   */
  public long n2() {
    return arm2.n();
  }

  /**
   * The table with the arms swapped (arm 2 becomes the treatment arm).
   *
   * @return the table with the arms swapped (arm 2 becomes the treatment arm)
   */
  public TwoByTwo swapped() {
    return new TwoByTwo(arm2, arm1);
  }
}
