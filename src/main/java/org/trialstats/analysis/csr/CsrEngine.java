package org.trialstats.analysis.csr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trialstats.adam.AdaeSpec;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.AdslSpec;
import org.trialstats.adam.AdverseEvents;
import org.trialstats.adam.AeRow;
import org.trialstats.adam.AeStrata;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.AeTableSpec;
import org.trialstats.adam.ArmComparison;
import org.trialstats.adam.ArmCount;
import org.trialstats.adam.Condition;
import org.trialstats.adam.EstimateCell;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.adam.Population;
import org.trialstats.adam.RowLevel;
import org.trialstats.adam.SasValues;
import org.trialstats.analysis.AeIncidence;
import org.trialstats.analysis.csr.DisplayShell.Filter;
import org.trialstats.analysis.csr.DisplayShell.Ref;
import org.trialstats.analysis.csr.DisplayShell.Subset;
import org.trialstats.io.Numbers;
import org.trialstats.linear.Coding;
import org.trialstats.linear.Coefficient;
import org.trialstats.linear.Covariate;
import org.trialstats.linear.DoseResponse;
import org.trialstats.linear.Factor;
import org.trialstats.linear.LeastSquaresMean;
import org.trialstats.linear.LeastSquaresMeanDifference;
import org.trialstats.linear.LinearModel;
import org.trialstats.linear.Term;
import org.trialstats.stats.ContingencyTable;
import org.trialstats.stats.Estimate;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedTables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.joining.JoinType;
import tech.tablesaw.selection.Selection;

/**
 * Computes a display from its shell and the ADaM data held as Tablesaw tables.
 *
 * <p>Subjects: the ADSL records with the population flag equal to {@code Y} (all records when the
 * shell says {@code all}). Columns: one per arm, the distinct values of the treatment variable
 * among them ordered by its numeric code (the smallest code of each arm, e.g. TRT01PN), split into
 * the shell's subsets (subjects with the subset flag {@code Y}), then an optional Total; the header
 * shows N, the subjects of the column. A block on a data set other than ADSL reads its records
 * inner-joined to the population's ADSL records by {@code USUBJID} (ADSL variables the data set
 * lacks become available to the block), then applies the block's filters; each record belongs to
 * the columns of its subject.
 *
 * <p>Count blocks count subjects (distinct USUBJID), percentages over the column N or over the
 * subjects with a value. Summary blocks describe the records' values ({@link Description}). Tests
 * use the arm columns only (not Total). Model blocks fit {@link LinearModel} (QR least squares,
 * Type III, LS means as SAS LSMEANS) with the arm as the first factor, and the dose response with
 * {@link DoseResponse}.
 */
public final class CsrEngine {
  /** The subject identifier joining the data sets. */
  public static final String SUBJECT = "USUBJID";

  private static final String TOTAL = "Total";
  private static final String P_COLUMN = "p-value";

  private final DisplayShell shell;
  private final Map<String, Table> data;
  private final Table population;
  private final List<Col> columns = new ArrayList<>();
  private final List<String> arms = new ArrayList<>();
  // a "p-value" column for the tests across all arms
  private final boolean testColumn;
  // the control arm of pairwise columns, and those columns: per compared arm, what they show
  private String control;
  private final List<PairColumn> pairColumns = new ArrayList<>();
  private final List<CsrDisplay.Line> lines = new ArrayList<>();
  private final List<CsrValue> values = new ArrayList<>();
  // notes for the user, each once (a block's note can arise in each of its cells)
  private final Set<String> notes = new LinkedHashSet<>();
  private final Set<String> methods = new LinkedHashSet<>();
  // the tests' footnotes, each printed once, and the marker of each block's p-values
  private final Map<String, String> markers = new LinkedHashMap<>();
  private final Map<String, String> blockMarker = new HashMap<>();

  /** A column of one arm versus the control: a p-value ({@code p}) or a risk difference. */
  private record PairColumn(String arm, String statistic) {}

  /** A column: an arm (null for Total), an optional subset, its subjects. */
  private record Col(String arm, String subset, String name, Set<String> subjects) {}

  private CsrEngine(DisplayShell shell, Map<String, Table> data) {
    this.shell = shell;
    this.data = data;
    Table adsl = table("adsl");
    require(adsl, new Ref(SUBJECT, 0, "data"), "adsl");
    if (shell.populationFlag() == null) {
      population = adsl;
    } else {
      String flag = require(adsl, shell.populationFlag(), "adsl");
      population = adsl.where(isY(adsl, flag));
      if (population.rowCount() == 0) {
        throw new ShellException(
            shell.file(),
            shell.populationFlag().line(),
            shell.populationFlag().field(),
            "population flag "
                + flag
                + " selects nobody: no ADSL record has "
                + flag
                + " = Y (values found: "
                + distinct(adsl, flag)
                + ")");
      }
    }
    setUpColumns();
    testColumn =
        shell.rows().stream()
            .anyMatch(
                r ->
                    (r instanceof ShellRow.Count c && c.test() != null && !c.test().versusControl())
                        || (r instanceof ShellRow.Summary s && s.test() != null));
    setUpPairColumns();
  }

  /**
   * The columns of arm-versus-control statistics: per treatment arm, a stratified risk difference
   * when an adverse-event or count block asks for one, then a p-value when a block tests each arm
   * against the control.
   */
  private void setUpPairColumns() {
    boolean rd = false;
    boolean p = false;
    int line = 0;
    for (ShellRow r : shell.rows()) {
      if (r instanceof ShellRow.AdverseEvents ae) {
        rd |= ae.strata() != null;
        p |= ae.fisher();
        line = ae.line();
      } else if (r instanceof ShellRow.Count c) {
        if (c.test() != null && c.test().versusControl()) {
          p = true;
          line = c.line();
        }
        if (c.riskDifference() != null) {
          rd = true;
          line = c.line();
        }
      }
    }
    if (!rd && !p) {
      return;
    }
    if (!shell.columns().subsets().isEmpty()) {
      throw new ShellException(
          shell.file(), line, "columns", "arm-versus-control columns need one column per arm");
    }
    control = controlArm();
    for (String arm : arms) {
      if (arm.equals(control)) {
        continue;
      }
      if (rd) {
        pairColumns.add(new PairColumn(arm, "rd"));
      }
      if (p) {
        pairColumns.add(new PairColumn(arm, "p"));
      }
    }
  }

