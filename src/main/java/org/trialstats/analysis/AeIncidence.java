package org.trialstats.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.AdverseEvents;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeStrata;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.AeTableSpec;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.EstimateCell;
import org.trialstats.adam.ExposureDataException;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.adam.FirstOnsets;
import org.trialstats.adam.Population;
import org.trialstats.adam.RowLevel;
import org.trialstats.adam.RowOrder;
import org.trialstats.adam.SasValues;
import org.trialstats.adam.Subject;
import org.trialstats.adam.SubjectOnsets;
import org.trialstats.stats.PoissonCount;
import org.trialstats.stats.StratifiedTables;
import org.trialstats.stats.TestResult;
import org.trialstats.stats.TwoByTwo;
import org.trialstats.stats.TwoByTwoTest;

/**
 * Computes adverse-event incidence tables in the standard clinical-study-report form (ICH E3
 * section 12.2; FDA/PHUSE safety table conventions): the numerator of a row is the number of
 * subjects with at least one selected event of the row, each subject counted once per row whatever
 * the number of events; the denominator is the number of subjects of the arm in the analysis
 * population.
 *
 * <p>Exposure-adjusted incidence rates (EAIR) are subjects with the event per 100 patient-years
 * (365.25 days) of person-time at risk as defined by {@link ExposureDefinition}; their intervals
 * and the rate ratios against the control arm come from the Poisson methods of the {@link
 * AeTableSpec}.
 */
public final class AeIncidence {
  /** Days per patient-year. */
  public static final double DAYS_PER_YEAR = 365.25;

  private AeIncidence() {}

  /**
   * Builds the table from the per-row subjects of {@code events} ({@link
   * AdverseEvents#firstOnsets()}), which must have been read for this {@code population}: rows
   * refer to subjects by their position in it.
   *
   * @throws AdamDataException if the control arm is unknown, exposure is needed but missing or not
   *     positive for a subject, or an onset needed for time to first event is missing
   */
  public static AeTable compute(Population population, AdverseEvents events, AeTableSpec spec) {
    return compute(population, events, spec, null);
  }

  /**
   * As {@link #compute(Population, AdverseEvents, AeTableSpec)}, with the common risk difference
   * over {@code strata} by {@link AeTableSpec#stratified()} in every comparison: per row, one 2x2
   * table (arm versus control) per stratum, strata with an empty arm dropped as {@link
   * org.trialstats.stats.StratifiedTables} does.
   *
   * @param strata the stratum of every population subject; required when {@code spec.stratified()}
   *     is set, else must be null
   * @throws AdamDataException as the unstratified form, or if the ordering arm is unknown
   */
  public static AeTable compute(
      Population population, AdverseEvents events, AeTableSpec spec, AeStrata strata) {
    if (events.firstOnsets().populationSize() != population.subjects().size()) {
      throw new IllegalArgumentException("the adverse events were read for another population");
    }
    if ((spec.stratified() == null) != (strata == null)) {
      throw new IllegalArgumentException("strata are needed exactly when a method is chosen");
    }
    if (strata != null && strata.populationSize() != population.subjects().size()) {
      throw new IllegalArgumentException("the strata were read for another population");
    }
    List<String> arms = population.arms();
    String control = controlArm(arms, spec.controlArm());
    if (spec.exposure() != ExposureDefinition.NONE) {
      checkExposure(population);
    }
    FirstOnsets onsets = events.firstOnsets();
    RowBuilder builder = new RowBuilder(population, spec, control, strata);
    Comparator<AeRow> byName =
        Comparator.comparing(AeRow::name, String.CASE_INSENSITIVE_ORDER).thenComparing(AeRow::name);
    Comparator<AeRow> byFrequency =
        (spec.order() == RowOrder.ARM
                ? armCount(arms.indexOf(orderArm(arms, spec.orderArm())))
                : frequency(arms.indexOf(control)))
            .thenComparing(byName);
    List<AeRow> rows = new ArrayList<>();
    rows.add(builder.row(RowLevel.ANY, "", "", onsets.any()));
    List<List<AeRow>> socs = new ArrayList<>();
    for (Map.Entry<String, SubjectOnsets> soc : onsets.bySoc().entrySet()) {
      List<AeRow> terms = new ArrayList<>();
      for (Map.Entry<String, SubjectOnsets> term : onsets.byTerm(soc.getKey()).entrySet()) {
        AeRow row = builder.row(RowLevel.TERM, soc.getKey(), term.getKey(), term.getValue());
        if (row.reaches(spec.minPercent())) {
          terms.add(row);
        }
      }
      if (terms.isEmpty()) {
        continue;
      }
      terms.sort(spec.order() == RowOrder.ALPHABETICAL ? byName : byFrequency);
      List<AeRow> block = new ArrayList<>();
      block.add(builder.row(RowLevel.SOC, soc.getKey(), "", soc.getValue()));
      block.addAll(terms);
      socs.add(block);
    }
    Comparator<List<AeRow>> socOrder =
        Comparator.comparing(
            (List<AeRow> block) -> block.get(0),
            spec.order() == RowOrder.FREQUENCY || spec.order() == RowOrder.ARM
                ? byFrequency
                : byName);
    socs.sort(socOrder);
    socs.forEach(rows::addAll);
    return new AeTable(population, events, spec, control, rows, notes(events), strata);
  }

