package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows filled by column name: unset cells empty, RFC 4180 quoting, unknown columns refused. */
class CsvTableTest {
  @Test
  void cellsLandInTheirNamedColumns() {
    CsvTable t = new CsvTable(List.of("a", "b", "c"));
    t.row().put("c", 3).put("a", "x,y");
    t.row().put("b", "say \"hi\"");
    t.row().put("a", "").put("c", null);
    // Commons CSV quotes an empty first cell, so that a row of empty cells is not a blank line
    assertThat(t.text()).isEqualTo("a,b,c\n\"x,y\",,3\n\"\",\"say \"\"hi\"\"\",\n\"\",,\n");
  }

  @Test
  void unknownColumnIsAProgrammingError() {
    CsvTable t = new CsvTable(List.of("a"));
    assertThatThrownBy(() -> t.row().put("b", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column 'b' in [a]");
  }
}
