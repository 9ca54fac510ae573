package org.trialstats.analysis.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.testing.SharedFolder;
import tech.tablesaw.api.Table;

/**
 * Every printed number of the CDISC pilot CSR displays compared, cell by cell, with an independent
 * rendering of the same displays: the R replication of the pilot CSR by Atorus Research
 * (atorus-research/CDISC_pilot_replication, outputs/14-*.rtf at commit 73c1781, June 2020, R 3.6;
 * extracted by fixtures/atorus_pilot_csr.py into fixtures/atorus_pilot_csr.csv). The 2006 SAS
 * output itself (cdiscpilot01.pdf) is not available; the replication's README states that it
 * reproduces it for these tables, apart from SAS/R rounding. A second rendering checks the rows of
 * 14-2.01 it prints: the R Consortium submission pilot 1 (RConsortium/submissions-pilot1,
 * output/tlf-demographic.out at commit 97dfd6a; fixtures/rconsortium_pilot1_demographic.py).
 *
 * <p>Ours: 14-1.01 to 14-4.01 rendered by the csr engine from the shells in datasets/cdiscpilot01
 * and the ADaM data in ../shared (the test is skipped, loudly, without it); 14-5.01 and 14-5.02
 * read from the committed reports/cdiscpilot01/t14-5-0*.html (AeCsrTablesPilotTest keeps them up to
 * date).
 *
 * <p>A reference cell agrees when its numbers print identically, or when one of the display
 * conventions of {@link Convention} explains the difference and the numbers agree to the printed
 * precision of both. Every other difference, every reference cell trialstats does not print and
 * every number only trialstats prints is listed below with its reason; anything else fails. The
 * numbers behind the reasons are recomputed in fixtures/atorus_pilot_csr_differences.R.
 */
class CsrAgainstPilotReplicationTest {
  private static final String FIXTURE =
      "/org/trialstats/analysis/csr/fixtures/atorus_pilot_csr.csv";
  private static final String SECOND_FIXTURE =
      "/org/trialstats/analysis/csr/fixtures/rconsortium_pilot1_demographic.csv";
  private static final Path SHELLS = Path.of("datasets/cdiscpilot01");
  private static final Pattern NUMBER = Pattern.compile("[<>]?-?(?:\\d+\\.?\\d*|\\.\\d+)");

  /**
   * Systematic display conventions in which trialstats and the pilot differ. Each is checked to
   * hide no disagreement in the numbers themselves.
   */
  enum Convention {
    /**
     * The pilot prints a zero count with its percentage, "0 (0%)"; trialstats prints "0" (the
     * issue's rule: zero cells print as 0).
     */
    ZERO_WITHOUT_PERCENT,
    /**
     * The pilot prints a percentage that rounds to 0 as {@code <1%}; a shell with {@code
     * small_percent: rounded} prints {@code 0%}. Same count; 0% is consistent with {@code <1%}.
     * (The pilot's 14-2.01 shell prints {@code small_percent: below}, as the pilot: 1 of 254 =
     * 0.39% prints {@code 1 (<1%)}, so this convention is no longer met there.)
     */
    PERCENT_BELOW_ONE,
    /**
     * Summary statistics: the pilot prints mean, median, min and max with one decimal and SD with
     * two whatever the data; trialstats uses the SAS convention asked for in the issue (mean and
     * median one decimal more than the data, SD two more, min and max as the data). Checked: both
     * prints round the same value, |a - b| &lt; half a unit of each one's last decimal.
     */
    SUMMARY_DECIMALS,
    /**
     * p-values: the pilot prints 4 (14-1.02, 14-2.01) or 3 decimals (14-5.0x, with a {@code *} flag
     * at p &lt; 0.15 in 14-5.01), {@code <.0001} and {@code >.99}; trialstats prints the shell's
     * rule (3 decimals, {@code <.001}) or the AE tables' (4 decimals without the leading zero).
     * Checked: the two printed values denote overlapping intervals.
     */
    P_VALUE_DISPLAY,
    /**
     * 14-5.0x: the pilot leaves the Fisher p blank when neither arm of the comparison has the
     * event; trialstats prints {@code >.99} (the test of an all-zero row, p = 1). Checked: both
     * arms print 0 in that row.
     */
    P_BLANK_WITHOUT_EVENTS,
    /**
     * The R Consortium rendering of 14-2.01 (the second reference) prints category counts without
     * percentages. Checked: the same count, trialstats adding only its percentage.
     */
    COUNT_WITHOUT_PERCENT
  }