  /** Descending subjects in the treatment arms together, then descending in all arms. */
  private static Comparator<AeRow> frequency(int control) {
    Comparator<AeRow> treatment =
        Comparator.comparingLong(
            r -> {
              long sum = 0;
              for (int i = 0; i < r.arms().size(); i++) {
                sum += i == control ? 0 : r.arms().get(i).subjects();
              }
              return -sum;
            });
    return treatment.thenComparingLong(r -> -r.arms().stream().mapToLong(ArmCount::subjects).sum());
  }

  /** Descending subjects in one arm. */
  private static Comparator<AeRow> armCount(int arm) {
    return Comparator.comparingLong(r -> -r.arms().get(arm).subjects());
  }

  private static String orderArm(List<String> arms, String wanted) {
    if (wanted == null) {
      return arms.get(arms.size() - 1);
    }
    return arm(arms, wanted, "the arm ordering the rows, '" + wanted + "',");
  }

  /**
   * The control arm of the comparisons, the one rule of the AE tables and the CSR displays: the arm
   * whose name equals {@code wanted} ignoring case and surrounding spaces ({@code placebo} names
   * the arm {@code Placebo}); without a wanted name the arm named Placebo (ignoring case) if there
   * is one, else the first arm.
   *
   * @param arms the arms, in display order
   * @param wanted the control arm as the user wrote it, or null
   * @return the arm's name as the data spell it
   * @throws AdamDataException when no arm has the wanted name
   */
  public static String controlArm(List<String> arms, String wanted) {
    if (wanted == null) {
      return arms.stream()
          .filter(a -> a.equalsIgnoreCase("Placebo"))
          .findFirst()
          .orElse(arms.get(0));
    }
    return arm(arms, wanted, "control arm '" + wanted + "'");
  }

  /** The arm named {@code wanted} ignoring case and surrounding spaces. */
  private static String arm(List<String> arms, String wanted, String what) {
    return arms.stream()
        .filter(a -> a.equalsIgnoreCase(wanted.strip()))
        .findFirst()
        .orElseThrow(() -> new AdamDataException(what + " is not one of the arms " + arms));
  }

  private static void checkExposure(Population population) {
    List<String> bad =
        population.subjects().values().stream()
            .filter(s -> !(s.exposureDays() > 0) || Double.isInfinite(s.exposureDays()))
            .map(Subject::id)
            .toList();
    if (!bad.isEmpty()) {
      throw new ExposureDataException(
          population.source()
              + ": exposure-adjusted rates need a positive treatment duration for"
              + " every subject, but "
              + bad.size()
              + " subject(s) have none ("
              + String.join(", ", bad.subList(0, Math.min(5, bad.size())))
              + (bad.size() > 5 ? ", ..." : "")
              + "; "
              + (population.exposureSource().isEmpty()
                  ? "ADSL has neither a duration variable nor start and end dates"
                  : "from " + population.exposureSource())
              + ")",
          ExposureDefinition.NONE);
    }
  }

  private static List<String> notes(AdverseEvents events) {
    List<String> notes = new ArrayList<>();
    if (events.outsidePopulation() > 0) {
      notes.add(
          events.outsidePopulation()
              + " selected "
              + events.source()
              + " record(s) of subjects outside the population (or in an arm not shown) are not"
              + " counted.");
    }
    if (events.unknownSubjects() > 0) {
      notes.add(
          events.unknownSubjects()
              + " selected "
              + events.source()
              + " record(s) belong to subjects missing from "
              + "ADSL and are not counted.");
    }
    if (events.uncoded() > 0) {
      notes.add(
          events.uncoded()
              + " selected record(s) have no system organ class or preferred"
              + " term and are shown as \""
              + AdverseEvents.UNCODED
              + "\".");
    }
    return notes;
  }

  /** Builds rows: counts per arm, rates, and comparisons against the control arm. */
  private static final class RowBuilder {
    private final Population population;
    private final AeTableSpec spec;
    private final List<String> arms;
    private final int control;
    private final Map<String, Integer> armIndex = new HashMap<>();
    private final Subject[] subjects;
    private final int[] subjectArm;
    private final long[] n;
    private final double[] armDays;
    private final AeStrata strata;
    // subjects per arm and stratum, [arm][stratum]
    private final long[][] stratumN;

