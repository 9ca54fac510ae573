package org.trialstats.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * K strata of two-arm binomial counts (arm 1 = treatment, arm 2 = control), the input of the
 * stratified methods ({@link StratifiedMethod}, {@link StratifiedTest}).
 *
 * <p>A stratum may have an empty arm (no subjects of one arm in, say, a small centre): such a
 * stratum carries no information on the comparison of the arms and every stratified method drops it
 * ({@link #informative()}); its weight in the Mantel-Haenszel sums, n1 n2 / N, is 0 anyway. At
 * least one stratum with both arms non-empty is required. Zero cells (no events, or only events, in
 * an arm) are kept as they are: no continuity correction is added anywhere; each method says what
 * such strata contribute.
 *
 * @param strata the strata in the order given (no method depends on that order)
 */
public record StratifiedTables(List<Stratum> strata) {

  /**
   * The counts of one stratum.
   *
   * @param x1 events in arm 1, 0 &lt;= x1 &lt;= n1
   * @param n1 subjects in arm 1, n1 &gt;= 0
   * @param x2 events in arm 2, 0 &lt;= x2 &lt;= n2
   * @param n2 subjects in arm 2, n2 &gt;= 0
   */
  public record Stratum(long x1, long n1, long x2, long n2) {
    /**
     * Validates the counts.
     *
     * @param x1 events in arm 1
     * @param n1 subjects in arm 1
     * @param x2 events in arm 2
     * @param n2 subjects in arm 2
     * @throws StatsException for negative counts or events above the arm size
     */
    public Stratum {
      check(x1, n1, "arm 1");
      check(x2, n2, "arm 2");
    }

    private static void check(long x, long n, String arm) {
      if (n < 0 || x < 0) {
        throw new StatsException(arm + ": counts must not be negative, got " + x + "/" + n);
      }
      if (x > n) {
        throw new StatsException(
            arm + ": events (" + x + ") must not exceed the subjects (" + n + ")");
      }
    }

    /**
     * Whether both arms have subjects.
     *
     * @return n1 &gt; 0 and n2 &gt; 0
     */
    public boolean informative() {
      return n1 > 0 && n2 > 0;
    }

    /**
     * The stratum as a 2x2 table.
     *
     * @return the table x1/n1 vs x2/n2
     * @throws StatsException if an arm is empty
     */
    public TwoByTwo table() {
      return TwoByTwo.of(x1, n1, x2, n2);
    }

    /** Subjects in both arms, n1 + n2. */
    long total() {
      return n1 + n2;
    }

    /** Events in both arms, x1 + x2. */
    long events() {
      return x1 + x2;
    }
  }

  /**
   * Validates and copies the strata.
   *
   * @param strata the strata, in their given order
   * @throws StatsException if there is no stratum with both arms non-empty
   */
  public StratifiedTables {
    strata = List.copyOf(strata);
    if (strata.stream().noneMatch(Stratum::informative)) {
      throw new StatsException(
          "no stratum has subjects in both arms (" + strata.size() + " strata given)");
    }
  }

  /**
   * Strata from 2x2 tables.
   *
   * @param tables one table per stratum
   * @return the strata in the same order
   * @throws StatsException if {@code tables} is empty
   */
  public static StratifiedTables ofTables(List<TwoByTwo> tables) {
    List<Stratum> list = new ArrayList<>(tables.size());
    for (TwoByTwo t : tables) {
      list.add(new Stratum(t.x1(), t.n1(), t.x2(), t.n2()));
    }
    return new StratifiedTables(list);
  }

  /**
   * Strata from rows {x1, n1, x2, n2}.
   *
   * @param rows one row of four counts per stratum
   * @return the strata in the same order
   * @throws StatsException if a row does not have four valid counts or none is informative
   */
  public static StratifiedTables of(long[]... rows) {
    List<Stratum> list = new ArrayList<>(rows.length);
    for (long[] row : rows) {
      if (row.length != 4) {
        throw new StatsException("a stratum needs four counts x1, n1, x2, n2; got " + row.length);
      }
      list.add(new Stratum(row[0], row[1], row[2], row[3]));
    }
    return new StratifiedTables(list);
  }

  /**
   * Parses strata written as {@code x1/n1:x2/n2,x1/n1:x2/n2,...} (blanks around the numbers
   * ignored).
   *
   * @param text the strata
   * @return the strata in the order written
   * @throws StatsException naming the stratum (1-based) and what was expected
   */
  public static StratifiedTables parse(String text) {
    List<Stratum> list = new ArrayList<>();
    String[] parts = text.split(",", -1);
    for (int h = 0; h < parts.length; h++) {
      String part = parts[h].strip();
      String where = "stratum " + (h + 1) + " '" + part + "': ";
      String[] arms = part.split(":", -1);
      if (arms.length != 2) {
        throw new StatsException(where + "expected x1/n1:x2/n2");
      }
      long[] counts = new long[4];
      for (int arm = 0; arm < 2; arm++) {
        String[] xn = arms[arm].split("/", -1);
        if (xn.length != 2) {
          throw new StatsException(where + "expected x/n for each arm, got '" + arms[arm] + "'");
        }
        for (int i = 0; i < 2; i++) {
          try {
            counts[2 * arm + i] = Long.parseLong(xn[i].strip());
          } catch (NumberFormatException e) {
            throw new StatsException(where + "expected whole numbers, got '" + xn[i] + "'");
          }
        }
      }
      try {
        list.add(new Stratum(counts[0], counts[1], counts[2], counts[3]));
      } catch (StatsException e) {
        throw new StatsException(where + e.getMessage());
      }
    }
    return new StratifiedTables(list);
  }

  /**
   * The strata with subjects in both arms, in the order given: the strata every method uses.
   *
   * @return the informative strata (never empty)
   */
  public List<Stratum> informative() {
    return strata.stream().filter(Stratum::informative).toList();
  }

  /**
   * The number of strata dropped because an arm is empty.
   *
   * @return strata().size() - informative().size()
   */
  public int droppedEmptyArm() {
    return (int) strata.stream().filter(s -> !s.informative()).count();
  }
}