  /**
   * The control arm: {@link AeIncidence#controlArm}, the shell's {@code control:} arm matched
   * ignoring case, else the arm named Placebo, else the first arm.
   */
  private String controlArm() {
    Ref wanted = shell.columns().control();
    try {
      return AeIncidence.controlArm(arms, wanted == null ? null : wanted.name());
    } catch (AdamDataException e) {
      throw new ShellException(
          shell.file(),
          wanted.line(),
          wanted.field(),
          "unknown arm '" + wanted.name() + "'; the arms are " + arms);
    }
  }

  /**
   * Computes a display.
   *
   * @param shell the shell
   * @param data the data sets by the shell's names ({@code adsl} and those the rows read)
   * @return the display
   * @throws ShellException when a name in the shell is not in the data, a population flag selects
   *     nobody, or a test does not fit the layout
   * @throws IllegalArgumentException for a figure shell
   */
  public static CsrDisplay compute(DisplayShell shell, Map<String, Table> data) {
    if (shell.figure() != null) {
      throw new IllegalArgumentException(
          shell.file() + " is a figure shell: CsrFigures computes it, not the table engine");
    }
    CsrEngine engine = new CsrEngine(shell, data);
    for (ShellRow row : shell.rows()) {
      if (row instanceof ShellRow.Count c) {
        engine.count(c);
      } else if (row instanceof ShellRow.Summary s) {
        engine.summary(s);
      } else if (row instanceof ShellRow.AdverseEvents ae) {
        engine.adverseEvents(ae);
      } else {
        engine.model((ShellRow.Model) row);
      }
    }
    return engine.display();
  }

  private CsrDisplay display() {
    List<String> headers = new ArrayList<>();
    List<CsrDisplay.Group> groups = new ArrayList<>();
    headers.add("");
    for (Col c : columns) {
      StringBuilder h = new StringBuilder(c.arm() == null ? TOTAL : c.arm());
      if (c.subset() != null) {
        // sub-columns: the subset under a spanning label of the arm with its N ("Placebo
        // (N=86)"), as the pilot's 14-1.03
        if (shell.columns().showN()) {
          h.append(" (N=").append(armSize(c.arm())).append(')');
        }
        String arm = h.toString();
        CsrDisplay.Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
        if (last != null && last.label().equals(arm)) {
          groups.set(groups.size() - 1, new CsrDisplay.Group(arm, last.first(), last.span() + 1));
        } else {
          groups.add(new CsrDisplay.Group(arm, headers.size(), 1));
        }
        h.setLength(0);
        h.append(c.subset());
      } else if (shell.columns().showN()) {
        h.append("\n(N=").append(c.subjects().size()).append(')');
      }
      headers.add(h.toString());
      values.add(new CsrValue("header", "N", c.name(), "N", c.subjects().size()));
    }
    if (testColumn) {
      headers.add(P_COLUMN);
    }
    for (PairColumn p : pairColumns) {
      headers.add(
          p.arm()
              + "\nvs "
              + control
              + "\n"
              + (p.statistic().equals("p") ? P_COLUMN : "Stratified RD (CI)"));
    }
    List<String> footnotes = new ArrayList<>(shell.footnotes());
    markers.forEach((text, marker) -> footnotes.add(marker + " " + text));
    footnotes.addAll(methods);
    String title = "Table " + shell.number() + " " + shell.title();
    String subtitle =
        shell.protocol() == null
            ? shell.population()
            : "Protocol: " + shell.protocol() + "; " + shell.population();
    return new CsrDisplay(
        shell.number(),
        title,
        subtitle,
        headers,
        groups,
        lines,
        footnotes,
        values,
        List.copyOf(notes));
  }

  // ---------------------------------------------------------------- columns

