package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim kinds percent, interval-centre, interval-p and test-statistic, read from YAML by {@link
 * DatasetLoader} and judged by {@link ClaimChecker}. Expected p-values from R 4.2 (comments);
 * verdicts follow the rules on {@link ClaimChecker}.
 */
class StatementKindsTest {
  @TempDir Path dir;

  private Map<String, ClaimResult> check(String claims) throws IOException {
    Files.writeString(
        dir.resolve("dataset.yaml"),
        """
        id: t
        title: T
        drug: D
        description: kinds
        sources:
          - {id: s, document: doc.txt, section: all, citation: none}
        """);
    Files.writeString(dir.resolve("claims.yaml"), "claims:\n" + claims);
    return ClaimChecker.check(DatasetLoader.load(dir)).stream()
        .collect(Collectors.toMap(r -> r.claim().id(), r -> r));
  }

  private static String claim(String id, String reported, String check) {
    return "  - id: "
        + id
        + "\n    topic: t\n    statement: s\n    source: s\n    reported: "
        + reported
        + "\n    check: "
        + check
        + "\n";
  }

  @Test
  void percentOfN() throws IOException {
    Map<String, ClaimResult> r =
        check(
            claim(
                    "ok",
                    "{value: 38, unit: '%', as_reported: '38% of 250'}",
                    "{kind: percent, n: 250}")
                + claim(
                    "grim", "{value: 95, unit: '%', as_reported: '95%'}", "{kind: percent, n: 11}")
                + claim(
                    "count",
                    "{value: 71, unit: '%', as_reported: '(71%)'}",
                    "{kind: percent, n: 1729, events: 1235}")
                + claim(
                    "bad",
                    "{value: 17, unit: '%', as_reported: '(17%)'}",
                    "{kind: percent, n: 1729, events: 1235}"));
    // a percentage with n but no count: attainable, not reproduced
    assertThat(r.get("ok").verdict()).isEqualTo(Verdict.ATTAINABLE);
    assertThat(r.get("ok").detail()).contains("94 (37.6%), 95 (38%), 96 (38.4%)");
    // 10/11 = 90.9%, 11/11 = 100%: no count gives 95%
    assertThat(r.get("grim").verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.get("count").verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.get("bad").verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.get("bad").difference())
        .isCloseTo(71.4286 - 17, org.assertj.core.api.Assertions.within(1e-3));
  }

  @Test
  void intervalCentreAndP() throws IOException {
    Map<String, ClaimResult> r =
        check(
            // sqrt(0.62 x 0.91) = 0.7511; R: p from 0.75 (0.62, 0.91) = 0.0032948
            claim(
                    "hr",
                    "{value: 0.75, unit: HR, as_reported: 'HR 0.75'}",
                    "{kind: interval-centre, lower: 0.62, upper: 0.91, scale: log}")
                + claim(
                    "hr-p",
                    "{value: 0.003, unit: p, as_reported: 'p = 0.003'}",
                    "{kind: interval-p, estimate: 0.75, lower: 0.62, upper: 0.91, scale: log}")
                + claim(
                    "hr-typo",
                    "{value: 0.57, unit: HR, as_reported: 'HR 0.57'}",
                    "{kind: interval-centre, lower: 0.62, upper: 0.91, scale: log}")
                + claim(
                    "p-contradicts",
                    "{value: 0.21, unit: p, as_reported: 'p = 0.21'}",
                    "{kind: interval-p, estimate: 0.75, lower: 0.62, upper: 0.91, scale: log}")
                + claim(
                    "significant",
                    "{value: 0.05, unit: p, qualifier: up-to, as_reported: significant}",
                    "{kind: interval-p, estimate: 1.20, lower: 0.90, upper: 1.60, scale: log}")
                + claim(
                    "rd-p",
                    "{value: 0.03, unit: p, as_reported: 'p = 0.03'}",
                    "{kind: interval-p, estimate: -0.38, lower: -0.72, upper: -0.04, scale:"
                        + " linear}"));
    assertThat(r.get("hr").verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.get("hr-p").verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.get("hr-p").detail()).contains("0.00329");
    assertThat(r.get("hr-typo").verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.get("hr-typo").detail()).contains("lies outside its own interval");
    assertThat(r.get("p-contradicts").verdict()).isEqualTo(Verdict.DISCREPANCY);
    // 1.20 (0.90 to 1.60) includes 1: p = 0.2178, not significant
    assertThat(r.get("significant").verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.get("significant").detail()).contains("includes 1");
    // R: 0.028485, rounds to 0.03
    assertThat(r.get("rd-p").verdict()).isEqualTo(Verdict.REPRODUCED);
  }

