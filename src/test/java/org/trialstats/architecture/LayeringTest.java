package org.trialstats.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package rules of the README's Development section, checked on the main classes. Data flow one
 * way: {@code io} at the bottom; the pure math ({@code numerics}, {@code stats}, {@code meta},
 * {@code survival}, {@code linear}); the data ({@code adam}, {@code evidence}); the use cases
 * ({@code analysis}); rendering ({@code report}); the command line ({@code cli}) at the top.
 *
 * <p>{@code validation} uses the math, {@code io} and {@code analysis}, never {@code report} or
 * {@code cli}: it reads each reference row into a request through the same {@code
 * analysis.RequestFields} that reads a user's {@code batch} row, so that a validation run checks
 * the path a user's numbers take, parsing included, not a private copy of it. It reaches the data
 * packages only through {@code analysis}.
 */
class LayeringTest {

  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.trialstats");

  private static final String[] MATH = {
    "org.trialstats.numerics..",
    "org.trialstats.stats..",
    "org.trialstats.meta..",
    "org.trialstats.survival..",
    "org.trialstats.linear.."
  };

  static final ArchRule NO_UPWARD_ARROW =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("io")
          .definedBy("org.trialstats.io..")
          .layer("math")
          .definedBy(MATH)
          .layer("data")
          .definedBy("org.trialstats.adam..", "org.trialstats.evidence..")
          .layer("analysis")
          .definedBy("org.trialstats.analysis..")
          .layer("report")
          .definedBy("org.trialstats.report..")
          .layer("validation")
          .definedBy("org.trialstats.validation..")
          .layer("cli")
          .definedBy("org.trialstats.cli..")
          .whereLayer("io")
          .mayNotAccessAnyLayer()
          .whereLayer("math")
          .mayOnlyAccessLayers("io")
          .whereLayer("data")
          .mayOnlyAccessLayers("math", "io")
          .whereLayer("analysis")
          .mayOnlyAccessLayers("data", "math", "io")
          .whereLayer("report")
          .mayOnlyAccessLayers("analysis", "data", "math", "io")
          .whereLayer("validation")
          .mayOnlyAccessLayers("analysis", "math", "io")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer();

  static final ArchRule NO_CYCLES =
      slices().matching("org.trialstats.(*)..").should().beFreeOfCycles();

  static final ArchRule PURE_MATH =
      noClasses()
          .that()
          .resideInAnyPackage(MATH)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..",
              "java.nio..",
              "picocli..",
              "com.fasterxml.jackson..",
              "org.trialstats.report..",
              "org.trialstats.cli..")
          .because("the math packages are pure functions of their arguments");

  static final ArchRule ONLY_THE_COMMAND_LINE_USES_PICOCLI =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.trialstats.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("picocli..");

  @ParameterizedTest
  @ValueSource(
      strings = {"NO_UPWARD_ARROW", "NO_CYCLES", "PURE_MATH", "ONLY_THE_COMMAND_LINE_USES_PICOCLI"})
  void mainClassesFollowTheRule(String name) throws ReflectiveOperationException {
    // every layer is present, so that no rule passes on an empty import
    assertThat(MAIN_CLASSES.stream().map(JavaClass::getPackageName).distinct())
        .contains(
            "org.trialstats.io",
            "org.trialstats.numerics",
            "org.trialstats.stats",
            "org.trialstats.survival",
            "org.trialstats.linear",
            "org.trialstats.adam",
            "org.trialstats.evidence",
            "org.trialstats.analysis",
            "org.trialstats.report",
            "org.trialstats.cli");
    ArchRule rule = (ArchRule) LayeringTest.class.getDeclaredField(name).get(null);
    EvaluationResult result = rule.evaluate(MAIN_CLASSES);
    assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
  }

  @Test
  void theRulesReportAViolation() {
    // a rule of the same form as ONLY_THE_COMMAND_LINE_USES_PICOCLI, aimed at the command line,
    // must report its use of picocli: the rules are evaluated, not passed vacuously
    EvaluationResult result =
        noClasses()
            .that()
            .resideInAPackage("org.trialstats.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("picocli..")
            .evaluate(MAIN_CLASSES);
    assertThat(result.hasViolation()).isTrue();
  }
}
