package org.trialstats.adam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stratum of every population subject for a stratified comparison in an adverse-event table:
 * the value of one ADSL variable (e.g. the pooled site group {@code SITEGR1}). Strata are listed in
 * ascending order of their values (numbers as numbers, text as text).
 */
public final class AeStrata {
  private final String variable;
  private final List<String> levels;
  private final int[] subjectLevel;

  private AeStrata(String variable, List<String> levels, int[] subjectLevel) {
    this.variable = variable;
    this.levels = List.copyOf(levels);
    this.subjectLevel = subjectLevel;
  }

  /**
   * Reads {@code variable} for every subject of {@code population} from ADSL.
   *
   * @param adsl the ADSL data set the population was read from, positioned before its first record
   * @param subjectVariable the subject identifier (e.g. {@code USUBJID})
   * @param variable the stratification variable
   * @param population the analysis population
   * @return the stratum of each population subject, by the subject's position in the population
   * @throws AdamDataException if a variable is missing or a population subject has a blank value
   */
  public static AeStrata read(
      DatasetReader adsl, String subjectVariable, String variable, Population population)
      throws IOException {
    int id = adsl.require(subjectVariable);
    int column = adsl.require(variable);
    boolean numeric = adsl.variables().get(column).type() == VariableType.NUMERIC;
    Map<String, Integer> index = new HashMap<>();
    int position = 0;
    for (String subject : population.subjects().keySet()) {
      index.put(subject, position++);
    }
    String[] values = new String[index.size()];
    Map<String, Double> numbers = new HashMap<>();
    while (adsl.next()) {
      Integer subject = index.get(adsl.text(id).strip());
      if (subject == null) {
        continue;
      }
      String value;
      if (numeric) {
        double x = adsl.number(column);
        value = Double.isNaN(x) ? "" : SasValues.numberText(x);
        numbers.put(value, x);
      } else {
        value = adsl.text(column).strip();
      }
      if (value.isEmpty()) {
        throw new AdamDataException(
            adsl.position()
                + ": subject "
                + adsl.text(id).strip()
                + " is in the population but the stratification variable "
                + variable
                + " is missing");
      }
      values[subject] = value;
    }
    TreeMap<String, Integer> sorted =
        numeric
            ? new TreeMap<>((a, b) -> Double.compare(numbers.get(a), numbers.get(b)))
            : new TreeMap<>();
    Arrays.stream(values).filter(v -> v != null).forEach(v -> sorted.put(v, 0));
    List<String> levels = new ArrayList<>(sorted.keySet());
    for (int i = 0; i < levels.size(); i++) {
      sorted.put(levels.get(i), i);
    }
    int[] level = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new AdamDataException(
            adsl.source() + ": no record for population subject at position " + (i + 1));
      }
      level[i] = sorted.get(values[i]);
    }
    return new AeStrata(variable, levels, level);
  }

  /** The stratification variable. */
  public String variable() {
    return variable;
  }

  /** The strata (values of the variable) in ascending order. */
  public List<String> levels() {
    return levels;
  }

  /** Number of population subjects. */
  public int populationSize() {
    return subjectLevel.length;
  }

  /** The stratum (index into {@link #levels()}) of the population subject at {@code position}. */
  public int level(int position) {
    return subjectLevel[position];
  }
}