    RowBuilder(Population population, AeTableSpec spec, String controlArm, AeStrata strata) {
      this.strata = strata;
      this.population = population;
      this.spec = spec;
      this.arms = population.arms();
      this.control = arms.indexOf(controlArm);
      for (int i = 0; i < arms.size(); i++) {
        armIndex.put(arms.get(i), i);
      }
      this.subjects = population.subjects().values().toArray(Subject[]::new);
      this.subjectArm = new int[subjects.length];
      for (int i = 0; i < subjects.length; i++) {
        subjectArm[i] = armIndex.get(subjects[i].arm());
      }
      this.n = population.armSizes();
      this.armDays = new double[arms.size()];
      if (spec.exposure() != ExposureDefinition.NONE) {
        for (Subject s : population.subjects().values()) {
          armDays[armIndex.get(s.arm())] += s.exposureDays();
        }
      }
      this.stratumN = strata == null ? null : new long[arms.size()][strata.levels().size()];
      for (int i = 0; strata != null && i < subjects.length; i++) {
        stratumN[subjectArm[i]][strata.level(i)]++;
      }
    }

    AeRow row(RowLevel level, String soc, String term, SubjectOnsets firstOnsets) {
      int k = arms.size();
      long[] x = new long[k];
      long[] events = new long[k];
      long[][] stratumX = strata == null ? null : new long[k][strata.levels().size()];
      double[] days = armDays.clone();
      // Subjects in the order first seen in ADAE, so that person-time is summed in that order.
      for (int i = 0; i < firstOnsets.size(); i++) {
        Subject s = subjects[firstOnsets.subject(i)];
        int a = subjectArm[firstOnsets.subject(i)];
        x[a]++;
        events[a] += firstOnsets.events(i);
        if (stratumX != null) {
          stratumX[a][strata.level(firstOnsets.subject(i))]++;
        }
        if (spec.exposure() == ExposureDefinition.TIME_TO_FIRST_EVENT) {
          double onset = firstOnsets.onset(i);
          if (!(onset >= 1) || Double.isInfinite(onset)) {
            throw new ExposureDataException(
                "time to first event: subject "
                    + s.id()
                    + " has "
                    + (Double.isNaN(onset)
                        ? "an event with no onset date or study day"
                        : "an event with onset day "
                            + SasValues.numberText(onset)
                            + ", before the first dose")
                    + " in "
                    + (level == RowLevel.ANY
                        ? "the 'any event' row"
                        : level == RowLevel.SOC ? soc : soc + " / " + term),
                ExposureDefinition.TREATMENT_DURATION);
          }
          days[a] += onset - s.exposureDays();
        }
      }
      List<ArmCount> counts = new ArrayList<>(k);
      for (int a = 0; a < k; a++) {
        EstimateCell rate = null;
        double years = Double.NaN;
        if (spec.exposure() != ExposureDefinition.NONE) {
          years = days[a] / DAYS_PER_YEAR;
          PoissonCount count = new PoissonCount(x[a], years);
          rate = EstimateCell.of(() -> spec.rate().interval(count, spec.level()).scaled(100));
        }
        counts.add(new ArmCount(arms.get(a), x[a], n[a], events[a], years, rate));
      }
      List<ArmComparison> comparisons = new ArrayList<>(k - 1);
      for (int a = 0; a < k; a++) {
        if (a == control) {
          continue;
        }
        TwoByTwo table = TwoByTwo.of(x[a], n[a], x[control], n[control]);
        EstimateCell rd =
            EstimateCell.of(() -> spec.riskDifference().interval(table, spec.level()));
        EstimateCell rr =
            spec.riskRatio() == null
                ? null
                : EstimateCell.of(() -> spec.riskRatio().interval(table, spec.level()));
        EstimateCell irr = null;
        if (spec.exposure() != ExposureDefinition.NONE) {
          PoissonCount treated = new PoissonCount(x[a], counts.get(a).exposureYears());
          PoissonCount reference =
              new PoissonCount(x[control], counts.get(control).exposureYears());
          irr = EstimateCell.of(() -> spec.rateRatio().interval(treated, reference, spec.level()));
        }
        TestResult fisher = spec.fisher() ? TwoByTwoTest.FISHER.test(table) : null;
        EstimateCell stratified = null;
        if (strata != null) {
          int treated = a;
          stratified =
              EstimateCell.of(
                  () -> spec.stratified().interval(strataTables(stratumX, treated), spec.level()));
        }
        comparisons.add(new ArmComparison(arms.get(a), rd, rr, irr, fisher, stratified));
      }
      return new AeRow(level, soc, term, counts, comparisons);
    }

    /** One 2x2 table per stratum: arm {@code a} versus the control arm. */
    private StratifiedTables strataTables(long[][] stratumX, int a) {
      List<StratifiedTables.Stratum> list = new ArrayList<>();
      for (int s = 0; s < strata.levels().size(); s++) {
        list.add(
            new StratifiedTables.Stratum(
                stratumX[a][s], stratumN[a][s], stratumX[control][s], stratumN[control][s]));
      }
      return new StratifiedTables(list);
    }
  }
}
