package org.trialstats.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves claim drafts once every file is read: fills in printed values taken from figures,
 * checks that every reference names an entry of the right kind, and checks the constraints each
 * check kind places on its inputs.
 */
final class ClaimResolver {
  private static final String FILE = DatasetLoader.CLAIMS_FILE;

  private final DatasetLoader loader;
  private final Problems problems;
  private final Map<String, ClaimParser.Draft> drafts = new HashMap<>();
  private final Map<String, Reported> printed = new HashMap<>();

  ClaimResolver(DatasetLoader loader) {
    this.loader = loader;
    this.problems = loader.problems();
  }

  /** The claims whose drafts resolve without problems, in file order. */
  List<Claim> resolve(List<ClaimParser.Draft> list) {
    for (ClaimParser.Draft d : list) {
      drafts.put(d.id(), d);
    }
    for (ClaimParser.Draft d : list) {
      Reported reported = d.reported() != null ? d.reported() : printedByFigure(d);
      if (reported != null) {
        printed.put(d.id(), reported);
      }
    }
    List<Claim> claims = new ArrayList<>();
    for (ClaimParser.Draft d : list) {
      int before = problems.count();
      for (ClaimParser.Ref ref : d.refs()) {
        checkReference(d, ref);
      }
      for (ClaimParser.OperandAt op : d.operands()) {
        checkOperand(d, op);
      }
      checkKind(d);
      Reported reported = printed.get(d.id());
      if (problems.count() == before && reported != null) {
        claims.add(new Claim(d.id(), d.topic(), d.statement(), d.sourceId(), reported, d.check()));
      }
    }
    return claims;
  }

