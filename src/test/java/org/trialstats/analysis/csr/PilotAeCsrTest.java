package org.trialstats.analysis.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.testing.SharedFolder;
import tech.tablesaw.api.Table;

/**
 * The adverse-event displays 14-5.01 and 14-5.02 rendered by {@code csr} from their shells equal
 * the committed {@code ae-table} outputs (reports/cdiscpilot01/t14-5-0*.csv and .html, themselves
 * checked against R in AeCsrTablesPilotTest): the same rows in the same order, every subject and
 * event count and every Fisher p-value identical (both come from AeIncidence; exact equality), and
 * every printed cell the same text.
 */
class PilotAeCsrTest {
  private static final List<String> ARMS =
      List.of("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose");

  @ParameterizedTest
  @CsvSource({"14-5.01,t14-5-01", "14-5.02,t14-5-02"})
  void numbersAndCellsEqualTheAeTableOutputs(String number, String aeTable) throws Exception {
    CsrDisplay display = display(number);
    List<Map<String, String>> expected =
        ReferenceCsv.read(
            new StringReader(
                Files.readString(Path.of("reports/cdiscpilot01/" + aeTable + ".csv"))
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n")));
    Map<String, Double> values = new HashMap<>();
    LinkedHashSet<String> rowOrder = new LinkedHashSet<>();
    for (CsrValue v : display.values()) {
      values.put(v.row() + "|" + v.column() + "|" + v.statistic(), v.value());
      if (!v.block().equals("header")) {
        rowOrder.add(v.row());
      }
    }
    String overall = display.rows().get(0).cells().get(0);
    List<String> expectedOrder = new ArrayList<>();
    int compared = 0;
    for (Map<String, String> r : expected) {
      String row =
          switch (r.get("row_type")) {
            case "any" -> overall;
            case "soc" -> r.get("soc");
            default -> r.get("soc") + "/" + r.get("term");
          };
      expectedOrder.add(row);
      for (String arm : ARMS) {
        assertThat(values.get(row + "|" + arm + "|n"))
            .as(row + " " + arm)
            .isEqualTo(Double.parseDouble(r.get(arm + ":n")));
        assertThat(values.get(row + "|" + arm + "|events"))
            .as(row + " " + arm)
            .isEqualTo(Double.parseDouble(r.get(arm + ":events")));
        assertThat(values.get("N|" + arm + "|N"))
            .as("N of " + arm)
            .isEqualTo(Double.parseDouble(r.get(arm + ":N")));
        compared += 3;
      }
      for (String arm : ARMS.subList(1, 3)) {
        assertThat(values.get(row + "|" + arm + " vs Placebo|p"))
            .as(row + " " + arm)
            .isEqualTo(Double.parseDouble(r.get(arm + " vs Placebo:fisher_p")));
        compared++;
      }
    }
    assertThat(new ArrayList<>(rowOrder)).isEqualTo(expectedOrder);
    assertThat(compared).isEqualTo(expected.size() * 11);

    List<List<String>> printed = htmlBody(Path.of("reports/cdiscpilot01/" + aeTable + ".html"));
    assertThat(display.rows()).hasSameSizeAs(printed);
    for (int i = 0; i < printed.size(); i++) {
      assertThat(display.rows().get(i).cells()).as("row " + i).isEqualTo(printed.get(i));
    }
  }

  static CsrDisplay display(String number) throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adsl.xpt").getParent();
    Path file = Path.of("datasets/cdiscpilot01/" + number + ".yaml");
    DisplayShell shell = ShellParser.parse(Files.readString(file), file.getFileName().toString());
    Map<String, Table> tables = new HashMap<>();
    for (Map.Entry<String, String> d : shell.datasets().entrySet()) {
      tables.put(d.getKey(), AdamTables.read(data.resolve(d.getValue())));
    }
    return CsrEngine.compute(shell, tables);
  }

  /** The body cells of an HTML table, entities decoded. */
  private static List<List<String>> htmlBody(Path html) throws Exception {
    String text = Files.readString(html);
    String body = text.substring(text.indexOf("<tbody>"), text.indexOf("</tbody>"));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
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
      rows.add(cells);
    }
    return rows;
  }
}
