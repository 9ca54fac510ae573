package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {
  @Test
  void htmlNeutralisesMarkup() {
    assertThat(Escape.html("<script>alert(1)</script> & \"x\""))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
  }

  @Test
  void markdownEscapesTableAndLinkSyntax() {
    assertThat(Escape.markdown("a|b [x](y) <b>")).isEqualTo("a\\|b \\[x\\](y) &lt;b&gt;");
  }

  @Test
  void csvGuardsFormulasButNotNumbers() {
    assertThat(Escape.csvText("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(Escape.csvText("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Escape.csvText("-0.5")).isEqualTo("-0.5");
    assertThat(Escape.csvText("-Infinity")).isEqualTo("-Infinity");
    assertThat(Escape.csvText("Placebo")).isEqualTo("Placebo");
  }

  @Test
  void rtfEscapesControlWordsAndUnicode() {
    assertThat(Escape.rtf("{\\b x} µ")).isEqualTo("\\{\\\\b x\\} \\u181?");
  }
}
