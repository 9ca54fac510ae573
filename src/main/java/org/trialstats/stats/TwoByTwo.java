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
  public TwoByTwo {
    if (arm1 == null || arm2 == null) {
      throw new StatsException("both arms are required");
    }
  }

  /** Convenience factory from the four counts x1/n1, x2/n2. */
  public static TwoByTwo of(long x1, long n1, long x2, long n2) {
    return new TwoByTwo(new Binomial(x1, n1), new Binomial(x2, n2));
  }

  public long x1() {
    return arm1.events();
  }

  public long n1() {
    return arm1.n();
  }

  public long x2() {
    return arm2.events();
  }

  public long n2() {
    return arm2.n();
  }

  /** The table with the arms swapped (arm 2 becomes the treatment arm). */
  public TwoByTwo swapped() {
    return new TwoByTwo(arm2, arm1);
  }
}
