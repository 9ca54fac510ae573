package org.trialstats.numerics;

import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;

/**
 * Bisection over the integers for a condition that holds on one side of a boundary only: the
 * boundaries of the tails of a unimodal probability mass function below a threshold (exact
 * p-values), and the mode of such a function from the ratio of consecutive probabilities. Each
 * search evaluates the condition about log2(range) times.
 */
public final class IntegerSearch {
  private IntegerSearch() {}

  /**
   * The smallest k in [from, to] at which {@code condition} holds, where it fails below some
   * boundary and holds from it on. The condition is never evaluated at {@code to}, which is
   * returned when it holds nowhere below: pass one past the range to mean "none".
   *
   * @param from the smallest candidate
   * @param to the largest candidate, at least {@code from}, assumed to satisfy the condition
   * @param condition false, then true, as k increases
   * @return the boundary
   */
  public static long smallest(long from, long to, LongPredicate condition) {
    long low = from;
    long high = to;
    while (low < high) {
      long mid = low + (high - low) / 2;
      if (condition.test(mid)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /**
   * The largest k in [from, to] at which {@code condition} holds, where it holds up to some
   * boundary and fails beyond. The condition is never evaluated at {@code from}, which is returned
   * when it holds nowhere above: pass one before the range to mean "none".
   *
   * @param from the smallest candidate, assumed to satisfy the condition
   * @param to the largest candidate, at least {@code from}
   * @param condition true, then false, as k increases
   * @return the boundary
   */
  public static long largest(long from, long to, LongPredicate condition) {
    long low = from;
    long high = to;
    while (low < high) {
      long mid = high - (high - low) / 2;
      if (condition.test(mid)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /**
   * The smallest k &gt;= from at which {@code condition} holds, with no upper limit known: the
   * first candidate at or above {@code guess} that satisfies it is found by doubling, then the
   * boundary by {@link #smallest}.
   *
   * @param from the smallest candidate
   * @param guess a first upper candidate, at least 1 and at least {@code from}
   * @param condition false, then true, as k increases, and true somewhere
   * @return the boundary
   * @throws ArithmeticException if the doubling overflows a long
   */
  public static long smallestUnbounded(long from, long guess, LongPredicate condition) {
    long to = guess;
    while (!condition.test(to)) {
      to = Math.multiplyExact(to, 2);
    }
    return smallest(from, to, condition);
  }

  /**
   * The mode of a unimodal probability mass function on [lo, hi]: the smallest k with p(k + 1)
   * &lt;= p(k), or hi when the function increases throughout.
   *
   * @param lo the smallest value of the support
   * @param hi the largest value of the support
   * @param logRatio log(p(k + 1) / p(k)) for lo &lt;= k &lt; hi, decreasing in k
   * @return the mode
   */
  public static long mode(long lo, long hi, LongToDoubleFunction logRatio) {
    return smallest(lo, hi, k -> logRatio.applyAsDouble(k) <= 0);
  }
}
