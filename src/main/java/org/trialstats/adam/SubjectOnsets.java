package org.trialstats.adam;

import java.util.Arrays;

/**
 * The subjects of one table row (any event, a system organ class or a preferred term) with at least
 * one selected event, each with the earliest onset day of those events, in the order the subjects
 * were first seen. Subjects are indexes into the population's subjects in ADSL order.
 *
 * <p>Memory is one entry per subject of the row, however many events a subject has: an
 * open-addressing hash table with linear probing, at most half full, over append-only arrays. Once
 * a quarter of the population is in the row, the table is replaced by a direct index of the
 * population size, which is then no larger.
 *
 * <p>ADAE is normally sorted by subject, and ADSL too, so subjects arrive in increasing index
 * order: while they do, a subject is either the last one added or new, and no index is built at all
 * (an index probe is a cache miss per first event of a subject in a row). The index is built the
 * first time a subject arrives out of order.
 */
public final class SubjectOnsets {
  private final int populationSize;
  private int[] subjects = new int[4];
  private double[] onsets = new double[4];
  // selected records per subject (the "[events]" of a table cell)
  private int[] events = new int[4];
  private int size;
  // slot -> position + 1; 0 marks an empty slot; null while subjects arrive in order
  private int[] slots;
  // subject -> position + 1 (0: not in the row), once the row is large; else null
  private int[] direct;
  // Position of the subject of the previous event: a subject's events come one after another.
  private int last = -1;

  SubjectOnsets(int populationSize) {
    this.populationSize = populationSize;
  }

  /**
   * Records an event of {@code subject}: the earliest onset is {@code min(previous, onsetDay)}, and
   * an unknown onset (NaN) makes the subject's earliest onset unknown, as {@link Math#min} does.
   */
  void add(int subject, double onsetDay) {
    if (last >= 0 && subjects[last] == subject) {
      onsets[last] = Math.min(onsets[last], onsetDay);
      events[last]++;
      return;
    }
    if (slots == null && direct == null) {
      if (size == 0 || subject > subjects[size - 1]) {
        last = append(subject, onsetDay);
        return;
      }
      buildIndex();
    }
    if (direct != null) {
      int position = direct[subject] - 1;
      if (position < 0) {
        position = append(subject, onsetDay);
        direct[subject] = position + 1;
      } else {
        onsets[position] = Math.min(onsets[position], onsetDay);
        events[position]++;
      }
      last = position;
      return;
    }
    int mask = slots.length - 1;
    int slot = spread(subject) & mask;
    while (slots[slot] != 0) {
      int position = slots[slot] - 1;
      if (subjects[position] == subject) {
        onsets[position] = Math.min(onsets[position], onsetDay);
        events[position]++;
        last = position;
        return;
      }
      slot = (slot + 1) & mask;
    }
    last = append(subject, onsetDay);
    slots[slot] = size;
    if (size * 4L >= populationSize || size * 2 > slots.length) {
      buildIndex();
    }
  }

  /** A direct index for a large row, else a hash table at most half full. */
  private void buildIndex() {
    if (size * 4L >= populationSize) {
      direct = new int[populationSize];
      for (int position = 0; position < size; position++) {
        direct[subjects[position]] = position + 1;
      }
      slots = null;
      return;
    }
    slots = new int[Math.max(8, Integer.highestOneBit(size) * 4)];
    int mask = slots.length - 1;
    for (int position = 0; position < size; position++) {
      int slot = spread(subjects[position]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = position + 1;
    }
  }

  private int append(int subject, double onsetDay) {
    if (size == subjects.length) {
      subjects = Arrays.copyOf(subjects, size * 2);
      onsets = Arrays.copyOf(onsets, size * 2);
      events = Arrays.copyOf(events, size * 2);
    }
    subjects[size] = subject;
    onsets[size] = onsetDay;
    events[size] = 1;
    return size++;
  }

  /** Number of subjects with at least one event in the row. */
  public int size() {
    return size;
  }

  /** Index in the population (ADSL order) of the {@code i}-th subject first seen. */
  public int subject(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return subjects[i];
  }

  /** Earliest onset day of the {@code i}-th subject's events; NaN if one of them has none. */
  public double onset(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return onsets[i];
  }

  /** Number of selected records (events) of the {@code i}-th subject first seen in the row. */
  public int events(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return events[i];
  }

  /** Fibonacci hashing: consecutive subject indexes land far apart. */
  private static int spread(int subject) {
    int h = subject * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
