package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns read from CSV: values, group and stratum codes in display order, also when the
 * records span several of the reader's internal blocks (16,384 records each) and when there are
 * more groups than the labels compared by identity (8).
 */
class TimeToEventDataTest {
  @TempDir Path dir;

  private static final TimeToEventColumns COLUMNS =
      new TimeToEventColumns("T", "E", false, "ARM", "SEX", "USUBJID", null, List.of());

  private TimeToEventData read(String text) throws IOException {
    Path file = dir.resolve("tte.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try (DatasetReader reader = CsvDatasetReader.open(file)) {
      return TimeToEventData.read(reader, COLUMNS, null);
    }
  }

  @Test
  void recordsOverSeveralBlocksKeepTheirOrderValuesAndCodes() throws IOException {
    int n = 2 * 16_384 + 7; // two full blocks and part of a third
    int groups = 11; // more than the 8 labels compared by identity
    StringBuilder csv = new StringBuilder("T,E,ARM,SEX\n");
    for (int i = 0; i < n; i++) {
      csv.append(i % 997)
          .append('.')
          .append(i % 4)
          .append(',')
          .append(i % 3 == 0 ? 1 : 0)
          .append(",arm")
          .append((char) ('k' - i % groups)) // labels arrive in reverse alphabetical order
          .append(',')
          .append(i % 2 == 0 ? "M" : "F")
          .append('\n');
    }
    TimeToEventData data = read(csv.toString());

    List<String> labels = new ArrayList<>();
    for (char c = 'a'; c <= 'k'; c++) {
      labels.add("arm" + c);
    }
    assertThat(data.groups()).isEqualTo(labels);
    assertThat(data.strata()).containsExactly("F", "M");
    assertThat(data.groupOrder()).isEqualTo("groups ordered alphabetically");
    assertThat(data.time()).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(data.time()[i]).isEqualTo((i % 997) + (i % 4) / 10.0);
      assertThat(data.event()[i]).isEqualTo(i % 3 == 0);
      assertThat(data.group()[i]).isEqualTo(('k' - i % groups) - 'a');
      assertThat(data.stratum()[i]).isEqualTo(i % 2 == 0 ? 1 : 0);
    }
  }

  @Test
  void withoutStrataThereIsNoStratumColumn() throws IOException {
    Path file = dir.resolve("plain.csv");
    Files.writeString(file, "T,E,ARM\n3,1,B\n5,0,A\n", StandardCharsets.UTF_8);
    TimeToEventColumns columns =
        new TimeToEventColumns("T", "E", false, "ARM", null, "USUBJID", null, List.of());
    try (DatasetReader reader = CsvDatasetReader.open(file)) {
      TimeToEventData data = TimeToEventData.read(reader, columns, null);
      assertThat(data.stratum()).isNull();
      assertThat(data.group()).containsExactly(1, 0);
      assertThat(data.time()).containsExactly(3.0, 5.0);
      assertThat(data.event()).containsExactly(true, false);
    }
  }

  @Test
  void anInvalidValueAfterTheFirstBlockNamesItsLine() throws IOException {
    StringBuilder csv = new StringBuilder("T,E,ARM,SEX\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append("1,1,A,M\n");
    }
    csv.append("2,7,A,M\n");
    assertThatThrownBy(() -> read(csv.toString()))
        .isInstanceOf(AdamDataException.class)
        .hasMessage(
            "tte.csv, line 20002, variable E: event flag '7' must be 1 (event) or 0 (censored)");
  }
}
