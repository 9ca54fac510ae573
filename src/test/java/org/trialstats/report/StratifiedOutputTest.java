package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.analysis.StratifiedMethodsResult;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StratifiedTables;

/** The CSV of {@code ci test --strata}: every row as wide as the header. */
class StratifiedOutputTest {
  @Test
  void testRowsAreAlignedWithTheHeader() {
    StratifiedMethodsResult r =
        StratifiedMethodsResult.compute(
            Measure.TEST,
            StratifiedTables.parse("10/50:8/50,20/60:15/60"),
            List.of("cmh", "breslow-day"),
            0.95);
    List<String> lines = StratifiedOutput.csv(r).lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "measure,method,strata,estimate,lower,upper,level,cmh_statistic,cmh_p_value,"
                + "homogeneity_statistic,homogeneity_df,homogeneity_p_value,status,message");
    // statistic in estimate, df and p in the homogeneity columns (values: mantelhaen.test)
    assertThat(lines.get(1))
        .isEqualTo(
            "test,cmh,\"10/50:8/50,20/60:15/60\",1.2277904328018223,,,,,,,1,"
                + "0.26783717699993886,ok,");
    assertThat(lines.get(2)).startsWith("test,breslow-day,").endsWith(",1,0.8400273006391991,ok,");
  }
}