  /** The conventions of the pilot replication (all but the second reference's). */
  private static final Set<Convention> PILOT =
      EnumSet.complementOf(EnumSet.of(Convention.COUNT_WITHOUT_PERCENT));

  /**
   * Reference cells whose numbers trialstats prints differently, with the reason (investigated:
   * trialstats is right for its definition, see each reason).
   */
  private static final List<Difference> DIFFERENCES =
      // none since 14-2.01 prints race by origin (origin: ETHNIC) as the pilot does: the pilot's
      // chi-square p = 0.6477 (R chisq.test on the pilot ADSL) is printed 0.648
      List.of();

  /**
   * Reference rows (or single cells, when a column is given) that trialstats does not print, with
   * the reason.
   */
  private static final List<NotPrinted> NOT_PRINTED =
      List.of(
          new NotPrinted(
              "14-1.02",
              "Reason for Early Termination (prior to Week 24): | Adverse Event",
              "p-value [1]",
              "The pilot tests each of two reasons, subjects who ended early for the reason versus"
                  + " all other ITT subjects (2 x 3 Fisher: Adverse Event p = 1.3e-10, Lack of"
                  + " Efficacy p = 0.3281, both recomputed with R fisher.test); trialstats prints"
                  + " the test of define.xml's analysis results metadata, reason x arm among the"
                  + " early terminations (r x c Fisher, p = 0.001, on the block heading)."),
          new NotPrinted(
              "14-1.02",
              "Reason for Early Termination (prior to Week 24): | Lack of Efficacy[2]",
              "p-value [1]",
              "See the Adverse Event p-value."),
          new NotPrinted(
              "14-1.02",
              "Reason for Early Termination (prior to Week 24): | Missing",
              null,
              "The pilot prints a Missing row (all 0) under the reasons; trialstats' shell has"
                  + " none (no early termination lacks a reason)."),
          new NotPrinted(
              "14-1.03",
              "TOTAL",
              null,
              "The pilot ends the site table with a TOTAL row (the ITT, efficacy and completer"
                  + " counts per arm, the same numbers as 14-1.01); trialstats' shell prints no"
                  + " total row."));

  /**
   * Reference rows of the second rendering (R Consortium pilot 1) that trialstats does not print.
   */
  private static final List<NotPrinted> SECOND_NOT_PRINTED =
      List.of(
          new NotPrinted(
              "14-2.01",
              "Race | WHITE",
              null,
              "The second reference (R Consortium pilot 1) prints race by ADSL RACE: WHITE 78,"
                  + " 78, 74 holds the 12 Hispanic subjects (ETHNIC), which trialstats prints by"
                  + " origin as the 2006 pilot does (Caucasian 75, 72, 71; Hispanic 3, 6, 3)."));

  /** Rows of trialstats' displays whose numbers the pilot does not print, with the reason. */
  private static final List<OursOnly> OURS_ONLY =
      List.of(
          new OursOnly(
              "14-1.02",
              "Reason for Early Termination \\(prior to Week 24\\)",
              "The r x c Fisher test of define.xml (see the pilot's Adverse Event p-value)."),
          new OursOnly(
              "14-1.03",
              "Pooled Site / Site \\| \\d+",
              "trialstats prints each pooled site group as a row with its sites below it; the"
                  + " pilot prints the pool and the site id in two columns of each site row and no"
                  + " subtotal of pool 900 (its sites are compared one by one)."),
          new OursOnly(
              "14-2.01",
              "(Age group|Duration of disease group|BMI group) \\| n",
              "trialstats prints an n row for every categorical variable; the pilot for sex and"
                  + " race only."));

