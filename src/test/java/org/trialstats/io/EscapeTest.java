package org.trialstats.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {
  @Test
  void htmlNeutralisesMarkup() {
    assertThat(Escape.html("<script>alert(1)</script> & \"x\""))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
  }

  @Test
  void xmlEscapesMarkupAndDropsCharactersXmlCannotHold() {
    // XML 1.0 production [2] Char: no C0 controls but tab, LF, CR; no U+FFFE/U+FFFF, no lone
    // surrogates. A CR becomes &#13; so that a parser does not normalise it to LF.
    assertThat(Escape.xml("<a & 'b'> \"c\"\r\n\t")).isEqualTo(
        "&lt;a &amp; &apos;b&apos;&gt; &quot;c&quot;&#13;\n\t");
    assertThat(Escape.xml("x\u0001\u0000y\uFFFE\uD800z\uDC00 \uD83D\uDE00"))
        .isEqualTo("xyz \uD83D\uDE00");
    assertThat(Escape.xml(null)).isEmpty();
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
