package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CDISC pilot ADaM transport files (shared/data/cdiscpilot01) read against two independent
 * readers: every value against R haven 2.5.1 (fixtures/make_pilot_reference.R: SHA-256 over all
 * values of each variable, plus first/last value and missing count), and the NAMESTR metadata
 * against pandas 1.5.3 (fixtures/make_pilot_metadata.py, which also confirms that pandas' values
 * agree with haven's for all 129 variables once pandas' IBM-zero bug is corrected).
 */
class XportReaderPilotTest {

  @ParameterizedTest
  @ValueSource(strings = {"ADSL", "ADAE", "ADTTE"})
  void everyValueAndDescriptorMatchesHavenAndPandas(String dataset) throws IOException {
    Path file = PilotData.require().resolve(dataset.toLowerCase(java.util.Locale.ROOT) + ".xpt");
    Map<String, CSVRecord> values = reference("fixtures/pilot_reference.csv", dataset);
    Map<String, CSVRecord> metadata = reference("fixtures/pilot_metadata.csv", dataset);

    try (XportReader r = XportReader.open(file)) {
      XportMember m = r.nextMember().orElseThrow();
      assertThat(m.name()).isEqualTo(dataset);
      assertThat(m.variables())
          .extracting(DatasetVariable::name)
          .containsExactlyElementsOf(metadata.keySet());
      int nvars = m.variables().size();
      for (DatasetVariable v : m.variables()) {
        CSVRecord meta = metadata.get(v.name());
        assertThat(v.type() == VariableType.NUMERIC ? "numeric" : "char")
            .isEqualTo(meta.get("type"));
        assertThat(v.length()).as(v.name()).isEqualTo(Integer.parseInt(meta.get("length")));
        assertThat(v.offset()).as(v.name()).isEqualTo(Integer.parseInt(meta.get("position")));
        assertThat(v.label()).as(v.name()).isEqualTo(meta.get("label"));
        assertThat(v.format()).as(v.name()).isEqualTo(meta.get("format"));
        assertThat(m.observationLength())
            .isEqualTo(Integer.parseInt(meta.get("observation_length")));
      }
      List<List<String>> columns = new ArrayList<>();
      long[] missing = new long[nvars];
      for (int i = 0; i < nvars; i++) {
        columns.add(new ArrayList<>());
      }
      while (r.next()) {
        for (int i = 0; i < nvars; i++) {
          DatasetVariable v = m.variables().get(i);
          if (v.type() == VariableType.CHARACTER) {
            columns.get(i).add(r.text(i));
          } else if (r.missing(i).isPresent()) {
            columns.get(i).add("NA");
            missing[i]++;
          } else {
            columns.get(i).add(XportReaderTest.bitsHex(r.number(i)));
          }
        }
      }
      for (int i = 0; i < nvars; i++) {
        DatasetVariable v = m.variables().get(i);
        CSVRecord ref = values.get(v.name());
        List<String> column = columns.get(i);
        assertThat(column).as(v.name()).hasSize(Integer.parseInt(ref.get("rows")));
        assertThat(column.get(0)).as(v.name()).isEqualTo(ref.get("first"));
        assertThat(column.get(column.size() - 1)).as(v.name()).isEqualTo(ref.get("last"));
        assertThat(missing[i]).as(v.name()).isEqualTo(Long.parseLong(ref.get("missing")));
        assertThat(sha256(String.join("\n", column))).as(v.name()).isEqualTo(ref.get("sha256"));
        assertThat(v.label()).isEqualTo(ref.get("label"));
        assertThat(v.format().replaceFirst("\\.$", "")).isEqualTo(ref.get("format"));
      }
      assertThat(columns.get(0))
          .hasSize(Integer.parseInt(metadata.values().iterator().next().get("observations")));
      assertThat(r.nextMember()).isEmpty();
    }
  }

  private Map<String, CSVRecord> reference(String resource, String dataset) throws IOException {
    Map<String, CSVRecord> byVariable = new LinkedHashMap<>();
    try (Reader in =
        new InputStreamReader(
            Objects.requireNonNull(getClass().getResourceAsStream(resource), resource),
            StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
        if (rec.get("dataset").equals(dataset)) {
          byVariable.put(rec.get("variable"), rec);
        }
      }
    }
    return byVariable;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