  private void setUpColumns() {
    Ref treatment = shell.columns().treatment();
    String trt = require(population, treatment, "adsl");
    String order =
        shell.columns().order() == null
            ? null
            : require(population, shell.columns().order(), "adsl");
    Map<String, Double> code = new LinkedHashMap<>();
    for (int i = 0; i < population.rowCount(); i++) {
      String arm = text(population, trt, i);
      if (arm.isEmpty()) {
        continue;
      }
      double c =
          order == null ? code.size() : number(population, order, i, shell.columns().order());
      code.merge(arm, c, Math::min);
    }
    code.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> arms.add(e.getKey()));
    List<Subset> subsets = shell.columns().subsets();
    List<String> flags = new ArrayList<>();
    for (Subset s : subsets) {
      flags.add(require(population, s.flag(), "adsl"));
    }
    List<String> armsAndTotal = new ArrayList<>(arms);
    if (shell.columns().total()) {
      armsAndTotal.add(null);
    }
    for (String arm : armsAndTotal) {
      for (int s = 0; s < Math.max(1, subsets.size()); s++) {
        Set<String> subjects = new LinkedHashSet<>();
        for (int i = 0; i < population.rowCount(); i++) {
          boolean inArm =
              arm == null
                  ? !text(population, trt, i).isEmpty()
                  : arm.equals(text(population, trt, i));
          boolean inSubset = subsets.isEmpty() || text(population, flags.get(s), i).equals("Y");
          if (inArm && inSubset) {
            subjects.add(text(population, SUBJECT, i));
          }
        }
        String subset = subsets.isEmpty() ? null : subsets.get(s).label();
        String name = (arm == null ? TOTAL : arm) + (subset == null ? "" : "/" + subset);
        columns.add(new Col(arm, subset, name, subjects));
      }
    }
  }

  /** The population's subjects in an arm (null: in any arm), whatever the subsets. */
  private int armSize(String arm) {
    String trt = require(population, shell.columns().treatment(), "adsl");
    int n = 0;
    for (int i = 0; i < population.rowCount(); i++) {
      String a = text(population, trt, i);
      if (arm == null ? !a.isEmpty() : arm.equals(a)) {
        n++;
      }
    }
    return n;
  }

  private List<Col> armColumns() {
    return columns.stream().filter(c -> c.arm() != null).toList();
  }

  // ---------------------------------------------------------------- records

  /** The block's records: population ADSL, or the data set joined to it; filters applied. */
  private Table records(ShellRow row) {
    Table t;
    if (row.dataset().equals("adsl")) {
      t = population;
    } else {
      Table bds = table(row.dataset());
      String key = require(bds, new Ref(SUBJECT, row.line(), "dataset"), row.dataset());
      List<String> keep = new ArrayList<>();
      for (String name : population.columnNames()) {
        if (name.equals(SUBJECT) || find(bds, name) == null) {
          keep.add(name);
        }
      }
      Table side = population.selectColumns(keep.toArray(String[]::new));
      t = bds.joinOn(key).with(side).rightJoinColumns(SUBJECT).type(JoinType.INNER).join();
    }
    for (Filter f : row.where()) {
      String v = require(t, f.variable(), row.dataset());
      Selection s = Selection.with();
      for (int i = 0; i < t.rowCount(); i++) {
        if (f.values().contains(text(t, v, i)) != f.negate()) {
          s.add(i);
        }
      }
      t = t.where(s);
    }
    return t;
  }

  private static String blockName(ShellRow row, Ref variable) {
    return row.label() == null ? variable.name() : row.label();
  }

  // ---------------------------------------------------------------- count

  private void count(ShellRow.Count row) {
    Table t = records(row);
    String v = require(t, row.variable(), row.dataset());
    String block = blockName(row, row.variable());
    if (row.origin() != null) {
      String o = require(t, row.origin().variable(), row.dataset());
      t = withOrigin(t, v, o, row.origin().values());
      methods.add(
          block
              + ": subjects with "
              + row.origin().describe()
              + " form a category of their own, whatever their "
              + v
              + "; the others are counted by "
              + v
              + ".");
      v = ORIGIN;
    }
    if (row.test() != null && !shell.columns().subsets().isEmpty()) {
      throw new ShellException(
          shell.file(), row.line(), "test", "a test needs one column per arm; remove the subsets");
    }
    String subjectVar = require(t, new Ref(SUBJECT, row.line(), "count"), row.dataset());
    int indent = row.label() == null ? 0 : 1;
    List<String> headingCells = new ArrayList<>();
    if (row.label() != null) {
      headingCells = emptyCells(row.label());
    }
    if (row.within() != null) {
      String w = require(t, row.within(), row.dataset());
      if (row.label() != null) {
        addLine(0, true, headingCells);
      }
      for (String group : new java.util.TreeSet<>(distinctValues(t, w))) {
        Table g = t.where(t.stringColumn(w).isEqualTo(group));
        List<ShellRow.Category> cats = new ArrayList<>();
        for (String value : observed(g, v, null)) {
          cats.add(new ShellRow.Category(value, value, row.line()));
        }
        List<String> groupCells = countCells(row, t, w, subjectVar, group, block, group, null);
        addLine(indent, true, groupCells.subList(0, groupCells.size()));
        for (ShellRow.Category c : cats) {
          addLine(
              indent + 1,
              false,
              countCells(
                  row, g, v, subjectVar, c.value(), block, group + "/" + c.label(), c.label()));
        }
      }
      return;
    }
    List<ShellRow.Category> cats = row.categories();
    if (cats.isEmpty()) {
      String order = row.order() == null ? null : require(t, row.order(), row.dataset());
      cats = new ArrayList<>();
      for (String value : observed(t, v, order)) {
        cats.add(new ShellRow.Category(value, value, row.line()));
      }
    }
    if (row.label() != null) {
      if (row.test() != null && row.test().versusControl()) {
        versusControl(row, t, v, subjectVar, cats, block, headingCells);
      } else if (row.test() != null && !row.test().perCategory()) {
        double p = testCounts(row, t, v, subjectVar, cats);
        headingCells.set(columns.size() + 1, pValue(p, block) + markerOf(block, p));
      }
      addLine(0, true, headingCells);
    }
    if (row.nRow()) {
      List<String> cells = new ArrayList<>();
      cells.add("n");
      for (Col c : columns) {
        long n = subjects(t, subjectVar, c, v, null).size();
        values.add(new CsrValue(block, "n", c.name(), "n", n));
        cells.add(Long.toString(n));
      }
      addP(cells);
      addLine(indent, false, cells);
    }
    for (ShellRow.Category cat : cats) {
      addLine(
          indent,
          false,
          countCells(row, t, v, subjectVar, cat.value(), block, cat.label(), cat.label()));
    }
    if (row.missingRow()) {
      addLine(indent, false, countCells(row, t, v, subjectVar, "", block, "Missing", "Missing"));
    }
    if (row.label() == null && row.test() != null) {
      throw new ShellException(
          shell.file(), row.line(), "test", "a tested block needs a label: the p-value's row");
    }
  }

  private List<String> countCells(
      ShellRow.Count row,
      Table t,
      String v,
      String subjectVar,
      String value,
      String block,
      String rowName,
      String label) {
    List<String> cells = new ArrayList<>();
    cells.add(label == null ? rowName : label);
    for (Col c : columns) {
      long n = subjects(t, subjectVar, c, v, value).size();
      double denominator =
          row.denominator() == ShellRow.Denominator.POPULATION
              ? c.subjects().size()
              : subjects(t, subjectVar, c, v, null).size();
      double percent = denominator == 0 ? Double.NaN : 100.0 * n / denominator;
      values.add(new CsrValue(block, rowName, c.name(), "n", n));
      if (row.cell() == ShellRow.CountCell.N_PERCENT) {
        values.add(new CsrValue(block, rowName, c.name(), "percent", percent));
      }
      cells.add(
          n == 0 || row.cell() == ShellRow.CountCell.N
              ? Long.toString(n)
              : n + " (" + percentText(percent) + "%)");
    }
    addP(cells);
    if (row.riskDifference() != null && label != null) {
      for (Col c : armColumns()) {
        if (!c.arm().equals(control)) {
          cells.set(
              pairIndex(c.arm(), "rd"),
              riskDifference(
                  block, rowName, c.arm(), stratifiedDifference(row, t, v, subjectVar, value, c)));
        }
      }
    }
    if (row.test() != null && row.test().perCategory() && label != null) {
      double p = categoryTest(row, t, subjectVar, v, value, block, rowName);
      cells.set(columns.size() + 1, pText(p) + markerOf(block, p));
    }
    return cells;
  }

  /** The column of a count block's categories when an origin filter re-assigns subjects. */
  private static final String ORIGIN = "trialstats.origin";

  /**
   * The records with a column {@link #ORIGIN}: the origin variable's value where it is one of
   * {@code values}, else the block variable's value.
   */
  private static Table withOrigin(Table t, String v, String originVar, List<String> values) {
    StringColumn c = StringColumn.create(ORIGIN);
    for (int i = 0; i < t.rowCount(); i++) {
      String origin = text(t, originVar, i);
      c.append(values.contains(origin) ? origin : text(t, v, i));
    }
    Table copy = t.copy();
    copy.addColumns(c);
    return copy;
  }

  /**
   * The common risk difference, arm minus control, of the proportion of subjects with {@code value}
   * over the strata of the block's ADSL stratification variable: per stratum, the column's subjects
   * with the value out of the column's subjects (its N, or those with a value under {@code
   * denominator: nonmissing}) in the stratum. Subjects without a stratum are left out (noted).
   */
  private EstimateCell stratifiedDifference(
      ShellRow.Count row, Table t, String v, String subjectVar, String value, Col arm) {
    ShellRow.RiskDifference rd = row.riskDifference();
    String strataVar = require(population, rd.strata(), "adsl");
    Map<String, String> stratumOf = new HashMap<>();
    for (int i = 0; i < population.rowCount(); i++) {
      stratumOf.put(text(population, SUBJECT, i), text(population, strataVar, i));
    }
    List<String> levels = new ArrayList<>(new java.util.TreeSet<>(stratumOf.values()));
    levels.remove("");
    Col ctrl = armColumns().get(arms.indexOf(control));
    long[][] x = new long[2][levels.size()];
    long[][] n = new long[2][levels.size()];
    List<Col> pair = List.of(arm, ctrl);
    for (int k = 0; k < 2; k++) {
      Col c = pair.get(k);
      Set<String> of =
          row.denominator() == ShellRow.Denominator.POPULATION
              ? c.subjects()
              : subjects(t, subjectVar, c, v, null);
      Set<String> with = subjects(t, subjectVar, c, v, value);
      for (String id : of) {
        int s = levels.indexOf(stratumOf.getOrDefault(id, ""));
        if (s >= 0) {
          n[k][s]++;
          x[k][s] += with.contains(id) ? 1 : 0;
        }
      }
    }
    List<StratifiedTables.Stratum> strata = new ArrayList<>();
    for (int s = 0; s < levels.size(); s++) {
      strata.add(new StratifiedTables.Stratum(x[0][s], n[0][s], x[1][s], n[1][s]));
    }
    String method =
        ": stratified RD = common risk difference of the proportion of subjects in the"
            + " category (arm minus "
            + control
            + ", percentage points) over the strata of "
            + strataVar
            + " ("
            + String.join(", ", levels)
            + ") by the "
            + rd.method().info().name()
            + " method ("
            + rd.method().id()
            + "), "
            + Numbers.plain(100 * rd.level())
            + "% confidence interval; strata without subjects in one of the two arms are left"
            + " out.";
    methods.add(blockName(row, row.variable()) + method);
    long unassigned = stratumOf.values().stream().filter(String::isEmpty).count();
    if (unassigned > 0) {
      notes.add(
          blockName(row, row.variable())
              + ": "
              + unassigned
              + " subjects without "
              + strataVar
              + " are left out of the stratified risk difference");
    }
    return EstimateCell.of(() -> rd.method().interval(new StratifiedTables(strata), rd.level()));
  }

  /**
   * A percentage at the shell's decimals, rounded half up; with {@code small_percent: below}, one
   * above zero that rounds to zero prints as below the smallest printable value ({@code <1} at 0
   * decimals, {@code <0.1} at 1).
   */
  private String percentText(double percent) {
    int d = shell.percentDecimals();
    String text = fixed(percent, d);
    if (shell.smallPercent() == DisplayShell.SmallPercent.BELOW
        && percent > 0
        && Double.parseDouble(text) == 0) {
      return "<" + fixed(Math.pow(10, -d), d);
    }
    return text;
  }

  /**
   * The per-category test: the 2 x arms table of the subjects with the value and the other subjects
   * of each arm's population column.
   */
  private double categoryTest(
      ShellRow.Count row,
      Table t,
      String subjectVar,
      String v,
      String value,
      String block,
      String rowName) {
    List<Col> arms = armColumns();
    long[][] counts = new long[2][arms.size()];
    for (int j = 0; j < arms.size(); j++) {
      counts[0][j] = subjects(t, subjectVar, arms.get(j), v, value).size();
      counts[1][j] = arms.get(j).subjects().size() - counts[0][j];
    }
    mark(block, capitalised(row.test().description()) + ".");
    double p;
    try {
      p = row.test().categorical(new ContingencyTable(counts));
    } catch (StatsException e) {
      notes.add(block + ", " + rowName + ": no p-value: " + e.getMessage());
      p = Double.NaN;
    }
    values.add(new CsrValue(block, rowName, P_COLUMN, "p", p));
    return p;
  }

  /** Subjects of a column with the value ({@code null}: any non-missing value). */
  private static Set<String> subjects(Table t, String subjectVar, Col c, String v, String value) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String id = text(t, subjectVar, i);
      if (!c.subjects().contains(id)) {
        continue;
      }
      String x = text(t, v, i);
      if (value == null ? !x.isEmpty() : x.equals(value)) {
        s.add(id);
      }
    }
    return s;
  }

  /** The categories x columns table of subject counts, categories without subjects left out. */
  private static long[][] countTable(
      Table t, String v, String subjectVar, List<ShellRow.Category> cats, List<Col> cols) {
    List<long[]> table = new ArrayList<>();
    for (ShellRow.Category cat : cats) {
      long[] counts = new long[cols.size()];
      long sum = 0;
      for (int j = 0; j < cols.size(); j++) {
        counts[j] = subjects(t, subjectVar, cols.get(j), v, cat.value()).size();
        sum += counts[j];
      }
      if (sum > 0) {
        table.add(counts);
      }
    }
    return table.toArray(long[][]::new);
  }

  private double testCounts(
      ShellRow.Count row, Table t, String v, String subjectVar, List<ShellRow.Category> cats) {
    String block = blockName(row, row.variable());
    try {
      if (row.test().stratified()) {
        return stratifiedTest(row, t, v, subjectVar, cats, block);
      }
      mark(block, capitalised(row.test().description()) + ".");
      return row.test()
          .categorical(new ContingencyTable(countTable(t, v, subjectVar, cats, armColumns())));
    } catch (StatsException e) {
      notes.add(block + ": no p-value: " + e.getMessage());
      return Double.NaN;
    }
  }

  /**
   * A stratified test: per value of the block's strata variable, the categories x arms table of the
   * subjects (every category kept, empty ones included, so that the tables align); the categories'
   * scores are their values when all are numbers, else their ranks.
   */
  private double stratifiedTest(
      ShellRow.Count row,
      Table t,
      String v,
      String subjectVar,
      List<ShellRow.Category> cats,
      String block) {
    String strata = require(t, row.strata(), row.dataset());
    List<String> levels = distinct(t, strata);
    List<ContingencyTable> tables = new ArrayList<>();
    for (String level : levels) {
      Selection in = Selection.with();
      for (int i = 0; i < t.rowCount(); i++) {
        if (text(t, strata, i).equals(level)) {
          in.add(i);
        }
      }
      Table part = t.where(in);
      long[][] counts = new long[cats.size()][armColumns().size()];
      for (int c = 0; c < cats.size(); c++) {
        for (int j = 0; j < armColumns().size(); j++) {
          counts[c][j] =
              subjects(part, subjectVar, armColumns().get(j), v, cats.get(c).value()).size();
        }
      }
      tables.add(new ContingencyTable(counts));
    }
    double[] scores = new double[cats.size()];
    boolean numeric = true;
    for (int c = 0; c < cats.size(); c++) {
      try {
        scores[c] = Double.parseDouble(cats.get(c).value());
      } catch (NumberFormatException e) {
        numeric = false;
      }
    }
    for (int c = 0; c < cats.size() && !numeric; c++) {
      scores[c] = c + 1;
    }
    mark(
        block,
        capitalised(row.test().description())
            + ", stratified by "
            + row.strata().name()
            + " ("
            + String.join(", ", levels)
            + ")"
            + (row.test() == TestMethod.CMH_ROW_MEANS
                ? "; category scores " + (numeric ? "their values" : "their ranks")
                : "")
            + ".");
    return row.test().stratified(tables, scores);
  }

  /** The p-value of each arm versus the control on the block's heading row. */
  private void versusControl(
      ShellRow.Count row,
      Table t,
      String v,
      String subjectVar,
      List<ShellRow.Category> cats,
      String block,
      List<String> heading) {
    Col controlColumn = armColumns().get(arms.indexOf(control));
    mark(block, capitalised(row.test().description()) + " (" + control + ").");
    for (Col c : armColumns()) {
      if (c == controlColumn) {
        continue;
      }
      double p;
      try {
        p =
            row.test()
                .categorical(
                    new ContingencyTable(
                        countTable(t, v, subjectVar, cats, List.of(controlColumn, c))));
      } catch (StatsException e) {
        notes.add(block + ", " + c.arm() + " vs " + control + ": no p-value: " + e.getMessage());
        p = Double.NaN;
      }
      values.add(new CsrValue(block, block, c.arm() + " vs " + control, "p", p));
      heading.set(pairIndex(c.arm(), "p"), pText(p) + markerOf(block, p));
    }
  }

  /**
   * Notes that the block's p-values come from the test described: the description is printed once
   * as a footnote with a marker ([a], [b], ...), which the block's p-values carry.
   */
  private void mark(String block, String description) {
    String marker =
        markers.computeIfAbsent(description, d -> "[" + (char) ('a' + markers.size()) + "]");
    blockMarker.put(block, marker);
  }

  /** The marker suffix of a block's printed p-value; none when there is no p-value. */
  private String markerOf(String block, double p) {
    String marker = blockMarker.get(block);
    return marker == null || Double.isNaN(p) ? "" : " " + marker;
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  // ---------------------------------------------------------------- summary

  private void summary(ShellRow.Summary row) {
    Table t = records(row);
    String v = require(t, row.variable(), row.dataset());
    String subjectVar = require(t, new Ref(SUBJECT, row.line(), "summary"), row.dataset());
    String block = blockName(row, row.variable());
    Map<Col, double[]> byColumn = new LinkedHashMap<>();
    for (Col c : columns) {
      List<Double> x = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        if (c.subjects().contains(text(t, subjectVar, i))) {
          double value = number(t, v, i, row.variable());
          if (!Double.isNaN(value)) {
            x.add(value);
          }
        }
      }
      byColumn.put(c, x.stream().mapToDouble(Double::doubleValue).toArray());
    }
    int indent = row.label() == null ? 0 : 1;
    if (row.label() != null) {
      List<String> heading = emptyCells(row.label());
      if (row.test() != null) {
        if (!shell.columns().subsets().isEmpty()) {
          throw new ShellException(
              shell.file(), row.line(), "test", "a test needs one column per arm");
        }
        List<double[]> groups = armColumns().stream().map(byColumn::get).toList();
        mark(block, capitalised(row.test().description()) + ".");
        double p;
        try {
          p = row.test().continuous(groups);
        } catch (StatsException e) {
          notes.add(block + ": no p-value: " + e.getMessage());
          p = Double.NaN;
        }
        heading.set(columns.size() + 1, pValue(p, block) + markerOf(block, p));
      }
      addLine(0, true, heading);
    } else if (row.test() != null) {
      throw new ShellException(
          shell.file(), row.line(), "test", "a tested block needs a label: the p-value's row");
    }
    Map<Col, Description> described = new HashMap<>();
    byColumn.forEach((c, x) -> described.put(c, Description.of(x, row.quantiles())));
    for (Col c : columns) {
      Description d = described.get(c);
      values.add(new CsrValue(block, "n", c.name(), "n", d.n()));
      values.add(new CsrValue(block, "mean", c.name(), "mean", d.mean()));
      values.add(new CsrValue(block, "sd", c.name(), "sd", d.sd()));
      values.add(new CsrValue(block, "median", c.name(), "median", d.median()));
      values.add(new CsrValue(block, "min", c.name(), "min", d.min()));
      values.add(new CsrValue(block, "max", c.name(), "max", d.max()));
      values.add(new CsrValue(block, "q1", c.name(), "q1", d.q1()));
      values.add(new CsrValue(block, "q3", c.name(), "q3", d.q3()));
    }
    for (Statistic s : row.statistics()) {
      List<String> cells = new ArrayList<>();
      cells.add(s.label());
      for (Col c : columns) {
        cells.add(s.format(described.get(c), row.decimals()));
      }
      addP(cells);
      addLine(indent, false, cells);
    }
  }

  // ---------------------------------------------------------------- adverse events

  /**
   * Adverse-event incidence by {@link AeIncidence} on the population's ADSL and the block's ADAE
   * records: one row for any selected event, then each system organ class with its preferred terms.
   */
  private void adverseEvents(ShellRow.AdverseEvents row) {
    if (!shell.columns().subsets().isEmpty()) {
      throw new ShellException(
          shell.file(), row.line(), "adverse_events", "adverse events need one column per arm");
    }
    Table adsl = table("adsl");
    Table adae = table(row.dataset());
    List<Condition> conditions = new ArrayList<>();
    for (Filter f : row.where()) {
      conditions.add(
          new Condition(require(adae, f.variable(), row.dataset()), f.negate(), f.values()));
    }
    String emergent =
        row.emergentFlag() == null ? null : require(adae, row.emergentFlag(), row.dataset());
    AdaeSpec adaeSpec =
        new AdaeSpec(
            require(adae, new Ref(SUBJECT, row.line(), "adverse_events"), row.dataset()),
            require(adae, row.soc(), row.dataset()),
            require(adae, row.term(), row.dataset()),
            emergent,
            conditions,
            null,
            null);
    String orderArm = null;
    if (row.orderArm() != null) {
      orderArm = row.orderArm().name();
      if (!arms.contains(orderArm)) {
        throw new ShellException(
            shell.file(),
            row.orderArm().line(),
            "order_arm",
            "unknown arm '" + orderArm + "'; the arms are " + arms);
      }
    }
    String adslFile = shell.datasets().get("adsl");
    AdslSpec adslSpec =
        new AdslSpec(
            SUBJECT,
            shell.populationFlag() == null ? null : shell.populationFlag().name(),
            shell.columns().treatment().name(),
            arms,
            "TRTDUR",
            "TRTSDT",
            "TRTEDT");
    AeTableSpec spec =
        new AeTableSpec(
                control,
                row.level(),
                RiskDifferenceMethod.WALD,
                null,
                ExposureDefinition.NONE,
                null,
                null,
                row.order(),
                row.minPercent())
            .withOrder(row.order(), orderArm)
            .withFisher(row.fisher())
            .withStratified(row.stratified());
    AeTable table;
    try {
      Population subjects = Population.read(new TableReader(adsl, adslFile), adslSpec);
      AeStrata strata = null;
      if (row.strata() != null) {
        String variable = require(population, row.strata(), "adsl");
        strata = AeStrata.read(new TableReader(adsl, adslFile), SUBJECT, variable, subjects);
      }
      AdverseEvents events =
          AdverseEvents.count(
              new TableReader(adae, shell.datasets().get(row.dataset())), adaeSpec, subjects);
      table = AeIncidence.compute(subjects, events, spec, strata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (AdamDataException e) {
      throw new ShellException(shell.file(), row.line(), "adverse_events", e.getMessage());
    }
    notes.addAll(table.notes());
    String block = row.label() == null ? row.overallLabel() : row.label();
    if (row.label() != null) {
      addLine(0, true, emptyCells(row.label()));
    }
    int indent = row.label() == null ? 0 : 1;
    for (AeRow r : table.rows()) {
      String label = r.level() == RowLevel.ANY ? row.overallLabel() : r.name();
      String rowName =
          switch (r.level()) {
            case ANY -> row.overallLabel();
            case SOC -> r.soc();
            case TERM -> r.soc() + "/" + r.term();
          };
      List<String> cells = new ArrayList<>();
      cells.add(label);
      for (Col c : columns) {
        List<ArmCount> counts =
            c.arm() == null
                ? r.arms()
                : r.arms().stream().filter(a -> a.arm().equals(c.arm())).toList();
        long n = counts.stream().mapToLong(ArmCount::subjects).sum();
        long of = counts.stream().mapToLong(ArmCount::n).sum();
        long events = counts.stream().mapToLong(ArmCount::events).sum();
        double percent = 100.0 * n / of;
        values.add(new CsrValue(block, rowName, c.name(), "n", n));
        values.add(new CsrValue(block, rowName, c.name(), "percent", percent));
        values.add(new CsrValue(block, rowName, c.name(), "events", events));
        cells.add(
            n == 0
                ? "0"
                : n
                    + " ("
                    + percentText(percent)
                    + "%)"
                    + (row.events() ? " [" + events + "]" : ""));
      }
      addP(cells);
      for (ArmComparison c : r.comparisons()) {
        if (row.fisher()) {
          double p = c.fisher().pValue();
          values.add(new CsrValue(block, rowName, c.arm() + " vs " + control, "p", p));
          cells.set(pairIndex(c.arm(), "p"), pText(p));
        }
        if (row.stratified() != null) {
          cells.set(
              pairIndex(c.arm(), "rd"),
              riskDifference(block, rowName, c.arm(), c.stratifiedRiskDifference()));
        }
      }
      int level = r.level() == RowLevel.TERM ? indent + 1 : indent;
      addLine(level, r.level() == RowLevel.SOC, cells);
    }
    aeMethods(row, table, block);
  }

  /** A risk difference in percentage points with its interval, e.g. {@code 2.4 (-1.1, 5.6)}. */
  private String riskDifference(String block, String rowName, String arm, EstimateCell cell) {
    String column = arm + " vs " + control;
    if (!cell.estimable()) {
      values.add(new CsrValue(block, rowName, column, "rd", Double.NaN));
      return "NE";
    }
    Estimate e = cell.estimate();
    values.add(new CsrValue(block, rowName, column, "rd", e.estimate()));
    values.add(new CsrValue(block, rowName, column, "rd_lower", e.lower()));
    values.add(new CsrValue(block, rowName, column, "rd_upper", e.upper()));
    int d = shell.percentDecimals();
    return fixed(100 * e.estimate(), d)
        + " ("
        + fixed(100 * e.lower(), d)
        + ", "
        + fixed(100 * e.upper(), d)
        + ")";
  }

  private void aeMethods(ShellRow.AdverseEvents row, AeTable table, String block) {
    methods.add(
        block
            + ": n = subjects with at least one "
            + (row.emergentFlag() == null
                ? ""
                : "treatment-emergent (" + row.emergentFlag().name() + " = Y) ")
            + "event"
            + (row.where().isEmpty()
                ? ""
                : " with "
                    + String.join(" and ", row.where().stream().map(Filter::describe).toList()))
            + " in the row, counted once per row; % = 100 x n / N"
            + (row.events() ? "; [ ] = number of events (records)" : "")
            + "; rows: "
            + row.soc().name()
            + " and "
            + row.term().name()
            + switch (row.order()) {
              case ARM -> " by descending count in " + table.orderArm() + ", then alphabetically";
              case FREQUENCY -> " by descending count in the treatment arms together";
              case SOC_ALPHABETICAL -> ", classes alphabetically, terms by descending frequency";
              case ALPHABETICAL -> " alphabetically";
            }
            + (row.minPercent() > 0
                ? "; terms reported by at least "
                    + Numbers.plain(row.minPercent())
                    + "% of subjects in some arm"
                : "")
            + ".");
    if (row.fisher()) {
      methods.add(
          block
              + ": p-values of each arm versus "
              + control
              + ": two-sided Fisher's exact test of the 2x2 table of subjects with and without"
              + " the event.");
    }
    if (row.stratified() != null) {
      methods.add(
          block
              + ": stratified RD = common risk difference (arm minus "
              + control
              + ", percentage points) over the strata of "
              + table.strataVariable()
              + " ("
              + String.join(", ", table.strataLevels())
              + ") by the "
              + row.stratified().info().name()
              + " method ("
              + row.stratified().id()
              + "), "
              + Numbers.plain(100 * row.level())
              + "% confidence interval; strata without subjects in one of the two arms are left"
              + " out.");
    }
  }

  // ---------------------------------------------------------------- model

  private void model(ShellRow.Model row) {
    if (!shell.columns().subsets().isEmpty()) {
      throw new ShellException(
          shell.file(), row.line(), "model", "a model needs one column per arm");
    }
    Table t = records(row);
    String y = require(t, row.response(), row.dataset());
    String subjectVar = require(t, new Ref(SUBJECT, row.line(), "model"), row.dataset());
    List<String> factorVars = new ArrayList<>();
    for (Ref f : row.factors()) {
      factorVars.add(require(t, f, row.dataset()));
    }
    List<String> covariateVars = new ArrayList<>();
    for (Ref c : row.covariates()) {
      covariateVars.add(require(t, c, row.dataset()));
    }
    String dose = row.dose() == null ? null : require(t, row.dose(), row.dataset());
    Map<String, String> armOf = new HashMap<>();
    for (Col c : armColumns()) {
      c.subjects().forEach(s -> armOf.put(s, c.arm()));
    }
    List<Integer> used = new ArrayList<>();
    int excluded = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      boolean ok =
          armOf.containsKey(text(t, subjectVar, i))
              && !Double.isNaN(number(t, y, i, row.response()));
      for (String f : factorVars) {
        ok &= !text(t, f, i).isEmpty();
      }
      for (int k = 0; k < covariateVars.size(); k++) {
        ok &= !Double.isNaN(number(t, covariateVars.get(k), i, row.covariates().get(k)));
      }
      if (dose != null) {
        ok &= !Double.isNaN(number(t, dose, i, row.dose()));
      }
      if (ok) {
        used.add(i);
      } else {
        excluded++;
      }
    }
    String block = blockName(row, row.response());
    if (excluded > 0) {
      notes.add(block + ": " + excluded + " records without a value of a model variable excluded");
    }
    int n = used.size();
    double[] response = new double[n];
    String[] arm = new String[n];
    for (int k = 0; k < n; k++) {
      int i = used.get(k);
      response[k] = number(t, y, i, row.response());
      arm[k] = armOf.get(text(t, subjectVar, i));
    }
    String treatment = shell.columns().treatment().name();
    List<Term> others = new ArrayList<>();
    for (String f : factorVars) {
      String[] levels = new String[n];
      for (int k = 0; k < n; k++) {
        levels[k] = text(t, f, used.get(k));
      }
      others.add(Factor.of(f, levels, new ArrayList<>(new java.util.TreeSet<>(List.of(levels)))));
    }
    for (int c = 0; c < covariateVars.size(); c++) {
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = number(t, covariateVars.get(c), used.get(k), row.covariates().get(c));
      }
      others.add(new Covariate(covariateVars.get(c), x));
    }
    List<Term> terms = new ArrayList<>();
    terms.add(Factor.of(treatment, arm, arms));
    terms.addAll(others);
    LinearModel fit = LinearModel.fit(response, terms, Coding.REFERENCE);
    int d = row.decimals();
    String confidence = Numbers.plain(100 * row.level());
    methods.add(
        block
            + ": analysis of covariance (least squares) of "
            + row.response().name()
            + " with "
            + treatment
            + String.join("", factorVars.stream().map(f -> " and " + f).toList())
            + " as factors"
            + (covariateVars.isEmpty()
                ? ""
                : " and " + String.join(", ", covariateVars) + " as covariates")
            + "; differences of least-squares means (as SAS LSMEANS) with "
            + confidence
            + "% t intervals on "
            + fit.residualDegreesOfFreedom()
            + " df, unadjusted"
            + (dose == null
                ? ""
                : "; dose response: the same model with "
                    + dose
                    + " as a continuous variable in place of "
                    + treatment
                    + ", t test of its slope")
            + ".");
    values.add(new CsrValue(block, "model", "", "residual_df", fit.residualDegreesOfFreedom()));
    if (row.label() != null) {
      addLine(0, true, emptyCells(row.label()));
    }
    int indent = row.label() == null ? 0 : 1;
    if (row.lsMeans()) {
      List<String> cells = emptyCells("LS Mean (SE)");
      for (LeastSquaresMean m : fit.leastSquaresMeans(treatment, row.level())) {
        int col = columnOf(m.level());
        cells.set(
            col + 1, fixed(m.estimate(), d + 1) + " (" + fixed(m.standardError(), d + 2) + ")");
        values.add(new CsrValue(block, "LS Mean", m.level(), "lsmean", m.estimate()));
        values.add(new CsrValue(block, "LS Mean", m.level(), "lsmean_se", m.standardError()));
      }
      addLine(indent, false, cells);
    }
    if (dose != null) {
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = number(t, dose, used.get(k), row.dose());
      }
      Coefficient slope = DoseResponse.test(response, new Covariate(dose, x), others);
      List<String> cells = emptyCells("p-value (Dose Response)");
      cells.set(columnOf(arms.get(arms.size() - 1)) + 1, pValue(slope.pValue(), null));
      values.add(
          new CsrValue(block, "Dose Response", arms.get(arms.size() - 1), "p", slope.pValue()));
      addLine(indent, false, cells);
    }
    for (ShellRow.Comparison c : row.comparisons()) {
      for (String a : List.of(c.level(), c.reference())) {
        if (!arms.contains(a)) {
          throw new ShellException(
              shell.file(),
              c.line(),
              "comparisons",
              "unknown arm '" + a + "'; the arms are " + arms);
        }
      }
      LeastSquaresMeanDifference diff =
          fit.difference(treatment, c.level(), c.reference(), row.level());
      int col = columnOf(c.level()) + 1;
      String name = c.level() + " - " + c.reference();
      List<String> p = emptyCells(c.label());
      p.set(col, pValue(diff.pValue(), null));
      addLine(indent, false, p);
      List<String> est = emptyCells("Diff of LS Means (SE)");
      est.set(col, fixed(diff.estimate(), d + 1) + " (" + fixed(diff.standardError(), d + 2) + ")");
      addLine(indent + 1, false, est);
      List<String> ci = emptyCells(confidence + "% CI");
      ci.set(col, "(" + fixed(diff.lower(), d + 1) + ";" + fixed(diff.upper(), d + 1) + ")");
      addLine(indent + 1, false, ci);
      values.add(new CsrValue(block, name, c.level(), "p", diff.pValue()));
      values.add(new CsrValue(block, name, c.level(), "diff", diff.estimate()));
      values.add(new CsrValue(block, name, c.level(), "diff_se", diff.standardError()));
      values.add(new CsrValue(block, name, c.level(), "diff_lower", diff.lower()));
      values.add(new CsrValue(block, name, c.level(), "diff_upper", diff.upper()));
    }
  }

  private int columnOf(String arm) {
    for (int i = 0; i < columns.size(); i++) {
      if (arm.equals(columns.get(i).arm())) {
        return i;
      }
    }
    throw new IllegalStateException("no column for arm " + arm);
  }

  // ---------------------------------------------------------------- cells

  private List<String> emptyCells(String label) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    for (int i = 0; i < columns.size(); i++) {
      cells.add("");
    }
    addP(cells);
    return cells;
  }

  /** Pads a row of label and column cells with the blank test cells. */
  private void addP(List<String> cells) {
    if (cells.size() == columns.size() + 1) {
      if (testColumn) {
        cells.add("");
      }
      pairColumns.forEach(p -> cells.add(""));
    }
  }

  /** The cell index of an arm-versus-control column. */
  private int pairIndex(String arm, String statistic) {
    return columns.size()
        + 1
        + (testColumn ? 1 : 0)
        + pairColumns.indexOf(new PairColumn(arm, statistic));
  }

  private void addLine(int indent, boolean heading, List<String> cells) {
    lines.add(new CsrDisplay.Line(indent, heading, cells));
  }

  /** The p-value under the shell's display rule; records it when {@code block} is given. */
  private String pValue(double p, String block) {
    if (block != null) {
      values.add(new CsrValue(block, block, P_COLUMN, "p", p));
    }
    return pText(p);
  }

  /** The p-value under the shell's display rule. */
  private String pText(double p) {
    DisplayShell.PValueRule rule = shell.pValues();
    if (Double.isNaN(p)) {
      return "";
    }
    String text;
    if (p < rule.lower()) {
      text = rule.lowerText();
    } else if (p > rule.upper()) {
      text = rule.upperText();
    } else {
      text = Numbers.fixed(p, rule.decimals(), RoundingMode.HALF_UP);
    }
    if (!rule.leadingZero() && text.startsWith("0.")) {
      text = text.substring(1);
    }
    if (!Double.isNaN(rule.flagBelow()) && p < rule.flagBelow()) {
      text += rule.flag();
    }
    return text;
  }

  private static String fixed(double x, int decimals) {
    return Numbers.fixed(x, decimals, RoundingMode.HALF_UP);
  }

  // ---------------------------------------------------------------- data access

  private Table table(String name) {
    Table t = data.get(name);
    if (t == null) {
      throw new ShellException(shell.file(), 0, "data", "data set '" + name + "' was not loaded");
    }
    return t;
  }

  /** The actual column name (SAS names are case-insensitive), or null. */
  private static String find(Table t, String name) {
    for (String c : t.columnNames()) {
      if (c.equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  private String require(Table t, Ref ref, String dataset) {
    String name = find(t, ref.name());
    if (name == null) {
      throw new ShellException(
          shell.file(),
          ref.line(),
          ref.field(),
          "unknown variable "
              + ref.name()
              + " in data set "
              + dataset
              + " ("
              + shell.datasets().get(dataset)
              + "); its variables are "
              + t.columnNames());
    }
    return name;
  }

  private static Selection isY(Table t, String flag) {
    Column<?> c = t.column(flag);
    Selection s = Selection.with();
    for (int i = 0; i < t.rowCount(); i++) {
      if (text(t, flag, i).equals("Y")) {
        s.add(i);
      }
    }
    return c == null ? Selection.with() : s;
  }

  private static List<String> distinct(Table t, String v) {
    return new ArrayList<>(new java.util.TreeSet<>(distinctValues(t, v)));
  }

  private static Set<String> distinctValues(Table t, String v) {
    Set<String> s = new LinkedHashSet<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String x = text(t, v, i);
      if (!x.isEmpty()) {
        s.add(x);
      }
    }
    return s;
  }

  /** Observed non-missing values, by the smallest order code, then alphabetically. */
  private List<String> observed(Table t, String v, String order) {
    Map<String, Double> code = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String x = text(t, v, i);
      if (!x.isEmpty()) {
        double c = order == null ? 0 : number(t, order, i, new Ref(order, 0, "order"));
        code.merge(x, Double.isNaN(c) ? Double.MAX_VALUE : c, Math::min);
      }
    }
    return code.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** A value as text: character values as they are, numbers in shortest form, missing empty. */
  static String text(Table t, String v, int i) {
    Column<?> c = t.column(v);
    if (c instanceof StringColumn s) {
      return s.get(i);
    }
    if (c instanceof DoubleColumn d) {
      double x = d.getDouble(i);
      return Double.isNaN(x) ? "" : SasValues.numberText(x);
    }
    Object o = c.get(i);
    return o == null ? "" : o.toString();
  }

  private double number(Table t, String v, int i, Ref ref) {
    Column<?> c = t.column(v);
    if (c instanceof DoubleColumn d) {
      return d.getDouble(i);
    }
    String s = text(t, v, i).strip();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new ShellException(
          shell.file(),
          ref.line(),
          ref.field(),
          "variable " + v + " must be numeric, but has the value '" + s + "'");
    }
  }
}
