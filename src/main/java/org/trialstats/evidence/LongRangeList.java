package org.trialstats.evidence;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list view of the consecutive longs {@code first..last}; empty when first &gt; last.
 */
final class LongRangeList extends AbstractList<Long> implements RandomAccess {
  private final long first;
  private final int size;

  LongRangeList(long first, long last) {
    this.first = first;
    long count = last < first ? 0 : last - first + 1;
    // a List cannot hold more than Integer.MAX_VALUE elements; the compatible counts of a
    // percentage printed with 0 decimals span n / 100 values, so this needs n above 2.1e11
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "range " + first + ".." + last + " has more than " + Integer.MAX_VALUE + " elements");
    }
    this.size = (int) count;
  }

  @Override
  public Long get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return first + index;
  }

  @Override
  public int size() {
    return size;
  }
}
