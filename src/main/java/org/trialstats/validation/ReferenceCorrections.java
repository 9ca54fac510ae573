package org.trialstats.validation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documented corrections to the shared reference file {@code binary_reference.csv}, checked by
 * independent high-precision computations (the scripts named in {@code reference_corrections.csv}):
 *
 * <ul>
 *   <li>Every {@code test barnard} and {@code test boschloo} row was produced by calling SciPy with
 *       the rows of the 2x2 table as the samples, but SciPy's {@code barnard_exact} and {@code
 *       boschloo_exact} take the <em>columns</em> as the two binomial samples. Those reference
 *       p-values therefore belong to the transposed table, in which the numbers of subjects with
 *       and without the event are fixed instead of the arm sizes. Such a row is checked by
 *       computing trialstats on the transposed table (arm 1 = x1 of x1 + x2, arm 2 = n1 - x1 of N -
 *       x1 - x2), which compares like with like; trialstats' own results for the arms as given are
 *       checked against SciPy called correctly in the unit tests.
 *   <li>Nine rows whose reference value is wrong or uses another convention get the correct value,
 *       with the reason.
 * </ul>
 */
public final class ReferenceCorrections {
  private static final Map<String, Map<String, String>> CORRECTIONS = load();

  private ReferenceCorrections() {}

  private static Map<String, Map<String, String>> load() {
    Map<String, Map<String, String>> map = new HashMap<>();
    for (Map<String, String> row : ValidationSuite.readCsv("reference_corrections.csv")) {
      map.put(row.get("id"), row);
    }
    return map;
  }

  /** Whether a reference row was computed on the transposed table (see class comment). */
  public static boolean transposed(Map<String, String> row) {
    String method = row.get("method");
    return "test".equals(row.get("measure"))
        && ("barnard".equals(method) || "boschloo".equals(method));
  }

  /**
   * The row as it must be checked: transposed counts where the reference used the transposed table,
   * corrected reference values where the reference is wrong, and the reason appended to {@code
   * ref_source}.
   */
  public static Map<String, String> apply(Map<String, String> row) {
    Map<String, String> out = new LinkedHashMap<>(row);
    if (transposed(row)) {
      long x1 = Long.parseLong(row.get("events1"));
      long n1 = Long.parseLong(row.get("n1"));
      long x2 = Long.parseLong(row.get("events2"));
      long n2 = Long.parseLong(row.get("n2"));
      long events = x1 + x2;
      long nonEvents = n1 + n2 - events;
      // With no events (or no non-events) the transposed table has an empty arm; p = 1 either way.
      if (events > 0 && nonEvents > 0) {
        out.put("events1", Long.toString(x1));
        out.put("n1", Long.toString(events));
        out.put("events2", Long.toString(n1 - x1));
        out.put("n2", Long.toString(nonEvents));
        out.put(
            "ref_source",
            row.get("ref_source")
                + " [reference computed on the transposed table; checked on the transposed table]");
      }
    }
    Map<String, String> fix = CORRECTIONS.get(row.get("id"));
    if (fix != null) {
      for (String column : List.of("ref_estimate", "ref_lower", "ref_upper", "ref_p_value")) {
        if (!fix.get(column).isBlank()) {
          out.put(column, fix.get(column));
        }
      }
      out.put("ref_source", "corrected: " + fix.get("ref_source") + " (" + fix.get("reason") + ")");
    }
    return out;
  }
}
