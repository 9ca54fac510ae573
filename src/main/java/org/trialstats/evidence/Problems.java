package org.trialstats.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Problems collected while loading a dataset, thrown together as one {@link DatasetException}. */
final class Problems {
  private final List<DatasetException.Problem> list = new ArrayList<>();

  void add(String file, int line, String field, String message) {
    list.add(new DatasetException.Problem(file, line, field, message));
  }

  void addAll(DatasetException e) {
    list.addAll(e.problems());
  }

  int count() {
    return list.size();
  }

  /**
   * Throws the collected problems, ordered by the position of their file in {@code fileOrder}
   * (files not listed last, by name) and then by line.
   */
  void throwIfAny(List<String> fileOrder) {
    if (list.isEmpty()) {
      return;
    }
    List<DatasetException.Problem> sorted = new ArrayList<>(list);
    Comparator<DatasetException.Problem> byFile =
        Comparator.comparingInt(
            p -> {
              int i = fileOrder.indexOf(p.file());
              return i < 0 ? fileOrder.size() : i;
            });
    sorted.sort(
        byFile
            .thenComparing(DatasetException.Problem::file)
            .thenComparingInt(DatasetException.Problem::line));
    throw new DatasetException(sorted);
  }
}
