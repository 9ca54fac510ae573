package org.trialstats.adam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The time-to-event records of a data set as columns: time, event flag, group code and stratum code
 * per subject, with the group and stratum labels. Memory is the columns read (a double, a boolean
 * and one or two ints per record) and the distinct labels.
 *
 * @param time follow-up times
 * @param event true for an event
 * @param group group code per record, indexing {@code groups}
 * @param groups group labels in display order
 * @param stratum stratum code per record, or null when unstratified
 * @param strata stratum labels (empty when unstratified)
 * @param excluded records left out because their subject is not in the population
 * @param groupOrder how the groups were ordered, for the output's notes
 */
public record TimeToEventData(
    double[] time,
    boolean[] event,
    int[] group,
    List<String> groups,
    int[] stratum,
    List<String> strata,
    int excluded,
    String groupOrder) {

  /**
   * The subjects whose population flag is {@code Y} in a subject-level data set (ADSL), with the
   * label-to-number maps of its character/numeric variable pairs (to order treatment groups).
   *
   * @param adsl the subject-level data set
   * @param subjectVariable the subject identifier ({@code USUBJID})
   * @param flagVariable the population flag ({@code SAFFL}, {@code ITTFL}, ...)
   * @return the identifiers of the flagged subjects
   * @throws IOException if the file cannot be read
   * @throws AdamDataException if a variable is missing
   */
  public static PopulationSubjects population(
      DatasetReader adsl, String subjectVariable, String flagVariable) throws IOException {
    int subject = adsl.require(subjectVariable);
    int flag = adsl.require(flagVariable);
    Set<String> ids = new HashSet<>();
    List<int[]> orderPairs = new ArrayList<>();
    Map<String, Map<String, Double>> companions = companionPairs(adsl, orderPairs);
    while (adsl.next()) {
      if (adsl.text(flag).equals("Y")) {
        ids.add(adsl.text(subject));
        for (int[] pair : orderPairs) {
          String label = adsl.sharedText(pair[0]);
          double order = orderNumber(adsl, pair[1]);
          if (!label.isEmpty() && !Double.isNaN(order)) {
            companions.get(adsl.variables().get(pair[0]).name()).putIfAbsent(label, order);
          }
        }
      }
    }
    return new PopulationSubjects(flagVariable, Set.copyOf(ids), companions);
  }

  private static double orderNumber(DatasetReader reader, int index) {
    try {
      return reader.number(index);
    } catch (AdamDataException notANumber) {
      return Double.NaN;
    }
  }

  /** Character variables V with a numeric variable VN beside them (TRT01P and TRT01PN). */
  private static Map<String, Map<String, Double>> companionPairs(
      DatasetReader reader, List<int[]> pairs) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    List<DatasetVariable> vars = reader.variables();
    for (int i = 0; i < vars.size(); i++) {
      int numeric = reader.find(vars.get(i).name() + "N");
      boolean csv = vars.get(i).offset() < 0;
      if (numeric >= 0
          && vars.get(i).type() == VariableType.CHARACTER
          && (csv || vars.get(numeric).type() == VariableType.NUMERIC)) {
        pairs.add(new int[] {i, numeric});
        out.put(vars.get(i).name(), new HashMap<>());
      }
    }
    return out;
  }

  /**
   * Reads the records: keeps those of the parameter, passing every filter and (when a population is
   * given) belonging to a population subject. Groups are ordered by their numeric companion
   * variable ({@code <group>N}, e.g. TRTPN) when the data set has one, else by a character/numeric
   * pair of the population data set whose values cover every group (e.g. ADSL TRT01P/TRT01PN), else
   * alphabetically; strata alphabetically.
   *
   * @param data the data set
   * @param columns the variables
   * @param population the population, or null to keep every subject
   * @return the columns
   * @throws IOException if the file cannot be read
   * @throws AdamDataException naming file, record and variable for a missing variable, a missing or
   *     negative time, a censor or event flag outside its values, a missing group, a second record
   *     of a population subject, or no record left after the filters
   */
  public static TimeToEventData read(
      DatasetReader data, TimeToEventColumns columns, PopulationSubjects population)
      throws IOException {
    Records out = new Records(data, columns, population);
    while (data.next()) {
      out.accept();
    }
    return out.columns();
  }

  private static String describeSelection(TimeToEventColumns columns, PopulationSubjects pop) {
    List<String> parts = new ArrayList<>();
    if (columns.parameter() != null) {
      parts.add("PARAMCD = " + columns.parameter());
    }
    columns.where().forEach(c -> parts.add(c.toString()));
    if (pop != null) {
      parts.add(pop.flag() + " = Y");
    }
    return parts.isEmpty() ? "all records" : String.join(", ", parts);
  }

  private static List<String> sortedLabels(Map<String, Integer> codes, Map<String, Double> order) {
    List<String> labels = new ArrayList<>(codes.keySet());
    Comparator<String> byName = Comparator.naturalOrder();
    if (order == null) {
      labels.sort(byName);
    } else {
      labels.sort(Comparator.comparing((String label) -> order.get(label)).thenComparing(byName));
    }
    return List.copyOf(labels);
  }

  private static int[] remap(Map<String, Integer> codes, List<String> labels) {
    int[] map = new int[codes.size()];
    for (int i = 0; i < labels.size(); i++) {
      map[codes.get(labels.get(i))] = i;
    }
    return map;
  }

  /**
   * The records kept so far, as primitive columns filled in blocks of {@link #BLOCK} records and
   * joined at the end: each value is allocated and copied once (growing arrays by doubling
   * allocated three times the columns, and in a fresh JVM zeroing new memory is not free). {@link
   * #accept()} takes the current record; it is kept short, with the error messages in methods of
   * their own, because it runs once per record: a small method is compiled early and fully in a
   * fresh JVM, where a read of a million records is otherwise dominated by compiling one large
   * loop.
   */
  private static final class Records {
    private static final int IDENTITY_CACHE = 8;

    private final DatasetReader data;
    private final TimeToEventColumns columns;
    private final PopulationSubjects population;
    private final int time;
    private final int status;
    private final int group;
    private final int strata;
    private final int subject;
    private final int parameter;
    private final int[] filters;
    private final int groupOrder;
    private final Map<String, Integer> groupCodes = new HashMap<>();
    private final Map<String, Integer> strataCodes = new HashMap<>();
    private final Map<String, Double> groupOrderValues = new HashMap<>();
    private final Set<String> seenSubjects;
    private String[] recentLabels = new String[0];
    private int excluded;

    private static final int BLOCK = 1 << 14;
    private final List<double[]> timeBlocks = new ArrayList<>();
    private final List<boolean[]> eventBlocks = new ArrayList<>();
    private final List<int[]> groupBlocks = new ArrayList<>();
    private final List<int[]> stratumBlocks = new ArrayList<>();
    private double[] times;
    private boolean[] events;
    private int[] groupColumn;
    private int[] stratumColumn;

    /** Records in the current block; the block is full at {@link #BLOCK}. */
    private int used = BLOCK;

    private int size;

    Records(DatasetReader data, TimeToEventColumns columns, PopulationSubjects population) {
      this.data = data;
      this.columns = columns;
      this.population = population;
      this.time = data.require(columns.time());
      this.status = data.require(columns.status());
      this.group = data.require(columns.group());
      this.strata = columns.strata() == null ? -1 : data.require(columns.strata());
      this.subject = population == null ? -1 : data.require(columns.subject());
      this.parameter = columns.parameter() == null ? -1 : data.require("PARAMCD");
      this.filters = columns.where().stream().mapToInt(c -> data.require(c.variable())).toArray();
      this.groupOrder = data.find(columns.group() + "N");
      this.seenSubjects = population == null ? null : new HashSet<>();
    }

    /** Takes the current record if it is selected; throws for an invalid value. */
    void accept() {
      if (!selected()) {
        return;
      }
      double t = data.number(time);
      if (Double.isNaN(t) || t < 0 || Double.isInfinite(t)) {
        throw invalidTime();
      }
      boolean event = event(data.number(status));
      int code = groupCode(data.sharedText(group));
      int stratumCode = strata >= 0 ? stratumCode() : 0;
      if (used == BLOCK) {
        newBlock();
      }
      times[used] = t;
      events[used] = event;
      groupColumn[used] = code;
      if (strata >= 0) {
        stratumColumn[used] = stratumCode;
      }
      used++;
      size++;
    }

    /** Whether the current record is of the parameter, passes the filters and the population. */
    private boolean selected() {
      if (parameter >= 0 && !data.sharedText(parameter).equals(columns.parameter())) {
        return false;
      }
      for (int f = 0; f < filters.length; f++) {
        if (!columns.where().get(f).accepts(data.sharedText(filters[f]))) {
          return false;
        }
      }
      if (population != null) {
        String id = data.text(subject);
        if (!population.subjects().contains(id)) {
          excluded++;
          return false;
        }
        if (!seenSubjects.add(id)) {
          throw new AdamDataException(
              data.position()
                  + ", variable "
                  + columns.subject()
                  + ": subject "
                  + id
                  + " has a second record; select one parameter (PARAMCD) or filter the records"
                  + " so that each subject has one");
        }
      }
      return true;
    }

    private AdamDataException invalidTime() {
      return new AdamDataException(
          data.position()
              + ", variable "
              + columns.time()
              + ": time '"
              + data.text(time)
              + "' must be a number >= 0 (missing and negative times are not allowed)");
    }

    private boolean event(double flag) {
      if (columns.statusIsCensor()) {
        if (flag == 0) {
          return true;
        }
        if (flag > 0 && flag == Math.rint(flag) && !Double.isInfinite(flag)) {
          return false;
        }
        throw new AdamDataException(
            data.position()
                + ", variable "
                + columns.status()
                + ": censor flag '"
                + data.text(status)
                + "' must be 0 (event) or a positive integer (censored)");
      }
      if (flag == 1) {
        return true;
      }
      if (flag == 0) {
        return false;
      }
      throw new AdamDataException(
          data.position()
              + ", variable "
              + columns.status()
              + ": event flag '"
              + data.text(status)
              + "' must be 1 (event) or 0 (censored)");
    }

    /**
     * The group's code: the few labels seen are compared by identity first, as a reader that shares
     * the text of repeated values gives the same string for each, then by equality.
     */
    private int groupCode(String label) {
      for (int k = 0; k < recentLabels.length; k++) {
        if (recentLabels[k] == label) {
          return k;
        }
      }
      Integer code = groupCodes.get(label);
      return code != null ? code : newGroup(label);
    }

    private int newGroup(String label) {
      if (label.isEmpty()) {
        throw new AdamDataException(
            data.position() + ", variable " + columns.group() + ": the group is missing");
      }
      int code = groupCodes.size();
      groupCodes.put(label, code);
      if (code < IDENTITY_CACHE) {
        recentLabels = Arrays.copyOf(recentLabels, code + 1);
        recentLabels[code] = label;
      }
      if (groupOrder >= 0) {
        groupOrderValues.put(label, orderNumber(data, groupOrder));
      }
      return code;
    }

    private int stratumCode() {
      String s = data.sharedText(strata);
      if (s.isEmpty()) {
        throw new AdamDataException(
            data.position() + ", variable " + columns.strata() + ": the stratum is missing");
      }
      return strataCodes.computeIfAbsent(s, x -> strataCodes.size());
    }

    private void newBlock() {
      times = new double[BLOCK];
      events = new boolean[BLOCK];
      groupColumn = new int[BLOCK];
      timeBlocks.add(times);
      eventBlocks.add(events);
      groupBlocks.add(groupColumn);
      if (strata >= 0) {
        stratumColumn = new int[BLOCK];
        stratumBlocks.add(stratumColumn);
      }
      used = 0;
    }

    /** The columns read, groups in display order (see {@link TimeToEventData#read}). */
    TimeToEventData columns() {
      if (size == 0) {
        throw new AdamDataException(
            data.source()
                + ": no record left after selecting "
                + describeSelection(columns, population)
                + "; check the filters");
      }
      String orderNote;
      Map<String, Double> order = groupOrderValues;
      if (groupOrder >= 0 && !order.containsValue(Double.NaN)) {
        orderNote = "groups ordered by " + data.variables().get(groupOrder).name();
      } else {
        order = population == null ? null : population.orderCovering(groupCodes.keySet());
        orderNote =
            order == null
                ? "groups ordered alphabetically"
                : "groups ordered by " + population.orderVariable(groupCodes.keySet());
      }
      List<String> groupLabels = sortedLabels(groupCodes, order);
      List<String> strataLabels = sortedLabels(strataCodes, null);
      int[] groupRemap = remap(groupCodes, groupLabels);
      int[] strataRemap = remap(strataCodes, strataLabels);
      int n = size;
      double[] timeOut = new double[n];
      boolean[] eventOut = new boolean[n];
      int[] groupOut = new int[n];
      int[] stratumOut = strata >= 0 ? new int[n] : null;
      for (int b = 0; b < timeBlocks.size(); b++) {
        int from = b * BLOCK;
        int length = Math.min(BLOCK, n - from);
        System.arraycopy(timeBlocks.get(b), 0, timeOut, from, length);
        System.arraycopy(eventBlocks.get(b), 0, eventOut, from, length);
        int[] blockGroups = groupBlocks.get(b);
        int[] blockStrata = strata >= 0 ? stratumBlocks.get(b) : null;
        for (int i = 0; i < length; i++) {
          groupOut[from + i] = groupRemap[blockGroups[i]];
          if (blockStrata != null) {
            stratumOut[from + i] = strataRemap[blockStrata[i]];
          }
        }
      }
      return new TimeToEventData(
          timeOut, eventOut, groupOut, groupLabels, stratumOut, strataLabels, excluded, orderNote);
    }
  }
}
