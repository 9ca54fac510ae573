package org.trialstats.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves claim drafts once every file is read (references were checked by the loader): fills in
 * printed values taken from figures and checks the constraints each check kind places on its
 * inputs.
 */
final class ClaimResolver {
  private static final String FILE = DatasetLoader.CLAIMS_FILE;

  private final DatasetLoader loader;
  private final Problems problems;

  /** Each claim's printed value, its own or its figure's. */
  private final Map<String, Reported> printed = new HashMap<>();

  ClaimResolver(DatasetLoader loader) {
    this.loader = loader;
    this.problems = loader.problems();
  }

  /** The claims whose drafts resolve without problems, in file order. */
  List<Claim> resolve(List<ClaimParser.Draft> drafts) {
    for (ClaimParser.Draft d : drafts) {
      Reported reported = d.reported() != null ? d.reported() : printedByFigure(d);
      if (reported != null) {
        printed.put(d.id(), reported);
      }
    }
    List<Claim> claims = new ArrayList<>();
    for (ClaimParser.Draft d : drafts) {
      int before = problems.count();
      for (ClaimParser.OperandAt operand : d.operands()) {
        checkOperand(operand);
      }
      checkKind(d);
      Reported reported = printed.get(d.id());
      if (problems.count() == before && reported != null) {
        claims.add(new Claim(d.id(), d.topic(), d.statement(), d.sourceId(), reported, d.check()));
      }
    }
    return claims;
  }

  /** The printed value a figure gives to a claim that does not repeat it; null if none. */
  private Reported printedByFigure(ClaimParser.Draft d) {
    ClaimCheck check = d.check();
    if (check instanceof ClaimCheck.ArmPercent a) {
      Comparison c = loader.comparisons().get(a.comparisonId());
      if (c == null) {
        return null;
      }
      Reported percent = c.arm(a.side()).reportedPercent();
      if (percent == null) {
        missingReported(
            d,
            "comparison "
                + c.id()
                + " prints no percentage for its "
                + a.side().yamlName()
                + " arm");
      }
      return percent;
    }
    if (check instanceof ClaimCheck.Rate r) {
      RateFigure rate = loader.rates().get(r.rateId());
      return rate == null ? null : rate.reportedRate();
    }
    if (check instanceof ClaimCheck.Ratio r) {
      SirFigure sir = loader.sirs().get(r.sirId());
      if (sir != null && sir.reportedRatio() == null) {
        missingReported(d, "SIR figure " + sir.id() + " prints no ratio");
      }
      return sir == null ? null : sir.reportedRatio();
    }
    return null;
  }

  private void missingReported(ClaimParser.Draft d, String why) {
    problems.add(
        FILE,
        d.fields().map.line(),
        "reported",
        "expected a reported value (" + why + "), got nothing");
  }

  private void checkOperand(ClaimParser.OperandAt at) {
    ClaimParser.Role role = at.role();
    if (at.operand() instanceof ClaimCheck.Constant constant) {
      BigDecimal value = constant.value();
      if (role.positive && value.signum() <= 0) {
        operandProblem(at, "a positive " + role.label, Decimals.plain(value));
      } else if (role.wholeCount && value.stripTrailingZeros().scale() > 0) {
        operandProblem(at, "a whole-number count", Decimals.plain(value));
      }
      return;
    }
    String id = ((ClaimCheck.ClaimValue) at.operand()).claimId();
    Reported value = printed.get(id);
    if (value == null) {
      return; // an unknown or invalid claim, already reported
    }
    String got = "'" + id + "' = " + value.asReported();
    if (!value.qualifier().isPointValue()) {
      operandProblem(
          at,
          "a claim printing a value (qualifier exact or about)",
          "'" + id + "' with qualifier " + value.qualifier().yamlName());
    } else if (role.wholeCount
        && (value.decimals() != 0 || value.exactValue().stripTrailingZeros().scale() > 0)) {
      operandProblem(at, "a claim printing a whole-number count (decimals 0)", got);
    } else if (role.positive && value.lowerLimit().signum() <= 0) {
      operandProblem(
          at, "a claim printing a positive " + role.label + " (also after rounding)", got);
    }
  }

