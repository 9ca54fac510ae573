package org.trialstats.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the README's Development section, checked on the main classes. Data flow
 * one way: {@code io} at the bottom; the pure math ({@code numerics}, {@code stats}, {@code
 * meta}, {@code survival}, {@code linear}); the data ({@code adam}, {@code evidence}); the use
 * cases ({@code analysis}); rendering ({@code report}); the command line ({@code cli}) at the
 * top. {@code validation} uses only the math and {@code io}.
 */
@AnalyzeClasses(packages = "org.trialstats", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final String[] MATH = {
    "org.trialstats.numerics..", "org.trialstats.stats..", "org.trialstats.meta..",
    "org.trialstats.survival..", "org.trialstats.linear.."
  };

  @ArchTest
  static final ArchRule noUpwardArrow =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("io").definedBy("org.trialstats.io..")
          .layer("math").definedBy(MATH)
          .layer("data").definedBy("org.trialstats.adam..", "org.trialstats.evidence..")
          .layer("analysis").definedBy("org.trialstats.analysis..")
          .layer("report").definedBy("org.trialstats.report..")
          .layer("validation").definedBy("org.trialstats.validation..")
          .layer("cli").definedBy("org.trialstats.cli..")
          .whereLayer("io").mayNotAccessAnyLayer()
          .whereLayer("math").mayOnlyAccessLayers("io")
          .whereLayer("data").mayOnlyAccessLayers("math", "io")
          .whereLayer("analysis").mayOnlyAccessLayers("data", "math", "io")
          .whereLayer("report").mayOnlyAccessLayers("analysis", "data", "math", "io")
          .whereLayer("validation").mayOnlyAccessLayers("math", "io")
          .whereLayer("cli").mayNotBeAccessedByAnyLayer();

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("org.trialstats.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule mathDoesNoInputOutputAndKnowsNoCommandLineOrRendering =
      noClasses().that().resideInAnyPackage(MATH)
          .should().dependOnClassesThat().resideInAnyPackage(
              "java.io..", "java.nio..", "picocli..", "com.fasterxml.jackson..",
              "org.trialstats.report..", "org.trialstats.cli..")
          .because("the math packages are pure functions of their arguments");

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesPicocli =
      noClasses().that().resideOutsideOfPackage("org.trialstats.cli..")
          .should().dependOnClassesThat().resideInAnyPackage("picocli..");
}
