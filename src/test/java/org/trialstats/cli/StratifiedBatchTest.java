package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.testing.Cli;
import org.trialstats.testing.ReferenceCsv;

/**
 * {@code batch} with {@code group} and {@code stratum} columns: one stratified request per group.
 * Reference values: R {@code mantelhaen.test} (fixtures/stratified_batch.R), relative 1e-9.
 */
class StratifiedBatchTest {
  @TempDir Path dir;

  private static final String HEADER = "group,stratum,measure,method,events1,n1,events2,n2,level\n";

  private Cli.Run run(String csv) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, csv, StandardCharsets.UTF_8);
    return Cli.run("batch", "--input", in.toString(), "--out", dir.resolve("out.csv").toString());
  }

  private List<Map<String, String>> rows(String csv) throws IOException {
    Cli.Run run = run(csv);
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var reader = Files.newBufferedReader(dir.resolve("out.csv"))) {
      return ReferenceCsv.read(reader);
    }
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  private static Offset<Double> rel(double value) {
    return within(Math.abs(value) * 1e-9);
  }

  @Test
  void aGroupIsOneMantelHaenszelRequestAgreeingWithR() throws IOException {
    List<Map<String, String>> rows =
        rows(
            HEADER
                + "trial,north,or,mh,10,50,8,50,\n"
                + "trial,south,or,mh,20,60,15,60,\n"
                + "trial,west,or,mh,5,30,9,30,\n");
    assertThat(rows).hasSize(1);
    Map<String, String> row = rows.get(0);
    assertThat(row.get("group")).isEqualTo("trial");
    assertThat(row.get("measure")).isEqualTo("or");
    assertThat(row.get("method")).isEqualTo("mh");
    assertThat(row.get("strata")).isEqualTo("3");
    assertThat(row.get("status")).isEqualTo("ok");
    assertThat(number(row, "estimate")).isCloseTo(1.12552301255, rel(1.12552301255));
    assertThat(number(row, "lower")).isCloseTo(0.648999142077, rel(0.648999142077));
    assertThat(number(row, "upper")).isCloseTo(1.95193178181, rel(1.95193178181));
    assertThat(number(row, "cmh_statistic")).isCloseTo(0.177080491132, rel(0.177080491132));
    assertThat(number(row, "cmh_p_value")).isCloseTo(0.673894319098, rel(0.673894319098));
    assertThat(row.get("homogeneity_df")).isEqualTo("2");
    assertThat(row.keySet())
        .containsExactly(
            "group",
            "measure",
            "method",
            "level",
            "strata",
            "estimate",
            "lower",
            "upper",
            "cmh_statistic",
            "cmh_p_value",
            "homogeneity_statistic",
            "homogeneity_df",
            "homogeneity_p_value",
            "status",
            "message");
  }

  @Test
  void groupsKeepTheOrderOfTheirFirstRowAndAnErrorMarksOnlyItsGroup() throws IOException {
    List<Map<String, String>> rows =
        rows(
            HEADER
                + "b,1,rd,mn,10,50,8,50,\n"
                + "a,1,rd,mn,3,20,1,20,\n"
                + "b,2,rd,mn,20,60,15,60,\n"
                + "c,1,rd,mn,12,10,1,10,\n"
                + "a,2,rd,mn,4,20,2,20,\n"
                + "c,2,rd,mn,1,10,1,10,\n"
                + "d,1,rd,mn,1,10,1,10,\n"
                + "d,2,rr,mn,1,10,1,10,\n"
                + "e,1,rd,nosuch,1,10,1,10,\n"
                + "f,x,rd,mn,1,10,1,10,\n"
                + "f,x,rd,mn,2,10,1,10,\n");
    assertThat(rows).extracting(r -> r.get("group")).containsExactly("b", "a", "c", "d", "e", "f");
    assertThat(rows)
        .extracting(r -> r.get("status"))
        .containsExactly("ok", "ok", "error", "error", "error", "error");
    assertThat(rows.get(2).get("message")).startsWith("line 5: ").contains("arm 1");
    assertThat(rows.get(2).get("estimate")).isEmpty();
    assertThat(rows.get(3).get("message")).startsWith("line 9: ").contains("measure");
    assertThat(rows.get(4).get("message")).startsWith("line 10: ").contains("nosuch");
    assertThat(rows.get(5).get("message")).startsWith("line 12: ").contains("twice");
    assertThat(rows.get(0).get("strata")).isEqualTo("2");
  }

  @Test
  void oneStratumEqualsTheUnstratifiedRow() throws IOException {
    List<Map<String, String>> grouped = rows(HEADER + "g,only,rd,mn,17,40,9,41,0.9\n");
    Path in = dir.resolve("plain.csv");
    Files.writeString(in, "measure,method,events1,n1,events2,n2,level\nrd,mn,17,40,9,41,0.9\n");
    Path out = dir.resolve("plain-out.csv");
    Cli.Run run = Cli.run("batch", "--input", in.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> plain;
    try (var reader = Files.newBufferedReader(out)) {
      plain = ReferenceCsv.read(reader).get(0);
    }
    Map<String, String> g = grouped.get(0);
    assertThat(g.get("status")).isEqualTo("ok");
    assertThat(g.get("strata")).isEqualTo("1");
    for (String column : List.of("estimate", "lower", "upper")) {
      double expected = number(plain, column);
      assertThat(number(g, column)).as(column).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void withoutBothColumnsTheBatchIsOrdinaryAndGroupIsPassedThrough() throws IOException {
    List<Map<String, String>> rows =
        rows("group,measure,method,events1,n1,events2,n2\nx,rd,wald,1,10,2,10\n");
    assertThat(rows.get(0).get("group")).isEqualTo("x");
    assertThat(rows.get(0)).containsKey("p_value").doesNotContainKey("strata");
  }

  @Test
  void rowWithWrongFieldCountOrEmptyGroupIsAnErrorRow() throws IOException {
    List<Map<String, String>> rows =
        rows(HEADER + "a,1,rd,mh,1,10,2,10\n" + ",1,rd,mh,1,10,2,10,\n" + "b,1,rd,mh,1,10,2,10,\n");
    assertThat(rows).extracting(r -> r.get("status")).containsExactly("error", "error", "ok");
    assertThat(rows.get(0).get("message")).contains("fields");
    assertThat(rows.get(1).get("message")).contains("'group' is empty");
  }
}
