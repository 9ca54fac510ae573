package org.trialstats.stats;

import java.util.Arrays;
import java.util.List;

/**
 * One interval or test method of the catalogue. Each method family is an enum implementing this
 * interface (e.g. {@code RiskDifferenceMethod.NEWCOMBE}); the pair ({@link #measure()}, {@link
 * #id()}) is unique and is part of the public interface.
 */
public interface StatMethod extends Identified {
  /**
   * The measure this method estimates.
   *
   * @return the measure (risk difference, odds ratio, rate, test...)
   */
  Measure measure();

  /** The method id, e.g. {@code newcombe}, {@code exact-conditional}. */
  @Override
  String id();

  /**
   * Formula, reference and crosswalk to other tools.
   *
   * @return this method's documentation
   */
  MethodInfo info();

  /**
   * The size limit of this method: the largest number of possible outcomes (n1 + 1)(n2 + 1) of a
   * two-arm table it accepts. The methods that enumerate every table of the sample space (the exact
   * unconditional intervals) refuse larger tables with a {@link StatsException} that names the
   * limit; the others have none.
   *
   * @return the limit, {@link Long#MAX_VALUE} when there is none
   */
  default long maxTables() {
    return Long.MAX_VALUE;
  }

  /**
   * Whether a two-arm table with these arm sizes is within {@link #maxTables()}: the tables this
   * method computes; for the others it throws a {@link StatsException} naming the limit.
   *
   * @param n1 size of arm 1
   * @param n2 size of arm 2
   * @return true when (n1 + 1)(n2 + 1) &lt;= {@link #maxTables()}
   */
  default boolean accepts(long n1, long n2) {
    if (maxTables() == Long.MAX_VALUE) {
      return true;
    }
    try {
      return Math.multiplyExact(n1 + 1, n2 + 1) <= maxTables();
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  /**
   * Looks a method up by its id among {@code methods} (case-insensitive, surrounding blanks
   * ignored): the single lookup behind every family's {@code fromId} and the catalogue.
   *
   * @param <M> the method family
   * @param methods the methods of one measure
   * @param id the id looked for
   * @return the method with that id
   * @throws StatsException naming the measure and the valid ids when there is no such method
   */
  static <M extends StatMethod> M byId(List<M> methods, String id) {
    String measure = methods.isEmpty() ? "" : methods.get(0).measure().id() + " ";
    return Identified.find(methods, id)
        .orElseThrow(() -> new StatsException(Identified.unknown(measure + "method", id, methods)));
  }

  /**
   * {@link #byId(List, String)} over an enum's constants.
   *
   * @param <M> the method family
   * @param methods the family's constants, e.g. {@code values()}
   * @param id the id looked for
   * @return the method with that id
   * @throws StatsException naming the measure and the valid ids when there is no such method
   */
  static <M extends StatMethod> M byId(M[] methods, String id) {
    return byId(Arrays.asList(methods), id);
  }
}
