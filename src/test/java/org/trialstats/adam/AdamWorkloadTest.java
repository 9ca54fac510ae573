package org.trialstats.adam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-test generator ({@link AdamWorkload}) writes transport files that {@link XportReader}
 * reads back with the announced counts, variables and value ranges, and the same seed gives the
 * same bytes.
 */
class AdamWorkloadTest {
  @TempDir Path dir;

  @Test
  void writesReadableDeterministicAdslAndAdae() throws IOException {
    AdamWorkload.Written written = AdamWorkload.write(dir.resolve("a"), 200, 5000, 1000, 7);
    assertThat(written.subjects()).isEqualTo(200);
    assertThat(written.records()).isEqualTo(5000);

    Set<String> ids = new HashSet<>();
    long safety = 0;
    try (XportReader adsl = XportReader.open(dir.resolve("a/adsl.xpt"))) {
      assertThat(adsl.nextMember()).isPresent();
      assertThat(adsl.name()).isEqualTo("ADSL");
      int id = adsl.require("USUBJID");
      int arm = adsl.require("TRT01A");
      int armNumber = adsl.require("TRT01AN");
      int start = adsl.require("TRTSDT");
      int end = adsl.require("TRTEDT");
      int duration = adsl.require("TRTDUR");
      int flag = adsl.require("SAFFL");
      while (adsl.next()) {
        assertThat(ids.add(adsl.text(id))).isTrue();
        int a = AdamWorkload.ARMS.indexOf(adsl.text(arm));
        assertThat(a).isNotNegative();
        assertThat(adsl.number(armNumber)).isEqualTo(new double[] {0, 54, 81}[a]);
        assertThat(adsl.number(end) - adsl.number(start) + 1).isEqualTo(adsl.number(duration));
        safety += adsl.text(flag).equals("Y") ? 1 : 0;
      }
      assertThat(adsl.nextMember()).isEmpty();
    }
    assertThat(ids).hasSize(200).contains("01-701-000001", "01-717-000200");
    assertThat(safety).isEqualTo(written.safetySubjects()).isBetween(180L, 200L);

    long records = 0;
    long emergent = 0;
    long blankTerms = 0;
    Map<String, Integer> termCounts = new HashMap<>();
    Set<String> socs = new HashSet<>();
    try (XportReader adae = XportReader.open(dir.resolve("a/adae.xpt"))) {
      adae.nextMember();
      assertThat(adae.member().observationLength())
          .isEqualTo(AdamWorkload.adaeObservationLength())
          .isBetween(200, 400);
      int id = adae.require("USUBJID");
      int term = adae.require("AEDECOD");
      int soc = adae.require("AEBODSYS");
      int flag = adae.require("TRTEMFL");
      int sequence = adae.require("AESEQ");
      String previous = "";
      double previousSequence = 0;
      while (adae.next()) {
        records++;
        String subject = adae.text(id);
        assertThat(ids).contains(subject);
        // sorted by subject, AESEQ 1, 2, ... within a subject
        assertThat(subject).isGreaterThanOrEqualTo(previous);
        double expected = subject.equals(previous) ? previousSequence + 1 : 1;
        assertThat(adae.number(sequence)).isEqualTo(expected);
        previous = subject;
        previousSequence = expected;
        emergent += adae.text(flag).equals("Y") ? 1 : 0;
        if (adae.text(term).isEmpty()) {
          blankTerms++;
          assertThat(adae.text(soc)).isEmpty();
        } else {
          termCounts.merge(adae.text(term), 1, Integer::sum);
          assertThat(AdamWorkload.SOCS).contains(adae.text(soc));
          socs.add(adae.text(soc));
        }
      }
    }
    assertThat(records).isEqualTo(5000);
    assertThat(emergent).isEqualTo(written.emergentRecords()).isBetween(3500L, 4800L);
    assertThat(blankTerms).isLessThan(20);
    assertThat(socs.size()).isGreaterThan(15);
    // skewed frequencies: the most common term is far above the median
    assertThat(termCounts.get("APPLICATION SITE PRURITUS")).isGreaterThan(500);
    assertThat(termCounts.size()).isBetween(200, 1000);

    AdamWorkload.write(dir.resolve("b"), 200, 5000, 1000, 7);
    assertThat(Files.mismatch(dir.resolve("a/adae.xpt"), dir.resolve("b/adae.xpt"))).isEqualTo(-1);
    assertThat(Files.mismatch(dir.resolve("a/adsl.xpt"), dir.resolve("b/adsl.xpt"))).isEqualTo(-1);
  }
}
