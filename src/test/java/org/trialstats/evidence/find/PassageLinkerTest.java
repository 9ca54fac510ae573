package org.trialstats.evidence.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.evidence.Claim;
import org.trialstats.evidence.text.SourceText;

/** Pieces of the cross-passage links: table headers named in prose, cited spans, text order. */
class PassageLinkerTest {
  @Test
  void tableHeadersAreNamedByWordOrByInitials() {
    String sentence =
        "A policy allows it for Schnitzler's syndrome, Familial Mediterranean fever, Mevalonate"
            + " kinase deficiency, TNF receptor associated periodic syndrome (TRAPS) and"
            + " Adult-Onset Still's Disease.";
    assertThat(PassageLinker.names(sentence, "Schnitzler's")).isTrue();
    assertThat(PassageLinker.names(sentence, "FMF")).isTrue();
    assertThat(PassageLinker.names(sentence, "MKD")).isTrue();
    assertThat(PassageLinker.names(sentence, "TRAPS")).isTrue();
    assertThat(PassageLinker.names(sentence, "AOSD")).isTrue();
    assertThat(PassageLinker.names(sentence, "HLH")).isFalse();
    assertThat(PassageLinker.names(sentence, "DIRA")).isFalse();
    // Two letters by initials would match "receptor associated": only as a word.
    assertThat(PassageLinker.names(sentence, "RA")).isFalse();
    assertThat(PassageLinker.names("approved for RA in 2001", "RA")).isTrue();
    assertThat(PassageLinker.names(sentence, "Country")).isFalse();
  }

  @Test
  void linkedClaimCitesTheOtherDocumentAndStandsInTextOrder() {
    SourceText first =
        SourceText.plain("a.txt", "Overview.\n\nThe terminal half-life was 5 hours.");
    SourceText second = SourceText.plain("b.txt", "Label: elimination half-life 7 hours.");
    Findings findings = StatementFinder.find(List.of(first, second));
    List<Claim> linked =
        findings.claims().stream().filter(c -> findings.checkable().contains(c.id())).toList();
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).id()).isEqualTo("b-linked-002");
    assertThat(linked.get(0).statement()).contains("a.txt:3:28-3:35");
    assertThat(findings.spans().get(linked.get(0).id()).describe()).isEqualTo("b.txt:1:30-1:37");
    // The figure drawn on (a.txt) is listed before the claim that uses it (b.txt).
    assertThat(findings.claims().get(0).id()).isEqualTo("a-linked-001");
  }
}