  @Test
  void testStatisticsAsStatcheck() throws IOException {
    Map<String, ClaimResult> r =
        check(
            // R: 2 * pt(-2.20, 28) = 0.03627; t from 2.195 to 2.205 gives 0.0359 to 0.0366
            claim(
                    "t-ok",
                    "{value: 0.04, unit: p, as_reported: 'p = .04'}",
                    "{kind: test-statistic, test: t, df1: 28, statistic: 2.20}")
                + claim(
                    "t-bad",
                    "{value: 0.03, unit: p, as_reported: 'p = .03'}",
                    "{kind: test-statistic, test: t, df1: 28, statistic: 2.20}")
                // t = 2.2 spans 2.15 to 2.25 (p 0.0324 to 0.0399): p = .03 is undecidable
                + claim(
                    "t-rounded",
                    "{value: 0.03, unit: p, as_reported: 'p = .03'}",
                    "{kind: test-statistic, test: t, df1: 28, statistic: 2.2}")
                + claim(
                    "one-tailed",
                    "{value: 0.018, unit: p, as_reported: 'p = .018'}",
                    "{kind: test-statistic, test: t, df1: 28, statistic: 2.20,"
                        + " one_tailed_mentioned: true}")
                + claim(
                    "f-ns",
                    "{value: 0.05, unit: p, qualifier: more-than, as_reported: ns}",
                    "{kind: test-statistic, test: F, df1: 2, df2: 251, statistic: 0.52}")
                + claim(
                    "chi",
                    "{value: 0.034, unit: p, as_reported: 'p = .034'}",
                    "{kind: test-statistic, test: chi2, df1: 1, statistic: 4.5}")
                + claim(
                    "z-less",
                    "{value: 0.05, unit: p, qualifier: up-to, as_reported: 'p < .05'}",
                    "{kind: test-statistic, test: z, statistic: 1.96}"));
    assertThat(r.get("t-ok").verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.get("t-bad").verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.get("t-rounded").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(r.get("one-tailed").verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.get("one-tailed").detail()).contains("One-tailed");
    assertThat(r.get("f-ns").verdict()).isEqualTo(Verdict.REPRODUCED);
    // R: pchisq(4.5, 1, lower = FALSE) = 0.03389; 4.45 to 4.55 gives 0.0329 to 0.0349
    assertThat(r.get("chi").verdict()).isEqualTo(Verdict.REPRODUCED);
    // 2 * pnorm(-1.96) = 0.04999579 <= 0.05
    assertThat(r.get("z-less").verdict()).isEqualTo(Verdict.REPRODUCED);
  }

  @Test
  void invalidFieldsAreReportedWithLine() {
    assertThatThrownBy(
            () ->
                check(
                    claim(
                            "x",
                            "{value: 0.04, unit: p, as_reported: p}",
                            "{kind: test-statistic, test: q, df1: 28, statistic: 2.20}")
                        + claim(
                            "y",
                            "{value: 0.04, unit: p, as_reported: p}",
                            "{kind: test-statistic, test: F, df1: 2, statistic: 2.20}")
                        + claim(
                            "z",
                            "{value: 0.7, unit: HR, as_reported: HR}",
                            "{kind: interval-centre, lower: 0.9, upper: 0.6, scale: log}")
                        + claim(
                            "w",
                            "{value: 7, unit: '%', as_reported: '7%'}",
                            "{kind: percent, n: 10, events: 11}")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(
            "claims.yaml:7: field 'check.test': expected one of t, F, chi2, z, r," + " got 'q'")
        .hasMessageContaining("field 'check.df2': expected the degrees of freedom of F")
        .hasMessageContaining("field 'check.upper': expected an upper limit above")
        .hasMessageContaining("field 'check.events': expected at most n = 10, got 11");
  }
}