  private void operandProblem(ClaimParser.OperandAt at, String expected, String got) {
    problems.add(FILE, at.line(), at.field(), "expected " + expected + ", got " + got);
  }

  private void checkKind(ClaimParser.Draft d) {
    ClaimCheck check = d.check();
    Fields f = d.checkFields();
    if (check instanceof ClaimCheck.Rate r && r.patientYearsClaimId() != null) {
      RateFigure rate = loader.rates().get(r.rateId());
      checkSameValue(
          f,
          "patient_years_claim",
          r.patientYearsClaimId(),
          rate == null ? null : BigDecimal.valueOf(rate.patientYears()),
          "patient-years of rate " + r.rateId());
    }
    if (check instanceof ClaimCheck.CrossCheck c) {
      Reported other = printed.get(c.claimId());
      if (other != null && !other.qualifier().isPointValue()) {
        f.problem(
            "claim",
            "expected a claim printing a value (qualifier exact or about), got '"
                + c.claimId()
                + "' with qualifier "
                + other.qualifier().yamlName());
      }
    }
    if (check instanceof ClaimCheck.PoissonTail p) {
      checkPoissonTail(d, p, f);
    }
    Reported reported = printed.get(d.id());
    if (reported == null) {
      return;
    }
    if (check instanceof ClaimCheck.Percent
        && (!reported.qualifier().isPointValue() || !reported.unit().equals("%"))) {
      problems.add(
          FILE,
          d.fields().line("reported"),
          "reported",
          "expected a percentage (unit %, qualifier exact or about), got "
              + reported.qualifier().yamlName()
              + " "
              + reported.valueText()
              + " "
              + reported.unit());
    }
    boolean pValue =
        check instanceof ClaimCheck.IntervalP
            || check instanceof ClaimCheck.TestStatisticP
            || check instanceof ClaimCheck.Stratified strat
                && strat.quantity() == ClaimCheck.Stratified.Quantity.P_VALUE;
    if (pValue && (reported.value() < 0 || reported.value() > 1)) {
      problems.add(
          FILE,
          d.fields().line("reported"),
          "reported",
          "expected a p-value between 0 and 1, got " + reported.valueText());
    }
  }

  private void checkPoissonTail(ClaimParser.Draft d, ClaimCheck.PoissonTail p, Fields f) {
    SirFigure sir = loader.sirs().get(p.sirId());
    if (sir != null && loader.sirExpectedDerived(sir.id())) {
      f.problem(
          "sir",
          "expected a SIR figure whose expected count is printed, got '"
              + sir.id()
              + "' whose expected count is derived from its ratio");
    }
    if (p.expectedClaimId() != null) {
      checkSameValue(
          f,
          "expected_claim",
          p.expectedClaimId(),
          sir == null ? null : BigDecimal.valueOf(sir.expected()),
          "expected count of SIR figure " + p.sirId());
    }
    Reported level = printed.get(d.id());
    boolean bound =
        level != null
            && (level.qualifier() == Qualifier.UP_TO || level.qualifier() == Qualifier.MORE_THAN);
    if (level != null && (!bound || !(level.value() > 0 && level.value() < 1))) {
      problems.add(
          FILE,
          d.fields().line("reported"),
          "reported",
          "expected a significance level between 0 and 1 with qualifier up-to (significant)"
              + " or more-than (not significant), got "
              + level.qualifier().yamlName()
              + " "
              + level.valueText());
    }
  }

  private void checkSameValue(
      Fields f, String key, String claimId, BigDecimal figureValue, String what) {
    Reported value = printed.get(claimId);
    if (value == null || figureValue == null) {
      return;
    }
    if (value.exactValue().compareTo(figureValue) != 0) {
      f.problem(
          key,
          "expected a claim printing the "
              + what
              + " ("
              + Decimals.plain(figureValue.stripTrailingZeros())
              + "), got '"
              + claimId
              + "' printing "
              + value.valueText());
    } else if (!value.qualifier().isPointValue()) {
      f.problem(
          key,
          "expected a claim printing a value (qualifier exact or about), got '"
              + claimId
              + "' with qualifier "
              + value.qualifier().yamlName());
    }
  }
}