  /** The printed value a figure gives for claims that do not repeat it; null (reported) if none. */
  private Reported printedByFigure(ClaimParser.Draft d) {
    ClaimCheck check = d.check();
    if (check instanceof ClaimCheck.ArmPercent a) {
      Comparison c = loader.comparisons().get(a.comparisonId());
      if (c == null) {
        return null;
      }
      Reported percent = c.arm(a.side()).reportedPercent();
      if (percent == null) {
        missingReported(d, "comparison " + c.id() + " prints no percentage for its "
            + a.side().yamlName() + " arm");
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
        FILE, d.fields().map.line(), "reported",
        "expected a reported value (" + why + "), got nothing");
  }

  private void checkReference(ClaimParser.Draft d, ClaimParser.Ref ref) {
    if (loader.isDeclared(ref.kind(), ref.id())) {
      if (ref.kind().equals("claim") && ref.id().equals(d.id())) {
        problems.add(FILE, ref.line(), ref.field(), "expected another claim, got the claim itself");
      }
      return;
    }
    String other = loader.declaredKind(ref.id());
    problems.add(
        FILE, ref.line(), ref.field(),
        "expected the id of a " + describeKind(ref.kind()) + ", got '" + ref.id() + "'"
            + (other == null ? "" : ", which is a " + describeKind(other)));
  }

  private static String describeKind(String kind) {
    return switch (kind) {
      case "comparison" -> "comparison in " + DatasetLoader.COMPARISONS_FILE;
      case "rate" -> "rate in " + DatasetLoader.RATES_FILE;
      case "sir" -> "SIR figure (sirs) in " + DatasetLoader.RATES_FILE;
      case "claim" -> "claim in " + DatasetLoader.CLAIMS_FILE;
      case "source" -> "source in " + DatasetLoader.DATASET_FILE;
      default -> kind;
    };
  }

  private void checkOperand(ClaimParser.Draft d, ClaimParser.OperandAt at) {
    if (at.operand() instanceof ClaimCheck.Constant constant) {
      if (!"difference".equals(at.role()) && !"part".equals(at.role())
          && constant.value().signum() <= 0) {
        problems.add(
            FILE, at.line(), at.field(),
            "expected a positive " + at.role() + ", got " + Decimals.plain(constant.value()));
      }
      if ("part".equals(at.role()) && constant.value().stripTrailingZeros().scale() > 0) {
        problems.add(
            FILE, at.line(), at.field(),
            "expected a whole-number count as a part of a sum, got "
                + Decimals.plain(constant.value()));
      }
      return;
    }
    String id = ((ClaimCheck.ClaimValue) at.operand()).claimId();
    if (!loader.isDeclared("claim", id)) {
      checkReference(d, new ClaimParser.Ref("claim", id, at.line(), at.field()));
      return;
    }
    if (id.equals(d.id())) {
      problems.add(FILE, at.line(), at.field(), "expected another claim, got the claim itself");
      return;
    }
    Reported value = printed.get(id);
    if (value == null) {
      return; // the operand claim is invalid and already reported
    }
    if (!value.qualifier().isPointValue()) {
      problems.add(
          FILE, at.line(), at.field(),
          "expected a claim printing a value (qualifier exact or about), got '" + id
              + "' with qualifier " + value.qualifier().yamlName());
    } else if ("part".equals(at.role())
        && (value.decimals() != 0 || !DatasetLoader.isWhole(value.value()))) {
      problems.add(
          FILE, at.line(), at.field(),
          "expected a claim printing a whole-number count (decimals 0), got '" + id + "' = "
              + value.asReported());
    } else if (!"difference".equals(at.role()) && !"part".equals(at.role())
        && value.lowerLimit().signum() <= 0) {
      problems.add(
          FILE, at.line(), at.field(),
          "expected a claim printing a positive " + at.role() + " (also after rounding), got '"
              + id + "' = " + value.asReported());
    }
  }

  private void checkKind(ClaimParser.Draft d) {
    ClaimCheck check = d.check();
    Fields f = d.checkFields();
    if (check instanceof ClaimCheck.Rate r && r.patientYearsClaimId() != null) {
      RateFigure rate = loader.rates().get(r.rateId());
      checkSameValue(
          f, "patient_years_claim", r.patientYearsClaimId(),
          rate == null ? null : BigDecimal.valueOf(rate.patientYears()), "patient-years of rate "
              + r.rateId());
    }
    if (check instanceof ClaimCheck.CrossCheck c) {
      Reported other = printed.get(c.claimId());
      if (other != null && !other.qualifier().isPointValue()) {
        f.problem(
            "claim", "expected a claim printing a value (qualifier exact or about), got '"
                + c.claimId() + "' with qualifier " + other.qualifier().yamlName());
      }
    }
    if (check instanceof ClaimCheck.PoissonTail p) {
      SirFigure sir = loader.sirs().get(p.sirId());
      if (sir != null && loader.sirExpectedDerived(sir.id())) {
        f.problem(
            "sir", "expected a SIR figure whose expected count is printed, got '" + sir.id()
                + "' whose expected count is derived from its ratio");
      }
      if (p.expectedClaimId() != null) {
        checkSameValue(
            f, "expected_claim", p.expectedClaimId(),
            sir == null ? null : BigDecimal.valueOf(sir.expected()),
            "expected count of SIR figure " + p.sirId());
      }
      Reported level = printed.get(d.id());
      if (level != null && (level.qualifier() != Qualifier.UP_TO
          && level.qualifier() != Qualifier.MORE_THAN
          || !(level.value() > 0 && level.value() < 1))) {
        problems.add(
            FILE, d.fields().line("reported"), "reported",
            "expected a significance level between 0 and 1 with qualifier up-to (significant)"
                + " or more-than (not significant), got " + level.qualifier().yamlName() + " "
                + level.valueText());
      }
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
          key, "expected a claim printing the " + what + " (" + Decimals.plain(figureValue)
              + "), got '" + claimId + "' printing " + value.valueText());
    } else if (!value.qualifier().isPointValue()) {
      f.problem(
          key, "expected a claim printing a value (qualifier exact or about), got '" + claimId
              + "' with qualifier " + value.qualifier().yamlName());
    }
  }
}
