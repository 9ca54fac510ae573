package org.trialstats.evidence;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.trialstats.stats.IntervalPValue;

/**
 * Writes a {@link Dataset} in the YAML format {@link DatasetLoader} reads (the dataset README):
 * {@code dataset.yaml}, {@code claims.yaml} and, when not empty, {@code comparisons.yaml} and
 * {@code rates.yaml}. Text is always double-quoted, numbers are plain decimals, every printed
 * figure gives its decimals explicitly, and claims of kinds {@code arm-percent}, {@code rate} and
 * {@code ratio} take their printed value from their figure. Pure: returns the file texts.
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  /**
   * The files of {@code dataset}, by file name, in a stable order.
   *
   * @param dataset the dataset
   * @param header a comment written at the top of every file (one or more lines, without {@code #})
   * @return file name to UTF-8 text
   */
  public static Map<String, String> files(Dataset dataset, String header) {
    String comment = header.lines().map(l -> "# " + l).reduce("", (a, b) -> a + b + "\n");
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder d = new StringBuilder(comment);
    d.append("id: ")
        .append(quote(dataset.id()))
        .append('\n')
        .append("title: ")
        .append(quote(dataset.title()))
        .append('\n')
        .append("drug: ")
        .append(quote(dataset.drug()))
        .append('\n')
        .append("description: ")
        .append(quote(dataset.description()))
        .append('\n')
        .append("sources:\n");
    for (Source s : dataset.sources()) {
      d.append("  - id: ")
          .append(s.id())
          .append('\n')
          .append("    document: ")
          .append(quote(s.document()))
          .append('\n')
          .append("    section: ")
          .append(quote(s.section()))
          .append('\n')
          .append("    citation: ")
          .append(quote(s.citation()))
          .append('\n');
    }
    files.put(DatasetLoader.DATASET_FILE, d.toString());
    if (!dataset.comparisons().isEmpty()) {
      StringBuilder c = new StringBuilder(comment).append("comparisons:\n");
      for (Comparison comparison : dataset.comparisons()) {
        c.append("  - id: ")
            .append(comparison.id())
            .append('\n')
            .append("    endpoint: ")
            .append(quote(comparison.endpoint()))
            .append('\n')
            .append("    timepoint: ")
            .append(quote(comparison.timepoint()))
            .append('\n');
        arm(c, "treatment", comparison.treatment());
        arm(c, "control", comparison.control());
        c.append("    source: ").append(comparison.sourceId()).append('\n');
        note(c, "    ", comparison.note());
      }
      files.put(DatasetLoader.COMPARISONS_FILE, c.toString());
    }
    if (!dataset.rates().isEmpty() || !dataset.sirs().isEmpty()) {
      StringBuilder r = new StringBuilder(comment);
      if (!dataset.rates().isEmpty()) {
        r.append("rates:\n");
        for (RateFigure rate : dataset.rates()) {
          r.append("  - id: ")
              .append(rate.id())
              .append('\n')
              .append("    endpoint: ")
              .append(quote(rate.endpoint()))
              .append('\n')
              .append("    events: ")
              .append(rate.events())
              .append('\n')
              .append("    patient_years: ")
              .append(number(rate.patientYears()))
              .append('\n');
          if (rate.patients() != null) {
            r.append("    patients: ").append(rate.patients()).append('\n');
          }
          if (rate.meanFollowUpMonths() != null) {
            r.append("    mean_follow_up_months: ")
                .append(number(rate.meanFollowUpMonths()))
                .append('\n');
          }
          r.append("    per: ").append(number(rate.per())).append('\n');
          reported(r, "    reported: ", rate.reportedRate());
          r.append("    source: ").append(rate.sourceId()).append('\n');
          note(r, "    ", rate.note());
        }
      }
      if (!dataset.sirs().isEmpty()) {
        r.append("sirs:\n");
        for (SirFigure sir : dataset.sirs()) {
          r.append("  - id: ")
              .append(sir.id())
              .append('\n')
              .append("    endpoint: ")
              .append(quote(sir.endpoint()))
              .append('\n')
              .append("    observed: ")
              .append(sir.observed())
              .append('\n');
          // An expected count equal to observed / printed ratio was derived from the ratio.
          boolean derived =
              sir.reportedRatio() != null
                  && sir.expected() == sir.observed() / sir.reportedRatio().value();
          if (!derived) {
            r.append("    expected: ").append(number(sir.expected())).append('\n');
          }
          if (sir.reportedRatio() != null) {
            reported(r, "    reported_ratio: ", sir.reportedRatio());
          }
          r.append("    source: ").append(sir.sourceId()).append('\n');
          note(r, "    ", sir.note());
        }
      }
      files.put(DatasetLoader.RATES_FILE, r.toString());
    }
    StringBuilder cl = new StringBuilder(comment).append("claims:\n");
    for (Claim claim : dataset.claims()) {
      cl.append("  - id: ")
          .append(claim.id())
          .append('\n')
          .append("    topic: ")
          .append(quote(claim.topic()))
          .append('\n')
          .append("    statement: ")
          .append(quote(claim.statement()))
          .append('\n')
          .append("    source: ")
          .append(claim.sourceId())
          .append('\n');
      if (!ClaimParser.FIGURE_KINDS.contains(claim.check().kind())
          || crossChecksItsArm(dataset, claim)) {
        reported(cl, "    reported: ", claim.reported());
      }
      cl.append("    check: ").append(check(claim.check())).append('\n');
    }
    files.put(DatasetLoader.CLAIMS_FILE, cl.toString());
    return files;
  }

  /** An arm-percent claim printing its own figure, to be compared with the arm's (a link). */
  private static boolean crossChecksItsArm(Dataset dataset, Claim claim) {
    if (!(claim.check() instanceof ClaimCheck.ArmPercent a)) {
      return false;
    }
    return dataset.comparisons().stream()
        .filter(c -> c.id().equals(a.comparisonId()))
        .anyMatch(c -> !claim.reported().equals(c.arm(a.side()).reportedPercent()));
  }

  private static void arm(StringBuilder out, String side, Arm arm) {
    out.append("    ")
        .append(side)
        .append(":\n")
        .append("      label: ")
        .append(quote(arm.label()))
        .append('\n')
        .append("      n: ")
        .append(arm.n())
        .append('\n');
    if (arm.events() != null) {
      out.append("      events: ").append(arm.events()).append('\n');
    }
    if (arm.reportedPercent() != null) {
      reported(out, "      percent: ", arm.reportedPercent());
    }
  }

  private static void reported(StringBuilder out, String lead, Reported r) {
    out.append(lead)
        .append("{value: ")
        .append(Decimals.plain(r.exactValue()))
        .append(", unit: ")
        .append(quote(r.unit()))
        .append(", decimals: ")
        .append(r.decimals())
        .append(", qualifier: ")
        .append(r.qualifier().yamlName())
        .append(", as_reported: ")
        .append(quote(r.asReported()))
        .append("}\n");
  }

  private static String check(ClaimCheck check) {
    StringJoiner f = new StringJoiner(", ", "{", "}");
    f.add("kind: " + check.kind());
    if (check instanceof ClaimCheck.ArmPercent a) {
      f.add("comparison: " + a.comparisonId()).add("arm: " + a.side().yamlName());
    } else if (check instanceof ClaimCheck.Difference d) {
      f.add("minuend: " + operand(d.minuend())).add("subtrahend: " + operand(d.subtrahend()));
    } else if (check instanceof ClaimCheck.Sum s) {
      f.add("parts: " + operands(s.parts()));
    } else if (check instanceof ClaimCheck.Product p) {
      f.add("factors: " + operands(p.factors()));
      if (!p.divisors().isEmpty()) {
        f.add("divisors: " + operands(p.divisors()));
      }
    } else if (check instanceof ClaimCheck.CrossCheck c) {
      f.add("claim: " + c.claimId());
    } else if (check instanceof ClaimCheck.Rate r) {
      f.add("rate: " + r.rateId());
      if (r.patientYearsClaimId() != null) {
        f.add("patient_years_claim: " + r.patientYearsClaimId());
      }
    } else if (check instanceof ClaimCheck.Ratio r) {
      f.add("sir: " + r.sirId());
    } else if (check instanceof ClaimCheck.PoissonTail p) {
      f.add("sir: " + p.sirId());
      if (p.expectedClaimId() != null) {
        f.add("expected_claim: " + p.expectedClaimId());
      }
    } else if (check instanceof ClaimCheck.Accumulation a) {
      f.add(
              "half_life: ["
                  + operand(a.shortestHalfLife())
                  + ", "
                  + operand(a.longestHalfLife())
                  + "]")
          .add("dosing_interval: " + operand(a.dosingInterval()));
    } else if (check instanceof ClaimCheck.FormulaMass m) {
      StringJoiner formula = new StringJoiner(", ", "{", "}");
      m.formula().forEach((element, atoms) -> formula.add(element + ": " + atoms));
      f.add("formula: " + formula);
    } else if (check instanceof ClaimCheck.Percent p) {
      f.add("n: " + p.n());
      if (p.events() != null) {
        f.add("events: " + p.events());
      }
    } else if (check instanceof ClaimCheck.IntervalCentre i) {
      f.add("lower: " + Decimals.plain(i.lower()))
          .add("upper: " + Decimals.plain(i.upper()))
          .add("scale: " + scale(i.scale()));
    } else if (check instanceof ClaimCheck.IntervalP i) {
      f.add("estimate: " + Decimals.plain(i.estimate()))
          .add("lower: " + Decimals.plain(i.lower()))
          .add("upper: " + Decimals.plain(i.upper()))
          .add("level: " + Decimals.plain(i.level()))
          .add("scale: " + scale(i.scale()));
    } else if (check instanceof ClaimCheck.TestStatisticP t) {
      f.add("test: " + t.test().symbol()).add("statistic: " + Decimals.plain(t.statistic()));
      if (t.df1() != null) {
        f.add("df1: " + Decimals.plain(t.df1()));
      }
      if (t.df2() != null) {
        f.add("df2: " + Decimals.plain(t.df2()));
      }
      f.add("one_tailed_mentioned: " + t.oneTailedMentioned());
    } else if (check instanceof ClaimCheck.Stratified strat) {
      f.add("comparison: " + strat.comparisonId())
          .add("measure: " + strat.method().measure().id())
          .add("method: " + strat.method().id())
          .add("quantity: " + strat.quantity().yamlName());
      if (strat.level() != null) {
        f.add("level: " + Decimals.plain(strat.level()));
      }
    } else if (check instanceof ClaimCheck.NotCheckable n) {
      f.add("missing: " + quote(n.missing()));
    }
    if (!check.note().isEmpty()) {
      f.add("note: " + quote(check.note()));
    }
    return f.toString();
  }

  private static String scale(IntervalPValue scale) {
    return scale == IntervalPValue.LOG ? "log" : "linear";
  }

  private static String operands(List<ClaimCheck.Operand> operands) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    operands.forEach(o -> j.add(operand(o)));
    return j.toString();
  }

  private static String operand(ClaimCheck.Operand operand) {
    return operand instanceof ClaimCheck.Constant c
        ? Decimals.plain(c.value())
        : ((ClaimCheck.ClaimValue) operand).claimId();
  }

  private static void note(StringBuilder out, String indent, String note) {
    if (!note.isEmpty()) {
      out.append(indent).append("note: ").append(quote(note)).append('\n');
    }
  }

  private static String number(double x) {
    return Decimals.plain(BigDecimal.valueOf(x).stripTrailingZeros());
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
