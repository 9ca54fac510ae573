package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.adam.PilotData;
import org.trialstats.testing.Cli;

/**
 * The CDISC pilot's tables 14-5.01 (TEAEs by SOC and preferred term) and 14-5.02 (serious TEAEs)
 * committed in reports/cdiscpilot01 ({@code t14-5-01.*}, {@code t14-5-02.*}): up to date with the
 * command below, and every number (subjects, events, Fisher p of each dose versus placebo) equal to
 * an independent R computation (analysis/fixtures/make_pilot_ae_csr_reference.R: haven and
 * fisher.test), the printed cells equal to that reference formatted by hand, and the rows in the
 * pilot's order (descending high-dose count, then alphabetically).
 */
class AeCsrTablesPilotTest {
  private static final String[] ARMS = {"Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"};
  private static final String[] KEYS = {"placebo", "low", "high"};
  private static final long[] N = {86, 84, 84};

  static List<String> arguments(Path data, String table, Path out) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ae-table",
                "--adsl",
                data.resolve("adsl.xpt").toString(),
                "--adae",
                data.resolve("adae.xpt").toString(),
                "--method",
                "wald",
                "--exposure",
                "none",
                "--no-risk-difference",
                "--events",
                "--fisher",
                "--sort",
                "arm",
                "--sort-arm",
                "Xanomeline High Dose",
                "--format",
                "csv,html,rtf,docx",
                "--out",
                out.toString(),
                "--name",
                table.equals("01") ? "t14-5-01" : "t14-5-02",
                "--table-number",
                "Table 14-5." + table,
                "--title"));
    if (table.equals("01")) {
      args.add(
          "Incidence of Treatment Emergent Adverse Events by System Organ Class and Preferred"
              + " Term");
    } else {
      args.add(
          "Incidence of Treatment Emergent Serious Adverse Events by System Organ Class and"
              + " Preferred Term");
      args.addAll(List.of("--where", "AESER=Y"));
    }
    return args;
  }

  @ParameterizedTest
  @CsvSource({"01", "02"})
  void committedTablesAreUpToDate(String table, @TempDir Path tmp) throws IOException {
    Path data = PilotData.require();
    Cli.Run run = Cli.run(arguments(data, table, tmp).toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    for (String ext : List.of(".csv", ".html", ".rtf", ".docx")) {
      String name = "t14-5-" + table + ext;
      assertThat(Files.readAllBytes(Path.of("reports/cdiscpilot01").resolve(name)))
          .as(name + " is out of date: rerun the commands of src/docs/ae-table.md")
          .isEqualTo(Files.readAllBytes(tmp.resolve(name)));
    }
  }

  @ParameterizedTest
  @CsvSource({"01,all", "02,serious"})
  void everyNumberMatchesR(String table, String variant) throws IOException {
    Map<String, CSVRecord> reference = new HashMap<>();
    for (CSVRecord r : reference()) {
      if (r.get("variant").equals(variant)) {
        reference.put(r.get("level").toLowerCase() + "|" + r.get("soc") + "|" + r.get("term"), r);
      }
    }
    List<CSVRecord> rows =
        csv(Files.readString(Path.of("reports/cdiscpilot01/t14-5-" + table + ".csv")));
    assertThat(rows).hasSize(reference.size());
    for (CSVRecord row : rows) {
      String key = row.get("row_type") + "|" + row.get("soc") + "|" + row.get("term");
      CSVRecord ref = Objects.requireNonNull(reference.get(key), key);
      for (int a = 0; a < 3; a++) {
        assertThat(row.get(ARMS[a] + ":n")).as(key).isEqualTo(ref.get(KEYS[a] + "_n"));
        assertThat(row.get(ARMS[a] + ":events")).as(key).isEqualTo(ref.get(KEYS[a] + "_events"));
        assertThat(row.get(ARMS[a] + ":N")).isEqualTo(Long.toString(N[a]));
      }
      for (int a = 1; a < 3; a++) {
        double p = Double.parseDouble(row.get(ARMS[a] + " vs Placebo:fisher_p"));
        double expected = Double.parseDouble(ref.get("p_" + KEYS[a]));
        assertThat(p).as(key).isCloseTo(expected, within(1e-12 * expected));
      }
    }
    // rows: any event first, then SOC blocks by descending high-dose count, then alphabetically;
    // terms within each block likewise
    List<CSVRecord> socs = rows.stream().filter(r -> r.get("row_type").equals("soc")).toList();
    assertOrdered(socs, "soc");
    for (CSVRecord soc : socs) {
      assertOrdered(
          rows.stream()
              .filter(r -> r.get("row_type").equals("term") && r.get("soc").equals(soc.get("soc")))
              .toList(),
          "term");
    }
  }

  @ParameterizedTest
  @CsvSource({"01,all", "02,serious"})
  void printedCellsAreTheReferenceFormatted(String table, String variant) throws IOException {
    Map<String, CSVRecord> reference = new HashMap<>();
    for (CSVRecord r : reference()) {
      if (r.get("variant").equals(variant)) {
        reference.put(r.get("level").equals("ANY") ? "" : name(r), r);
      }
    }
    String html = Files.readString(Path.of("reports/cdiscpilot01/t14-5-" + table + ".html"));
    Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    row.find(); // header
    int checked = 0;
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
      while (cell.find()) {
        cells.add(
            cell.group(1)
                .replace("&gt;", ">")
                .replace("&lt;", "<")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&"));
      }
      CSVRecord ref =
          checked == 0
              ? reference.get("")
              : Objects.requireNonNull(reference.get(cells.get(0)), cells.get(0));
      for (int a = 0; a < 3; a++) {
        assertThat(cells.get(1 + a))
            .as(cells.get(0))
            .isEqualTo(
                cellText(
                    Long.parseLong(ref.get(KEYS[a] + "_n")),
                    N[a],
                    Long.parseLong(ref.get(KEYS[a] + "_events"))));
      }
      assertThat(cells.get(4)).isEqualTo(pText(Double.parseDouble(ref.get("p_low"))));
      assertThat(cells.get(5)).isEqualTo(pText(Double.parseDouble(ref.get("p_high"))));
      checked++;
    }
    assertThat(checked).isEqualTo(reference.size());
    if (variant.equals("serious")) {
      assertThat(html).contains("<td>Any serious treatment-emergent adverse event</td>");
    }
  }

  /** Term names are unique within the pilot's tables except across SOCs; key by name. */
  private static String name(CSVRecord r) {
    return r.get("level").equals("SOC") ? r.get("soc") : r.get("term");
  }

  @Test
  void everyPilotTermIsInOneSocOnlySoNamesIdentifyRows() throws IOException {
    List<String> terms =
        reference().stream()
            .filter(r -> r.get("level").equals("TERM"))
            .map(r -> r.get("variant") + r.get("term"))
            .toList();
    assertThat(terms).doesNotHaveDuplicates();
  }

  private static String cellText(long x, long n, long events) {
    if (x == 0) {
      return "0";
    }
    String percent =
        BigDecimal.valueOf(100 * x)
            .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP)
            .toPlainString();
    return x + " (" + percent + "%) [" + events + "]";
  }

  /** SAS PVALUE6.4 with an upper bound: .dddd, <.0001, >.99. */
  private static String pText(double p) {
    if (p > 0.99) {
      return ">.99";
    }
    if (p < 0.00005) {
      return "<.0001";
    }
    return new BigDecimal(p).setScale(4, RoundingMode.HALF_UP).toPlainString().substring(1);
  }

  private static void assertOrdered(List<CSVRecord> rows, String nameColumn) {
    for (int i = 1; i < rows.size(); i++) {
      long before = Long.parseLong(rows.get(i - 1).get("Xanomeline High Dose:n"));
      long after = Long.parseLong(rows.get(i).get("Xanomeline High Dose:n"));
      assertThat(before).as(rows.get(i).get(nameColumn)).isGreaterThanOrEqualTo(after);
      if (before == after) {
        assertThat(rows.get(i - 1).get(nameColumn).compareToIgnoreCase(rows.get(i).get(nameColumn)))
            .as(rows.get(i).get(nameColumn))
            .isLessThan(0);
      }
    }
  }

  private static List<CSVRecord> reference() throws IOException {
    try (Reader in =
        new InputStreamReader(
            Objects.requireNonNull(
                AeCsrTablesPilotTest.class.getResourceAsStream(
                    "/org/trialstats/analysis/fixtures/pilot_ae_csr_reference.csv")),
            StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().get().parse(in).getRecords();
    }
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(text)).getRecords();
  }
}