  @Test
  void csrDisplaysAgreeWithThePilotReplication() throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adsl.xpt").getParent();
    Map<Key, String> ours = new LinkedHashMap<>();
    Map<String, Table> loaded = new HashMap<>();
    for (Path shellFile : shells()) {
      DisplayShell shell =
          ShellParser.parse(Files.readString(shellFile), shellFile.getFileName().toString());
      if (shell.figure() != null) {
        continue; // Figure 14-1 has no printed table to compare (PilotFigureTest checks its data)
      }
      Map<String, Table> tables = new HashMap<>();
      for (Map.Entry<String, String> d : shell.datasets().entrySet()) {
        if (!loaded.containsKey(d.getValue())) {
          loaded.put(d.getValue(), AdamTables.read(data.resolve(d.getValue())));
        }
        tables.put(d.getKey(), loaded.get(d.getValue()));
      }
      addDisplay(CsrEngine.compute(shell, tables), ours);
    }
    Result result =
        compare(
            FIXTURE,
            Set.of("14-1.01", "14-1.02", "14-1.03", "14-2.01", "14-3.02", "14-4.01"),
            ours,
            PILOT);
    assertThat(result.failures()).isEmpty();
    assertThat(result.compared())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "14-1.01", 20, "14-1.02", 49, "14-1.03", 204, "14-2.01", 244, "14-3.02", 19,
                "14-4.01", 72));
    // a second rendering: R Consortium submission pilot 1, a subset of 14-2.01
    Result second =
        compare(
            SECOND_FIXTURE,
            Set.of("14-2.01"),
            ours,
            EnumSet.of(Convention.SUMMARY_DECIMALS, Convention.COUNT_WITHOUT_PERCENT));
    assertThat(second.failures()).isEmpty();
    assertThat(second.compared()).containsExactlyEntriesOf(Map.of("14-2.01", 90));
  }

  @Test
  void aeTablesAgreeWithThePilotReplication() throws Exception {
    Map<Key, String> ours = new LinkedHashMap<>();
    addHtml("14-5.01", Path.of("reports/cdiscpilot01/t14-5-01.html"), ours);
    addHtml("14-5.02", Path.of("reports/cdiscpilot01/t14-5-02.html"), ours);
    Result result = compare(FIXTURE, Set.of("14-5.01", "14-5.02"), ours, PILOT);
    assertThat(result.failures()).isEmpty();
    assertThat(result.compared())
        .containsExactlyInAnyOrderEntriesOf(Map.of("14-5.01", 1270, "14-5.02", 20));
  }

  /**
   * Compares every reference cell of the given tables with ours, allowing the given conventions.
   * For the pilot replication, which holds the whole displays, every number only we print must be
   * explained, and every listed difference must still occur.
   */
  private static Result compare(
      String fixture, Set<String> tables, Map<Key, String> ours, Set<Convention> allowed) {
    boolean complete = fixture.equals(FIXTURE);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> compared = new TreeMap<>();
    Map<Convention, Integer> conventions = new TreeMap<>();
    Set<Key> matched = new LinkedHashSet<>();
    Set<NotPrinted> notPrintedSeen = new LinkedHashSet<>();
    Set<Difference> differencesSeen = new LinkedHashSet<>();
    for (Map<String, String> ref : ReferenceCsv.read(fixture)) {
      String table = ref.get("table");
      if (!tables.contains(table)) {
        continue;
      }
      String where = table + " [" + ref.get("ref_row") + "] [" + ref.get("ref_column") + "]";
      if (ref.get("row").isEmpty()) {
        NotPrinted np = notPrinted(table, ref.get("ref_row"), ref.get("ref_column"));
        if (np == null) {
          failures.add(where + ": '" + ref.get("ref_text") + "' is not printed by trialstats");
        } else {
          notPrintedSeen.add(np);
        }
        continue;
      }
      Key key = new Key(table, ref.get("row"), ref.get("column"));
      String mine = ours.get(key);
      if (mine == null) {
        failures.add(where + ": trialstats has no cell " + key);
        continue;
      }
      matched.add(key);
      compared.merge(table, 1, Integer::sum);
      String theirs = ref.get("ref_text");
      if (numbers(theirs).equals(numbers(mine))) {
        continue;
      }
      Convention c = convention(key, theirs, mine, ours);
      if (c != null && allowed.contains(c)) {
        conventions.merge(c, 1, Integer::sum);
        continue;
      }
      Difference d = difference(table, ref.get("ref_row"), ref.get("ref_column"));
      if (d != null && d.reference().equals(theirs) && d.trialstats().equals(mine)) {
        differencesSeen.add(d);
        continue;
      }
      failures.add(where + ": pilot replication '" + theirs + "', trialstats '" + mine + "'");
    }
    for (Map.Entry<Key, String> e : ours.entrySet()) {
      Key k = e.getKey();
      if (complete
          && tables.contains(k.table())
          && !matched.contains(k)
          && !numbers(e.getValue()).isEmpty()
          && OURS_ONLY.stream().noneMatch(o -> o.covers(k))) {
        failures.add(k + ": '" + e.getValue() + "' printed only by trialstats, not explained");
      }
    }
    // every listed difference must still occur: a fixed one must leave the list
    for (NotPrinted np : complete ? NOT_PRINTED : SECOND_NOT_PRINTED) {
      if (tables.contains(np.table()) && !notPrintedSeen.contains(np)) {
        failures.add("listed as not printed but not met: " + np);
      }
    }
    for (Difference d : DIFFERENCES) {
      if (complete && tables.contains(d.table()) && !differencesSeen.contains(d)) {
        failures.add("listed as a difference but not met: " + d);
      }
    }
    System.out.println(fixture + ": cells compared " + compared + "; by convention " + conventions);
    return new Result(failures, compared, conventions);
  }

  /** The convention that explains the difference between two prints of a cell, or null. */
  private static Convention convention(Key key, String theirs, String mine, Map<Key, String> ours) {
    List<String> a = numbers(theirs);
    List<String> b = numbers(mine);
    String label = key.row().substring(key.row().lastIndexOf(" | ") + 3);
    boolean pColumn = key.column().contains("p-value") || key.column().endsWith("exact p");
    if (a.equals(List.of("0", "0")) && b.equals(List.of("0"))) {
      return Convention.ZERO_WITHOUT_PERCENT;
    }
    if (a.size() == 2 && a.get(1).equals("<1") && b.equals(List.of(a.get(0), "0"))) {
      return Convention.PERCENT_BELOW_ONE;
    }
    if (a.size() == 1 && b.size() == 2 && a.get(0).equals(b.get(0))) {
      return Convention.COUNT_WITHOUT_PERCENT;
    }
    if (Set.of("Mean", "SD", "Median", "Min", "Max").contains(label)
        && a.size() == 1
        && b.size() == 1
        && sameRounded(a.get(0), b.get(0))) {
      return Convention.SUMMARY_DECIMALS;
    }
    if (pColumn && a.size() == 1 && b.size() == 1 && overlap(a.get(0), b.get(0))) {
      return Convention.P_VALUE_DISPLAY;
    }
    if (pColumn && a.isEmpty() && b.equals(List.of(">.99"))) {
      // the arms of the comparison: Placebo and the dose named at the start of the column
      String dose = key.column().substring(0, key.column().indexOf(" vs Placebo"));
      List<String> arms =
          ours.entrySet().stream()
              .filter(
                  e ->
                      e.getKey().table().equals(key.table())
                          && e.getKey().row().equals(key.row())
                          && (e.getKey().column().startsWith("Placebo (N=")
                              || e.getKey().column().startsWith(dose + " (N=")))
              .map(Map.Entry::getValue)
              .toList();
      return arms.equals(List.of("0", "0")) ? Convention.P_BLANK_WITHOUT_EVENTS : null;
    }
    return null;
  }

  /** The numbers printed in a cell, in order ("65 (75.6%) [281]" -> 65, 75.6, 281). */
  static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * Whether two prints round the same value: |a - b| < half a unit of each one's last decimal.
   * Strict, so that two prints one unit apart at the same decimals (75.2 and 75.3) fail, and so do
   * exact halves rounded two ways (42.65 as 42.6 and 42.7): those must be listed as differences.
   */
  static boolean sameRounded(String a, String b) {
    BigDecimal x = new BigDecimal(a);
    BigDecimal y = new BigDecimal(b);
    BigDecimal slack = halfUnit(x).add(halfUnit(y));
    return x.subtract(y).abs().compareTo(slack) < 0;
  }

  private static BigDecimal halfUnit(BigDecimal x) {
    return new BigDecimal("0.5").scaleByPowerOfTen(-Math.max(x.scale(), 0));
  }

  /**
   * Whether two printed p-values ("0.4941", ".494", "<.0001", ">.99") denote overlapping intervals;
   * intervals that only touch (0.489 and 0.490) do not count.
   */
  static boolean overlap(String a, String b) {
    BigDecimal[] x = interval(a);
    BigDecimal[] y = interval(b);
    return x[0].compareTo(y[1]) < 0 && y[0].compareTo(x[1]) < 0;
  }

  private static BigDecimal[] interval(String p) {
    if (p.startsWith("<")) {
      return new BigDecimal[] {BigDecimal.ZERO, new BigDecimal(p.substring(1))};
    }
    if (p.startsWith(">")) {
      return new BigDecimal[] {new BigDecimal(p.substring(1)), BigDecimal.ONE};
    }
    BigDecimal v = new BigDecimal(p);
    return new BigDecimal[] {v.subtract(halfUnit(v)), v.add(halfUnit(v))};
  }

  private static final Pattern FOOTNOTE_MARKER = Pattern.compile(" \\[[a-z]\\]$");

  /** A csr display's printed cells, keyed by the row's label path and the column header. */
  private static void addDisplay(CsrDisplay display, Map<Key, String> ours) {
    List<String> path = new ArrayList<>();
    List<String> headers = display.headers();
    for (CsrDisplay.Line line : display.rows()) {
      List<String> cells = line.cells();
      while (path.size() > line.indent()) {
        path.remove(path.size() - 1);
      }
      while (path.size() < line.indent()) {
        path.add("");
      }
      path.add(cells.get(0));
      String row = String.join(" | ", path);
      int offset = headers.size() == cells.size() ? 0 : 1;
      for (int j = 1; j < cells.size(); j++) {
        String column = display.foldedHeader(j - offset).replace('\n', ' ');
        // a test's footnote marker ("0.604 [b]") is not part of the number
        String cell = FOOTNOTE_MARKER.matcher(cells.get(j)).replaceFirst("");
        put(ours, new Key(display.number(), row, column), cell);
      }
    }
  }

  /** The committed AE tables' printed cells: SOC rows, and "SOC | term" for preferred terms. */
  private static void addHtml(String table, Path file, Map<Key, String> ours) throws Exception {
    String html = Files.readString(file);
    List<String> headers = new ArrayList<>();
    Matcher head = Pattern.compile("<th>(.*?)</th>").matcher(html);
    while (head.find()) {
      headers.add(unescape(head.group(1).replace("<br>", " ")));
    }
    Matcher tr = Pattern.compile("<tr><td( class=\"term\")?>(.*?)</tr>").matcher(html);
    Pattern td = Pattern.compile("(?:^|<td>)(.*?)</td>");
    String soc = "";
    while (tr.find()) {
      List<String> cells = new ArrayList<>();
      Matcher c = td.matcher(tr.group(2));
      while (c.find()) {
        cells.add(unescape(c.group(1)));
      }
      String row;
      if (tr.group(1) == null) {
        soc = cells.get(0);
        row = soc;
      } else {
        row = soc + " | " + cells.get(0);
      }
      for (int j = 1; j < cells.size(); j++) {
        put(ours, new Key(table, row, headers.get(j)), cells.get(j));
      }
    }
  }

  private static void put(Map<Key, String> ours, Key key, String text) {
    String previous = ours.put(key, text);
    if (previous != null && !previous.isEmpty()) {
      // two printed cells under one key would make the comparison ambiguous
      assertThat(text).as("two cells for " + key).isEmpty();
      ours.put(key, previous);
    }
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  private static NotPrinted notPrinted(String table, String refRow, String refColumn) {
    for (NotPrinted np : concat(NOT_PRINTED, SECOND_NOT_PRINTED)) {
      if (np.table().equals(table)
          && np.refRow().equals(refRow)
          && (np.refColumn() == null || np.refColumn().equals(refColumn))) {
        return np;
      }
    }
    return null;
  }

  private static List<NotPrinted> concat(List<NotPrinted> a, List<NotPrinted> b) {
    List<NotPrinted> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Difference difference(String table, String refRow, String refColumn) {
    for (Difference d : DIFFERENCES) {
      if (d.table().equals(table) && d.refRow().equals(refRow) && d.refColumn().equals(refColumn)) {
        return d;
      }
    }
    return null;
  }

  private static List<Path> shells() throws Exception {
    try (Stream<Path> list = Files.list(SHELLS)) {
      return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** A cell of one of our displays: table, row label path, column header. */
  record Key(String table, String row, String column) {}

  /** A reference cell trialstats prints with other numbers, and why. */
  record Difference(
      String table,
      String refRow,
      String refColumn,
      String reference,
      String trialstats,
      String why) {}

  /** A reference row (every column when refColumn is null) trialstats does not print, and why. */
  record NotPrinted(String table, String refRow, String refColumn, String why) {}

  /** Rows of ours (regular expression on the row label path) the pilot does not print, and why. */
  record OursOnly(String table, String rowPattern, String why) {
    boolean covers(Key k) {
      return k.table().equals(table) && k.row().matches(rowPattern);
    }
  }

  /** The outcome: what failed, and how many reference cells were compared per table. */
  record Result(
      List<String> failures, Map<String, Integer> compared, Map<Convention, Integer> conventions) {}
}
