package org.trialstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstats.meta.MetaMethods;
import org.trialstats.stats.Measure;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.MethodInfo;
import org.trialstats.stats.StatMethod;
import org.trialstats.testing.Cli;

class MethodsCommandTest {
  /** The method ids of the public interface (README). */
  private static final List<String> CATALOGUE =
      List.of(
          "proportion:wald",
          "proportion:wald-cc",
          "proportion:wilson",
          "proportion:wilson-cc",
          "proportion:clopper-pearson",
          "proportion:jeffreys",
          "proportion:agresti-coull",
          "proportion:mid-p",
          "rd:wald",
          "rd:wald-cc",
          "rd:newcombe",
          "rd:newcombe-cc",
          "rd:mn",
          "rd:mee",
          "rd:agresti-caffo",
          "rd:hauck-anderson",
          "rd:exact-unconditional",
          "rd:exact-unconditional-raw",
          "rr:katz",
          "rr:koopman",
          "rr:mn",
          "rr:exact-unconditional",
          "or:woolf",
          "or:woolf-haldane",
          "or:mn",
          "or:exact-conditional",
          "or:mid-p",
          "nnt:wald",
          "nnt:wald-cc",
          "nnt:newcombe",
          "nnt:newcombe-cc",
          "nnt:mn",
          "nnt:mee",
          "nnt:agresti-caffo",
          "nnt:hauck-anderson",
          "nnt:exact-unconditional",
          "nnt:exact-unconditional-raw",
          "rate:exact",
          "rate:mid-p",
          "rate:byar",
          "rate:wald",
          "rate-ratio:exact-conditional",
          "rate-ratio:mid-p",
          "rate-ratio:wald",
          "rate-diff:wald",
          "sir:exact",
          "sir:mid-p",
          "sir:byar",
          "test:chisq",
          "test:chisq-yates",
          "test:fisher",
          "test:barnard",
          "test:boschloo");

  @Test
  void catalogueHasExactlyThePublicMethodIds() {
    Set<String> ids = new HashSet<>();
    for (StatMethod m : MethodCatalogue.all()) {
      assertThat(ids.add(m.measure().id() + ":" + m.id())).as("duplicate " + m.id()).isTrue();
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(CATALOGUE);
  }

  @Test
  void everyMethodIsDocumentedWithReferenceAndCrosswalk() {
    for (StatMethod m : MethodCatalogue.all()) {
      MethodInfo i = m.info();
      String what = m.measure().id() + " " + m.id();
      assertThat(i.name()).as(what).isNotBlank();
      assertThat(i.formula()).as(what).isNotBlank();
      assertThat(i.reference()).as(what).containsPattern("(19|20)\\d\\d");
      assertThat(i.sas()).as(what).isNotBlank();
      assertThat(i.r()).as(what).isNotBlank();
      assertThat(i.python()).as(what).isNotBlank();
    }
  }

  @Test
  void everyMetaAnalysisMethodIsListedAndDocumented() {
    List<MetaMethods.Entry> all = MetaMethods.all();
    // 10 measures, 3 fixed-effect methods, 6 tau^2 estimators, 3 SMD variances, 2 PI formulas,
    // 2 trim-and-fill estimators, influence diagnostics, HKSJ, Q-profile, Egger, Begg, Egger rma,
    // profile likelihood, generalised Q, meta-regression
    assertThat(all).hasSize(35);
    for (MetaMethods.Entry e : all) {
      MethodInfo i = e.info();
      String what = e.family() + " " + e.id();
      assertThat(i.name()).as(what).isNotBlank();
      assertThat(i.formula()).as(what).isNotBlank();
      assertThat(i.reference()).as(what).containsPattern("(19|20)\\d\\d");
      assertThat(i.r()).as(what).isNotBlank();
    }
    assertThat(Cli.run("methods", "--format", "md").out())
        .contains("## Meta-analysis (`meta`)")
        .contains("| smd-variance | `ub` |")
        .contains("| prediction | `metafor` |")
        .contains("| tau^2 interval | `genq` |");
  }

  @Test
  void markdownAndJsonListEveryMethod() throws Exception {
    Cli.Run md = Cli.run("methods", "--format", "md");
    assertThat(md.exitCode()).isZero();
    for (Measure measure : Measure.values()) {
      assertThat(md.out()).contains("(`" + measure.id() + "`)");
    }
    Cli.Run json = Cli.run("methods", "--format", "json");
    JsonNode list = new ObjectMapper().readTree(json.out());
    assertThat(list.size())
        .isEqualTo(
            CATALOGUE.size()
                + STRATIFIED.size()
                + MethodsCommand.survival().size()
                + MethodsCommand.adverseEvents().size()
                + MetaMethods.all().size());
    assertThat(list.get(0).has("sas")).isTrue();
    Set<String> stratified = new HashSet<>();
    for (JsonNode m : list) {
      if (m.get("stratified").asBoolean()) {
        stratified.add(m.get("measure").asText() + ":" + m.get("id").asText());
        assertThat(m.get("reference").asText()).containsPattern("(19|20)\\d\\d");
        assertThat(m.get("sas").asText()).isNotBlank();
        assertThat(m.get("r").asText()).isNotBlank();
      }
    }
    assertThat(stratified).containsExactlyInAnyOrderElementsOf(STRATIFIED);
    assertThat(md.out()).contains("### Stratified (`ci rd --strata");
  }

  @Test
  void theDefaultIsPlainTextForATerminal() {
    Cli.Run text = Cli.run("methods");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .startsWith("trialstats method catalogue\n")
        .contains("\nnewcombe: ")
        .contains("  reference: ")
        .contains("Time-to-event (survival)")
        .contains("\nefron: ")
        .contains("\nlog-log: ")
        .contains("\nduration: Exposure-adjusted incidence rate")
        .contains("\nhksj: ")
        .doesNotContain("&gt;", "&lt;", "&amp;", "\\|", "\\~", "not installed");
    assertThat(text.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
  }

  /** The stratified method and test ids (stratified-analysis issue). */
  private static final List<String> STRATIFIED =
      List.of(
          "rd:mh",
          "rd:mh-gr",
          "rd:mn",
          "rd:mn-iv",
          "rd:newcombe",
          "rd:newcombe-wilson",
          "rd:summary-score",
          "rr:mh",
          "rr:mn",
          "rr:mn-iv",
          "or:mh",
          "or:mn",
          "or:mn-iv",
          "or:exact-conditional",
          "test:cmh",
          "test:cmh-cc",
          "test:breslow-day",
          "test:breslow-day-tarone");
}
