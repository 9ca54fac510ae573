package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verdict rules of {@link ClaimChecker} on small datasets built in code, one branch per test.
 * Expected values are exact arithmetic (shown in comments) or R 4.2.2 output.
 */
class ClaimCheckerRulesTest {
  private static final Source SOURCE = new Source("s", "doc", "section", "citation");

  private final List<Claim> claims = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();
  private final List<RateFigure> rates = new ArrayList<>();
  private final List<SirFigure> sirs = new ArrayList<>();

  private static Reported value(double v, int decimals, Qualifier q) {
    return new Reported(v, "unit", decimals, q, "printed " + v);
  }

  private void claim(String id, Reported reported, ClaimCheck check) {
    claims.add(new Claim(id, "topic", "statement", "s", reported, check));
  }

  private ClaimResult check(String id) {
    Dataset d =
        new Dataset(
            "t",
            "title",
            "drug",
            "description",
            Path.of("t"),
            List.of(SOURCE),
            comparisons,
            rates,
            sirs,
            claims,
            List.of(),
            List.of(),
            List.of());
    return ClaimChecker.check(d).stream()
        .filter(r -> r.claim().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static ClaimCheck.Operand ref(String id) {
    return new ClaimCheck.ClaimValue(id);
  }

  @Test
  void sumOfBillionsIsExact() {
    // 999,999,999 + 1 = 1,000,000,000 exactly; 999,999,999 + 2 is off by one
    claim("a", value(999_999_999, 0, Qualifier.EXACT), new ClaimCheck.Recorded(""));
    claim("b", value(1, 0, Qualifier.EXACT), new ClaimCheck.Recorded(""));
    claim("c", value(2, 0, Qualifier.EXACT), new ClaimCheck.Recorded(""));
    claim(
        "total",
        value(1_000_000_000, 0, Qualifier.EXACT),
        new ClaimCheck.Sum(List.of(ref("a"), ref("b")), ""));
    claim(
        "wrong",
        value(1_000_000_000, 0, Qualifier.EXACT),
        new ClaimCheck.Sum(List.of(ref("a"), ref("c")), ""));
    assertThat(check("total").verdict()).isEqualTo(Verdict.REPRODUCED);
    ClaimResult wrong = check("wrong");
    assertThat(wrong.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(wrong.difference()).isEqualTo(1.0);
  }

  @Test
  void boundsAreSatisfiedFailedOrUndecidable() {
    claim("x", value(8, 0, Qualifier.EXACT), new ClaimCheck.Recorded(""));
    claim("at-least-8", value(8, 0, Qualifier.AT_LEAST), new ClaimCheck.CrossCheck("x", ""));
    claim("more-than-8", value(8, 0, Qualifier.MORE_THAN), new ClaimCheck.CrossCheck("x", ""));
    claim("up-to-7", value(7, 0, Qualifier.UP_TO), new ClaimCheck.CrossCheck("x", ""));
    claim("up-to-5", value(5, 0, Qualifier.UP_TO), new ClaimCheck.CrossCheck("x", ""));
    // 8 >= 8 holds; 8 > 8 fails but 8 may be up to 8.5 after rounding; 8 <= 7 fails but 8 may
    // be as low as 7.5... still above 7; 8 <= 5 fails at every value within the rounding
    assertThat(check("at-least-8").verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(check("more-than-8").verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
    assertThat(check("up-to-7").verdict()).isEqualTo(Verdict.DISCREPANCY);
    ClaimResult upTo5 = check("up-to-5");
    assertThat(upTo5.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(upTo5.difference()).isNaN();
    assertThat(upTo5.detail()).contains("8 is not <= 5");
  }

  @Test
  void unattainablePercentageIsADiscrepancy() {
    // 33% of 4: 1/4 = 25%, 2/4 = 50%; point count 1 (33% x 4 = 1.32)
    comparisons.add(
        new Comparison(
            "c",
            "e",
            "t",
            new Arm("treated", 4, null, new Reported(33, "%", 0, Qualifier.EXACT, "33%")),
            new Arm("control", 4, 1L, null),
            "s",
            ""));
    claim(
        "p",
        new Reported(33, "%", 0, Qualifier.EXACT, "33%"),
        new ClaimCheck.ArmPercent("c", Comparison.Side.TREATMENT, ""));
    ClaimResult r = check("p");
    assertThat(r.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.recomputed()).isEqualTo(25.0);
    assertThat(r.difference()).isEqualTo(-8.0);
    assertThat(r.detail())
        .contains("no whole count out of 4")
        .contains("1 gives 25% and 2 gives 50%");
  }

  @Test
  void crossCheckOfADerivedArmUsesTheCompatibleRange() {
    // 38% of 250: counts 94-96, 37.6% to 38.4%; "about 40%" at 0 decimals is out of reach,
    // "about 40%" at -1 decimals (35 to 45) is reproduced
    Reported printed = new Reported(38, "%", 0, Qualifier.EXACT, "38%");
    comparisons.add(
        new Comparison(
            "c",
            "e",
            "t",
            new Arm("a", 250, null, printed),
            new Arm("b", 251, null, new Reported(22, "%", 0, Qualifier.EXACT, "22%")),
            "s",
            ""));
    claim(
        "forty",
        new Reported(40, "%", 0, Qualifier.ABOUT, "about 40%"),
        new ClaimCheck.ArmPercent("c", Comparison.Side.TREATMENT, ""));
    claim(
        "forty-tens",
        new Reported(40, "%", -1, Qualifier.ABOUT, "about 40%"),
        new ClaimCheck.ArmPercent("c", Comparison.Side.TREATMENT, ""));
    ClaimResult forty = check("forty");
    assertThat(forty.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(forty.detail())
        .contains("94 (37.6%), 95 (38%), 96 (38.4%) give its printed 38%")
        .contains("stays between 37.6 and 38.4");
    // agreement with the arm's printed 38% only: consistent with another statement
    assertThat(check("forty-tens").verdict()).isEqualTo(Verdict.CONSISTENT);
  }

  @Test
  void ratioWithAPrintedExpectedCountIsChecked() {
    // 3 / 1.2 = 2.5 exactly
    sirs.add(
        new SirFigure(
            "o",
            "e",
            3,
            1.2,
            "printed: 1.2",
            new Reported(2.5, "fold", 1, Qualifier.EXACT, "2.5-fold"),
            "s",
            ""));
    claim("r", sirs.get(0).reportedRatio(), new ClaimCheck.Ratio("o", false, ""));
    ClaimResult r = check("r");
    assertThat(r.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.recomputed()).isEqualTo(2.5);
  }

  @Test
  void poissonTailOfZeroObservedIsOne() {
    sirs.add(new SirFigure("o", "e", 0, 2.0, "printed: 2", null, "s", ""));
    claim(
        "p",
        new Reported(0.05, "p", 2, Qualifier.MORE_THAN, "not significant"),
        new ClaimCheck.PoissonTail("o", null, ""));
    ClaimResult r = check("p");
    assertThat(r.recomputed()).isEqualTo(1.0);
    assertThat(r.verdict()).isEqualTo(Verdict.REPRODUCED);
  }

  @Test
  void poissonTailWithExactExpectedIsDecided() {
    // R: ppois(9, 3, lower.tail = FALSE) = 0.00110248813011548 (10 observed, 3 expected)
    sirs.add(new SirFigure("o", "e", 10, 3.0, "printed: 3", null, "s", ""));
    claim(
        "p",
        new Reported(0.05, "p", 2, Qualifier.UP_TO, "significant"),
        new ClaimCheck.PoissonTail("o", null, ""));
    ClaimResult r = check("p");
    assertThat(r.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.recomputed()).isCloseTo(0.00110248813011548, within(1e-15));
  }

  @Test
  void rateWithExactPersonTimeIsADiscrepancyAndSaysWhichRoundingWouldFit() {
    // 8 x 100 / 6400 = 0.125: half-up 0.13, so 0.12 is off by 0.005 when 6400 is exact
    rates.add(
        new RateFigure(
            "r",
            "e",
            8,
            6400,
            null,
            null,
            100,
            new Reported(0.12, "per 100 PY", 2, Qualifier.EXACT, "0.12"),
            "s",
            ""));
    claim("rate", rates.get(0).reportedRate(), new ClaimCheck.Rate("r", null, ""));
    ClaimResult r = check("rate");
    assertThat(r.verdict()).isEqualTo(Verdict.DISCREPANCY);
    assertThat(r.detail())
        .contains("by truncation or half-even rounding")
        .contains("needs more than 6400 and at most 6956.5 patient-years");
  }

  @Test
  void productOfExactConstants() {
    // 17257.6 / 1000 = 17.2576 -> 17.3
    claim("mw", value(17257.6, 1, Qualifier.EXACT), new ClaimCheck.Recorded(""));
    claim(
        "kda",
        value(17.3, 1, Qualifier.ABOUT),
        new ClaimCheck.Product(
            List.of(ref("mw")), List.of(new ClaimCheck.Constant(new BigDecimal("1000"))), ""));
    ClaimResult r = check("kda");
    assertThat(r.verdict()).isEqualTo(Verdict.REPRODUCED);
    assertThat(r.recomputed()).isCloseTo(17.2576, within(1e-12));
    assertThat(r.difference()).isCloseTo(-0.0424, within(1e-12));
  }
}
